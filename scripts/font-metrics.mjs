// Prints the raw vertical metrics and average advance width of the shipped fonts and of their local
// fallbacks, in the form scripts/fonts.mjs keeps them (METRICS). Run it after changing a font:
//
//   node scripts/font-metrics.mjs [dir with fallback .ttf files …]
//
// The shipped fonts are read from node_modules (the woff2 files the site serves). The fallbacks are
// read from /usr/share/fonts and from any extra folder given: Arial, Times New Roman and Courier New
// are measured through Liberation Sans/Serif/Mono, which are metric-compatible with them (same
// advance widths and vertical metrics by design). Without installing them on this machine:
//   apt-get download fonts-liberation2 && dpkg -x fonts-liberation2_*.deb /tmp/liberation
//   node scripts/font-metrics.mjs /tmp/liberation
//
// The numbers are committed rather than computed at build time: a build must not depend on which
// fonts the building machine happens to have (tests/unit/fonts.test.ts re-reads the shipped ones).
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import {FALLBACK_FILES, SAMPLE_TEXT, shippedFile, SHIPPED_METRIC_FILES} from "./fonts.mjs";

/**
 * hhea ascender/descender/lineGap (what Chromium lays lines out with for these fonts on Linux) and
 * the average advance width per character of SAMPLE_TEXT, in em, from cmap and hmtx (no kerning).
 * A variable font is measured at weight 400, the weight of running text (Source Sans 3's default
 * instance is 200): its advances get the HVAR deltas for wght 400. fontkit 2.0.4 cannot lay out an
 * instance of a woff2 variable font (getVariation() and glyph decoding fail on the compressed glyf
 * table), so the advances are read from the tables directly; 'a' comes out at 504 units, as in
 * Fontsource's static Source Sans 3 400.
 * @param {string} file
 */
export function measure(file) {
  const font = /** @type {any} */ (fontkit.create(readFileSync(file)));
  if (font.variationAxes.wght) font.variationCoords = font.fvar.axis.map((axis) => (axis.axisTag.trim() === "wght" ? 400 : axis.defaultValue));
  const metrics = font.hmtx.metrics;
  const advance = (/** @type {number} */ codePoint) => {
    const gid = font._cmapProcessor.lookup(codePoint);
    const base = metrics.get(Math.min(gid, metrics.length - 1)).advance;
    return base + (font.variationCoords ? font._variationProcessor.getAdvanceAdjustment(gid, font.HVAR) : 0);
  };
  const codePoints = [...SAMPLE_TEXT].map((c) => c.codePointAt(0) ?? 0);
  const width = codePoints.reduce((sum, cp) => sum + advance(cp), 0);
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.hhea.ascent,
    descent: font.hhea.descent,
    lineGap: font.hhea.lineGap,
    // Rounded so the committed value does not depend on floating-point noise.
    avgWidth: Math.round((width / font.unitsPerEm / codePoints.length) * 1e5) / 1e5
  };
}

/** @param {string[]} dirs @param {string} name */
function findTtf(dirs, name) {
  for (const dir of dirs) {
    let entries = [];
    try {
      entries = readdirSync(dir, {recursive: true, withFileTypes: true});
    } catch {
      continue;
    }
    const hit = entries.find((e) => e.isFile() && e.name === name);
    if (hit) return path.join(hit.parentPath, hit.name);
  }
  return null;
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const dirs = [...process.argv.slice(2), "/usr/share/fonts"];
  const out = {};
  for (const [family, file] of Object.entries(SHIPPED_METRIC_FILES)) out[family] = measure(shippedFile(file));
  for (const [local, file] of Object.entries(FALLBACK_FILES)) {
    const found = findTtf(dirs, file);
    out[local] = found ? measure(found) : `not found: ${file}`;
  }
  console.log(JSON.stringify(out, null, 2));
}
