// Observable Framework configuration of a region's own pages (issue 13 item 1): `npx nadere-ogen build
// <map> --regio` builds each municipality's site with observablehq.config.ts into /<gemeente>/ and these
// pages at the top, from NADERE_OGEN_REGIO (the folder with regio.json). Offline like the municipal site:
// the pages are written at build time (regio/index.md.ts) and load no npm packages in the browser.
import {readRegion} from "./loaders/io.js";
import {exitWithInputErrors} from "./loaders/load.js";
import {devFontHead} from "./scripts/fonts.mjs";
import {favicon} from "./scripts/favicon.js";
import {escapeHtml} from "./src/lib/html.js";

const dir = process.env.NADERE_OGEN_REGIO;
if (!dir) {
  process.stderr.write("NADERE_OGEN_REGIO is niet gezet: de regiopagina's horen bij npx nadere-ogen build <map> --regio.\n");
  process.exit(1);
}
const region = (() => {
  try {
    return readRegion(dir);
  } catch (error) {
    return exitWithInputErrors(error);
  }
})();
const title = `Jeugdhulp in de regio ${region.name}`;

export default {
  root: "regio",
  output: process.env.NADERE_OGEN_OUTPUT ?? "dist-regio",
  title,
  globalStylesheets: [],
  head: `<link rel="icon" href="${favicon}">
<meta name="description" content="${escapeHtml(`Jeugdhulpgebruik per basisschool in de regio ${region.name}: de gemeenten en hun scholen naast elkaar.`)}">${
    process.env.NADERE_OGEN_DEV_FONTS ? `\n${devFontHead()}` : ""
  }`,
  style: "style.css",
  footer: `${escapeHtml(title)} · jeugdhulp en basisonderwijs, per gemeente en per school bekeken.`,
  pages: [{name: "De regio", path: "/"}],
  pager: false,
  search: false
};
