// Runs beside `observable preview` (npm run dev). Framework re-runs a data loader only when the loader
// file is newer than its cached output; code and data the loader imports or reads are not tracked
// (observablehq/framework#204). So whenever something below loaders/ or data/ changes, touch every
// loader in src/ and the preview re-runs them and reloads the page with new data.
//
// A page template (src/**/<page>.md.in) is read by the page loader beside it, not by Framework: when one
// changes, the page loaders in its folder are touched (a parameterized page such as [analyse].md.ts
// reads a template of another name).
//
// Directories are watched rather than files, so editors that save by replacing the file (a new inode)
// and `sed -i` are noticed too; directories created later are picked up on the next change.
//
// Usage: node scripts/touch-loaders.mjs [--once]
import {readdirSync, utimesSync, watch} from "node:fs";
import path from "node:path";

const WATCHED = ["loaders", "data"];
const SOURCE = "src";
// Page loaders (.md.ts) render data into the page, so they count too.
const LOADER = /\.(json|csv|tsv|arrow|parquet|zip|md)\.(ts|js)$/;

/** @returns {string[]} `dir` and every directory below it (none when it does not exist) */
function directories(/** @type {string} */ dir) {
  try {
    const below = readdirSync(dir, {withFileTypes: true, recursive: true}).filter((e) => e.isDirectory());
    return [dir, ...below.map((e) => path.join(e.parentPath, e.name))];
  } catch {
    return [];
  }
}

function touchLoaders(/** @type {string} */ under = SOURCE, recursive = true, pattern = LOADER) {
  const now = new Date();
  const loaders = readdirSync(under, {withFileTypes: true, recursive})
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => pattern.test(file) && !file.split(path.sep).includes(".observablehq"));
  for (const file of loaders) utimesSync(file, now, now);
  console.log(`${now.toLocaleTimeString("nl-NL")} ${loaders.length} loaders aangeraakt`);
}

const PAGE_LOADER = /\.md\.(ts|js)$/;

/** Watches src/ and its folders for page templates (.md.in); touching a loader does not trigger it. */
function watchTemplates() {
  /** @type {Map<string, NodeJS.Timeout>} */
  const pending = new Map();
  for (const dir of directories(SOURCE).filter((d) => !d.split(path.sep).includes(".observablehq"))) {
    const watcher = watch(dir, (_, name) => {
      if (!name?.toString().endsWith(".md.in")) return;
      clearTimeout(pending.get(dir));
      pending.set(dir, setTimeout(() => touchLoaders(dir, false, PAGE_LOADER), 150));
    }).on("error", () => watcher.close());
  }
}

if (process.argv.includes("--once")) {
  touchLoaders();
} else {
  /** @type {Map<string, import("node:fs").FSWatcher>} */
  const watchers = new Map();
  /** @type {NodeJS.Timeout | undefined} */
  let pending;
  const onChange = () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      rewatch();
      touchLoaders();
    }, 150); // an editor's save is often several events in a row
  };
  const rewatch = () => {
    const current = new Set(WATCHED.flatMap(directories));
    for (const [dir, watcher] of watchers) if (!current.has(dir)) watcher.close(), watchers.delete(dir);
    for (const dir of current) {
      if (watchers.has(dir)) continue;
      const watcher = watch(dir, onChange).on("error", () => watcher.close());
      watchers.set(dir, watcher);
    }
  };
  rewatch();
  watchTemplates();
  console.log(`loaders worden aangeraakt bij wijzigingen in ${WATCHED.join("/ en ")}/ (${watchers.size} mappen) en in de paginasjablonen (src/**/*.md.in)`);
  // Started with `&` by npm run dev: stop with the preview instead of lingering as an orphan.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 2000).unref();
}
