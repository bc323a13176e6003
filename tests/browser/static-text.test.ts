// The data chapters, the summary, Onderzoek, Verantwoording, the slides, the content folder's chapters,
// Factoren and the explorer's first view read without JavaScript (print,
// screen readers, search engines, slow phones): their text, tables and figures are written at build time
// (scripts/staticPage.ts), so with scripts off there is no empty slot, and the sentences carry the default
// data's numbers. bench/staticText.ts counts the
// same over every page.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {baseUrl, builtPages, launchChromium} from "./chromium.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function withoutScripts(urlPath: string): Promise<{page: Page; text: string; slots: number}> {
  const context = await browser.newContext({javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(new URL(urlPath, baseUrl()).href);
  const main = page.locator("main");
  return {page, text: ((await main.textContent()) ?? "").replace(/\s+/g, " "), slots: await main.locator("observablehq-loading").count()};
}

// The default data's figures: 4.550 pupils in 2019, 519 and 686 trajectories, 914 pupils in the cohort and
// 34% Eerste Keer Goed as in data/default/inhoud/gepubliceerd/ (the report of 2020); 389 pupils with youth care in 2019 is
// this data's count (389 / 4.550 = 8,5%).
const PAGES: [string, string[]][] = [
  [
    "/data-analyse/feiten",
    [
      "In 2019 kregen 389 van de 4.550 leerlingen jeugdhulp: 8,5%.",
      "In 2018 lijkt het aantal trajecten te stijgen, van 519 in 2017 naar 686. 131 daarvan zijn geen nieuwe hulp.",
      "Stop zorg: de hulp is korter dan een half jaar geleden gestopt."
    ]
  ],
  ["/data-analyse/eerste-keer-goed", ["(in werkelijkheid 914 leerlingen)", "34% stroomt uit.", "of binnen een half jaar nadat die stopte"]],
  ["/data-analyse/groeipatronen", ["Op deze pagina staat het per basisschool, voor 2017 tot en met 2019.", "Valkenheuvel (5% naar 6%) en Meander (9% naar 11%)"]],
  ["/data-analyse/spreiding", ["In 2019 verschillen de scholen meer van elkaar dan toeval alleen verklaart"]],
  ["/scholen/", ["met haar cijfers over jeugdhulp in 2017–2019"]],
  // The report's 4%–16% between schools, 34% EKG and 494 trajectories for 389 pupils (1,27) in 2019.
  ["/", ["In 2019 begon 8,5% van de leerlingen aan jeugdhulp, maar dat liep per school uiteen van 4% tot 16%.", "maar 34% van de kinderen klaar"]],
  // Tabel 1 and 2 of the report: 131 restarts, 686 trajectories in 2018 without the correction, 555 with it.
  [
    "/onderzoek",
    [
      "In 2018 ging het om 131 trajecten. Zonder correctie telt 2018 686 trajecten, met correctie 555.",
      "In 2019 begonnen 494 trajecten bij 389 leerlingen: 1,27 traject per leerling",
      "de laatste hulp is een half jaar of langer vóór de peildatum gestopt"
    ]
  ],
  ["/verantwoording", ["Fouten en tegenstrijdigheden in het rapport van 2020 (17)", "Deze site is gebouwd met de nagemaakte standaardgegevens.", "In deze gegevens gaat het om 4 scholen."]],
  ["/presentatie", ["Na het eerste traject was 34% van de kinderen klaar", "131 van de 686 trajecten in 2018 waren een herstart op papier"]],
  // The content folder's chapters: the 2020 report's 34% EKG and 131 restarts, its 20 interviewed schools
  // in Tabel 9 (5 + 7 + 7 + 1), and this data's 8,5% (389 / 4.550) with the schools' 4%–16%.
  [
    "/conclusies",
    [
      "In 2019 begon 8,5% van de leerlingen aan jeugdhulp, maar dat liep per school uiteen van 4% tot 16%.",
      "Na het eerste traject stroomde 34% van de leerlingen uit.",
      "131 GGZ-trajecten werden eind 2017 gesloten en in januari 2018 opnieuw geopend."
    ]
  ],
  ["/rondom-de-school", ["(Tabel 9): categorie 1 (cijfer 3–4): 5 scholen; categorie 2 (cijfer 5–6): 7 scholen; categorie 3 (cijfer 7–8): 7 scholen; geen cijfer: 1 school."]],
  ["/in-de-school", ["Analyse 3.1: reactie op de cijfers en jeugdhulpgebruik"]],
  ["/aanbevelingen", ["Op deze site is het 34%."]],
  // Tabel 8's three factors, Tabel 9 and three interview factors: 7 tests over the 22 schools of 2019.
  ["/data-analyse/factoren", ["Deze pagina telt dat na voor 22 scholen met leerlingen in 2019.", "Op deze pagina staan 7 toetsen."]],
  // The cube's table rounds counts under 15 (3 · minCount) to 0 or 15 (bench/README.md).
  ["/verkennen", ["Een aantal onder de 15 ziet u nooit: dat wordt 0 of 15.", "De filters werken alleen met JavaScript aan.", "De selectie in een tabel"]]
];

// Conclusies states its numbers in sentences only.
const WITHOUT_TABLES = new Set(["/conclusies"]);

test.each(PAGES)("%s reads without JavaScript: no empty slot, the sentences with their numbers", async (urlPath, sentences) => {
  const {page, text, slots} = await withoutScripts(urlPath);
  expect(slots).toBe(0);
  for (const sentence of sentences) expect(text).toContain(sentence);
  if (!WITHOUT_TABLES.has(urlPath)) expect(await page.locator("main table").count()).toBeGreaterThan(0);
  await page.context().close();
});

// The explorer draws its live charts with Plot as soon as it starts.
test.each(PAGES.map(([urlPath]) => urlPath).filter((urlPath) => urlPath !== "/verkennen"))("%s does not preload Plot: the page loads it only to redraw a chart for a choice", async (urlPath) => {
  const page = await browser.newPage();
  const html = await (await page.request.get(new URL(urlPath, baseUrl()).href)).text();
  expect(html).toContain("<main");
  expect(html).not.toMatch(/modulepreload" href="[^"]*_npm\/@observablehq\/plot/);
  await page.close();
});

test("without JavaScript every link to an erratum finds its row in Verantwoording", async () => {
  const {page} = await withoutScripts("/verantwoording");
  // The report of 2020 has 17 errata (data/default/inhoud/gepubliceerd/errata.csv): E01 to E17.
  const ids = await page.$$eval('table.errata tr[id^="erratum-"]', (rows) => rows.map((r) => r.id));
  expect(ids).toEqual(Array.from({length: 17}, (_, i) => `erratum-e${String(i + 1).padStart(2, "0")}`));
  await page.context().close();
});

test("without JavaScript the school index lists every school with a factsheet, by name", async () => {
  const sheets = builtPages().filter((p) => p.startsWith("/scholen/") && p !== "/scholen/");
  const {page} = await withoutScripts("/scholen/");
  const names = await page.$$eval("table.school-index tbody th a", (as) => as.map((a) => a.textContent ?? ""));
  expect(names.length).toBe(sheets.length);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "nl")));
  await page.context().close();
});
