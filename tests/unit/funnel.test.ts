import {describe, expect, it} from "vitest";
import {binomialCdf, binomialPmf, binomialQuantile, funnelLimits, limitsAt, logGamma, outsideLimits} from "../../src/lib/funnel.js";

// An independent route to the same distribution: the pmf by its ratio recurrence
// P(k + 1) = P(k) · (n − k)/(k + 1) · p/(1 − p), starting at (1 − p)^n, summed directly.
function pmfByRecurrence(n: number, p: number): number[] {
  const pmf = [(1 - p) ** n];
  for (let k = 0; k < n; k++) pmf.push((pmf[k] * (n - k) * p) / ((k + 1) * (1 - p)));
  return pmf;
}

describe("logGamma", () => {
  it("logGamma(n) is ln((n − 1)!) for whole n", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 12);
    let lnFactorial = 0;
    for (let i = 2; i <= 100; i++) lnFactorial += Math.log(i);
    expect(logGamma(101)).toBeCloseTo(lnFactorial, 9);
  });

  it("logGamma(1/2) is ln √π, through the reflection below 1/2 as well", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Γ(1/4) = 3.6256099082219083…
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.6256099082219083), 12);
  });
});

describe("binomial distribution", () => {
  it("binomialPmf and binomialCdf for n = 2, p = 1/2 are 1/4, 1/2, 1/4 and 1/4, 3/4, 1", () => {
    expect([0, 1, 2].map((k) => binomialPmf(k, 2, 0.5))).toEqual([0.25, 0.5, 0.25].map((v) => expect.closeTo(v, 14)));
    expect([0, 1, 2].map((k) => binomialCdf(k, 2, 0.5))).toEqual([0.25, 0.75, 1].map((v) => expect.closeTo(v, 14)));
    expect(binomialCdf(-1, 2, 0.5)).toBe(0);
  });

  it("binomialCdf(4, 57, 0.0855) agrees with the pmf summed by recurrence and with exact rational arithmetic", () => {
    const direct = pmfByRecurrence(57, 0.0855)
      .slice(0, 5)
      .reduce((a, b) => a + b, 0);
    expect(binomialCdf(4, 57, 0.0855)).toBeCloseTo(direct, 12);
    // Σ C(57, k)·0.0855^k·0.9145^(57−k) for k = 0…4, computed with exact fractions.
    expect(binomialCdf(4, 57, 0.0855)).toBeCloseTo(0.455921026700933, 12);
  });

  it("binomialPmf for 4.550 pupils matches the recurrence without overflow", () => {
    const pmf = pmfByRecurrence(4550, 0.0855);
    for (const k of [300, 389, 420]) expect(binomialPmf(k, 4550, 0.0855)).toBeCloseTo(pmf[k], 12);
    expect(binomialCdf(4550, 4550, 0.0855)).toBe(1);
  });

  it("binomialQuantile is the smallest r with P(R ≤ r) ≥ q", () => {
    // n = 2, p = 1/2: F = 1/4, 3/4, 1.
    expect(binomialQuantile(0.25, 2, 0.5)).toBe(0);
    expect(binomialQuantile(0.26, 2, 0.5)).toBe(1);
    expect(binomialQuantile(0.975, 2, 0.5)).toBe(2);
    // n = 57, p = 0.0855: F(8) = 0.94819, F(9) = 0.97829 (exact fractions), so the 97,5% quantile is 9.
    expect(binomialQuantile(0.975, 57, 0.0855)).toBe(9);
    expect(binomialQuantile(0.025, 57, 0.0855)).toBe(1);
  });

  it("p = 0 puts all mass on zero pupils", () => {
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(funnelLimits(10, 0, 0.95)).toEqual({lower: 0, upper: 0});
  });
});

