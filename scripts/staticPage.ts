// Pages written at build time, so they read correctly without JavaScript (print, screen readers, search
// engines, slow phones). A page loader (src/**/<page>.md.ts) reads the released report once and fills the
// page's Markdown template (<page>.md.in) with its text, tables and charts; the page's own code then only
// adds what answers the reader's choices. The template's marks are in pageTemplate.ts.
import {readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {exitOnInputError} from "../loaders/load.js";
import {auditedSiteFromEnvironment, pageReportFromEnvironment, type PageReport} from "../loaders/pipeline.js";
import type {PrivacySummary} from "../loaders/disclosure/release.js";
import type {PageContext} from "../loaders/content.js";
import {pageContext} from "../loaders/site.js";
import {fillTemplate, templateSite, type Block, type PageParts} from "./pageTemplate.js";
import {setAside} from "./largeBlocks.mjs";
// Sets up the DOM the components draw in, before any page loader imports one.
import "./staticFigures.js";

export type {PageParts, PageReport};

/**
 * The page loader's whole work: the released report, exactly as the site publishes it, and the study's
 * content folder with the site's flags (loaders/content.ts: which optional pages and passages exist),
 * through `parts` into the
 * template next to the loader (same name, .md.in), or the one `template` picks (a content folder's
 * chapter), written to stdout.
 */
export async function writeStaticPage(
  loaderUrl: string,
  parts: (report: PageReport, page: PageContext & {privacy: PrivacySummary | null}) => PageParts | Promise<PageParts>,
  {privacy = false, template}: {privacy?: boolean; template?: (page: PageContext) => {name: string; text: string}} = {}
): Promise<void> {
  const templatePath = fileURLToPath(loaderUrl).replace(/\.md\.ts$/, ".md.in");
  await exitOnInputError(async () => {
    const {report, facts, summary} = privacy ? await auditedReport() : {...(await pageReportFromEnvironment({log: () => {}})), summary: null};
    const page = {...pageContext(facts), privacy: summary};
    const {name, text} = template ? template(page) : {name: path.basename(templatePath), text: readFileSync(templatePath, "utf8")};
    const filled = await parts(report, page);
    // A country's tables of every school: past Framework, back in by postbuild (largeBlocks.mjs).
    const blocks = Object.fromEntries(
      Object.entries(filled.blocks ?? {}).map(([key, value]): [string, Block] => [key, typeof value === "string" ? setAside(value) : (argument) => setAside(value(argument))])
    );
    process.stdout.write(fillTemplate(text, {...filled, blocks}, name, templateSite(page)));
  });
}

/** The report as the site's files hold it, with the privacy officer's figures of the audit of the whole
 *  release: the archive src/data/rapport.zip.ts publishes, computed once per build (build cache). */
async function auditedReport() {
  const {files, facts} = await auditedSiteFromEnvironment({log: () => {}});
  const report: PageReport = {};
  for (const [name, text] of files) {
    const part = /^([a-z0-9]+)\.json$/i.exec(name)?.[1];
    if (part && part !== "factsheets") report[part] = JSON.parse(text);
  }
  // What /verkennen tells about its perturbation, as its own meta file has it, and its files as
  // published (the perturbed counts of its first view).
  report.cubeMeta = JSON.parse(files.get("verkennen/meta.json") as string);
  report.cubeFiles = Object.fromEntries([...files].filter(([name]) => name.startsWith("verkennen/") && name.endsWith(".csv")).map(([name, text]) => [name.slice("verkennen/".length), text]));
  return {report, facts, summary: JSON.parse(files.get("privacy.json") as string) as PrivacySummary};
}
