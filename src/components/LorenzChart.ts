// The concentration curve of the cost: pupils from cheapest to most expensive along x, their share
// of all cost along y. The diagonal is an equal spread; the further the curve sags below it, the more
// the cost sits with few pupils. The report's sentence ("12,5 % of the pupils have 54 % of the cost")
// is the point where the most expensive pupils begin, marked on the curve.

import * as Plot from "npm:@observablehq/plot";
import type {LorenzCurve, LorenzPoint} from "../../loaders/tables/costs.js";
import type {Column} from "../lib/csv.js";
import {formatPercent} from "../lib/format.js";
import {drawable, type Count} from "./chartParts.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export interface Concentration {
  threshold: number;
  /** Share of the pupils with a cost of at least the threshold, 1 decimal. */
  pctPupils: Count | null;
  /** Their share of the cost, whole percent. */
  pctCost: Count | null;
}

export interface LorenzMarker {
  /** On the curve's axes: the cheaper pupils' share and their share of the cost. */
  pupilsPct: number;
  costPct: number;
  /** The expensive pupils' shares, as the report states them. */
  expensivePupilsPct: number;
  expensiveCostPct: number;
}

/**
 * The report's concentration as a point on the curve: if the most expensive p % of pupils have c % of
 * the cost, the cheapest 100 − p % have 100 − c %. Null when either share is withheld or missing.
 */
export function lorenzMarker(concentration: Concentration): LorenzMarker | null {
  const p = drawable(concentration.pctPupils);
  const c = drawable(concentration.pctCost);
  if (p === null || c === null) return null;
  return {pupilsPct: 100 - p, costPct: 100 - c, expensivePupilsPct: p, expensiveCostPct: c};
}

export function markerText(m: LorenzMarker): string {
  return `${formatPercent(m.expensivePupilsPct, 1)} van de leerlingen heeft ${formatPercent(m.expensiveCostPct)} van de kosten`;
}

/**
 * The finding: the report's sentence where the concentration is published, else the curve's own
 * last step ("the most expensive 5 % have 35,5 % of the cost").
 */
export function lorenzTitle(curve: LorenzCurve, concentration: Concentration): string {
  const marker = lorenzMarker(concentration);
  if (marker) return markerText(marker);
  const before = curve.points[curve.points.length - 2];
  return `De duurste ${formatPercent(100 - before.pupilsPct, 1)} van de leerlingen heeft ${formatPercent(100 - before.costPct, 1)} van de kosten`;
}

export const LORENZ_COLUMNS: Column<LorenzPoint>[] = [
  {label: "Leerlingen, van goedkoop naar duur (cumulatief)", value: (p) => p.pupilsPct, kind: "percent", decimals: 1},
  {label: "Deel van de kosten (cumulatief)", value: (p) => p.costPct, kind: "percent", decimals: 1}
];

const percentAxis = {domain: [0, 100], grid: true, tickFormat: (d: number) => formatPercent(d)};

export function LorenzChart(
  curve: LorenzCurve,
  concentration: Concentration,
  {width = 640}: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  const marker = lorenzMarker(concentration);
  const markers = marker ? [marker] : [];
  return Plot.plot({
    width,
    height: Math.min(420, Math.max(280, width * 0.6)),
    marginLeft: 50,
    marginRight: 20,
    marginBottom: 40,
    ariaLabel: "Lijndiagram: aandeel in de kosten tegen aandeel van de leerlingen, van goedkoop naar duur",
    x: {...percentAxis, label: "Leerlingen, van goedkoop naar duur (cumulatief)"},
    y: {...percentAxis, label: "Deel van de kosten (cumulatief)"},
    marks: [
      Plot.line(
        [
          [0, 0],
          [100, 100]
        ],
        {stroke: NEUTRAL, strokeDasharray: "4,4", ariaHidden: "true"}
      ),
      Plot.text([[60, 60]], {text: () => "gelijke verdeling", rotate: 0, dy: -10, dx: -10, textAnchor: "end", fill: NEUTRAL, ariaHidden: "true"}),
      Plot.line(curve.points, {x: "pupilsPct", y: "costPct", stroke: PAIR_COLORS[0], strokeWidth: 2.5, ariaHidden: "true"}),
      Plot.dot(curve.points, {x: "pupilsPct", y: "costPct", fill: PAIR_COLORS[0], r: 2.5, ariaHidden: "true"}),
      Plot.ruleX(markers, {x: "pupilsPct", y1: 0, y2: "costPct", stroke: PAIR_COLORS[1], strokeWidth: 1.5, ariaHidden: "true"}),
      Plot.dot(markers, {x: "pupilsPct", y: "costPct", r: 6, fill: PAIR_COLORS[1], stroke: "black", ariaHidden: "true"}),
      Plot.text(markers, {
        x: "pupilsPct",
        y: "costPct",
        text: markerText,
        textAnchor: "end",
        dx: -10,
        dy: -12,
        fontWeight: "bold",
        lineWidth: 16,
        ariaHidden: "true"
      })
    ]
  });
}
