// scripts/largeBlocks.mjs: a page's large blocks past Framework and back into the built page.
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, afterEach, expect, it} from "vitest";
import {putBack, setAside, unchangedByFramework} from "../../scripts/largeBlocks.mjs";

const root = mkdtempSync(path.join(tmpdir(), "large-blocks-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));
afterEach(() => {
  delete process.env.NADERE_OGEN_GROTE_BLOKKEN_VANAF;
  delete process.env.NADERE_OGEN_PREVIEW;
});

const table = '<table><caption>Tabel 6</caption><tr><th scope="row"><a href="../scholen/de-kring">De Kring</a></th><td>8,6%</td></tr></table><p>Zie <a href="#afscherming">afscherming</a>.</p>';

it("takes a block Framework would leave alone: relative links to pages and fragments, buttons, SVG", () => {
  expect(unchangedByFramework(table)).toBe(true);
  expect(unchangedByFramework('<figure><svg viewBox="0 0 10 10"><circle r="1"></circle></svg><button data-csv="a%2Cb">CSV</button></figure>')).toBe(true);
  expect(unchangedByFramework('<p><a href="./">Alle scholen</a> · <a href="../onderzoek#afbakening">afbakening</a></p>')).toBe(true);
});

it("leaves in the page what Framework rewrites: files, absolute and external links, anchored headings, code", () => {
  for (const html of [
    '<p>(<a href="/verantwoording#afscherming">afscherming</a>)</p>',
    '<a href="https://www.cbs.nl/">CBS</a>',
    '<a href="./data/rapport/verkennen/leerlingen.csv" download="leerlingen.csv">CSV</a>',
    '<a download href="../trechter.csv">CSV</a>',
    '<img src="trechter-2019.svg" alt="">',
    '<picture><source srcset="a.png"></picture>',
    '<h2 id="scholen">Scholen</h2>',
    '<pre><code class="language-sql">select 1</code></pre>',
    '<a href="../onderzoek.md#afbakening">afbakening</a>'
  ]) {
    expect(unchangedByFramework(table + html), html).toBe(false);
  }
});

it("sets aside a block from the size on, once per content, and puts it back in every page that holds its place", async () => {
  const blocks = path.join(root, "blokken");
  process.env.NADERE_OGEN_GROTE_BLOKKEN_VANAF = String(table.length);
  expect(setAside(table.slice(0, -1), blocks)).toBe(table.slice(0, -1));
  const placeholder = setAside(table, blocks);
  expect(placeholder).toMatch(/^<div data-groot-blok="[0-9a-f]{16}"><\/div>$/);
  expect(setAside(table, blocks)).toBe(placeholder);
  expect(readdirSync(blocks)).toHaveLength(1);
  // A block Framework would change stays whatever its size.
  const absolute = table + '<a href="/verantwoording">x</a>';
  expect(setAside(absolute, blocks)).toBe(absolute);

  const dist = path.join(root, "dist");
  mkdirSync(path.join(dist, "data-analyse"), {recursive: true});
  const page = (body: string) => `<!DOCTYPE html>\n<main>\n${body}\n<p>$& blijft</p>\n</main>\n`;
  writeFileSync(path.join(dist, "data-analyse/groeipatronen.html"), page(`${placeholder}\n<p>tussen</p>\n${placeholder}`));
  writeFileSync(path.join(dist, "index.html"), page("<p>geen blok</p>"));
  expect(await putBack(dist, blocks)).toBe(1);
  expect(readFileSync(path.join(dist, "data-analyse/groeipatronen.html"), "utf8")).toBe(page(`${table}\n<p>tussen</p>\n${table}`));
  expect(readFileSync(path.join(dist, "index.html"), "utf8")).toBe(page("<p>geen blok</p>"));
});

it("stops on a placeholder whose block is missing, naming the page", async () => {
  const dist = path.join(root, "dist-missing");
  mkdirSync(path.join(dist, "scholen"), {recursive: true});
  writeFileSync(path.join(dist, "scholen/index.html"), '<main><div data-groot-blok="00112233aabbccdd"></div></main>');
  await expect(putBack(dist, path.join(root, "leeg"))).rejects.toThrow(/scholen\/index\.html: het grote blok 00112233aabbccdd ontbreekt/);
});

it("keeps every block in the page under Framework's preview, which has no postbuild", () => {
  process.env.NADERE_OGEN_GROTE_BLOKKEN_VANAF = "0";
  process.env.NADERE_OGEN_PREVIEW = "1";
  expect(setAside(table, path.join(root, "preview"))).toBe(table);
});
