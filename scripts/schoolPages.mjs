// Every school's factsheet page (dist/scholen/<slug>.html) from the one factsheet Framework built,
// the template (scripts/factsheet-pages.ts factsheetTemplate), and each school's rendered body. String
// work, milliseconds a page: Framework's own work per page, parsing each page's HTML with jsdom three
// times, took 0,12 s of CPU for even a small page (14 minutes for 7 000 schools; bench/README.md).
// Run by scripts/postbuild.mjs before its rules, which then apply to these pages as to any other.
import {copyFile, readFile, readdir, writeFile} from "node:fs/promises";
import path from "node:path";
import {escapeHtml} from "../src/lib/html.js";

/** Where the template takes a school's body (scripts/factsheet-pages.ts factsheetTemplate); its
 *  `data-factsheets` names the folder of that build's bodies. */
export const TEMPLATE_MARK = "factsheet-sjabloon";
/** Stands for the school's title in the template's <title>. */
export const TITLE_MARK = "FACTSHEET-TITEL";
/** The list of a build's factsheets in their folder: one page for each. */
export const INDEX_FILE = "factsheets.json";

const BODY = new RegExp(`<div id="${TEMPLATE_MARK}" data-factsheets="([0-9a-f]+)"></div>`);


/**
 * One school's page: the template with its title and its body in place.
 * @param {string} template the built template page
 * @param {{title: string, body: string}} page
 */
export function fillFactsheet(template, {title, body}) {
  const match = BODY.exec(template);
  if (!match || !template.includes(TITLE_MARK)) throw new Error("het sjabloon van de factsheets mist zijn plaats voor de inhoud of de titel");
  // Functions as replacements: a body's "$&" stays text.
  return template.replace(BODY, () => body).replaceAll(TITLE_MARK, () => escapeHtml(title));
}

/**
 * Writes every factsheet page below `dist/scholen/` from the template there, and the files the pages
 * share. Returns how many pages, 0 when the build has no factsheet template (a site without schools).
 * @param {string} dist
 * @param {string} cacheRoot where scripts/factsheet-pages.ts's folders are (the template names one)
 */
export async function writeSchoolPages(dist, cacheRoot) {
  const dir = path.join(dist, "scholen");
  const names = await readdir(dir).catch(() => []);
  /** @type {{file: string, html: string, folder: string} | null} */
  let template = null;
  for (const name of names.filter((n) => n.endsWith(".html") && n !== "index.html")) {
    const html = await readFile(path.join(dir, name), "utf8");
    const folder = BODY.exec(html)?.[1];
    if (folder) {
      if (template) throw new Error(`twee factsheet-sjablonen: ${template.file} en ${name}`);
      template = {file: name, html, folder};
    }
  }
  if (!template) return 0;
  const source = path.join(cacheRoot, template.folder);
  /** @type {{pages: {slug: string, title: string}[], files: string[]}} */
  const index = JSON.parse(
    await readFile(path.join(source, INDEX_FILE), "utf8").catch(() => {
      throw new Error(`de factsheets van dit sjabloon (${source}) bestaan niet meer: bouw opnieuw met een lege cache (src/.observablehq/cache/scholen)`);
    })
  );
  for (const file of index.files) await copyFile(path.join(source, file), path.join(dir, file));
  for (const {slug, title} of index.pages) {
    const body = await readFile(path.join(source, `${slug}.html`), "utf8");
    await writeFile(path.join(dir, `${slug}.html`), fillFactsheet(template.html, {title, body}));
  }
  if (!index.pages.some((p) => `${p.slug}.html` === template.file)) throw new Error(`het sjabloon ${template.file} is geen school uit de lijst`);
  return index.pages.length;
}
