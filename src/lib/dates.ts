// Calendar arithmetic on ISO date strings ("YYYY-MM-DD"). Dates stay strings so they compare
// with < and never shift with the time zone; Date is used only in UTC for day arithmetic.

/** ISO date "YYYY-MM-DD" and year-month "YYYY-MM" (the same aliases as loaders/model.ts). */
type IsoDate = string;
type YearMonth = string;

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

/** The number in `length` ASCII digits from `at`, or -1 when any of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

// These run several times per row of files with a million rows (years, months, ages, gaps): char
// codes instead of a regex match and no parts object where one number is asked for.
function checkedDate(date: IsoDate): IsoDate {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || digits(date, 0, 4) < 0 || digits(date, 5, 2) < 0 || digits(date, 8, 2) < 0) {
    throw new RangeError(`Ongeldige datum "${date}" (verwacht JJJJ-MM-DD).`);
  }
  return date;
}

function parts(date: IsoDate): DateParts {
  checkedDate(date);
  return {year: digits(date, 0, 4), month: digits(date, 5, 2), day: digits(date, 8, 2)};
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function format({year, month, day}: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function yearOf(date: IsoDate): number {
  return digits(checkedDate(date), 0, 4);
}

export function monthOf(date: IsoDate): number {
  return digits(checkedDate(date), 5, 2);
}

/** The date as the number YYYYMMDD, which orders as the date does: a million comparisons need no string. */
export function dateNumber(date: IsoDate): number {
  return digits(checkedDate(date), 0, 4) * 10_000 + digits(date, 5, 2) * 100 + digits(date, 8, 2);
}

export function firstDayOfYear(year: number): IsoDate {
  return format({year, month: 1, day: 1});
}

export function lastDayOfYear(year: number): IsoDate {
  return format({year, month: 12, day: 31});
}

/** Parses "YYYY-MM" into year and month (1-12). */
export function yearMonthParts(value: YearMonth): {year: number; month: number} {
  const year = value.length === 7 && value.charCodeAt(4) === 45 ? digits(value, 0, 4) : -1;
  const month = year < 0 ? -1 : digits(value, 5, 2);
  if (month < 0) throw new RangeError(`Ongeldige maand "${value}" (verwacht JJJJ-MM).`);
  return {year, month};
}

/**
 * Adds whole calendar months. A day that does not exist in the target month is clamped to its
 * last day (31-08 + 6 months = 28-02 or 29-02), the usual reading of "six months after".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const {year, month, day} = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth))});
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const {year, month, day} = parts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate()});
}

/** Days from a to b (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = parts(a);
  const pb = parts(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}

/**
 * Whole months from a to b: the largest k with addMonths(a, k) ≤ b. Defined this way (and not by
 * comparing day numbers) so it agrees with addMonths at month ends: 31-01 → 28-02 is one month.
 */
export function completedMonths(a: IsoDate, b: IsoDate): number {
  if (b < a) throw new RangeError(`completedMonths: ${b} ligt voor ${a}.`);
  const pa = parts(a);
  const pb = parts(b);
  const months = (pb.year - pa.year) * 12 + (pb.month - pa.month);
  return addMonths(a, months) <= b ? months : months - 1;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? b : a;
}
