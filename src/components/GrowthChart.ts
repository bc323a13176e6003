// Tabel 6 as a chart: one row per school with its whole percentage in each study year, the line
// between the years coloured by the school's use category and the growth symbol (++ … −−) on each
// step. Rows can be ordered; one school can be highlighted. Schools with a withheld percentage are
// listed under the chart, never drawn.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatPercent, isSuppressedValue, withheldLegend} from "../lib/format.js";
import type {ChartFigureOptions} from "./ChartFigure.js";
import {USE_CATEGORY_COLORS, USE_CATEGORY_LABELS} from "./palette.js";
import {
  growthFinding,
  growthSummary,
  growthSymbol,
  isShown,
  sortSchools,
  type GrowthCategory,
  type SchoolOrder,
  type SchoolRef,
  type SchoolRow,
  type SchoolTables,
  type UseCategory
} from "./schoolTables.js";

export interface GrowthPoint {
  schoolId: string;
  year: number;
  pct: number;
  useCategory: UseCategory;
}

export interface GrowthMark {
  schoolId: string;
  /** Halfway between the two years, on the line. */
  x: number;
  y: number;
  symbol: string;
}

export interface GrowthSeries {
  /** School ids top to bottom. */
  order: string[];
  /** The drawn schools' rows in that order: the chart's table. */
  rows: SchoolRow[];
  names: Map<string, string>;
  points: GrowthPoint[];
  marks: GrowthMark[];
  withheld: SchoolRef[];
}

/** What the chart draws: the shown schools in the chosen order, their points and growth symbols. */
export function growthSeries(rows: SchoolRow[], {order = "pct"}: {order?: SchoolOrder} = {}): GrowthSeries {
  const shown = sortSchools(rows.filter(isShown), order);
  const points: GrowthPoint[] = [];
  const marks: GrowthMark[] = [];
  for (const row of shown) {
    const useCategory = row.useCategory as UseCategory;
    const pctOf = new Map(row.years.map((y) => [y.year, y.pct as number | null]));
    for (const [year, pct] of pctOf) if (pct !== null) points.push({schoolId: row.schoolId, year, pct, useCategory});
    for (const step of row.growth) {
      const [a, b] = [pctOf.get(step.from), pctOf.get(step.to)];
      if (a == null || b == null || step.category === null || isSuppressedValue(step.category)) continue;
      marks.push({schoolId: row.schoolId, x: (step.from + step.to) / 2, y: (a + b) / 2, symbol: growthSymbol(step.category as GrowthCategory)});
    }
  }
  return {
    order: shown.map((r) => r.schoolId),
    rows: shown,
    names: new Map(rows.map((r) => [r.schoolId, r.name])),
    points,
    marks,
    withheld: rows.filter((r) => !isShown(r)).map(({schoolId, name}) => ({schoolId, name}))
  };
}

/** The "Toon tabel" and CSV columns: the percentages and symbols the chart draws, and the colour's category. */
export function growthColumns(years: number[]): Column<SchoolRow>[] {
  const step = (i: number) => (r: SchoolRow) => {
    const category = r.growth[i - 1].category;
    return category === null || isSuppressedValue(category) ? category : growthSymbol(category);
  };
  return [
    {label: "School", value: (r) => r.name},
    ...years.flatMap((year, i): Column<SchoolRow>[] => [
      ...(i > 0 ? [{label: `${years[i - 1]}→${year}`, value: step(i)}] : []),
      {label: `% ${year}`, value: (r) => r.years[i].pct, kind: "percent"}
    ]),
    {label: `Gebruik ${years[years.length - 1]}`, value: (r) => r.useCategory}
  ];
}

/** The chart's frame (ChartFigure), the same in the build's drawing (groeipatronen.md.ts) and the browser's. */
export function growthFigureOptions(tables: SchoolTables, order: SchoolOrder, minCount: number): ChartFigureOptions<SchoolRow> {
  const summary = growthSummary(tables);
  const [first, last] = [summary.years[0], summary.years[summary.years.length - 1]];
  return {
    title: growthFinding(summary),
    description: `Percentage leerlingen met jeugdhulp per school, ${first === last ? first : `${first}–${last}`}, met het groeiteken per stap`,
    columns: growthColumns(summary.years),
    rows: growthSeries(tables.tabel6, {order}).rows,
    filename: "groei-per-school.csv",
    note: `Hele procenten. Kleur: gebruik in het laatste jaar. ${withheldLegend(minCount)}`
  };
}

export interface GrowthChartOptions {
  width?: number;
  order?: SchoolOrder;
  /** schoolId of the school to draw thicker and in bold; the others are muted. */
  highlight?: string | null;
  /** Legend labels; pass useCategoryLabels(meta.rules.useCategories) to show this build's thresholds. */
  categoryLabels?: Record<UseCategory, string>;
}

