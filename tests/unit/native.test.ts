// loaders/native.ts (issue 13 item 2): Tabel 6's core counted with DuckDB must equal the
// TypeScript path's, and both must equal counts worked out by hand on a small folder. A folder the
// native path cannot vouch for goes to the TypeScript path: same tables, or the same Dutch errors.
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {InputErrors} from "../../loaders/errors.js";
import {nationalTables, type NationalTables} from "../../loaders/native.js";
import {ENROLMENTS, SCHOOLS, TRAJECTORIES} from "../fixtures/handFolder.js";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-native-"));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

function reorderedEnrolments(): string[] {
  return ENROLMENTS.map((line) => {
    const [id, school, date, month, municipality] = line.split(";");
    return [municipality, school, date, month, id].join(";");
  });
}

function folder(name: string, files: {leerlingen?: string; trajecten?: string} = {}): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "scholen.csv"), SCHOOLS.join("\n") + "\n");
  writeFileSync(path.join(dir, "leerlingen.csv"), files.leerlingen ?? ENROLMENTS.join("\n") + "\n");
  writeFileSync(path.join(dir, "trajecten.csv"), files.trajecten ?? TRAJECTORIES.join("\n") + "\n");
  for (const file of ["zorgvormen.csv", "instellingen.json"]) copyFileSync(path.join(root, "data/default", file), path.join(dir, file));
  return dir;
}

/** The hand-computed answer (settings: 2017–2019, "started", Utrechtse Heuvelrug). */
function expectHandCounts(tables: NationalTables): void {
  const pupils = (schoolId: string) => tables.schools.tabel6.find((row) => row.schoolId === schoolId)!.years.map((y) => [y.enrolled, y.pupils, y.pct]);
  // 17NC: P1 and P2 in 2017 (P1 with T1 and T2), P1 in 2018, P1 and P5 in 2019; no care after 2017.
  expect(pupils("17NC")).toEqual([[2, 1, 50], [1, 0, 0], [2, 0, 0]]);
  // 93UU: P4 in 2017 (P3 lives elsewhere), P2 and P4 later; P2 (T3) in 2018, P4 (T5, T8) and P2 (T9) in 2019.
  expect(pupils("93UU")).toEqual([[1, 0, 0], [2, 1, 50], [2, 2, 100]]);
  // Ordered by the latest whole percentage.
  expect(tables.schools.tabel6.map((row) => row.schoolId)).toEqual(["17NC", "93UU"]);
  expect(tables.schools.total.years.map((y) => [y.enrolled, y.pupils, y.trajectories])).toEqual([[3, 1, 2], [3, 1, 1], [4, 2, 3]]);
  expect(tables.schools.total.years[2].pct).toBe(50);
  expect(tables.careTypes).toEqual([
    {schoolId: "17NC", year: 2017, careType: "basis_ggz", pupils: 1},
    {schoolId: "17NC", year: 2017, careType: "dyslexie", pupils: 1},
    {schoolId: "93UU", year: 2018, careType: "basis_ggz", pupils: 1},
    {schoolId: "93UU", year: 2019, careType: "basis_ggz", pupils: 2},
    {schoolId: "93UU", year: 2019, careType: "dyslexie", pupils: 1}
  ]);
  expect(tables.startedPerYear).toEqual([{year: 2017, trajectories: 2}, {year: 2018, trajectories: 1}, {year: 2019, trajectories: 3}]);
}

describe("a small folder counted by hand", () => {
  it("the native path gives the hand-computed counts", async () => {
    const tables = await nationalTables(folder("hand"));
    expect(tables.path).toBe("native");
    expectHandCounts(tables);
  });

  it("the TypeScript path gives the same", async () => {
    const tables = await nationalTables(folder("hand-ts"), {path: "typescript"});
    expect(tables.path).toBe("typescript");
    expectHandCounts(tables);
  });

  it("a BOM and Windows line ends stay on the native path", async () => {
    const tables = await nationalTables(folder("bom", {leerlingen: "\ufeff" + ENROLMENTS.join("\r\n") + "\r\n"}));
    expect(tables.path).toBe("native");
    expectHandCounts(tables);
  });

  it("columns in another order stay on the native path", async () => {
    // woongemeente first, leerling_id last.
    const reordered = reorderedEnrolments();
    const tables = await nationalTables(folder("reordered", {leerlingen: reordered.join("\n") + "\n"}));
    expect(tables.path).toBe("native");
    expectHandCounts(tables);
  });

  it("a row with a cell too few goes to the contract's error", async () => {
    const bad = [...ENROLMENTS.slice(0, 3), "P9;17NC;01-10-2017;09-2010", ...ENROLMENTS.slice(3)];
    await expect(nationalTables(folder("short", {leerlingen: bad.join("\n") + "\n"}))).rejects.toThrow(
      "leerlingen.csv, regel 4 heeft 4 cellen, maar de kopregel heeft 5 kolommen"
    );
  });

  it("a quoted cell goes to the TypeScript path, with the same counts", async () => {
    const quoted = TRAJECTORIES.map((line) => line.replace(";Aanbieder 2;", ';"Aanbieder 2";'));
    const tables = await nationalTables(folder("quoted", {trajecten: quoted.join("\n") + "\n"}));
    expect(tables.path).toBe("typescript");
    expectHandCounts(tables);
  });

  it("a space the reader trims goes to the TypeScript path, with the same counts", async () => {
    const spaced = ENROLMENTS.map((line) => line.replace("P5;", "P5 ;"));
    const tables = await nationalTables(folder("spaced", {leerlingen: spaced.join("\n") + "\n"}));
    expect(tables.path).toBe("typescript");
    expectHandCounts(tables);
  });

  it("a cost written 100 and 100,00 in two rows goes to the TypeScript path", async () => {
    const tables = await nationalTables(folder("costs", {trajecten: [...TRAJECTORIES, "T10;P4;54;54001;Aanbieder 3;01-12-2019;;100"].join("\n") + "\n"}));
    expect(tables.path).toBe("typescript");
  });
});

