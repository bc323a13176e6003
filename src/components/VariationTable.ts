// Per school in one year: the crude percentage, the age-standardised observed/expected with its
// exact interval, its place in both funnels (95 %) and the rate over all study years. Withheld
// values read "·" (derived from a hidden count).

import {DataTable} from "./ChartFigure.js";
import {orWithheld, rateWithInterval, schoolVerdict, VERDICT_WORDS, type SchoolVariation, type Statistics, type YearVariation} from "./variationText.js";
import {formatDecimal} from "../lib/format.js";
import type {Column} from "../lib/csv.js";

const POSITION_WORDS = {boven: "erboven", onder: "eronder", binnen: "binnen"} as const;

export function variationColumns(statistics: Statistics): Column<SchoolVariation>[] {
  const pooled = new Map(statistics.pooled.schools.map((p) => [p.schoolId, p.estimate]));
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
    {label: "Oordeel", value: (s) => VERDICT_WORDS[schoolVerdict(s)]},
    {label: "Alle jaren samen (95%-interval)", value: (s) => orWithheld(pooled.get(s.schoolId), (p) => rateWithInterval(p))}
  ];
}

function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

export function VariationTable(statistics: Statistics, year: YearVariation, {caption}: {caption: string}): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.style.overflowX = "auto";
  wrapper.append(DataTable(variationColumns(statistics), year.schools, {caption}));
  return wrapper;
}
