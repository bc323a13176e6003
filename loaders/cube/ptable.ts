// The perturbation table (ptable) of the cell-key method, as used for the explorer's cube (ABS
// TableBuilder, ONS, Destatis). A cell's published value is looked up by its true count n and its
// cell key (the sum of its records' keys, mod 2^32): the key picks a position in the row of n, and
// the row says which published value sits there. The table is public — publishing it costs nothing,
// because the keys are secret — and it is designed so that:
//
//  - zeros stay 0 (an empty cell has no records, so no key to perturb with);
//  - no value 1 … minCount − 1 is ever published, and a small true count 1 … minCount − 1 is
//    published as 0 or as exactly minCount — so a published value above minCount says the true
//    count is at least minCount, and combined with the report's "< 5" the cube narrows nothing;
//  - every row is unbiased (its mean is n, up to the 2^-16 quantisation of its probabilities);
//  - the noise is bounded: |published − n| ≤ minCount (reached only by n = minCount → 0); from
//    n = 2·minCount + 1 on at most ± ceil(minCount/2): 3 by default;
//  - the disclosure criterion: for every value v that can be published, the true counts that can
//    give v span hi − lo ≥ minCount (consistentRange). With minCount 5: v = 0 comes from 0 … 5,
//    5 from 1 … 8, 6 and 7 from 5 … 10, 8 from 5 … 11, and every v ≥ 9 from v − 3 … v + 3. That
//    is why the largest deviation is minCount: a published 0 must be able to hide a true 5.
//
// Design, for minCount m and L = ceil(m/2) (2L ≥ m, so a window of ±L is wide enough):
//   row 0             = {0};
//   rows 1 … m − 1    = {0, m} (the only unbiased pair: P(m) = n/m);
//   row m             = {0, m … m + L};
//   rows n > m        = m … n + L from n − L up (never below m); row 2m reaches down to m + 1, so
//                       that m + 1 … m + L, which only counts from m up can give, still come from
//                       counts m apart (when m > L + 1);
//   probabilities ∝ 2^-|v − n| (a two-sided geometric kernel: most mass on the true value and its
//                       neighbours), tilted by e^(λ·(v − n)) with λ found by bisection so that the
//                       row's mean is n (the maximum-entropy tilt of the kernel, as the R package
//                       `ptable` does with its own kernel);
//   quantised to integers out of 2^16 by largest remainders, every support value kept ≥ 1.
// From n = 2m + 1 (11 by default) on, every row is the same noise distribution shifted: with m = 5
// the noise −3 … +3 has probabilities 4,5 / 9,1 / 18,2 / 36,4 / 18,2 / 9,1 / 4,5 % (sd 1,4).

import type {Settings} from "../model.js";

/** Probabilities are integers out of 2^16; a cell key (uint32) picks a position by its top 16 bits. */
export const PTABLE_SCALE = 1 << 16;

export interface PtableRow {
  /** The true count n (the last row stands for n and every larger count, shifted). */
  count: number;
  /** Published values, ascending. */
  values: number[];
  /** Out of PTABLE_SCALE, one per value; they add up to PTABLE_SCALE. */
  weights: number[];
}

export interface PerturbationTable {
  minCount: number;
  /** Largest |published − true| anywhere in the table: minCount. */
  maxDeviation: number;
  /** Largest |published − true| from stationaryFrom on: ceil(minCount / 2). */
  largeDeviation: number;
  /** Rows for n ≥ this are rows[stationaryFrom] shifted by n − stationaryFrom. */
  stationaryFrom: number;
  rows: PtableRow[];
}

type MinCountSettings = Pick<Settings, "suppression">;

const tables = new Map<number, PerturbationTable>();

export function perturbationTable(settings: MinCountSettings): PerturbationTable {
  const m = settings.suppression.minCount;
  let table = tables.get(m);
  if (!table) tables.set(m, (table = buildTable(m)));
  return table;
}

