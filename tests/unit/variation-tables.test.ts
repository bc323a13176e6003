// variationTables on the three hand-made schools (tests/fixtures/threeSchools.ts). Expected values
// were computed outside the project: the formulas by hand, the quantiles with scipy 1.17.1
// (chi2.sf, chi2.ppf, beta.ppf, fisher_exact), as noted at each.
import {describe, expect, test} from "vitest";
import {buildScope} from "../../loaders/tables/scope.js";
import {schoolYearCounts} from "../../loaders/tables/schools.js";
import {variationTables} from "../../loaders/tables/variation.js";
import {threeSchools} from "../fixtures/threeSchools.js";

const scope = buildScope(threeSchools());
const tables = variationTables(scope, schoolYearCounts(scope));
const year2019 = tables.years.find((y) => y.year === 2019)!;

describe("2019: Anemoon 24/200, Berk 5/100, Ceder 5/100", () => {
  test("over-dispersion: p0 = 34/400, χ² = 6,3002 on 2 df (p = 0,04285), φ = χ²/3, τ² = 0,0013378", () => {
    const od = year2019.overdispersion;
    expect(od.p0).toBeCloseTo(0.085, 12);
    expect(od.chiSquare).toBeCloseTo(6.300225, 5);
    expect(od.pValue).toBeCloseTo(0.0428473, 6);
    expect(od.phi).toBeCloseTo(6.300225 / 3, 5);
    expect(od.tau2).toBeCloseTo(0.0013378, 7);
  });

  test("every pupil is 9 on 1 July 2019, so expected = n · 0,085 and Anemoon's O/E = 24/17 with exact limits", () => {
    const anemoon = year2019.schools.find((s) => s.name === "Anemoon")!;
    expect(anemoon.standardised.expected).toBeCloseTo(17, 10);
    expect(anemoon.standardised.ratio).toBeCloseTo(24 / 17, 10);
    // chi2.ppf(0.025, 48)/2/17 and chi2.ppf(0.975, 50)/2/17
    expect(anemoon.standardised.lower).toBeCloseTo(0.9045443, 5);
    expect(anemoon.standardised.upper).toBeCloseTo(2.1005940, 5);
    expect(anemoon.standardisedPosition).toBe("binnen");
    expect(year2019.schools.map((s) => s.overdispersed)).toEqual([
      ["binnen", "binnen"],
      ["binnen", "binnen"],
      ["binnen", "binnen"]
    ]);
  });
});

test("change between years: Fisher's exact p per school, Holm over the schools of a pair of years", () => {
  const pair = tables.changes.filter((c) => c.from === 2018);
  // fisher_exact([[14,186],[24,176]]) = 0,123945; [[8,92],[5,95]] = 0,567925; [[5,95],[5,95]] = 1
  expect(pair.map((c) => c.name)).toEqual(["Anemoon", "Berk", "Ceder"]);
  expect(pair[0].pValue).toBeCloseTo(0.1239455, 6);
  expect(pair[1].pValue).toBeCloseTo(0.5679254, 6);
  expect(pair[2].pValue).toBeCloseTo(1, 6);
  expect(pair.map((c) => c.holmP)).toEqual([expect.closeTo(3 * 0.1239455, 5), 1, 1]);
});

test("pooled rate over the three years: Ceder 15 of 300 pupil-years with its Clopper–Pearson interval", () => {
  const ceder = tables.pooled.find((p) => p.name === "Ceder")!;
  expect([ceder.pupils, ceder.enrolled]).toEqual([15, 300]);
  expect(ceder.rate).toBeCloseTo(0.05, 12);
  // beta.ppf(0.025, 15, 286), beta.ppf(0.975, 16, 285)
  expect(ceder.lower).toBeCloseTo(0.0282512, 5);
  expect(ceder.upper).toBeCloseTo(0.0811274, 5);
});
