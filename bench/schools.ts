// npm run bench:schools — how the site scales with the number of schools. Writes a synthetic
// municipality with 500 schools in the data contract's format, checks it with the contract, builds
// the whole site from it (`NADERE_OGEN_DATA=<folder> npm run build`, into the normal dist/), and
// reports wall time, peak memory, pages and dist size. Then it builds the default data again, so
// dist/ is what everyone else expects, and reports that build too for comparison.
//
// Usage: npx tsx bench/schools.ts [--schools 500] [--keep] [--limit-s 600]
import {type ChildProcess, spawn} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {loadDataset} from "../loaders/contract.js";
import {readInputFolder} from "../loaders/io.js";
import {municipalityOfSchools, writeMunicipality} from "./municipality.js";
import {treeRss} from "./rss.js";

const projectDir = path.resolve(import.meta.dirname, "..");
const distDir = path.join(projectDir, "dist");

const {values: options} = parseArgs({
  options: {
    schools: {type: "string", default: "500"},
    keep: {type: "boolean", default: false},
    "limit-s": {type: "string", default: "600"},
    /** Only write and check the input, no builds. */
    "input-only": {type: "boolean", default: false}
  }
});
const schoolCount = Number(options.schools);
const limitMs = Number(options["limit-s"]) * 1000;

interface BuildRun {
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  peakRssBytes: number;
  log: string;
}

/** `npm run build` with the given data folder; polls the process tree's memory every 100 ms. */
function runBuild(dataDir: string | null, limit: number): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", npm_config_update_notifier: "false", FORCE_COLOR: "0"};
  if (dataDir) env.NADERE_OGEN_DATA = dataDir;
  else delete env.NADERE_OGEN_DATA;
  const started = performance.now();
  // Its own process group, so a build over the limit can be stopped with all its children.
  const build: ChildProcess = spawn("npm", ["run", "build"], {cwd: projectDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"]});
  let log = "";
  build.stdout!.on("data", (chunk: Buffer) => void (log += chunk));
  build.stderr!.on("data", (chunk: Buffer) => void (log += chunk));
  let peakRssBytes = 0;
  let timedOut = false;
  const poll = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, treeRss(build.pid!));
    if (performance.now() - started > limit && !timedOut) {
      timedOut = true;
      process.kill(-build.pid!, "SIGTERM");
    }
  }, 100);
  return new Promise((resolve) => {
    build.on("exit", (exitCode) => {
      clearInterval(poll);
      resolve({exitCode, timedOut, wallMs: performance.now() - started, peakRssBytes, log});
    });
  });
}

function sizeOf(dir: string): {bytes: number; files: number} {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return {bytes, files};
}

function pageCount(dir: string): number {
  return readdirSync(dir, {recursive: true, encoding: "utf8"}).filter((name) => name.endsWith(".html")).length;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function report(label: string, run: BuildRun): void {
  if (run.timedOut) {
    console.log(`${label}: gestopt na ${seconds(run.wallMs)} (grens ${seconds(limitMs)})`);
    return;
  }
  if (run.exitCode !== 0) {
    console.log(run.log.slice(-4000));
    console.log(`${label}: bouw mislukt (exitcode ${run.exitCode}) na ${seconds(run.wallMs)}`);
    return;
  }
  const total = sizeOf(distDir);
  const schools = sizeOf(path.join(distDir, "scholen"));
  // The pages' data lives apart from the pages: one JSON per school, copied by Framework into _file/.
  const factsheets = sizeOf(path.join(distDir, "_file/data/rapport/factsheets"));
  console.log(
    `${label}: ${seconds(run.wallMs)}, piek-RSS ${mb(run.peakRssBytes)}, ${pageCount(distDir)} pagina's ` +
      `(${pageCount(path.join(distDir, "scholen"))} in scholen/), dist ${mb(total.bytes)} in ${total.files} bestanden, ` +
      `dist/scholen ${mb(schools.bytes)} in ${schools.files} bestanden, factsheet-JSON ${mb(factsheets.bytes)} in ${factsheets.files} bestanden`
  );
}

const folder = mkdtempSync(path.join(tmpdir(), `nadere-ogen-${schoolCount}-scholen-`));
try {
  const generated = performance.now();
  const rows = writeMunicipality(folder, municipalityOfSchools(schoolCount));
  const checked = performance.now();
  const {scope} = loadDataset(readInputFolder(folder));
  console.log(
    `invoer in ${folder}: ${schoolCount} scholen, ${rows.enrolments} inschrijvingen (${scope.enrolmentsKept} gebruikt), ` +
      `${rows.trajectories} trajecten (${scope.trajectoriesKept} gebruikt); gemaakt in ${seconds(checked - generated)}, ` +
      `contract gecontroleerd in ${seconds(performance.now() - checked)}`
  );
  if (!options["input-only"]) {
    try {
      report(`bouw met ${schoolCount} scholen`, await runBuild(folder, limitMs));
    } finally {
      // dist/ back to the default data, whatever happened above: other people's tests read it.
      report("bouw met de standaardgegevens", await runBuild(null, limitMs));
    }
  }
} finally {
  if (!options.keep) rmSync(folder, {recursive: true, force: true});
}
