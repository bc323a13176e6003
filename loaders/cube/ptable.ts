// The perturbation table (ptable) of the cell-key method, as used for the explorer's cube (ABS
// TableBuilder, ONS, Destatis). A cell's published value is looked up by its true count n and its
// cell key (the sum of its records' keys, mod 2^32): the key picks a position in the row of n, and
// the row says which published value sits there. The table is public — publishing it costs nothing,
// because the keys are secret — and it is designed so that:
//
//  - zeros stay 0 (an empty cell has no records, so no key to perturb with);
//  - small counts are rounded: a true count 1 … s − 1 (s = suppression.cubeRoundBelow, default
//    3·minCount = 15) is published as 0 or as exactly s, so no value 1 … s − 1 is ever published.
//    Why s and not minCount: the report withholds counts ("·", each 1 or more) and the cube shows
//    cells that contain them. Were a cube 0 to mean 0 … minCount, a withheld count inside it would
//    be 1 … minCount, narrower than the rule; with k withheld counts inside, 1 … minCount − k + 1.
//    Measured on the default data with the dist-only attacker of tests/unit/cube-disclosure.test.ts
//    (bound propagation over every published file, with cubeCells.ts' tied cells withheld):
//    s = 10 left 86 counts pinned, s = 15 none;
//  - every row is unbiased (its mean is n, up to the 2^-16 quantisation of its probabilities);
//  - the noise is bounded: |published − n| ≤ s − 1 (reached only by 1 → s and s − 1 → 0); from
//    n = s + minCount + 1 on at most ± ceil(minCount/2): 3 by default;
//  - the disclosure criterion: for every value v that can be published, the true counts that can
//    give v span hi − lo ≥ minCount (consistentRange). With the defaults: 0 comes from 0 … 14,
//    15 from 1 … 18, 16 and 17 from 15 … 20, 18 from 15 … 21, and every v ≥ 19 from v − 3 … v + 3.
//
// Design, for minCount m, rounding threshold s ≥ m and L = ceil(m/2) (2L ≥ m, so ±L is wide enough):
//   row 0             = {0};
//   rows 1 … s − 1    = {0, s} (the only unbiased pair: P(s) = n/s);
//   row s             = {s … s + L} (and 0 too when s = m, so that 0 ← 0 … m spans m);
//   rows n > s        = n − L … n + L, never below s; row s + m reaches down to s + 1, so that
//                       s + 1 … s + L, which only counts from s up can give, still come from counts
//                       m apart (when m > L + 1);
//   probabilities ∝ 2^-|v − n| (a two-sided geometric kernel: most mass on the true value and its
//                       neighbours), tilted by e^(λ·(v − n)) with λ found by bisection so that the
//                       row's mean is n (the maximum-entropy tilt of the kernel, as the R package
//                       `ptable` does with its own kernel);
//   quantised to integers out of 2^16 by largest remainders, every support value kept ≥ 1.
// From n = s + m + 1 (21 by default) on, every row is the same noise distribution shifted: with m = 5
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
  /** Counts 1 … roundBelow − 1 are published as 0 or roundBelow. */
  roundBelow: number;
  /** Largest |published − true| anywhere in the table: roundBelow − 1 (minCount when roundBelow = minCount). */
  maxDeviation: number;
  /** Largest |published − true| from roundBelow on (4 by default: row s + m reaches down to s + 1). */
  roundedDeviation: number;
  /** Largest |published − true| from stationaryFrom on: ceil(minCount / 2). */
  largeDeviation: number;
  /** Rows for n ≥ this are rows[stationaryFrom] shifted by n − stationaryFrom. */
  stationaryFrom: number;
  rows: PtableRow[];
}

type MinCountSettings = {suppression: Pick<Settings["suppression"], "minCount" | "cubeRoundBelow">};

/** The rounding threshold when instellingen.json sets none (schema.ts: lower needs confirmLowerMinCount). */
export function defaultCubeRoundBelow(minCount: number): number {
  return 3 * minCount;
}

/** Counts below this are published as 0 or as exactly this value: suppression.cubeRoundBelow, default 3·minCount. */
export function cubeRoundBelow(settings: MinCountSettings): number {
  return settings.suppression.cubeRoundBelow ?? defaultCubeRoundBelow(settings.suppression.minCount);
}

const tables = new Map<string, PerturbationTable>();

export function perturbationTable(settings: MinCountSettings): PerturbationTable {
  const m = settings.suppression.minCount;
  const s = cubeRoundBelow(settings);
  const id = `${m}:${s}`;
  let table = tables.get(id);
  if (!table) tables.set(id, (table = buildTable(m, s)));
  return table;
}

function buildTable(m: number, s: number): PerturbationTable {
  const large = Math.ceil(m / 2);
  // Published s + 1 … s + large can only come from counts s and up; one row reaching down to s + 1
  // from s + m makes them span m.
  const reachDown = m > large + 1;
  const stationaryFrom = reachDown ? s + m + 1 : s + large;
  const rows: PtableRow[] = [{count: 0, values: [0], weights: [PTABLE_SCALE]}];
  for (let n = 1; n <= stationaryFrom; n++) {
    // 0 ← 0 … s − 1 spans m once s > m; with s = m the row of m must give 0 too.
    const values: number[] = n < s || (n === s && s === m) ? [0] : [];
    if (n < s) values.push(s);
    else {
      const lowest = reachDown && n === s + m ? s + 1 : Math.max(s, n - large);
      for (let v = lowest; v <= n + large; v++) values.push(v);
    }
    rows.push({count: n, values, weights: quantise(tiltedProbabilities(n, values))});
  }
  const deviation = (from: number) => Math.max(...rows.slice(from).flatMap((row) => row.values.map((v) => Math.abs(v - row.count))));
  return {minCount: m, roundBelow: s, maxDeviation: deviation(0), roundedDeviation: deviation(s), largeDeviation: large, stationaryFrom, rows};
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
 * or null when `published` is never published (negative, or 1 … roundBelow − 1). For the disclosure
 * audit (loaders/disclosure/): what the cube alone proves about a cell.
 */
export function consistentRange(published: number, settings: MinCountSettings): readonly [number, number] | null {
  const table = perturbationTable(settings);
  // Remembered per table: the disclosure model asks it twice for each of the cube's own cells, over
  // a million times for the national input, where one answer walks and shifts a dozen rows.
  let ranges = rangesOf.get(table);
  if (!ranges) rangesOf.set(table, (ranges = new Map()));
  let range = ranges.get(published);
  if (range === undefined) ranges.set(published, (range = rangeIn(table, published, settings)));
  return range;
}

const rangesOf = new WeakMap<PerturbationTable, Map<number, readonly [number, number] | null>>();

function rangeIn(table: PerturbationTable, published: number, settings: MinCountSettings): readonly [number, number] | null {
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
