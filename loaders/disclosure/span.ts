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
// rationals is one modulo p too, so "in the span" is never missed that way; the converse can err only
// when p divides a determinant of the 0/1 system, which then withholds a cell too many — the safe side.
//
// How, at the scale of hundreds of schools (tens of thousands of atoms, tens of thousands of
// questions): a plain elimination over every atom costs rank × atoms per question, which took hours at
// 500 schools. Two things make it cheap.
//  - Blocks. Most published counts are a school's or a few schools' (a factsheet, a Tabel 6 row): the
//    vectors are grouped, smallest first, into blocks of at most `blockSize` atoms that no larger
//    vector crosses. Each block is eliminated on its own; a vector that crosses blocks (a board's or
//    the municipality's count) is first reduced within each block it touches, and only what is left —
//    its part outside the blocks' spans, in the blocks' free coordinates — is eliminated globally,
//    in rows kept sparse (SparseEchelon): as dense rows the global step held rank × free numbers, which
//    for a country (some 200 000 free coordinates) grew by a gigabyte every half minute until the
//    kernel stopped the build.
//  - Witnesses. A vector lies in the span exactly when it is orthogonal to every vector of the
//    span's annihilator. Instead of reducing each question, a few random vectors of the annihilator
//    are solved once (back-substitution through the global and the block eliminations), and a
//    question costs a dot product per witness over its own atoms. A question inside the span always
//    gives 0; one outside gives 0 for a random witness with probability 1/p (the dot product is then
//    a nonzero linear function of a uniformly random vector), so with WITNESSES witnesses a wrong
//    "inside" has probability p^−3 ≈ 3·10^−24 per question. The seed is fixed, so every build decides
//    alike. Such an error would leave a tied cell perturbed, and the build's audit, which solves every
//    published number together, would still refuse a release in which that cell narrows a withheld one.

import {Random} from "../synthetic/random.js";
import type {Term} from "./model.js";

const P = 67_108_859;
const WITNESSES = 3;

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

/** Dense Gaussian elimination over a few columns (a block, or the blocks' free coordinates). */
class Echelon {
  /** Row k is zero at the pivots of rows before it, and 1 at its own pivot. */
  readonly rows: Int32Array[] = [];
  readonly pivots: number[] = [];
  /** `residual`'s result, reused from vector to vector. */
  private scratch = new Float64Array(0);

  /** Subtracts the rows from v in place; v is then zero at every pivot. */
  reduce(v: Int32Array): Int32Array {
    for (let k = 0; k < this.rows.length; k++) {
      const factor = v[this.pivots[k]];
      if (factor === 0) continue;
      const row = this.rows[k];
      for (let i = 0; i < v.length; i++) if (row[i] !== 0) v[i] = (v[i] - ((factor * row[i]) % P) + P) % P;
    }
    return v;
  }

  add(v: Int32Array): void {
    this.reduce(v);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const scale = inverse(v[pivot]);
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) v[i] = (v[i] * scale) % P;
    this.rows.push(v);
    this.pivots.push(pivot);
  }

  /**
   * Makes every row zero at the other rows' pivots as well (reduced row echelon form): a vector's part
   * outside the span is then read off in one pass (`residual`). The span and every answer stay the same.
   */
  reduceFully(): void {
    for (let k = this.rows.length - 1; k >= 0; k--) {
      const row = this.rows[k];
      const pivot = this.pivots[k];
      for (let j = 0; j < k; j++) {
        const other = this.rows[j];
        const factor = other[pivot];
        if (factor === 0) continue;
        for (let i = 0; i < other.length; i++) if (row[i] !== 0) other[i] = (other[i] - ((factor * row[i]) % P) + P) % P;
      }
    }
  }

  /**
   * What v leaves outside the rows' span, at the free columns (in `free`'s numbering: a column's free
   * index, −1 at a pivot), added to `into`, after reduceFully: v's free part less, per pivot where v is
   * nonzero, that much of the pivot's row. The same numbers `reduce` leaves there, without walking
   * every row over every column: a country's tie check reduced each municipal count in every block
   * that way (70 of 95 s in a CPU profile).
   */
  residual(v: ArrayLike<number>, free: Int32Array, into: (freeColumn: number, value: number) => void): void {
    // v may be longer than the block (a shared scratch vector): only its first `free.length` entries count.
    const width = free.length;
    const result = this.scratch.length === width ? this.scratch.fill(0) : (this.scratch = new Float64Array(width));
    for (let c = 0; c < width; c++) if (free[c] >= 0) result[c] = v[c];
    for (let k = 0; k < this.rows.length; k++) {
      const factor = v[this.pivots[k]];
      if (factor === 0) continue;
      const row = this.rows[k];
      for (let c = 0; c < width; c++) if (row[c] !== 0 && free[c] >= 0) result[c] = (result[c] - ((factor * row[c]) % P) + P) % P;
    }
    for (let c = 0; c < width; c++) if (free[c] >= 0 && result[c] !== 0) into(free[c], result[c]);
  }

  /**
   * Given y at the free columns, sets y at the pivots so that every row · y = 0. Last row first: a
   * row is zero at earlier rows' pivots, so it involves only free columns and later rows' pivots.
   */
  solve(y: Int32Array): void {
    for (let k = this.rows.length - 1; k >= 0; k--) {
      const row = this.rows[k];
      const pivot = this.pivots[k];
      let sum = 0;
      for (let i = 0; i < row.length; i++) if (row[i] !== 0 && i !== pivot) sum = (sum + row[i] * y[i]) % P;
      y[pivot] = (P - sum) % P;
    }
  }
}

