// The cube's suppression, on a hand-made grid: one year, two boards (one with a single school),
// three schools, two age groups and one care type.
import {describe, expect, test} from "vitest";
import {CubeGrid, type CellAt, type CubeDimensions} from "../../loaders/cube/grid.js";
import {COMPLEMENTARY, protectCube, SHOWN, SMALL, widerCells} from "../../loaders/cube/protect.js";

const dims: CubeDimensions = {
  years: [2019],
  units: [
    {code: "g", level: "gemeente", name: "Gemeente", parent: null, schoolId: null},
    {code: "b:1", level: "bestuur", name: "Bestuur 1", parent: "g", schoolId: null},
    {code: "b:2", level: "bestuur", name: "Bestuur 2", parent: "g", schoolId: null},
    {code: "s:A", level: "school", name: "A", parent: "b:1", schoolId: "A"},
    {code: "s:B", level: "school", name: "B", parent: "b:1", schoolId: "B"},
    {code: "s:C", level: "school", name: "C", parent: "b:2", schoolId: "C"}
  ],
  ages: ["alle", "jong", "oud"],
  careTypes: ["alle", "ggz"],
  dyslexia: ["met", "zonder"],
  dbc: ["uit", "aan"],
  definitions: ["gestart", "actief"]
};
const grid = new CubeGrid(dims);
const settings = {suppression: {minCount: 5}, youthCareDefinition: "started"} as const;
const unit = (code: string) => dims.units.findIndex((u) => u.code === code);
const at = (code: string, fields: Partial<CellAt> = {}): number =>
  grid.index({year: 0, unit: unit(code), age: 0, careType: 0, dyslexia: 0, dbc: 0, definition: 0, ...fields});

/**
 * Pupils per school in the "jong" group only (so every age sum is trivially consistent), the same
 * in every care type / dyslexia / DBC / definition variant unless `variant` overrides a cell.
 */
function values(perSchool: Record<string, number>, variant: (index: number, value: number) => number = (_, v) => v): Int32Array {
  const v = new Int32Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    const cell = grid.at(i);
    const u = dims.units[cell.unit];
    const schools = Object.keys(perSchool).filter((s) => u.code === "g" || u.code === `s:${s}` || dims.units[unit(`s:${s}`)].parent === u.code);
    const n = cell.age === 2 ? 0 : schools.reduce((sum, s) => sum + perSchool[s], 0);
    v[i] = variant(i, n);
  }
  return v;
}

describe("protectCube", () => {
  test("a small school is hidden as small and its sibling as complementary; the board total stays", () => {
    const hidden = protectCube(grid, values({A: 3, B: 20, C: 30}), settings);
    expect([hidden[at("s:A")], hidden[at("s:B")], hidden[at("b:1")], hidden[at("g")]]).toEqual([SMALL, COMPLEMENTARY, SHOWN, SHOWN]);
  });

  test("a board with one school cannot protect it: the board is hidden too, and then another board", () => {
    const hidden = protectCube(grid, values({A: 20, B: 20, C: 3}), settings);
    expect([hidden[at("s:C")], hidden[at("b:2")]]).toEqual([SMALL, SMALL]);
    // The municipality minus board 1 would give board 2: board 1 is hidden as well.
    expect([hidden[at("b:1")], hidden[at("g")]]).toEqual([COMPLEMENTARY, SHOWN]);
  });

  test("a difference of 1 to 4 with a wider cell hides the narrower one (all care types minus ggz = 3)", () => {
    const ggzLess = (i: number, v: number) => (grid.at(i).careType === 1 && grid.at(i).unit === unit("g") ? v - 3 : v);
    const hidden = protectCube(grid, values({A: 20, B: 20, C: 30}, ggzLess), settings);
    expect(hidden[at("g", {careType: 1})]).toBe(COMPLEMENTARY);
    expect(hidden[at("g")]).toBe(SHOWN);
    // A difference of exactly minCount is published.
    const ggzFive = (i: number, v: number) => (grid.at(i).careType === 1 && grid.at(i).unit === unit("g") ? v - 5 : v);
    expect(protectCube(grid, values({A: 20, B: 20, C: 30}, ggzFive), settings)[at("g", {careType: 1})]).toBe(SHOWN);
  });

  test("pupils without youth care are persons too: 18 of 20 enrolled hides the count", () => {
    const enrolled = new Int32Array(grid.enrolledSize).fill(100);
    enrolled[grid.enrolledIndex({year: 0, unit: unit("s:C"), age: 0})] = 32;
    const hidden = protectCube(grid, values({A: 20, B: 20, C: 30}), settings, {enrolled});
    expect(hidden[at("s:C")]).toBe(COMPLEMENTARY);
  });

  test("a cell the report hides starts hidden, and its siblings follow", () => {
    const report = at("s:A");
    const hidden = protectCube(grid, values({A: 20, B: 20, C: 30}), settings, {hiddenElsewhere: (i) => i === report});
    expect([hidden[at("s:A")], hidden[at("s:B")]]).toEqual([COMPLEMENTARY, COMPLEMENTARY]);
  });

  test("zeros stay visible", () => {
    const hidden = protectCube(grid, values({A: 0, B: 20, C: 30}), settings);
    expect(hidden[at("s:A")]).toBe(SHOWN);
  });

  test("wider cells: every mix of the four filters set back to the report's view", () => {
    const cell = at("s:A", {careType: 1, dyslexia: 1});
    expect(widerCells(grid, cell, 0).sort((a, b) => a - b)).toEqual(
      [at("s:A", {dyslexia: 1}), at("s:A", {careType: 1}), at("s:A")].sort((a, b) => a - b)
    );
    // With "active" as the configured definition, "gestart" is the one that deviates.
    expect(widerCells(grid, at("s:A"), 1)).toEqual([at("s:A", {definition: 1})]);
  });
});
