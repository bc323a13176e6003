// npx tsx bench/staticText.ts — how much of each built page a reader gets without JavaScript (print,
// screen readers, search engines, slow phones): every page of dist/ opened in Chromium with JavaScript
// off, counting what only the page's script would fill in. Asserts nothing; prints a Markdown table for
// bench/README.md.
//
// What counts (Observable Framework writes an inline ${…} as <observablehq-loading> plus a comment, and a
// code block as an empty div; its module script names each cell with its inputs):
// - slots: inline expressions with no value in the HTML;
// - sentences: text blocks (paragraph, list item, cell, heading, caption) with text and one or more slots;
// - empty: text blocks that are nothing but slots (a chart or table written as ${…});
// - blocks: code blocks that display something (a chart or table) and are empty without JavaScript;
// - controls: code blocks that make an input (view(…)); they stay client-side by design and only count here.
//
// Usage: npx tsx bench/staticText.ts [--dist dist] [--pages /,/scholen/] [--details]
//   Builds nothing: run npm run build first. --details prints each holed sentence with "…" for its holes.
import {readdirSync, readFileSync, statSync} from "node:fs";
import path from "node:path";
import {parseArgs} from "node:util";
import {launchChromium} from "../scripts/chromium.js";
import {serveDist} from "../scripts/serveDist.js";

// jsdom ships no types; this is the one constructor used.
const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string) => {window: Window}};

const projectDir = path.resolve(import.meta.dirname, "..");
const {values: options} = parseArgs({
  options: {dist: {type: "string"}, pages: {type: "string"}, details: {type: "boolean", default: false}}
});
const distDir = path.resolve(options.dist ?? path.join(projectDir, "dist"));

/** Every page of the site: the HTML files outside Framework's own folders (_observablehq, _file, …). */
function pagesOf(dir: string, prefix = "/"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith("_")) return [];
    if (statSync(full).isDirectory()) return pagesOf(full, `${prefix}${name}/`);
    if (!name.endsWith(".html")) return [];
    const page = name === "index.html" ? prefix : `${prefix}${name.slice(0, -".html".length)}`;
    return [page];
  });
}

export interface StaticCount {
  slots: number;
  sentences: number;
  empty: number;
  blocks: number;
  controls: number;
  /** The holed sentences, "…" for each hole. */
  examples: string[];
}

const TEXT_BLOCKS = "p, li, td, th, h1, h2, h3, h4, h5, h6, figcaption, caption, dt, dd, summary";

/** Counts what a page lacks without JavaScript, from its HTML as Chromium holds it. */
export function countStatic(html: string): StaticCount {
  const {document} = new JSDOM(html).window;
  const main = document.querySelector("main") ?? document.body;
  const holed = new Set<Element>();
  const slots = [...main.querySelectorAll("observablehq-loading")];
  for (const slot of slots) {
    const block = slot.parentElement?.closest(TEXT_BLOCKS);
    if (block) holed.add(block);
  }
  const examples: string[] = [];
  let sentences = 0;
  let empty = 0;
  for (const block of holed) {
    const copy = block.cloneNode(true) as Element;
    for (const slot of copy.querySelectorAll("observablehq-loading")) slot.replaceWith("…");
    const text = copy.textContent!.replace(/\s+/g, " ").trim();
    if (text.replace(/…/g, "").trim() === "") empty++;
    else sentences++, examples.push(text);
  }
  // Cells of the module script: a block cell that uses display shows something there; one that uses
  // view makes a control.
  let blocks = 0;
  let controls = 0;
  for (const [, header] of html.matchAll(/define\(\{id: "[^"]+", (?!mode: "inline")([^\n]*)/g)) {
    const inputs = /inputs: \[([^\]]*)\]/.exec(header)?.[1] ?? "";
    if (inputs.includes('"view"')) controls++;
    else if (inputs.includes('"display"')) blocks++;
  }
  return {slots: slots.length, sentences, empty, blocks, controls, examples};
}

async function main() {
  const pages = options.pages?.split(",") ?? pagesOf(distDir).sort();
  const {server, baseUrl} = await serveDist(distDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    const rows: [string, StaticCount][] = [];
    for (const pathname of pages) {
      const response = await page.goto(new URL(pathname.slice(1), baseUrl).href);
      if (!response?.ok()) throw new Error(`${pathname}: HTTP ${response?.status()}`);
      // The module script is not run; its source still names the cells.
      const source = readFileSync(path.join(distDir, pathname.endsWith("/") ? `${pathname}index.html` : `${pathname}.html`), "utf8");
      const scripts = [...source.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
      rows.push([pathname, countStatic((await page.content()) + `<script>${scripts}</script>`)]);
    }
    const total = rows.reduce(
      (sum, [, c]) => ({
        slots: sum.slots + c.slots,
        sentences: sum.sentences + c.sentences,
        empty: sum.empty + c.empty,
        blocks: sum.blocks + c.blocks,
        controls: sum.controls + c.controls
      }),
      {slots: 0, sentences: 0, empty: 0, blocks: 0, controls: 0}
    );
    console.log(`Zonder JavaScript, ${path.relative(projectDir, distDir) || distDir}, ${new Date().toISOString().slice(0, 16)} UTC\n`);
    console.log("| Pagina | lege plekken | zinnen met gat | lege tekstblokken | lege figuren/tabellen | invoer |");
    console.log("|---|--:|--:|--:|--:|--:|");
    for (const [pathname, c] of rows) {
      if (c.slots + c.blocks + c.controls === 0) continue;
      console.log(`| ${pathname} | ${c.slots} | ${c.sentences} | ${c.empty} | ${c.blocks} | ${c.controls} |`);
    }
    const clean = rows.filter(([, c]) => c.slots + c.blocks === 0).length;
    console.log(`| **${rows.length} pagina's** | **${total.slots}** | **${total.sentences}** | **${total.empty}** | **${total.blocks}** | **${total.controls}** |`);
    console.log(`\n${clean} van de ${rows.length} pagina's missen zonder JavaScript niets (alleen de bediening).`);
    if (options.details) {
      for (const [pathname, c] of rows) for (const example of c.examples) console.log(`${pathname}: ${example}`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