/**
 * Gaussian elimination over many columns where most rows touch few of them: the crossing vectors'
 * residuals over the blocks' free coordinates. A board's or a few schools' count touches a few blocks;
 * only the municipality's counts touch every block. Rows are kept as their nonzeros, or whole where
 * most columns are nonzero; a vector is reduced in a dense accumulator of which only the touched
 * columns are read and cleared.
 */
class SparseEchelon {
  /** Row k: its nonzero columns (null: every column, in `values` by column) and values; zero at the pivots of rows before it, 1 at its own pivot. */
  private readonly columns: (Int32Array | null)[] = [];
  private readonly values: Int32Array[] = [];
  readonly pivots: number[] = [];
  private readonly accumulator: Float64Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  private touchedCount = 0;

  constructor(
    private readonly width: number,
    /** Per column, how many of the vectors to come touch it: the pivot choice's weight. */
    private readonly weight: Int32Array
  ) {
    this.accumulator = new Float64Array(width);
    this.touched = new Int32Array(width);
    this.isTouched = new Uint8Array(width);
  }

  get rank(): number {
    return this.pivots.length;
  }

  private touch(column: number): void {
    if (this.isTouched[column] === 0) {
      this.isTouched[column] = 1;
      this.touched[this.touchedCount++] = column;
    }
  }

  /**
   * Adds the vector (its nonzero columns and values modulo p) unless the rows span it already. Its
   * pivot is the nonzero column with the least weight: given the columns' counts among the vectors
   * still to come, few later vectors need this row, so little fills in. With the first nonzero
   * instead, at 500 schools 378 of 915 rows became dense and the span took 10 s; so, 18 rows and 1,5 s.
   */
  add(vectorColumns: Int32Array, vectorValues: Int32Array): void {
    const acc = this.accumulator;
    for (let i = 0; i < vectorColumns.length; i++) {
      acc[vectorColumns[i]] = vectorValues[i];
      this.touch(vectorColumns[i]);
    }
    for (let k = 0; k < this.pivots.length; k++) {
      const factor = acc[this.pivots[k]];
      if (factor === 0) continue;
      const columns = this.columns[k];
      const values = this.values[k];
      if (columns === null) {
        for (let c = 0; c < values.length; c++) {
          if (values[c] === 0) continue;
          let x = (acc[c] - factor * values[c]) % P;
          if (x < 0) x += P;
          acc[c] = x;
          this.touch(c);
        }
      } else {
        for (let i = 0; i < columns.length; i++) {
          const c = columns[i];
          let x = (acc[c] - factor * values[i]) % P;
          if (x < 0) x += P;
          acc[c] = x;
          this.touch(c);
        }
      }
    }
    let nonzero = 0;
    let pivot = -1;
    for (let i = 0; i < this.touchedCount; i++) {
      const c = this.touched[i];
      if (acc[c] !== 0) {
        nonzero++;
        if (pivot < 0 || this.weight[c] < this.weight[pivot]) pivot = c;
      }
    }
    if (pivot >= 0) {
      const scale = inverse(acc[pivot]);
      if (nonzero * 4 > this.width) {
        const values = new Int32Array(this.width);
        for (let i = 0; i < this.touchedCount; i++) {
          const c = this.touched[i];
          values[c] = (acc[c] * scale) % P;
        }
        this.columns.push(null);
        this.values.push(values);
      } else {
        const columns = new Int32Array(nonzero);
        const values = new Int32Array(nonzero);
        let n = 0;
        for (let i = 0; i < this.touchedCount; i++) {
          const c = this.touched[i];
          if (acc[c] === 0) continue;
          columns[n] = c;
          values[n++] = (acc[c] * scale) % P;
        }
        this.columns.push(columns);
        this.values.push(values);
      }
      this.pivots.push(pivot);
    }
    for (let i = 0; i < this.touchedCount; i++) {
      acc[this.touched[i]] = 0;
      this.isTouched[this.touched[i]] = 0;
    }
    this.touchedCount = 0;
  }

