// /data-analyse/feiten in Chromium: the charts drawn at build time (src/data-analyse/feiten.md.ts) and
// the age chart, which answers its toggle, its selects and its measure.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {baseUrl, launchChromium, openPage} from "./chromium.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const AGE_CHART = 'svg[aria-label^="Staafdiagram: leerlingen met jeugdhulp naar leeftijd"]';

/**
 * Opens the page once its code has drawn the age chart's four inputs (care type, dyslexia, year,
 * measure). The chart itself is in the HTML from the build, so it says nothing about the inputs.
 */
async function open(): Promise<{page: Page; consoleErrors: string[]}> {
  const opened = await openPage(browser, "/data-analyse/feiten");
  await opened.page.locator(AGE_CHART).waitFor();
  await opened.page.waitForFunction(() => document.querySelectorAll('#observablehq-main form[class^="inputs-"]').length >= 4);
  return opened;
}

/**
 * Twice in four fresh-clone CI runs (6 December, commit d140bae) the first change of an input on a
 * freshly opened page was lost: once a radio button stayed unchecked after Playwright's click, once the
 * dyslexia toggle's click never redrew the chart. Neither came back in 43 clicks on pages opened
 * the same way, idle, under CPU load and throttled (tmp-exp, 6 December), so the cause is not known. The
 * interaction tests run again on a new page when that happens; a page that never redraws still fails.
 */
const INTERACTION = {retry: 2};

const ageLabel = (page: Page) => page.getAttribute(AGE_CHART, "aria-label");

/**
 * Waits until the age chart has been redrawn with an accessible name containing `words`. The first
 * redraw in the browser loads Plot and the chart's modules (the build drew the first chart): in CI that
 * took over 10 s once, with the invented municipalities' sites building on the other core. A speed
 * check belongs in the benchmarks; this waits for the behaviour.
 */
async function redrawn(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.getAttribute("aria-label")?.includes(text) ?? false,
    [AGE_CHART, words] as const,
    {timeout: 45_000}
  );
}

/** The value written above each bar, by age ("·" for a withheld age). */
const barLabels = (page: Page) =>
  page.$$eval(`${AGE_CHART} g[aria-label="text"] text`, (nodes) => nodes.map((n) => n.textContent ?? ""));

const count = (text: string) => Number(text.replace(/\./g, ""));

test("switching dyslexia care off redraws the age chart with fewer or equal pupils at every age", INTERACTION, async () => {
  const {page, consoleErrors} = await open();
  expect(await ageLabel(page)).toContain("alle zorgvormen met dyslexiezorg");
  // The labels from left to right, one per age: shown values and "·" marks are drawn by two marks, so
  // their order in the svg is not the order of the ages. The build draws the first chart 640 px wide and
  // the page redraws it at the column's width, so the ages are compared by rank, not by x.
  const labelsByAge = () =>
    page.$$eval(`${AGE_CHART} g[aria-label="text"] text`, (nodes) =>
      nodes
        .map((n) => {
          const x = n.getAttribute("x") ?? /translate\(([-\d.]+)/.exec(n.getAttribute("transform") ?? "")?.[1];
          return {x: Number(x), text: n.textContent ?? ""};
        })
        .sort((a, b) => a.x - b.x)
        .map((n) => n.text)
    );
  const withDyslexia = await labelsByAge();
  await page.getByRole("checkbox", {name: "Met dyslexiezorg"}).click();
  await redrawn(page, "zonder dyslexiezorg");
  const withoutDyslexia = await labelsByAge();
  // One label per age (4 to 12 and older).
  expect(withDyslexia.length).toBeGreaterThan(5);
  expect(withoutDyslexia.length).toBe(withDyslexia.length);
  expect(withoutDyslexia).not.toEqual(withDyslexia);
  // An age withheld ("·") in either is not compared.
  const both = withDyslexia.flatMap((t, i) => (t !== "·" && withoutDyslexia[i] !== "·" ? [[count(t), count(withoutDyslexia[i])]] : []));
  expect(both.length).toBeGreaterThan(0);
  for (const [withCount, withoutCount] of both) expect(withoutCount).toBeLessThanOrEqual(withCount);
  expect(consoleErrors).toEqual([]);
});

test("switching from a count to per 100 pupils relabels the axis and writes rates with one decimal", INTERACTION, async () => {
  const {page, consoleErrors} = await open();
  await page.getByRole("radio", {name: "Per 100 leerlingen van die leeftijd"}).check();
  await redrawn(page, "per 100 leerlingen van die leeftijd");
  expect(await page.textContent(`${AGE_CHART} g[aria-label="y-axis label"]`)).toContain("Per 100 leerlingen");
  const rates = (await barLabels(page)).filter((t) => t !== "·");
  expect(rates.length).toBeGreaterThan(0);
  for (const rate of rates) expect(rate).toMatch(/^\d+,\d$/);
  expect(consoleErrors).toEqual([]);
});

test("choosing one care type draws it in its own colour and disables the dyslexia toggle", INTERACTION, async () => {
  const {page, consoleErrors} = await open();
  await page.getByRole("combobox", {name: "Zorgvorm", exact: true}).selectOption({label: "Dyslexiezorg"});
  await redrawn(page, "Dyslexiezorg,");
  // One colour for the whole mark: Plot writes it on the bars' group.
  expect(await page.getAttribute(`${AGE_CHART} g[aria-label="bar"]`, "fill")).toBe("#E69F00");
  expect(await page.getByRole("checkbox", {name: "Met dyslexiezorg"}).isDisabled()).toBe(true);
  await page.getByRole("combobox", {name: "Jaar", exact: true}).selectOption({label: "Alle jaren samen (2017–2019)"});
  await redrawn(page, "2017–2019 samen");
  expect(consoleErrors).toEqual([]);
});

test("the charts are in the page's HTML before any script runs, without Plot, and their CSV buttons work", async () => {
  const page = await browser.newPage();
  // The page as a browser gets it, scripts off: the seven fixed figures and the age chart in its first choice.
  const html = await (await page.request.get(new URL("/data-analyse/feiten", baseUrl()).href)).text();
  const titles = [...html.matchAll(/<h3 class="chart-title">([^<]*)<\/h3>/g)].map((m) => m[1]);
  // Default data: 686 trajectories started in 2018, 555 after merging the 131 DBC restarts (Tabel 1 and 2).
  expect(titles[0]).toBe("131 van de 686 trajecten in 2018 waren een herstart op papier");
  expect(titles.length).toBe(8);
  expect(html.match(/<figure class="chart-figure">[\s\S]*?<\/figure>/g)!.every((figure) => figure.includes("<svg"))).toBe(true);
  expect(html).not.toContain("modulepreload\" href=\"../_npm/@observablehq/plot");
  await page.close();

  const {page: live, consoleErrors} = await openPage(browser, "/data-analyse/feiten");
  const download = live.waitForEvent("download");
  await live.getByRole("button", {name: /trajecten-per-jaar\.csv/}).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("trajecten-per-jaar.csv");
  const text = readFileSync(await file.path(), "utf8");
  expect(text).toBe("\ufeffJaar;Zonder correctie;Met DBC-correctie\r\n2017;519;519\r\n2018;686;555\r\n2019;494;494\r\n");
  expect(consoleErrors).toEqual([]);
  await live.close();
});
