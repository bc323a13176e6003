// /data-analyse/feiten in Chromium: the age chart answers its toggle, its selects and its measure.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {launchChromium, openPage} from "./chromium.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const AGE_CHART = 'svg[aria-label^="Staafdiagram: leerlingen met jeugdhulp naar leeftijd"]';

async function open(): Promise<{page: Page; consoleErrors: string[]}> {
  const opened = await openPage(browser, "/data-analyse/feiten");
  await opened.page.locator(AGE_CHART).waitFor();
  return opened;
}

const ageLabel = (page: Page) => page.getAttribute(AGE_CHART, "aria-label");

/** Waits until the age chart has been redrawn with an accessible name containing `words`. */
async function redrawn(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.getAttribute("aria-label")?.includes(text) ?? false,
    [AGE_CHART, words] as const,
    {timeout: 10_000}
  );
}

/** The value written above each bar, by age ("·" for a withheld age). */
const barLabels = (page: Page) =>
  page.$$eval(`${AGE_CHART} g[aria-label="text"] text`, (nodes) => nodes.map((n) => n.textContent ?? ""));

const count = (text: string) => Number(text.replace(/\./g, ""));

test("switching dyslexia care off redraws the age chart with fewer or equal pupils at every age", async () => {
  const {page, consoleErrors} = await open();
  expect(await ageLabel(page)).toContain("alle zorgvormen met dyslexiezorg");
  // The labels by their x position (the age): shown values and "·" marks are drawn by two marks, so
  // their order in the svg is not the order of the ages.
  const labelsByAge = () =>
    page.$$eval(`${AGE_CHART} g[aria-label="text"] text`, (nodes) =>
      Object.fromEntries(
        nodes.map((n) => {
          const x = n.getAttribute("x") ?? /translate\(([-\d.]+)/.exec(n.getAttribute("transform") ?? "")?.[1];
          return [String(Math.round(Number(x))), n.textContent ?? ""];
        })
      )
    );
  const withDyslexia = await labelsByAge();
  await page.getByRole("checkbox", {name: "Met dyslexiezorg"}).click();
  await redrawn(page, "zonder dyslexiezorg");
  const withoutDyslexia = await labelsByAge();
  // One label per age (4 to 12 and older), each at its own x.
  expect(Object.keys(withDyslexia).length).toBeGreaterThan(5);
  expect(Object.keys(withoutDyslexia).sort()).toEqual(Object.keys(withDyslexia).sort());
  expect(withoutDyslexia).not.toEqual(withDyslexia);
  // An age withheld ("·") in either is not compared.
  const both = Object.entries(withDyslexia).flatMap(([x, t]) => (t !== "·" && withoutDyslexia[x] !== "·" ? [[count(t), count(withoutDyslexia[x])]] : []));
  expect(both.length).toBeGreaterThan(0);
  for (const [withCount, withoutCount] of both) expect(withoutCount).toBeLessThanOrEqual(withCount);
  expect(consoleErrors).toEqual([]);
});

test("switching from a count to per 100 pupils relabels the axis and writes rates with one decimal", async () => {
  const {page, consoleErrors} = await open();
  await page.getByRole("radio", {name: "Per 100 leerlingen van die leeftijd"}).check();
  await redrawn(page, "per 100 leerlingen van die leeftijd");
  expect(await page.textContent(`${AGE_CHART} g[aria-label="y-axis label"]`)).toContain("Per 100 leerlingen");
  const rates = (await barLabels(page)).filter((t) => t !== "·");
  expect(rates.length).toBeGreaterThan(0);
  for (const rate of rates) expect(rate).toMatch(/^\d+,\d$/);
  expect(consoleErrors).toEqual([]);
});

test("choosing one care type draws it in its own colour and disables the dyslexia toggle", async () => {
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
