// Control limits for a funnel plot of proportions (Spiegelhalter 2005, "Funnel plots for comparing
// institutional performance", appendix A.1.1): for a unit of n pupils and a reference proportion p,
// the limits are exact quantiles of Binomial(n, p), interpolated so that they change smoothly with n.
// Also the over-dispersed limits and the estimate of φ and τ² they need (Spiegelhalter 2005,
// "Handling over-dispersion of performance indicators"). Pure and dependency-free: it runs in the
// browser and in the tests alike.

// Lanczos approximation (g = 7, 9 terms): about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0; ln((n − 1)!) for whole n. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x moet groter dan 0 zijn, niet ${x}`);
  // Reflection keeps the series accurate below 1/2.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function checkBinomial(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomiaal: n moet een geheel getal ≥ 0 zijn, niet ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomiaal: p moet tussen 0 en 1 liggen, niet ${p}`);
}

/** P(R = k) for R ~ Binomial(n, p), through log-gamma so that large n neither overflows nor underflows early. */
export function binomialPmf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  // The degenerate ends: log(0) would turn 0 · log(0) into NaN.
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(R ≤ k) for R ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  let sum = 0;
  for (let i = 0; i <= Math.floor(k); i++) sum += binomialPmf(i, n, p);
  return Math.min(sum, 1);
}

/** The cumulative distribution at 0 … n in one pass (a quantile needs several of its values). */
function cumulative(n: number, p: number): number[] {
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 0; k <= n; k++) cdf.push(Math.min((sum += binomialPmf(k, n, p)), 1));
  cdf[n] = 1;
  return cdf;
}

/** The q-quantile: the smallest r with P(R ≤ r) ≥ q (R's qbinom). */
export function binomialQuantile(q: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`binomiaal: q moet tussen 0 en 1 liggen, niet ${q}`);
  return quantileIn(cumulative(n, p), q);
}

function quantileIn(cdf: number[], q: number): number {
  const r = cdf.findIndex((c) => c >= q);
  return r === -1 ? cdf.length - 1 : r;
}

