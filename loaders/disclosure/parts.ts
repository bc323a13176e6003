// Parts of a disclosure system to solve in (issue 10 item 8): a part's free variables, every other
// variable held at its true value. Holding variables fixed only narrows what a reader could
// conclude, so an interval proven wide in a part is at least as wide over the whole system, and the
// points that prove it, with the held variables at their true values, are feasible points of the
// whole system. The secondary suppression searches by parts (blocks.ts says which), and the audit
// tries a part before the whole system for a cell its witnesses leave unproven.

import type {Row} from "./lp.js";
import type {DisclosureSystem, Term} from "./model.js";

/** Where some small counts are solved: their free variables (null: all of them). */
export interface SearchPart {
  free: Int32Array | null;
  /** Small counts (indices into system.cells) protected in this part. */
  cells: number[];
  /** The block it is (searchParts), for a part of one level of blocks. */
  block?: number;
}

/**
 * The parts for a system cut into blocks (per variable the blocks it belongs to, blocks.ts): one per
 * block, each small count in the block that holds most of its variables (the lowest on a tie). A
 * count across blocks (a municipal one) is then solved with the rest of it held: still a restriction,
 * and no part grows to the whole system (at 100 schools one such part took 100 s an LP).
 */
export function searchParts(system: DisclosureSystem, small: readonly number[], blocks: readonly (readonly number[])[]): SearchPart[] {
  const cellsOf = new Map<number, number[]>();
  for (const i of small) {
    const weight = new Map<number, number>();
    for (const t of system.cells[i].terms) for (const b of blocks[t.variable]) weight.set(b, (weight.get(b) ?? 0) + 1);
    const [home] = [...weight].reduce<[number, number]>((best, [b, w]) => (w > best[1] || (w === best[1] && b < best[0]) ? [b, w] : best), [Infinity, -1]);
    if (home === Infinity) continue;
    const list = cellsOf.get(home);
    if (list) list.push(i);
    else cellsOf.set(home, [i]);
  }
  // Every part's variables in one walk over the variables: a country has thousands of blocks.
  const freeOf = new Map<number, number[]>([...cellsOf.keys()].map((home) => [home, []]));
  blocks.forEach((of, v) => {
    for (const b of of) freeOf.get(b)?.push(v);
  });
  return [...cellsOf.keys()].sort((a, b) => a - b).map((home) => ({free: Int32Array.from(freeOf.get(home) as number[]), cells: cellsOf.get(home) as number[], block: home}));
}

/** The variables in any of the wanted blocks. */
function variablesIn(blocks: readonly (readonly number[])[], wanted: ReadonlySet<number>): number[] {
  const free: number[] = [];
  blocks.forEach((of, v) => {
    if (of.some((b) => wanted.has(b))) free.push(v);
  });
  return free;
}

/**
 * A wider part for counts a block could not protect: the variables of every block their own
 * variables are in (for a municipal count, at most the whole system).
 */
export function widerPart(system: DisclosureSystem, cells: readonly number[], blocks: readonly (readonly number[])[]): SearchPart {
  const free = variablesIn(blocks, new Set(cells.flatMap((i) => system.cells[i].terms.flatMap((t) => blocks[t.variable]))));
  return {free: free.length === system.variables ? null : Int32Array.from(free), cells: [...cells]};
}

/** Terms row after row in flat arrays: row k's are at rowStart[k] … rowStart[k + 1] − 1. */
export interface PackedTerms {
  rowStart: Int32Array;
  termVariable: Int32Array;
  termCoefficient: Float64Array;
}

/**
 * Per variable, the rows it is in with its coefficient there (rows of the system: its cells, then
 * its relations), and each row's value at the truth. Built once per search, so that a part's model
 * costs the part's own terms: a country's search has thousands of parts over a million rows, and
 * its municipal rows have hundreds of thousands of terms each.
 */
export class RowIndex {
  private readonly start: Int32Array;
  private readonly row: Int32Array;
  private readonly coefficient: Float64Array;
  readonly truthValue: Float64Array;

  /** From the rows' terms, or from the same terms packed row by row (packedSystem.ts: a search in a
   *  worker thread, which never unpacks a country's 19 M terms into objects). */
  constructor(variables: number, rows: readonly Pick<Row, "terms">[] | PackedTerms, truth: ArrayLike<number>) {
    const {rowStart, termVariable, termCoefficient} = "rowStart" in rows ? rows : packTerms(rows);
    const count = rowStart.length - 1;
    this.start = new Int32Array(variables + 1);
    for (let e = 0; e < termVariable.length; e++) this.start[termVariable[e] + 1]++;
    for (let v = 0; v < variables; v++) this.start[v + 1] += this.start[v];
    const next = this.start.slice(0, variables);
    this.row = new Int32Array(this.start[variables]);
    this.coefficient = new Float64Array(this.start[variables]);
    this.truthValue = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      for (let e = rowStart[k]; e < rowStart[k + 1]; e++) {
        const v = termVariable[e];
        this.row[next[v]] = k;
        this.coefficient[next[v]++] = termCoefficient[e];
        this.truthValue[k] += termCoefficient[e] * truth[v];
      }
    }
  }

  /** Each row over the variables (by row, ascending) with its terms over them, renumbered by their
   *  position in `variables` (in that order). */
  termsOver(variables: ArrayLike<number>): Map<number, Term[]> {
    const terms = new Map<number, Term[]>();
    for (let k = 0; k < variables.length; k++) {
      const v = variables[k];
      for (let e = this.start[v]; e < this.start[v + 1]; e++) {
        const r = this.row[e];
        const term = {variable: k, coefficient: this.coefficient[e]};
        const list = terms.get(r);
        if (list) list.push(term);
        else terms.set(r, [term]);
      }
    }
    return new Map([...terms].sort(([a], [b]) => a - b));
  }
}

