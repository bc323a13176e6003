// The link check on the finished site (scripts/linkCheck.mjs), on a hand-made dist/ whose broken links
// are known: a page that is not there, an anchor that is not there; and what is not the site's own.
import {mkdirSync, writeFileSync} from "node:fs";
import path from "node:path";
import {expect, it} from "vitest";
import {brokenLinks, linkTarget, linksAndAnchors} from "../../scripts/linkCheck.mjs";
import {scratchFolder} from "../helpers/scratchFolder.js";

const page = (body: string) => `<!doctype html><html lang="nl"><head><title>t</title></head><body>${body}</body></html>`;

function site(files: Record<string, string>): string {
  const dist = scratchFolder("nadere-ogen-links-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, name)), {recursive: true});
    writeFileSync(path.join(dist, name), text);
  }
  return dist;
}

it("resolves links as Framework writes them: clean URLs, folders, files, the page itself", () => {
  expect(linkTarget("index.html", "./scholen/de-regenboog")).toBe("scholen/de-regenboog.html");
  expect(linkTarget("scholen/de-regenboog.html", "./")).toBe("scholen/index.html");
  expect(linkTarget("scholen/de-regenboog.html", "../")).toBe("index.html");
  expect(linkTarget("scholen/de-regenboog.html", "../verantwoording#regels")).toBe("verantwoording.html");
  expect(linkTarget("data-analyse/spreiding.html", "/_file/data/tabel%206.csv")).toBe("_file/data/tabel 6.csv");
  expect(linkTarget("presentatie.html", "#dia-3")).toBeNull();
  expect(linkTarget("presentatie.html", "?jaar=2019")).toBeNull();
  // A malformed escape is kept as written (and then found missing), not an exception.
  expect(linkTarget("index.html", "./tabel%E0%A4.csv")).toBe("tabel%E0%A4.csv");
});

it("reads the site's own links and every id, not external, download or mail links", () => {
  const {links, anchors} = linksAndAnchors(
    page(`<h2 id="kosten">K</h2><a name="oud"></a><a href="./a">a</a><a href="https://cbs.nl/x">cbs</a><a href="mailto:x@y.nl">m</a>
          <a href="./b" rel="noopener external">b</a><a href="./c.csv" download>c</a><template><a href="./d" id="in-sjabloon">d</a></template>`)
  );
  expect(links).toEqual(["./a", "./d"]);
  expect([...anchors].sort()).toEqual(["in-sjabloon", "kosten", "oud"]);
});

it("finds a missing page and a missing anchor, and passes what is there", async () => {
  const dist = site({
    "index.html": page(`<a href="./scholen/">scholen</a><a href="./scholen/de-boei">De Boei</a><a href="./scholen/het-anker">Het Anker</a><a href="#top">boven</a>`),
    "scholen/index.html": page(`<a href="../">terug</a><a href="./de-boei#kosten">kosten</a><a href="./de-boei#zorgvormen">zorgvormen</a><a href="../_file/data/t.csv">csv</a>`),
    "scholen/de-boei.html": page(`<h2 id="kosten">Kosten</h2><a href="../index.html#top">terug</a>`),
    "_file/data/t.csv": "a;b\n1;2\n",
    "_observablehq/client.html": page(`<a href="./nergens">genegeerd: geen pagina van de site</a>`)
  });
  const {checked, broken} = await brokenLinks(dist);
  expect(checked).toBe(9);
  expect(broken).toEqual([
    {page: "index.html", href: "./scholen/het-anker", reason: "geen pagina of bestand"},
    {page: "index.html", href: "#top", reason: "geen anker"},
    {page: "scholen/de-boei.html", href: "../index.html#top", reason: "geen anker"},
    {page: "scholen/index.html", href: "./de-boei#zorgvormen", reason: "geen anker"}
  ]);
});
