// An attacker's bound propagation, apart from the LP audit (no solver, no atoms, no registry):
// every unknown true count gets an integer interval from what is published, and relations a reader
// can know from the files' meaning tighten the intervals until nothing moves. What is left for a
// count that can be small is what the attacker can prove about it.

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

export function propagate(start: Map<string, Interval>, relations: Relation[], rounds = 100): Map<string, Interval> {
  const b = new Map([...start].map(([k, v]) => [k, {...v}]));
  const get = (name: string) => {
    let v = b.get(name);
    if (!v) b.set(name, (v = {lo: 0, hi: Infinity}));
    return v;
  };
  let changed = true;
  const lower = (name: string, lo: number) => {
    const v = get(name);
    if (lo > v.lo) {
      v.lo = lo;
      changed = true;
    }
  };
  const upper = (name: string, hi: number) => {
    const v = get(name);
    if (hi < v.hi) {
      v.hi = hi;
      changed = true;
    }
  };
  for (let round = 0; round < rounds && changed; round++) {
    changed = false;
    for (const r of relations) {
      if (r.kind === "subset") {
        upper(r.part, get(r.total).hi);
        lower(r.total, get(r.part).lo);
        continue;
      }
      const parts = r.parts.map(get);
      const sumLo = parts.reduce((s, p) => s + p.lo, 0);
      const sumHi = parts.reduce((s, p) => s + p.hi, 0);
      const total = get(r.total);
      upper(r.total, sumHi);
      if (r.kind === "sum") lower(r.total, sumLo);
      else lower(r.total, parts.reduce((max, p) => Math.max(max, p.lo), -Infinity));
      // The other parts' highest values, as a sum of the finite ones and a number of unbounded ones,
      // kept up to date as this walk lowers a part's hi: summed again for every part, this was
      // quadratic in the parts (a country's cube: a thousand boards under the municipality).
      const occurrences = new Map<Interval, number>();
      for (const p of parts) occurrences.set(p, (occurrences.get(p) ?? 0) + 1);
      let finiteHi = 0;
      let unbounded = 0;
      for (const p of parts) {
        if (Number.isFinite(p.hi)) finiteHi += p.hi;
        else unbounded++;
      }
      r.parts.forEach((name, i) => {
        const part = parts[i];
        const before = part.hi;
        // With another part unbounded (Infinity − Infinity) the total says nothing about this one.
        const othersUnbounded = unbounded - (Number.isFinite(part.hi) ? 0 : 1);
        if (othersUnbounded === 0) lower(name, total.lo - (finiteHi - (Number.isFinite(part.hi) ? part.hi : 0)));
        upper(name, r.kind === "sum" ? total.hi - (sumLo - part.lo) : total.hi);
        if (part.hi !== before) {
          // Every place this interval holds among the parts.
          const times = occurrences.get(part) as number;
          if (Number.isFinite(before)) finiteHi -= times * before;
          else unbounded -= times;
          finiteHi += times * part.hi;
        }
      });
    }
  }
  return b;
}

/**
 * The counts the attacker pins: could be 1 … minCount − 1 (lo below minCount), is known not to be 0
 * (lo ≥ 1), and the interval is narrower than minCount. A count known to be 0 is no person.
 */
export function pinned(bounds: Map<string, Interval>, minCount: number): {name: string; lo: number; hi: number}[] {
  return [...bounds]
    .filter(([, v]) => v.lo >= 1 && v.lo < minCount && v.hi - v.lo < minCount)
    .map(([name, v]) => ({name, ...v}));
}
