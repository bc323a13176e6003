// Cumulative layout shift after load stays below 0,1 (Lighthouse's "good") on representative pages:
// the deck, a factsheet (rendered at build time), the explorer, the school index and narrative pages
// whose text holds values from the data (Feiten, Groeipatronen, Verschillen tussen scholen). Sums every
// layout-shift entry Chromium reports (PerformanceObserver, buffered) from navigation until the page
// is idle, on Lighthouse's mobile viewport and on a laptop screen: a page that fills in text or charts
// after its first paint moves what the reader already sees, and that shows up here in a few seconds.
// Lighthouse itself runs in the benchmark (npm run bench:lighthouse), not here.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {baseUrl, launchChromium} from "./chromium.js";

const VIEWPORTS = {
  mobile: {viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true},
  laptop: {viewport: {width: 1280, height: 900}}
};

/** How long the data files take: enough for Chromium to paint the page's static HTML first. */
const DATA_DELAY_MS = 400;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Shift {
  value: number;
  sources: string[];
}

async function layoutShifts(urlPath: string, viewport: keyof typeof VIEWPORTS): Promise<Shift[]> {
  const context = await browser.newContext(VIEWPORTS[viewport]);
  try {
    const page = await context.newPage();
    // The page's data files arrive a little after its first paint, as on a real connection (on
    // 127.0.0.1 they often come before it, and a value that fills in late would go unseen): every
    // inline value and chart then draws into a page the reader already sees.
    await page.route("**/_file/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, DATA_DELAY_MS));
      await route.continue();
    });
    await page.goto(new URL(urlPath, baseUrl()).href, {waitUntil: "networkidle"});
    // Two animation frames after the network is idle: a cell that draws late has drawn by then.
    return await page.evaluate(
      () =>
        new Promise<Shift[]>((resolve) => {
          const shifts: Shift[] = [];
          const describe = (node: Node | null) =>
            node instanceof Element ? `${node.tagName.toLowerCase()}${node.className && typeof node.className === "string" ? `.${node.className.split(" ")[0]}` : ""}` : (node?.textContent ?? "?").slice(0, 40);
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {value: number; sources: {node: Node | null}[]})[]) {
              shifts.push({value: entry.value, sources: entry.sources.map((s) => describe(s.node))});
            }
          }).observe({type: "layout-shift", buffered: true});
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(shifts), 100)));
        })
    );
  } finally {
    await context.close();
  }
}

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

describe.each(["mobile", "laptop"] as const)("%s", (viewport) => {
  // The home page (lead line), a page with a chart in the first view, the school index (inputs and
  // table drawn by JS), the explorer (DuckDB, filters, figures) and the pages above.
  const pages = [
    "/",
    "/data-analyse/feiten",
    "/data-analyse/eerste-keer-goed",
    "/data-analyse/groeipatronen",
    "/data-analyse/spreiding",
    "/scholen/",
    "/verkennen",
    "/presentatie",
    "/scholen/meander"
  ];
  test.each(pages)("%s: layout shift after load < 0,1", async (urlPath) => {
    const shifts = await layoutShifts(urlPath, viewport);
    expect(total(shifts), JSON.stringify(shifts)).toBeLessThan(0.1);
  });
});
