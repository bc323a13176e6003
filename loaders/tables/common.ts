// Shapes and helpers shared by the table modules.

import {compareIds} from "../definitions.js";
import type {School, Settings} from "../model.js";

export interface SchoolRef {
  schoolId: string;
  name: string;
}

export function schoolRef(school: School): SchoolRef {
  return {schoolId: school.id, name: school.name};
}

/** Names sort the Dutch way ("De Kring" next to "Dolfijn" is fine either way), ids break ties. */
export function compareSchools(a: SchoolRef, b: SchoolRef): number {
  return a.name.localeCompare(b.name, "nl") || compareIds(a.schoolId, b.schoolId);
}

export function careTypeLabel(settings: Settings, key: string): string {
  return settings.careTypes.find((c) => c.key === key)?.label ?? key;
}

/** Care types in the order of the settings; keys the settings do not declare come last, by key. */
export function compareCareTypes(settings: Settings): (a: string, b: string) => number {
  const order = new Map(settings.careTypes.map((c, i) => [c.key, i]));
  return (a, b) =>
    (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || compareIds(a, b);
}

/** Counts distinct keys per group: e.g. distinct pupils per care type. */
export function countDistinct<T>(items: Iterable<T>, group: (item: T) => string, key: (item: T) => string): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const item of items) {
    const g = group(item);
    let keys = seen.get(g);
    if (!keys) seen.set(g, (keys = new Set()));
    keys.add(key(item));
  }
  return new Map([...seen].map(([g, keys]) => [g, keys.size]));
}

/** A key from parts that cannot collide (ids may contain any character but a NUL). */
export function compositeKey(...parts: (string | number)[]): string {
  if (parts.length !== 2) return parts.join("\u0000");
  // The tables ask for the same few thousand keys (school × year, care type × year) once per row of
  // a million: one shared string per pair spares building, and hashing, a new one each time.
  const [a, b] = parts;
  let byB = pairKeys.get(a);
  if (!byB) pairKeys.set(a, (byB = new Map()));
  let key = byB.get(b);
  if (key === undefined) {
    if (pairKeyCount >= MAX_PAIR_KEYS) clearPairKeys();
    byB.set(b, (key = `${a}\u0000${b}`));
    pairKeyCount++;
  }
  return key;
}

const pairKeys = new Map<string | number, Map<string | number, string>>();
let pairKeyCount = 0;
// A cache, not a store: keys of pupils (hundreds of thousands) must not stay for the process's life.
const MAX_PAIR_KEYS = 100_000;

function clearPairKeys(): void {
  pairKeys.clear();
  pairKeyCount = 0;
}

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

// A scope's pupils have dense codes (Attribution.pupil, 0 … scope.pupils − 1), so the tables can
// count distinct pupils by marking an array instead of hashing a million id strings into sets.
let marks = new Int32Array(0);
let slots = new Int32Array(0);
let stamp = 0;

/** One pass over pupil codes: `isNew(p)` is true the first time the pass meets p; `slot[p]` holds
 *  what the pass stored for p after that. The arrays are shared and a pass starts with a new stamp
 *  instead of clearing them, so only the newest pass may be used (an older one throws). */
export interface PupilPass {
  isNew: (pupil: number) => boolean;
  slot: Int32Array;
}

export function pupilPass(size: number): PupilPass {
  if (marks.length < size || stamp === 0x7fffffff) {
    marks = new Int32Array(Math.max(size, marks.length));
    slots = new Int32Array(marks.length);
    stamp = 0;
  }
  const own = ++stamp;
  const seen = marks;
  return {
    isNew(pupil) {
      if (own !== stamp) throw new Error("pupilPass: an older pass was used after a newer one started");
      if (seen[pupil] === own) return false;
      seen[pupil] = own;
      return true;
    },
    slot: slots
  };
}

/** countDistinct for pupils by their codes: each group's codes bucketed, then counted in one pass each. */
export function countDistinctPupils<T>(items: Iterable<T>, group: (item: T) => string, pupil: (item: T) => number, size: number): Map<string, number> {
  const buckets = new Map<string, number[]>();
  for (const item of items) {
    const g = group(item);
    const list = buckets.get(g);
    if (list) list.push(pupil(item));
    else buckets.set(g, [pupil(item)]);
  }
  const counts = new Map<string, number>();
  for (const [g, codes] of buckets) counts.set(g, distinctCodes(codes, size));
  return counts;
}

/** How many distinct pupil codes a bucket holds: one pass over the shared marks. */
function distinctCodes(codes: number[], size: number): number {
  const {isNew} = pupilPass(size);
  let n = 0;
  for (const code of codes) if (isNew(code)) n++;
  return n;
}

/**
 * countDistinctPupils for groups numbered 0 … groups − 1 (a care type's position × the years, say):
 * the buckets in an array instead of a map of string keys. Per group its distinct pupils.
 */
export function countDistinctPupilsByNumber<T>(items: ArrayLike<T>, group: (item: T) => number, groups: number, pupil: (item: T) => number, size: number): Int32Array {
  const buckets: (number[] | undefined)[] = new Array(groups);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const g = group(item);
    const list = buckets[g];
    if (list) list.push(pupil(item));
    else buckets[g] = [pupil(item)];
  }
  const counts = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const codes = buckets[g];
    if (codes) counts[g] = distinctCodes(codes, size);
  }
  return counts;
}
