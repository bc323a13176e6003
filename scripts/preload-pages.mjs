// Runs the site's page loaders, and the file loaders under data/, before `observable build`, as many at a
// time as the machine has cores, into Framework's own loader cache (src/.observablehq/cache), where the
// build then finds them fresh.
//
// Why: `observable build` loads its pages one after another. The first page loader computes and audits
// the release (cached in node_modules/.cache/nadere-ogen); every other one reads that and writes one
// page, in one thread, and the factsheet loader renders every school's page in two. For a country
// (issue 13) those loaders took 3 min 41 s one after another, most of it with one core idle
// (bench/README.md). The loaders, their arguments, their output paths and the freshness rule are
// Framework's own (its LoaderResolver, the one `observable build` uses): this only starts them earlier
// and side by side. A loader that fails stops the build here, with its own message on stderr.
//
// Usage: node scripts/preload-pages.mjs  (from the project root, after `npm run clean`; see package.json)
import {existsSync, readdirSync} from "node:fs";
import {availableParallelism} from "node:os";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {tsImport} from "tsx/esm/api";

const {releasedReportWrittenSince} = await tsImport("../loaders/pipeline.ts", import.meta.url);

const config = await readConfig(undefined, ".");
/** Framework's output for the loader: none (it goes to the cache); its log line is ours, below. */
const quiet = {output: {write() {}}, logger: {log() {}, warn: console.warn, error: console.error}};

const pages = [];
for await (const path of config.paths()) {
  const loader = config.loaders.findPage(path);
  // Plain Markdown pages have nothing to run.
  if (loader && /\.md\.[a-z]+$/.test(loader.path)) pages.push({path, loader});
}
// The file loaders under data/ as well (name.ext.ts: the archive src/data/rapport.zip.ts, which waits
// for the audit as /verantwoording does): `observable build` runs them one after another once every
// page is loaded, and a country's archive took 8–9 s there, with both cores otherwise idle.
const files = [];
const dataDir = join(config.root, "data");
for (const name of existsSync(dataDir) ? readdirSync(dataDir, {recursive: true}).sort() : []) {
  const match = /^(.+\.[a-z0-9]+)\.[cm]?[jt]s$/.exec(String(name));
  const loader = match && config.loaders.find(`/data/${match[1]}`);
  if (loader) files.push({path: `/data/${match[1]}`, loader});
}

let failed = false;

/** Runs one page's loader; on a failure, says which and marks the run failed. */
async function load({path, loader}) {
  const started = performance.now();
  try {
    await loader.load({}, quiet);
  } catch (error) {
    failed = true;
    console.error(`vooraf laden mislukt: ${path}: ${error.message}`);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 1});
  console.log(`vooraf geladen: ${path} (${seconds} s)`);
}

if (pages.length > 0) {
  // The first page alone at first: whichever loader runs first computes the release that the others
  // read from the build cache, and two at once would both compute it. It writes the released report
  // there before it audits the release (a country's audit: about two minutes, one core); the pages
  // read that report, so the other pages start then, beside the audit. The pages that state the
  // audit's figures (/verantwoording, /verkennen) wait for the audit there (pipeline.ts
  // auditedSiteFromEnvironment), as the archive does (src/data/rapport.zip.ts). A failed audit still
  // stops the build at the archive, as before. (Started before the config is read, which reads the
  // whole input, the first loader gained 3 s at a country's first atoms and nothing after: national
  // builds 26 and 27.)
  const [first, ...rest] = pages;
  const started = Date.now();
  let firstDone = false;
  const firstLoaded = load(first).then(() => (firstDone = true));
  while (!firstDone && !releasedReportWrittenSince(started)) await sleep(1000);
  if (failed) process.exit(1);
  const seconds = ((Date.now() - started) / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 1});
  console.log(`vooraf laden: het rapport staat klaar na ${seconds} s; de andere pagina's beginnen`);
  // Parameterized pages first: the factsheet template's loader renders every school's factsheet and is
  // by far the longest, so it should not be the one left running at the end.
  const queue = [...rest.filter((p) => p.loader.path.includes("[")), ...rest.filter((p) => !p.loader.path.includes("[")), ...files];
  /** Takes pages until none is left, one fails, or `until()` holds. */
  const worker = async (until = () => false) => {
    while (queue.length > 0 && !failed && !until()) await load(queue.shift());
  };
  // One more at a time while the first loader still audits: a page that waits for the audit holds
  // its place without using a core (in a country's build 15, /verantwoording waited 165 s, and the
  // pages behind it with it), and the audit uses one core of its own.
  const workers = Array.from({length: Math.min(availableParallelism(), queue.length)}, () => worker());
  // On a failure no further loader starts; those running finish first, so none is left behind.
  await Promise.all([firstLoaded, ...workers, worker(() => firstDone)]);
  if (failed) process.exit(1);
}
