// Which counts the published numbers already determine: linear span over the atoms.
//
// A count that is a linear combination of published counts is known as soon as they are. If every
// count in the combination is published exactly, the count is known exactly; if one of them is
// withheld, publishing the count — even with noise — bounds the withheld one. Noise cannot protect it:
// a perturbed total of exact parts and one withheld part w (≥ 1) leaves w between 1 and the total's
// highest consistent value minus the parts, and that range is as wide as the noise reaches down,
// whatever the noise (cubeCells.ts withholds such cells).
//
// Arithmetic modulo a prime below 2^26, so products stay exact in doubles. A combination over the
// rationals is one modulo p too, so "in the span" is never missed; the converse can err only when p
// divides a determinant of the 0/1 system, which then withholds a cell too many — the safe side.

import type {Term} from "./model.js";

const P = 67_108_859;

function inverse(a: number): number {
  // Fermat: a^(p−2) mod p, by squaring.
  let result = 1;
  let base = a % P;
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

/** A vector modulo P: its nonzero columns and their values. */
interface SparseRow {
  columns: Int32Array;
  values: Int32Array;
}

/** A min-heap of row indices: the rows still to subtract, in the order they were added. */
class RowQueue {
  private readonly heap: number[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(k: number): void {
    const heap = this.heap;
    heap.push(k);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= heap[i]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left] < heap[smallest]) smallest = left;
        if (right < heap.length && heap[right] < heap[smallest]) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}

/**
 * Vectors over a fixed set of variables, added one by one; answers whether a vector lies in their span.
 * Sparse: a release of 500 schools has tens of thousands of pupil atoms and as many published counts,
 * each over a handful of atoms; dense rows were gigabytes and every question cost rank × atoms steps
 * (the 500-school benchmark spent more than 20 minutes here without finishing).
 */
export class Span {
  private readonly rows: SparseRow[] = [];
  private readonly pivots: number[] = [];
  /** Column → the row whose pivot it is. */
  private readonly pivotRow: Map<number, number>;

  constructor(
    private readonly columnOf: ReadonlyMap<number, number>,
    pivotRow: Map<number, number> = new Map()
  ) {
    this.pivotRow = pivotRow;
  }

  get rank(): number {
    return this.rows.length;
  }

  /** A copy that can grow on its own (rows are never changed once added, so they are shared). */
  clone(): Span {
    const copy = new Span(this.columnOf, new Map(this.pivotRow));
    copy.rows.push(...this.rows);
    copy.pivots.push(...this.pivots);
    return copy;
  }

  /** Adds the vector; false when it was in the span already. */
  add(terms: readonly Term[]): boolean {
    const v = this.reduce(terms);
    if (v.size === 0) return false;
    const columns = Int32Array.from([...v.keys()].sort((a, b) => a - b));
    const pivot = columns[0];
    const scale = inverse(v.get(pivot)!);
    const values = Int32Array.from(columns, (column) => (v.get(column)! * scale) % P);
    this.pivotRow.set(pivot, this.rows.length);
    this.rows.push({columns, values});
    this.pivots.push(pivot);
    return true;
  }

  contains(terms: readonly Term[]): boolean {
    return this.reduce(terms).size === 0;
  }

  /**
   * The vector minus its part in the span, as a map of its nonzero columns. Rows are subtracted in
   * the order they were added: row k is zero at the pivots of rows before it, so subtracting it never
   * undoes an earlier step, and a later row only needs subtracting once its pivot is nonzero — which
   * the queue learns from the columns each subtraction touches.
   */
  private reduce(terms: readonly Term[]): Map<number, number> {
    const v = new Map<number, number>();
    for (const {variable, coefficient} of terms) {
      const column = this.columnOf.get(variable);
      if (column === undefined) throw new Error(`Openbaarmakingsmodel: variabele ${variable} hoort niet bij deze ruimte.`);
      const value = ((((v.get(column) ?? 0) + coefficient) % P) + P) % P;
      if (value === 0) v.delete(column);
      else v.set(column, value);
    }
    const queue = new RowQueue();
    for (const column of v.keys()) {
      const k = this.pivotRow.get(column);
      if (k !== undefined) queue.push(k);
    }
    let done = -1;
    while (queue.size > 0) {
      const k = queue.pop();
      if (k <= done) continue;
      done = k;
      const factor = v.get(this.pivots[k]);
      if (factor === undefined) continue;
      const {columns, values} = this.rows[k];
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        const value = ((v.get(column) ?? 0) - ((factor * values[i]) % P) + P) % P;
        if (value === 0) {
          v.delete(column);
          continue;
        }
        v.set(column, value);
        const later = this.pivotRow.get(column);
        if (later !== undefined && later > k) queue.push(later);
      }
    }
    return v;
  }
}