describe("funnelLimits (Spiegelhalter's interpolated binomial limits)", () => {
  it("for n = 2, p = 1/2 the 95% upper limit is (2 − 0,1)/2 and the lower limit is clamped at 0", () => {
    // Upper: r = 2, α = (1 − 0,975)/(1 − 0,75) = 0,1 → 0,95. Lower: r = 0, α = (0,25 − 0,025)/0,25 = 0,9 → −0,45 → 0.
    const {lower, upper} = funnelLimits(2, 0.5, 0.95);
    expect(upper).toBeCloseTo(0.95, 12);
    expect(lower).toBe(0);
  });

  it("for n = 57, p = 0.0855 the limits match values computed by hand with exact fractions", () => {
    // 95%: upper r = 9, F(9) = 0.978287, F(8) = 0.948185 → α = 0.109182 → (9 − α)/57 = 0.155979.
    //      lower r = 1, F(1) = 0.038799, F(0) = 0.006130 → α = 0.422383 → (1 − α)/57 = 0.010134.
    // 99,8%: upper r = 12 → 0.209389; lower r = 0 → below zero, clamped.
    const ninetyFive = funnelLimits(57, 0.0855, 0.95);
    expect(ninetyFive.upper).toBeCloseTo(0.1559792548, 8);
    expect(ninetyFive.lower).toBeCloseTo(0.0101336233, 8);
    const control = funnelLimits(57, 0.0855, 0.998);
    expect(control.upper).toBeCloseTo(0.2093890558, 8);
    expect(control.lower).toBe(0);
  });

  it("for n = 338 the 99,8% limits are 4,07% and 13,44%, narrower than at 57 pupils", () => {
    const {lower, upper} = funnelLimits(338, 0.0855, 0.998);
    expect(lower).toBeCloseTo(0.0406794075, 8);
    expect(upper).toBeCloseTo(0.1344414702, 8);
  });

  it("the interpolated limit moves without jumps from one school size to the next", () => {
    // The raw quantile r/n jumps by 1/n at each step of r; the interpolation keeps steps far smaller.
    const uppers = Array.from({length: 200}, (_, i) => funnelLimits(100 + i, 0.0855, 0.95).upper);
    const largestStep = Math.max(...uppers.slice(1).map((u, i) => Math.abs(u - uppers[i])));
    expect(largestStep).toBeLessThan(0.2 / 100);
  });

  it("outsideLimits says on which side a school lies, and a rate exactly on a limit is inside", () => {
    // n = 2, p = 1/2, 95%: limits 0 … 0,95. Two of two (100%) is above; zero of two (0%) is on the limit.
    expect(outsideLimits(2, 2, 0.5, 0.95)).toBe("boven");
    expect(outsideLimits(0, 2, 0.5, 0.95)).toBeNull();
    // 57 pupils: 12 of 57 = 21,1% lies above the 99,8% limit of 20,9%; 11 of 57 = 19,3% does not.
    expect(outsideLimits(12, 57, 0.0855, 0.998)).toBe("boven");
    expect(outsideLimits(11, 57, 0.0855, 0.998)).toBeNull();
    // 338 pupils: 13 (3,8%) is below the 99,8% lower limit of 4,07%; 14 (4,1%) is not.
    expect(outsideLimits(13, 338, 0.0855, 0.998)).toBe("onder");
    expect(outsideLimits(14, 338, 0.0855, 0.998)).toBeNull();
  });
});

describe("over-dispersed limits", () => {
  // By hand: 0,1 ± 1,959964 · √(0,1 · 0,9 / 100 + 0,001) = 0,1 ± 1,959964 · 0,0435890 = 0,1 ± 0,0854329
  it("widen the normal limits by τ², at the published z of the coverage", () => {
    const spread = {tau2: 0.001, coverages: [0.95, 0.998], z: [1.959964, 3.090232]};
    expect(limitsAt(100, 0.1, 0.95, spread).lower).toBeCloseTo(0.0145671, 6);
    expect(limitsAt(100, 0.1, 0.95, spread).upper).toBeCloseTo(0.1854329, 6);
    expect(outsideLimits(19, 100, 0.1, 0.95, spread)).toBe("boven");
    expect(outsideLimits(18, 100, 0.1, 0.95, spread)).toBeNull();
    // the binomial funnel calls 18 of 100 "boven" at 95 %: over-dispersion is what makes it ordinary
    expect(outsideLimits(18, 100, 0.1, 0.95)).toBe("boven");
    expect(() => limitsAt(100, 0.1, 0.9, spread)).toThrow(/0.9/);
  });
});
