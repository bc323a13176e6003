// The attacker's bound propagation (loaders/disclosure/propagation.ts) on tables small enough to solve by
// hand, so that the cube check (cubeAttack.ts, cube-disclosure.test.ts) can be trusted to find what it should.
import {describe, expect, test} from "vitest";
import {pinned, propagate, type Interval} from "../../loaders/disclosure/propagation.js";

const at = (entries: [string, number, number][]) => new Map<string, Interval>(entries.map(([k, lo, hi]) => [k, {lo, hi}]));

describe("bound propagation", () => {
  test("the textbook 3×3 table with one hidden cell: the margins give it back exactly", () => {
    // Rows 9 / 15, columns 8 / 16 over the hidden x11 = 2 and the shown x12 = 7, x21 = 6, x22 = 9.
    const start = at([["r1", 9, 9], ["r2", 15, 15], ["c1", 8, 8], ["c2", 16, 16], ["x11", 1, Infinity], ["x12", 7, 7], ["x21", 6, 6], ["x22", 9, 9]]);
    const b = propagate(start, [
      {kind: "sum", total: "r1", parts: ["x11", "x12"]},
      {kind: "sum", total: "r2", parts: ["x21", "x22"]},
      {kind: "sum", total: "c1", parts: ["x11", "x21"]},
      {kind: "sum", total: "c2", parts: ["x12", "x22"]}
    ]);
    expect(b.get("x11")).toEqual({lo: 2, hi: 2});
    expect(pinned(b, 5).map((p) => p.name)).toEqual(["x11"]);
  });

  test("the same table with the rectangle hidden: x11 ∈ 1 … 7, x12 ∈ 2 … 8, x21 ∈ 1 … 7, x22 ∈ 8 … 14; nothing pinned", () => {
    const start = at([["r1", 9, 9], ["r2", 15, 15], ["c1", 8, 8], ["c2", 16, 16], ["x11", 1, Infinity], ["x12", 1, Infinity], ["x21", 1, Infinity], ["x22", 1, Infinity]]);
    const b = propagate(start, [
      {kind: "sum", total: "r1", parts: ["x11", "x12"]},
      {kind: "sum", total: "r2", parts: ["x21", "x22"]},
      {kind: "sum", total: "c1", parts: ["x11", "x21"]},
      {kind: "sum", total: "c2", parts: ["x12", "x22"]}
    ]);
    expect(["x11", "x12", "x21", "x22"].map((k) => b.get(k))).toEqual([{lo: 1, hi: 7}, {lo: 2, hi: 8}, {lo: 1, hi: 7}, {lo: 8, hi: 14}]);
    expect(pinned(b, 5)).toEqual([]);
  });

  test("a withheld count (1 or more) inside a perturbed cell shown 0: pinned when 0 means 0 … 5, not when it means 0 … 9", () => {
    const relation = [{kind: "subset" as const, part: "hidden", total: "cube"}];
    expect(propagate(at([["hidden", 1, Infinity], ["cube", 0, 5]]), relation).get("hidden")).toEqual({lo: 1, hi: 5});
    expect(pinned(propagate(at([["hidden", 1, Infinity], ["cube", 0, 5]]), relation), 5).map((p) => p.name)).toEqual(["hidden", "cube"]);
    expect(pinned(propagate(at([["hidden", 1, Infinity], ["cube", 0, 9]]), relation), 5)).toEqual([]);
  });

  test("a union: a total over care types is at least its largest part and at most their sum", () => {
    const b = propagate(at([["all", 0, Infinity], ["a", 6, 8], ["b", 1, 3]]), [{kind: "union", total: "all", parts: ["a", "b"]}]);
    expect(b.get("all")).toEqual({lo: 6, hi: 11});
    // A shown total of 6 … 7 with a = 6 … 8 says nothing about b beyond b ≤ total.
    const c = propagate(at([["all", 6, 7], ["a", 6, 8], ["b", 0, Infinity]]), [{kind: "union", total: "all", parts: ["a", "b"]}]);
    expect(c.get("b")).toEqual({lo: 0, hi: 7});
    expect(c.get("a")).toEqual({lo: 6, hi: 7});
  });

  test("a subset beside its superset: the difference of two shown counts bounds nothing below the subset's own range", () => {
    const b = propagate(at([["with", 20, 20], ["without", 17, 17]]), [{kind: "subset", part: "without", total: "with"}]);
    expect(b.get("without")).toEqual({lo: 17, hi: 17});
  });
});

