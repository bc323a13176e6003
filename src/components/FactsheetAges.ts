// Factsheet items 9 and 10: pupils per care type per age in the last two study years, side by side in
// one chart so both years share the y-scale and every care type keeps its colour (palette.ts). Each
// care type is a row named on the left and each bar carries its count, so the chart reads in black
// and white too.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatCount} from "../lib/format.js";
import {careTypeColor} from "./CareTypeChart.js";
import {drawable, withheldMarks, type Count} from "./chartParts.js";
import type {SheetAges} from "./factsheetTypes.js";

export interface AgeBar {
  year: string;
  careType: string;
  label: string;
  age: number;
  /** Null when withheld: drawn as "·", never as a bar. */
  pupils: number | null;
  published: Count;
}

export interface AgeSeries {
  years: string[];
  /** Care types with a pupil (or a withheld count) in either year, in the published order. */
  labels: string[];
  /** Every cell of those care types, zero cells included (they are not drawn). */
  bars: AgeBar[];
  /** The tallest drawn bar: one y-scale for both years. */
  max: number;
}

export function ageSeries(ages: SheetAges): AgeSeries {
  const occurs = new Set(
    ages.years.flatMap((y) => y.perCareType.filter((c) => c.ages.some((a) => a.pupils !== 0)).map((c) => c.careType))
  );
  const bars = ages.years.flatMap((y) =>
    y.perCareType
      .filter((c) => occurs.has(c.careType))
      .flatMap((c) =>
        c.ages.map((a) => ({year: String(y.year), careType: c.careType, label: c.label, age: a.age, pupils: drawable(a.pupils), published: a.pupils}))
      )
  );
  const labels = [...new Set(bars.map((b) => b.label))];
  return {years: ages.years.map((y) => String(y.year)), labels, bars, max: Math.max(1, ...bars.map((b) => b.pupils ?? 0))};
}

/** Wide form of the drawn cells: one row per care type and age, a column per year. */
export interface AgeRow {
  label: string;
  age: number;
  perYear: Count[];
}

export function ageRows(series: AgeSeries): AgeRow[] {
  const rows = new Map<string, AgeRow>();
  for (const b of series.bars) {
    const key = `${b.label}|${b.age}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = {label: b.label, age: b.age, perYear: []}));
    row.perYear[series.years.indexOf(b.year)] = b.published;
  }
  return [...rows.values()];
}

export function ageColumns(series: AgeSeries): Column<AgeRow>[] {
  return [
    {label: "Zorgvorm", value: (r) => r.label},
    {label: "Leeftijd", value: (r) => String(r.age)},
    ...series.years.map((year, i): Column<AgeRow> => ({label: year, value: (r) => r.perYear[i], kind: "count"}))
  ];
}

/**
 * When more of the cells are withheld than drawn, a chart of "·" marks says nothing: a sentence says
 * why instead (the "Toon tabel" below it still lists every cell). Null when the chart is worth drawing.
 */
export function mostlyWithheldText(series: AgeSeries): string | null {
  const drawn = series.bars.filter((b) => b.pupils !== null && b.pupils > 0).length;
  const withheld = series.bars.filter((b) => b.pupils === null).length;
  if (withheld === 0 || drawn >= withheld) return null;
  const total = drawn + withheld;
  if (drawn === 0) {
    return `Geen grafiek: op deze school zijn alle ${formatCount(total)} aantallen per zorgvorm en leeftijd afgeschermd, omdat het om heel weinig leerlingen gaat.`;
  }
  return (
    `Geen grafiek: op deze school ${withheld === 1 ? "is" : "zijn"} ${formatCount(withheld)} van de ${formatCount(total)} aantallen per zorgvorm en leeftijd ` +
    "afgeschermd, omdat het om heel weinig leerlingen gaat. De tabel hieronder toont wat wel bekend is."
  );
}

export function FactsheetAges(ages: SheetAges, {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const series = ageSeries(ages);
  const withheldText = mostlyWithheldText(series);
  if (withheldText !== null) {
    const message = document.createElement("p");
    message.className = "chart-withheld";
    message.textContent = withheldText;
    return message;
  }
  const drawn = series.bars.filter((b) => b.pupils !== null && b.pupils > 0);
  const channels = {fx: "year", fy: "label", x: "age"} as const;
  return Plot.plot({
    width,
    height: 50 + Math.max(1, series.labels.length) * 34,
    marginLeft: 160,
    marginTop: 24,
    ariaLabel: `Staafdiagram: leerlingen per zorgvorm per leeftijd, ${series.years.join(" en ")}`,
    fx: {label: null, domain: series.years, padding: 0.08},
    fy: {label: null, domain: series.labels, padding: 0.2},
    x: {label: "Leeftijd", domain: ages.ages, tickFormat: String, padding: 0.15},
    y: {axis: null, domain: [0, series.max * 1.35]},
    marks: [
      Plot.axisFy({anchor: "left", label: null, tickSize: 0, ariaHidden: "true"}),
      // A baseline in every cell, also where nothing is drawn: Plot leaves out facets without marks,
      // and the rows of both years must line up.
      Plot.ruleY(series.years.flatMap((year) => series.labels.map((label) => ({year, label}))), {fx: "year", fy: "label", y: 0, stroke: "#999", ariaHidden: "true"}),
      Plot.barY(drawn, {...channels, y: "pupils", fill: (d: AgeBar) => careTypeColor(d.careType), ariaHidden: "true"}),
      Plot.text(drawn, {...channels, y: "pupils", text: (d: AgeBar) => formatCount(d.pupils), dy: -6, fontSize: 9, ariaHidden: "true"}),
      withheldMarks(
        series.bars.filter((b) => b.pupils === null),
        {...channels, y: 0, dy: -6}
      )
    ]
  });
}
