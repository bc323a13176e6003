// The explorer's first figure: the share of pupils with youth care per year for each compared unit,
// next to the board or municipality it belongs to. Withheld years are not drawn (a gap, not a zero).

import * as Plot from "npm:@observablehq/plot";
import type {CubeCell} from "../lib/cube.js";
import {formatPercent, isSuppressedValue} from "../lib/format.js";
import {NEUTRAL, SERIES_COLORS} from "./palette.js";

export interface TrendPoint {
  unit: string;
  year: number;
  pct: number;
}

export function trendPoints(cells: CubeCell[]): TrendPoint[] {
  return cells.flatMap((c) => (typeof c.pct === "number" && !isSuppressedValue(c.pct) ? [{unit: c.unit.name, year: c.year, pct: c.pct}] : []));
}

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
  const top = Math.max(...points.map((p) => p.pct));
  // Compared units in the series colours, references grey.
  const color = (name: string, i: number) => (comparedNames.has(name) ? SERIES_COLORS[i % SERIES_COLORS.length] : NEUTRAL);
  return Plot.plot({
    width,
    height: 320,
    marginLeft: 50,
    marginRight: 150,
    ariaLabel: `Lijndiagram: percentage leerlingen met jeugdhulp per jaar voor ${names.join(", ")}`,
    x: {domain: years, type: "point", label: null, tickFormat: (y: number) => String(y), padding: 0.3},
    // Small shares get ticks at tenths of a percent: whole percents would repeat ("1% 1% 2%").
    y: {domain: [0, top * 1.15], label: "Met jeugdhulp", tickFormat: (d: number) => formatPercent(d, top < 5 ? 1 : 0), grid: true},
    color: {domain: names, range: names.map(color)},
    marks: [
      Plot.line(points.filter((d) => comparedNames.has(d.unit)), {x: "year", y: "pct", z: "unit", stroke: "unit", strokeWidth: 2.5, ariaHidden: "true"}),
      Plot.line(points.filter((d) => !comparedNames.has(d.unit)), {x: "year", y: "pct", z: "unit", stroke: "unit", strokeWidth: 1.5, strokeDasharray: "5,4", ariaHidden: "true"}),
      Plot.dot(points, {x: "year", y: "pct", fill: "unit", r: 4, title: (d: TrendPoint) => `${d.unit} ${d.year}: ${formatPercent(d.pct, 1)}`, ariaHidden: "true"}),
      Plot.text(points, Plot.selectLast({x: "year", y: "pct", z: "unit", text: "unit", fill: "currentColor", textAnchor: "start", dx: 8, fontSize: 11, ariaHidden: "true"}))
    ]
  });
}
