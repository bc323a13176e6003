// The factsheets (/scholen/<slug>) rendered at build time as Markdown with static HTML and SVG, so the
// reader's browser downloads no Plot or d3 and computes nothing. Before, each factsheet shipped
// ~595 kB of JS and drew its charts after load: Lighthouse (mobile) measured 2,9 s of total blocking
// time, and every table and chart moved the page when it appeared. The components are the ones the
// browser used (src/components), run here in jsdom; only the CSV buttons need a few lines of JS.
//
// Usage: tsx scripts/factsheet-pages.ts <folder>  — writes <folder>/<slug>.md for every school.
// Framework's page loader src/scholen/[school].md.js runs this once per input and prints one file per
// page: one process renders every school (at 500 schools, 500 processes each loading jsdom and
// computing the report would take far longer than the rest of the build).
import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {exitOnInputError} from "../loaders/load.js";
import {pageReportFromEnvironment} from "../loaders/pipeline.js";
import type {PublicReport} from "../loaders/publish.js";
import {schoolSlugs} from "../src/lib/slug.js";
import {block, staticFigure} from "./staticFigures.js";

const {CareTypeChart, careTypeColumns} = await import("../src/components/CareTypeChart.js");
const {FactsheetYears, FactsheetGrowth, FactsheetShares} = await import("../src/components/FactsheetYears.js");
const {FactsheetTopCareTypes, FactsheetWithheldDetail, careTypeNotes} = await import("../src/components/FactsheetCareTypes.js");
const {FactsheetCosts} = await import("../src/components/FactsheetCosts.js");
const {SchoolSummary} = await import("../src/components/SchoolSummary.js");
const {FunnelPlot, coverageLabel, funnelColumns, funnelData} = await import("../src/components/FunnelPlot.js");
const {latestVariation, schoolVariationSentences, spreadOf} = await import("../src/components/variationText.js");
const {withheldLegend} = await import("../src/lib/format.js");
const {withheldNote} = await import("../src/components/chartParts.js");
type Sheet = import("../src/components/factsheetTypes.js").Sheet;

type Report = PublicReport;

