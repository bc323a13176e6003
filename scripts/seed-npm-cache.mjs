// Seeds Observable Framework's npm cache (<root>/.observablehq/cache/_npm) from node_modules, so that
// `observable build` and `observable preview` never fetch from cdn.jsdelivr.net or registry.npmjs.org.
//
// Framework 1.13 (dist/npm.js) downloads `/_npm/<name>@<version>/<file>` only when that file is missing
// from the cache, and resolves a version from the cache's `<name>@<version>` directories before it asks
// the registry. For every package below we therefore write the file jsDelivr's `/+esm` would serve: a
// browser ESM bundle whose imports of other packages point at `../<dep>@<version>/_esm.js`, which are
// seeded the same way, recursively. Non-JS assets (.wasm) and classic worker scripts are copied as-is.
//
// Usage: node scripts/seed-npm-cache.mjs [--root src] [--verbose]

// Every package a page reaches through `npm:` imports or Framework's implicit globals. A new `npm:`
// import or implicit global (`_`, `L`, `topojson`, ...) must be added here, or the build fails with
// "fetch failed ... cdn.jsdelivr.net".
const PACKAGES = [
  "htl", // Inputs, html, svg
  "isoformat", // Inputs
  "d3",
  "@observablehq/plot",
  "d3-dsv", // FileAttachment(...).csv() / .tsv()
  "apache-arrow", // FileAttachment(...).arrow(), DuckDB results
  "arquero", // aq, FileAttachment(...).arquero()
  "@duckdb/duckdb-wasm", // DuckDBClient, sql
  "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm",
  "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js",
  "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm",
  "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js"
];

// Dependencies bundled into a package's file instead of being imported from their own. Plot imports
// `d3`, whose file imports each of its 30 modules: a page with one chart made ~35 requests for ~170 kB
// (gzip) before it could draw, and on a slow mobile connection (Lighthouse's simulated 4G, six
// connections per host) these requests alone delayed the first paint of chart pages by about 2 s.
// Bundled, Plot is one file with only the parts of d3 it uses. A page that uses `d3` itself still gets
// d3's own files.
const INLINE = {"@observablehq/plot": /^(d3|d3-.*|isoformat|interval-tree-1d|binary-search-bounds)$/};

// The "recommended libraries" Framework's client imports lazily (dist/client/stdlib/recommendedLibraries.js,
// sampleDatasets.js, and parquet-wasm behind FileAttachment(...).parquet(), which is not installed). Their versions are resolved while bundling the client even when no page uses them;
// an empty `<name>@<version>` directory answers that without asking the registry. A page that really
// uses one of them must move it to PACKAGES (the pin is skipped then).
const PINS = [
  "react@19.3.1",
  "react-dom@19.3.1",
  "lodash@4.18.1",
  "echarts@6.1.0",
  "leaflet@1.9.4",
  "mapbox-gl@3.32.0",
  "topojson-client@3.1.0",
  "@observablehq/sample-datasets@1.0.1",
  "parquet-wasm@0.8.0"
];

import {existsSync, readFileSync} from "node:fs";
import {copyFile, mkdir, rename, writeFile} from "node:fs/promises";
import {builtinModules} from "node:module";
import path from "node:path";
import {parseArgs} from "node:util";
import {DUCKDB_WASM_VERSION} from "@observablehq/framework/dist/duckdb.js";
import {build} from "esbuild";

const {values: options} = parseArgs({options: {root: {type: "string", default: "src"}, verbose: {type: "boolean"}}});
const projectDir = process.cwd();
const cacheDir = path.join(projectDir, options.root, ".observablehq", "cache", "_npm");
const log = options.verbose ? (/** @type {string} */ line) => console.log(line) : () => {};

/** @param {string} specifier e.g. "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm" */
function splitSpecifier(specifier) {
  const parts = specifier.split("/");
  const name = parts.splice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  return {name, subpath: parts.join("/")};
}

/** Finds an installed package the way Node does: walking up node_modules from `fromDir`. */
function findPackage(/** @type {string} */ name, /** @type {string} */ fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) {
      return {dir: path.dirname(manifest), version: String(JSON.parse(readFileSync(manifest, "utf8")).version)};
    }
    if (dir === path.dirname(dir)) throw new Error(`pakket ${name} is niet geïnstalleerd (gezocht vanaf ${fromDir}); draai npm install`);
  }
}

