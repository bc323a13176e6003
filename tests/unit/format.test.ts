import {describe, expect, it} from "vitest";
import {formatCount, formatCountTick, formatDate, formatDateNumeric, formatMonth, formatRoughCount, formatDecimal, formatEuros, formatPercent, formatPoints, formatShare, withheldLegend} from "../../src/lib/format.js";

const suppressed = {suppressed: true as const, minCount: 5};

describe("nl-NL formats", () => {
  it("formatCount groups thousands with a dot", () => {
    expect(formatCount(4550)).toBe("4.550");
    expect(formatCount(914)).toBe("914");
    expect(formatCount(0)).toBe("0");
  });
  it("formatPercent uses a decimal comma, no space, and rounds half up", () => {
    expect(formatPercent(8.55, 2)).toBe("8,55%");
    expect(formatPercent(8.55, 1)).toBe("8,6%");
    expect(formatPercent(47.37, 0)).toBe("47%");
    expect(formatPercent(12.5, 0)).toBe("13%");
  });
  it("formatDecimal keeps trailing zeros", () => {
    expect(formatDecimal(1.27)).toBe("1,27");
    expect(formatDecimal(1.3)).toBe("1,30");
  });
  it("formatEuros puts the euro sign first with a space and groups thousands", () => {
    expect(formatEuros(10000)).toBe("€ 10.000");
    expect(formatEuros(1234.5, 2)).toBe("€ 1.234,50");
  });
  it("formatPoints signs growth with a real minus sign", () => {
    expect(formatPoints(3)).toBe("+3");
    expect(formatPoints(-5)).toBe("−5");
    expect(formatPoints(0)).toBe("0");
  });
  it("a withheld count and a value derived from one both read as a dot (never '< 5'), a missing value a dash", () => {
    expect(formatCount(suppressed)).toBe("·");
    expect(formatPercent(suppressed, 1)).toBe("·");
    expect(formatPercent(null, 1)).toBe("–");
  });
  it("dates are Dutch, with lower-case months, and never shift with the time zone", () => {
    expect(formatDate("2020-01-01")).toBe("1 januari 2020");
    expect(formatDate("2019-10-31")).toBe("31 oktober 2019");
    expect(formatDateNumeric("2019-10-01")).toBe("01-10-2019");
    expect(formatMonth("2019-10-31")).toBe("oktober 2019");
  });
  it("a rough count is rounded to tens (half up), with words for 0 and 1 to 9", () => {
    expect([0, 1, 9, 10, 14, 15, 4553, 4555, 14293].map(formatRoughCount)).toEqual([
      "geen",
      "minder dan 10",
      "minder dan 10",
      "ongeveer 10",
      "ongeveer 10",
      "ongeveer 20",
      "ongeveer 4.550",
      "ongeveer 4.560",
      "ongeveer 14.290"
    ]);
  });
});

it("formatCountTick labels whole-number ticks only, so a small count axis does not read '0 0 1 1'", () => {
  expect([0, 0.5, 1, 1.5, 2, 1000].map(formatCountTick)).toEqual(["0", "", "1", "", "2", "1.000"]);
});

it("formatShare rounds once from the counts: 389 of 4 550 is 8,5%, not 8,55% rounded again to 8,6%", () => {
  // 389 / 4550 = 8.5494…%: one rounding gives 8,5; rounding the stored 8,55 again would give 8,6.
  expect(formatShare(389, 4550, 1)).toBe("8,5%");
  expect(formatPercent(8.55, 1)).toBe("8,6%");
  expect(formatShare(389, 4550, 2)).toBe("8,55%");
  // A true half rounds up: 1 of 8 = 12,5% → 13% whole, 1 of 16 = 6,25% → 6,3%.
  expect(formatShare(1, 8, 0)).toBe("13%");
  expect(formatShare(1, 16, 1)).toBe("6,3%");
  expect(formatShare(0, 10, 1)).toBe("0,0%");
  expect(formatShare(5, 0, 1)).toBe("–");
  expect(formatShare({suppressed: true, minCount: 5}, 100, 1)).toBe("·");
});

it("withheldLegend explains the one mark once, with the range from the threshold, and no '< 5'", () => {
  expect(withheldLegend(5)).toBe(
    "„·” = niet gepubliceerd: een klein aantal (1 tot en met 4 leerlingen), een getal dat daarop berust, of een aantal dat is weggelaten zodat een klein aantal niet terug te rekenen is."
  );
  expect(withheldLegend(10, "trajecten")).toMatch(/^„·” = niet gepubliceerd: een klein aantal \(1 tot en met 9 trajecten\), /);
  expect(withheldLegend(2)).toMatch(/^„·” = niet gepubliceerd: een klein aantal \(1 leerling\), /);
  expect(withheldLegend(2, "trajecten")).toMatch(/\(1 traject\)/);
  expect(withheldLegend(5)).not.toMatch(/</);
});
