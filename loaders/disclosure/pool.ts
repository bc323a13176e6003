// The pool of feasible points the audit (audit.ts) and the secondary suppression (secondary.ts) keep:
// the true point and every LP vertex they meet. A small count whose values over the pool already lie
// far enough apart is protected without solving for it.
//
// Two spreads: over all points, a spread of width + 1 holds for the integer interval too (its ends
// round inward by less than 1 each); over the points in whole numbers — the truth, and the many LP
// vertices that are integral — a spread of width is enough, since those are integer points. The
// second is what proves a cell whose own form leaves exactly `width` (a perturbed 0 of the cube says
// 0 … 5): no real point lies outside it, so the first spread can never reach width + 1.

import {evaluate, type PublishedCell, type Term} from "./model.js";

const EPS = 1e-7;

export class SpreadPool {
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly intMin: Float64Array;
  private readonly intMax: Float64Array;
  /**
   * With `keepPoints`: the points added that still hold an extreme of a watched cell (by id, the
   * order they were added; undefined once no extreme refers to it), per cell which of them hold its
   * four extremes, and per point how many extremes it holds. Only extremes become witnesses, and a
   * search of a large system meets tens of thousands of LP vertices: kept all, they filled a 4 GB heap
   * at 500 schools.
   */
  private readonly points: (Float64Array | undefined)[] = [];
  private readonly extremes: Int32Array[];
  private readonly holds: number[] = [];

  constructor(
    private readonly cells: readonly Pick<PublishedCell, "terms">[],
    /** The cells to follow (indices into cells). */
    private readonly watched: readonly number[],
    private readonly keepPoints = false
  ) {
    const n = cells.length;
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
    this.intMin = new Float64Array(n).fill(Infinity);
    this.intMax = new Float64Array(n).fill(-Infinity);
    this.extremes = keepPoints ? [0, 1, 2, 3].map(() => new Int32Array(n).fill(-1)) : [];
  }

  add(point: ArrayLike<number>): void {
    const integral = isIntegral(point);
    const id = this.points.length;
    if (this.keepPoints) {
      this.points.push(Float64Array.from(point));
      this.holds.push(0);
    }
    for (const i of this.watched) this.record(i, evaluate(this.cells[i].terms, point), integral, id);
    if (this.keepPoints && this.holds[id] === 0) this.points[id] = undefined;
  }

  /** One watched cell's value at point `id` (−1 when points are not kept): the four extremes, the
   *  integral two only from a point in whole numbers. */
  private record(i: number, v: number, integral: boolean, id: number): void {
    const bounds = [this.min, this.max, this.intMin, this.intMax];
    for (let k = 0; k < (integral ? 4 : 2); k++) {
      const below = k % 2 === 0;
      if (below ? v >= bounds[k][i] : v <= bounds[k][i]) continue;
      bounds[k][i] = v;
      if (!this.extremes[k]) continue;
      const previous = this.extremes[k][i];
      this.extremes[k][i] = id;
      this.holds[id]++;
      if (previous >= 0 && --this.holds[previous] === 0) this.points[previous] = undefined;
    }
  }

  /**
   * A point given by where it differs from `base`, a point added before (the truth): only the watched
   * cells over the changed variables are evaluated, so checking thousands of witnesses of a large
   * system costs their own size, not the system's.
   */
  addSparse(point: SparsePoint, base: ArrayLike<number>): void {
    if (this.keepPoints) return this.add(densePoint(point, base));
    this.sparse ??= new SparseEvaluator(this.watched.map((i) => this.cells[i].terms), base);
    const integral = isIntegral(point.map(([, v]) => v));
    this.sparse.forEachChanged(point, (k, value) => this.record(this.watched[k], value, integral, -1));
  }
  private sparse?: SparseEvaluator;

  /**
   * The points that prove the watched cells the pool proves, two per cell at most and each point
   * once: a certificate that a later check of the same (or a looser) system can verify row by row
   * instead of solving again (audit.ts `witnesses`). Needs `keepPoints`.
   */
  witnesses(width: number): Float64Array[] {
    const [argMin, argMax, intArgMin, intArgMax] = this.extremes;
    const ids = new Set<number>();
    for (const i of this.watched) {
      if (this.intMax[i] - this.intMin[i] >= width - EPS) ids.add(intArgMin[i]).add(intArgMax[i]);
      else if (this.max[i] - this.min[i] >= width + 1 - EPS) ids.add(argMin[i]).add(argMax[i]);
    }
    return [...ids].sort((a, b) => a - b).map((id) => this.points[id] as Float64Array);
  }

  /** The cell's values over the pool prove an integer interval at least `width` wide. */
  proves(i: number, width: number): boolean {
    return this.max[i] - this.min[i] >= width + 1 - EPS || this.intMax[i] - this.intMin[i] >= width - EPS;
  }