/** The cache file Framework looks for (mirrors resolveNpmImport in dist/npm.js). */
function cacheFile(/** @type {string} */ name, /** @type {string} */ version, /** @type {string} */ subpath) {
  const file = !subpath ? "_esm.js" : path.extname(subpath) ? subpath : `${subpath}._esm.js`;
  return path.join(cacheDir, `${name}@${version}`, file);
}

/** Framework trusts any file it finds in the cache, so a half-written one must never appear there. */
async function writeAtomically(/** @type {string} */ out, /** @type {(tmp: string) => Promise<void>} */ produce) {
  const tmp = `${out}.${process.pid}.tmp`;
  await produce(tmp);
  await rename(tmp, out);
}

/** @type {Map<string, Promise<void>>} output file -> job */
const jobs = new Map();

/** Schedules seeding of `specifier` (resolved from `fromDir`) once and returns its cache file. */
function seed(/** @type {string} */ specifier, fromDir = projectDir) {
  const {name, subpath} = splitSpecifier(specifier);
  const pkg = findPackage(name, fromDir);
  const out = cacheFile(name, pkg.version, subpath);
  if (!jobs.has(out)) jobs.set(out, seedFile(name, subpath, pkg, out));
  return out;
}

async function seedFile(
  /** @type {string} */ name,
  /** @type {string} */ subpath,
  /** @type {{dir: string, version: string}} */ pkg,
  /** @type {string} */ out
) {
  await mkdir(path.dirname(out), {recursive: true});
  const ext = path.extname(subpath);
  // Assets and classic (non-module) worker scripts are served verbatim, as jsDelivr does.
  if (subpath && ((ext && ext !== ".js" && ext !== ".mjs") || subpath.endsWith(".worker.js"))) {
    await writeAtomically(out, (tmp) => copyFile(path.join(pkg.dir, subpath), tmp));
    log(`kopie   ${name}@${pkg.version}/${subpath}`);
    return;
  }
  const result = await build({
    entryPoints: [subpath ? `${name}/${subpath}` : name],
    absWorkingDir: pkg.dir,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    define: {"process.env.NODE_ENV": '"production"'},
    logLevel: "error",
    plugins: [{name: "externalize-other-packages", setup: (b) => b.onResolve({filter: /^[^./]/}, externalize)}]
  });
  await writeAtomically(out, (tmp) => writeFile(tmp, result.outputFiles[0].contents));
  log(`bundel  ${name}@${pkg.version}/${subpath || "+esm"} (${result.outputFiles[0].contents.length} bytes)`);

  /** @param {import("esbuild").OnResolveArgs} args */
  function externalize(args) {
    // CommonJS require() cannot become a lazy ESM import ("Dynamic require ... is not supported"): inline it.
    if (args.kind === "entry-point" || args.kind === "require-call") return undefined;
    const dep = splitSpecifier(args.path).name;
    if (dep === name) return undefined; // self-reference: part of this bundle
    if (INLINE[name]?.test(dep)) return undefined; // bundled into this file, only the parts it uses
    if (args.path.startsWith("node:") || builtinModules.includes(dep)) return {path: args.path, external: true};
    const rel = path.relative(path.dirname(out), seed(args.path, args.resolveDir));
    return {path: rel.startsWith(".") ? rel : `./${rel}`, external: true};
  }
}

const duckdb = findPackage("@duckdb/duckdb-wasm", projectDir);
if (duckdb.version !== DUCKDB_WASM_VERSION) {
  throw new Error(
    `@duckdb/duckdb-wasm ${duckdb.version} is geïnstalleerd, maar Framework gebruikt precies ${DUCKDB_WASM_VERSION}; ` +
      "zet die versie vast in package.json"
  );
}

const seededNames = new Set(PACKAGES.map((specifier) => splitSpecifier(specifier).name));
for (const pin of PINS) {
  const at = pin.lastIndexOf("@");
  if (!seededNames.has(pin.slice(0, at))) await mkdir(path.join(cacheDir, pin), {recursive: true});
}
for (const specifier of PACKAGES) seed(specifier);
// Jobs add jobs (dependencies), so wait until the set stops growing.
for (let settled = -1; settled !== jobs.size; ) {
  settled = jobs.size;
  await Promise.all(jobs.values());
}
console.log(`npm-cache gevuld: ${jobs.size} bestanden in ${path.relative(projectDir, cacheDir)}`);
