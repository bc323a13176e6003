// Page loader for /scholen/<slug>: prints the factsheet template that scripts/factsheet-pages.ts wrote
// at build time, beside every school's rendered body. Framework builds one school path
// (observablehq.config.ts) from it; scripts/postbuild.mjs writes every school's page from the built
// template and the bodies (issue 13: Framework's own work per page, 0,12 s of CPU for even a small
// page, was most of a national build). The bodies are cached, keyed by the input folder and by the
// code that computes and draws them. Plain JS run by node, not tsx: tsx's start-up costs seconds.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import path from "node:path";

const projectDir = path.resolve(import.meta.dirname, "../..");

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
for (const file of [...filesBelow(dataDir), ...sources, ...["factsheet-pages.ts", "staticFigures.ts", "fonts.mjs"].map((name) => path.join(projectDir, "scripts", name))]) {
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
// Every school's page is this one template, filled in by scripts/postbuild.mjs with the bodies in
// `pages` (the template names the folder); Framework builds only the first school's path.
process.stdout.write(readFileSync(path.join(pages, "template.md")));
