// Grafiek 1 and 2, and more: pupils with youth care by age, for all care types with or without
// dyslexia care or for one care type, in one year or all years together, as a count or per 100
// enrolled pupils of that age. What is drawn is decided by ageSeries, which the tests check.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatCount, formatDecimal, isSuppressedValue} from "../lib/format.js";
import {careTypeColor} from "./CareTypeChart.js";
import {drawable, withheldMarks, type Count} from "./chartParts.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export interface AgeCount {
  age: number;
  pupils: Count;
}

export interface AgeYear {
  year: number;
  withDyslexia: AgeCount[];
  withoutDyslexia: AgeCount[];
  perCareType: {careType: string; label: string; ages: AgeCount[]}[];
  /** Enrolled pupils per age (on 1 July), on the same axis. */
  enrolled?: {age: number; pupils: number}[];
}

export interface AgeTables {
  ages: number[];
  years: AgeYear[];
}

export type AgeMeasure = "aantal" | "per100";

export interface AgeSelection {
  /** A care type key, or null for all care types together. */
  careType?: string | null;
  /** For all care types: count dyslexia care too. */
  dyslexia?: boolean;
  /** A study year, or null for all years together. */
  year?: number | null;
  measure?: AgeMeasure;
}

export interface AgePoint {
  age: number;
  /** Pupils with youth care; withheld when withheld in any of the years summed. */
  pupils: Count;
  /** Enrolled pupils of that age; null when not published. */
  enrolled: number | null;
  /** What is drawn: the count, or pupils per 100 enrolled (null without enrolled pupils). */
  value: number | null;
}

function countsOf(year: AgeYear, {careType = null, dyslexia = true}: AgeSelection): AgeCount[] {
  if (careType === null) return dyslexia ? year.withDyslexia : year.withoutDyslexia;
  return year.perCareType.find((c) => c.careType === careType)?.ages ?? [];
}

/**
 * One point per age of the axis. Over several years the counts are added (a pupil counts in each
 * year with a start), and so are the enrolled pupils, so "per 100" is the rate over those years.
 * An age withheld in any of the years is withheld in the sum.
 */
export function ageSeries(tables: AgeTables, selection: AgeSelection = {}): AgePoint[] {
  const {year = null, measure = "aantal"} = selection;
  const years = year === null ? tables.years : tables.years.filter((y) => y.year === year);
  return tables.ages.map((age) => {
    let pupils: Count = 0;
    let enrolled: number | null = 0;
    for (const y of years) {
      const count = countsOf(y, selection).find((a) => a.age === age)?.pupils ?? 0;
      pupils = isSuppressedValue(pupils) ? pupils : isSuppressedValue(count) ? count : pupils + count;
      const n = y.enrolled?.find((a) => a.age === age)?.pupils;
      enrolled = enrolled === null || n === undefined ? null : enrolled + n;
    }
    const count = drawable(pupils);
    const value = measure === "aantal" ? count : count === null || !enrolled ? null : (100 * count) / enrolled;
    return {age, pupils, enrolled, value};
  });
}

/** The age with the highest drawn value (the youngest on a tie), or null when nothing is drawn. */
export function agePeak(points: AgePoint[]): number | null {
  let peak: AgePoint | null = null;
  for (const p of points) if (p.value !== null && p.value > 0 && (peak === null || p.value > (peak.value as number))) peak = p;
  return peak?.age ?? null;
}

/** The selection in words, for the chart's description and its accessible name. */
export function ageSelectionText(tables: AgeTables, {careType = null, dyslexia = true, year = null, measure = "aantal"}: AgeSelection): string {
  const label = tables.years[0]?.perCareType.find((c) => c.careType === careType)?.label;
  const care = careType === null ? `alle zorgvormen ${dyslexia ? "met" : "zonder"} dyslexiezorg` : (label ?? careType);
  const years = year === null ? `${tables.years[0]?.year}–${tables.years[tables.years.length - 1]?.year} samen` : String(year);
  return `${care}, ${years}, ${measure === "aantal" ? "aantal leerlingen" : "per 100 leerlingen van die leeftijd"}`;
}

/** The finding for the chart's title: where the drawn values peak. */
export function ageTitle(points: AgePoint[], measure: AgeMeasure): string {
  const peak = agePeak(points);
  if (peak === null) return "Geen leerlingen met jeugdhulp in deze keuze";
  return measure === "aantal"
    ? `De meeste kinderen met jeugdhulp zijn ${peak} jaar`
    : `Kinderen van ${peak} jaar krijgen het vaakst jeugdhulp`;
}

export const AGE_COLUMNS: Column<AgePoint>[] = [
  {label: "Leeftijd (jaar)", value: (p) => p.age},
  {label: "Leerlingen met jeugdhulp", value: (p) => p.pupils, kind: "count"},
  {label: "Leerlingen van die leeftijd", value: (p) => p.enrolled, kind: "count"},
  {label: "Per 100 leerlingen", value: (p) => (isSuppressedValue(p.pupils) ? p.pupils : p.enrolled ? (100 * p.pupils) / p.enrolled : null), kind: "number", decimals: 1}
];

export function formatAgeValue(value: number | null, measure: AgeMeasure): string {
  return measure === "aantal" ? formatCount(value) : formatDecimal(value, 1);
}

export function AgeChart(tables: AgeTables, {width = 640, ...selection}: AgeSelection & {width?: number} = {}): SVGSVGElement | HTMLElement {
  const {careType = null, dyslexia = true, measure = "aantal"} = selection;
  const points = ageSeries(tables, selection);
  const drawn = points.filter((p) => p.value !== null);
  // Not the second pair colour for "without dyslexia": that orange is dyslexia care's own colour.
  const fill = careType !== null ? careTypeColor(careType) : dyslexia ? PAIR_COLORS[0] : NEUTRAL;
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 50,
    ariaLabel: `Staafdiagram: leerlingen met jeugdhulp naar leeftijd; ${ageSelectionText(tables, selection)}`,
    x: {label: "Leeftijd (jaar)", domain: tables.ages, tickFormat: (d: number) => String(d), padding: 0.2},
    y: {
      label: measure === "aantal" ? "Leerlingen" : "Per 100 leerlingen",
      grid: true,
      tickFormat: measure === "aantal" ? formatCount : (d: number) => formatDecimal(d, Number.isInteger(d) ? 0 : 1)
    },
    marks: [
      Plot.barY(drawn, {x: "age", y: "value", fill, ariaHidden: "true"}),
      Plot.text(drawn, {x: "age", y: "value", text: (d: AgePoint) => formatAgeValue(d.value, measure), dy: -7, ariaHidden: "true"}),
      withheldMarks(
        points.filter((p) => isSuppressedValue(p.pupils)),
        {x: "age", y: 0, dy: -7}
      ),
      Plot.ruleY([0], {ariaHidden: "true"})
    ]
  });
}
