// /data-analyse/eerste-keer-goed in Chromium: the page loads, the cascade is drawn and its table matches.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {launchChromium, openPage} from "./chromium.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test("the Eerste Keer Goed page draws the cascade with the EKG in its title, without console errors", async () => {
  const {page, consoleErrors} = await openPage(browser, "/data-analyse/eerste-keer-goed");
  const chart = page.locator('figure.chart-figure svg[aria-label^="Staafdiagram"]');
  await chart.waitFor();
  expect(await page.locator("figure.chart-figure h3").textContent()).toMatch(/^Eerste Keer Goed is \d+%: \d+ van de 100 leerlingen/);
  const segments = await chart.locator("rect").count();
  // Four steps × three outcomes at most; withheld or empty ones are left out.
  expect(segments).toBeGreaterThan(0);
  expect(segments).toBeLessThanOrEqual(12);
  // "Toon tabel" lists every step and outcome: 4 × 3 rows.
  expect(await page.locator("figure.chart-figure details tbody tr").count()).toBe(12);
  expect(consoleErrors).toEqual([]);
});
