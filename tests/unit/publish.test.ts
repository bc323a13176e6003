import {describe, expect, test} from "vitest";
import {publishReport, type PublicReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import type {StatusRow} from "../../loaders/tables/status.js";
import {ids} from "../fixtures/build.js";
import {threeSchools} from "../fixtures/threeSchools.js";

// Ceder has 3 pupils with youth care every year: below the threshold of 5.
const data = threeSchools({cederPerYear: 3});
const report = computeReport(data);
const pub: PublicReport = publishReport(report, data.settings);
const H = {suppressed: true, minCount: 5};
// A count hidden only to protect a small one (it may be 5 or more): published exactly like a small
// one, so the mark does not say which hidden counts are small (issue 10).
const C = H;
const byName = <T extends {name: string}>(rows: T[], name: string) => rows.find((r) => r.name === name) as T;

// Compile-time proof: a bare count is not a publishable value (tsc fails if this line compiles).
// @ts-expect-error a number has not passed the suppression rule
export const unchecked: StatusRow<"public"> = {status: "in_zorg", label: "In zorg", pupils: 3, pct: null};

describe("no pupil or trajectory leaves loaders/", () => {
  const json = JSON.stringify(pub);
  const pupilIds = [...ids("a", 1, 200), ...ids("b", 1, 100), ...ids("c", 1, 100)];

  test("the serialized public report contains no pupil id and no trajectory id", () => {
    expect(pupilIds.filter((id) => json.includes(id))).toEqual([]);
    expect(data.trajectories.filter((t) => json.includes(t.id))).toEqual([]);
  });

  test("the internal report does not hold them either", () => {
    const raw = JSON.stringify(report);
    expect(pupilIds.filter((id) => raw.includes(id))).toEqual([]);
  });

  test("no published count of pupils or trajectories lies between 1 and 4", () => {
    const countKeys = new Set([
      "pupils",
      "trajectories",
      "restarts",
      "raw",
      "corrected",
      "tabel1Total",
      "cohortPupils",
      "inScope",
      "startedBeforeWindow",
      "startedAfterWindow",
      "startedWithoutEnrolment",
      "stillInCare",
      "total"
    ]);
    const small: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (countKeys.has(k) && typeof v === "number" && v >= 1 && v <= 4) small.push(`${path}.${k}=${v}`);
          walk(v, `${path}.${k}`);
        }
      }
    };
    walk(pub, "report");
    expect(small).toEqual([]);
    // The fixture does have such counts before publishing: the walk would find them.
    const rawSmall: string[] = [];
    const rawWalk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(rawWalk);
      else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (countKeys.has(k) && typeof v === "number" && v >= 1 && v <= 4) rawSmall.push(k);
          rawWalk(v);
        }
      }
    };
    rawWalk(report);
    expect(rawSmall.length).toBeGreaterThan(0);
  });
});

