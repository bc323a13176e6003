// Tabel 5 as a chart: the cohort's pupils by the total cost of their care over the study years, in
// the cost bands of the settings, each bar labelled with its count and share.

import type {Column} from "../lib/csv.js";
import {formatCount, formatPercent} from "../lib/format.js";
import {drawable, horizontalBars, type Count} from "./chartParts.js";
import {PAIR_COLORS} from "./palette.js";

export interface CostBandRow {
  lower: number;
  upper: number | null;
  label: string;
  pupils: Count;
  /** Share of the pupils counted, 1 decimal. */
  pct: Count | null;
}

export interface CostBar {
  label: string;
  /** Null when withheld. */
  pupils: number | null;
  pct: number | null;
}

export function costBars(rows: CostBandRow[]): CostBar[] {
  return rows.map((r) => ({label: r.label, pupils: drawable(r.pupils), pct: drawable(r.pct)}));
}

/** The band with the most pupils (a withheld band holds too few to be it), or null. */
export function largestCostBand(rows: CostBandRow[]): CostBar | null {
  return costBars(rows).reduce<CostBar | null>(
    (best, b) => (b.pupils !== null && b.pupils > 0 && (best === null || b.pupils > (best.pupils as number)) ? b : best),
    null
  );
}

export function costTitle(rows: CostBandRow[]): string {
  const band = largestCostBand(rows);
  return band?.pct != null
    ? `Voor ${formatPercent(band.pct, 1)} van de leerlingen kostte de jeugdhulp ${band.label}`
    : "Leerlingen naar kosten van hun jeugdhulp";
}

export const COST_COLUMNS: Column<CostBandRow>[] = [
  {label: "Kosten per leerling", value: (r) => r.label},
  {label: "Leerlingen", value: (r) => r.pupils, kind: "count"},
  {label: "Percentage", value: (r) => r.pct, kind: "percent", decimals: 1}
];

function barLabel(b: CostBar): string {
  return b.pct === null ? formatCount(b.pupils) : `${formatCount(b.pupils)} (${formatPercent(b.pct, 1)})`;
}

export function CostChart(rows: CostBandRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  return horizontalBars(costBars(rows), {
    width,
    ariaLabel: "Staafdiagram: leerlingen naar totale kosten van hun jeugdhulp",
    label: (b) => b.label,
    value: (b) => b.pupils,
    text: barLabel,
    fill: () => PAIR_COLORS[0],
    marginLeft: 170,
    // The longest bar's text is "800 (87,5%)".
    labelRoom: 0.25
  });
}
