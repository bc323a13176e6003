// Observable Framework 1.13 configuration. Everything here must work with no network: the recipe
// behind each setting is in /work/shared/research/framework-offline.md (sections 3 and 4).
// Framework has no `lang` option; scripts/postbuild.mjs sets <html lang="nl"> and translates the
// few English UI strings Framework writes itself.

import {CHAPTERS, siteTitle} from "./loaders/content.js";
import {themeHead} from "./loaders/huisstijl.js";
import {siteFacts} from "./loaders/schoolPaths.js";
import {escapeHtml} from "./src/lib/html.js";
import {devFontHead} from "./scripts/fonts.mjs";
import {favicon} from "./scripts/favicon.js";

const site = siteFacts();
const {content, flags} = site.page;
const title = siteTitle(content, site.page.municipality);
// A chapter the content folder does not supply has no page, no link in the navigation and no slide.
const chapter = (key: string) => CHAPTERS.filter((c) => c.key === key && flags.has(key)).map((c) => ({name: c.name, path: `/${c.key}`}));
const description =
  content.identity?.description ?? `Jeugdhulpgebruik per basisschool in ${site.page.municipality}: een privacyveilig rapport uit de gegevens per leerling.`;

export default {
  root: "src",
  // Another folder only for tests/browser/reproducible-build.test.ts, which builds a second copy
  // beside the served dist/ (`observable build` 1.13 has no --output flag).
  output: process.env.NADERE_OGEN_OUTPUT ?? "dist",
  title,
  // The default is a Google Fonts stylesheet (fonts.googleapis.com), unreachable offline.
  globalStylesheets: [],
  // Notices about synthetic data are static HTML (class synthetic-only); with a municipality's own data
  // they are hidden here, at build time, rather than added by the page's JS after it has drawn.
  head: `<link rel="icon" href="${content.favicon ?? favicon}">${site.synthetic ? "" : "\n<style>.synthetic-only { display: none; }</style>"}
<meta name="description" content="${escapeHtml(description)}">${
    // The built site gets its fonts from scripts/postbuild.mjs; the preview from here (scripts/dev.mjs).
    process.env.NADERE_OGEN_DEV_FONTS ? `\n${devFontHead()}` : ""
  }${
    // The municipality's house style (inhoud/huisstijl.json, and its dark variant) after the stylesheets, so it wins; none by default.
    content.theme || content.darkTheme ? `\n${themeHead(content.theme, content.darkTheme)}` : ""
  }`,
  // Framework's default theme (light/dark) plus contrast fixes, the chart frame and print rules.
  style: "style.css",
  // The default footer links to observablehq.com; ours stays local and in Dutch.
  footer: `${escapeHtml(title)} · jeugdhulp en basisonderwijs, per school bekeken.`,
  toc: {label: "Inhoud"},
  // Reading order of the 2020 report (digest §F.1); the home page is the Samenvatting.
  pages: [
    {name: "Samenvatting", path: "/"},
    {name: "Onderzoek en begrippen", path: "/onderzoek"},
    {
      name: "Data-analyse",
      open: true,
      pages: [
        {name: "Feiten en cijfers", path: "/data-analyse/feiten"},
        {name: "Eerste Keer Goed", path: "/data-analyse/eerste-keer-goed"},
        {name: "Groeipatronen per school", path: "/data-analyse/groeipatronen"},
        {name: "Verschillen tussen scholen", path: "/data-analyse/spreiding"},
        ...(flags.has("factoren") ? [{name: "Factoren", path: "/data-analyse/factoren"}] : [])
      ]
    },
    {name: "Scholen", path: "/scholen/"},
    ...chapter("in-de-school"),
    ...chapter("rondom-de-school"),
    ...chapter("conclusies"),
    ...chapter("aanbevelingen"),
    {name: "Verantwoording", path: "/verantwoording"},
    // What the build read from the input folder (src/verantwoording/datakwaliteit.md.ts). Not as a
    // section under Verantwoording: a section with its own page puts a link inside <summary>, which
    // axe reports as nested interactive controls on every page.
    {name: "Datakwaliteit", path: "/verantwoording/datakwaliteit"},
    // The same findings for two more audiences: the wethouder's slides and the researcher's explorer.
    {name: "Presentatie (OOGO)", path: "/presentatie"},
    {name: "Verkennen", path: "/verkennen"}
  ],
  pager: true,
  // One factsheet page per school in the data; the list comes from the same validated input folder as
  // the report, so any municipality's schools get their pages (written by scripts/postbuild.mjs).
  // The content's chapters (src/[hoofdstuk].md.ts) and the factor page (src/data-analyse/[analyse].md.ts)
  // are parameterized pages: Framework builds them only when listed here.
  dynamicPaths: [
    // One factsheet: the template scripts/postbuild.mjs writes every school's page from
    // (src/scholen/[school].md.js). The /scholen/ index links the others, so Framework's link check
    // counts those as broken ("21 broken links" on the default data); they exist once postbuild has
    // run, and postbuild checks every link of the finished site (scripts/linkCheck.mjs).
    ...site.schoolPages.slice(0, 1).map((page) => page.path),
    ...CHAPTERS.filter((c) => flags.has(c.key)).map((c) => `/${c.key}`),
    ...(flags.has("factoren") ? ["/data-analyse/factoren"] : [])
  ],
  // The search index (minisearch) is built at build time and bundled: no network needed. Framework
  // indexes only the pages listed above; the school pages (written by postbuild) are added by their
  // titles, so that searching for a school's name finds its factsheet.
  search: {
    async *index() {
      for (const {path, title} of site.schoolPages) yield {path, title, text: title};
    }
  },
  duckdb: {
    // null = do not download the json/parquet extensions from extensions.duckdb.org at build time.
    // Consequence: read_parquet is unavailable in the browser; pages use CSV, JSON or Arrow.
    // Do not set platforms: {mvp: false} either (breaks every query in 1.13.4, recipe §6.3).
    extensions: {json: null, parquet: null}
  }
};