/** One school's page as Markdown. */
export function factsheetPage(report: Report, sheet: Sheet, slug: string): string {
  // The report's parts as the pages read them from JSON (their types live with the components).
  const {meta, schools, careTypes, statistics} = report as unknown as {meta: any; schools: any; careTypes: any; statistics: any};

  const row = schools.tabel6.find((r: {schoolId: string}) => r.schoolId === sheet.schoolId);
  // The funnel and the sentence judge the school against the usual spread between schools, not chance alone.
  const variation = latestVariation(statistics);
  const spread = spreadOf(statistics, variation);
  const variationSentence = variation ? schoolVariationSentences(variation.schools.find((s) => s.schoolId === sheet.schoolId), variation.year) : undefined;
  const funnelAll = funnelData(schools, spread);
  const funnel = funnelAll.points.find((p) => p.schoolId === sheet.schoolId) ?? null;
  const notes = careTypeNotes(sheet.careTypes, careTypes.tabel3, meta.rules);
  const allCounts = (rows: Sheet["careTypes"]) => rows.flatMap((r) => r.perYear.map((y) => y.pupils));

  // The charts' widths: a column of the two-column grid and the text column on a laptop screen. The
  // SVGs scale down on narrower screens (Plot's max-width: 100%) and in print (style below).
  const careTypeFigure = staticFigure(CareTypeChart(sheet.careTypes, {width: 440}), {
    title: `Leerlingen per zorgvorm, ${meta.years[0]}–${meta.latestYear}`,
    description: "Alleen de zorgvormen die op deze school voorkwamen.",
    columns: careTypeColumns(sheet.careTypes),
    rows: sheet.careTypes,
    filename: `${slug}-zorgvormen.csv`,
    note: [withheldNote(allCounts(sheet.careTypes)), ...notes].filter(Boolean).join(" ")
  });
  // The funnel on screen only: the summary's sentence stands without it, and the PDF keeps to two pages.
  const funnelFigure = funnel
    ? staticFigure(FunnelPlot(schools, {width: 640, height: 320, highlight: sheet.schoolId, spread}), {
        title: `${sheet.name} tussen alle scholen, ${funnelAll.year}`,
        description: spread
          ? `Elke stip is een school; de grote stip is ${sheet.name}. Tussen de ${coverageLabel(0.95)}-grenzen valt het verschil met de gemeente binnen de gewone spreiding tussen scholen.`
          : `Elke stip is een school; de grote stip is ${sheet.name}. Tussen de ${coverageLabel(0.95)}-grenzen kan het verschil met de gemeente toeval zijn.`,
        columns: funnelColumns(funnelAll),
        rows: funnelAll.points,
        filename: `${slug}-trechter.csv`
      })
    : "";

  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const title = `${sheet.name} – factsheet`;
  return `---
title: ${JSON.stringify(title)}
toc: false
---

\`\`\`js
// Everything on this page was rendered at build time; only the CSV buttons need the browser.
import {bindCsvButtons} from "../components/ChartFigure.js";
bindCsvButtons(document.getElementById("observablehq-main"));
\`\`\`

<h1 id="school">${escape(sheet.name)}</h1>

<p class="lead print-compact">Factsheet jeugdhulp ${meta.years[0]}–${meta.latestYear} · ${escape(sheet.board)} · ${escape(meta.municipality)}</p>

${meta.synthetic ? `<div class="warning" label="Nagemaakte gegevens"><p>Deze factsheet gebruikt <strong>nagemaakte gegevens</strong>. De school en de aantallen zijn niet echt.</p></div>` : ""}

<div class="note" label="Zo leest u deze factsheet">
<p>Alleen leerlingen die in de gemeente wonen én daar naar school gaan tellen mee (<a href="../onderzoek#afbakening">afbakening</a>). ${escape(withheldLegend(meta.minCount))} Zo is geen enkele leerling te herkennen (<a href="../verantwoording#afscherming">afscherming</a>).</p>
</div>

${row ? block(SchoolSummary(sheet, row, {funnel, coverage: 0.95, variation: variationSentence}).outerHTML) : ""}

${funnelFigure ? `<div class="no-print"><h2 class="visually-hidden">${escape(sheet.name)} tussen alle scholen</h2>${block(funnelFigure)}</div>` : ""}

## Leerlingen en trajecten

<div class="grid grid-cols-2">
<div>${block(FactsheetYears(sheet).outerHTML)}</div>
<div>${block(FactsheetShares(sheet).outerHTML)}</div>
<div>${block(FactsheetGrowth(sheet).outerHTML)}</div>
<div><p>Een leerling telt mee in het jaar waarin een traject begon (<a href="../onderzoek#jeugdhulpgebruik">jeugdhulpgebruik</a>). Eén leerling kan meer trajecten hebben. Groei is de verandering ten opzichte van het jaar ervoor.</p></div>
</div>

## Zorgvormen

<div class="grid grid-cols-2">
<div>${block(careTypeFigure)}</div>
<div>${block(FactsheetTopCareTypes(sheet.topCareTypes, {year: meta.latestYear}).outerHTML)}
${block(FactsheetWithheldDetail().outerHTML)}</div>
</div>

## Kosten

${block(FactsheetCosts(sheet.costs, {statusDate: meta.statusDate}).outerHTML)}

<p class="no-print"><a href="./">Alle scholen</a></p>

<style>
/* The factsheet goes out as a PDF of at most two A4 pages: smaller type and tighter spacing on paper. */
@media print {
  #observablehq-main { font-size: 8.5pt; }
  #observablehq-main h1 { font-size: 17pt; margin-bottom: 0; }
  #observablehq-main h2 { font-size: 12pt; margin: 6pt 0 2pt; }
  #observablehq-main p, #observablehq-main table { margin: 2pt 0; }
  #observablehq-main table { font-size: 7.5pt; }
  #observablehq-main .note, #observablehq-main .warning { padding: 0 8pt; margin: 3pt 0; }
  #observablehq-main .grid { margin: 0; gap: 0 12pt; grid-template-columns: 1fr 1fr; }
  .chart-figure { margin: 2pt 0; }
  .chart-title { font-size: 9.5pt; margin: 0; }
  .chart-description, .chart-figure figcaption { font-size: 7.5pt; margin: 0; }
  .school-summary p { margin: 1pt 0; }
  /* A school with many care types draws a tall chart; scaled down it still fits next to item 7.
     75mm keeps the first sheet to the end of this grid (A4 less margins: 264mm): at 85mm the grid of
     a school with seven care types ended 9px past the sheet and moved whole to sheet 2. */
  #observablehq-main .grid .chart-figure svg { max-height: 75mm; width: auto; }
  #observablehq-main .chart-figure svg { max-height: 110mm; width: auto; }
}
</style>
`;
}

/**
 * Writes <slug>.md for every school of the report into `outDir`, next to it first and renamed, so a
 * page loader never reads a half-written folder.
 */
export function writeFactsheetPages(report: Report, outDir: string): void {
  const slugs = schoolSlugs(report.factsheets);
  const partial = `${outDir}.${process.pid}`;
  rmSync(partial, {recursive: true, force: true});
  mkdirSync(partial, {recursive: true});
  for (const sheet of report.factsheets) {
    const slug = slugs.get(sheet.schoolId)!;
    writeFileSync(path.join(partial, `${slug}.md`), factsheetPage(report, sheet as unknown as Sheet, slug));
  }
  try {
    renameSync(partial, outDir);
  } catch {
    // Another page loader got there first with the same input.
    rmSync(partial, {recursive: true, force: true});
  }
}

// Run as a script (the page loader), not when imported (bench/pages.ts).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("Gebruik: tsx scripts/factsheet-pages.ts <map>");
  await exitOnInputError(async () => {
    // The report as the site publishes it (plain JSON), shared with the build's other page loaders.
    writeFactsheetPages((await pageReportFromEnvironment({log: () => {}})).report as Report, outDir);
  });
}
