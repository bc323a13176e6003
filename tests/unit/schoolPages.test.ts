// scripts/schoolPages.mjs: every school's factsheet page from the one template Framework built.
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, expect, it} from "vitest";
import {fillFactsheet, writeSchoolPages} from "../../scripts/schoolPages.mjs";

// A built template as Framework writes it, shortened: the title mark in <title>, the body's place in <main>.
const template = [
  "<!DOCTYPE html>",
  "<title>FACTSHEET-TITEL | Met nadere ogen</title>",
  '<main id="observablehq-main">',
  '<div id="factsheet-sjabloon" data-factsheets="00aa"></div>',
  "<style>@media print {}</style>",
  "</main>"
].join("\n");

const root = mkdtempSync(path.join(tmpdir(), "school-pages-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

it("fillFactsheet puts the title (escaped) and the body in the template's places, and nothing else changes", () => {
  const page = fillFactsheet(template, {title: "Kind & Co – factsheet", body: "<h1>Kind &amp; Co</h1><p>$& $1</p>"});
  expect(page).toBe(
    [
      "<!DOCTYPE html>",
      "<title>Kind &#38; Co – factsheet | Met nadere ogen</title>",
      '<main id="observablehq-main">',
      "<h1>Kind &amp; Co</h1><p>$& $1</p>",
      "<style>@media print {}</style>",
      "</main>"
    ].join("\n")
  );
  expect(() => fillFactsheet("<title>x</title><main></main>", {title: "a", body: "b"})).toThrow(/sjabloon/);
});

it("writeSchoolPages writes a page per school listed beside the bodies, over the template too, and copies the shared files", async () => {
  const dist = path.join(root, "dist");
  const cache = path.join(root, "cache");
  mkdirSync(path.join(dist, "scholen"), {recursive: true});
  mkdirSync(path.join(cache, "00aa"), {recursive: true});
  // Framework built the first school's path from the template; the index page is no factsheet.
  writeFileSync(path.join(dist, "scholen", "beuk.html"), template);
  writeFileSync(path.join(dist, "scholen", "index.html"), "<title>Scholen</title><a href=./beuk>Beuk</a>");
  writeFileSync(path.join(cache, "00aa", "factsheets.json"), JSON.stringify({pages: [{slug: "beuk", title: "Beuk – factsheet"}, {slug: "zon", title: "Zon – factsheet"}], files: ["trechter-2019.svg"]}));
  writeFileSync(path.join(cache, "00aa", "beuk.html"), "<h1>Beuk</h1>");
  writeFileSync(path.join(cache, "00aa", "zon.html"), "<h1>Zon</h1>");
  writeFileSync(path.join(cache, "00aa", "trechter-2019.svg"), "<svg/>");

  expect(await writeSchoolPages(dist, cache)).toBe(2);
  expect(readdirSync(path.join(dist, "scholen")).sort()).toEqual(["beuk.html", "index.html", "trechter-2019.svg", "zon.html"]);
  const zon = readFileSync(path.join(dist, "scholen", "zon.html"), "utf8");
  expect(zon).toContain("<title>Zon – factsheet | Met nadere ogen</title>");
  expect(zon).toContain('<main id="observablehq-main">\n<h1>Zon</h1>\n<style>');
  expect(readFileSync(path.join(dist, "scholen", "beuk.html"), "utf8")).toContain("<h1>Beuk</h1>");
  expect(readFileSync(path.join(dist, "scholen", "index.html"), "utf8")).toBe("<title>Scholen</title><a href=./beuk>Beuk</a>");
  // Run again (postbuild twice): no template is left, nothing to do.
  expect(await writeSchoolPages(dist, cache)).toBe(0);
  // A site without schools has no template.
  expect(await writeSchoolPages(path.join(root, "elsewhere"), cache)).toBe(0);
});