describe("bound propagation against its definition", () => {
  // The rules written out as in their first form: for every part the other parts' highest values summed
  // again, over the intervals as they stand at that moment. Random sums and unions with a solution (some
  // counts unbounded, a part now and then twice in one relation), compared after one round and at the end.
  const R = (name: string, lo: number, hi: number) => [name, lo, hi] as [string, number, number];
  function reference(start: Map<string, Interval>, relations: Parameters<typeof propagate>[1], rounds: number): Map<string, Interval> {
    const b = new Map([...start].map(([k, v]) => [k, {...v}]));
    const get = (name: string) => b.get(name) ?? (b.set(name, {lo: 0, hi: Infinity}), b.get(name)!);
    let changed = true;
    const lower = (name: string, lo: number) => void (lo > get(name).lo && ((get(name).lo = lo), (changed = true)));
    const upper = (name: string, hi: number) => void (hi < get(name).hi && ((get(name).hi = hi), (changed = true)));
    for (let round = 0; round < rounds && changed; round++) {
      changed = false;
      for (const r of relations) {
        if (r.kind === "subset") continue;
        const parts = r.parts.map(get);
        const sumLo = parts.reduce((s, p) => s + p.lo, 0);
        const total = get(r.total);
        upper(r.total, parts.reduce((s, p) => s + p.hi, 0));
        if (r.kind === "sum") lower(r.total, sumLo);
        else lower(r.total, Math.max(...parts.map((p) => p.lo)));
        r.parts.forEach((name, i) => {
          const othersHi = parts.reduce((s, p, j) => (j === i ? s : s + p.hi), 0);
          if (Number.isFinite(othersHi)) lower(name, total.lo - othersHi);
          upper(name, r.kind === "sum" ? total.hi - (sumLo - parts[i].lo) : total.hi);
        });
      }
    }
    return b;
  }

  test("the same intervals as the rules' definition, after one round and at the end", () => {
    let state = 7;
    const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), Math.floor((state / 2147483648) * n));
    let narrowed = 0;
    for (let seed = 0; seed < 300; seed++) {
      // True counts first, so that every system has a solution: 6 counts, then totals over earlier
      // names (a total can be a part of a later one), each interval around its true value.
      const truth = new Map(Array.from({length: 6}, (_, i) => [`x${i}`, random(8)] as [string, number]));
      const relations: Parameters<typeof propagate>[1] = [];
      for (let t = 0; t < 1 + random(4); t++) {
        const names = [...truth.keys()];
        const parts = Array.from({length: 2 + random(4)}, () => names[random(names.length)]);
        const values = parts.map((name) => truth.get(name)!);
        const kind = random(2) === 0 ? ("sum" as const) : ("union" as const);
        // A union counts a person once: between its largest part and the sum of its parts.
        const sum = values.reduce((a, b) => a + b, 0);
        const max = Math.max(...values);
        truth.set(`t${t}`, kind === "sum" ? sum : max + random(sum - max + 1));
        relations.push({kind, total: `t${t}`, parts});
      }
      const start = at([...truth].map(([name, value]) => R(name, Math.max(0, value - random(4)), random(3) === 0 ? Infinity : value + random(6))));
      for (const rounds of [1, 100]) {
        const expected = reference(start, relations, rounds);
        expect(propagate(start, relations, rounds), `seed ${seed}, ${rounds} rounds`).toEqual(expected);
        if ([...expected].some(([k, v]) => v.lo !== start.get(k)!.lo || v.hi !== start.get(k)!.hi)) narrowed++;
      }
    }
    // The comparison means something only where the rules narrow intervals.
    expect(narrowed).toBeGreaterThan(200);
  });
});
