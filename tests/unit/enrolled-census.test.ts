// tables/ages.ts enrolledCensus: enrolled pupils per year, school and age on 1 July, worked out by
// hand. The order matters as well as the counts: schools, and each school's ages, come in the order
// they are first met (the variation's strata are summed in that order, and the national report
// changes when a school's ages come reversed).
import {expect, it} from "vitest";
import {enrolledCensus} from "../../loaders/tables/ages.js";
import type {Enrolment} from "../../loaders/model.js";

const enrolment = (pupilId: string, schoolId: string, year: number, birthMonth: string): Enrolment => ({
  pupilId,
  schoolId,
  date: `${year}-10-01`,
  year,
  birthMonth,
  municipality: "Utrechtse Heuvelrug"
});

it("counts each year's pupils per school and age, in the order schools and ages are first met", () => {
  // On 1 July 2019: born March 2010 → 9, September 2012 → 6 (not yet 7), January 2012 → 7, May 2010 → 9.
  // On 1 July 2020 the same pupils are a year older.
  const enrolmentsByYear = new Map([
    [2019, [enrolment("L1", "S2", 2019, "2010-03"), enrolment("L2", "S1", 2019, "2012-09"), enrolment("L3", "S2", 2019, "2012-01"), enrolment("L4", "S2", 2019, "2010-05")]],
    [2020, [enrolment("L3", "S1", 2020, "2012-01"), enrolment("L1", "S2", 2020, "2010-03")]]
  ]);
  const census = enrolledCensus({enrolmentsByYear});
  const asLists = [...census].map(([year, schools]) => [year, [...schools].map(([school, ages]) => [school, [...ages]])]);
  expect(asLists).toEqual([
    [
      2019,
      [
        ["S2", [[9, 2], [7, 1]]],
        ["S1", [[6, 1]]]
      ]
    ],
    [
      2020,
      [
        ["S1", [[8, 1]]],
        ["S2", [[10, 1]]]
      ]
    ]
  ]);
});

it("a year without enrolments has no schools", () => {
  expect([...enrolledCensus({enrolmentsByYear: new Map([[2019, []]])})]).toEqual([[2019, new Map()]]);
});
