// The offline proof: the build that global-setup.ts ran with every non-local connection blocked.
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {offlineBuild} from "./chromium.js";

const build = offlineBuild();
const log = readFileSync(build.logFile, "utf8");
const projectDir = fileURLToPath(new URL("../..", import.meta.url));
const noNetwork = path.join(projectDir, "scripts", "no-network.mjs");

const tail = (text: string, lines = 40) => text.trimEnd().split("\n").slice(-lines).join("\n");

function filesBelow(dir: string, extensions: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the offline build", () => {
  test("npm run build exits 0 while every non-local connection is blocked", () => {
    expect(build.exitCode, `build log (${build.logFile}):\n${tail(log)}`).toBe(0);
  });

  test("prints no [no-network] line: nothing even tried to reach the network", () => {
    expect(log.split("\n").filter((line) => line.includes("[no-network]"))).toEqual([]);
  });

  test("really ran under the blocker: seed, observable build and postbuild all loaded it", () => {
    const trace = existsSync(build.traceFile) ? readFileSync(build.traceFile, "utf8") : "";
    expect(trace).toMatch(/scripts\/seed-npm-cache\.mjs/);
    expect(trace).toMatch(/\/observable build/);
    expect(trace).toMatch(/scripts\/postbuild\.mjs/);
  });
});

describe("scripts/no-network.mjs", () => {
  // Each probe prints what happened; the preload's own report goes to stderr.
  const probe = (code: string) =>
    spawnSync(process.execPath, [`--import=${noNetwork}`, "--input-type=module", "-e", code], {encoding: "utf8", timeout: 20_000});

  test("fails fetch, https.get and a raw TCP connect to outside hosts, with one [no-network] line each", () => {
    const {stdout, stderr} = probe(`
      import https from "node:https"; import net from "node:net";
      const outcome = (p) => p.then(() => "connected", (e) => e.code ?? e.name);
      console.log(await outcome(fetch("https://cdn.jsdelivr.net/npm/htl/+esm")));
      console.log(await outcome(new Promise((ok, fail) => https.get("https://registry.npmjs.org/htl", ok).on("error", fail))));
      console.log(await outcome(new Promise((ok, fail) => net.connect(443, "192.0.2.1").on("connect", ok).on("error", fail))));
    `);
    expect(stdout.trim().split("\n")).toEqual(["TypeError", "ENETUNREACH", "ENETUNREACH"]);
    expect(stderr.match(/^\[no-network\] .*$/gm)).toEqual([
      expect.stringContaining("fetch https://cdn.jsdelivr.net/npm/htl/+esm"),
      expect.stringContaining("registry.npmjs.org:443"),
      expect.stringContaining("192.0.2.1:443")
    ]);
  });

  test("lets fetch and http through to a server on 127.0.0.1", () => {
    const {stdout, stderr} = probe(`
      import http from "node:http";
      const server = http.createServer((req, res) => res.end("lokaal")).listen(0, "127.0.0.1");
      await new Promise((ok) => server.on("listening", ok));
      const url = "http://127.0.0.1:" + server.address().port + "/";
      console.log(await (await fetch(url)).text());
      console.log(await new Promise((ok) => http.get(url.replace("127.0.0.1", "localhost"), (res) => ok(res.statusCode))));
      server.close();
    `);
    expect(stdout.trim().split("\n")).toEqual(["lokaal", "200"]);
    expect(stderr).not.toContain("[no-network]");
  });
});

describe("dist/", () => {
  // XML namespace names: identifiers compared as strings by DOM APIs (createElementNS, setAttributeNS),
  // never fetched. Nothing else is allowed: any other URL could be loaded at run time.
  const NAMESPACES = new Set([
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/2000/xmlns/",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/1998/Math/MathML"
  ]);
  const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);
  // Strings inside DuckDB-wasm 1.29.0 (loaded only by /verkennen) that are never fetched: its
  // package.json repository field, a licence comment in the worker, and the CDN base of
  // getJsDelivrBundles(), which Framework does not call — it passes the self-hosted bundles from
  // _npm/. tests/browser/verkennen.test.ts runs a query and checks no request leaves 127.0.0.1.
  const DUCKDB_STRINGS = new Set([
    "https://github.com/duckdb/duckdb-wasm.git",
    "https://cdn.jsdelivr.net/npm/",
    "https://github.com/emn178/js-sha256}"
  ]);
  const isDuckDbFile = (file: string) => file.split(path.sep).includes("@duckdb");
  // Absolute URLs (http, https, ws, wss) and protocol-relative ones ("//cdn.example.org/…") in strings,
  // attributes and CSS url(). A scheme without a host ("https://" + x, as DuckDB's S3 code builds) is
  // not a reference by itself.
  const URL_PATTERN = /(?:\b(?:https?|wss?):\/\/[\w-]+(?:\.[\w-]+)*|(?<=["'(=`])\/\/[\w-]+(?:\.[\w-]+)+)(?::\d+)?[^\s"'`<>)\\]*/gi;

  function externalReferences(text: string): string[] {
    return [...text.matchAll(URL_PATTERN)]
      .map((match) => match[0])
      .filter((url) => !NAMESPACES.has(url) && !LOCAL_HOSTS.has(new URL(url, "https://x").hostname));
  }

  test("the URL scan itself finds hosts in the forms a bundle would use", () => {
    const sample = `a="https://cdn.jsdelivr.net/npm/d3"; b='//fonts.gstatic.com/x.woff2'; url(http://example.org/a.png)
      ns="http://www.w3.org/2000/svg" local="http://127.0.0.1:8123/" bare="https://"+host ip="ws://192.0.2.1:9/"`;
    expect(externalReferences(sample)).toEqual([
      "https://cdn.jsdelivr.net/npm/d3",
      "//fonts.gstatic.com/x.woff2",
      "http://example.org/a.png",
      "ws://192.0.2.1:9/"
    ]);
  });

  test("no .html, .js or .css file refers to an external host", () => {
    const files = filesBelow(build.distDir, /\.(html|js|css)$/);
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      externalReferences(readFileSync(file, "utf8"))
        .filter((url) => !(isDuckDbFile(file) && DUCKDB_STRINGS.has(url)))
        .map((url) => `${path.relative(build.distDir, file)}: ${url}`)
    );
    expect(found).toEqual([]);
  });

  test("no Framework UI text is left in English", () => {
    const english = ["Toggle sidebar", 'placeholder="Search"', "Previous page", "Next page", "no results", "Copy code", "Copied!", "Contents"];
    const files = filesBelow(build.distDir, /\.html$/).concat(filesBelow(path.join(build.distDir, "_observablehq"), /\.(js|css)$/));
    const left = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return english.filter((s) => text.includes(s)).map((s) => `${path.relative(build.distDir, file)}: ${s}`);
    });
    expect(left).toEqual([]);
  });

  test("every relative import in the seeded npm cache points at a file that exists", () => {
    const cache = path.join(projectDir, "src", ".observablehq", "cache", "_npm");
    const modules = filesBelow(cache, /\.js$/).filter((file) => !file.endsWith(".worker.js"));
    expect(modules.length).toBeGreaterThan(0);
    const missing = modules.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)]
        .map((match) => path.resolve(path.dirname(file), match[1]))
        .filter((target) => !existsSync(target))
        .map((target) => `${path.relative(cache, file)} -> ${path.relative(cache, target)}`)
    );
    expect(missing).toEqual([]);
  });
});
