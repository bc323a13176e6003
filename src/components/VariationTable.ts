// Per school in one year: the crude percentage, the age-standardised observed/expected with its
// exact interval and its place in both funnels (95 %). Withheld values read "·" (derived from a
// hidden count).

import {DataTable} from "./ChartFigure.js";
import {orWithheld, rateWithInterval, schoolVerdict, VERDICT_WORDS, type SchoolVariation, type Statistics, type YearVariation} from "./variationText.js";
import {formatDecimal} from "../lib/format.js";
import type {Column} from "../lib/csv.js";

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

export function VariationTable(year: YearVariation, {caption}: {caption: string}): HTMLElement {
  return scrolling(DataTable(variationColumns(), year.schools, {caption}));
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
  const columns: Column<PooledRow>[] = [
    {label: "School", value: (p) => p.name},
    {label: "Leerlingjaren", value: (p) => p.enrolled, kind: "count"},
    {label: "Met jeugdhulp (95%-interval)", value: (p) => orWithheld(p.estimate, (e) => rateWithInterval(e))}
  ];
  return scrolling(DataTable(columns, statistics.pooled.schools, {caption}));
}
