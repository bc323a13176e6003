import {describe, expect, it} from "vitest";
import {SparseEvaluator, SpreadPool} from "../../loaders/disclosure/pool.js";

describe("SpreadPool with kept points", () => {
  // Two counts, x0 and x1, each its own cell; width 2. The points and the extremes they hold are
  // worked out by hand below.
  const cells = [{terms: [{variable: 0, coefficient: 1}]}, {terms: [{variable: 1, coefficient: 1}]}];
  const points = [
    [2, 2], // p0, the truth: every extreme at first
    [0, 2], // p1: x0's least
    [5, 2], // p2: x0's greatest
    [2, 9], // p3: x1's greatest
    [-1, 1], // p4: the least of both (p0 and p1 then hold no extreme)
    [1, 3], // p5: no extreme
    [5.5, 2] // p6: x0's greatest over all points, not over the whole-number ones
  ];

  it("gives as witnesses the points that hold the proving extremes, in the order they came", () => {
    const pool = new SpreadPool(cells, [0, 1], true);
    for (const point of points.slice(0, 4)) pool.add(point);
    // x0: 0 … 5 (p1, p2); x1: 2 … 9 (p0, p3).
    expect(pool.witnesses(2).map((p) => [...p])).toEqual([points[0], points[1], points[2], points[3]]);
    for (const point of points.slice(4)) pool.add(point);
    // x0: −1 … 5 in whole numbers (p4, p2; p6's 5,5 is not whole); x1: 1 … 9 (p4, p3).
    expect(pool.witnesses(2).map((p) => [...p])).toEqual([points[2], points[3], points[4]]);
    expect(pool.interval(0, 2)).toEqual({lo: -1, hi: 5});
    expect(pool.interval(1, 2)).toEqual({lo: 1, hi: 9});
  });

  it("proves nothing from the truth alone, and no point is a witness for a cell it does not prove", () => {
    const pool = new SpreadPool(cells, [0, 1], true);
    pool.add(points[0]);
    pool.add([3, 2]);
    expect([pool.proves(0, 2), pool.proves(1, 2)]).toEqual([false, false]);
    expect(pool.witnesses(2)).toEqual([]);
  });

  it("keeps a point that holds one extreme only: a fractional vertex that proves over all points", () => {
    const pool = new SpreadPool(cells.slice(0, 1), [0], true);
    // x0 over all points 0,5 … 5,5: a spread of 5 ≥ width + 1 proves 1 … 5; over whole numbers 2 … 3 only.
    for (const point of [[2], [0.5], [5.5], [3]]) pool.add(point);
    expect(pool.witnesses(2).map((p) => [...p])).toEqual([[0.5], [5.5]]);
    expect(pool.interval(0, 2)).toEqual({lo: 1, hi: 5});
  });
});

describe("SparseEvaluator", () => {
  // x0 + x1, 2·x1 − x2, x3 (alone), at the base (1, 2, 3, 4): 3, 1, 4.
  const terms = (...pairs: [number, number][]) => pairs.map(([variable, coefficient]) => ({variable, coefficient}));
  const evaluator = () => new SparseEvaluator([terms([0, 1], [1, 1]), terms([1, 2], [2, -1]), terms([3, 1])], [1, 2, 3, 4]);
  const visited = (e: SparseEvaluator, point: [number, number][], stopAt = Infinity) => {
    const seen: [number, number][] = [];
    e.forEachChanged(point, (k, value) => {
      seen.push([k, value]);
      return seen.length < stopAt;
    });
    return seen;
  };

  it("gives only the expressions a point changes, with their values there, in the order the point reaches them", () => {
    const e = evaluator();
    expect([...e.baseValue]).toEqual([3, 1, 4]);
    // x1 = 5: x0 + x1 = 6, 2·x1 − x2 = 7; x3 untouched.
    expect(visited(e, [[1, 5]])).toEqual([[0, 6], [1, 7]]);
    // x2 = 0 then x0 = 0: 2·2 − 0 = 4 first, then 0 + 2 = 2.
    expect(visited(e, [[2, 0], [0, 0]])).toEqual([[1, 4], [0, 2]]);
    // A variable no expression has changes nothing.
    expect(visited(e, [[9, 1]])).toEqual([]);
  });

  it("starts every point from the base, also after a walk that stopped early", () => {
    const e = evaluator();
    expect(visited(e, [[1, 5], [3, 0]], 1)).toEqual([[0, 6]]);
    expect(visited(e, [[3, 1]])).toEqual([[2, 1]]);
    expect(visited(e, [[1, 5], [3, 0]])).toEqual([[0, 6], [1, 7], [2, 0]]);
  });
});
