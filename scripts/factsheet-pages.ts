// The factsheets (/scholen/<slug>) rendered at build time as static HTML and SVG, so the
// reader's browser downloads no Plot or d3 and computes nothing. Before, each factsheet shipped
// ~595 kB of JS and drew its charts after load: Lighthouse (mobile) measured 2,9 s of total blocking
// time, and every table and chart moved the page when it appeared. The components are the ones the
// browser used (src/components), run here in a build-time DOM (buildDom.ts); only the CSV buttons need a few lines of JS.
//
// Usage: tsx scripts/factsheet-pages.ts <folder>  — writes <folder>/<slug>.html (the page's main column)
// for every school, the list of them and the shared funnel. Framework's page loader
// src/scholen/[school].md.js runs this once per input and builds one page, the template
// (factsheetTemplate); scripts/postbuild.mjs writes every school's page from it (issue 13: at 7 000
// schools Framework's own work per page alone took longer than a whole build may).
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {availableParallelism} from "node:os";
import {isMainThread} from "node:worker_threads";
import {mapInWorkers} from "../loaders/workerPool.js";
import {exitOnInputError} from "../loaders/load.js";
import {pageReportFromEnvironment} from "../loaders/pipeline.js";
import type {PublicReport} from "../loaders/publish.js";
import {escapeHtml as escape} from "../src/lib/html.js";
import {factsheetTitle, schoolSlugs, slugify} from "../src/lib/slug.js";
import {FACES, SANS, shippedFile} from "./fonts.mjs";
import {INDEX_FILE, TEMPLATE_MARK, TITLE_MARK} from "./schoolPages.mjs";
import {staticFigure} from "./staticFigures.js";
import {svgFileText} from "./buildDom.js";

const {CareTypeChart, careTypeColumns} = await import("../src/components/CareTypeChart.js");
const {FactsheetYears, FactsheetGrowth, FactsheetShares} = await import("../src/components/FactsheetYears.js");
const {FactsheetTopCareTypes, FactsheetWithheldDetail, careTypeNotes} = await import("../src/components/FactsheetCareTypes.js");
const {FactsheetCosts} = await import("../src/components/FactsheetCosts.js");
const {SchoolSummary} = await import("../src/components/SchoolSummary.js");
const {FunnelHighlight, FunnelPlot, coverageLabel, funnelAriaLabel, funnelColumns, funnelData} = await import("../src/components/FunnelPlot.js");
const {latestVariation, schoolVariationSentences, spreadOf} = await import("../src/components/variationText.js");
const {formatCount, withheldLegend} = await import("../src/lib/format.js");
const {toCsv} = await import("../src/lib/csv.js");
const {withheldNote} = await import("../src/components/chartParts.js");
export type Sheet = import("../src/components/factsheetTypes.js").Sheet;

export type Report = PublicReport;

/** From this many schools on the bodies are rendered in worker threads (factsheetPages.worker.ts):
 *  7 000 pages took 4 minutes in one thread. Below it starting the workers costs more than it saves. */
const WORKERS_FROM_SCHOOLS = 500;
/** Schools per message to a worker. */
const SCHOOLS_PER_MESSAGE = 50;
const WORKER = new URL("./factsheetPages.worker.ts", import.meta.url);

/** What every factsheet of a build shares, computed once: per page it would cost O(schools) each. */
export interface FactsheetContext {
  report: Report;
  rows: Map<string, unknown>;
  variation: ReturnType<typeof latestVariation>;
  /** Per school id its row of the variation and its point of the funnel: a page looks up its own
   *  instead of searching every school (O(schools) a page, O(schools²) a build). */
  variationOf: Map<string, NonNullable<ReturnType<typeof latestVariation>>["schools"][number]>;
  pointOf: Map<string, FunnelData["points"][number]>;
  spread: ReturnType<typeof spreadOf>;
  funnelAll: FunnelData;
  /** The all-schools funnel of the latest year as files beside the pages (/scholen/<name>); null without a funnel. */
  funnel: {svgName: string; csvName: string; svg: string; csv: string} | null;
}

