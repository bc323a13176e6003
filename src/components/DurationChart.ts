// Tabel 4 as a chart: the cohort's pupils by how long their closed care lasted, with the pupils still
// in care as a separate, grey bar (their care has no duration yet).

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatCount} from "../lib/format.js";
import {drawable, withheldMarks, type Count} from "./chartParts.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export interface DurationRow {
  /** A band key like "7-12", ">36", or "in_zorg" for the pupils still in care. */
  key: string;
  label: string;
  pupils: Count;
}

export const IN_CARE_KEY = "in_zorg";

export interface DurationBar {
  key: string;
  label: string;
  /** Null when withheld. */
  pupils: number | null;
  stillInCare: boolean;
}

export function durationBars(rows: DurationRow[]): DurationBar[] {
  return rows.map((r) => ({key: r.key, label: r.label, pupils: drawable(r.pupils), stillInCare: r.key === IN_CARE_KEY}));
}

/**
 * The band of closed care with the most pupils, or null when none is published. A withheld band
 * holds fewer than minCount pupils, so it cannot beat a published band of at least that many.
 */
export function longestBand(rows: DurationRow[]): DurationBar | null {
  const closed = durationBars(rows).filter((b) => !b.stillInCare && b.pupils !== null && b.pupils > 0);
  return closed.reduce<DurationBar | null>((best, b) => (best === null || (b.pupils as number) > (best.pupils as number) ? b : best), null);
}

export function durationTitle(rows: DurationRow[]): string {
  const band = longestBand(rows);
  return band ? `De meeste afgesloten jeugdhulp duurde ${band.label}` : "Duur van de afgesloten jeugdhulp";
}

export const DURATION_COLUMNS: Column<DurationRow>[] = [
  {label: "Doorlooptijd", value: (r) => r.label},
  {label: "Leerlingen", value: (r) => r.pupils, kind: "count"}
];

export function DurationChart(rows: DurationRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const bars = durationBars(rows);
  const drawn = bars.filter((b) => b.pupils !== null);
  return Plot.plot({
    width,
    height: 40 + bars.length * 28,
    marginLeft: 150,
    marginRight: 50,
    ariaLabel: "Staafdiagram: leerlingen naar duur van de afgesloten jeugdhulp, en leerlingen die nog in zorg zijn",
    y: {label: null, domain: bars.map((b) => b.label), tickSize: 0},
    x: {label: "Leerlingen", grid: true, tickFormat: formatCount},
    marks: [
      Plot.barX(drawn, {y: "label", x: "pupils", fill: (d: DurationBar) => (d.stillInCare ? NEUTRAL : PAIR_COLORS[0]), ariaHidden: "true"}),
      Plot.text(drawn, {y: "label", x: "pupils", text: (d: DurationBar) => formatCount(d.pupils), textAnchor: "start", dx: 4, ariaHidden: "true"}),
      withheldMarks(
        bars.filter((b) => b.pupils === null),
        {y: "label", x: 0, textAnchor: "start", dx: 4}
      ),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
