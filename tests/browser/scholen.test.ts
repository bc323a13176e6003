// The school pages in Chromium: every factsheet page named after its school, with a table or chart
// for each factsheet item and no count of 1 to 4; the /scholen/ index searches, sorts and links to the
// factsheets. How many A4 pages each factsheet prints is pdf.test.ts's (npm run pdf prints them all).
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {siteStructureFromEnvironment} from "../../loaders/pipeline.js";
import {schoolSlugs} from "../../src/lib/slug.js";
import {builtPages, launchChromium, openPage} from "./chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// What the pages must show, computed from the same input folder as the build.
const {schools: factsheets} = siteStructureFromEnvironment({log: () => {}});
const slugs = schoolSlugs(factsheets);
const schools = factsheets.map((s) => ({name: s.name, path: `/scholen/${slugs.get(s.schoolId)}`}));

test("every school in the data has a built factsheet page, and there is no other", () => {
  const built = builtPages().filter((p) => p.startsWith("/scholen/") && p !== "/scholen/");
  expect(built).toEqual(schools.map((s) => s.path).sort());
});

test("the site's search index finds every school's factsheet by the school's name", () => {
  const {distDir} = inject("offlineBuild");
  const file = readdirSync(path.join(distDir, "_observablehq")).find((f) => /^minisearch\.[0-9a-f]+\.json$/.test(f)) as string;
  const index = JSON.parse(readFileSync(path.join(distDir, "_observablehq", file), "utf8")) as {documentIds: Record<string, string>; storedFields: Record<string, {title: string}>};
  const indexed = new Map(Object.entries(index.documentIds).map(([n, id]) => [id, index.storedFields[n]?.title ?? ""]));
  for (const school of schools) expect(indexed.get(school.path), school.path).toContain(school.name);
});

describe.each(schools)("factsheet of $name", ({name, path}) => {
  test("names the school, shows every item and no count of 1 to 4", async () => {
    const {page, consoleErrors} = await openPage(browser, path);
    // Rendered at build time (scripts/factsheet-pages.ts): everything is there once the page has loaded.
    expect(await page.locator("h1").textContent()).toBe(name);
    // Items 1+3, 2, 4, 7 and 8 are tables outside the "Toon tabel" boxes; item 5 is a chart. Items 6
    // and 9–10 (providers, ages) are not published per school (issue 10): one sentence says why.
    const captions = await page.$$eval("#observablehq-main table:not(details table) caption", (cs) => cs.map((c) => c.textContent ?? ""));
    for (const item of [/^Trajecten en leerlingen/, /^Groei/, /^Percentage leerlingen/, /^De grootste zorgvormen/, /naar kosten/]) {
      expect(captions.some((c) => item.test(c)), String(item)).toBe(true);
    }
    const titles = await page.$$eval(".chart-figure .chart-title", (ts) => ts.map((t) => t.textContent ?? ""));
    // The funnel comes first, on screen only, for a school whose latest percentage is published.
    const [first, ...rest] = titles;
    expect(/tussen alle scholen/.test(first) ? rest : titles).toEqual([expect.stringMatching(/per zorgvorm, \d{4}/)]);
    const detail = page.locator("p.factsheet-withheld-detail");
    expect(await detail.textContent()).toMatch(/^Aantallen per aanbieder en per leeftijd zijn per school te klein/);
    const links = await detail.locator("a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/\.html$/, "") + new URL((a as HTMLAnchorElement).href).hash));
    expect(links).toEqual(["/data-analyse/feiten#zorgvormen-en-aanbieders", "/data-analyse/feiten#leeftijd-van-de-leerlingen-met-jeugdhulp", "/verkennen"]);
    expect(await page.locator(".school-summary p").count()).toBeGreaterThan(0);
    expect(await page.locator('a[href$="verantwoording#afscherming"]').count()).toBeGreaterThan(0);
    // No count of 1 to 4 pupils anywhere: not in a table cell (the hidden "Toon tabel" ones included),
    // not on a bar, not in the summary sentences.
    // Numeric cells are right-aligned (an age or a year in a text column is not a count); axis ticks are
    // not counts either, so only the labels on the marks are read.
    const counts = await page.$$eval('#observablehq-main td, #observablehq-main g[aria-label="text"] text', (nodes) =>
      nodes.filter((n) => n.tagName !== "TD" || (n as HTMLElement).style.textAlign === "right").map((n) => n.textContent?.trim() ?? "")
    );
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((text) => /^[1-4]$/.test(text))).toEqual([]);
    // One mark for every withheld count: never "< 5".
    expect(await page.locator("#observablehq-main").textContent()).not.toMatch(/< \d/);
    const sentences = await page.$$eval(".school-summary p", (ps) => ps.map((p) => p.textContent).join(" "));
    expect(sentences).not.toMatch(/\b[1-4] (van de|leerlingen|van hen)/);

    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

test("the municipal figures a factsheet links to instead of its own providers and ages exist", async () => {
  const {page, consoleErrors} = await openPage(browser, "/data-analyse/feiten");
  for (const id of ["zorgvormen-en-aanbieders", "leeftijd-van-de-leerlingen-met-jeugdhulp"]) {
    expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
  }
  expect(consoleErrors).toEqual([]);
  await page.close();
});

test("the index lists every school, the search narrows it and a link opens the factsheet", async () => {
  const {page, consoleErrors} = await openPage(browser, "/scholen/");
  const rows = page.locator("table.school-index tbody tr");
  await rows.first().waitFor();
  expect(await rows.count()).toBe(schools.length);

  const target = schools[schools.length - 1];
  await page.getByLabel("Zoek een school").fill(target.name);
  await page.waitForFunction((n) => document.querySelectorAll("table.school-index tbody tr").length < n, schools.length);
  const names = await page.$$eval("table.school-index tbody th a", (as) => as.map((a) => a.textContent));
  expect(names).toContain(target.name);
  expect(names.length).toBeLessThan(schools.length);

  await page.getByRole("link", {name: target.name, exact: true}).click();
  await page.waitForURL((url) => url.pathname.replace(/\.html$/, "") === target.path);
  await page.locator("h1").filter({hasText: target.name}).waitFor();
  expect(consoleErrors).toEqual([]);
});

test("sorting the index by percentage reorders the rows, and by name restores the alphabet", async () => {
  const {page, consoleErrors} = await openPage(browser, "/scholen/");
  await page.locator("table.school-index tbody tr").first().waitFor();
  const read = () => page.$$eval("table.school-index tbody th a", (as) => as.map((a) => a.textContent ?? ""));
  const byName = await read();
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "nl")));
  const first = () => page.$eval("table.school-index tbody th a", (a) => a.textContent);

  // The options of Inputs.select are indices; the first is the percentage of the latest year.
  await page.getByLabel("Sorteer op").selectOption({index: 0});
  await page.waitForFunction((name) => document.querySelector("table.school-index tbody th a")?.textContent !== name, byName[0]);
  const byPct = await read();
  expect(byPct).not.toEqual(byName);
  expect([...byPct].sort((a, b) => a.localeCompare(b, "nl"))).toEqual(byName);

  await page.getByLabel("Sorteer op").selectOption({index: 1});
  await page.waitForFunction((name) => document.querySelector("table.school-index tbody th a")?.textContent === name, byName[0]);
  expect(await first()).toBe(byName[0]);
  expect(await read()).toEqual(byName);
  expect(consoleErrors).toEqual([]);
});