type FunnelData = import("../src/components/FunnelPlot.js").FunnelData;

/** The funnel's size on a factsheet: the text column on a laptop screen. */
const FUNNEL = {width: 640, height: 320};

/**
 * The shared funnel as a file of its own (an <img>): the page's stylesheets do not reach into it, so
 * it carries the sans face the charts use (29 kB, once per build) and the theme's two colour schemes.
 */
function standaloneSvg(chart: SVGSVGElement): string {
  const svg = chart.cloneNode(true) as SVGSVGElement;
  const font = readFileSync(shippedFile(FACES.find((f) => f.family === SANS)!.file)).toString("base64");
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent =
    `@font-face{font-family:"${SANS}";font-weight:200 900;src:url(data:font/woff2;base64,${font}) format("woff2")}` +
    `svg{font-family:"${SANS}",sans-serif;color:#1b1e23;--theme-background:#fff}` +
    // Framework's dark theme (near-midnight), as src/style.css chooses it.
    `@media (prefers-color-scheme:dark){svg{color:#dfdfd6;--theme-background:color-mix(in srgb,#dfdfd6 4%,#161616)}}`;
  svg.removeAttribute("font-family");
  svg.prepend(style);
  return svgFileText(svg);
}

export function factsheetContext(report: Report): FactsheetContext {
  const {schools, statistics} = report as unknown as {schools: any; statistics: any};
  // The funnel and the sentence judge the school against the usual spread between schools, not chance alone.
  const variation = latestVariation(statistics);
  const spread = spreadOf(statistics, variation);
  const funnelAll = funnelData(schools, spread);
  const chart = FunnelPlot(schools, {...FUNNEL, highlight: null, data: funnelAll});
  const funnel =
    chart instanceof window.SVGSVGElement
      ? {
          svgName: `trechter-${funnelAll.year}.svg`,
          csvName: `trechter-${funnelAll.year}.csv`,
          svg: standaloneSvg(chart),
          csv: toCsv(funnelColumns(funnelAll), funnelAll.points)
        }
      : null;
  return {
    report,
    rows: new Map(schools.tabel6.map((r: {schoolId: string}) => [r.schoolId, r])),
    variation,
    variationOf: new Map((variation?.schools ?? []).map((s) => [s.schoolId, s])),
    pointOf: new Map(funnelAll.points.map((p) => [p.schoolId, p])),
    spread,
    funnelAll,
    funnel
  };
}

/** A heading as Framework renders a Markdown one (markdown-it-anchor's id, Framework's anchor link). */
function heading(level: 2, text: string): string {
  const id = slugify(text);
  return `<h${level} id="${id}" tabindex="-1"><a class="observablehq-header-anchor" href="#${id}">${text}</a></h${level}>`;
}


