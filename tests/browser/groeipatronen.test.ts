// /data-analyse/groeipatronen in Chromium: choosing a school highlights it in the growth chart, the
// funnel plot and Tabel 6; another sort order redraws the rows in that order.
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

async function open(): Promise<{page: Page; consoleErrors: string[]}> {
  const opened = await openPage(browser, "/data-analyse/groeipatronen");
  await opened.page.locator(".growth-chart svg").first().waitFor();
  await opened.page.locator("#trechter").waitFor();
  return opened;
}

/** School names in the growth chart, top to bottom as drawn. */
const drawnOrder = (page: Page) =>
  page.$$eval(".growth-chart .growth-name text, .growth-chart .growth-highlight-name text", (texts) =>
    texts
      .map((t) => ({name: t.textContent ?? "", top: t.getBoundingClientRect().top}))
      .sort((a, b) => a.top - b.top)
      .map((t) => t.name)
  );

test("choosing a school highlights it in the growth chart, the funnel plot and Tabel 6", async () => {
  const {page, consoleErrors} = await open();
  expect(await page.locator(".growth-chart .growth-highlight path").count()).toBe(0);
  expect(await page.locator(".funnel-highlight circle").count()).toBe(0);

  await page.getByLabel("Markeer een school").selectOption({label: "Meander"});
  await page.locator(".growth-chart .growth-highlight path").waitFor();
  expect(await page.locator(".growth-chart .growth-highlight-name text").textContent()).toBe("Meander");
  expect(await page.locator(".growth-chart .growth-highlight path").count()).toBe(1);
  // The funnel plot draws the same school as a larger dot with its name next to it.
  await page.locator(".funnel-highlight circle").waitFor();
  expect(await page.locator(".funnel-highlight circle").count()).toBe(1);
  const funnelLabels = await page.$$eval("#trechter ~ * svg text[font-weight=bold], #trechter ~ * svg g[font-weight=bold] text", (ts) => ts.map((t) => t.textContent));
  expect(funnelLabels).toContain("Meander");
  expect(await page.locator("tr.growth-table-highlight th").textContent()).toBe("Meander");
  // The table of changes between years narrows to the school too.
  await page.waitForFunction(() => [...document.querySelectorAll(".change-table tbody th")].every((th) => th.textContent === "Meander"));
  expect(await page.locator(".change-table tbody tr").count()).toBeGreaterThan(0);

  await page.getByLabel("Markeer een school").selectOption({label: "Geen school"});
  await page.waitForFunction(() => document.querySelectorAll(".funnel-highlight circle").length === 0);
  expect(await page.locator(".growth-chart .growth-highlight path").count()).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test("sorting by name redraws the schools alphabetically, and back by percentage restores the order", async () => {
  const {page, consoleErrors} = await open();
  const byPct = await drawnOrder(page);
  expect(byPct.length).toBeGreaterThan(10);

  await page.getByLabel("Naam (A–Z)").check();
  await page.waitForFunction((first) => {
    const texts = [...document.querySelectorAll(".growth-chart .growth-name text")];
    return texts.length > 0 && texts.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0].textContent !== first;
  }, byPct[0]);
  const byName = await drawnOrder(page);
  expect(byName).toEqual([...byPct].sort((a, b) => a.localeCompare(b, "nl")));
  expect(byName).not.toEqual(byPct);

  await page.getByLabel(/^Percentage \d{4}/).check();
  await page.waitForFunction((first) => {
    const texts = [...document.querySelectorAll(".growth-chart .growth-name text")];
    return texts.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]?.textContent === first;
  }, byPct[0]);
  expect(await drawnOrder(page)).toEqual(byPct);
  expect(consoleErrors).toEqual([]);
});
