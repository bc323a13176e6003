// The atoms as they are found (atoms.ts): each one the set of counts its members are in, with a
// coefficient per count, and for a trajectory atom the pupil atom it belongs to. A member whose counts
// match an atom's joins it; otherwise it starts a new one.
//
// Matching is by content: the pairs in count order, hashed to a number, and compared in full on a
// hit. A string per member (its pairs written out) was what the build's own thread spent its time
// on at 7 000 schools, as busy as each worker that computes the reports.

import type {Unit} from "./model.js";

/** One member's counts and coefficients, in the order its report named them. */
export interface Entries {
  keys: ArrayLike<number>;
  coefficients: ArrayLike<number>;
}

/** No owner: a pupil atom. */
const NONE = -1;

export class AtomTable {
  readonly sizes: number[] = [];
  readonly unitOf: Unit[] = [];
  /** Per atom, its counts in ascending order and the coefficient of each. */
  readonly keys: Int32Array[] = [];
  readonly coefficients: Float64Array[] = [];
  /** Per atom, the pupil atom of a trajectory atom, or -1. */
  private readonly owners: number[] = [];
  /** Per hash, the first atom with it; more atoms with the same hash (rare) in `collisions`. */
  private readonly byHash = new Map<number, number>();
  private readonly collisions = new Map<number, number[]>();
  private readonly word = new Float64Array(1);
  private readonly words = new Uint32Array(this.word.buffer);

  /** `hash`: for tests, a hash that collides, to show that a hit is compared in full. */
  constructor(private readonly hashOf?: (owner: number, keys: Int32Array, coefficients: Float64Array) => number) {}

  get length(): number {
    return this.sizes.length;
  }

  /** The atom of a member with these counts (a pupil's: no owner; a trajectory unit's: its pupil atom), found or new, one larger. */
  join(unit: Unit, entries: Entries, owner = NONE): number {
    const {keys, coefficients} = inKeyOrder(entries);
    const hash = (this.hashOf ?? this.hash).call(this, owner, keys, coefficients);
    let atom = this.find(hash, owner, keys, coefficients);
    if (atom === undefined) {
      atom = this.sizes.length;
      this.sizes.push(0);
      this.unitOf.push(unit);
      this.keys.push(keys);
      this.coefficients.push(coefficients);
      this.owners.push(owner);
      if (!this.byHash.has(hash)) this.byHash.set(hash, atom);
      else this.collisions.set(hash, [...(this.collisions.get(hash) ?? []), atom]);
    }
    this.sizes[atom]++;
    return atom;
  }

  private find(hash: number, owner: number, keys: Int32Array, coefficients: Float64Array): number | undefined {
    const first = this.byHash.get(hash);
    if (first === undefined) return undefined;
    const same = (atom: number) => this.owners[atom] === owner && equal(this.keys[atom], keys) && equal(this.coefficients[atom], coefficients);
    if (same(first)) return first;
    return this.collisions.get(hash)?.find(same);
  }

  /** FNV-1a over the owner, the keys and the coefficients' bits, in two independent halves of a safe integer. */
  private hash(owner: number, keys: Int32Array, coefficients: Float64Array): number {
    let a = 0x811c9dc5 ^ owner;
    let b = Math.imul(0x01000193, owner + 0x9e3779b9) | 0;
    const mix = (x: number) => {
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995) ^ (b >>> 13);
    };
    for (let i = 0; i < keys.length; i++) {
      mix(keys[i]);
      this.word[0] = coefficients[i];
      mix(this.words[0]);
      mix(this.words[1]);
    }
    return (a >>> 0) * 0x200000 + (b & 0x1fffff);
  }
}

/** The pairs sorted by count: two members with the same counts give the same arrays whatever their reports' order. */
function inKeyOrder({keys, coefficients}: Entries): {keys: Int32Array; coefficients: Float64Array} {
  const n = keys.length;
  const sortedKeys = Int32Array.from(keys);
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = sortedKeys[i - 1] < sortedKeys[i];
  if (ordered) return {keys: sortedKeys, coefficients: Float64Array.from(coefficients)};
  // Each pair as one number, key × 2^20 + position: a typed array sorts numbers without a comparator.
  if (n >= 1 << 20) throw new Error(`AtomTable: ${n} aantallen in één rapport`);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i] * 0x100000 + i;
  packed.sort();
  const sortedCoefficients = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const position = packed[i] % 0x100000;
    sortedKeys[i] = keys[position];
    sortedCoefficients[i] = coefficients[position];
  }
  return {keys: sortedKeys, coefficients: sortedCoefficients};
}

function equal(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