describe("Tabel 6 after suppression", () => {
  test("Ceder's 3 pupils are hidden, and in each year the next smallest school with them", () => {
    // 2017: 7 / 10 / 3 → Anemoon's 7 hides too; 2018: 14 / 8 / 3 and 2019: 24 / 5 / 3 → Berk hides too.
    expect(pub.schools.tabel6.map((s) => [s.name, s.years.map((y) => y.pupils)])).toEqual([
      ["Anemoon", [C, 14, 24]],
      ["Berk", [10, C, C]],
      ["Ceder", [H, H, H]]
    ]);
  });

  test("percentages, growth categories and use categories follow their counts", () => {
    const anemoon = byName(pub.schools.tabel6, "Anemoon");
    expect(anemoon.years.map((y) => y.pct)).toEqual([H, 7, 12]);
    expect(anemoon.growth.map((g) => g.category)).toEqual([H, "++"]);
    expect(anemoon.growthPattern).toEqual(H);
    expect(anemoon.useCategory).toBe("hoog");
    const berk = byName(pub.schools.tabel6, "Berk");
    expect(berk.years.map((y) => y.pct)).toEqual([10, H, H]);
    expect(berk.useCategory).toEqual(H);
  });

  test("schools with a hidden latest percentage move to the end, so their position reveals nothing", () => {
    expect(report.schools.tabel6.map((s) => s.name)).toEqual(["Ceder", "Berk", "Anemoon"]);
    expect(pub.schools.tabel6.map((s) => s.name)).toEqual(["Anemoon", "Berk", "Ceder"]);
  });

  test("hidden growth patterns form one group", () => {
    expect(pub.schools.growthPatterns).toEqual([
      {
        pattern: H,
        schools: [
          {schoolId: "A", name: "Anemoon"},
          {schoolId: "B", name: "Berk"},
          {schoolId: "C", name: "Ceder"}
        ]
      }
    ]);
  });

  test("enrolment and the municipal totals stay", () => {
    expect(byName(pub.schools.tabel6, "Ceder").enrolledLatestYear).toBe(100);
    expect(pub.schools.total.years.map((y) => [y.pupils, y.pct, y.trajectories, y.trajectoriesPerPupil])).toEqual([
      [20, 5, 20, 1],
      [25, 6.25, 25, 1],
      [32, 8, 38, 1.19]
    ]);
  });

  test("the range runs over the schools whose percentage is published, and says how many", () => {
    // Berk and Ceder are withheld in the latest year; only Anemoon (12 %) is compared.
    expect(pub.kerngetallen.extremesAmong).toBe(1);
    expect(pub.kerngetallen.lowestSchools).toEqual({pct: 12, schools: [{schoolId: "A", name: "Anemoon"}]});
    expect(pub.kerngetallen.highestSchools).toEqual({pct: 12, schools: [{schoolId: "A", name: "Anemoon"}]});
    expect(report.kerngetallen.extremesAmong).toBe(3);
  });
});

describe("derived tables after suppression", () => {
  test("Figuur 1: 1 pupil in care hides the largest other status too, and their percentages", () => {
    expect(pub.status.cohortPupils).toBe(37);
    expect(pub.status.figuur1.map((r) => [r.status, r.pupils, r.pct])).toEqual([
      ["in_zorg", H, H],
      ["stop_zorg", 0, 0],
      // 36 pupils: hidden only so the 1 in care cannot be worked out from the 37.
      ["uitstroom", C, H]
    ]);
    expect(pub.kerngetallen.pctInCareAtStatusDate).toEqual(H);
  });

  test("EKG is hidden with the counts it comes from", () => {
    expect(pub.outflow.steps[0].outcomes.map((o) => o.pupils)).toEqual([0, H, C]);
    expect(pub.outflow.ekg).toEqual(H);
    expect(pub.kerngetallen.ekg).toEqual(H);
  });

  test("Tabel 8: schools whose use category is hidden get their own column", () => {
    const omvang = pub.factors.tabel8[0];
    expect(omvang.columns.map((c) => c.key)).toEqual(["laag", "gemiddeld", "hoog", "afgeschermd"]);
    const filled = omvang.cells.filter((c) => c.schools > 0).map((c) => [c.row, c.column, c.schools]);
    expect(filled).toEqual([
      ["klein", "afgeschermd", 2],
      ["middel", "hoog", 1]
    ]);
  });

  test("interview answers are published as counts only: no per-school answers, no names in those tables", () => {
    // The raw report knows each school's dorpsteam grade (the fixture gives Anemoon a 3) …
    expect(report.factors.schools.some((s) => s.dorpsteamRating !== null)).toBe(true);
    // … the public one keeps the counts per cell and drops the answers and the names.
    expect(pub.factors.schools.every((s) => s.dorpsteamRating === null && s.ibExperience === null && s.ibCount === null && s.sesSelfReported === null)).toBe(true);
    const interviewTables = [pub.factors.tabel9, ...pub.factors.interviews];
    expect(interviewTables.flatMap((t) => t.cells.flatMap((c) => c.members))).toEqual([]);
    const rawCount = report.factors.tabel9.cells.reduce((a, c) => a + c.schools, 0);
    expect(pub.factors.tabel9.cells.reduce((a, c) => a + c.schools, 0)).toBe(rawCount);
    // Register-based factors keep their school names.
    expect(pub.factors.tabel8.flatMap((t) => t.cells.flatMap((c) => c.members)).length).toBeGreaterThan(0);
  });

  test("a count of 4 pupils of a provider is hidden in the municipal table, 0 and 8 stay", () => {
    const p2 = pub.careTypes.providers.find((p) => p.provider === "P2")!;
    expect(p2.perYear.map((y) => y.pupils)).toEqual([0, 0, H]);
    expect(p2.total).toEqual(H);
    expect(pub.careTypes.providers.find((p) => p.provider === "P3")!.total).toBe(8);
  });
});

