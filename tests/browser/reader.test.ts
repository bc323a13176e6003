// The defects a reader found (issue 11, item 5), checked on the built site: phone width, headings in
// the static HTML, the pager in Dutch, one headline percentage, factsheets without charts of marks.
import {readFileSync} from "node:fs";
import path from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {baseUrl, builtPages, launchChromium, openPage, offlineBuild} from "./chromium.js";

const build = offlineBuild();
const pages = builtPages(build.distDir);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function html(urlPath: string): string {
  const file = urlPath.endsWith("/") ? `${urlPath}index.html` : `${urlPath}.html`;
  return readFileSync(path.join(build.distDir, file), "utf8");
}

test("no heading in the static HTML has an empty id, and no table of contents entry waits for a value", () => {
  expect(pages.length).toBeGreaterThan(10);
  for (const urlPath of pages) {
    const page = html(urlPath);
    expect(page.match(/<h[1-6][^>]* id=""/g) ?? [], urlPath).toEqual([]);
    // The table of contents lists the h2 headings as built: none may hold a value that only arrives
    // in the browser ("Een piek in , deels op papier"). The deck and the factsheets have no contents.
    if (urlPath === "/presentatie" || urlPath.startsWith("/scholen/")) continue;
    const pending = [...page.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].filter((m) => m[1].includes("observablehq-loading")).map((m) => m[0]);
    expect(pending, urlPath).toEqual([]);
  }
});

test("on a phone (390 px) no page is wider than the screen: wide tables scroll inside themselves", {timeout: 300_000}, async () => {
  // Every page but the deck (a fixed 16:9 stage) and, of the factsheets, the first three: they share
  // one template.
  const sheets = pages.filter((p) => p.startsWith("/scholen/") && p !== "/scholen/");
  const checked = pages.filter((p) => p !== "/presentatie" && (!sheets.includes(p) || sheets.indexOf(p) < 3));
  const page = await browser.newPage({viewport: {width: 390, height: 844}});
  const wide: string[] = [];
  for (const urlPath of checked) {
    await page.goto(new URL(urlPath, baseUrl()).href, {waitUntil: "load"});
    await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
    // Widths settle once the shipped fonts are in and the resize observers (Framework's resize, which
    // redraws the charts at the width they get) have run: they run before the next frame is painted,
    // so three frames cover a redraw and the one it may cause. A fixed 300 ms pause cost 6–9 s here.
    await page.evaluate(async () => {
      await document.fonts.ready;
      for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
    });
    const {scrollWidth, width} = await page.evaluate(() => ({scrollWidth: document.scrollingElement!.scrollWidth, width: window.innerWidth}));
    if (scrollWidth > width) wide.push(`${urlPath}: ${scrollWidth} px`);
  }
  await page.close();
  expect(wide).toEqual([]);
});

test("the pager reads in Dutch", async () => {
  const {page} = await openPage(browser, "/data-analyse/feiten");
  const labels = await page.evaluate(() =>
    ["#observablehq-footer nav a[rel=prev]", "#observablehq-footer nav a[rel=next]"].map((s) => {
      const element = document.querySelector(s);
      return element ? getComputedStyle(element, "::before").content : null;
    })
  );
  expect(labels).toEqual(['"Vorige pagina"', '"Volgende pagina"']);
  await page.close();
});

/** Round half up of 100·k/n to one decimal, in integers: the headline as it must read. */
function share(k: number, n: number): string {
  const tenths = Math.floor((2 * 1000 * k + n) / (2 * n));
  return `${Math.floor(tenths / 10)},${tenths % 10}%`;
}
const count = (text: string) => Number(text.replace(/\./g, ""));

test("the headline percentage is rounded once from the counts on the cards, and every page that states it agrees", async () => {
  const {page} = await openPage(browser, "/");
  await page.waitForSelector(".key-figure");
  const cards = await page.$$eval(".key-figure", (elements) =>
    elements.map((e) => ({big: e.querySelector(".big")?.textContent ?? "", note: e.querySelector("p")?.textContent ?? ""}))
  );
  const pupils = count(/^([\d.]+) leerlingen/.exec(cards[1].note)![1]);
  const enrolled = count(cards[0].big);
  const expected = share(pupils, enrolled);
  expect(cards[1].big).toBe(expected);
  await page.close();
  for (const urlPath of ["/", "/data-analyse/feiten", "/conclusies"]) {
    const opened = await openPage(browser, urlPath);
    await opened.page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
    const text = (await opened.page.textContent("#observablehq-main")) ?? "";
    expect(text, urlPath).toContain(expected);
    await opened.page.close();
  }
});

test("a factsheet shows no counts by provider or age (per school they are nearly all small) and says why, linking to the municipal figures", async () => {
  // The readers saw age charts of only '·' marks on Dolfijn and Wilhelmina; issue 10 dropped the
  // per-school detail from the factsheets altogether.
  for (const school of ["dolfijn", "wilhelmina"]) {
    const {page} = await openPage(browser, `/scholen/${school}`);
    const found = await page.evaluate(() => ({
      ageOrProviderFigure: [...document.querySelectorAll(".chart-figure")].some((f) => /leeftijd|aanbieder/i.test(f.querySelector(".chart-title")?.textContent ?? "")),
      sentence: document.querySelector(".factsheet-withheld-detail")?.textContent ?? "",
      links: [...document.querySelectorAll(".factsheet-withheld-detail a")].map((a) => a.getAttribute("href"))
    }));
    await page.close();
    expect(found.ageOrProviderFigure, school).toBe(false);
    expect(found.sentence, school).toMatch(/per aanbieder en per leeftijd/);
    expect(found.links.some((href) => href?.includes("feiten")), school).toBe(true);
  }
});

test("the speaker notes sit below the slide's content, never over it, on every slide", async () => {
  const {page} = await openPage(browser, "/presentatie#1");
  await page.setViewportSize({width: 1280, height: 720});
  await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
  await page.keyboard.press("n");
  const count = await page.locator(".deck .slide").count();
  for (let k = 1; k <= count; k++) {
    const overlap = await page.evaluate((n) => {
      const slide = document.querySelector<HTMLElement>(`.slide[data-slide="${n}"]`)!;
      const notes = slide.querySelector(".notes");
      if (!notes) return null;
      const top = notes.getBoundingClientRect().top;
      // Every piece of the slide's content ends above the notes.
      return [...slide.children].filter((c) => c !== notes).map((c) => c.getBoundingClientRect().bottom).filter((bottom) => bottom > top + 0.5).length;
    }, k);
    if (overlap !== null) expect(overlap, `slide ${k}`).toBe(0);
    await page.keyboard.press("ArrowRight");
  }
  await page.close();
});

test("the funnel slide names every coloured dot, and colours exactly the named ones", async () => {
  const {page} = await openPage(browser, "/presentatie#dia-trechter");
  await page.setViewportSize({width: 1280, height: 720});
  await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
  const {coloured, grey, names} = await page.evaluate(() => {
    const svg = document.querySelector("#dia-trechter")!.closest(".slide")!.querySelector("svg")!;
    const fills = [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => c.getAttribute("fill"));
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent ?? "");
    return {
      coloured: fills.filter((f) => f !== null && f.startsWith("#0072")).length,
      grey: fills.filter((f) => f === null || !f.startsWith("#0072")).length,
      names: texts.filter((t) => !/grens|gemeente|%/.test(t)).length
    };
  });
  expect(coloured).toBeGreaterThan(0);
  expect(grey).toBeGreaterThan(0);
  expect(names).toBe(coloured);
  await page.close();
});
