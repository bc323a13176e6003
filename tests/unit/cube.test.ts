// The explorer's cube: counts per combination of filter values, checked by hand on three pupils.
import {describe, expect, test} from "vitest";
import {csvParse} from "d3";
import {countCube, type CubeCounts} from "../../loaders/cube/count.js";
import {ALL} from "../../loaders/cube/grid.js";
import {cellKeySecret, recordKeys, type RecordKeys} from "../../loaders/cube/keys.js";
import {perturb} from "../../loaders/cube/ptable.js";
import {publishCube} from "../../loaders/cube/publish.js";
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

function cellIndex(counts: CubeCounts, p: Pick): number {
  const {dims} = counts.grid;
  return counts.grid.index({
    year: dims.years.indexOf(p.year ?? 2018),
    unit: dims.units.findIndex((u) => u.code === (p.unit ?? "g")),
    age: dims.ages.indexOf(p.age ?? ALL),
    careType: dims.careTypes.indexOf(p.careType ?? ALL),
    dyslexia: p.dyslexia === "zonder" ? 1 : 0,
    dbc: p.dbc === "aan" ? 1 : 0,
    definition: p.definition === "actief" ? 1 : 0
  });
}

function cell(counts: CubeCounts, p: Pick): {pupils: number; trajectories: number} {
  const index = cellIndex(counts, p);
  return {pupils: counts.pupils[index], trajectories: counts.trajectories[index]};
}

// Hand-picked record keys (uint32; the top 16 bits pick a position in a ptable row of 2^16).
const PUPIL_KEYS: Record<string, number> = {p1: 0x40000000, p2: 0xa0000000, p3: 0xf0000000};
const handKeys: RecordKeys = {
  pupil: (id) => PUPIL_KEYS[id],
  // p1-1, p1-2, …: 0x01000000 times the trajectory's number in the fixture.
  trajectory: (id) => 0x01000000 * (1 + ["p1-1", "p1-2", "p1-3", "p2-1", "p3-1"].indexOf(id))
};
const counts = countCube(fixture, buildScope(fixture), handKeys);

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

describe("cell keys on three pupils (hand-picked record keys)", () => {
  const key = (p: Pick) => counts.pupilKeys[cellIndex(counts, p)];
  const trajectoryKey = (p: Pick) => counts.trajectoryKeys[cellIndex(counts, p)];

  test("a cell's key is the sum of its pupils' keys mod 2^32", () => {
    // Started in 2018: p1 and p2. 0x40000000 + 0xA0000000 = 0xE0000000.
    expect(key({})).toBe(0xe0000000);
    // In care during 2018: p1, p2 and p3. 0x40000000 + 0xA0000000 + 0xF0000000 = 0x1D0000000 → 0xD0000000.
    expect(key({definition: "actief"})).toBe(0xd0000000);
    expect(key({definition: "actief", unit: "s:C"})).toBe(0xf0000000);
    expect(key({age: "8-9"})).toBe(0x40000000);
    expect(key({unit: "s:C"})).toBe(0);
  });

  test("additive: the key of a union of disjoint cells is the sum of their keys", () => {
    expect(key({definition: "actief"})).toBe((key({definition: "actief", unit: "b:1"}) + key({definition: "actief", unit: "b:2"})) % 2 ** 32);
    expect(key({})).toBe((key({age: "8-9"}) + key({age: "6-7"})) % 2 ** 32);
  });

  test("trajectory counts sum the trajectories' keys: p1-2, p1-3 and p2-1 started in 2018", () => {
    expect(trajectoryKey({})).toBe(0x02000000 + 0x03000000 + 0x04000000);
    // With the DBC correction p1-2 is folded into p1-1, which started in 2017.
    expect(trajectoryKey({dbc: "aan"})).toBe(0x03000000 + 0x04000000);
  });

  test("published by hand: 2 pupils at key 0xE0000000 → position 57344 ≥ 56798 (row 2: P(0) = 13/15) → 15; 1 pupil at 0x40000000 → 0", () => {
    const files = publishCube(counts, fixture.settings);
    const rows = csvParse(files.get("jeugdhulp-met-uit-gestart.csv")!);
    const row = (eenheid: string, leeftijd = "alle") => rows.find((r) => r.jaar === "2018" && r.eenheid === eenheid && r.leeftijd === leeftijd && r.zorgvorm === "alle");
    expect(row("g")?.jeugdhulp).toBe("15");
    // The age group 8-9 holds p1 alone: 0x40000000 → position 16384 < 61167 → 0, and its 2 trajectories
    // (p1-2, p1-3: 0x05000000 → position 1280 < 56798) → 0 as well: no row.
    expect(row("g", "8-9")).toBeUndefined();
    // The same pupils give the same value, whatever the cell: school A, its board and the municipality.
    expect([row("s:A")?.jeugdhulp, row("b:1")?.jeugdhulp]).toEqual(["15", "15"]);
    expect(files.has("verstoring.csv")).toBe(true);
    expect(files.get("verstoring.csv")!.split("\n")[0]).toBe("werkelijk,gepubliceerd,ruis,kans,kans_op_65536,ook_hoger");
  });

  test("HMAC keys: the same secret gives the same keys, another secret others; the default secret follows the data", () => {
    const a = recordKeys(Buffer.from("een geheim van zestien tekens"));
    const b = recordKeys(Buffer.from("een ander geheim van zestien"));
    expect(a.pupil("p1")).toBe(recordKeys(Buffer.from("een geheim van zestien tekens")).pupil("p1"));
    expect(a.pupil("p1")).not.toBe(b.pupil("p1"));
    // Pupil and trajectory keys are separate streams, even for the same id.
    expect(a.pupil("x")).not.toBe(a.trajectory("x"));
    expect(cellKeySecret(fixture).equals(cellKeySecret(structuredClone(fixture)))).toBe(true);
    const changed = structuredClone(fixture);
    changed.trajectories[0].cost += 1;
    expect(cellKeySecret(changed).equals(cellKeySecret(fixture))).toBe(false);
    const configured = {...fixture, settings: {...fixture.settings, cellKeySecret: "een geheim van zestien tekens"}};
    expect(cellKeySecret(configured).toString("utf8")).toBe("een geheim van zestien tekens");
  });
});

describe("differencing returns noise", () => {
  // Forty pupils with keys from a fixed sequence: the cell of all forty and each cell of 39.
  const keys = Array.from({length: 40}, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0));
  const five = {suppression: {minCount: 5}};
  const sum = (list: number[]) => list.reduce((s, k) => (s + k) >>> 0, 0);
  const whole = perturb(40, sum(keys), five);

  test("the published difference of a cell and the same cell minus one pupil is not the true difference 1 in general", () => {
    const differences = keys.map((_, i) => whole - perturb(39, sum(keys.filter((_, j) => j !== i)), five));
    expect(new Set(differences).size).toBeGreaterThan(3);
    expect(differences.filter((d) => d === 1).length).toBeLessThan(differences.length / 2);
    // Yet each cell on its own stays within ± 3 of its true count.
    expect(differences.every((d) => Math.abs(d - 1) <= 6)).toBe(true);
  });

  test("the same pupils in another order give the same key and value", () => {
    expect(perturb(40, sum([...keys].reverse()), five)).toBe(whole);
  });
});