// The q-limit as a proportion: (r − α)/n with r the q-quantile and α = (F(r) − q)/(F(r) − F(r − 1)),
// so the step function of the quantile becomes a line between whole counts. Clamped to [0, 1]: for a
// small school the interpolated lower limit can fall below zero, which no proportion can.
function interpolated(cdf: number[], q: number, n: number): number {
  const r = quantileIn(cdf, q);
  const below = r > 0 ? cdf[r - 1] : 0;
  const alpha = cdf[r] > below ? (cdf[r] - q) / (cdf[r] - below) : 0;
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/** Two-sided limits that hold `coverage` of the units that differ from p by chance alone (0.95, 0.998). */
export function funnelLimits(n: number, p: number, coverage: number): {lower: number; upper: number} {
  checkBinomial(n, p);
  if (n === 0) return {lower: p, upper: p};
  // Schools share sizes and a funnel asks each size for its line and its dots: thousands of schools
  // (a national explorer cube) need only a few hundred distinct limits.
  const key = `${n}|${p}|${coverage}`;
  const known = limitsCache.get(key);
  if (known) return known;
  const cdf = cumulative(n, p);
  const tail = (1 - coverage) / 2;
  const limits = {lower: interpolated(cdf, tail, n), upper: interpolated(cdf, 1 - tail, n)};
  if (limitsCache.size >= LIMITS_CACHE_SIZE) limitsCache.clear();
  limitsCache.set(key, limits);
  return limits;
}

const LIMITS_CACHE_SIZE = 20_000;
const limitsCache = new Map<string, {lower: number; upper: number}>();

/**
 * Limits widened for over-dispersion (Spiegelhalter 2005, additive random effects):
 * p ± z·√(p(1 − p)/n + τ²), with z the normal quantile of the coverage (loaders/variation.ts
 * `coverageZ`, published beside τ² so the page needs no quantile function of its own).
 */
export function overdispersedLimits(n: number, p: number, tau2: number, z: number): {lower: number; upper: number} {
  const half = z * Math.sqrt((p * (1 - p)) / n + tau2);
  return {lower: Math.max(0, p - half), upper: Math.min(1, p + half)};
}

/**
 * Over-dispersion to widen the limits with: τ² and, per coverage, its normal quantile (as
 * statistics.json publishes them). Without it the limits are binomial: chance alone, every pupil alike.
 */
export interface Spread {
  tau2: number;
  coverages: readonly number[];
  z: readonly number[];
}

/** The limits at `coverage` for a unit of n around p: binomial, or widened by `spread`. */
export function limitsAt(n: number, p: number, coverage: number, spread: Spread | null = null): {lower: number; upper: number} {
  if (spread === null) return funnelLimits(n, p, coverage);
  const z = spread.z[spread.coverages.indexOf(coverage)];
  if (z === undefined) throw new RangeError(`geen z-waarde voor dekking ${coverage}`);
  return overdispersedLimits(n, p, spread.tau2, z);
}

/** The z-score of a unit against the reference proportion p0 under binomial variation. */
export function zScore({r, n}: {r: number; n: number}, p0: number): number {
  return (r / n - p0) / Math.sqrt((p0 * (1 - p0)) / n);
}

/**
 * Replace the `fraction` lowest and highest z-scores by the nearest remaining ones (Spiegelhalter
 * 2005: 10 %), so that a few truly divergent units do not inflate the estimate of over-dispersion
 * that is then used to judge them. With fewer units than 1/fraction nothing is replaced.
 */
export function winsorise(values: readonly number[], fraction: number): number[] {
  const k = Math.floor(values.length * fraction);
  if (k === 0) return [...values];
  // A typed array sorts numbers without a comparator: a national funnel sorts thousands per redraw.
  const sorted = Float64Array.from(values).sort();
  const low = sorted[k];
  const high = sorted[sorted.length - 1 - k];
  return values.map((v) => Math.min(high, Math.max(low, v)));
}

/**
 * Spiegelhalter's (2005) estimate of over-dispersion around p0: Pearson χ² = Σ z², φ = the mean of
 * the winsorised z², and the additive between-unit variance τ² (0 when φ shows none).
 */
export function spreadEstimate(units: readonly {r: number; n: number}[], p0: number, winsoriseFraction = 0.1): {chiSquare: number; phi: number; tau2: number} {
  const z = units.map((u) => zScore(u, p0));
  const chiSquare = z.reduce((s, v) => s + v * v, 0);
  const phi = winsorise(z, winsoriseFraction).reduce((s, v) => s + v * v, 0) / units.length;
  // Moment estimate: τ² = (Iφ − (I − 1)) / (Σw − Σw²/Σw), w = 1/s², s² = p0(1 − p0)/n.
  const w = units.map((u) => u.n / (p0 * (1 - p0)));
  const sumW = w.reduce((s, v) => s + v, 0);
  const sumW2 = w.reduce((s, v) => s + v * v, 0);
  const excess = units.length * phi - (units.length - 1);
  return {chiSquare, phi, tau2: excess > 0 ? excess / (sumW - sumW2 / sumW) : 0};
}

/** Over-dispersion of units around a reference share, with the test of it (loaders/variation.ts, and the explorer's selection). */
export interface Overdispersion {
  /** Reference proportion: all pupils with youth care over all pupils of the units, or the given reference (the municipal share). */
  p0: number;
  units: number;
  /** Pearson χ² = Σ z² with the reference estimated from the data, on units − 1 degrees of freedom. */
  chiSquare: number;
  degreesOfFreedom: number;
  /** P(χ²(df) ≥ chiSquare): small means more variation between units than binomial chance gives. */
  pValue: number;
  /** φ = mean of the winsorised z² (Spiegelhalter's estimate; 1 = binomial variation). */
  phi: number;
  /** Between-unit variance of the true proportions (additive random effects; 0 when φ shows none). */
  tau2: number;
}

/** Holm's step-down adjustment (R: p.adjust(p, "holm")), in the input's order. Here so that the
 *  explorer adjusts its own per-school tests the way the report adjusts its factor tests. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * Two-sided exact p-value of k of n against p0 (doubling the smaller tail, capped at 1): whether a
 * school's share differs from the funnel's centre by more than chance.
 */
export function binomialTest(k: number, n: number, p0: number): number {
  const lower = binomialCdf(k, n, p0);
  const upper = 1 - binomialCdf(k - 1, n, p0);
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** P(X ≤ k) for X ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  let sum = 0;
  for (let i = 0; i <= Math.floor(k); i++) sum += Math.exp(i * Math.log(mean) - mean - logGamma(i + 1));
  return Math.min(sum, 1);
}

/** Two-sided exact p-value of `observed` events against an expected (Poisson) count: O/E against 1. */
export function poissonTest(observed: number, expected: number): number {
  const lower = poissonCdf(observed, expected);
  const upper = 1 - poissonCdf(observed - 1, expected);
  return Math.min(1, 2 * Math.min(lower, upper));
}

export type Side = "boven" | "onder";

/** Whether k of n lies strictly above or below the limits; on a limit counts as inside. */
export function outsideLimits(k: number, n: number, p: number, coverage: number, spread: Spread | null = null): Side | null {
  const {lower, upper} = limitsAt(n, p, coverage, spread);
  const rate = k / n;
  return rate > upper ? "boven" : rate < lower ? "onder" : null;
}

/**
 * P(X ≥ x) for X ~ χ²(df): the p-value of Pearson's χ² = Σ z² against "binomial chance alone". The
 * regularised upper incomplete gamma Q(df/2, x/2), by its series below a + 1 and its continued fraction
 * above (Numerical Recipes 6.2), to about 1e-14; dependency-free so the explorer can test its own
 * selection (the loaders use @stdlib, and the unit test checks one against the other).
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-kwadraat: df moet groter dan 0 zijn, niet ${df}`);
  if (!(x > 0)) return 1;
  const a = df / 2;
  const t = x / 2;
  const logPrefix = a * Math.log(t) - t - logGamma(a);
  if (t < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; k++) sum += term *= t / (a + k);
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logPrefix)));
  }
  const tiny = 1e-300;
  let b = t + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, h * Math.exp(logPrefix)));
}
