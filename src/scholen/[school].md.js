// Page loader for /scholen/<slug> (Framework runs it once per school with --school=<slug>): prints the
// factsheet that scripts/factsheet-pages.ts rendered at build time. The first page of a build renders
// every school in one process; the others find their page in the cache, keyed by the input folder and
// by the code that computes and draws it. Plain JS run by node, not tsx: this runs once per school, and
// at 500 schools tsx's start-up alone would add minutes to the build.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
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
process.stdout.write(readFileSync(file));
