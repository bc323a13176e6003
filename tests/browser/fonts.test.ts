// The shipped fonts in Chromium: the pages load them from dist/_fonts/ and really draw their text
// with them, not with whatever the machine has (on a bare Debian: DejaVu). Two pages: the home page
// (narrative text) and one factsheet (tables and Plot charts, one folder deeper).
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {schoolSlugs} from "../../scripts/pdf.js";
import {launchChromium, openPage, offlineBuild} from "./chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const factsheet = `/scholen/${schoolSlugs(offlineBuild().distDir)[0]}`;

/**
 * The families Chromium's text shaper actually used for a node's text (CSS.getPlatformFontsForNode),
 * which is what a reader sees; the computed font-family only says what was asked for.
 */
async function renderedFamilies(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const {root} = await cdp.send("DOM.getDocument", {depth: 0});
  const {nodeId} = await cdp.send("DOM.querySelector", {nodeId: root.nodeId, selector});
  if (!nodeId) throw new Error(`no ${selector} on ${page.url()}`);
  const {fonts} = await cdp.send("CSS.getPlatformFontsForNode", {nodeId});
  await cdp.detach();
  return fonts.filter((font) => font.glyphCount > 0).map((font) => font.familyName);
}

// What each page must draw in which family: narrative text and headings in the serif; table cells
// and Plot's labels (svg[font-family], which Plot sets to system-ui) in the sans.
const PAGES: [string, Record<string, [selector: string, family: string]>][] = [
  ["/", {body: ["#observablehq-main p", "Source Serif 4"], heading: ["#observablehq-main h1", "Source Serif 4"], navigation: ["#observablehq-sidebar a", "Source Sans 3"]}],
  [
    factsheet,
    {
      body: ["#observablehq-main p", "Source Serif 4"],
      heading: ["#observablehq-main h2", "Source Serif 4"],
      cell: ["#observablehq-main table:not(details table) td", "Source Sans 3"],
      chart: ["#observablehq-main svg[font-family] text", "Source Sans 3"]
    }
  ]
];

describe.each(PAGES)("fonts on %s", (path, expected) => {
  test("the shipped faces load, and the page's text asks for them and is drawn with them", async () => {
    const {page, consoleErrors} = await openPage(browser, path);
    await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((f) => !f.family.includes("fallback")).map((f) => `${f.family} ${f.weight} ${f.style}: ${f.status}`)
    );
    // Every page shows serif body and bold headings and sans navigation; italic and code load on demand.
    expect(faces).toEqual(
      expect.arrayContaining(["Source Serif 4 400 normal: loaded", "Source Serif 4 700 normal: loaded", "Source Sans 3 200 900 normal: loaded"])
    );
    expect(
      await page.evaluate(() => ['17px "Source Serif 4"', 'bold 17px "Source Serif 4"', '13px "Source Sans 3"'].map((font) => document.fonts.check(font)))
    ).toEqual([true, true, true]);

    const selectors = Object.fromEntries(Object.entries(expected).map(([k, [selector]]) => [k, selector]));
    const computed = await page.evaluate(
      (s) => Object.fromEntries(Object.entries(s).map(([k, sel]) => [k, getComputedStyle(document.querySelector(sel)!).fontFamily.split(",")[0]])),
      selectors
    );
    expect(computed).toEqual(Object.fromEntries(Object.entries(expected).map(([k, [, family]]) => [k, `"${family}"`])));
    // Chromium names the variable sans by its default instance ("Source Sans 3 ExtraLight") whatever
    // weight it draws; what matters is that no glyph came from another family.
    for (const [k, [selector, family]] of Object.entries(expected)) {
      const used = await renderedFamilies(page, selector);
      expect(used.length, `${k}: ${used}`).toBeGreaterThan(0);
      expect(used.filter((name) => !name.startsWith(family)), `${k} (${selector}) drawn in`).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });
});

test("the fonts come from dist/_fonts/ with content-hashed names, preloaded relative to the page", async () => {
  const {page} = await openPage(browser, factsheet);
  const preloads = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
    links.map((l) => ({href: l.getAttribute("href"), type: l.getAttribute("type"), crossorigin: l.hasAttribute("crossorigin")}))
  );
  expect(preloads.map((p) => p.href)).toEqual([
    expect.stringMatching(/^\.\.\/_fonts\/source-serif-4-latin-400-normal\.[0-9a-f]{8}\.woff2$/),
    expect.stringMatching(/^\.\.\/_fonts\/source-serif-4-latin-700-normal\.[0-9a-f]{8}\.woff2$/),
    expect.stringMatching(/^\.\.\/_fonts\/source-sans-3-latin-wght-normal\.[0-9a-f]{8}\.woff2$/)
  ]);
  expect(preloads.every((p) => p.type === "font/woff2" && p.crossorigin)).toBe(true);
  // A preload that the @font-face does not reuse would be fetched twice: once per file is the proof.
  const fetched = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((name) => name.endsWith(".woff2"))
  );
  expect(fetched.length).toBe(new Set(fetched).size);
  expect(fetched.length).toBeGreaterThanOrEqual(3);
});
