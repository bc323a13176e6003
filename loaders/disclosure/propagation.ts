// An attacker's bound propagation, apart from the LP audit (no solver, no atoms, no registry):
// every unknown true count gets an integer interval from what is published, and relations a reader
// can know from the files' meaning tighten the intervals until nothing moves. What is left for a
// count that can be small is what the attacker can prove about it.

import {grown} from "../typedArrays.js";

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * Relations between unknown counts (by name):
 *  - `sum`: total = Σ parts exactly (pupils of a year sit at one school, so schools add up to their board);
 *  - `union`: each part ≤ total ≤ Σ parts (a pupil may have several care types);
 *  - `subset`: part ≤ total (without dyslexia care within all; pupils within their trajectories' count).
 */
export type Relation =
  | {kind: "sum"; total: string; parts: string[]}
  | {kind: "union"; total: string; parts: string[]}
  | {kind: "subset"; part: string; total: string};

/**
 * Relations over numbered counts, as flat arrays (a country's cube has some 18 M counts and 30 M
 * relations: as named objects they outgrew the heap). Relation k is of kind KINDS[kind[k]] with
 * total `total[k]` and parts `parts[from[k] … from[k + 1])` (a subset: one part).
 */
export interface IndexedRelations {
  kind: Uint8Array;
  /** 1 where a relation lists a part more than once (rare: then each place counts). */
  repeats: Uint8Array;
  total: Int32Array;
  from: Int32Array;
  parts: Int32Array;
}
const KINDS = ["sum", "union", "subset"] as const;

/** Relations added one by one into growing flat arrays. */
export class RelationList {
  private kinds = new Uint8Array(1024);
  private repeated = new Uint8Array(1024);
  private totals = new Int32Array(1024);
  private froms = new Int32Array(1025);
  private partList = new Int32Array(4096);
  private count = 0;
  private partCount = 0;

  add(kind: Relation["kind"], total: number, parts: ArrayLike<number>): void {
    this.addShifted(kind, total, parts, 0);
  }

  /** A relation whose parts are `shift` plus each of `offsets` (a grid's neighbours by its strides), without an array of its own. */
  addShifted(kind: Relation["kind"], total: number, offsets: ArrayLike<number>, shift: number): void {
    if (this.count + 1 >= this.kinds.length) {
      this.kinds = grown(this.kinds, this.kinds.length * 2);
      this.repeated = grown(this.repeated, this.repeated.length * 2);
      this.totals = grown(this.totals, this.totals.length * 2);
      this.froms = grown(this.froms, this.froms.length * 2);
    }
    while (this.partCount + offsets.length > this.partList.length) this.partList = grown(this.partList, this.partList.length * 2);
    this.kinds[this.count] = KINDS.indexOf(kind);
    // A constant shift keeps repeats as they are.
    this.repeated[this.count] = offsets.length > 1 && hasRepeats(offsets) ? 1 : 0;
    this.totals[this.count] = total;
    this.froms[this.count] = this.partCount;
    for (let i = 0; i < offsets.length; i++) this.partList[this.partCount++] = offsets[i] + shift;
    this.froms[++this.count] = this.partCount;
  }

  get length(): number {
    return this.count;
  }

  relations(): IndexedRelations {
    return {kind: this.kinds.subarray(0, this.count), repeats: this.repeated.subarray(0, this.count), total: this.totals.subarray(0, this.count), from: this.froms.subarray(0, this.count + 1), parts: this.partList.subarray(0, this.partCount)};
  }
}

/** Whether a list holds a number twice (a relation's parts: a handful, or a municipality's boards). */
function hasRepeats(parts: ArrayLike<number>): boolean {
  if (parts.length <= 8) {
    for (let i = 1; i < parts.length; i++) for (let j = 0; j < i; j++) if (parts[i] === parts[j]) return true;
    return false;
  }
  return new Set(Array.from(parts)).size < parts.length;
}

/** Named counts: each name numbered in the order the rules first read it, the intervals and relations over the numbers. */
export function propagate(start: Map<string, Interval>, relations: Relation[], rounds = 100): Map<string, Interval> {
  const names: string[] = [];
  const number = new Map<string, number>();
  const numbered = (name: string) => {
    let n = number.get(name);
    if (n === undefined) number.set(name, (n = names.push(name) - 1));
    return n;
  };
  for (const name of start.keys()) numbered(name);
  const list = new RelationList();
  for (const r of relations) {
    if (r.kind === "subset") {
      const total = numbered(r.total);
      list.add("subset", total, [numbered(r.part)]);
    } else {
      const parts = r.parts.map(numbered);
      list.add(r.kind, numbered(r.total), parts);
    }
  }
  const lo = new Float64Array(names.length);
  const hi = new Float64Array(names.length).fill(Infinity);
  for (const [name, v] of start) {
    lo[number.get(name)!] = v.lo;
    hi[number.get(name)!] = v.hi;
  }
  propagateIndexed(lo, hi, list.relations(), rounds);
  return new Map(names.map((name, n) => [name, {lo: lo[n], hi: hi[n]}]));
}

/**
 * The rules over numbered counts, in place: `lo` and `hi` hold each count's interval at the start and
 * the narrowed one at the end.
 */
export function propagateIndexed(lo: Float64Array, hi: Float64Array, relations: IndexedRelations, rounds = 100): void {
  const {kind, repeats, total: totals, from, parts} = relations;
  let changed = true;
  const lower = (n: number, value: number) => {
    if (value > lo[n]) {
      lo[n] = value;
      changed = true;
    }
  };
  const upper = (n: number, value: number) => {
    if (value < hi[n]) {
      hi[n] = value;
      changed = true;
    }
  };
  // Per relation that lists a part twice, how often each count occurs among its parts.
  const seen = new Map<number, number>();
  for (let round = 0; round < rounds && changed; round++) {
    changed = false;
    for (let k = 0; k < kind.length; k++) {
      const total = totals[k];
      const first = from[k];
      const end = from[k + 1];
      if (KINDS[kind[k]] === "subset") {
        const part = parts[first];
        upper(part, hi[total]);
        lower(total, lo[part]);
        continue;
      }
      const isSum = KINDS[kind[k]] === "sum";
      let sumLo = 0;
      let sumHi = 0;
      let maxLo = -Infinity;
      // The other parts' highest values, as a sum of the finite ones and a number of unbounded ones,
      // kept up to date as this walk lowers a part's hi: summed again for every part, this was
      // quadratic in the parts (a country's cube: a thousand boards under the municipality).
      let finiteHi = 0;
      let unbounded = 0;
      for (let i = first; i < end; i++) {
        const p = parts[i];
        sumLo += lo[p];
        sumHi += hi[p];
        maxLo = Math.max(maxLo, lo[p]);
        if (Number.isFinite(hi[p])) finiteHi += hi[p];
        else unbounded++;
      }
      upper(total, sumHi);
      if (isSum) lower(total, sumLo);
      else lower(total, maxLo);
      seen.clear();
      if (repeats[k] === 1) for (let i = first; i < end; i++) seen.set(parts[i], (seen.get(parts[i]) ?? 0) + 1);
      for (let i = first; i < end; i++) {
        const p = parts[i];
        const before = hi[p];
        // With another part unbounded (Infinity − Infinity) the total says nothing about this one.
        const othersUnbounded = unbounded - (Number.isFinite(before) ? 0 : 1);
        if (othersUnbounded === 0) lower(p, lo[total] - (finiteHi - (Number.isFinite(before) ? before : 0)));
        // The others' lowest values as they were before this walk (sumLo), this part's as it is now.
        upper(p, isSum ? hi[total] - (sumLo - lo[p]) : hi[total]);
        if (hi[p] !== before) {
          const times = repeats[k] === 1 ? (seen.get(p) as number) : 1;
          if (Number.isFinite(before)) finiteHi -= times * before;
          else unbounded -= times;
          finiteHi += times * hi[p];
        }
      }
    }
  }
}

/**
 * The counts the attacker pins: could be 1 … minCount − 1 (lo below minCount), is known not to be 0
 * (lo ≥ 1), and the interval is narrower than minCount. A count known to be 0 is no person.
 */
export function isPinned({lo, hi}: Interval, minCount: number): boolean {
  return lo >= 1 && lo < minCount && hi - lo < minCount;
}

export function pinned(bounds: Map<string, Interval>, minCount: number): {name: string; lo: number; hi: number}[] {
  return [...bounds].filter(([, v]) => isPinned(v, minCount)).map(([name, v]) => ({name, ...v}));
}
