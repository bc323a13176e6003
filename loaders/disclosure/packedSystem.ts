// A disclosure system in flat arrays, to hand to a worker thread (secondaryTask.ts, auditTask.ts). A country's
// system has 19 M terms; as objects they cost a structured clone and, on the other side, as many
// objects again. Packed they move as a few buffers, and the worker builds its row index straight
// from them (parts.ts RowIndex). Only what the search reads as objects is unpacked there: a cell's
// terms when it is first asked for (the small counts' own, a few per count).

import {cellRow, relationRow} from "./audit.js";
import type {Row} from "./lp.js";
import type {DisclosureSystem, PublishedCell, Relation, Term} from "./model.js";
import {packTerms, type PackedTerms} from "./parts.js";
import type {SparsePoint} from "./pool.js";

export interface PackedSystem extends PackedTerms {
  variables: number;
  truth: Float64Array;
  /** The cells without their terms (their rows come first in rowStart), then the relations'. */
  cells: Omit<PublishedCell, "terms">[];
  relations: Omit<Relation, "terms">[];
}

/** The system packed, and the buffers to move (not copy) to the worker. */
export function packSystem(system: DisclosureSystem): {packed: PackedSystem; transfer: ArrayBuffer[]} {
  const {rowStart, termVariable, termCoefficient} = packTerms([...system.cells, ...system.relations]);
  const truth = Float64Array.from(system.truth);
  const packed: PackedSystem = {
    variables: system.variables,
    truth,
    rowStart,
    termVariable,
    termCoefficient,
    cells: system.cells.map(({terms: _, ...head}) => head),
    relations: system.relations.map(({terms: _, ...head}) => head)
  };
  return {packed, transfer: [rowStart.buffer, termVariable.buffer, termCoefficient.buffer, truth.buffer] as ArrayBuffer[]};
}

/** The system again, its terms unpacked only when read (the audit reads them all, the search a few). */
export function unpackSystem(packed: PackedSystem): DisclosureSystem {
  const cells = packed.cells.map((head, i) => withTerms(packed, head, i));
  const relations = packed.relations.map((head, k) => withTerms(packed, head, cells.length + k));
  return {variables: packed.variables, truth: Array.from(packed.truth), cells, relations};
}

/** The search's rows of an unpacked system (audit.ts rowsOf), their terms as lazy as the cells'. */
export function searchRows(packed: PackedSystem, system: DisclosureSystem): Row[] {
  const {cells, relations} = system;
  return [...cells.map((cell, r) => withTerms(packed, cellRow(cell), r)), ...relations.map((relation, k) => withTerms(packed, relationRow(relation), cells.length + k))];
}

/** The head with the terms of row r, unpacked when first read; enumerable, so that a copy ({...row}) takes them along. */
function withTerms<T extends object>({rowStart, termVariable, termCoefficient}: PackedTerms, head: T, r: number): T & {terms: Term[]} {
  let terms: Term[] | undefined;
  const unpack = () => {
    const out: Term[] = [];
    for (let e = rowStart[r]; e < rowStart[r + 1]; e++) out.push({variable: termVariable[e], coefficient: termCoefficient[e]});
    return out;
  };
  return Object.defineProperty(head, "terms", {enumerable: true, configurable: true, get: () => (terms ??= unpack())}) as T & {terms: Term[]};
}

/** Witness points in flat arrays: point k's pairs are at start[k] … start[k + 1] − 1. */
export interface PackedPoints {
  start: Int32Array;
  variable: Int32Array;
  value: Float64Array;
}

export function packPoints(points: readonly SparsePoint[]): {packed: PackedPoints; transfer: ArrayBuffer[]} {
  const start = new Int32Array(points.length + 1);
  for (let k = 0; k < points.length; k++) start[k + 1] = start[k] + points[k].length;
  const variable = new Int32Array(start[points.length]);
  const value = new Float64Array(start[points.length]);
  // Indexed, not destructured: 36 M pairs in 0,5 s against 2,4 s (a country's audit, tmp benchmark).
  for (let k = 0; k < points.length; k++) {
    const point = points[k];
    for (let i = 0, e = start[k]; i < point.length; i++, e++) {
      variable[e] = point[i][0];
      value[e] = point[i][1];
    }
  }
  return {packed: {start, variable, value}, transfer: [start.buffer, variable.buffer, value.buffer] as ArrayBuffer[]};
}

