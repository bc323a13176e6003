// /data-analyse/factoren in Chromium: the verdict table filters, and the school select marks that
// school in every cross-table.
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
  const opened = await openPage(browser, "/data-analyse/factoren");
  await opened.page.locator(".verdict-table tbody tr").first().waitFor();
  await opened.page.locator("table.cross-table").first().waitFor();
  return opened;
}

const shownFactors = (page: Page) =>
  page.$$eval(".verdict-table tbody tr:not([hidden]) th[scope=row]", (cells) => cells.map((c) => c.textContent ?? ""));

test("choosing the verdict Ja leaves only the three factors the 2020 report found in the data", async () => {
  const {page, consoleErrors} = await open();
  const all = await shownFactors(page);
  await page.locator(".verdict-table select").selectOption("ja");
  const ja = await shownFactors(page);
  expect(all.length).toBeGreaterThan(3);
  expect(ja).toEqual(["Omvang van de school", "Sociaaleconomische status van de wijk van de school", "Aantal trajecten schoolondersteuningsteam"]);
  expect(await page.locator(".verdict-table [role=status]").textContent()).toBe(`3 van de ${all.length} factoren getoond.`);
  expect(consoleErrors).toEqual([]);
});

test("typing in the search box shows only the rows that mention the word", async () => {
  const {page, consoleErrors} = await open();
  await page.locator(".verdict-table input[type=search]").fill("dorpsteam");
  const rows = await page.$$eval(".verdict-table tbody tr:not([hidden])", (trs) => trs.map((tr) => tr.textContent ?? ""));
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.toLowerCase()).toContain("dorpsteam");
  expect(consoleErrors).toEqual([]);
});

test("choosing a school marks it in the register-based cross-tables (not in the interview ones), and 'Geen school' removes the marks", async () => {
  const {page, consoleErrors} = await open();
  const marks = () => page.$$eval("table.cross-table mark", (nodes) => nodes.map((n) => n.textContent));
  expect(await marks()).toEqual([]);
  const select = page.getByLabel("Markeer een school");
  await select.selectOption({label: "Meander"});
  await page.waitForFunction(() => document.querySelectorAll("table.cross-table mark").length > 0);
  // Five cross-tables: three of Tabel 8 (registers: named) and Tabel 9 and IB experience (interview
  // answers: counts only, so no school can be marked there).
  expect(await page.locator("table.cross-table").count()).toBe(5);
  expect(await marks()).toEqual(["Meander", "Meander", "Meander"]);
  await select.selectOption({label: "Geen school"});
  await page.waitForFunction(() => document.querySelectorAll("table.cross-table mark").length === 0);
  expect(consoleErrors).toEqual([]);
});

test("every cross-table states its exact test in words", async () => {
  const {page} = await open();
  const sentences = await page.$$eval(".cross-table-test", (nodes) => nodes.map((n) => n.textContent ?? ""));
  expect(sentences).toHaveLength(5);
  for (const s of sentences) expect(s).toMatch(/Zo'n verdeling komt bij toeval (vaak|af en toe|zelden) voor \(p (=|<) \d,\d+\)|Niet (exact )?te toetsen/);
});
