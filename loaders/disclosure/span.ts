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

/** Vectors over a fixed set of variables, added one by one; answers whether a vector lies in their span. */
export class Span {
  private readonly rows: Int32Array[] = [];
  private readonly pivots: number[] = [];

  constructor(private readonly columnOf: ReadonlyMap<number, number>) {}

  get rank(): number {
    return this.rows.length;
  }

  /** A copy that can grow on its own. */
  clone(): Span {
    const copy = new Span(this.columnOf);
    copy.rows.push(...this.rows.map((row) => row.slice()));
    copy.pivots.push(...this.pivots);
    return copy;
  }

  /** Adds the vector; false when it was in the span already. */
  add(terms: readonly Term[]): boolean {
    const v = this.reduce(terms);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return false;
    const scale = inverse(v[pivot]);
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) v[i] = (v[i] * scale) % P;
    this.rows.push(v);
    this.pivots.push(pivot);
    return true;
  }

  contains(terms: readonly Term[]): boolean {
    return this.reduce(terms).every((x) => x === 0);
  }

  /**
   * The vector minus its part in the span. Rows in the order they were added: row k is zero at the
   * pivots of rows before it, so subtracting it never undoes an earlier step.
   */
  private reduce(terms: readonly Term[]): Int32Array {
    const v = new Int32Array(this.columnOf.size);
    for (const {variable, coefficient} of terms) {
      const column = this.columnOf.get(variable);
      if (column === undefined) throw new Error(`Openbaarmakingsmodel: variabele ${variable} hoort niet bij deze ruimte.`);
      v[column] = (((v[column] + coefficient) % P) + P) % P;
    }
    for (let k = 0; k < this.rows.length; k++) {
      const factor = v[this.pivots[k]];
      if (factor === 0) continue;
      const row = this.rows[k];
      for (let i = 0; i < v.length; i++) if (row[i] !== 0) v[i] = (v[i] - ((factor * row[i]) % P) + P) % P;
    }
    return v;
  }
}
