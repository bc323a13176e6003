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
  await run(process.execPath, ["scripts/postbuild.mjs", dist]);
});

afterAll(() => rm(dist, {recursive: true, force: true}));

it("translates the pager in the site's own bundled stylesheet as well as in Framework's", async () => {
  for (const file of ["_import/style.0123abcd.css", "_observablehq/theme-air.css"]) {
    const css = await readFile(path.join(dist, file), "utf8");
    expect(css, file).toBe('.observablehq-pager-prev:before{content:"Vorige pagina"}.observablehq-pager-next:before{content:"Volgende pagina"}');
  }
});

it("leaves third-party stylesheets alone", async () => {
  expect(await readFile(path.join(dist, "_npm", "lib", "other.css"), "utf8")).toBe('.x:before{content:"Next page"}');
});
