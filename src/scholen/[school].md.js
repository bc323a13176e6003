// Page loader for /scholen/<slug> (Framework runs it once per school with --school=<slug>): prints the
// factsheet that scripts/factsheet-pages.ts rendered at build time. The first page of a build renders
// every school in one process; the others find their page in the cache, keyed by the input folder and
// by the code that computes and draws it. Plain JS run by node, not tsx: this runs once per school, and
// at 500 schools tsx's start-up alone would add minutes to the build.
//
// It also hands every other school's page to Framework's own loader cache (src/.observablehq/cache,
// where Framework keeps a loader's output and reuses it while it is newer than the loader): Framework
// then runs this loader once per build instead of once per school. Per school that saves a node
// process and hashing the input folder: 0,24 s a page at 22 schools, 0,9 s at 7 000 (a 250 MB folder),
// so one to two hours of a national build. Each page is written exactly as this loader would print it.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import {parseArgs} from "node:util";

const projectDir = path.resolve(import.meta.dirname, "../..");
const {values: args} = parseArgs({options: {school: {type: "string"}}});

/** @param {string} dir */
function filesBelow(dir) {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

// Same rule as loaders/io.ts resolveDataDir.
const dataDir = process.env.NADERE_OGEN_DATA?.trim() ? path.resolve(process.env.NADERE_OGEN_DATA.trim()) : path.join(projectDir, "data/default");
const hash = createHash("sha256");
const sources = ["loaders", "src/components", "src/lib"].flatMap((dir) => filesBelow(path.join(projectDir, dir)));
for (const file of [...filesBelow(dataDir), ...sources, ...["factsheet-pages.ts", "staticFigures.ts"].map((name) => path.join(projectDir, "scripts", name))]) {
  hash.update(file).update(readFileSync(file));
}
const cacheRoot = path.join(projectDir, "node_modules/.cache/nadere-ogen/factsheets");
const pages = path.join(cacheRoot, hash.digest("hex").slice(0, 16));

if (!existsSync(pages)) {
  // Pages of an older input or older code are of no further use.
  if (existsSync(cacheRoot)) for (const old of readdirSync(cacheRoot)) rmSync(path.join(cacheRoot, old), {recursive: true, force: true});
  const tsx = path.join(projectDir, "node_modules/.bin/tsx");
  const render = spawnSync(tsx, [path.join(projectDir, "scripts/factsheet-pages.ts"), pages], {cwd: projectDir, stdio: ["ignore", 2, 2]});
  if (render.status !== 0) process.exit(render.status ?? 1);
}
const file = path.join(pages, `${args.school}.md`);
if (!existsSync(file)) {
  process.stderr.write(`Geen factsheet voor school ${JSON.stringify(args.school)} in ${pages}\n`);
  process.exit(1);
}

// Framework's cache entry of a page loader: <root>/.observablehq/cache/<page>.md, used while it is
// not older than this file (Framework 1.13, loader.js). This page's own entry Framework writes itself
// from stdout; the others get this run's pages unless they are already at least as new as this file.
const frameworkCache = path.join(import.meta.dirname, "../.observablehq/cache/scholen");
const loaderTime = statSync(import.meta.filename).mtimeMs;
mkdirSync(frameworkCache, {recursive: true});
for (const name of readdirSync(pages)) {
  if (name === `${args.school}.md`) continue;
  const target = path.join(frameworkCache, name);
  if ((statSync(target, {throwIfNoEntry: false})?.mtimeMs ?? -Infinity) >= loaderTime) continue;
  // Renamed into place: Framework's preview may read the entry while it is written.
  const partial = `${target}.${process.pid}`;
  writeFileSync(partial, readFileSync(path.join(pages, name)));
  renameSync(partial, target);
}
process.stdout.write(readFileSync(file));
