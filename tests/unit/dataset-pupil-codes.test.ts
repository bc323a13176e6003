// Pupils as numbers (issue 13 item 2): loadDataset numbers each pupil from the enrolment chains it
// keeps anyway (Dataset.pupilCodes); a dataset made in code has none and the scope numbers its ids
// (pupilCodesOf). Both must give the same tables: the codes only replace lookups of id strings.
import path from "node:path";
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../loaders/contract.js";
import {readInputSources} from "../../loaders/io.js";
import type {Dataset} from "../../loaders/model.js";
import {computeReport} from "../../loaders/report.js";
import {sensitivityBasis} from "../../loaders/tables/factorSensitivity.js";
import {schoolYearCounts} from "../../loaders/tables/schools.js";
import {buildScope, pupilCodesOf} from "../../loaders/tables/scope.js";
import {dataset, pupil, traj} from "../fixtures/build.js";

const root = path.resolve(import.meta.dirname, "../..");
const withoutCodes = (data: Dataset): Dataset => ({...data, pupilCodes: undefined});

describe("pupilCodesOf, for a dataset made in code", () => {
  it("numbers the ids in the order they first appear: enrolments, then those living elsewhere, then trajectories", () => {
    const data = dataset({pupils: [pupil("A", {years: [2018, 2019]}), pupil("B", {years: [2019]})], trajectories: [traj("B", "basis_ggz", "2019-03-01", null), traj("D", "basis_ggz", "2019-03-01", null)]});
    data.nonResidentEnrolments = [...pupil("C", {years: [2019]}), ...pupil("A", {years: [2017]})];
    const codes = pupilCodesOf(data);
    expect(codes.count).toBe(4);
    expect([...codes.enrolments]).toEqual([0, 0, 1]);
    expect([...codes.nonResidentEnrolments]).toEqual([2, 0]);
    expect([...codes.trajectories]).toEqual([1, 3]);
  });

  it("refuses codes whose lists no longer match the dataset's", () => {
    const data = dataset({pupils: [pupil("A", {years: [2019]})], trajectories: []});
    const stale = {...data, pupilCodes: {count: 1, enrolments: Int32Array.of(0, 0), nonResidentEnrolments: new Int32Array(0), trajectories: new Int32Array(0)}};
    expect(() => pupilCodesOf(stale)).toThrow(/changed after loading/);
  });
});

describe("loadDataset's codes", () => {
  // data/default through the text readers: every table equal with the codes and with the ids numbered by the scope.
  const {dataset: loaded} = loadDataset(readInputSources(path.join(root, "data/default")).texts);

  it("are one number per pupil, shared by its enrolments and trajectories", () => {
    const codes = loaded.pupilCodes!;
    const idOf = new Map<number, string>();
    const same = (code: number, id: string) => {
      if (!idOf.has(code)) idOf.set(code, id);
      return idOf.get(code) === id;
    };
    expect(loaded.enrolments.every((e, i) => same(codes.enrolments[i], e.pupilId))).toBe(true);
    expect(loaded.trajectories.every((t, i) => same(codes.trajectories[i], t.pupilId))).toBe(true);
    expect(new Set(idOf.values()).size).toBe(idOf.size);
    expect(Math.max(...idOf.keys())).toBeLessThan(codes.count);
  });

  it("give the same report as the ids numbered by the scope", () => {
    expect(computeReport(loaded)).toEqual(computeReport(withoutCodes(loaded)));
  });
});

describe("everyone enrolled (the size factor's sensitivity) by pupil code", () => {
  // 2019: p1 and p2 live here and attend A; p1 also has a row at B as living elsewhere (not counted
  // again), x1 attends B twice in the list (once), x2 attends A in 2018 only (not this year).
  // Everyone enrolled in 2019: A 2 (p1, p2), B 1 (x1).
  const data = dataset({pupils: [pupil("p1", {school: "A", years: [2019]}), pupil("p2", {school: "A", years: [2019]})], trajectories: []});
  const elsewhere = (id: string, school: string, year: number) => pupil(id, {school, years: [year]}).map((e) => ({...e, municipality: "Elders"}));
  data.nonResidentEnrolments = [...elsewhere("p1", "B", 2019), ...elsewhere("x1", "B", 2019), ...elsewhere("x1", "B", 2019), ...elsewhere("x2", "A", 2018)];
  data.schools.push({...data.schools[0], id: "B", name: "B"});
  const everyone = (d: Dataset) => {
    const scope = buildScope(d);
    return sensitivityBasis(d, scope, schoolYearCounts(scope), computeReport(d, scope).schools.tabel6).everyone;
  };

  it("counts each pupil once, and a resident of the year not again", () => {
    expect(Object.fromEntries(everyone(data))).toEqual({A: 2, B: 1});
  });

  it("does not depend on how the pupils are numbered", () => {
    // Codes given in another order than pupilCodesOf's (p2, x2, x1, p1): the same counts.
    const number = {p2: 0, x2: 1, x1: 2, p1: 3} as Record<string, number>;
    const codes = (rows: {pupilId: string}[]) => Int32Array.from(rows, (r) => number[r.pupilId]);
    const numbered = {...data, pupilCodes: {count: 4, enrolments: codes(data.enrolments), nonResidentEnrolments: codes(data.nonResidentEnrolments!), trajectories: new Int32Array(0)}};
    expect(Object.fromEntries(everyone(numbered))).toEqual({A: 2, B: 1});
  });
});
