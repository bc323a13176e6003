// The build's one path from input folder to publishable numbers: load and validate the folder
// (contract), compute every table (report), pass everything through the suppression rule
// (publish). Site loaders and `npm run tables` call this and nothing below it.

import type {ScopeReport} from "./contract.js";
import {loadFromEnvironment, type LoadOptions} from "./load.js";
import {publishReport, type PublicReport} from "./publish.js";
import {computeReport} from "./report.js";
import {schoolSlugs} from "../src/lib/slug.js";
import {countCube} from "./cube/count.js";
import {publishCube} from "./cube/publish.js";
import {hiddenInReport} from "./cube/reportCells.js";
import {buildScope} from "./tables/scope.js";

export interface PublicBuild {
  report: PublicReport;
  scope: ScopeReport;
}

export function publicReportFromEnvironment(options: LoadOptions = {}): PublicBuild {
  const {dataset, scope} = loadFromEnvironment(options);
  return {report: publishReport(computeReport(dataset), dataset.settings), scope};
}

/** The report as separate JSON files, so a page loads only the part it shows. Factsheets are named by
 *  the school's URL slug: the page /scholen/<slug> attaches factsheets/<slug>.json. */
export function reportFiles(report: PublicReport): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const {factsheets, ...parts} = report;
  for (const [name, part] of Object.entries(parts)) files.set(`${name}.json`, part);
  const slugs = schoolSlugs(factsheets);
  for (const sheet of factsheets) files.set(`factsheets/${slugs.get(sheet.schoolId)}.json`, sheet);
  // The /scholen/ index links each school to its page by this list, not by slugging names again.
  files.set("factsheets.json", factsheets.map(({schoolId, name}) => ({schoolId, name, slug: slugs.get(schoolId)})));
  return files;
}

/** The explorer's cube files (/verkennen): counted from the same validated input, protected, and
 *  kept consistent with what the report's pages hide. */
export function explorerCubeFromEnvironment(options: LoadOptions = {}): Map<string, string> {
  const {dataset} = loadFromEnvironment(options);
  const report = publishReport(computeReport(dataset), dataset.settings);
  const counts = countCube(dataset, buildScope(dataset));
  return publishCube(counts, dataset.settings, hiddenInReport(report, counts.grid));
}
