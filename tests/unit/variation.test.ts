// Every expected value here was worked out by hand or read from a printed statistics table
// (χ² quantiles, the exact Poisson and binomial intervals), not produced by the code under test.
import {describe, expect, test} from "vitest";
import {
  benjaminiHochberg,
  clopperPearson,
  holm,
  indirectlyStandardised,
  overdispersion,
  poissonInterval,
  randomEffectsLimits,
  winsorise,
  zScore
} from "../../loaders/variation.js";

describe("over-dispersion (Spiegelhalter 2005)", () => {
  // Three schools of 100 pupils with 10, 20 and 30 with youth care: p0 = 60/300 = 0,2, s = √(0,16/100) = 0,04,
  // z = −2,5, 0, 2,5; χ² = 12,5 on 2 df, p = e^(−12,5/2) = e^(−6,25).
  const units = [
    {r: 10, n: 100},
    {r: 20, n: 100},
    {r: 30, n: 100}
  ];

  test("z-scores, Pearson χ² and its p-value", () => {
    expect(zScore(units[0], 0.2)).toBeCloseTo(-2.5, 12);
    const result = overdispersion(units);
    expect(result.p0).toBeCloseTo(0.2, 12);
    expect(result.chiSquare).toBeCloseTo(12.5, 10);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-6.25), 10);
  });

  test("φ is the mean z² (nothing winsorised among three) and τ² the moment estimate", () => {
    const result = overdispersion(units);
    expect(result.phi).toBeCloseTo(12.5 / 3, 10);
    // w = 100/0,16 = 625 each; Σw − Σw²/Σw = 1875 − 625 = 1250; Iφ − (I − 1) = 12,5 − 2 = 10,5.
    expect(result.tau2).toBeCloseTo(10.5 / 1250, 12);
  });

  test("no excess variation gives τ² = 0", () => {
    const result = overdispersion([
      {r: 20, n: 100},
      {r: 20, n: 100}
    ]);
    expect(result.chiSquare).toBe(0);
    expect(result.tau2).toBe(0);
  });

  test("random-effects limits widen the binomial ones by τ²", () => {
    // half-width = 1,959964 · √(0,0016 + 0,0084) = 0,1959964
    const {lower, upper} = randomEffectsLimits(100, 0.2, 0.0084, 0.95);
    expect(lower).toBeCloseTo(0.2 - 0.1959964, 6);
    expect(upper).toBeCloseTo(0.2 + 0.1959964, 6);
    expect(randomEffectsLimits(100, 0.2, 0, 0.95).upper).toBeCloseTo(0.2 + 1.959964 * 0.04, 6);
  });

  test("winsorising 10 % of ten values replaces the lowest and the highest by their neighbours", () => {
    expect(winsorise([5, 1, 3, 2, 4, 10, 0, 6, 7, 8], 0.1)).toEqual([5, 1, 3, 2, 4, 8, 1, 6, 7, 8]);
    expect(winsorise([3, 1, 2], 0.1)).toEqual([3, 1, 2]);
  });

  test("refuses impossible counts", () => {
    expect(() => overdispersion([{r: 5, n: 4}, {r: 1, n: 4}])).toThrow(/5 van 4/);
    expect(() => overdispersion([{r: 1, n: 4}])).toThrow(/twee/);
  });
});

describe("adjusted p-values (as R's p.adjust)", () => {
  test("Holm: sorted p times (m − rank), made monotone, in the input's order", () => {
    // 0,01·5 = 0,05; 0,02·4 = 0,08; 0,03·3 = 0,09; 0,04·2 = 0,08 → 0,09; 0,05·1 → 0,09
    const adjusted = holm([0.03, 0.01, 0.05, 0.02, 0.04]);
    [0.09, 0.05, 0.09, 0.08, 0.09].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
    expect(holm([0.4, 0.6])).toEqual([0.8, 0.8]);
  });

  test("Benjamini–Hochberg: p · m / rank, made monotone from the top", () => {
    // sorted 0,005 0,01 0,03 0,04 → 0,02 0,02 0,04 0,04
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
  });
});

describe("exact intervals", () => {
  test("Clopper–Pearson for 5 of 10 and 0 of 10", () => {
    const half = clopperPearson({r: 5, n: 10});
    expect(half.lower).toBeCloseTo(0.187086, 5);
    expect(half.upper).toBeCloseTo(0.812914, 5);
    // r = 0: upper = 1 − 0,025^(1/10)
    expect(clopperPearson({r: 0, n: 10})).toEqual({lower: 0, upper: expect.closeTo(1 - 0.025 ** 0.1, 8)});
  });

  test("Poisson (Garwood) for 6 events: χ²(0,025; 12)/2 and χ²(0,975; 14)/2", () => {
    const {lower, upper} = poissonInterval(6);
    expect(lower).toBeCloseTo(4.403789 / 2, 5);
    expect(upper).toBeCloseTo(26.118948 / 2, 5);
    expect(poissonInterval(0).lower).toBe(0);
    expect(poissonInterval(0).upper).toBeCloseTo(7.377759 / 2, 5);
  });
});

describe("indirect standardisation", () => {
  // Reference rates: age 6 10 %, age 10 30 %. A school with 20 six-year-olds (1 in care) and ten
  // ten-year-olds (5 in care) expects 20·0,1 + 10·0,3 = 5 and has 6.
  const reference = [
    {key: 6, n: 100, r: 10},
    {key: 10, n: 100, r: 30}
  ];
  const school = [
    {key: 6, n: 20, r: 1},
    {key: 10, n: 10, r: 5}
  ];

  test("expected count, O/E and its exact interval", () => {
    const result = indirectlyStandardised(school, reference);
    expect(result.observed).toBe(6);
    expect(result.expected).toBeCloseTo(5, 12);
    expect(result.ratio).toBeCloseTo(1.2, 12);
    expect(result.lower).toBeCloseTo(4.403789 / 2 / 5, 5);
    expect(result.upper).toBeCloseTo(26.118948 / 2 / 5, 5);
  });

  test("an older school expects more than a younger one of the same size", () => {
    const older = indirectlyStandardised([{key: 10, n: 30, r: 6}], reference);
    const younger = indirectlyStandardised([{key: 6, n: 30, r: 6}], reference);
    expect(older.expected).toBeCloseTo(9, 12);
    expect(younger.expected).toBeCloseTo(3, 12);
    expect(older.ratio).toBeLessThan(1);
    expect(younger.ratio).toBeGreaterThan(1);
  });

  test("a stratum missing from the reference is an error, not a silent zero", () => {
    expect(() => indirectlyStandardised([{key: 12, n: 5, r: 1}], reference)).toThrow(/12/);
  });
});
