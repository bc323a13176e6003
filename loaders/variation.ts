// How much of the difference between schools is more than chance (issue 12). Pure functions over
// counts; the distributions come from @stdlib (maintained, exact quantiles) rather than our own
// series, so that every interval here can be checked against R or a statistics table.
//
// References:
// - Spiegelhalter DJ (2005). Handling over-dispersion of performance indicators. Qual Saf Health
//   Care 14:347–351 (z-scores, winsorised φ, multiplicative and additive random-effects limits).
// - Holm S (1979); Benjamini Y, Hochberg Y (1995): adjusted p-values as R's p.adjust.
// - Breslow NE, Day NE (1987), indirect standardisation; exact Poisson interval for O/E (Garwood 1936).
// - Clopper CJ, Pearson ES (1934): exact binomial interval.

import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import {overdispersedLimits, spreadEstimate, type Overdispersion} from "../src/lib/funnel.js";

/** A unit of a funnel plot: r of n pupils with youth care. */
export interface Proportion {
  r: number;
  n: number;
}

function checkProportion({r, n}: Proportion): void {
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(r) || r < 0 || r > n) {
    throw new RangeError(`geen geldige telling: ${r} van ${n}`);
  }
}

// The estimate itself is dependency-free and lives with the funnel limits, so the explorer can make
// it from its own (perturbed) counts; the test of it needs the χ² distribution and stays here.
export {holm, winsorise, zScore, type Overdispersion} from "../src/lib/funnel.js";

/**
 * Over-dispersion of a set of proportions around their pooled proportion, or around `reference`
 * when the units are most but not all of a population whose proportion is known (the published
 * schools around the municipal share); the degrees of freedom stay units − 1 then.
 */
export function overdispersion(units: readonly Proportion[], winsoriseFraction = 0.1, reference?: number): Overdispersion {
  if (units.length < 2) throw new RangeError("overdispersie vraagt minstens twee eenheden");
  units.forEach(checkProportion);
  const p0 = reference ?? units.reduce((s, u) => s + u.r, 0) / units.reduce((s, u) => s + u.n, 0);
  if (p0 === 0 || p0 === 1) throw new RangeError("overdispersie vraagt een referentie tussen 0 en 1");
  const {chiSquare, phi, tau2} = spreadEstimate(units, p0, winsoriseFraction);
  const degreesOfFreedom = units.length - 1;
  return {p0, units: units.length, chiSquare, degreesOfFreedom, pValue: 1 - chisquareCdf(chiSquare, degreesOfFreedom), phi, tau2};
}

export type LimitsKind = "binomiaal" | "overdispersie";

/**
 * Normal-approximation funnel limits at `coverage` (0.95, 0.998) for a unit of n pupils, widened by
 * the additive random-effects variance τ² (Spiegelhalter 2005, eq. 4): p0 ± z·√(p0(1 − p0)/n + τ²).
 * The binomial funnel of the site (src/lib/funnel.ts) uses exact binomial limits instead; this one is
 * for the over-dispersed comparison.
 */
export function randomEffectsLimits(n: number, p0: number, tau2: number, coverage: number): {lower: number; upper: number} {
  return overdispersedLimits(n, p0, tau2, coverageZ(coverage));
}

/** The standard normal quantile that leaves (1 − coverage)/2 in each tail: 1,96 for 95 %. */
export function coverageZ(coverage: number): number {
  return normalQuantile(1 - (1 - coverage) / 2, 0, 1);
}

/** Benjamini–Hochberg's false-discovery-rate adjustment (R: p.adjust(p, "BH")), in the input's order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, Math.min(1, (m / rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Exact (Clopper–Pearson) interval for a proportion r/n at `coverage`. */
export function clopperPearson({r, n}: Proportion, coverage = 0.95): {lower: number; upper: number} {
  checkProportion({r, n});
  const tail = (1 - coverage) / 2;
  return {
    lower: r === 0 ? 0 : betaQuantile(tail, r, n - r + 1),
    upper: r === n ? 1 : betaQuantile(1 - tail, r + 1, n - r)
  };
}

/** Exact (Garwood) interval for a Poisson mean given `observed` events. */
export function poissonInterval(observed: number, coverage = 0.95): {lower: number; upper: number} {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`geen geldige telling: ${observed}`);
  const tail = (1 - coverage) / 2;
  return {
    lower: observed === 0 ? 0 : chisquareQuantile(tail, 2 * observed) / 2,
    upper: chisquareQuantile(1 - tail, 2 * (observed + 1)) / 2
  };
}

/** Pupils of a unit in one stratum (an age): enrolled, and with youth care. */
export interface Stratum {
  key: string | number;
  n: number;
  r: number;
}

export interface StandardisedRatio {
  observed: number;
  /** Σ over strata of the unit's pupils × the reference rate of that stratum. */
  expected: number;
  /** observed / expected: 1 = as many as the reference's age-specific rates predict. */
  ratio: number;
  lower: number;
  upper: number;
}

/**
 * Indirect standardisation: the count a unit would have if each of its strata (ages) had the
 * reference's rate, and observed/expected with an exact Poisson interval. `reference` holds the
 * strata of the whole population (all units together).
 */
export function indirectlyStandardised(unit: readonly Stratum[], reference: readonly Stratum[], coverage = 0.95): StandardisedRatio {
  const rate = new Map(reference.map((s) => [s.key, s.n > 0 ? s.r / s.n : 0]));
  let expected = 0;
  let observed = 0;
  for (const s of unit) {
    const referenceRate = rate.get(s.key);
    if (referenceRate === undefined) throw new RangeError(`stratum ${s.key} ontbreekt in de referentie`);
    expected += s.n * referenceRate;
    observed += s.r;
  }
  const {lower, upper} = poissonInterval(observed, coverage);
  return expected > 0
    ? {observed, expected, ratio: observed / expected, lower: lower / expected, upper: upper / expected}
    : {observed, expected, ratio: NaN, lower: NaN, upper: NaN};
}
