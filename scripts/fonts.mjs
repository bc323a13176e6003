// The site's own fonts: which files it ships, how a page asks for them, and the metric-matched
// fallbacks that hold the layout until (or unless) they load.
//
// Why ship fonts: with system fonts the layout depends on the machine. On Debian with only DejaVu,
// Framework's serif stack falls to DejaVu Serif, about 15 % wider than Source Serif 4, and the
// factsheets print three A4 pages while slides overflow. Source Serif 4 (body, headings) and Source
// Sans 3 (tables, navigation, charts, slides) are what Framework's default theme names; Source Code
// Pro is the monospace. All are SIL OFL, from the @fontsource packages, Latin subset, woff2 only.
//
// Why not through Framework: Framework 1.13 cannot bundle a local url() in CSS (esbuild has no woff2
// loader, observablehq/framework#1573). scripts/postbuild.mjs therefore copies the files below into
// dist/_fonts/ under content-hashed names and writes fontHead() into every page's <head>: preload
// links plus one inline <style> with the @font-face rules, with paths relative to the page (the site
// works from any folder and from file://-like hosts). `npm run dev` gets the same head through
// observablehq.config.ts (devFontHead) with the files copied into src/_fonts/ by scripts/dev.mjs.
//
// font-display: swap. Text shows at once in a fallback that takes the same room (size-adjust and
// the three overrides below), so the swap moves almost nothing; `optional` would keep the fallback
// for the whole first visit and print runs would differ from screen. Print and `npm run pdf` wait
// for document.fonts.ready before laying out pages.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";

const require = createRequire(import.meta.url);

/** Fontsource's "latin" subset (its CSS for these packages): Basic Latin, Latin-1, € ‘’ “” – — … • ™ −. */
export const LATIN_RANGE =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

export const SANS = "Source Sans 3";
export const SERIF = "Source Serif 4";
export const MONO = "Source Code Pro";

/**
 * @typedef {object} Face
 * @property {string} family
 * @property {string} file package-relative path of the woff2
 * @property {string} weight
 * @property {"normal" | "italic"} style
 * @property {boolean} preload whether nearly every page needs it before first paint
 */

/**
 * Only the faces the stylesheets ask for. Body text is serif 400 (Framework's body font), headings
 * and <strong> serif 700 (600 requests fall to 700), the subtitle under a page title and <em> serif
 * italic. Sans runs 400–700 (navigation 500, cards 500, slides 600/700): one variable file (29 kB)
 * is smaller than four static ones (4 × 15.6 kB). Italic sans and bold code are synthesised.
 * @type {Face[]}
 */
export const FACES = [
  {family: SERIF, file: "@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal", preload: true},
  {family: SERIF, file: "@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2", weight: "700", style: "normal", preload: true},
  {family: SERIF, file: "@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic", preload: false},
  {family: SANS, file: "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2", weight: "200 900", style: "normal", preload: true},
  // Only /verkennen's SQL box and a few code spans use it: no preload.
  {family: MONO, file: "@fontsource/source-code-pro/files/source-code-pro-latin-400-normal.woff2", weight: "400", style: "normal", preload: false}
];

/** The regular face of each family, whose metrics the fallbacks copy (scripts/font-metrics.mjs). */
export const SHIPPED_METRIC_FILES = {
  [SERIF]: FACES[0].file,
  [SANS]: FACES[3].file,
  [MONO]: FACES[4].file
};

/** Local fonts that stand in until the shipped ones load, and the file each is measured from. */
export const FALLBACK_FILES = {
  "DejaVu Serif": "DejaVuSerif.ttf",
  "DejaVu Sans": "DejaVuSans.ttf",
  "DejaVu Sans Mono": "DejaVuSansMono.ttf",
  // Metric-compatible pairs: one measurement serves both names.
  "Times New Roman": "LiberationSerif-Regular.ttf",
  Arial: "LiberationSans-Regular.ttf",
  "Courier New": "LiberationMono-Regular.ttf"
};

/**
 * Average width is measured on text like the site's own (Dutch words, numbers in Dutch notation),
 * since size-adjust should make a line of *this* text as long in the fallback as in the real font.
 */
export const SAMPLE_TEXT =
  "Met nadere ogen: jeugdhulp per basisschool. In 2019 kregen 389 van de 4.550 leerlingen (8,5%) jeugdhulp; de gemiddelde kosten waren € 10.000 per kind, ongeveer gelijk aan 2018.";

/**
 * Output of `node scripts/font-metrics.mjs /tmp/liberation` (see there): hhea ascent/descent/lineGap
 * in font units and the average advance of SAMPLE_TEXT in em. The variable sans is measured at its
 * default instance, whose advances are those of weight 400.
 */
export const METRICS = {
  "Source Serif 4": {unitsPerEm: 1000, ascent: 1036, descent: -335, lineGap: 0, avgWidth: 0.48059},
  "Source Sans 3": {unitsPerEm: 1000, ascent: 1024, descent: -400, lineGap: 0, avgWidth: 0.42333},
  "Source Code Pro": {unitsPerEm: 1000, ascent: 984, descent: -273, lineGap: 0, avgWidth: 0.6},
  "DejaVu Serif": {unitsPerEm: 2048, ascent: 1901, descent: -483, lineGap: 0, avgWidth: 0.5281},
  "DejaVu Sans": {unitsPerEm: 2048, ascent: 1901, descent: -483, lineGap: 0, avgWidth: 0.52244},
  "DejaVu Sans Mono": {unitsPerEm: 2048, ascent: 1901, descent: -483, lineGap: 0, avgWidth: 0.60205},
  "Times New Roman": {unitsPerEm: 2048, ascent: 1825, descent: -443, lineGap: 87, avgWidth: 0.41419},
  Arial: {unitsPerEm: 2048, ascent: 1854, descent: -434, lineGap: 67, avgWidth: 0.45866},
  "Courier New": {unitsPerEm: 2048, ascent: 1705, descent: -615, lineGap: 0, avgWidth: 0.6001}
};

