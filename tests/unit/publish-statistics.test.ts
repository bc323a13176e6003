// statistics.json (issue 12) through the suppression rule, on the three hand-made schools
// (tests/fixtures/threeSchools.ts: every pupil is 9 on 1 July, so O/E = observed / (n · p0)).
// Numbers worked out by hand; the χ² quantiles are the scipy 1.17.1 values variation-tables.test.ts
// states: chi2.ppf(0.025, 48)/2 = 15,377253 and chi2.ppf(0.975, 50)/2 = 35,710098.
import {describe, expect, test} from "vitest";
import {countLeaves} from "../../loaders/disclosure/leaves.js";
import {publishReport, type PublicReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {isSuppressed} from "../../loaders/suppression.js";
import {threeSchools} from "../fixtures/threeSchools.js";

function publish(cederPerYear?: number): PublicReport {
  const data = threeSchools({cederPerYear});
  return publishReport(computeReport(data), data.settings);
}

const tabel6Count = (pub: PublicReport, schoolId: string, year: number) =>
  pub.schools.tabel6.find((r) => r.schoolId === schoolId)!.years.find((y) => y.year === year)!.pupils;

describe("every count shown (Anemoon 24/200, Berk 5/100, Ceder 5/100 in 2019)", () => {
  const pub = publish();
  const year2019 = pub.statistics!.years.find((y) => y.year === 2019)!;

  test("φ and its test are the all-schools values: χ² = 6,3002 on 2 df, p = 0,04285", () => {
    expect(year2019.schoolsInEstimate).toBe(3);
    expect(year2019.overdispersion!.chiSquare).toBeCloseTo(6.300225, 5);
    expect(year2019.overdispersion!.pValue).toBeCloseTo(0.0428473, 6);
  });

  test("Anemoon's O/E = 24/17 with its exact interval", () => {
    const anemoon = year2019.schools.find((s) => s.name === "Anemoon")!;
    expect(anemoon.standardised).toEqual({
      expected: expect.closeTo(17, 10),
      ratio: expect.closeTo(24 / 17, 10),
      lower: expect.closeTo(15.377253 / 17, 5),
      upper: expect.closeTo(35.710098 / 17, 5),
      position: "binnen"
    });
    expect(anemoon.share).toBeCloseTo(0.12, 12);
  });

  test("the rapport variant of the sensitivity table repeats the published exact tests", () => {
    const published = [...pub.factors.tabel8, pub.factors.tabel9, ...pub.factors.interviews];
    expect(pub.statistics!.sensitivity.factors.map((f) => f.pValues.rapport)).toEqual(published.map((t) => t.exactTest.pValue));
  });
});

describe("Ceder with 3 pupils a year: hidden in Tabel 6, and Berk or Anemoon with it", () => {
  const pub = publish(3);
  const statistics = pub.statistics!;

  test("Ceder's share, funnel positions, O/E, changes and pooled rate are hidden", () => {
    for (const year of statistics.years) {
      const ceder = year.schools.find((s) => s.name === "Ceder")!;
      expect([ceder.share, ceder.binomial, ceder.overdispersed, ceder.standardised].every(isSuppressed)).toBe(true);
    }
    for (const change of statistics.changes.filter((c) => c.name === "Ceder")) {
      expect(isSuppressed(change.pValue) && isSuppressed(change.holmP)).toBe(true);
    }
    expect(isSuppressed(statistics.pooled.schools.find((s) => s.name === "Ceder")!.estimate)).toBe(true);
  });

  test("a school-year's O/E is hidden exactly when Tabel 6 hides its count", () => {
    for (const year of statistics.years) {
      for (const s of year.schools) expect(isSuppressed(s.standardised)).toBe(isSuppressed(tabel6Count(pub, s.schoolId, year.year)));
    }
  });

  test("2019: only Anemoon (24) is shown, so no φ is estimated from the hidden counts", () => {
    const year2019 = statistics.years.find((y) => y.year === 2019)!;
    expect(year2019.overdispersion).toBeNull();
    expect(year2019.schoolsInEstimate).toBe(0);
    // reference rate (24 + 5 + 3)/400 = 0,08, so expected = 16 and O/E = 1,5
    expect(year2019.schools.find((s) => s.name === "Anemoon")!.standardised).toEqual({
      expected: expect.closeTo(16, 10),
      ratio: expect.closeTo(1.5, 10),
      lower: expect.closeTo(15.377253 / 16, 5),
      upper: expect.closeTo(35.710098 / 16, 5),
      position: "binnen"
    });
  });

  test("Anemoon 2018 → 2019 (14 → 24 of 200): Fisher p = 0,1239455; Holm over the one published change leaves it", () => {
    const change = statistics.changes.find((c) => c.name === "Anemoon" && c.from === 2018)!;
    expect(change.pValue).toBeCloseTo(0.1239455, 6);
    expect(change.holmP).toBeCloseTo(0.1239455, 6);
    // 2017 (7 pupils) is hidden to protect Ceder's 3 in the municipal total
    expect(isSuppressed(tabel6Count(pub, "A", 2017))).toBe(true);
    expect(isSuppressed(statistics.changes.find((c) => c.name === "Anemoon" && c.from === 2017)!.pValue)).toBe(true);
  });

  test("statistics.json holds no count the disclosure registry would have to know", () => {
    expect(countLeaves(statistics)).toEqual([]);
  });
});
