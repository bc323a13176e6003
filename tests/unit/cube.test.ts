// The explorer's cube: counts per combination of filter values, checked by hand on three pupils.
import {describe, expect, test} from "vitest";
import {countCube, type CubeCounts} from "../../loaders/cube/count.js";
import {ALL} from "../../loaders/cube/grid.js";
import {buildScope} from "../../loaders/tables/scope.js";
import {dataset, pupil, school, traj} from "../fixtures/build.js";

// p1 (school A, 8 in 2018): specialistische GGZ 2017 that restarts in January 2018 (a DBC restart),
//     and dyslexia care from September 2018.
// p2 (school A, 6 in 2018): basis GGZ from February 2018, still open.
// p3 (school C of another board, 9 in 2018): ambulante begeleiding from May 2017, still open.
const fixture = dataset({
  schools: [school("A", {name: "Akker", board: "Bestuur 1"}), school("C", {name: "Colibri", board: "Bestuur 2"})],
  pupils: [
    pupil("p1", {school: "A", born: "2010-03", years: [2017, 2018]}),
    pupil("p2", {school: "A", born: "2012-06", years: [2018]}),
    pupil("p3", {school: "C", born: "2009-01", years: [2017, 2018]})
  ],
  trajectories: [
    traj("p1", "specialistische_ggz", "2017-03-01", "2017-12-31", {provider: "X"}),
    traj("p1", "specialistische_ggz", "2018-01-02", "2018-06-30", {provider: "X"}),
    traj("p1", "dyslexie", "2018-09-01", null, {provider: "Y"}),
    traj("p2", "basis_ggz", "2018-02-01", null),
    traj("p3", "ambulante_begeleiding", "2017-05-01", null)
  ]
});

interface Pick {
  year?: number;
  unit?: string;
  age?: string;
  careType?: string;
  dyslexia?: "met" | "zonder";
  dbc?: "uit" | "aan";
  definition?: "gestart" | "actief";
}

function cell(counts: CubeCounts, p: Pick): {pupils: number; trajectories: number} {
  const {dims} = counts.grid;
  const index = counts.grid.index({
    year: dims.years.indexOf(p.year ?? 2018),
    unit: dims.units.findIndex((u) => u.code === (p.unit ?? "g")),
    age: dims.ages.indexOf(p.age ?? ALL),
    careType: dims.careTypes.indexOf(p.careType ?? ALL),
    dyslexia: p.dyslexia === "zonder" ? 1 : 0,
    dbc: p.dbc === "aan" ? 1 : 0,
    definition: p.definition === "actief" ? 1 : 0
  });
  return {pupils: counts.pupils[index], trajectories: counts.trajectories[index]};
}

const counts = countCube(fixture, buildScope(fixture));

describe("countCube on three pupils", () => {
  test("units: the municipality, its boards in name order, then the schools", () => {
    expect(counts.grid.dims.units.map((u) => [u.code, u.name, u.parent])).toEqual([
      ["g", "Utrechtse Heuvelrug", null],
      ["b:1", "Bestuur 1", "g"],
      ["b:2", "Bestuur 2", "g"],
      ["s:A", "Akker", "b:1"],
      ["s:C", "Colibri", "b:2"]
    ]);
  });

  test("started in 2018, no correction: p1 (restart and dyslexia) and p2, three trajectories", () => {
    expect(cell(counts, {})).toEqual({pupils: 2, trajectories: 3});
    expect(cell(counts, {unit: "s:A"})).toEqual({pupils: 2, trajectories: 3});
    expect(cell(counts, {unit: "b:1"})).toEqual({pupils: 2, trajectories: 3});
    expect(cell(counts, {unit: "s:C"})).toEqual({pupils: 0, trajectories: 0});
  });

  test("the DBC correction folds the January restart into the 2017 trajectory", () => {
    expect(cell(counts, {dbc: "aan"})).toEqual({pupils: 2, trajectories: 2});
    expect(cell(counts, {dbc: "aan", year: 2017})).toEqual({pupils: 2, trajectories: 2});
    // Without dyslexia care p1 has no start of its own in 2018 once the restart is folded away.
    expect(cell(counts, {dbc: "aan", dyslexia: "zonder"})).toEqual({pupils: 1, trajectories: 1});
    expect(cell(counts, {dyslexia: "zonder"})).toEqual({pupils: 2, trajectories: 2});
  });

  test("in care during 2018 also counts p3, whose trajectory started in 2017", () => {
    expect(cell(counts, {definition: "actief"})).toEqual({pupils: 3, trajectories: 4});
    expect(cell(counts, {definition: "actief", dbc: "aan"})).toEqual({pupils: 3, trajectories: 4});
    expect(cell(counts, {definition: "actief", unit: "s:C"})).toEqual({pupils: 1, trajectories: 1});
  });

  test("care types count pupils, each once per type; 'alle' counts each pupil once", () => {
    expect(cell(counts, {careType: "dyslexie"})).toEqual({pupils: 1, trajectories: 1});
    expect(cell(counts, {careType: "specialistische_ggz"})).toEqual({pupils: 1, trajectories: 1});
    expect(cell(counts, {careType: "basis_ggz"})).toEqual({pupils: 1, trajectories: 1});
    expect(cell(counts, {careType: "dyslexie", dyslexia: "zonder"})).toEqual({pupils: 0, trajectories: 0});
  });

  test("age groups use the age on 1 July of the year, for pupils with care and for enrolment", () => {
    expect(cell(counts, {age: "8-9"})).toEqual({pupils: 1, trajectories: 2});
    expect(cell(counts, {age: "6-7"})).toEqual({pupils: 1, trajectories: 1});
    expect(cell(counts, {age: "10-11"})).toEqual({pupils: 0, trajectories: 0});
    const {dims} = counts.grid;
    const enrolled = (unit: string, age: string) =>
      counts.enrolled[counts.grid.enrolledIndex({year: dims.years.indexOf(2018), unit: dims.units.findIndex((u) => u.code === unit), age: dims.ages.indexOf(age)})];
    expect([enrolled("g", ALL), enrolled("s:A", ALL), enrolled("s:C", ALL), enrolled("g", "8-9"), enrolled("g", "6-7")]).toEqual([3, 2, 1, 2, 1]);
  });

  test("grid.at inverts grid.index", () => {
    const at = {year: 2, unit: 4, age: 3, careType: 5, dyslexia: 1, dbc: 0, definition: 1};
    expect(counts.grid.at(counts.grid.index(at))).toEqual(at);
  });
});
