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