  /** As Echelon.solve. */
  solve(y: Int32Array): void {
    for (let k = this.pivots.length - 1; k >= 0; k--) {
      const columns = this.columns[k];
      const values = this.values[k];
      const pivot = this.pivots[k];
      let sum = 0;
      if (columns === null) {
        for (let c = 0; c < values.length; c++) if (values[c] !== 0 && c !== pivot) sum = (sum + values[c] * y[c]) % P;
      } else {
        for (let i = 0; i < columns.length; i++) if (columns[i] !== pivot) sum = (sum + values[i] * y[columns[i]]) % P;
      }
      y[pivot] = (P - sum) % P;
    }
  }
}

/** The span of a fixed set of vectors over the given variables; answers whether a vector lies in it. */
export class Span {
  readonly rank: number;
  /** Per witness, its value at each column. */
  private readonly witnesses: Int32Array[] = [];

  constructor(
    private readonly columnOf: ReadonlyMap<number, number>,
    vectors: readonly (readonly Term[])[],
    {blockSize = 128}: {blockSize?: number} = {}
  ) {
    const width = columnOf.size;
    const sparse = vectors.map((terms) => this.sparse(terms)).filter((v) => v.size > 0);
    const {blockOf, localColumn, blockWidths, crossing} = blocksOf(sparse, width, blockSize);
    const blocks = blockWidths.map(() => new Echelon());
    const blockVector = (block: number) => new Int32Array(blockWidths[block]);
    // A vector cut along the blocks: one part per block it touches, in the block's own columns.
    const partsOf = (v: ReadonlyMap<number, number>) => {
      const parts = new Map<number, Int32Array>();
      for (const [column, value] of v) {
        const block = blockOf[column];
        let part = parts.get(block);
        if (!part) parts.set(block, (part = blockVector(block)));
        part[localColumn[column]] = value;
      }
      return parts;
    };
    sparse.forEach((v, i) => {
      if (crossing[i]) return;
      const [[block, part]] = partsOf(v);
      blocks[block].add(part);
    });
    // The blocks' free (non-pivot) columns, numbered in block order: the global coordinates.
    const freeIndex = blocks.map((echelon, block) => {
      const index = new Int32Array(blockWidths[block]);
      for (const pivot of echelon.pivots) index[pivot] = -1;
      return index;
    });
    let free = 0;
    for (const index of freeIndex) for (let c = 0; c < index.length; c++) index[c] = index[c] === -1 ? -1 : free++;
    for (const echelon of blocks) echelon.reduceFully();
    // What the crossing vectors leave outside the blocks' spans, sparse (sorted below, fewest nonzeros
    // first). A crossing vector is taken block by block through one scratch vector: its entries sorted
    // by their place in the blocks laid end to end (each packed with its value into one number). A
    // dense part per block and vector made a municipal count allocate a part for every block of a
    // country (in a CPU profile of the national build, that and its garbage collection were most of
    // the span).
    const blockStart = new Int32Array(blockWidths.length + 1);
    blockWidths.forEach((w, block) => (blockStart[block + 1] = blockStart[block] + w));
    const blockAtPlace = new Int32Array(width);
    for (let block = 0; block < blockWidths.length; block++) blockAtPlace.fill(block, blockStart[block], blockStart[block + 1]);
    const scratch = new Int32Array(blockWidths.reduce((widest, w) => Math.max(widest, w), 0));
    const residuals: {columns: Int32Array; values: Int32Array}[] = [];
    sparse.forEach((v, i) => {
      if (!crossing[i]) return;
      const entries = new Float64Array(v.size);
      let n = 0;
      for (const [column, value] of v) entries[n++] = (blockStart[blockOf[column]] + localColumn[column]) * P + value;
      entries.sort();
      const columns: number[] = [];
      const values: number[] = [];
      for (let k = 0; k < n; ) {
        const block = blockAtPlace[Math.floor(entries[k] / P)];
        const from = k;
        for (; k < n && entries[k] < blockStart[block + 1] * P; k++) {
          const place = Math.floor(entries[k] / P);
          scratch[place - blockStart[block]] = entries[k] - place * P;
        }
        blocks[block].residual(scratch, freeIndex[block], (column, value) => {
          columns.push(column);
          values.push(value);
        });
        for (let j = from; j < k; j++) scratch[Math.floor(entries[j] / P) - blockStart[block]] = 0;
      }
      if (columns.length > 0) residuals.push({columns: Int32Array.from(columns), values: Int32Array.from(values)});
    });
    residuals.sort((a, b) => a.columns.length - b.columns.length);
    const weight = new Int32Array(free);
    for (const residual of residuals) for (const column of residual.columns) weight[column]++;
    const global = new SparseEchelon(free, weight);
    for (const {columns, values} of residuals) global.add(columns, values);
    this.rank = global.rank + blocks.reduce((sum, echelon) => sum + echelon.rows.length, 0);

    const random = new Random(20_201_207);
    for (let w = 0; w < WITNESSES; w++) {
      const atFree = Int32Array.from({length: free}, () => random.int(1, P - 1));
      global.solve(atFree);
      const parts = blocks.map((echelon, block) => {
        const part = blockVector(block);
        const index = freeIndex[block];
        for (let c = 0; c < part.length; c++) if (index[c] >= 0) part[c] = atFree[index[c]];
        echelon.solve(part);
        return part;
      });
      this.witnesses.push(Int32Array.from({length: width}, (_, column) => parts[blockOf[column]][localColumn[column]]));
    }
  }

