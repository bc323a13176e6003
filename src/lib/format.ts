// nl-NL number, percentage, money and date formats: the one place for them. Browser-safe and
// dependency-free (Intl), so pages, chart components and the Node scripts format alike:
// 4.550 · 8,5% · 1,27 · € 10.000 · 1 januari 2020. House style: "%" without a space, € with one.

/**
 * A value withheld by the suppression rule, as it appears in published JSON: a small count, a count
 * hidden so that a small one cannot be worked out, or a value derived from either. They look alike
 * on purpose: a mark that told them apart would say which hidden counts are small.
 */
export interface SuppressedValue {
  suppressed: true;
  minCount: number;
}

export function isSuppressedValue(value: unknown): value is SuppressedValue {
  return typeof value === "object" && value !== null && (value as SuppressedValue).suppressed === true;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat("nl-NL", {minimumFractionDigits, maximumFractionDigits})));
  return format;
}

/** Shown where a value does not exist (a percentage of zero pupils). */
export const NOT_APPLICABLE = "–";

/** How every withheld value reads, count or percentage (CBS uses a dot for "geheim"): pages explain
 *  the mark once in a legend. */
export const SUPPRESSED_DERIVED = "·";

/** "1 tot en met 4 leerlingen" (or "1 leerling" when minCount is 2): what the rule calls small. */
export function smallRange(minCount: number, unit = "leerlingen"): string {
  const top = minCount - 1;
  return top <= 1 ? `1 ${unit === "leerlingen" ? "leerling" : unit === "trajecten" ? "traject" : unit}` : `1 tot en met ${top} ${unit}`;
}

/**
 * The legend of the one mark, the one text every table and chart uses. The mark does not say which
 * kind of withheld value it is: that would tell which hidden counts are small (issue 10). The range
 * follows the build's threshold (minCount).
 */
export function withheldLegend(minCount: number, unit = "leerlingen"): string {
  return `„${SUPPRESSED_DERIVED}” = niet gepubliceerd: een klein aantal (${smallRange(minCount, unit)}), een getal dat daarop berust, of een aantal dat is weggelaten zodat een klein aantal niet terug te rekenen is.`;
}

type Shown = number | SuppressedValue | null | undefined;

function guard(value: Shown, format: (n: number) => string): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return NOT_APPLICABLE;
  if (isSuppressedValue(value)) return SUPPRESSED_DERIVED;
  return format(value);
}

/** 4550 → "4.550"; a withheld count → "·". */
export function formatCount(value: Shown): string {
  return guard(value, (n) => numberFormat(0, 0).format(n));
}

/** An axis tick on a count axis: whole numbers only. With a few pupils Plot ticks at 0,5 steps, and
 *  rounding those would print "0 0 1 1"; such ticks stay unlabelled. */
export function formatCountTick(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : "";
}

/** A number with a fixed number of decimals: 1.27 → "1,27". */
export function formatDecimal(value: Shown, decimals = 2): string {
  return guard(value, (n) => numberFormat(decimals, decimals).format(n));
}

/** A value already in percent: 8.55 → "8,55%", with decimals 1 → "8,6%" (rounded half up). */
export function formatPercent(value: Shown, decimals = 0): string {
  return guard(value, (n) => `${numberFormat(decimals, decimals).format(roundHalfUpTo(n, decimals))}%`);
}

/**
 * The share part/whole in percent, rounded once from the counts: 389 of 4 550 → "8,5%". Rounding a
 * stored 8.55 again to one decimal would give "8,6%" (double rounding). Round half up in integer
 * arithmetic (roundHalfUp, the rule loaders/definitions.ts uses). A withheld part or an empty whole has no share.
 */
export function formatShare(part: Shown, whole: Shown, decimals = 1): string {
  if (isSuppressedValue(part) || isSuppressedValue(whole)) return SUPPRESSED_DERIVED;
  if (typeof part !== "number" || typeof whole !== "number" || whole <= 0 || !Number.isFinite(part)) return NOT_APPLICABLE;
  return `${numberFormat(decimals, decimals).format(roundHalfUp(100 * part, whole, decimals) as number)}%`;
}

/** Percentage points with a sign: +3 → "+3", −2.5 → "−2,5" (a real minus sign). */
export function formatPoints(value: Shown, decimals = 0): string {
  return guard(value, (n) => {
    const text = numberFormat(decimals, decimals).format(Math.abs(roundHalfUpTo(n, decimals)));
    return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
  });
}

/** Euros, whole by default: 10000 → "€ 10.000". */
export function formatEuros(value: Shown, decimals = 0): string {
  return guard(value, (n) => `${n < 0 ? "-" : ""}€ ${numberFormat(decimals, decimals).format(Math.abs(n))}`);
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** A period of whole months as a reader says it: "een half jaar", "een jaar", "9 maanden". */
export function monthsText(n: number): string {
  if (n === 6) return "een half jaar";
  if (n === 12) return "een jaar";
  if (n % 12 === 0) return `${n / 12} jaar`;
  return n === 1 ? "1 maand" : `${formatCount(n)} maanden`;
}

/** "2020-01-01" → "1 januari 2020" (no Date object: no time-zone shift). */

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2019-10-01" → "oktober 2019": where the day of one row would say more than a page may. */
export function formatMonth(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * A count of pupils, trajectories or rows on a public page outside the disclosure model, rounded to
 * tens: 0 → "geen", 1–9 → "minder dan 10", 4 553 → "ongeveer 4.550" (half up: 4 555 → 4.560).
 */
export function formatRoughCount(n: number): string {
  if (n === 0) return "geen";
  if (n < 10) return "minder dan 10";
  return `ongeveer ${numberFormat(0, 0).format(Math.floor(n / 10 + 0.5) * 10)}`;
}

/** "2020-01-01" → "01-01-2020", the form Dutch offices use in files. */
export function formatDateNumeric(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

/**
 * numerator/denominator rounded half up to `decimals`, in integer arithmetic so that 3.5 really
 * rounds to 4 (floating point would make 7/200·100 = 3.4999…). "Up" means towards +∞, also for
 * negative values (−2.5 → −2). Null when the denominator is 0: there is nothing to divide by.
 */
export function roundHalfUp(numerator: number, denominator: number, decimals = 0): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** decimals;
  const sign = denominator < 0 ? -1 : 1;
  const n = numerator * sign * scale;
  const d = denominator * sign;
  return Math.floor((2 * n + d) / (2 * d)) / scale;
}

// Intl rounds half-even on some engines for ties like 8.55 → 8,5 at one decimal; the report rounds
// half up, so round first (with a small epsilon for binary fractions such as 8.55 = 8.549999…).
export function roundHalfUpTo(n: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(n * scale + 0.5 + 1e-9) / scale;
}
