import {expect, test} from "vitest";
import {
  formatDutchDate,
  nonNegative,
  optional,
  parseAmount,
  parseChoice,
  parseDate,
  parseInteger,
  parseText,
  parseYearMonth,
  type Parsed
} from "../../loaders/values.js";

const value = <T>(parsed: Parsed<T>): T => {
  if (!parsed.ok) throw new Error(`expected a value, got "${parsed.reason}"`);
  return parsed.value;
};
const reason = <T>(parsed: Parsed<T>): string => {
  if (parsed.ok) throw new Error(`expected a reason, got ${JSON.stringify(parsed.value)}`);
  return parsed.reason;
};

test("parseDate reads dd-mm-jjjj as an ISO date", () => {
  expect(value(parseDate("01-10-2019"))).toBe("2019-10-01");
  expect(value(parseDate("31-12-2017"))).toBe("2017-12-31");
});

test("parseDate also reads d-m-jjjj, jjjj-mm-dd and slashes", () => {
  expect(value(parseDate("1-2-2018"))).toBe("2018-02-01");
  expect(value(parseDate("2018-02-01"))).toBe("2018-02-01");
  expect(value(parseDate("01/02/2018"))).toBe("2018-02-01");
  expect(value(parseDate("2018/2/1"))).toBe("2018-02-01");
});

test("parseDate accepts 29 February only in a leap year", () => {
  expect(value(parseDate("29-02-2020"))).toBe("2020-02-29");
  expect(reason(parseDate("29-02-2019"))).toBe("is geen geldige datum (verwacht dd-mm-jjjj)");
  expect(reason(parseDate("29-02-1900"))).toBe("is geen geldige datum (verwacht dd-mm-jjjj)");
  expect(value(parseDate("29-02-2000"))).toBe("2000-02-29");
});

test("parseDate rejects impossible and malformed dates with a Dutch reason", () => {
  for (const text of ["31-02-2019", "31-04-2019", "00-01-2019", "01-13-2019", "2019-13-01", "01-10-19", "01.10.2019", "01-10/2019", "1 oktober 2019", "01-10-2019 12:00", "01-10-0219"]) {
    expect(reason(parseDate(text)), text).toBe("is geen geldige datum (verwacht dd-mm-jjjj)");
  }
});

test("parseDate says an empty required date is empty", () => {
  expect(reason(parseDate(""))).toBe("is leeg, maar dit veld is verplicht");
});

test("parseYearMonth reads mm-jjjj, jjjj-mm and full dates", () => {
  expect(value(parseYearMonth("09-2010"))).toBe("2010-09");
  expect(value(parseYearMonth("9-2010"))).toBe("2010-09");
  expect(value(parseYearMonth("2010-09"))).toBe("2010-09");
  expect(value(parseYearMonth("2010/9"))).toBe("2010-09");
  expect(value(parseYearMonth("17-09-2010"))).toBe("2010-09");
  expect(value(parseYearMonth("2010-09-17"))).toBe("2010-09");
});

test("parseYearMonth rejects month 13 and impossible full dates", () => {
  expect(reason(parseYearMonth("13-2010"))).toBe("is geen geldige maand (verwacht mm-jjjj)");
  expect(reason(parseYearMonth("31-02-2010"))).toBe("is geen geldige maand (verwacht mm-jjjj)");
  expect(reason(parseYearMonth("sept 2010"))).toBe("is geen geldige maand (verwacht mm-jjjj)");
});

test("parseAmount reads decimal comma, decimal point, thousands and the euro sign", () => {
  expect(value(parseAmount("1234,56"))).toBe(1234.56);
  expect(value(parseAmount("1234.56"))).toBe(1234.56);
  expect(value(parseAmount("1.234,56"))).toBe(1234.56);
  expect(value(parseAmount("1,234.56"))).toBe(1234.56);
  expect(value(parseAmount("€ 1.234,56"))).toBe(1234.56);
  expect(value(parseAmount("€1.234.567,8"))).toBe(1234567.8);
  expect(value(parseAmount("12 500,00 €"))).toBe(12500);
  expect(value(parseAmount("0"))).toBe(0);
  expect(value(parseAmount("657,31"))).toBe(657.31);
});

test("parseAmount reads a single point before three digits as thousands, and refuses three decimals", () => {
  expect(value(parseAmount("10.000"))).toBe(10000);
  expect(value(parseAmount("1.234.567"))).toBe(1234567);
  // Cents have two digits: a third decimal (a leading zero cannot start a thousands group) is an error.
  for (const text of ["1,234", "0.500", "1234.567", "1.234,567"]) {
    expect(reason(parseAmount(text)), text).toBe(
      "heeft meer dan twee cijfers achter de komma; een bedrag in euro heeft er hoogstens twee (1234,56)"
    );
  }
});

test("parseAmount keeps the sign so that the contract can reject negative costs", () => {
  expect(value(parseAmount("-12,50"))).toBe(-12.5);
  expect(value(parseAmount("-€ 12,50"))).toBe(-12.5);
});

test("parseAmount rejects text, misplaced separators and mixed grouping", () => {
  for (const text of ["twaalf", "1e5", "12,", ",50", "1.2.3", "12,34,5", "1.234,567.8", "€", "12 euro"]) {
    expect(reason(parseAmount(text)), text).toBe("is geen geldig bedrag (verwacht bijvoorbeeld 1234,56 of 1.234,56)");
  }
});

test("parseInteger reads whole numbers only", () => {
  expect(value(parseInteger("25"))).toBe(25);
  expect(value(parseInteger("007"))).toBe(7);
  expect(reason(parseInteger("2,5"))).toBe("is geen geheel getal");
  expect(reason(parseInteger("twee"))).toBe("is geen geheel getal");
});

test("parseText keeps ids with leading zeros as text", () => {
  expect(value(parseText("0012"))).toBe("0012");
  expect(reason(parseText(""))).toBe("is leeg, maar dit veld is verplicht");
});

test("parseChoice matches without case and returns the listed spelling", () => {
  const ses = parseChoice(["laag", "midden", "hoog"]);
  expect(value(ses("Hoog"))).toBe("hoog");
  expect(reason(ses("gemiddeld"))).toBe("is geen geldige waarde (kies uit: laag, midden, hoog)");
});

test("optional turns an empty cell into null and still checks a filled one", () => {
  const date = optional(parseDate);
  expect(value(date(""))).toBeNull();
  expect(value(date("02-04-2017"))).toBe("2017-04-02");
  expect(reason(date("31-02-2019"))).toBe("is geen geldige datum (verwacht dd-mm-jjjj)");
});

test("nonNegative rejects below zero and lets zero through", () => {
  const cost = nonNegative(parseAmount);
  expect(value(cost("0,00"))).toBe(0);
  expect(reason(cost("-0,01"))).toBe("is negatief; verwacht 0 of meer");
});

test("formatDutchDate writes an ISO date back as dd-mm-jjjj", () => {
  expect(formatDutchDate("2019-03-01")).toBe("01-03-2019");
});