/** Rows' terms in flat arrays (packedSystem.ts packs a whole system the same way). */
export function packTerms(rows: readonly Pick<Row, "terms">[]): PackedTerms {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, k) => (rowStart[k + 1] = rowStart[k] + row.terms.length));
  const termVariable = new Int32Array(rowStart[rows.length]);
  const termCoefficient = new Float64Array(rowStart[rows.length]);
  rows.forEach((row, k) => {
    let e = rowStart[k];
    for (const t of row.terms) {
      termVariable[e] = t.variable;
      termCoefficient[e++] = t.coefficient;
    }
  });
  return {rowStart, termVariable, termCoefficient};
}

/** The rows over a part's free variables, the held ones' true values moved into the bounds. */
export interface PartModel {
  variables: number;
  rows: Row[];
  /** Per local row, its index in the system's rows. */
  globalRow: number[];
  /** Per system row in the part, its local index and what the held variables add to it. */
  localRow: Map<number, number>;
  shift: Map<number, number>;
  /** Per system variable, its local index (or −1). */
  localVariable: Int32Array | Map<number, number>;
  /** The part's variables (null: all of them). */
  free: Int32Array | null;
}

/**
 * The model of a part. `bounds` gives a row's bounds as they stand (the search loosens withheld
 * counts as it goes); `index` lists a free variable's rows, so that only the part's rows are read.
 */
export function partModel(
  system: DisclosureSystem,
  rows: readonly Row[],
  free: Int32Array | null,
  index?: RowIndex,
  bounds: (r: number) => {lo: number; hi: number} = (r) => rows[r]
): PartModel {
  const localRow = new Map<number, number>();
  const shift = new Map<number, number>();
  if (free === null) {
    const all = rows.map((row, r) => ({...row, ...bounds(r)}));
    all.forEach((_, r) => {
      localRow.set(r, r);
      shift.set(r, 0);
    });
    return {variables: system.variables, rows: all, globalRow: all.map((_, r) => r), localRow, shift, localVariable: Int32Array.from({length: system.variables}, (_, v) => v), free};
  }
  const localVariable = new Map<number, number>();
  free.forEach((v, k) => localVariable.set(v, k));
  const out: Row[] = [];
  const globalRow: number[] = [];
  // With the index, a row's part and what the held variables add come from the part's own terms
  // (the row's value at the truth less theirs); without it, every row is split.
  const split = index
    ? [...index.termsOver(free)].map(([r, terms]) => ({r, terms, held: index.truthValue[r] - terms.reduce((sum, t) => sum + t.coefficient * system.truth[free[t.variable]], 0)}))
    : rows.map((row, r) => ({r, ...splitTerms(localVariable, row.terms, system.truth)}));
  for (const {r, terms, held} of split) {
    const row = rows[r];
    if (terms.length === 0) continue;
    const {lo, hi} = bounds(r);
    localRow.set(r, out.length);
    shift.set(r, held);
    out.push({terms, lo: lo - held, hi: hi - held, source: row.source});
    globalRow.push(r);
  }
  return {variables: free.length, rows: out, globalRow, localRow, shift, localVariable, free};
}

/** A part's own terms of an expression, and what the held variables add to it (the same everywhere in the part). */
export function localTerms(m: PartModel, terms: readonly Term[], truth: ArrayLike<number>): {terms: Term[]; held: number} {
  return splitTerms(m.localVariable, terms, truth);
}

function splitTerms(localVariable: PartModel["localVariable"], terms: readonly Term[], truth: ArrayLike<number>): {terms: Term[]; held: number} {
  const local: Term[] = [];
  let held = 0;
  for (const t of terms) {
    const v = localIndex(localVariable, t.variable);
    if (v < 0) held += t.coefficient * truth[t.variable];
    else local.push({variable: v, coefficient: t.coefficient});
  }
  return {terms: local, held};
}

/** A system variable's index among a part's variables (PartModel `localVariable`), or −1 when it is held. */
export function localIndex(localVariable: PartModel["localVariable"], variable: number): number {
  return localVariable instanceof Map ? (localVariable.get(variable) ?? -1) : localVariable[variable];
}

/** The part's values of a point of the whole system (its free variables). */
export function partPoint(m: PartModel, point: ArrayLike<number>): Float64Array {
  return m.free === null ? Float64Array.from(point) : Float64Array.from(m.free, (v) => point[v]);
}

/** A part's solution as a point of the whole system (the held variables at their true values). */
export function wholePoint(free: Int32Array | null, values: ArrayLike<number>, into: Float64Array): ArrayLike<number> {
  if (free === null) return values;
  free.forEach((v, k) => (into[v] = values[k]));
  return into;
}
