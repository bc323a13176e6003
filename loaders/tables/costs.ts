// Tabel 5: the cohort's pupils by their total cost, the concentration of cost and the extremes, and
// the concentration curve (Lorenz curve) behind the "12,5 % of the pupils, 54 % of the cost" sentence.

import {costBandIndex, costBands, DECIMALS, percentage, roundHalfUp, toCents, wholePercentage} from "../definitions.js";
import type {Settings} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import type {Attribution, Scope} from "./scope.js";

export interface CostBandRow<M extends Mode = "raw"> {
  lower: number;
  upper: number | null;
  label: string;
  pupils: Sensitive<M, number>;
  /** Share of the pupils counted, 1 decimal (87.5). */
  pct: Sensitive<M, number | null>;
}

export interface CostTable<M extends Mode = "raw"> {
  pupils: Sensitive<M, number>;
  bands: CostBandRow<M>[];
  concentration: {
    threshold: number;
    /** Pupils with a total cost of at least the threshold. */
    pupils: Sensitive<M, number>;
    /** Their share of the pupils, 1 decimal (12.5). */
    pctPupils: Sensitive<M, number | null>;
    /** Their share of the total cost, whole percent (54). */
    pctCost: Sensitive<M, number | null>;
  };
  extreme: {
    threshold: number;
    /** Pupils with a total cost above the threshold. */
    pupils: Sensitive<M, number>;
  };
  /** Null when no step size keeps every step at LORENZ.minPupilsPerStep pupils, or nothing was paid. */
  lorenz: Sensitive<M, LorenzCurve | null>;
}

export interface LorenzPoint {
  /** Cumulative share of the pupils, cheapest first, 1 decimal. */
  pupilsPct: number;
  /** Their share of the total cost, 1 decimal. */
  costPct: number;
}

export interface LorenzCurve {
  /** Nominal distance between points in percent of the pupils. */
  stepPct: number;
  /** From (0, 0) to (100, 100). */
  points: LorenzPoint[];
}

/**
 * The concentration curve's privacy rule, stated once. The difference of two neighbouring points is
 * the cost share of the pupils between them, so every step must hold at least `minPupilsPerStep`
 * pupils: the curve takes the finest step of `stepsPct` that does (5 % from 400 pupils on). It is
 * published only for a cohort of at least `minPupils` (publish.ts).
 */
export const LORENZ = {stepsPct: [5, 10, 20, 25, 50], minPupilsPerStep: 20, minPupils: 100} as const;

/** Pupils below the nominal share `pct` of n pupils, rounded half up (399 · 55 % = 219,45 → 219). */
function pupilsAt(pct: number, n: number): number {
  return roundHalfUp(pct * n, 100) as number;
}

/**
 * Cumulative share of cost against cumulative share of pupils, pupils sorted by cost ascending, at
 * the finest step of LORENZ.stepsPct where every step holds at least LORENZ.minPupilsPerStep pupils.
 */
export function lorenzCurve(costsInCents: number[]): LorenzCurve | null {
  const n = costsInCents.length;
  const sorted = [...costsInCents].sort((a, b) => a - b);
  const total = sorted.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const stepPct = LORENZ.stepsPct.find((step) => {
    for (let pct = step; pct <= 100; pct += step) {
      if (pupilsAt(pct, n) - pupilsAt(pct - step, n) < LORENZ.minPupilsPerStep) return false;
    }
    return true;
  });
  if (stepPct === undefined) return null;
  const cumulative = [0];
  for (const cents of sorted) cumulative.push(cumulative[cumulative.length - 1] + cents);
  const points: LorenzPoint[] = [];
  for (let pct = 0; pct <= 100; pct += stepPct) {
    const k = pupilsAt(pct, n);
    points.push({
      pupilsPct: percentage(k, n, DECIMALS.costPercentage) as number,
      costPct: percentage(cumulative[k], total, DECIMALS.costPercentage) as number
    });
  }
  return {stepPct, points};
}

/** Total cost in cents of the given attributions. */
export function cents(attributions: Attribution[]): number {
  let sum = 0;
  for (const {trajectory} of attributions) sum += toCents(trajectory.cost);
  return sum;
}

/**
 * Each cohort pupil's cost in cents, in cohort order. A cohort pupil holds its own attributions, so
 * this is costPerPupil without a map of half a million pupil ids. Kept per cohort: Tabel 5 and the
 * factsheets' municipal total both read it, and walking 600 000 trajectories costs half a second.
 */
export function cohortCents(scope: Pick<Scope, "cohort">): number[] {
  let costs = centsByCohort.get(scope.cohort);
  if (!costs) centsByCohort.set(scope.cohort, (costs = scope.cohort.map((p) => cents(p.attributions))));
  return costs;
}

const centsByCohort = new WeakMap<Scope["cohort"], number[]>();

/** Total cost per pupil in cents over the given attributions, keyed by the pupil's code (Attribution.pupil). */
export function costPerPupil(attributions: Attribution[]): Map<number, number> {
  const costs = new Map<number, number>();
  for (const {trajectory, pupil} of attributions) costs.set(pupil, (costs.get(pupil) ?? 0) + toCents(trajectory.cost));
  return costs;
}

/** Pupils per cost band (rule 11) for a set of per-pupil costs in cents. */
export function costBandRows(costs: Iterable<number>, settings: Settings): CostBandRow[] {
  const counts = settings.costBands.map(() => 0);
  let total = 0;
  for (const cents of costs) {
    counts[costBandIndex(cents / 100, settings)]++;
    total++;
  }
  // The band's fields written out, not spread: a one-pupil report (disclosure/atoms.ts) makes these
  // rows for every school, and the spread was its costliest line.
  return costBands(settings).map((band, i) => ({
    lower: band.lower,
    upper: band.upper,
    label: band.label,
    pupils: counts[i],
    pct: percentage(counts[i], total, DECIMALS.costPercentage)
  }));
}

export function costTable(scope: Scope): CostTable {
  const {settings} = scope;
  const costs = cohortCents(scope);
  const thresholdCents = toCents(settings.costConcentrationThreshold);
  const expensive = costs.filter((c) => c >= thresholdCents);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    pupils: costs.length,
    bands: costBandRows(costs, settings),
    concentration: {
      threshold: settings.costConcentrationThreshold,
      pupils: expensive.length,
      pctPupils: percentage(expensive.length, costs.length, DECIMALS.costPercentage),
      pctCost: wholePercentage(sum(expensive), sum(costs))
    },
    extreme: {
      threshold: settings.extremeCostThreshold,
      pupils: costs.filter((c) => c > toCents(settings.extremeCostThreshold)).length
    },
    lorenz: lorenzCurve(costs)
  };
}
