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

  constructor(
    private readonly cells: readonly Pick<PublishedCell, "terms">[],
    /** The cells to follow (indices into cells). */
    private readonly watched: readonly number[]
  ) {
    const n = cells.length;
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
    this.intMin = new Float64Array(n).fill(Infinity);
    this.intMax = new Float64Array(n).fill(-Infinity);
  }

  add(point: ArrayLike<number>): void {
    const integral = isIntegral(point);
    for (const i of this.watched) {
      const v = evaluate(this.cells[i].terms, point);
      if (v < this.min[i]) this.min[i] = v;
      if (v > this.max[i]) this.max[i] = v;
      if (integral) {
        if (v < this.intMin[i]) this.intMin[i] = v;
        if (v > this.intMax[i]) this.intMax[i] = v;
      }
    }
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