/** Which local fonts stand in for which family, most common first on the machines readers use. */
export const FALLBACKS = {
  [SERIF]: ["Times New Roman", "DejaVu Serif"],
  [SANS]: ["Arial", "DejaVu Sans"],
  [MONO]: ["Courier New", "DejaVu Sans Mono"]
};

/** Other names the same metric-compatible font goes by (Liberation on Linux, Croscore on ChromeOS). */
const LOCAL_ALIASES = {
  "Times New Roman": ["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "Tinos"],
  Arial: ["Arial", "ArialMT", "Liberation Sans", "Arimo"],
  "Courier New": ["Courier New", "CourierNewPSMT", "Liberation Mono", "Cousine"],
  "DejaVu Serif": ["DejaVu Serif", "DejaVuSerif"],
  "DejaVu Sans": ["DejaVu Sans", "DejaVuSans"],
  "DejaVu Sans Mono": ["DejaVu Sans Mono", "DejaVuSansMono"]
};

/** Generic family at the end of each stack. */
const GENERIC = {[SERIF]: "serif", [SANS]: "sans-serif", [MONO]: "monospace"};

/** The family name of the stand-in for `family` drawn with local font `local`. */
export const fallbackName = (family, local) => `${family} fallback ${local}`;

const percent = (x) => `${(Math.round(x * 1e4) / 100).toFixed(2)}%`;

/**
 * The overrides that make `local` take the room of `family`: size-adjust scales the fallback so a
 * line of SAMPLE_TEXT is as long, and since the overrides are applied to the scaled font (CSS Fonts
 * 5, size-adjust), each vertical metric is divided by that scale to land on the shipped font's.
 * @param {keyof typeof METRICS} family
 * @param {keyof typeof METRICS} local
 */
export function fallbackMetrics(family, local) {
  const web = METRICS[family];
  const sys = METRICS[local];
  const scale = web.avgWidth / sys.avgWidth;
  const em = (units) => Math.abs(units) / web.unitsPerEm / scale;
  return {
    sizeAdjust: percent(scale),
    ascentOverride: percent(em(web.ascent)),
    descentOverride: percent(em(web.descent)),
    lineGapOverride: percent(em(web.lineGap))
  };
}

/** `font-family` value for a shipped family: the font, its stand-ins, the generic family. */
export function fontStack(family) {
  return [family, ...FALLBACKS[family].map((local) => fallbackName(family, local)), GENERIC[family]].map((name) => (name.includes(" ") ? `"${name}"` : name)).join(", ");
}

export const shippedFile = (file) => require.resolve(file);

/** The served name of a face's file: its base name plus 8 hex digits of its SHA-256. */
export function hashedName(face) {
  const base = baseName(face).replace(/\.woff2$/, "");
  const hash = createHash("sha256").update(readFileSync(shippedFile(face.file))).digest("hex").slice(0, 8);
  return `${base}.${hash}.woff2`;
}

/**
 * Everything a page's <head> needs for the fonts. `href(face)` gives the URL of a face's file as
 * seen from that page. Preloads carry `crossorigin` because fonts are always fetched in CORS mode;
 * without it the preloaded copy would not be reused and the file would load twice.
 * @param {(face: Face) => string} href
 * @param {{preload?: boolean}} [options] preload: false for `npm run dev` (see devFontHead)
 */
export function fontHead(href, {preload = true} = {}) {
  const preloads = FACES.filter((face) => preload && face.preload).map(
    (face) => `<link rel="preload" as="font" type="font/woff2" href="${href(face)}" crossorigin>`
  );
  const faces = FACES.map(
    (face) =>
      `@font-face{font-family:"${face.family}";font-style:${face.style};font-weight:${face.weight};font-display:swap;` +
      `src:url("${href(face)}") format("woff2");unicode-range:${LATIN_RANGE}}`
  );
  const fallbacks = Object.entries(FALLBACKS).flatMap(([family, locals]) =>
    locals.map((local) => {
      const m = fallbackMetrics(family, local);
      const src = LOCAL_ALIASES[local].map((name) => `local("${name}")`).join(",");
      return (
        `@font-face{font-family:"${fallbackName(family, local)}";src:${src};size-adjust:${m.sizeAdjust};` +
        `ascent-override:${m.ascentOverride};descent-override:${m.descentOverride};line-gap-override:${m.lineGapOverride}}`
      );
    })
  );
  return [...preloads, `<style>${[...faces, ...fallbacks].join("\n")}</style>`].join("\n");
}

/** Base name of a face's file, as scripts/dev.mjs copies it into src/_fonts/. */
export const baseName = (face) => face.file.split("/").pop();

/** Where `npm run dev` keeps the fonts: below Framework's root, so its preview serves them. */
export const DEV_FONT_DIR = "src/_fonts";

/**
 * The head for Framework's preview (observablehq.config.ts, when scripts/dev.mjs sets
 * NADERE_OGEN_DEV_FONTS). The preview serves any file below the root at /_file/<path>. Framework
 * rewrites <link href> in the head option into hashed /_file/…?sha= URLs that the @font-face url()
 * would not share, so the preview goes without preloads: it is for writing, not for measuring.
 */
export function devFontHead() {
  return fontHead((face) => `/_file/_fonts/${baseName(face)}`, {preload: false});
}
