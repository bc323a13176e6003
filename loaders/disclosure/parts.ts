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
  return [...cellsOf.keys()]
    .sort((a, b) => a - b)
    .map((home) => ({free: Int32Array.from(variablesIn(blocks, new Set([home]))), cells: cellsOf.get(home) as number[]}));
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

/** The rows over a part's free variables, the held ones' true values moved into the bounds. */
export interface PartModel {
  variables: number;
  rows: Row[];
  /** Per local row, its index in the system's rows. */
  globalRow: number[];
  /** Per system row, its local index (or −1) and what the held variables add to it. */
  localRow: Int32Array;
  shift: Float64Array;
  /** Per system variable, its local index (or −1). */
  localVariable: Int32Array;
}

export function partModel(system: DisclosureSystem, rows: readonly Row[], free: Int32Array | null): PartModel {
  const localRow = new Int32Array(rows.length).fill(-1);
  const shift = new Float64Array(rows.length);
  if (free === null) {
    const all = [...rows];
    all.forEach((_, r) => (localRow[r] = r));
    return {variables: system.variables, rows: all, globalRow: all.map((_, r) => r), localRow, shift, localVariable: Int32Array.from({length: system.variables}, (_, v) => v)};
  }
  const localVariable = new Int32Array(system.variables).fill(-1);
  free.forEach((v, k) => (localVariable[v] = k));
  const out: Row[] = [];
  const globalRow: number[] = [];
  rows.forEach((row, r) => {
    const {terms, held} = splitTerms(localVariable, row.terms, system.truth);
    if (terms.length === 0) return;
    const {lo, hi} = row;
    localRow[r] = out.length;
    shift[r] = held;
    out.push({terms, lo: lo - held, hi: hi - held, source: row.source});
    globalRow.push(r);
  });
  return {variables: free.length, rows: out, globalRow, localRow, shift, localVariable};
}

/** A part's own terms of an expression, and what the held variables add to it (the same everywhere in the part). */
export function localTerms(m: PartModel, terms: readonly Term[], truth: ArrayLike<number>): {terms: Term[]; held: number} {
  return splitTerms(m.localVariable, terms, truth);
}

function splitTerms(localVariable: Int32Array, terms: readonly Term[], truth: ArrayLike<number>): {terms: Term[]; held: number} {
  const local: Term[] = [];
  let held = 0;
  for (const t of terms) {
    const v = localVariable[t.variable];
    if (v < 0) held += t.coefficient * truth[t.variable];
    else local.push({variable: v, coefficient: t.coefficient});
  }
  return {terms: local, held};
}

/** A part's solution as a point of the whole system (the held variables at their true values). */
export function wholePoint(free: Int32Array | null, values: ArrayLike<number>, into: Float64Array): ArrayLike<number> {
  if (free === null) return values;
  free.forEach((v, k) => (into[v] = values[k]));
  return into;
}
