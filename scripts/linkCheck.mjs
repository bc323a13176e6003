// Every link between the site's own pages, checked on the finished dist/ (run last by
// scripts/postbuild.mjs). Framework checks links while it builds, but the school pages only exist
// once postbuild has written them from the one template Framework built (scripts/schoolPages.mjs),
// so Framework counts every link to a school as broken; this check sees the site as it is published
// and fails the build on a link to a page, file or anchor that is not there.
import {readFile, readdir} from "node:fs/promises";
import path from "node:path";
import {Parser} from "htmlparser2";

/**
 * @typedef {object} BrokenLink
 * @property {string} page the page that links, relative to dist ("scholen/index.html")
 * @property {string} href the link as written
 * @property {"geen pagina of bestand" | "geen anker"} reason what is missing
 */

/**
 * Every file below `dist`, relative to it with "/" separators.
 * @param {string} dist
 */
async function filesOf(dist) {
  return (await readdir(dist, {recursive: true})).map((f) => String(f).split(path.sep).join("/"));
}

/**
 * The site's pages among its files: Framework's own folders (_observablehq, _npm, _import, _file)
 * hold no pages.
 * @param {string} file
 */
const isPage = (file) => file.endsWith(".html") && !file.startsWith("_");

/**
 * A page's local links and the ids it declares, from its HTML as a parser reads it (as Framework reads
 * them: rel="external", download links and links with a scheme are not the site's own). htmlparser2's
 * streaming parser, not a tree: a country's 7 000 factsheet pages are parsed here, at the end of the
 * build, and only the tags' attributes are needed (links inside <template> count too).
 * @param {string} html
 */
export function linksAndAnchors(html) {
  /** @type {string[]} */
  const links = [];
  /** @type {Set<string>} */
  const anchors = new Set();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const id = attrs.id ?? (name === "a" ? attrs.name : undefined);
        if (id) anchors.add(id);
        const href = attrs.href;
        if (name === "a" && href !== undefined && !/(?:^|\s)external(?:\s|$)/i.test(attrs.rel ?? "") && attrs.download === undefined && !/^[a-z][\w+.-]*:/i.test(href) && !href.startsWith("//")) {
          links.push(href);
        }
      }
    },
    {decodeEntities: true}
  );
  parser.end(html);
  return {links, anchors};
}

/**
 * A link's text with its %-escapes decoded; a malformed escape ("%E0%A4") stays as written, so that
 * the link is reported as pointing nowhere instead of stopping the check.
 * @param {string} text
 * @param {(text: string) => string} decode
 */
function decoded(text, decode) {
  try {
    return decode(text);
  } catch {
    return text;
  }
}

/**
 * The file a link from `page` points at, relative to dist: "./scholen/de-regenboog" is
 * scholen/de-regenboog.html, "./scholen/" scholen/index.html, "./data/tabel.csv" that file; null
 * for a link to the page itself ("#top", "?jaar=2019").
 * @param {string} page
 * @param {string} href
 */
export function linkTarget(page, href) {
  const pathname = decoded(href.replace(/[?#].*$/, ""), decodeURI);
  if (pathname === "") return null;
  const resolved = path.posix.normalize(pathname.startsWith("/") ? pathname.slice(1) : path.posix.join(path.posix.dirname(page), pathname));
  // normalize keeps a trailing "/" ("scholen/", "./") and turns the root into ".".
  if (resolved === "." || resolved.endsWith("/")) return path.posix.join(resolved, "index.html");
  return path.posix.extname(resolved) === "" ? `${resolved}.html` : resolved;
}

/**
 * Every broken local link of the site in `dist`, and how many links were checked.
 * @param {string} dist
 * @returns {Promise<{checked: number, broken: BrokenLink[]}>}
 */
export async function brokenLinks(dist) {
  const files = new Set(await filesOf(dist));
  /** @type {Map<string, {links: string[], anchors: Set<string>}>} */
  const parsed = new Map();
  for (const page of [...files].filter(isPage).sort()) parsed.set(page, linksAndAnchors(await readFile(path.join(dist, page), "utf8")));
  /** @type {BrokenLink[]} */
  const broken = [];
  let checked = 0;
  for (const [page, {links}] of parsed) {
    for (const href of links) {
      checked++;
      const target = linkTarget(page, href) ?? page;
      if (!files.has(target)) {
        broken.push({page, href, reason: "geen pagina of bestand"});
        continue;
      }
      const hash = href.includes("#") ? decoded(href.slice(href.indexOf("#") + 1), decodeURIComponent) : "";
      // Anchors are only known for pages; a fragment of a file (a PDF's page, say) is the viewer's.
      if (hash !== "" && target.endsWith(".html") && !parsed.get(target)?.anchors.has(hash)) broken.push({page, href, reason: "geen anker"});
    }
  }
  return {checked, broken};
}

/**
 * What a build that stops says of its broken links, in Dutch: how many of how many, then each
 * with its page and what is missing.
 * @param {{checked: number, broken: BrokenLink[]}} result
 * @param {string} where "" for a site, " in de regio" for a region
 */
export function brokenLinksText({checked, broken}, where = "") {
  return `${broken.length} van ${checked} koppelingen${where} wijzen nergens heen:\n  ${broken.map((b) => `${b.page}: ${b.href} (${b.reason})`).join("\n  ")}`;
}