/** One school's factsheet: the HTML of the page's main column (what postbuild puts into the template). */
export function factsheetBody(context: FactsheetContext, sheet: Sheet, slug: string): string {
  // The report's parts as the pages read them from JSON (their types live with the components).
  const {meta, careTypes} = context.report as unknown as {meta: any; careTypes: any};
  const {variation, funnelAll, spread} = context;
  const row = context.rows.get(sheet.schoolId);
  const variationSentence = variation ? schoolVariationSentences(context.variationOf.get(sheet.schoolId), variation.year) : undefined;
  const funnel = context.pointOf.get(sheet.schoolId) ?? null;
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
  // Every school's dot is the shared file; this page adds its own dot and name over it, its own row in
  // the table, and the shared CSV of all schools.
  const layer = funnel && context.funnel ? FunnelHighlight(funnelAll, sheet.schoolId, FUNNEL) : null;
  let funnelFigure = "";
  if (layer && context.funnel) {
    const stack = document.createElement("div");
    stack.className = "funnel-stack";
    stack.setAttribute("role", "img");
    stack.setAttribute("aria-label", funnelAriaLabel(funnelAll));
    const base = document.createElement("img");
    Object.assign(base, {src: context.funnel.svgName, alt: "", width: FUNNEL.width, height: FUNNEL.height});
    stack.append(base, layer);
    funnelFigure = staticFigure(
      stack,
      {
        title: `${sheet.name} tussen alle scholen, ${funnelAll.year}`,
        description: spread
          ? `Elke stip is een school; de grote stip is ${sheet.name}. Tussen de ${coverageLabel(0.95)}-grenzen valt het verschil met de gemeente binnen de gewone spreiding tussen scholen.`
          : `Elke stip is een school; de grote stip is ${sheet.name}. Tussen de ${coverageLabel(0.95)}-grenzen kan het verschil met de gemeente toeval zijn.`,
        columns: funnelColumns(funnelAll),
        rows: [funnel!],
        filename: `${slug}-trechter.csv`,
        note: `De tabel toont ${sheet.name}; de CSV alle ${formatCount(funnelAll.points.length)} scholen.`
      },
      context.funnel.csvName
    );
  }

  return `<h1 id="school"><a class="observablehq-header-anchor" href="#school">${escape(sheet.name)}</a></h1>
<p class="lead print-compact">Factsheet jeugdhulp ${meta.years[0]}–${meta.latestYear} · ${escape(sheet.board)} · ${escape(meta.municipality)}</p>
${meta.synthetic ? `<div class="warning" label="Nagemaakte gegevens"><p>Deze factsheet gebruikt <strong>nagemaakte gegevens</strong>. De school en de aantallen zijn niet echt.</p></div>\n` : ""}<div class="note" label="Zo leest u deze factsheet">
<p>Alleen leerlingen die in de gemeente wonen én daar naar school gaan tellen mee (<a href="../onderzoek#afbakening">afbakening</a>). ${escape(withheldLegend(meta.minCount))} Zo is geen enkele leerling te herkennen (<a href="../verantwoording#afscherming">afscherming</a>).</p>
</div>
${row ? SchoolSummary(sheet, row as never, {funnel, coverage: 0.95, variation: variationSentence}).outerHTML + "\n" : ""}${funnelFigure ? `<div class="no-print"><h2 class="visually-hidden">${escape(sheet.name)} tussen alle scholen</h2>${funnelFigure}</div>\n` : ""}${heading(2, "Leerlingen en trajecten")}
<div class="grid grid-cols-2">
<div>${FactsheetYears(sheet).outerHTML}</div>
<div>${FactsheetShares(sheet).outerHTML}</div>
<div>${FactsheetGrowth(sheet).outerHTML}</div>
<div><p>Een leerling telt mee in het jaar waarin een traject begon (<a href="../onderzoek#jeugdhulpgebruik">jeugdhulpgebruik</a>). Eén leerling kan meer trajecten hebben. Groei is de verandering ten opzichte van het jaar ervoor.</p></div>
</div>
${heading(2, "Zorgvormen")}
<div class="grid grid-cols-2">
<div>${careTypeFigure}</div>
<div>${FactsheetTopCareTypes(sheet.topCareTypes, {year: meta.latestYear}).outerHTML}
${FactsheetWithheldDetail().outerHTML}</div>
</div>
${heading(2, "Kosten")}
${FactsheetCosts(sheet.costs, {statusDate: meta.statusDate}).outerHTML}
<p class="no-print"><a href="./">Alle scholen</a></p>
`;
}


/**
 * The one factsheet Framework builds (the shell every school page shares: head, navigation, footer,
 * the CSV buttons' script, the print rules); scripts/postbuild.mjs writes every school's page from
 * it. Framework's own work per page (parsing each page's HTML with jsdom three times) grew with the
 * page and took most of a national build: 0,12 s of CPU for even a small page, 14 minutes for 7 000.
 */
