// The explorer's first figure: the share of pupils with youth care per year for each compared unit,
// next to the board or municipality it belongs to. Withheld years are not drawn (a gap, not a zero).
// Each line ends in its name; names that would overlap are moved apart, and the right margin is as
// wide as the longest name needs (up to 40% of the chart, longer names end in "…").

import * as Plot from "npm:@observablehq/plot";
import {fitLabel, labelWidth, percentAxis, spreadValues, type YFrame} from "../lib/chartLayout.js";
import type {CubeCell} from "../lib/cube.js";
import {formatPercent, isSuppressedValue} from "../lib/format.js";
import {NEUTRAL, SERIES_COLORS} from "./palette.js";

export interface TrendPoint {
  unit: string;
  year: number;
  pct: number;
}

/** The points drawn: every year with a shown percentage. */
export function trendPoints(cells: CubeCell[]): TrendPoint[] {
  return cells.flatMap((c) => (typeof c.pct === "number" && !isSuppressedValue(c.pct) ? [{unit: c.unit.name, year: c.year, pct: c.pct}] : []));
}

/** Every year of every unit, a withheld one as NaN: the line breaks there instead of bridging it. */
export function trendSeries(cells: CubeCell[]): TrendPoint[] {
  return cells.map((c) => ({unit: c.unit.name, year: c.year, pct: typeof c.pct === "number" && !isSuppressedValue(c.pct) ? c.pct : NaN}));
}

/** Units of which not a single year can be drawn: the figure names them below the chart. */
export function undrawnUnits(cells: CubeCell[]): string[] {
  const drawn = new Set(trendPoints(cells).map((p) => p.unit));
  return [...new Set(cells.map((c) => c.unit.name))].filter((name) => !drawn.has(name));
}

export interface EndLabel extends TrendPoint {
  /** Where the label sits, in percent (moved away from its neighbours when they would overlap). */
  labelPct: number;
  text: string;
}

/**
 * One label per unit at its last drawn point; labels in the same year column are moved apart so
 * they do not overlap, and names longer than `maxWidth` pixels end in "…".
 */
export function endLabels(points: TrendPoint[], frame: YFrame & {maxWidth: number}): EndLabel[] {
  const last = new Map<string, TrendPoint>();
  for (const p of points) if (!last.has(p.unit) || last.get(p.unit)!.year < p.year) last.set(p.unit, p);
  const ends = [...last.values()];
  const placed = spreadValues(ends.map((p) => p.pct), ends.map((p) => p.year), frame);
  return ends.map((p, i) => ({...p, labelPct: placed[i], text: fitLabel(p.unit, frame.maxWidth)}));
}

const HEIGHT = 320;
const MARGIN_TOP = 20;
const MARGIN_BOTTOM = 30;
/** Swatch and space between the last point and its name. */
const LABEL_OFFSET = 20;

export function ExplorerTrend(cells: CubeCell[], {width = 640, compared}: {width?: number; compared: string[]}): SVGSVGElement | HTMLElement {
  const points = trendPoints(cells);
  if (points.length === 0) {
    const message = document.createElement("p");
    message.textContent = "Niets te tekenen: elk percentage in deze selectie is afgeschermd of heeft geen leerlingen.";
    return message;
  }
  const names = [...new Set(cells.map((c) => c.unit.name))];
  const comparedNames = new Set(cells.filter((c) => compared.includes(c.unit.code)).map((c) => c.unit.name));
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const yMax = Math.max(...points.map((p) => p.pct)) * 1.15 || 1;
  // The right margin fits the longest drawn name, but leaves the chart at least 60% of the width.
  const drawnNames = [...new Set(points.map((p) => p.unit))];
  const marginRight = Math.min(Math.floor(width * 0.4), LABEL_OFFSET + 6 + Math.max(...drawnNames.map((n) => labelWidth(n))));
  const labels = endLabels(points, {yMax, height: HEIGHT, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM, maxWidth: marginRight - LABEL_OFFSET - 6});
  const series = trendSeries(cells);
  // Compared units in the series colours, references grey.
  const color = (name: string, i: number) => (comparedNames.has(name) ? SERIES_COLORS[i % SERIES_COLORS.length] : NEUTRAL);
  return Plot.plot({
    width,
    height: HEIGHT,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: 50,
    marginRight,
    ariaLabel: `Lijndiagram: percentage leerlingen met jeugdhulp per jaar voor ${names.join(", ")}`,
    x: {domain: years, type: "point", label: null, tickFormat: (y: number) => String(y), padding: 0.3},
    // Ticks and their decimals follow the domain: labels never repeat ("4% 4% 3%").
    y: {domain: [0, yMax], label: "Met jeugdhulp", grid: true, ...percentAxis(yMax, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)},
    color: {domain: names, range: names.map(color)},
    marks: [
      Plot.line(series.filter((d) => comparedNames.has(d.unit)), {x: "year", y: "pct", z: "unit", stroke: "unit", strokeWidth: 2.5, ariaHidden: "true"}),
      Plot.line(series.filter((d) => !comparedNames.has(d.unit)), {x: "year", y: "pct", z: "unit", stroke: "unit", strokeWidth: 1.5, strokeDasharray: "5,4", ariaHidden: "true"}),
      Plot.dot(points, {x: "year", y: "pct", fill: "unit", r: 4, title: (d: TrendPoint) => `${d.unit} ${d.year}: ${formatPercent(d.pct, 1)}`, ariaHidden: "true"}),
      // A swatch in the line's colour before each name: the name itself stays in the text colour.
      Plot.dot(labels, {x: "year", y: "labelPct", fill: "unit", symbol: "square", r: 3.5, dx: 13, ariaHidden: "true"}),
      Plot.text(labels, {x: "year", y: "labelPct", text: "text", fill: "currentColor", textAnchor: "start", dx: LABEL_OFFSET, fontSize: 11, ariaHidden: "true"})
    ]
  });
}
