// Parsers for the cell values Dutch back offices export. Each takes the trimmed cell text and returns
// either a value or a Dutch reason that reads after the quoted value ("31-02-2019" is geen geldige
// datum ...). They never throw: the contract collects every reason before it stops the build.

import type {IsoDate, YearMonth} from "./model.js";

export type Parsed<T> = {ok: true; value: T} | {ok: false; reason: string};
export type Parser<T> = (text: string) => Parsed<T>;

export function ok<T>(value: T): Parsed<T> {
  return {ok: true, value};
}

export function fail(reason: string): {ok: false; reason: string} {
  return {ok: false, reason};
}

export const EMPTY_REASON = "is leeg, maar dit veld is verplicht";

// Two-digit years and typos such as 0219 would otherwise pass as real dates.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const DAY_FIRST = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})[-/](\d{4})$/;
const YEAR_THEN_MONTH = /^(\d{4})[-/](\d{1,2})$/;

const DATE_REASON = "is geen geldige datum (verwacht dd-mm-jjjj)";
const YEAR_MONTH_REASON = "is geen geldige maand (verwacht mm-jjjj)";

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

function dateParts(text: string): [year: number, month: number, day: number] | null {
  // Fast path for the two usual spellings; a million trajectories carry two dates each.
  if (text.length === 10 && (text[2] === "-" || text[2] === "/") && text[5] === text[2]) {
    const parts: [number, number, number] = [digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2)];
    if (!parts.some(Number.isNaN)) return parts;
  }
  if (text.length === 10 && (text[4] === "-" || text[4] === "/") && text[7] === text[4]) {
    const parts: [number, number, number] = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)];
    if (!parts.some(Number.isNaN)) return parts;
  }
  let match = DAY_FIRST.exec(text);
  if (match) return [Number(match[4]), Number(match[3]), Number(match[1])];
  match = YEAR_FIRST.exec(text);
  if (match) return [Number(match[1]), Number(match[3]), Number(match[4])];
  return null;
}

/** dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd, with - or / → "YYYY-MM-DD". */
export function parseDate(text: string): Parsed<IsoDate> {
  if (text === "") return fail(EMPTY_REASON);
  const parts = dateParts(text);
  if (!parts || !isRealDate(...parts)) return fail(DATE_REASON);
  const [year, month, day] = parts;
  return ok(`${year}-${pad2(month)}-${pad2(day)}`);
}

/** mm-jjjj, jjjj-mm, or a full date of which only the month counts → "YYYY-MM". */
export function parseYearMonth(text: string): Parsed<YearMonth> {
  if (text === "") return fail(EMPTY_REASON);
  let year: number;
  let month: number;
  const monthFirst = MONTH_FIRST.exec(text);
  const yearFirst = monthFirst ? null : YEAR_THEN_MONTH.exec(text);
  if (monthFirst) [month, year] = [Number(monthFirst[1]), Number(monthFirst[2])];
  else if (yearFirst) [year, month] = [Number(yearFirst[1]), Number(yearFirst[2])];
  else {
    const parts = dateParts(text);
    if (!parts || !isRealDate(...parts)) return fail(YEAR_MONTH_REASON);
    [year, month] = parts;
  }
  if (!isRealDate(year, month, 1)) return fail(YEAR_MONTH_REASON);
  return ok(`${year}-${pad2(month)}`);
}

/** "2019-10-01" → "01-10-2019", for messages in the format people typed. */
export function formatDutchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

const AMOUNT_REASON = "is geen geldig bedrag (verwacht bijvoorbeeld 1234,56 of 1.234,56)";
const DECIMALS_REASON = "heeft meer dan twee cijfers achter de komma; een bedrag in euro heeft er hoogstens twee (1234,56)";
const AMOUNT_CHARS = /^[+-]?[\d.,]+$/;
const PLAIN_AMOUNT = /^\d+(?:[.,]\d{1,2})?$/;
// A leading 0 cannot start a thousands group, so "0.500" stays a half.
const GROUPED = /^[1-9]\d{0,2}(?:[.,]\d{3})+$/;
// Spaces that Excel and nl-NL formatting put between € and the number or between thousands.
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Euro amounts with a decimal comma or point. When both appear, the last one is the decimal
 * separator. A single separator followed by exactly three digits is ambiguous; cents have two
 * digits, so "1.234" reads as a thousand separator (Dutch) while "1,234" reads as a decimal comma.
 */
export function parseAmount(text: string): Parsed<number> {
  if (text === "") return fail(EMPTY_REASON);
  // Fast path: plain digits with at most two decimals read the same in every convention.
  if (PLAIN_AMOUNT.test(text)) return ok(Number(text.replace(",", ".")));
  let s = text.replace(SPACES, "").replace(/^([+-]?)€/, "$1").replace(/€$/, "");
  if (!AMOUNT_CHARS.test(s)) return fail(AMOUNT_REASON);
  const sign = s[0] === "-" ? -1 : 1;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  const decimalAt = decimalSeparatorIndex(s);
  const whole = decimalAt < 0 ? s : s.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? "" : s.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction) || (decimalAt >= 0 && fraction === "")) return fail(AMOUNT_REASON);
  // Cents have two digits; a third is an export in another unit or a thousands mark read as decimals.
  if (fraction.length > 2) return fail(DECIMALS_REASON);
  if (/[.,]/.test(whole) && !GROUPED.test(whole)) return fail(AMOUNT_REASON);
  // Mixed grouping such as 1.234,567.8 passes the checks above only if both marks are the same.
  if (whole.includes(".") && whole.includes(",")) return fail(AMOUNT_REASON);
  const digits = whole.replace(/[.,]/g, "");
  if (digits === "") return fail(AMOUNT_REASON);
  return ok(sign * Number(fraction === "" ? digits : `${digits}.${fraction}`));
}

function decimalSeparatorIndex(s: string): number {
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return Math.max(lastDot, lastComma);
  const at = Math.max(lastDot, lastComma);
  if (at < 0) return -1;
  const mark = s[at];
  // The same mark more than once can only be grouping.
  if (s.indexOf(mark) !== at) return -1;
  if (mark === "." && GROUPED.test(s)) return -1;
  return at;
}

export function parseInteger(text: string): Parsed<number> {
  if (text === "") return fail(EMPTY_REASON);
  if (!/^[+-]?\d+$/.test(text)) return fail("is geen geheel getal");
  return ok(Number(text));
}

/** Ids stay text: "0012" must never become 12. */
export function parseText(text: string): Parsed<string> {
  return text === "" ? fail(EMPTY_REASON) : ok(text);
}

/** One of a fixed list, case-insensitive; returns the list's own spelling. */
export function parseChoice<T extends string>(choices: readonly T[]): Parser<T> {
  const byLowerCase = new Map(choices.map((choice) => [choice.toLowerCase(), choice]));
  const expected = `is geen geldige waarde (kies uit: ${choices.join(", ")})`;
  return (text) => {
    if (text === "") return fail(EMPTY_REASON);
    const choice = byLowerCase.get(text.toLowerCase());
    return choice === undefined ? fail(expected) : ok(choice);
  };
}

/** An empty cell means "not given" instead of an error. */
export function optional<T>(parse: Parser<T>): Parser<T | null> {
  return (text) => (text === "" ? ok(null) : parse(text));
}

export function nonNegative(parse: Parser<number>): Parser<number> {
  return (text) => {
    const parsed = parse(text);
    if (parsed.ok && parsed.value < 0) return fail("is negatief; verwacht 0 of meer");
    return parsed;
  };
}