it("with youthCareDefinition active, a trajectory counts in every study year it runs in, on both paths", async () => {
  const dir = folder("active");
  const settingsFile = path.join(dir, "instellingen.json");
  writeFileSync(settingsFile, readFileSync(settingsFile, "utf8").replace('"youthCareDefinition": "started"', '"youthCareDefinition": "active"'));
  const native = await nationalTables(dir);
  expect(native.path).toBe("native");
  for (const tables of [native, await nationalTables(dir, {path: "typescript"})]) {
    const counts = (schoolId: string) => tables.schools.tabel6.find((row) => row.schoolId === schoolId)!.years.map((y) => [y.enrolled, y.pupils]);
    // T2 (P1, open from 2017) runs in all three years; T6 (P5, open from February 2018) counts in 2019,
    // when P5 is enrolled at 17NC.
    expect(counts("17NC")).toEqual([[2, 1], [1, 1], [2, 2]]);
    expect(counts("93UU")).toEqual([[1, 0], [2, 1], [2, 2]]);
    expect(tables.schools.total.years.map((y) => y.trajectories)).toEqual([2, 2, 5]);
    expect(tables.careTypes.filter((c) => c.schoolId === "17NC")).toEqual([
      {schoolId: "17NC", year: 2017, careType: "basis_ggz", pupils: 1},
      {schoolId: "17NC", year: 2017, careType: "dyslexie", pupils: 1},
      {schoolId: "17NC", year: 2018, careType: "dyslexie", pupils: 1},
      {schoolId: "17NC", year: 2019, careType: "basis_ggz", pupils: 1},
      {schoolId: "17NC", year: 2019, careType: "dyslexie", pupils: 1}
    ]);
    // Starts stay starts.
    expect(tables.startedPerYear.map((s) => s.trajectories)).toEqual([2, 1, 3]);
  }
});

describe("errors come from the contract, in Dutch, naming file, row and column", () => {
  const errorsOf = async (dir: string) => {
    try {
      await nationalTables(dir);
    } catch (error) {
      if (error instanceof InputErrors) return error.message;
      throw error;
    }
    throw new Error("no error");
  };

  it("an impossible date", async () => {
    const bad = TRAJECTORIES.map((line) => line.replace("10-05-2018", "31-02-2018"));
    expect(await errorsOf(folder("date", {trajecten: bad.join("\n") + "\n"}))).toContain(
      'trajecten.csv, regel 4, kolom "einddatum": "31-02-2018" is geen geldige datum'
    );
  });

  it("a pupil at two schools in one year", async () => {
    const bad = [...ENROLMENTS, "P5;93UU;01-10-2019;05-2012;Utrechtse Heuvelrug"];
    expect(await errorsOf(folder("twice", {leerlingen: bad.join("\n") + "\n"}))).toContain(
      'leerlingen.csv, regel 15, kolom "leerling_id": "P5" staat in peiljaar 2019 op twee scholen: 17NC (ook op regel 14) en 93UU'
    );
  });

  it("the same trajectory under a second id", async () => {
    const bad = [...TRAJECTORIES, "T10;P2;54;54001;Aanbieder 1;01-06-2019;;900"];
    expect(await errorsOf(folder("same", {trajecten: bad.join("\n") + "\n"}))).toContain("is hetzelfde traject als T9 op regel 10");
  });
});

it("the default data: the native path gives the TypeScript path's tables", async () => {
  const dir = path.join(root, "data/default");
  const [native, typescript] = [await nationalTables(dir), await nationalTables(dir, {path: "typescript"})];
  expect(native.path).toBe("native");
  expect(native.schools).toEqual(typescript.schools);
  expect(native.careTypes).toEqual(typescript.careTypes);
  expect(native.startedPerYear).toEqual(typescript.startedPerYear);
  // The report's municipal row for 2019 (Tabel 6): 389 of 4 550 pupils, 8,55 %.
  expect(native.schools.total.years[2]).toMatchObject({enrolled: 4550, pupils: 389, pct: 8.55});
});