describe("factsheets after suppression", () => {
  const anemoon = byName(pub.factsheets, "Anemoon");
  const ceder = byName(pub.factsheets, "Ceder");

  test("items 1 and 3 use the same hidden cells as Tabel 6", () => {
    expect(anemoon.years.map((y) => [y.trajectories, y.pupils, y.trajectoriesPerPupil, y.municipalTrajectoriesPerPupil])).toEqual([
      // Anemoon's 7 trajectories and 7 pupils of 2017 hide to protect Ceder's 3: marked complementary.
      [C, C, H, 1],
      [14, 14, 1, 1],
      [30, 24, 1.25, 1.19]
    ]);
  });

  test("item 2: growth from a hidden year is hidden, the municipal growth is not", () => {
    expect(anemoon.growth).toEqual([
      {from: 2017, to: 2018, trajectoriesPct: H, municipalTrajectoriesPct: 25, pupilsPct: H, municipalPupilsPct: 25},
      {from: 2018, to: 2019, trajectoriesPct: 114, municipalTrajectoriesPct: 52, pupilsPct: 71, municipalPupilsPct: 28}
    ]);
  });

  test("item 4: the board's share is hidden when one of its schools is, also for a single-school board", () => {
    expect(anemoon.shares.map((s) => [s.pct, s.boardPct, s.municipalPct])).toEqual([
      [H, H, 5],
      [7, H, 6.3],
      [12, H, 8]
    ]);
    expect(ceder.shares.map((s) => s.boardPct)).toEqual([H, H, H]);
  });

  test("item 8: a school with 3 cohort pupils shows neither their number, their bands nor its share of the cost", () => {
    expect(ceder.costs.pupils).toEqual(H);
    expect(ceder.costs.bands[0]).toMatchObject({pupils: H, pct: H});
    expect(ceder.costs.bands[1]).toMatchObject({pupils: 0, pct: H});
    expect(ceder.costs.shareOfMunicipalCostPct).toEqual(H);
    expect(ceder.costs.stillInCare).toBe(0);
  });

  test("item 7 lists the care types with their pupils (item 5's cell), without a provider", () => {
    expect(anemoon.topCareTypes.every((t) => Object.keys(t).sort().join() === "careType,label,pupils")).toBe(true);
    for (const t of anemoon.topCareTypes) {
      expect(t.pupils).toEqual(anemoon.careTypes.find((c) => c.careType === t.careType)!.perYear.find((y) => y.year === 2019)!.pupils);
    }
  });

  test("no factsheet has counts by provider or by age (issue 10); the municipal tables keep them", () => {
    for (const f of pub.factsheets) expect(Object.keys(f).filter((k) => k === "providers" || k === "ages")).toEqual([]);
    expect(pub.careTypes.providers.length).toBeGreaterThan(0);
    expect(pub.ages.years.length).toBe(3);
  });

  test("every withheld value has the one form {suppressed, minCount}: no mark says which are small", () => {
    const json = JSON.stringify(pub);
    expect(json).not.toContain("complementary");
    const forms = json.match(/\{"suppressed":[^}]*\}/g) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.filter((form) => !/^\{"suppressed":true,"minCount":\d+\}$/.test(form))).toEqual([]);
  });

  test("item 8 at a large school: 24 pupils, 61 % of the cost", () => {
    // 51 of the 83 trajectories of € 1.000 were at Anemoon: 61,4 %.
    expect(anemoon.costs.pupils).toBe(24);
    expect(anemoon.costs.shareOfMunicipalCostPct).toBe(61);
  });
});