  /** The integer interval the pool proves (an inner bound of the true one), for a proving cell. */
  interval(i: number, width: number): {lo: number; hi: number} {
    if (this.intMax[i] - this.intMin[i] >= width - EPS) return {lo: Math.round(this.intMin[i]), hi: Math.round(this.intMax[i])};
    return {lo: Math.ceil(this.min[i] - EPS), hi: Math.floor(this.max[i] + EPS)};
  }
}

export function isIntegral(point: ArrayLike<number>): boolean {
  for (let j = 0; j < point.length; j++) if (Math.abs(point[j] - Math.round(point[j])) > 1e-6) return false;
  return true;
}

/**
 * Objectives that spread the pool over many cells at once: every watched cell in one objective with a
 * random sign, from a fixed seed so builds repeat. Solve each, maximising and minimising in turn.
 */
export function spreadObjectives(cells: readonly Pick<PublishedCell, "terms">[], watched: readonly number[], rounds: number, seed: number): Term[][] {
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({length: rounds}, () =>
    watched.flatMap((i) => {
      const sign = random() < 0.5 ? -1 : 1;
      return cells[i].terms.map((t) => ({variable: t.variable, coefficient: sign * t.coefficient}));
    })
  );
}

/**
 * A feasible point as it is kept beside a secondary pattern: the variables where it differs from the
 * true point, as [variable, value] pairs (most atoms are pinned by exact counts and equal the truth).
 */
export type SparsePoint = [number, number][];

export function sparsePoint(point: ArrayLike<number>, truth: ArrayLike<number>, variables: ArrayLike<number> | null = null): SparsePoint {
  const out: SparsePoint = [];
  for (let k = 0; k < point.length; k++) {
    // A part's point (parts.ts) names its k-th value's variable in `variables`.
    const j = variables === null ? k : variables[k];
    const v = Math.abs(point[k] - Math.round(point[k])) <= 1e-9 ? Math.round(point[k]) : point[k];
    if (v !== truth[j]) out.push([j, v]);
  }
  return out;
}

export function densePoint(sparse: SparsePoint, truth: ArrayLike<number>): Float64Array {
  const point = Float64Array.from(truth);
  for (const [j, v] of sparse) point[j] = v;
  return point;
}

/**
 * Linear expressions at points given as differences from one base point: each expression's value at
 * the base once, then per point only the expressions over its changed variables (the pool's watched
 * cells, the audit's rows). The expressions per variable sit in flat arrays and the sums in one
 * reused array, not in maps: the 500-school audit checked 17 481 points of thousands of variables
 * each, and with maps that took 488 s (bench/README.md).
 */
export class SparseEvaluator {
  readonly baseValue: Float64Array;
  /** Per variable v, its expressions and coefficients are at [start[v], start[v + 1]). */
  private readonly start: Int32Array;
  private readonly expression: Int32Array;
  private readonly coefficient: Float64Array;
  private readonly sum: Float64Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;

  constructor(
    expressions: readonly (readonly Term[])[],
    private readonly base: ArrayLike<number>
  ) {
    this.baseValue = Float64Array.from(expressions, (terms) => evaluate(terms, base));
    const variables = expressions.reduce((most, terms) => terms.reduce((m, t) => Math.max(m, t.variable + 1), most), base.length);
    this.start = new Int32Array(variables + 1);
    for (const terms of expressions) for (const t of terms) this.start[t.variable + 1]++;
    for (let v = 0; v < variables; v++) this.start[v + 1] += this.start[v];
    const next = this.start.slice(0, variables);
    this.expression = new Int32Array(this.start[variables]);
    this.coefficient = new Float64Array(this.start[variables]);
    expressions.forEach((terms, k) => {
      for (const t of terms) {
        this.expression[next[t.variable]] = k;
        this.coefficient[next[t.variable]++] = t.coefficient;
      }
    });
    this.sum = new Float64Array(expressions.length);
    this.touched = new Int32Array(expressions.length);
    this.isTouched = new Uint8Array(expressions.length);
  }

  /**
   * Visits the expressions the point changes (by index, in the order the point first reaches them)
   * with their values there; a visit that returns false ends the walk.
   */
  forEachChanged(point: SparsePoint, visit: (k: number, value: number) => boolean | void): void {
    let n = 0;
    for (const [j, v] of point) {
      if (!(j >= 0 && j < this.start.length - 1)) continue;
      const delta = v - this.base[j];
      for (let e = this.start[j]; e < this.start[j + 1]; e++) {
        const k = this.expression[e];
        if (this.isTouched[k] === 0) {
          this.isTouched[k] = 1;
          this.sum[k] = this.baseValue[k];
          this.touched[n++] = k;
        }
        this.sum[k] += this.coefficient[e] * delta;
      }
    }
    let going = true;
    for (let i = 0; i < n; i++) {
      const k = this.touched[i];
      if (going && visit(k, this.sum[k]) === false) going = false;
      this.isTouched[k] = 0;
    }
  }
}
