// npm run pdf on the offline build: one A4 PDF per school page of one or two sheets that names the
// school as text, and one combined file holding exactly all of those sheets.
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {offlineBuild} from "./chromium.js";
import {COMBINED_NAME, renderPdfs, schoolSlugs} from "../../scripts/pdf.js";

const {distDir} = offlineBuild();
const outDir = path.resolve(import.meta.dirname, "../../node_modules/.cache/nadere-ogen/pdf");
const slugs = schoolSlugs(distDir);

function pageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], {encoding: "utf8"});
  return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
}

function pdfText(file: string): string {
  // pdftotext breaks lines where the layout does; a name may wrap, so compare with spaces collapsed.
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], {encoding: "utf8"}).replace(/\s+/g, " ");
}

/** The school's name as its built page has it: the factsheet's <h1 id="school">, rendered at build time. */
function schoolName(slug: string): string {
  const html = readFileSync(path.join(distDir, "scholen", `${slug}.html`), "utf8");
  // Framework wraps a heading's text in its anchor link.
  const name = /<h1 id="school">(?:<a [^>]*>)?([^<]*)</.exec(html)?.[1];
  if (!name) throw new Error(`no <h1 id="school"> in scholen/${slug}.html`);
  return name.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");
}

// Until the school pages exist in a build there is nothing to print; the generic page tests still run.
describe.skipIf(slugs.length === 0)("npm run pdf", () => {
  beforeAll(async () => {
    await renderPdfs({distDir, outDir});
  }, 300_000);

  test("writes one PDF per school page and the combined file, nothing else", () => {
    const expected = [...slugs, COMBINED_NAME].map((slug) => `${slug}.pdf`).sort();
    expect(readdirSync(outDir).sort()).toEqual(expected);
  });

  test.each(slugs)("%s.pdf has one or two A4 pages and names the school", (slug) => {
    const file = path.join(outDir, `${slug}.pdf`);
    expect(existsSync(file)).toBe(true);
    expect(pageCount(file)).toBeGreaterThanOrEqual(1);
    expect(pageCount(file)).toBeLessThanOrEqual(2);
    // Chromium writes 594.96 × 841.92 pt; pdfinfo names any size within its tolerance of A4 "(A4)".
    expect(execFileSync("pdfinfo", [file], {encoding: "utf8"})).toMatch(/^Page size:.*\(A4\)$/m);
    expect(pdfText(file)).toContain(schoolName(slug));
  });

  test("the combined file has the pages of all school files together and names every school", () => {
    const combined = path.join(outDir, `${COMBINED_NAME}.pdf`);
    const sum = slugs.reduce((total, slug) => total + pageCount(path.join(outDir, `${slug}.pdf`)), 0);
    expect(pageCount(combined)).toBe(sum);
    const text = pdfText(combined);
    expect(slugs.filter((slug) => !text.includes(schoolName(slug)))).toEqual([]);
  });
});