export function factsheetTemplate(folder: string): string {
  return `---
title: ${TITLE_MARK}
toc: false
---

\`\`\`js
// Everything on this page was rendered at build time; only the CSV buttons need the browser.
import {bindCsvButtons} from "../components/ChartFigure.js";
bindCsvButtons(document.getElementById("observablehq-main"));
\`\`\`

<div id="${TEMPLATE_MARK}" data-factsheets="${folder}"></div>

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

/** What INDEX_FILE holds (scripts/schoolPages.mjs reads it). */
interface FactsheetIndex {
  pages: {slug: string; title: string}[];
  /** Files beside the pages (the shared funnel and its CSV). */
  files: string[];
}

/** One school's page to render: its sheet and its slug. */
export interface PageToRender {
  sheet: Sheet;
  slug: string;
}

/**
 * The bodies of the pages, in their order: in worker threads for many schools (each worker computes
 * the shared context once, from the context's report), else here. The bodies are the same either way.
 */
export async function* renderedBodies(
  context: FactsheetContext,
  pages: PageToRender[],
  workers = pages.length >= WORKERS_FROM_SCHOOLS ? availableParallelism() : 0,
  perMessage = SCHOOLS_PER_MESSAGE
): AsyncGenerator<string> {
  if (workers === 0) {
    for (const {sheet, slug} of pages) yield factsheetBody(context, sheet, slug);
    return;
  }
  function* chunks() {
    for (let at = 0; at < pages.length; at += perMessage) yield pages.slice(at, at + perMessage);
  }
  for await (const {output} of mapInWorkers<PageToRender[], string[]>(WORKER, context.report, chunks(), workers)) yield* output;
}

/**
 * Writes every school's body (<slug>.html), the list of pages and the shared funnel files into
 * `outDir`, next to it first and renamed, so a page loader never reads a half-written folder.
 */
export async function writeFactsheetPages(report: Report, outDir: string, workers?: number): Promise<void> {
  const slugs = schoolSlugs(report.factsheets);
  const partial = `${outDir}.${process.pid}`;
  rmSync(partial, {recursive: true, force: true});
  mkdirSync(partial, {recursive: true});
  const context = factsheetContext(report);
  const index: FactsheetIndex = {pages: [], files: []};
  if (context.funnel) {
    writeFileSync(path.join(partial, context.funnel.svgName), context.funnel.svg);
    writeFileSync(path.join(partial, context.funnel.csvName), context.funnel.csv);
    index.files.push(context.funnel.svgName, context.funnel.csvName);
  }
  const pages = (report.factsheets as unknown as Sheet[]).map((sheet) => ({sheet, slug: slugs.get(sheet.schoolId)!}));
  let at = 0;
  for await (const body of renderedBodies(context, pages, workers)) {
    const {sheet, slug} = pages[at++];
    writeFileSync(path.join(partial, `${slug}.html`), body);
    index.pages.push({slug, title: factsheetTitle(sheet.name)});
  }
  writeFileSync(path.join(partial, INDEX_FILE), JSON.stringify(index));
  writeFileSync(path.join(partial, "template.md"), factsheetTemplate(path.basename(outDir)));
  try {
    renameSync(partial, outDir);
  } catch {
    // Another page loader got there first with the same input.
    rmSync(partial, {recursive: true, force: true});
  }
}

// Run as a script (the page loader), not when imported (bench/pages.ts, a worker thread: it shares the script's argv).
if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("Gebruik: tsx scripts/factsheet-pages.ts <map>");
  await exitOnInputError(async () => {
    // The report as the site publishes it (plain JSON), shared with the build's other page loaders.
    await writeFactsheetPages((await pageReportFromEnvironment({log: () => {}})).report as Report, outDir);
  });
}
