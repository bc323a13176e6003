import {describe, expect, test} from "vitest";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {dataset, pupil, traj} from "../fixtures/build.js";

// Care pupils fix the age axis at 8 … 10 (ages at their first start in 2019):
//   g1 born 2010-03, starts 2019-02-15 → 8;  g2 born 2009-12, starts 2019-12-01 → 10.
// On 1 July 2019: g1 → 9, g2 → 9, e1 (2010-07, birthday that day) → 9, e2 (2010-08) → 8, e3 (2011-01) → 8,
// e4 (2008-06) → 11, outside the axis. In 2018 only e5 (2010-03) is enrolled: 8 on 1 July 2018.
const data = dataset({
  pupils: [
    pupil("g1", {years: [2019], born: "2010-03"}),
    pupil("g2", {years: [2019], born: "2009-12"}),
    pupil("e1", {years: [2019], born: "2010-07"}),
    pupil("e2", {years: [2019], born: "2010-08"}),
    pupil("e3", {years: [2019], born: "2011-01"}),
    pupil("e4", {years: [2019], born: "2008-06"}),
    pupil("e5", {years: [2018], born: "2010-03"})
  ],
  trajectories: [traj("g1", "specialistische_ggz", "2019-02-15", "2019-03-01"), traj("g2", "basis_ggz", "2019-12-01", null)]
});
const report = computeReport(data);
const enrolled = (year: number) => report.ages.years.find((y) => y.year === year)?.enrolled?.map((a) => [a.age, a.pupils]);

describe("enrolled pupils per age, for youth care per 100 pupils of an age", () => {
  test("a pupil's age is the age on 1 July of the year; a birthday on 1 July counts", () => {
    expect(report.ages.ages).toEqual([8, 9, 10]);
    expect(enrolled(2019)).toEqual([
      [8, 2],
      [9, 3],
      [10, 0]
    ]);
  });

  test("each year counts its own enrolments, on the same axis", () => {
    expect(enrolled(2018)).toEqual([
      [8, 1],
      [9, 0],
      [10, 0]
    ]);
    expect(enrolled(2017)).toEqual([
      [8, 0],
      [9, 0],
      [10, 0]
    ]);
  });

  test("enrolment counts are published as they are, while the youth-care counts of 1 are withheld", () => {
    const pub = publishReport(report, data.settings).ages.years.find((y) => y.year === 2019)!;
    expect(pub.enrolled).toEqual([
      {age: 8, pupils: 2},
      {age: 9, pupils: 3},
      {age: 10, pupils: 0}
    ]);
    expect(pub.withDyslexia).toEqual([
      {age: 8, pupils: {suppressed: true, minCount: 5}},
      {age: 9, pupils: 0},
      {age: 10, pupils: {suppressed: true, minCount: 5}}
    ]);
  });
});