const ROW_HEIGHT = 44;
const CATEGORIES = Object.keys(USE_CATEGORY_COLORS) as UseCategory[];
// A halo in the page's background colour keeps labels legible where they cross a line.
const HALO = {fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 4, paintOrder: "stroke"} as const;

function withheldList(withheld: SchoolRef[], highlight: string | null): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "growth-withheld";
  p.append("Percentage afgeschermd, daarom niet getekend: ");
  withheld.forEach((school, i) => {
    if (i > 0) p.append(", ");
    const name = school.schoolId === highlight ? document.createElement("strong") : document.createElement("span");
    name.textContent = school.name;
    p.append(name);
  });
  p.append(".");
  return p;
}

export function GrowthChart(
  rows: SchoolRow[],
  {width = 640, order = "pct", highlight = null, categoryLabels = USE_CATEGORY_LABELS}: GrowthChartOptions = {}
): HTMLElement {
  const series = growthSeries(rows, {order});
  const years = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
  const selected = highlight !== null && series.order.includes(highlight) ? highlight : null;
  const isSelected = (d: {schoolId: string}) => d.schoolId === selected;
  const others = <T extends {schoolId: string}>(data: T[]) => data.filter((d) => !isSelected(d));
  const chosen = <T extends {schoolId: string}>(data: T[]) => data.filter(isSelected);
  const muted = selected === null ? 1 : 0.45;
  // The rows share one scale from the lowest to the highest percentage, so slopes compare across rows.
  const pcts = series.points.map((p) => p.pct);
  const [minPct, maxPct] = [Math.min(...pcts), Math.max(...pcts)];
  const nameOf = (id: string) => series.names.get(id) ?? id;
  const names = series.order.map((schoolId) => ({schoolId, name: nameOf(schoolId)}));
  const name = {fy: "schoolId", text: "name", frameAnchor: "left", textAnchor: "end", dx: -10, ariaHidden: "true"} as const;
  const line = {fy: "schoolId", x: "year", y: "pct", z: "schoolId", stroke: "useCategory", ariaHidden: "true"} as const;
  const dot = {fy: "schoolId", x: "year", y: "pct", fill: "useCategory", ariaHidden: "true"} as const;
  const label = {fy: "schoolId", x: "year", y: "pct", text: (d: GrowthPoint) => formatPercent(d.pct), dy: -9, fontSize: 10, ariaHidden: "true", ...HALO} as const;
  const symbol = {fy: "schoolId", x: "x", y: "y", text: "symbol", fontSize: 11, ariaHidden: "true", ...HALO} as const;

  const plot = Plot.plot({
    width,
    height: series.order.length * ROW_HEIGHT + 60,
    marginTop: 30,
    marginLeft: Math.min(180, 20 + 7 * Math.max(4, ...names.map((d) => d.name.length))),
    marginRight: 16,
    ariaLabel: `Lijndiagram per school: percentage leerlingen met jeugdhulp per jaar, ${years[0]}–${years[years.length - 1]}, met groeitekens`,
    fy: {domain: series.order, axis: null, padding: 0},
    x: {domain: [years[0] - 0.3, years[years.length - 1] + 0.3], ticks: years, tickFormat: (y: number) => String(y), label: null, axis: "top"},
    y: {domain: minPct < maxPct ? [minPct, maxPct] : [0, Math.max(1, maxPct)], axis: null, insetTop: 15, insetBottom: 6},
    color: {domain: CATEGORIES, range: CATEGORIES.map((c) => USE_CATEGORY_COLORS[c]), legend: true, tickFormat: (c: UseCategory) => categoryLabels[c]},
    marks: [
      // Names as text marks, not axisFy: an axis mark with data repeats every tick in every facet.
      Plot.text(others(names), {...name, fontSize: 12, className: "growth-name"}),
      Plot.text(chosen(names), {...name, fontSize: 12, fontWeight: "bold", className: "growth-highlight-name"}),
      Plot.line(others(series.points), {...line, strokeWidth: 2, strokeOpacity: muted}),
      Plot.dot(others(series.points), {...dot, r: 3, fillOpacity: muted}),
      Plot.text(others(series.points), label),
      Plot.text(others(series.marks), symbol),
      Plot.line(chosen(series.points), {...line, strokeWidth: 4, className: "growth-highlight"}),
      Plot.dot(chosen(series.points), {...dot, r: 5, stroke: "currentColor", strokeWidth: 1.5}),
      Plot.text(chosen(series.points), {...label, fontWeight: "bold", fontSize: 11}),
      Plot.text(chosen(series.marks), {...symbol, fontWeight: "bold"})
    ]
  });

  const element = document.createElement("div");
  element.className = "growth-chart";
  element.append(plot);
  if (series.withheld.length > 0) element.append(withheldList(series.withheld, highlight));
  return element;
}
