// Figuur 2 as a chart: of 100 pupils who start a first trajectory, how many leave after trajectory
// 1, 2, 3 and 4, how many are still in care and how many go on. The "go on" part of a step is drawn
// from zero, so it lines up with the bar of the next step: the cascade reads top to bottom.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatCount, formatPercent, isSuppressedValue, roundHalfUpTo, type SuppressedValue} from "../lib/format.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

type Shown = number | SuppressedValue;

export interface OutcomeRow {
  outcome: string;
  label: string;
  pupils: Shown;
  pct: Shown | null;
}

export interface OutflowStep {
  step: number;
  pupils: Shown;
  per100: Shown | null;
  outcomes: OutcomeRow[];
}

/** Public form of `data/rapport/outflow.json`. */
export interface Outflow {
  steps: OutflowStep[];
  ekg: Shown | null;
}

/** Drawn left to right; "volgend traject" first so it lines up with the next step's bar. */
export const OUTCOME_ORDER = ["volgend_traject", "nog_in_zorg", "uitstroom"] as const;

export const OUTCOME_COLORS: Record<(typeof OUTCOME_ORDER)[number], string> = {
  volgend_traject: PAIR_COLORS[0],
  nog_in_zorg: NEUTRAL,
  uitstroom: PAIR_COLORS[1]
};

// White text keeps 4.5:1 on the blue and the grey; the orange needs black.
const DARK_SEGMENTS = new Set<string>(["volgend_traject", "nog_in_zorg"]);

/** Segments narrower than this (of 100) get no label inside the bar; the table has every value. */
const MIN_LABELLED = 5;

export interface Segment {
  step: string;
  outcome: string;
  label: string;
  pupils: number;
  /** Pupils per 100 pupils at the first trajectory, unrounded: the bar's length. */
  per100: number;
  x1: number;
  x2: number;
}

export const stepLabel = (step: number) => `${step}e traject`;

/**
 * The drawn segments. A withheld count is never drawn as zero: its segment is left out, and so are
 * the segments to its right in the same bar, whose position would depend on it.
 */
export function outflowSegments(outflow: Outflow): Segment[] {
  const first = outflow.steps[0]?.pupils;
  if (first === undefined || isSuppressedValue(first) || first === 0) return [];
  return outflow.steps.flatMap((step) => {
    const segments: Segment[] = [];
    let x = 0;
    for (const outcome of OUTCOME_ORDER) {
      const row = step.outcomes.find((o) => o.outcome === outcome);
      if (!row || isSuppressedValue(row.pupils)) break;
      const per100 = (100 * row.pupils) / first;
      if (row.pupils > 0) segments.push({step: stepLabel(step.step), outcome, label: row.label, pupils: row.pupils, per100, x1: x, x2: x + per100});
      x += per100;
    }
    return segments;
  });
}

/** "34": a per-100 value as the chart and the table show it (whole, rounded half up). */
export function formatPer100(value: number): string {
  return formatCount(roundHalfUpTo(value, 0));
}

/** The finding for the chart's title, from the published EKG. */
export function outflowTitle(outflow: Outflow): string {
  const {ekg} = outflow;
  if (ekg === null || isSuppressedValue(ekg)) return "Eerste Keer Goed: afgeschermd, te weinig leerlingen";
  return `Eerste Keer Goed is ${formatPercent(ekg)}: ${formatCount(ekg)} van de 100 leerlingen krijgen na hun eerste traject geen nieuw traject`;
}

export interface OutflowRow {
  step: number;
  label: string;
  pupils: Shown;
  per100: Shown | null;
  pct: Shown | null;
}

/** One row per step and outcome, withheld values included (the table shows them as "·"). */
export function outflowRows(outflow: Outflow): OutflowRow[] {
  const first = outflow.steps[0]?.pupils;
  return outflow.steps.flatMap((step) =>
    OUTCOME_ORDER.flatMap((outcome) => {
      const row = step.outcomes.find((o) => o.outcome === outcome);
      if (!row) return [];
      const known = !isSuppressedValue(row.pupils) && typeof first === "number" && first > 0;
      const per100 = known ? roundHalfUpTo((100 * (row.pupils as number)) / (first as number), 0) : row.pupils;
      return [{step: step.step, label: row.label, pupils: row.pupils, per100, pct: row.pct}];
    })
  );
}

export const OUTFLOW_COLUMNS: Column<OutflowRow>[] = [
  {label: "Traject", value: (r) => stepLabel(r.step)},
  {label: "Uitkomst", value: (r) => r.label},
  {label: "Leerlingen", value: (r) => r.pupils, kind: "count"},
  {label: "Van 100 leerlingen", value: (r) => r.per100, kind: "number"},
  {label: "Van de leerlingen bij dit traject", value: (r) => r.pct, kind: "percent"}
];

export function OutflowChart(outflow: Outflow, {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const segments = outflowSegments(outflow);
  const steps = outflow.steps.map((s) => stepLabel(s.step));
  const labels = OUTCOME_ORDER.map((o) => outflow.steps[0]?.outcomes.find((r) => r.outcome === o)?.label ?? o);
  const totals = outflow.steps
    .filter((s) => s.per100 !== null && !isSuppressedValue(s.per100))
    .map((s) => ({step: stepLabel(s.step), per100: s.per100 as number}));
  const labelled = segments.filter((s) => s.per100 >= MIN_LABELLED);
  return Plot.plot({
    width,
    height: 60 + 44 * steps.length,
    marginLeft: 80,
    marginRight: 110,
    ariaLabel: "Staafdiagram: van 100 leerlingen, de uitkomst na het 1e tot en met 4e traject",
    x: {domain: [0, 100], label: "Leerlingen (van de 100 die een eerste traject kregen)", grid: true, tickFormat: formatCount},
    y: {domain: steps, label: null},
    color: {domain: labels, range: OUTCOME_ORDER.map((o) => OUTCOME_COLORS[o]), legend: true},
    marks: [
      // A native <title> per segment instead of Plot's tip mark, whose <g aria-label> axe rejects.
      Plot.barX(segments, {
        x1: "x1",
        x2: "x2",
        y: "step",
        fill: "label",
        inset: 0.5,
        ariaHidden: "true",
        title: (d: Segment) => `${d.step}, ${d.label.toLowerCase()}: ${formatPer100(d.per100)} van de 100 (${formatCount(d.pupils)} leerlingen)`
      }),
      ...[true, false].map((dark) =>
        Plot.text(
          labelled.filter((s) => DARK_SEGMENTS.has(s.outcome) === dark),
          {x: (d: Segment) => (d.x1 + d.x2) / 2, y: "step", text: (d: Segment) => formatPer100(d.per100), fill: dark ? "white" : "black", ariaHidden: "true"}
        )
      ),
      Plot.text(totals, {
        x: "per100",
        y: "step",
        text: (d: {per100: number}) => `${formatCount(d.per100)} van de 100`,
        textAnchor: "start",
        dx: 6,
        ariaHidden: "true"
      }),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
