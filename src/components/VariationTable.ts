// Per school in one year: the crude percentage, the age-standardised observed/expected with its
// exact interval and its place in both funnels (95 %). Withheld values read "·" (derived from a
// hidden count).

import {DataTable, downloadButton} from "./ChartFigure.js";
import {pValueText} from "./CrossTable.js";
import {orWithheld, rateWithInterval, schoolVerdict, VERDICT_WORDS, type SchoolVariation, type Statistics, type YearVariation} from "./variationText.js";
import {formatDecimal, isSuppressedValue, type SuppressedValue} from "../lib/format.js";
import {toCsv, type Column} from "../lib/csv.js";

const POSITION_WORDS = {boven: "erboven", onder: "eronder", binnen: "binnen"} as const;

export function variationColumns(): Column<SchoolVariation>[] {
  const position = (kind: "binomial" | "overdispersed") => (s: SchoolVariation) =>
    orWithheld(s[kind], (p) => (p === null ? "–" : POSITION_WORDS[p[0]]));
  return [
    {label: "School", value: (s) => s.name},
    {label: "Leerlingen", value: (s) => s.enrolled, kind: "count"},
    {label: "Met jeugdhulp", value: (s) => (isNumber(s.share) ? 100 * s.share : s.share), kind: "percent", decimals: 1},
    {label: "Verwacht naar leeftijd", value: (s) => orWithheld(s.standardised, (r) => formatDecimal(r.expected, 1))},
    {label: "Waargenomen / verwacht (95%-interval)", value: (s) => orWithheld(s.standardised, (r) => `${formatDecimal(r.ratio, 2)} (${formatDecimal(r.lower, 2)} – ${formatDecimal(r.upper, 2)})`)},
    {label: "Trechter: alleen toeval", value: position("binomial")},
    {label: "Trechter: met gewone verschillen", value: position("overdispersed")},
    {label: "Oordeel", value: (s) => VERDICT_WORDS[schoolVerdict(s)]}
  ];
}

function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

/** A field of a value that may be withheld: the mark when it is, "–" (empty in a CSV) when absent. */
function part<T>(value: T | SuppressedValue | null, field: (v: T) => number): number | SuppressedValue | null {
  return isSuppressedValue(value) ? value : value === null ? null : field(value);
}

/** The CSV of the O/E table: one number a cell, where the page joins O/E and its interval. */
export function variationCsvColumns(): Column<SchoolVariation>[] {
  const [school, enrolled, share, , , ...places] = variationColumns();
  return [
    school,
    enrolled,
    share,
    {label: "Verwacht naar leeftijd", value: (s) => part(s.standardised, (r) => r.expected), kind: "number", decimals: 1},
    {label: "Waargenomen / verwacht", value: (s) => part(s.standardised, (r) => r.ratio), kind: "number", decimals: 2},
    {label: "Ondergrens 95%-interval", value: (s) => part(s.standardised, (r) => r.lower), kind: "number", decimals: 2},
    {label: "Bovengrens 95%-interval", value: (s) => part(s.standardised, (r) => r.upper), kind: "number", decimals: 2},
    ...places
  ];
}

export function VariationTable(year: YearVariation, {caption}: {caption: string}): HTMLElement {
  return withCsv(scrolling(DataTable(variationColumns(), year.schools, {caption})), () => toCsv(variationCsvColumns(), year.schools), `waargenomen-verwacht-${year.year}.csv`);
}

/** φ and its test per year: one row a year. */
export function phiColumns(): Column<YearVariation>[] {
  return [
    {label: "Jaar", value: (y) => String(y.year)},
    {label: "Scholen in de berekening", value: (y) => y.schoolsInEstimate, kind: "count"},
    {label: "χ²", value: (y) => y.overdispersion?.chiSquare ?? null, kind: "number", decimals: 1},
    {label: "Vrijheidsgraden", value: (y) => y.overdispersion?.degreesOfFreedom ?? null, kind: "count"},
    {label: "p-waarde", value: (y) => (y.overdispersion ? pValueText(y.overdispersion.pValue) : "–")},
    {label: "φ", value: (y) => y.overdispersion?.phi ?? null, kind: "number", decimals: 2},
    {label: "τ (procentpunt)", value: (y) => (y.overdispersion ? 100 * Math.sqrt(y.overdispersion.tau2) : null), kind: "number", decimals: 1}
  ];
}

export function PhiTable(statistics: Statistics, {caption}: {caption: string}): HTMLElement {
  return withCsv(scrolling(DataTable(phiColumns(), statistics.years, {caption})), () => toCsv(phiColumns(), statistics.years), "spreiding-per-jaar.csv");
}

/**
 * A table without a chart offers the CSV a chart's table does: the rows shown, numbers only as
 * statistics.json publishes them (nothing is counted in the browser).
 */
export function withCsv(table: HTMLElement, csv: () => string, filename: string): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "table-with-csv";
  const footer = document.createElement("p");
  footer.append(downloadButton(csv, filename));
  wrapper.append(table, footer);
  return wrapper;
}

/** A wide table scrolls on its own; its cells align at the top when a text wraps. */
export function scrolling(table: HTMLTableElement): HTMLElement {
  for (const cell of table.querySelectorAll<HTMLElement>("th, td")) cell.style.verticalAlign = "top";
  const wrapper = document.createElement("div");
  wrapper.style.overflowX = "auto";
  wrapper.append(table);
  return wrapper;
}

type PooledRow = Statistics["pooled"]["schools"][number];

/** Per school, the share over all study years together with its exact interval. */
export function PooledTable(statistics: Statistics, {caption}: {caption: string}): HTMLElement {
  const [school, years]: Column<PooledRow>[] = [
    {label: "School", value: (p) => p.name},
    {label: "Leerlingjaren", value: (p) => p.enrolled, kind: "count"}
  ];
  const columns: Column<PooledRow>[] = [school, years, {label: "Met jeugdhulp (95%-interval)", value: (p) => orWithheld(p.estimate, (e) => rateWithInterval(e))}];
  const percent = (field: "rate" | "lower" | "upper") => (p: PooledRow) => part(p.estimate, (e) => 100 * e[field]);
  const csvColumns: Column<PooledRow>[] = [
    school,
    years,
    {label: "Met jeugdhulp", value: percent("rate"), kind: "percent", decimals: 2},
    {label: "Ondergrens 95%-interval", value: percent("lower"), kind: "percent", decimals: 2},
    {label: "Bovengrens 95%-interval", value: percent("upper"), kind: "percent", decimals: 2}
  ];
  return withCsv(scrolling(DataTable(columns, statistics.pooled.schools, {caption})), () => toCsv(csvColumns, statistics.pooled.schools), "alle-jaren-per-school.csv");
}
