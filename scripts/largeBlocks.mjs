// A page's large static blocks kept out of Framework's hands and put back into the built page.
//
// Why: for a country (issue 13) the pages that list every school (/data-analyse/groeipatronen and
// /spreiding, /scholen/, /data-analyse/factoren) came to 1,4–17,9 MB of HTML. Framework parses a page's
// Markdown and then its HTML with jsdom three times (assets, links, headings): 124 s of a national
// build with every loader already done, nearly all of it in those pages (bench/README.md). The blocks
// are our own finished HTML (tables, charts, src/components) with nothing in them for Framework to
// resolve: no files, no imports, no headings of the page's table of contents. So a page loader puts a
// placeholder where such a block goes (setAside, through scripts/staticPage.ts) and keeps the block
// here, and scripts/postbuild.mjs puts it back (putBack) before its own rules and its link check, which
// thus see the page as the reader gets it. The search index (minisearch) does not see these blocks.
// Below the size the page is built as before: the default data's pages have no such block at all.
import {createHash} from "node:crypto";
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {readFile, readdir, writeFile} from "node:fs/promises";
import path from "node:path";

/** Where the blocks wait for postbuild; `npm run clean` empties it with Framework's cache. */
export const LARGE_BLOCKS_DIR = path.join(import.meta.dirname, "../node_modules/.cache/nadere-ogen/grote-blokken");

/** From this many characters on a block is set aside (NADERE_OGEN_GROTE_BLOKKEN_VANAF: the build test
 *  sets 0, so that every block goes this way on the default data). */
export function largeBlockChars() {
  const value = process.env.NADERE_OGEN_GROTE_BLOKKEN_VANAF;
  return value === undefined || value === "" ? 256 * 1024 : Number(value);
}

const PLACEHOLDER = /<div data-groot-blok="([0-9a-f]{16})"><\/div>/g;

/**
 * Whether Framework would leave the block as it is, by what its HTML rewrite (html.js rewriteHtml,
 * 1.13) touches: files it copies (img, audio, video, source, link, script, a download link), links it
 * resolves (an absolute path becomes a relative one; an external link opens in a new tab), headings it
 * anchors and code it highlights. A relative link to a page or a fragment it keeps. A block with
 * anything else stays in the page for Framework to process.
 * @param {string} html
 */
export function unchangedByFramework(html) {
  if (/<(?:img|audio|video|source|picture|link|script)[\s>]/i.test(html)) return false;
  if (/<h[1-4]\s[^>]*\bid=/i.test(html) || /<code\s[^>]*language-/i.test(html)) return false;
  for (const [tag] of html.matchAll(/<a\s[^>]*>/gi)) {
    if (/\sdownload[\s=>]/i.test(tag)) return false;
    const href = /\shref="([^"]*)"/i.exec(tag)?.[1];
    if (href !== undefined && !/^(?:#|\.\.?\/)/.test(href)) return false;
    if (href !== undefined && /\.md(?:[#?]|$)/.test(href)) return false;
  }
  return true;
}

/**
 * The block itself, or, from largeBlockChars() characters on and when Framework would not change it,
 * a placeholder for it, with the block saved under its content's hash (two loaders writing the same
 * block write the same file). Framework's preview (scripts/dev.mjs sets NADERE_OGEN_PREVIEW) has no
 * postbuild: there every block stays.
 * @param {string} html @param {string} [dir]
 */
export function setAside(html, dir = LARGE_BLOCKS_DIR) {
  if (process.env.NADERE_OGEN_PREVIEW || html.length < largeBlockChars() || !unchangedByFramework(html)) return html;
  const name = createHash("sha256").update(html).digest("hex").slice(0, 16);
  mkdirSync(dir, {recursive: true});
  const file = path.join(dir, `${name}.html`);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, html);
  renameSync(partial, file);
  return `<div data-groot-blok="${name}"></div>`;
}

/**
 * Puts every set-aside block back into the built pages below `dist`; returns how many. A placeholder
 * whose block is missing stops the build: the page would ship with a hole.
 * @param {string} dist @param {string} [dir]
 */
export async function putBack(dist, dir = LARGE_BLOCKS_DIR) {
  const pages = (await readdir(dist, {recursive: true, withFileTypes: true})).filter((e) => e.isFile() && e.name.endsWith(".html"));
  let blocks = 0;
  for (const entry of pages) {
    const file = path.join(entry.parentPath, entry.name);
    const html = await readFile(file, "utf8");
    const names = [...new Set([...html.matchAll(PLACEHOLDER)].map((m) => m[1]))];
    if (names.length === 0) continue;
    const content = new Map();
    for (const name of names) {
      content.set(
        name,
        await readFile(path.join(dir, `${name}.html`), "utf8").catch(() => {
          throw new Error(`${path.relative(dist, file)}: het grote blok ${name} ontbreekt in ${dir}; bouw opnieuw (npm run build)`);
        })
      );
      blocks++;
    }
    // A function as replacement: "$&" in a block stays text.
    await writeFile(file, html.replace(PLACEHOLDER, (_, name) => content.get(name)));
  }
  return blocks;
}
