// A small seeded PRNG so `npm run data:generate` rewrites byte-identical files on every machine.
// mulberry32: 32-bit state, good enough for synthetic data, and identical across Node versions
// because it only uses integer arithmetic (Math.imul) and one division.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new Error("weights must have a positive sum");
    let r = this.next() * total;
    for (let i = 0; i < weights.length; ++i) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weight))];
  }

  /** Fisher–Yates, in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; --i) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A pseudonym of `length` characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
  pseudonym(prefix: string, length: number): string {
    const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let s = prefix;
    for (let i = 0; i < length; ++i) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}