  contains(terms: readonly Term[]): boolean {
    const v = this.sparse(terms);
    return this.witnesses.every((witness) => {
      let product = 0;
      for (const [column, value] of v) product = (product + value * witness[column]) % P;
      return product === 0;
    });
  }

  /** The vector as column → value modulo p, zeros left out. */
  private sparse(terms: readonly Term[]): Map<number, number> {
    const v = new Map<number, number>();
    for (const {variable, coefficient} of terms) {
      const column = this.columnOf.get(variable);
      if (column === undefined) throw new Error(`Openbaarmakingsmodel: variabele ${variable} hoort niet bij deze ruimte.`);
      const value = ((((v.get(column) ?? 0) + coefficient) % P) + P) % P;
      if (value === 0) v.delete(column);
      else v.set(column, value);
    }
    return v;
  }
}

/**
 * Groups the columns into blocks of at most `blockSize`: vectors smallest first, each joining the
 * blocks it touches while the union stays within the size; a vector that would make a block too large
 * crosses blocks.
 */
function blocksOf(vectors: readonly ReadonlyMap<number, number>[], width: number, blockSize: number) {
  const parent = Int32Array.from({length: width}, (_, i) => i);
  const size = new Int32Array(width).fill(1);
  const root = (x: number) => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const crossing = new Uint8Array(vectors.length);
  const bySize = vectors.map((_, i) => i).sort((a, b) => vectors[a].size - vectors[b].size);
  for (const i of bySize) {
    const roots = [...new Set([...vectors[i].keys()].map(root))];
    if (roots.reduce((sum, r) => sum + size[r], 0) > blockSize) {
      crossing[i] = 1;
      continue;
    }
    for (const r of roots.slice(1)) {
      parent[r] = roots[0];
      size[roots[0]] += size[r];
    }
  }
  const blockOf = new Int32Array(width);
  const localColumn = new Int32Array(width);
  const blockWidths: number[] = [];
  const blockOfRoot = new Map<number, number>();
  for (let column = 0; column < width; column++) {
    const r = root(column);
    let block = blockOfRoot.get(r);
    if (block === undefined) blockOfRoot.set(r, (block = blockWidths.push(0) - 1));
    blockOf[column] = block;
    localColumn[column] = blockWidths[block]++;
  }
  return {blockOf, localColumn, blockWidths, crossing};
}
