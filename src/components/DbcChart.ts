// Tabel 2 as a chart: trajectories started per year, without and with the DBC correction.

import * as Plot from "npm:@observablehq/plot";
import {formatCount, isSuppressedValue, type SuppressedValue} from "../lib/format.js";
import {PAIR_COLORS} from "./palette.js";

export interface TrajectoryYear {
  year: number;
  raw: number | SuppressedValue;
  corrected: number | SuppressedValue;
}

export const SERIES = ["Zonder correctie", "Met DBC-correctie"] as const;

/** Long form of the drawn values; withheld values are left out (never drawn as zero). */
export function dbcSeries(rows: TrajectoryYear[]): {year: string; series: string; trajectories: number}[] {
  return rows.flatMap((r) =>
    ([
      [SERIES[0], r.raw],
      [SERIES[1], r.corrected]
    ] as const)
      .filter(([, v]) => !isSuppressedValue(v))
      .map(([series, v]) => ({year: String(r.year), series, trajectories: v as number}))
  );
}

export function DbcChart(rows: TrajectoryYear[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const data = dbcSeries(rows);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 50,
    ariaLabel: "Staafdiagram: trajecten per jaar, zonder en met DBC-correctie",
    fx: {label: null, padding: 0.15},
    x: {axis: null, domain: [...SERIES]},
    y: {label: "Trajecten", grid: true, tickFormat: formatCount},
    color: {domain: [...SERIES], range: [...PAIR_COLORS], legend: true},
    marks: [
      Plot.barY(data, {fx: "year", x: "series", y: "trajectories", fill: "series", ariaHidden: "true"}),
      Plot.text(data, {fx: "year", x: "series", y: "trajectories", text: (d) => formatCount(d.trajectories), dy: -6, ariaHidden: "true"}),
      Plot.ruleY([0], {ariaHidden: "true"})
    ]
  });
}
