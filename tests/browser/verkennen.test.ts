// /verkennen in Chromium: filters redraw the figures and write the URL, a shared URL reopens the same
// view, and the SQL box answers a query with DuckDB-wasm.
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchChromium, openPage, offlineBuild} from "./chromium.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const RESULTS = ".explorer-results";

/** Waits until the figures show exactly the view of `query` (the results carry their state). */
async function shows(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    ([selector, q]) => (document.querySelector(selector) as HTMLElement | null)?.dataset.state === q,
    [RESULTS, query] as const,
    {timeout: 15_000}
  );
}

async function open(path: string): Promise<{page: Page; consoleErrors: string[]}> {
  const opened = await openPage(browser, path);
  await opened.page.waitForSelector(RESULTS, {state: "attached"});
  return opened;
}

const titles = (page: Page) => page.$$eval(`${RESULTS} .chart-title`, (nodes) => nodes.map((n) => n.textContent ?? ""));
const resultsText = (page: Page) => page.$eval(RESULTS, (e) => (e as HTMLElement).innerText);

describe("/verkennen", () => {
  test("is the only page that loads DuckDB", () => {
    const distDir = offlineBuild().distDir;
    const pages = readdirSync(distDir, {recursive: true, encoding: "utf8"}).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(30);
    // The explorer imports Framework's DuckDB client on the first query (not preloaded with the page).
    const withDuckDb = pages.filter((file) => /@duckdb\/duckdb-wasm|stdlib\/duckdb\./.test(readFileSync(path.join(distDir, file), "utf8")));
    expect(withDuckDb).toEqual(["verkennen.html"]);
    expect(readFileSync(path.join(distDir, "verkennen.html"), "utf8")).not.toMatch(/modulepreload[^>]*duckdb/);
  });

  test("the default view: four figures with charts, the municipality's 2019 share, no errors", async () => {
    const {page, consoleErrors} = await open("/verkennen");
    await shows(page, "");
    expect(await page.$$eval(`${RESULTS} figure.chart-figure svg`, (svgs) => svgs.length)).toBeGreaterThanOrEqual(4);
    // 388 of 4 550 pupils in 2019, perturbed from Tabel 6's 389 (8,55%).
    expect((await titles(page))[0]).toBe("In 2019: Utrechtse Heuvelrug 8,5% van de leerlingen met jeugdhulp");
    // The page says plainly that its counts are perturbed, and by how much at most.
    expect(await page.textContent(".note[label='Licht verstoorde cijfers']")).toMatch(/het precieze aantal, of „·” als het rapport\s+het afschermt/);
    expect(await page.textContent(".note[label='Licht verstoorde cijfers']")).toMatch(/afgerond en licht verstoord. Een aantal onder\s+de 15 ziet u nooit: dat wordt 0 of 15. Grotere aantallen wijken hooguit\s+± 4 af \(vanaf 21 leerlingen hooguit ± 3\)/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test("filters redraw the figures and write the URL; the shared URL reopens the same view", async () => {
    const {page, consoleErrors} = await open("/verkennen");
    await page.selectOption("select[name=bestuur]", {label: "Schoolbestuur A"});
    await page.waitForURL(/bestuur=/);
    const board = new URL(page.url()).searchParams.get("bestuur");
    expect(board).toMatch(/^\d+$/);
    const schools = await page.$$eval("select[name=school] option", (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(schools).toHaveLength(5);
    await page.selectOption("select[name=school]", schools.slice(0, 2));
    await page.selectOption("select[name=leeftijd]", "8-9");
    await page.uncheck("input[name=dyslexie]");
    await page.check("input[name=dbc]");
    await page.check("input[name=definitie][value=actief]");
    await page.uncheck("input[name=jaar][value='2017']");
    const query = `jaar=2018,2019&bestuur=${board}&school=${schools.slice(0, 2).map((s) => s.slice(2)).join(",")}&leeftijd=8-9&dyslexie=zonder&dbc=aan&definitie=actief`;
    await shows(page, query);
    await page.waitForURL((url) => url.search === `?${query}`);
    // Per school the cube shows only what the school's page shows: an age group of one school, without
    // dyslexia care and counted as active, is withheld (loaders/disclosure/cubeCells.ts).
    expect((await titles(page))[0]).toBe("In 2019 is het percentage van De Kring en De Regenboog afgeschermd");
    const text = await resultsText(page);

    const shared = await open(`/verkennen?${query}`);
    await shows(shared.page, query);
    expect(await resultsText(shared.page)).toBe(text);
    expect(await shared.page.$eval("select[name=leeftijd]", (s) => (s as HTMLSelectElement).value)).toBe("8-9");
    expect(await shared.page.$$eval("select[name=school] option:checked", (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(schools.slice(0, 2));
    expect(await shared.page.isChecked("input[name=jaar][value='2017']")).toBe(false);
    expect([...consoleErrors, ...shared.consoleErrors]).toEqual([]);
    await Promise.all([page.close(), shared.page.close()]);
  });

  test("Back returns to the previous filters: the controls, the address and the figures", async () => {
    const {page, consoleErrors} = await open("/verkennen");
    await shows(page, "");
    await page.selectOption("select[name=leeftijd]", "8-9");
    await shows(page, "leeftijd=8-9");
    // The entry is written once the filters rest.
    await page.waitForURL((url) => url.search === "?leeftijd=8-9");
    const earlier = await resultsText(page);
    await page.check("input[name=dbc]");
    await shows(page, "leeftijd=8-9&dbc=aan");
    await page.waitForURL((url) => url.search === "?leeftijd=8-9&dbc=aan");
    expect(await resultsText(page)).not.toBe(earlier);

    await page.goBack();
    await shows(page, "leeftijd=8-9");
    expect(new URL(page.url()).search).toBe("?leeftijd=8-9");
    expect(await page.isChecked("input[name=dbc]")).toBe(false);
    expect(await page.$eval("select[name=leeftijd]", (s) => (s as HTMLSelectElement).value)).toBe("8-9");
    expect(await resultsText(page)).toBe(earlier);
    // One more step back is the page as it opened; restoring never adds an entry of its own.
    await page.goBack();
    await shows(page, "");
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).search).toBe("");
    expect((await titles(page))[0]).toBe("In 2019: Utrechtse Heuvelrug 8,5% van de leerlingen met jeugdhulp");
    await page.goForward();
    await shows(page, "leeftijd=8-9");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test("φ with its χ² test, per-school tests raw and after Holm, and age-standardised percentages, from the perturbed cube", async () => {
    const {page, consoleErrors} = await open("/verkennen?school=16MH");
    await shows(page, "school=16MH");
    // The schools' 2019 counts are Tabel 6's own: exact for 18 schools, withheld ("·") for 4. φ over
    // the 18 around the municipality's 389/4 550, recomputed from the cube CSVs outside the site
    // (Python): Σz² = 58,14 on 17 df (p ≈ 2·10⁻⁶), winsorised (10%) φ = 2,993 — the report's own
    // 2019 figures on /data-analyse/spreiding.
    const text = await resultsText(page);
    expect(text).toContain("Spreiding tussen de 18 scholen: φ = 2,99 (1 = alleen toeval); χ² = 58,1 bij 17 vrijheidsgraden, p < 0,001");
    expect(text).toContain("Niet getekend (afgeschermd): 4 scholen");
    // Wilhelmina 2019: 24 of 153 (Tabel 6).
    expect((await titles(page))[0]).toBe("In 2019: Wilhelmina 15,7% van de leerlingen met jeugdhulp");
    // Exact two-sided binomial tests of the 18 schools against 389/4 550 (same Python, scipy
    // binomtest): 6 under 0,05; after Holm only Dolfijn (14 of 338, p = 0,0024 · 18 = 0,043).
    expect(text).toContain("bij 6 van de 18 scholen is p kleiner dan 0,05 (zonder correctie voor het aantal toetsen)");
    await page.check("input[name=correctie]");
    await shows(page, "school=16MH&correctie=holm");
    expect(await resultsText(page)).toContain("bij 6 van de 18 scholen is p kleiner dan 0,05; na de correctie van Holm voor 18 toetsen nog bij 1.");
    await page.check("input[name=percentages]");
    await shows(page, "school=16MH&percentages=leeftijd&correctie=holm");
    await page.waitForURL((url) => url.search === "?school=16MH&percentages=leeftijd&correctie=holm");
    // Wilhelmina 2019: 24 of 153; expected Σ pupils per age × the municipality's rate of that age
    // = 13,25, O/E = 1,81, × 389/4 550 = 15,5 % (by hand from the same CSVs).
    expect((await titles(page))[0]).toBe("In 2019: Wilhelmina 15,5% van de leerlingen met jeugdhulp, gecorrigeerd voor leeftijd");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test("a link with unknown values says which parts it ignored", async () => {
    const {page} = await open("/verkennen?jaar=2012&zorgvorm=onbekend");
    await shows(page, "");
    expect(await page.textContent(".note[label='Link deels onbekend']")).toContain("jaar=2012, zorgvorm=onbekend");
    await page.close();
  });

  test("the SQL box answers a query with DuckDB-wasm: Tabel 2 with and without DBC correction", async () => {
    const {page, consoleErrors} = await open("/verkennen");
    const external: string[] = [];
    // blob: and data: URLs are made in the page (DuckDB's worker starts from one).
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["blob:", "data:"].includes(url.protocol) && url.hostname !== "127.0.0.1") external.push(url.href);
    });
    await page.click("button:has-text('DBC-correctie per jaar')");
    await page.waitForFunction(() => /rij|fout/.test(document.querySelector(".sql-status")?.textContent ?? ""), null, {timeout: 60_000});
    expect(await page.textContent(".sql-status")).toMatch(/^6 rijen in /);
    const rows = await page.$$eval(".sql-output tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent)));
    // Tabel 2 has 686 trajectories of 482 pupils, and 555 of 394 with the DBC correction: the pupils
    // are the report's own counts, exact; the trajectories are the cube's own, perturbed.
    expect(rows).toContainEqual(["2018", "uit", "685", "482"]);
    expect(rows).toContainEqual(["2018", "aan", "554", "394"]);
    await page.fill("#sql-query", "SELECT count(*) AS n FROM eenheden WHERE niveau = 'school'");
    await page.click("button.sql-run");
    await page.waitForFunction(() => /^1 rij/.test(document.querySelector(".sql-status")?.textContent ?? ""));
    expect(await page.$eval(".sql-output tbody tr", (tr) => tr.textContent)).toBe("22");
    expect(consoleErrors).toEqual([]);
    // A wrong query is answered in Dutch on the page (DuckDB's worker may log it to the console too).
    await page.fill("#sql-query", "SELECT * FROM leerlingen_per_leerling");
    await page.click("button.sql-run");
    await page.waitForFunction(() => /fout/.test(document.querySelector(".sql-status")?.textContent ?? ""));
    // DuckDB's worker and wasm come from this site: its CDN defaults are never used.
    expect(await page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.includes("duckdb-browser-eh.worker")))).toBe(true);
    expect(await page.textContent(".sql-status")).toBe(
      "De query gaf een fout. Er is geen tabel “leerlingen_per_leerling”. Bedoelt u “leerlingen”? De tabellen heten jeugdhulp, leerlingen en eenheden."
    );
    // DuckDB's own message stays available, folded away.
    expect(await page.textContent(".sql-error-original summary")).toBe("Oorspronkelijke melding van DuckDB (Engels)");
    expect(await page.textContent(".sql-error-original pre")).toMatch(/^Catalog Error: Table with name leerlingen_per_leerling does not exist!/);
    expect(external).toEqual([]);
    await page.close();
  });
});
