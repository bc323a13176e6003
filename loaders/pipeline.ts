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
import {openCounts, openPublish} from "./disclosure/atoms.js";
import {registerReport, seal, type SealedFiles} from "./disclosure/registry.js";
import type {ReleaseContext} from "./disclosure/release.js";

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
 * explorer's cube under verkennen/. The folder is read, validated and scoped once for both. Every
 * count in the files is registered in the disclosure model (loaders/disclosure/registry.ts) and the
 * files are sealed against it: the archive writer takes nothing else.
 */
export function siteReleaseFromEnvironment(options: LoadOptions = {}): {files: SealedFiles; context: ReleaseContext} {
  return siteRelease(loadFromEnvironment(options).dataset);
}

/** The release of one validated dataset: its files, sealed, and what the audit needs. */
export function siteRelease(dataset: Dataset): {files: SealedFiles; context: ReleaseContext} {
  const scope = buildScope(dataset);
  const raw = computeReport(dataset, scope);
  const report = publishReport(raw, dataset.settings);
  const files = new Map([...reportFiles(report)].map(([name, part]): [string, string] => [name, JSON.stringify(part)]));
  for (const [name, text] of explorerCube(dataset, scope)) files.set(`verkennen/${name}`, text);
  const slugs = schoolSlugs(report.factsheets);
  const slugOf = (schoolId: string) => slugs.get(schoolId) ?? schoolId;
  const open = openCounts(openPublish(raw, dataset.settings), slugOf, true);
  const registry = registerReport(report, open, slugOf, dataset.settings);
  return {files: seal(files, registry), context: {dataset, scope, registry, open, slugOf}};
}

export function siteFilesFromEnvironment(options: LoadOptions = {}): SealedFiles {
  return siteReleaseFromEnvironment(options).files;
}

/** The explorer's cube files (/verkennen): counted from the same input and perturbed by the
 *  cell-key method (loaders/cube/ptable.ts), so any cut a reader asks for is noisy, not exact. */
export function explorerCube(dataset: Dataset, scope: Scope): Map<string, string> {
  return publishCube(countCube(dataset, scope), dataset.settings);
}
