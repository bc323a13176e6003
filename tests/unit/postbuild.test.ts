import {execFile} from "node:child_process";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, expect, it} from "vitest";

const run = promisify(execFile);
let dist = "";

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "postbuild-"));
  // The pager's labels as Framework's default.css ships them, once in Framework's own bundle and once
  // inside a page stylesheet that imports it (the copy the pages actually load).
  const pager = '.observablehq-pager-prev:before{content:"Previous page"}.observablehq-pager-next:before{content:"Next page"}';
  await mkdir(path.join(dist, "_import"), {recursive: true});
  await mkdir(path.join(dist, "_observablehq"), {recursive: true});
  await mkdir(path.join(dist, "_npm", "lib"), {recursive: true});
  await writeFile(path.join(dist, "_import", "style.0123abcd.css"), pager);
  await writeFile(path.join(dist, "_observablehq", "theme-air.css"), pager);
  await writeFile(path.join(dist, "_npm", "lib", "other.css"), '.x:before{content:"Next page"}');
  // A page as Framework writes it, registering a JSON file (twice, as two cells may) and a CSV file.
  await mkdir(path.join(dist, "data-analyse"), {recursive: true});
  const register = (name: string, mimeType: string, file: string) =>
    `registerFile("${name}", {"name":"${name}","mimeType":"${mimeType}","path":"${file}","lastModified":1594944000123,"size":10});`;
  await writeFile(
    path.join(dist, "data-analyse", "page.html"),
    [
      "<!DOCTYPE html>",
      "<html>",
      "<head>",
      "<title>Pagina</title>",
      '<link rel="stylesheet" type="text/css" href="../_import/style.0123abcd.css">',
      '<script type="module">',
      register("../data/a.json", "application/json", "../_file/data/a.11111111.json"),
      register("../data/a.json", "application/json", "../_file/data/a.11111111.json"),
      register("../data/b.csv", "text/csv", "../_file/data/b.22222222.csv"),
      // One of the explorer's cell files: loaded when a filter asks for it, never preloaded.
      register("../data/rapport/verkennen/jeugdhulp-met-uit-gestart.json", "application/json", "../_file/data/rapport/verkennen/jeugdhulp-met-uit-gestart.33333333.json"),
      "</script>",
      "</head>",
      "</html>",
      ""
    ].join("\n")
  );
  await run(process.execPath, ["scripts/postbuild.mjs", dist]);
});

afterAll(() => rm(dist, {recursive: true, force: true}));

it("translates the pager in the site's own bundled stylesheet as well as in Framework's", async () => {
  for (const file of ["_import/style.0123abcd.css", "_observablehq/theme-air.css"]) {
    const css = await readFile(path.join(dist, file), "utf8");
    expect(css, file).toBe('.observablehq-pager-prev:before{content:"Vorige pagina"}.observablehq-pager-next:before{content:"Volgende pagina"}');
  }
});

it("preloads each JSON file a page registers once (but not the explorer's cell files), after the fonts and before the stylesheets, and no other file", async () => {
  const html = await readFile(path.join(dist, "data-analyse", "page.html"), "utf8");
  const links = [...html.matchAll(/<link rel="(preload|stylesheet)"[^>]*>/g)].map((m) => m[0]);
  const fetches = links.filter((l) => l.includes('as="fetch"'));
  expect(fetches).toEqual(['<link rel="preload" as="fetch" href="../_file/data/a.11111111.json" crossorigin>']);
  const position = (link: string) => links.indexOf(link);
  expect(position(fetches[0])).toBeGreaterThan(Math.max(...links.filter((l) => l.includes('as="font"')).map(position)));
  expect(position(fetches[0])).toBeLessThan(position(links.find((l) => l.startsWith('<link rel="stylesheet"'))!));
});

it("leaves third-party stylesheets alone", async () => {
  expect(await readFile(path.join(dist, "_npm", "lib", "other.css"), "utf8")).toBe('.x:before{content:"Next page"}');
});