function buildTable(m: number): PerturbationTable {
  const large = Math.ceil(m / 2);
  const reachDown = m > large + 1;
  const stationaryFrom = reachDown ? 2 * m + 1 : m + large;
  const rows: PtableRow[] = [{count: 0, values: [0], weights: [PTABLE_SCALE]}];
  for (let n = 1; n <= stationaryFrom; n++) {
    const values: number[] = n <= m ? [0] : [];
    if (n < m) values.push(m);
    else {
      const lowest = reachDown && n === 2 * m ? m + 1 : Math.max(m, n - large);
      for (let v = lowest; v <= n + large; v++) values.push(v);
    }
    rows.push({count: n, values, weights: quantise(tiltedProbabilities(n, values))});
  }
  return {minCount: m, maxDeviation: m, largeDeviation: large, stationaryFrom, rows};
}

/** p(v) ∝ 2^-|v−n| · e^(λ(v−n)), λ such that the mean is n. Plain arithmetic: same bits on every machine. */
function tiltedProbabilities(n: number, values: number[]): number[] {
  const at = (lambda: number) => {
    const w = values.map((v) => Math.pow(2, -Math.abs(v - n)) * Math.exp(lambda * (v - n)));
    const total = w.reduce((s, x) => s + x, 0);
    return w.map((x) => x / total);
  };
  const meanShift = (lambda: number) => at(lambda).reduce((s, p, i) => s + p * (values[i] - n), 0);
  // The support lies on both sides of n, so the mean shift runs from negative to positive in λ.
  let lo = -20;
  let hi = 20;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (meanShift(mid) > 0) hi = mid;
    else lo = mid;
  }
  return at((lo + hi) / 2);
}

/** Largest-remainder rounding to integers out of PTABLE_SCALE, each at least 1. */
function quantise(probabilities: number[]): number[] {
  const exact = probabilities.map((p) => p * PTABLE_SCALE);
  const weights = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = PTABLE_SCALE - weights.reduce((s, w) => s + w, 0);
  const order = exact.map((x, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) weights[order[k]]++;
  // A weight raised to 1 can overshoot by a unit or two: take it from the largest.
  while (left < 0) {
    weights[weights.indexOf(Math.max(...weights))]--;
    left++;
  }
  return weights;
}

/** The row of n: the table's own row, or the stationary row shifted. */
export function ptableRow(count: number, settings: MinCountSettings): PtableRow {
  const table = perturbationTable(settings);
  if (count <= table.stationaryFrom) return table.rows[count];
  const last = table.rows[table.stationaryFrom];
  const shift = count - table.stationaryFrom;
  return {count, values: last.values.map((v) => v + shift), weights: last.weights};
}

/**
 * The published value of a cell with true count `count` and cell key `cellKey` (uint32: the sum of
 * the cell's record keys mod 2^32). Deterministic: the same records always give the same value.
 */
export function perturb(count: number, cellKey: number, settings: MinCountSettings): number {
  if (count === 0) return 0;
  // No ptableRow(): this runs for every cell of a national cube, and a shifted row is a new array.
  const table = perturbationTable(settings);
  const row = table.rows[Math.min(count, table.stationaryFrom)];
  const shift = count - row.count;
  const position = cellKey >>> 16;
  let cumulative = 0;
  for (let i = 0; i < row.values.length; i++) {
    cumulative += row.weights[i];
    if (position < cumulative) return row.values[i] + shift;
  }
  throw new Error(`Verstoringstabel: rij ${count} telt niet op tot ${PTABLE_SCALE}.`);
}

/**
 * The true counts that can be published as `published` under the public table: [lowest, highest],
 * or null when `published` is never published (negative, or 1 … minCount − 1). For the disclosure
 * audit (loaders/disclosure/): what the cube alone proves about a cell.
 */
export function consistentRange(published: number, settings: MinCountSettings): [number, number] | null {
  const table = perturbationTable(settings);
  let lo = Infinity;
  let hi = -Infinity;
  for (let n = Math.max(0, published - table.maxDeviation); n <= published + table.maxDeviation; n++) {
    const row = ptableRow(n, settings);
    const i = row.values.indexOf(published);
    if (i >= 0 && row.weights[i] > 0) {
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
    }
  }
  return lo === Infinity ? null : [lo, hi];
}

/** P(published = v | true count n) for every v of the row, as fractions. */
export function perturbationProbabilities(count: number, settings: MinCountSettings): {value: number; probability: number}[] {
  const row = ptableRow(count, settings);
  return row.values.map((value, i) => ({value, probability: row.weights[i] / PTABLE_SCALE}));
}
