// Tabel 4 as a chart: the cohort's pupils by how long their closed care lasted, with the pupils still
// in care as a separate, grey bar (their care has no duration yet).

import type {Column} from "../lib/csv.js";
import {formatCount} from "../lib/format.js";
import {drawable, horizontalBars, type Count} from "./chartParts.js";
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
  return horizontalBars(durationBars(rows), {
    width,
    ariaLabel: "Staafdiagram: leerlingen naar duur van de afgesloten jeugdhulp, en leerlingen die nog in zorg zijn",
    label: (b) => b.label,
    value: (b) => b.pupils,
    text: (b) => formatCount(b.pupils),
    fill: (b) => (b.stillInCare ? NEUTRAL : PAIR_COLORS[0]),
    marginLeft: 150
  });
}
