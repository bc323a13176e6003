// The size factor's exact test under the report's choices and two alternatives, on four hand-made
// schools (2019, thresholds from the default settings: laag < 7 %, klein < 200, groot > 300):
//   A 150 pupils, 10 with care (6,67 %: whole 7 → gemiddeld; unrounded → laag), klein; 60 more pupils
//     living elsewhere make it 210 → middel when everyone enrolled counts
//   B 150 pupils,  8 with care (5,33 % → laag), klein
//   C, D 310 pupils, 31 with care (10 % → gemiddeld), groot
// Size × use: report [[1 laag, 1 gem], [0, 2]] → Fisher p = 1; unrounded [[2, 0], [0, 2]] → p = 2 · (1/6) = 1/3;
// everyone enrolled: klein laag 1, middel gem 1, groot gem 2 → the one laag school is in each row with
// probability 1/4, 1/4, 2/4 → p = 1/4 + 1/4 = 1/2. Only size is testable (one SES class, one SOT class, no
// interviews), so Holm changes nothing.
import {expect, test} from "vitest";
import {computeReport} from "../../loaders/report.js";
import {factorSensitivity} from "../../loaders/tables/factorSensitivity.js";
import {buildScope} from "../../loaders/tables/scope.js";
import {schoolYearCounts} from "../../loaders/tables/schools.js";
import {dataset, ids, pupil, traj} from "../fixtures/build.js";

const YEARS = [2017, 2018, 2019];
const enrolled = (prefix: string, n: number, school: string) => ids(prefix, 1, n).map((id) => pupil(id, {school, years: YEARS}));
const care = (prefix: string, n: number) => ids(prefix, 1, n).map((id) => traj(id, "basis_ggz", "2019-03-01", "2019-04-30"));

const data = dataset({
  pupils: [...enrolled("a", 150, "A"), ...enrolled("b", 150, "B"), ...enrolled("c", 310, "C"), ...enrolled("d", 310, "D")],
  trajectories: [...care("a", 10), ...care("b", 8), ...care("c", 31), ...care("d", 31)]
});
data.nonResidentEnrolments = ids("x", 1, 60).flatMap((id) => pupil(id, {school: "A", years: [2019]})).map((e) => ({...e, municipality: "Elders"}));

test("size factor: p = 1 as the report, 1/3 on unrounded shares, 1/2 with everyone enrolled; not fragile at α = 0,05", () => {
  const scope = buildScope(data);
  const report = computeReport(data, scope);
  const result = factorSensitivity(data, scope, schoolYearCounts(scope), report.schools.tabel6, report.factors.schools);
  const size = result.find((f) => f.factor === "omvang")!;
  expect(size.pValues.rapport).toBeCloseTo(1, 10);
  expect(size.pValues.onafgerond).toBeCloseTo(1 / 3, 10);
  expect(size.pValues.alle_leerlingen).toBeCloseTo(1 / 2, 10);
  expect(size.holmP).toEqual(size.pValues);
  expect(size.fragile).toBe(false);
  expect(result.filter((f) => f.factor !== "omvang").every((f) => f.pValues.rapport === null)).toBe(true);
});