function pointAt({start, variable, value}: PackedPoints, k: number): SparsePoint {
  const point: SparsePoint = [];
  for (let e = start[k]; e < start[k + 1]; e++) point.push([variable[e], value[e]]);
  return point;
}

/** The points one at a time, each unpacked when it is reached (a country's audit reads 36 M pairs once). */
export function pointsOf(packed: PackedPoints): PointList {
  const length = packed.start.length - 1;
  return {
    length,
    packed,
    *[Symbol.iterator]() {
      for (let k = 0; k < length; k++) yield pointAt(packed, k);
    }
  };
}

/**
 * Points to read once in order, and how many there are: an array, packed points (`packed`: pointsOf),
 * or lists one after another (`parts`: joinedPoints). A country's search returns 83 316 points with
 * 36 M pairs from its worker: kept packed, they go on to the audit's worker without being unpacked
 * in the build's heap (9 s, national build 22).
 */
export interface PointList extends Iterable<SparsePoint> {
  readonly length: number;
  readonly packed?: PackedPoints;
  readonly parts?: readonly PointList[];
}

/** Lists one after another, read as one. */
export function joinedPoints(lists: readonly PointList[]): PointList {
  const parts = lists.flatMap((list) => list.parts ?? [list]);
  return {
    length: parts.reduce((sum, part) => sum + part.length, 0),
    parts,
    *[Symbol.iterator]() {
      for (const part of parts) yield* part;
    }
  };
}

/** A list packed for a worker thread: its packed parts copied as they are, the others packed. */
export function packPointList(list: PointList): {packed: PackedPoints; transfer: ArrayBuffer[]} {
  // Nothing packed yet: packed here, its buffers free to move.
  if (!list.parts && !list.packed) return packPoints(Array.isArray(list) ? list : [...list]);
  const parts = (list.parts ?? [list]).map((part) => part.packed ?? packPoints(Array.isArray(part) ? part : [...part]).packed);
  const points = parts.reduce((sum, part) => sum + part.start.length - 1, 0);
  const pairs = parts.reduce((sum, part) => sum + part.variable.length, 0);
  const start = new Int32Array(points + 1);
  const variable = new Int32Array(pairs);
  const value = new Float64Array(pairs);
  let k = 0;
  let e = 0;
  for (const part of parts) {
    const count = part.start.length - 1;
    for (let i = 1; i <= count; i++) start[k + i] = e + part.start[i];
    variable.set(part.variable, e);
    value.set(part.value, e);
    k += count;
    e += part.variable.length;
  }
  return {packed: {start, variable, value}, transfer: [start.buffer, variable.buffer, value.buffer] as ArrayBuffer[]};
}

/** Per variable the parts it is in (blocks.ts, one level), in flat arrays. */
export interface PackedLevel {
  start: Int32Array;
  part: Int32Array;
}

export function packLevel(parts: readonly (readonly number[])[]): PackedLevel {
  const start = new Int32Array(parts.length + 1);
  parts.forEach((of, v) => (start[v + 1] = start[v] + of.length));
  const part = new Int32Array(start[parts.length]);
  parts.forEach((of, v) => part.set(of, start[v]));
  return {start, part};
}

export const unpackLevel = ({start, part}: PackedLevel): number[][] => Array.from({length: start.length - 1}, (_, v) => Array.from(part.subarray(start[v], start[v + 1])));

/** From this many terms on (a few hundred schools) the search and the audit run in a worker thread:
 *  below it, starting one costs more than the build's heap does. */
const IN_WORKER_FROM_TERMS = 2_000_000;

export function largeSystem(system: DisclosureSystem): boolean {
  let terms = 0;
  for (const cell of system.cells) terms += cell.terms.length;
  for (const relation of system.relations) terms += relation.terms.length;
  return terms >= IN_WORKER_FROM_TERMS;
}
