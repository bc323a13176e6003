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
import type {Dataset} from "./model.js";
import {buildScope, type Scope} from "./tables/scope.js";

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

/**
 * Every file of the site's data loader (src/data/rapport.zip.ts): the report's parts as JSON and the
 * explorer's cube under verkennen/. The folder is read, validated and scoped once for both.
 */
export function siteFilesFromEnvironment(options: LoadOptions = {}): Map<string, string> {
  const {dataset} = loadFromEnvironment(options);
  const scope = buildScope(dataset);
  const report = publishReport(computeReport(dataset, scope), dataset.settings);
  const files = new Map([...reportFiles(report)].map(([name, part]): [string, string] => [name, JSON.stringify(part)]));
  for (const [name, text] of explorerCube(dataset, scope)) files.set(`verkennen/${name}`, text);
  return files;
}

/** The explorer's cube files (/verkennen): counted from the same input and perturbed by the
 *  cell-key method (loaders/cube/ptable.ts), so any cut a reader asks for is noisy, not exact. */
export function explorerCube(dataset: Dataset, scope: Scope): Map<string, string> {
  return publishCube(countCube(dataset, scope), dataset.settings);
}
