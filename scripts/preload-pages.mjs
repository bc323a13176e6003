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
import {LoaderResolver} from "@observablehq/framework/dist/loader.js";
import {tsImport} from "tsx/esm/api";

const {releasedReportWrittenSince} = await tsImport("../loaders/pipeline.ts", import.meta.url);

/** Framework's output for the loader: none (it goes to the cache); its log line is ours, below. */
const quiet = {output: {write() {}}, logger: {log() {}, warn: console.warn, error: console.error}};
let failed = false;

// The home page's loader first, alone: whichever loader runs first computes the release that the
// others read from the build cache, and two at once would both compute it. It starts before the config
// is read, since reading it reads and validates the whole input for the site's structure (a country:
// 14 s of one core, national build 23). Found as the config finds it: the root src/, Framework's own
// interpreters (checked against the config below).
const ROOT = "src";
const home = {path: "/index", loader: new LoaderResolver({root: ROOT, interpreters: {}}).findPage("/index")};
const started = Date.now();
let firstDone = false;
const firstLoaded = load(home).then(() => (firstDone = true));

// On a config that fails (the input's own errors, in Dutch), the home page's loader fails as well:
// waited for, so that no loader is left running behind this script.
const config = await readConfig(undefined, ".").catch(async (error) => {
  await firstLoaded;
  throw error;
});
if (config.root !== ROOT || config.loaders.findPage(home.path)?.path !== home.loader.path) throw new Error(`preload-pages: de startpagina staat niet meer in ${ROOT}/`);

const pages = [];
for await (const path of config.paths()) {
  const loader = config.loaders.findPage(path);
  // Plain Markdown pages have nothing to run.
  if (path !== home.path && loader && /\.md\.[a-z]+$/.test(loader.path)) pages.push({path, loader});
}
// The file loaders under data/ as well (name.ext.ts: the archive src/data/rapport.zip.ts, which waits
// for the audit as /verantwoording does): `observable build` runs them one after another once every
// page is loaded, and a country's archive took 8 s there, with both cores otherwise idle.
const files = [];
const dataDir = join(config.root, "data");
for (const name of existsSync(dataDir) ? readdirSync(dataDir, {recursive: true}).sort() : []) {
  const match = /^(.+\.[a-z0-9]+)\.[cm]?[jt]s$/.exec(String(name));
  const loader = match && config.loaders.find(`/data/${match[1]}`);
  if (loader) files.push({path: `/data/${match[1]}`, loader});
}

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

// The home page's loader writes the released report before it audits the release (a country's
// audit: about two minutes, one core); the pages read that report, so the other pages start then,
// beside the audit. The pages that state the audit's figures (/verantwoording, /verkennen) wait for
// the audit there (pipeline.ts auditedSiteFromEnvironment), as the archive does
// (src/data/rapport.zip.ts). A failed audit stops the build at the archive.
while (!firstDone && !releasedReportWrittenSince(started)) await sleep(1000);
if (failed) process.exit(1);
const seconds = ((Date.now() - started) / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 1});
console.log(`vooraf laden: het rapport staat klaar na ${seconds} s; de andere pagina's beginnen`);
// Parameterized pages first: the factsheet template's loader renders every school's factsheet and is
// by far the longest, so it should not be the one left running at the end.
const queue = [...pages.filter((p) => p.loader.path.includes("[")), ...pages.filter((p) => !p.loader.path.includes("[")), ...files];
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
