import {describe, expect, test} from "vitest";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {lorenzCurve} from "../../loaders/tables/costs.js";
import {dataset, ids, pupil, traj} from "../fixtures/build.js";

const YEARS = [2017, 2018, 2019];
const cents = (euros: number[]) => euros.map((e) => Math.round(e * 100));

/** n pupils, each with one trajectory in 2017 costing cost(i) euros (i = 1 … n). */
function cohort(n: number, cost: (i: number) => number) {
  const pupils = ids("k", 1, n);
  return dataset({
    pupils: pupils.map((id) => pupil(id, {years: YEARS})),
    trajectories: pupils.map((id, i) => traj(id, "basis_ggz", "2017-03-01", "2017-05-01", {cost: cost(i + 1)}))
  });
}

describe("lorenzCurve: cumulative share of cost against cumulative share of pupils", () => {
  test("100 pupils costing € 100, € 200 … € 10.000 give 20 % steps with the cheapest fifth at 4,2 % of the cost", () => {
    // Total 100 · (1 + … + 100) = 505.000. First 20: 100 · 210 = 21.000 → 4,16 %; first 40: 82.000 → 16,24 %;
    // first 60: 183.000 → 36,24 %; first 80: 324.000 → 64,16 %.
    const euros = Array.from({length: 100}, (_, i) => 100 * (100 - i)); // most expensive first: sorting is the curve's job
    expect(lorenzCurve(cents(euros))).toEqual({
      stepPct: 20,
      points: [
        {pupilsPct: 0, costPct: 0},
        {pupilsPct: 20, costPct: 4.2},
        {pupilsPct: 40, costPct: 16.2},
        {pupilsPct: 60, costPct: 36.2},
        {pupilsPct: 80, costPct: 64.2},
        {pupilsPct: 100, costPct: 100}
      ]
    });
  });

  test("400 pupils allow 5 % steps; 399 do not, because 50 % → 55 % holds 219 − 200 = 19 pupils", () => {
    // 399 · 50 % = 199,5 → 200 pupils; 399 · 55 % = 219,45 → 219 pupils.
    const equal = (n: number) => lorenzCurve(cents(Array(n).fill(1000)));
    expect(equal(400)?.stepPct).toBe(5);
    expect(equal(400)?.points).toHaveLength(21);
    expect(equal(399)?.stepPct).toBe(10);
    // With equal costs every pupil share is its cost share: 40 of 399 = 10,03 % → 10,0.
    expect(equal(399)?.points[1]).toEqual({pupilsPct: 10, costPct: 10});
  });

  test("40 pupils make one 50 % step of 20; 39 pupils make no curve at all", () => {
    expect(lorenzCurve(cents([...Array(20).fill(1000), ...Array(20).fill(4000)]))).toEqual({
      stepPct: 50,
      points: [
        {pupilsPct: 0, costPct: 0},
        {pupilsPct: 50, costPct: 20}, // 20.000 of 100.000
        {pupilsPct: 100, costPct: 100}
      ]
    });
    expect(lorenzCurve(cents(Array(39).fill(1000)))).toBeNull();
  });

  test("a cohort on which nothing was paid has no curve", () => {
    expect(lorenzCurve(cents(Array(100).fill(0)))).toBeNull();
  });
});

describe("the curve in the report", () => {
  test("sums each pupil's trajectories before sorting: € 3.000 + € 1.000 is one pupil of € 4.000", () => {
    const pupils = ids("k", 1, 40);
    const r = computeReport(
      dataset({
        pupils: pupils.map((id) => pupil(id, {years: YEARS})),
        trajectories: pupils.flatMap((id, i) =>
          i < 20
            ? [traj(id, "basis_ggz", "2017-03-01", "2017-05-01", {cost: 1000})]
            : [traj(id, "basis_ggz", "2017-03-01", "2017-05-01", {cost: 3000}), traj(id, "dyslexie", "2018-03-01", "2018-05-01", {cost: 1000})]
        )
      })
    );
    expect(r.costs.lorenz).toEqual({
      stepPct: 50,
      points: [
        {pupilsPct: 0, costPct: 0},
        {pupilsPct: 50, costPct: 20},
        {pupilsPct: 100, costPct: 100}
      ]
    });
  });

  test("is published from 100 pupils on and withheld below, marked with the 100 it needs", () => {
    const publish = (n: number) => {
      const data = cohort(n, (i) => 100 * i);
      return publishReport(computeReport(data), data.settings).costs.lorenz;
    };
    expect(publish(99)).toEqual({suppressed: true, minCount: 100});
    expect(publish(100)).toMatchObject({stepPct: 20, points: expect.arrayContaining([{pupilsPct: 20, costPct: 4.2}])});
  });
});
