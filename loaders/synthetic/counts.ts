// Enrolment per school per year and pupils with youth care per school per year, chosen so that
// every school's whole percentage is the one Tabel 6 prints and the municipal percentage per year
// is the printed total (to two decimals).

import {wholePercentage} from "../definitions.js";
import {ENROLMENT_TREND} from "./assumptions.js";
import type {Random} from "./random.js";
import type {Targets} from "./targets.js";

export interface YearCounts {
  /** [school][yearIndex] resident pupils enrolled. */
  enrolled: number[][];
  /** [school][yearIndex] pupils with a trajectory started that year. */
  withCare: number[][];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Every k in 0…n whose whole percentage of n is p. */
function countsWithPercent(p: number, n: number): number[] {
  const ks: number[] = [];
  for (let k = 0; k <= n; ++k) if (wholePercentage(k, n) === p) ks.push(k);
  return ks;
}

function solveYear(rng: Random, enrolled: number[], percents: number[], totalPercent: number): number[] | null {
  const options = enrolled.map((n, i) => countsWithPercent(percents[i], n));
  if (options.some((ks) => ks.length === 0)) return null;
  const total = enrolled.reduce((a, b) => a + b, 0);
  const lo = options.reduce((a, ks) => a + ks[0], 0);
  const hi = options.reduce((a, ks) => a + ks[ks.length - 1], 0);
  const ideal = options.reduce((a, ks, i) => a + (enrolled[i] * percents[i]) / 100, 0);
  let best: number | null = null;
  for (let K = lo; K <= hi; ++K) {
    if (round2((100 * K) / total) !== totalPercent) continue;
    if (best === null || Math.abs(K - ideal) < Math.abs(best - ideal)) best = K;
  }
  if (best === null) return null;
  // Start from each school's count nearest its printed percentage, then walk to the total.
  const k = options.map((ks, i) => ks.reduce((a, b) => (Math.abs(b - (enrolled[i] * percents[i]) / 100) < Math.abs(a - (enrolled[i] * percents[i]) / 100) ? b : a)));
  let sum = k.reduce((a, b) => a + b, 0);
  while (sum !== best) {
    const step = sum < best ? 1 : -1;
    const movable = k.map((_, i) => i).filter((i) => options[i].includes(k[i] + step));
    const i = rng.pick(movable);
    k[i] += step;
    sum += step;
  }
  return k;
}

export function chooseYearCounts(rng: Random, targets: Targets): YearCounts {
  const last = targets.years.length - 1;
  for (let attempt = 0; attempt < 1000; ++attempt) {
    const enrolled = targets.schools.map((school) => {
      const trend = (rng.next() * 2 - 1) * ENROLMENT_TREND;
      return targets.years.map((_, y) => Math.round(school.pupilsLatest * (1 + trend * (last - y))));
    });
    const withCareByYear = targets.years.map((_, y) =>
      solveYear(
        rng,
        enrolled.map((e) => e[y]),
        targets.schools.map((s) => s.percentByYear[y]),
        targets.totalPercentByYear[y]
      )
    );
    if (withCareByYear.some((k) => k === null)) continue;
    const withCare = targets.schools.map((_, s) => targets.years.map((_, y) => withCareByYear[y]![s]));
    return {enrolled, withCare};
  }
  throw new Error("no enrolment counts reproduce the printed percentages; check the targets");
}
