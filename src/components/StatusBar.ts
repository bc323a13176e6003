// Figuur 1 as one 100 % bar: the cohort's pupils by the status of their care on the peildatum, each
// part labelled with its percentage, the names in the legend.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatDate, formatPercent} from "../lib/format.js";
import {drawable, type Count} from "./chartParts.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export interface StatusRow {
  status: string;
  label: string;
  pupils: Count;
  /** Share of the cohort in percent, 2 decimals. */
  pct: Count | null;
}

export interface StatusSegment {
  status: string;
  label: string;
  pct: number;
  /** Where the part starts and ends on the 0–100 axis. */
  x1: number;
  x2: number;
}

/** In care, stopped recently, left care: blue, grey, orange (colour-blind safe, and labelled). */
const STATUS_COLORS: Record<string, string> = {in_zorg: PAIR_COLORS[0], stop_zorg: NEUTRAL, uitstroom: PAIR_COLORS[1]};
/** Text on each part with at least 4.5:1 contrast: white on blue and grey, black on orange. */
const TEXT_COLORS: Record<string, string> = {in_zorg: "white", stop_zorg: "white", uitstroom: "black"};

/** The parts in the rows' order, stacked from 0; a withheld part is left out (the bar then stops short). */
export function statusSegments(rows: StatusRow[]): StatusSegment[] {
  let x = 0;
  return rows.flatMap((r) => {
    const pct = drawable(r.pct);
    if (pct === null) return [];
    const segment = {status: r.status, label: r.label, pct, x1: x, x2: x + pct};
    x += pct;
    return [segment];
  });
}

/** The finding: the share still in care on the peildatum (the report: 47 %). */
export function statusTitle(rows: StatusRow[], statusDate: string): string {
  const inCare = drawable(rows.find((r) => r.status === "in_zorg")?.pct);
  return inCare === null
    ? `Status van de jeugdhulp op ${formatDate(statusDate)}`
    : `${formatPercent(inCare)} van de leerlingen was op ${formatDate(statusDate)} nog in zorg`;
}

export const STATUS_COLUMNS: Column<StatusRow>[] = [
  {label: "Status", value: (r) => r.label},
  {label: "Leerlingen", value: (r) => r.pupils, kind: "count"},
  {label: "Percentage", value: (r) => r.pct, kind: "percent", decimals: 2}
];

export function StatusBar(rows: StatusRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const segments = statusSegments(rows);
  return Plot.plot({
    width,
    height: 110,
    marginLeft: 10,
    marginRight: 20,
    ariaLabel: "Staafdiagram van 100%: leerlingen naar status van de jeugdhulp op de peildatum",
    x: {domain: [0, 100], label: null, tickFormat: (d: number) => formatPercent(d), ticks: 10, grid: true},
    y: {axis: null},
    color: {domain: rows.map((r) => r.label), range: rows.map((r) => STATUS_COLORS[r.status] ?? NEUTRAL), legend: true},
    marks: [
      Plot.rectX(segments, {x1: "x1", x2: "x2", y1: 0, y2: 1, fill: "label", stroke: "white", ariaHidden: "true"}),
      Plot.text(segments, {
        x: (d: StatusSegment) => (d.x1 + d.x2) / 2,
        y: 0.5,
        text: (d: StatusSegment) => formatPercent(d.pct, 1),
        fill: {value: (d: StatusSegment) => TEXT_COLORS[d.status] ?? "white", scale: null},
        fontSize: 13,
        fontWeight: "bold",
        ariaHidden: "true"
      })
    ]
  });
}
