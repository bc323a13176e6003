// Post-processes Framework's output in dist/ (run after `observable build`):
// - first, the large blocks the page loaders set aside (a country's tables of every school) go back
//   into their pages (scripts/largeBlocks.mjs), so that every rule below sees each page whole;
// - <html lang="nl">: Framework 1.13 has no lang option and writes a bare <html>;
// - the viewport loses maximum-scale=1, so people can zoom (WCAG 1.4.4);
// - Framework's own English UI strings become Dutch (table below);
// - the 41 MB DuckDB "mvp" pair is deleted: every browser with wasm exception handling (Chrome 95+,
//   Firefox 100+, Safari 15.2+) only loads the "eh" pair;
// - the site's fonts are copied into _fonts/ and every page's <head> gets their preloads and
//   @font-face rules (scripts/fonts.mjs says why this happens here and not in Framework);
// - data files' modification times in Framework's registerFile(…) calls become one fixed date, so
//   the same input builds the same dist/ byte for byte (tests/browser/reproducible-build.test.ts);
// - every JSON file a page registers is preloaded from its <head>: Framework fetches it only once the
//   page's modules have run, and the text that waits for its values (.slot-text, style.css) would
//   otherwise show that much later (Lighthouse: largest contentful paint).
// - every school's factsheet page is written from the one Framework built (scripts/schoolPages.mjs),
//   after the rules above have made that template what every page is: the pages inherit its head,
//   and the bodies (our own HTML, scripts/factsheet-pages.ts) carry nothing the rules change. Written
//   once each: 7 000 national pages are not read back and rewritten.
// - every link between the site's pages is checked on the finished site (scripts/linkCheck.mjs):
//   Framework's own check runs before the school pages exist and counts links to them as broken.
// Every rule is checked afterwards: an English marker left in dist/ (say, after a Framework upgrade
// changed the minified code) fails the script instead of shipping half a translation.
//
// Usage: node scripts/postbuild.mjs [dist] [factsheets] [--zonder-koppelingen]  (factsheets: where scripts/factsheet-pages.ts
//        wrote the school pages' bodies, node_modules/.cache/nadere-ogen/factsheets; bench/pages.ts's own)
import {copyFile, mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {FACES, fontHead, hashedName, shippedFile} from "./fonts.mjs";
import {brokenLinks, brokenLinksText} from "./linkCheck.mjs";
import {writeSchoolPages} from "./schoolPages.mjs";
import {putBack} from "./largeBlocks.mjs";

/**
 * @typedef {object} Rule
 * @property {"html" | "css" | "js"} ext which files it applies to: every page, or Framework's own
 *   bundles in dist/_observablehq/ and the site's bundled stylesheets in dist/_import/ (never third-party
 *   code in _npm/, which may say "Submit" for its own reasons)
 * @property {RegExp} find
 * @property {string} replace
 * @property {string | RegExp} marker text (mostly English) that must not remain in those files afterwards
 */

/** @type {Rule[]} */
const TRANSLATIONS = [
  // Sidebar (dist/render.js renderSidebar) and its runtime title "Toggle sidebar Alt-B" (client/sidebar.js).
  {ext: "html", find: /title="Toggle sidebar"/g, replace: 'title="Zijbalk tonen of verbergen"', marker: "Toggle sidebar"},
  {ext: "js", find: /`Toggle sidebar \$\{/g, replace: "`Zijbalk tonen of verbergen ${", marker: "Toggle sidebar"},
  // Search box and its results (render.js, client/search.js).
  {ext: "html", find: /<input type="search" placeholder="Search">/g, replace: '<input type="search" placeholder="Zoeken" aria-label="Zoeken">', marker: 'placeholder="Search"'},
  {ext: "js", find: /"<div>no results<\/div>"/g, replace: '"<div>geen resultaten</div>"', marker: "no results"},
  {
    ext: "js",
    find: /\$\{(\w+)\.length\.toLocaleString\("en-US"\)\} result\$\{\1\.length===1\?"":"s"\}/g,
    replace: '${$1.length.toLocaleString("nl-NL")} ${$1.length===1?"resultaat":"resultaten"}',
    marker: '.toLocaleString("en-US")} result'
  },
  // Code blocks' copy button (client/pre.js).
  {ext: "js", find: /title="Copy code"/g, replace: 'title="Code kopiëren"', marker: "Copy code"},
  // Inputs.table and Inputs.search defaults (@observablehq/inputs, bundled into stdlib/inputs.js).
  {ext: "js", find: />No results\.</g, replace: ">Geen resultaten.<", marker: "No results."},
  {ext: "js", find: /`\$\{(\w+)\((\w+)\)\} result\$\{\2===1\?"":"s"\}`/g, replace: '`${$1($2)} ${$2===1?"resultaat":"resultaten"}`', marker: '} result${'},
  {ext: "js", find: /placeholder:(\w+)="Search"/g, replace: 'placeholder:$1="Zoeken"', marker: '="Search"'},
  {ext: "js", find: /(\w+)===!0\?"Submit":/g, replace: '$1===!0?"Verstuur":', marker: '"Submit"'},
  // Pager, copy feedback, draft marker and note/tip/warning/caution boxes (style/layout.css, note.css, global.css).
  {ext: "css", find: /content:"Previous page"/g, replace: 'content:"Vorige pagina"', marker: "Previous page"},
  {ext: "css", find: /content:"Next page"/g, replace: 'content:"Volgende pagina"', marker: "Next page"},
  {ext: "css", find: /content:"Copied!"/g, replace: 'content:"Gekopieerd!"', marker: "Copied!"},
  {ext: "css", find: /content:" \[DRAFT\]"/g, replace: 'content:" [CONCEPT]"', marker: "[DRAFT]"},
  {ext: "css", find: /content:"Note"/g, replace: 'content:"Opmerking"', marker: 'content:"Note"'},
  {ext: "css", find: /content:"Warning"/g, replace: 'content:"Waarschuwing"', marker: 'content:"Warning"'},
  {ext: "css", find: /content:"Caution"/g, replace: 'content:"Let op"', marker: 'content:"Caution"'}
  // "Tip" is Dutch as well. The table-of-contents label ("Contents") is set in observablehq.config.ts.
];

/**
 * Framework writes each file's mtime into the page (`"lastModified":…`, FileAttachment.lastModified).
 * For loader outputs that is the moment of the build, for static files the moment of the checkout:
 * either way two builds of the same input differ. Nothing on the site reads it, so every file gets
 * the date the report's archive gives its members (ARCHIVE_DATE in loaders/output.ts, 17 July 2020).
 */
const FIXED_LAST_MODIFIED = Date.UTC(2020, 6, 17);
/** @type {Rule[]} */
const HTML_FIXES = [
  {ext: "html", find: /"lastModified":\d+(?:\.\d+)?/g, replace: `"lastModified":${FIXED_LAST_MODIFIED}`, marker: new RegExp(`"lastModified":(?!${FIXED_LAST_MODIFIED}[,}])`)},
  {ext: "html", find: /^<html>$/m, replace: '<html lang="nl">', marker: "<html>"},
  {ext: "html", find: /,\s*maximum-scale=[\d.]+/g, replace: "", marker: "maximum-scale"},
  // The sidebar checkbox is the one keyboard-operable toggle; a title alone is no label (axe label-title-only).
  {
    ext: "html",
    find: /<input id="observablehq-sidebar-toggle" type="checkbox" title="([^"]*)">/g,
    replace: '<input id="observablehq-sidebar-toggle" type="checkbox" title="$1" aria-label="$1">',
    marker: '<input id="observablehq-sidebar-toggle" type="checkbox" title="Zijbalk tonen of verbergen">'
  },
  // The two <label for=toggle> are mouse-only duplicates of that checkbox; hidden from assistive technology
  // the close label also stops being a non-<li> child of the sidebar's <ol> (axe "list").
  {
    ext: "html",
    find: /<label id="observablehq-sidebar-(close|backdrop)" for="observablehq-sidebar-toggle">/g,
    replace: '<label id="observablehq-sidebar-$1" for="observablehq-sidebar-toggle" aria-hidden="true">',
    marker: 'for="observablehq-sidebar-toggle"></label>'
  }
];


/** Served folder of the fonts, below dist/. */
const FONT_DIR = "_fonts";

// --zonder-koppelingen: the region's pages (npm run build:regio) link to the municipalities' sites,
// which join them only afterwards (scripts/cli.ts buildRegion checks the assembled region).
const checkLinks = !process.argv.includes("--zonder-koppelingen");
const [distArgument, factsheetsArgument] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const dist = path.resolve(distArgument ?? "dist");
const factsheets = path.resolve(factsheetsArgument ?? path.join(import.meta.dirname, "../node_modules/.cache/nadere-ogen/factsheets"));

/** Copies the shipped fonts into dist/_fonts/ and returns each face's served name. */
async function copyFonts() {
  await mkdir(path.join(dist, FONT_DIR), {recursive: true});
  /** @type {Map<import("./fonts.mjs").Face, string>} */
  const names = new Map();
  for (const face of FACES) {
    const name = hashedName(face);
    await copyFile(shippedFile(face.file), path.join(dist, FONT_DIR, name));
    names.set(face, name);
  }
  return names;
}

/**
 * Puts the font head right after the title, ahead of Framework's stylesheets and module preloads, so
 * the preload scanner starts the fonts first. URLs are relative to the page, as Framework's own are.
 * @param {string} html @param {string} file @param {Map<import("./fonts.mjs").Face, string>} names
 */
function withFonts(html, file, names) {
  if (html.includes('rel="preload" as="font"')) return html;
  const toRoot = path.relative(path.dirname(file), dist).split(path.sep).join("/");
  const prefix = `${toRoot === "" ? "." : toRoot}/${FONT_DIR}/`;
  const head = fontHead((face) => prefix + names.get(face));
  return html.replace(/<\/title>\n/, (title) => `${title}${head}\n`);
}

/**
 * The explorer's cell files (one per variant of its switches): the page loads the one its filters
 * ask for. Preloading all eight would download the whole cube with the page.
 */
const ON_DEMAND = /\/verkennen\/jeugdhulp-[^/]+\.json$/;

/**
 * A preload for each JSON file the page registers (Framework's registerFile(…, {"mimeType":
 * "application/json","path":…})), after the fonts, except those loaded on demand. `crossorigin`
 * makes the preload's credentials mode that of Framework's fetch(), so the browser uses the
 * preloaded response.
 * @param {string} html
 */
function withDataPreloads(html) {
  if (html.includes('rel="preload" as="fetch"')) return html;
  const paths = [...html.matchAll(/registerFile\("[^"]*", \{"name":"[^"]*","mimeType":"application\/json","path":"([^"]+)"/g)]
    .map((m) => m[1])
    .filter((href) => !ON_DEMAND.test(href));
  if (paths.length === 0) return html;
  const links = [...new Set(paths)].map((href) => `<link rel="preload" as="fetch" href="${href}" crossorigin>`).join("\n");
  return html.replace(/(<link rel="preload" as="font"[^>]*>\n)(?!<link rel="preload" as="font")/, (fonts) => `${fonts}${links}\n`);
}

/** @returns {Promise<string[]>} every file below `dir` */
async function listFiles(/** @type {string} */ dir) {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function main() {
  const files = await listFiles(dist).catch(() => {
    throw new Error(`${dist} bestaat niet: draai eerst observable build`);
  });
  // First, so that the rules and the link check below see each page whole.
  const largeBlocks = await putBack(dist);
  const rules = [...TRANSLATIONS, ...HTML_FIXES]; // translate first: the label fix reads the Dutch title
  const fontNames = await copyFonts();
  /** @type {string[]} */
  const problems = [];
  let changed = 0;
  for (const file of files) {
    const ext = path.extname(file).slice(1);
    const name = path.relative(dist, file);
    const isFramework = name.startsWith(`_observablehq${path.sep}`);
    // A page's own stylesheet (style.css, presentatie.css) imports Framework's default.css, so the
    // bundle in _import/ carries the pager's "Previous page" too; that copy is the one the pages load.
    const isOwnStyle = ext === "css" && name.startsWith(`_import${path.sep}`);
    const applicable = rules.filter((rule) => rule.ext === ext && (ext === "html" || isFramework || isOwnStyle));
    if (applicable.length === 0) continue;
    const before = await readFile(file, "utf8");
    let after = applicable.reduce((text, rule) => text.replace(rule.find, rule.replace), before);
    if (ext === "html") after = withDataPreloads(withFonts(after, file, fontNames));
    for (const rule of applicable) {
      const left = typeof rule.marker === "string" ? after.includes(rule.marker) : rule.marker.test(after);
      if (left) problems.push(`${name}: "${rule.marker}" staat er nog`);
    }
    if (ext === "html" && !after.includes('<html lang="nl">')) problems.push(`${name}: geen <html lang="nl">`);
    if (ext === "html" && !after.includes("@font-face")) problems.push(`${name}: geen lettertypen (geen </title> gevonden)`);
    if (after !== before) {
      await writeFile(file, after);
      changed++;
    }
  }
  const schoolPages = await writeSchoolPages(dist, factsheets);
  const mvp = files.filter((f) => /[\\/]@duckdb[\\/]duckdb-wasm@[^\\/]+[\\/]dist[\\/]duckdb-(mvp\.wasm|browser-mvp\.worker\.[\w]+\.js)$/.test(f));
  for (const file of mvp) await rm(file);
  if (problems.length > 0) throw new Error(`nabewerking onvolledig:\n  ${problems.join("\n  ")}`);
  // Framework's link check ran before the school pages existed; this one sees the published site.
  const links = checkLinks ? await brokenLinks(dist) : {checked: 0, broken: []};
  if (links.broken.length > 0) {
    throw new Error(brokenLinksText(links));
  }
  // Framework's warning lists the links to these pages as broken; a reader of the log should not
  // have to know why, or take it for a fault.
  if (checkLinks && schoolPages > 1) {
    console.log(`nabewerking: de koppelingen naar /scholen/… die Framework hierboven als kapot meldt, wijzen naar de schoolpagina's die pas nu geschreven zijn; ze zijn hieronder meegecontroleerd`);
  }
  console.log(`nabewerking: ${schoolPages} factsheets geschreven, ${largeBlocks} grote blokken teruggezet, ${changed} bestanden aangepast, ${fontNames.size} lettertypen, ${mvp.length} DuckDB-mvp-bestanden verwijderd; ${checkLinks ? `${links.checked} koppelingen gecontroleerd, alle in orde` : "koppelingen niet gecontroleerd (--zonder-koppelingen)"}`);
}

main().catch((error) => {
  console.error(`postbuild: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
