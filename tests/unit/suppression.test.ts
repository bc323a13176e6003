import {describe, expect, test} from "vitest";
import {isSuppressed, suppressCount, suppressCountFrom, suppressDerived, suppressParts} from "../../loaders/suppression.js";
import {settings} from "../fixtures/build.js";

const s = settings();
const hidden = {suppressed: true as const, minCount: 5};
// A part hidden only to protect a small one: its value may be 5 or more, yet it reads exactly like a
// small one, so the mark does not say which hidden counts are small (issue 10).
const complement = hidden;

describe("suppressCount", () => {
  test("counts of 1 to 4 are suppressed", () => {
    for (const n of [1, 2, 3, 4]) expect(suppressCount(n, s)).toEqual(hidden);
  });

  test("0 and counts of 5 or more are published as they are", () => {
    expect(suppressCount(0, s)).toBe(0);
    expect(suppressCount(5, s)).toBe(5);
    expect(suppressCount(4550, s)).toBe(4550);
  });

  test("the threshold comes from the settings", () => {
    const ten = settings({suppression: {minCount: 10}});
    expect(suppressCount(9, ten)).toEqual({suppressed: true, minCount: 10});
    expect(suppressCount(10, ten)).toBe(10);
  });

  test("a suppressed value carries no trace of the count it hides", () => {
    expect(JSON.stringify(suppressCount(3, s))).toBe('{"suppressed":true,"minCount":5}');
  });
});

describe("suppressDerived", () => {
  test("a percentage of a suppressed count is suppressed", () => {
    expect(suppressDerived(8, [suppressCount(3, s)])).toEqual(hidden);
  });

  test("a ratio is suppressed when either of its counts is", () => {
    expect(suppressDerived(1.5, [suppressCount(6, s), suppressCount(4, s)])).toEqual(hidden);
    expect(suppressDerived(1.5, [suppressCount(9, s), suppressCount(6, s)])).toBe(1.5);
  });

  test("a growth category between a published and a suppressed year is suppressed", () => {
    expect(suppressDerived("++", [suppressCount(12, s), suppressCount(2, s)])).toEqual(hidden);
  });

  test("a value derived from a count of 0 is published", () => {
    expect(suppressDerived(0, [suppressCount(0, s)])).toBe(0);
  });

  test("null stays null when nothing is hidden", () => {
    expect(suppressDerived(null, [suppressCount(0, s)])).toBeNull();
  });

  test("isSuppressed recognises only the marker", () => {
    expect(isSuppressed(hidden)).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(isSuppressed(null)).toBe(false);
    expect(isSuppressed({suppressed: false})).toBe(false);
  });
});

describe("suppressParts: parts of a published total", () => {
  test("nothing below the threshold: every part is published", () => {
    expect(suppressParts([5, 0, 12], s)).toEqual([5, 0, 12]);
  });

  test("one small part also hides the smallest other non-zero part, so the total cannot give it away", () => {
    expect(suppressParts([3, 40, 0, 7], s)).toEqual([hidden, 40, 0, complement]);
  });

  test("two small parts that together reach the threshold are enough", () => {
    expect(suppressParts([2, 3, 40], s)).toEqual([hidden, hidden, 40]);
  });

  test("two small parts below the threshold together hide one more", () => {
    expect(suppressParts([1, 1, 30, 9], s)).toEqual([hidden, hidden, 30, complement]);
  });

  test("zeros are never hidden: a hidden cell means at least one", () => {
    expect(suppressParts([4, 0, 0], s)).toEqual([hidden, 0, 0]);
  });

  test("ties go to the first part", () => {
    expect(suppressParts([2, 8, 8], s)).toEqual([hidden, complement, 8]);
  });
});

describe("how a hidden count reads", () => {
  test("a count hidden only because it repeats a hidden total reads exactly like a small one", () => {
    expect(suppressCountFrom(6, [hidden], s)).toEqual(hidden);
    expect(suppressCountFrom(3, [hidden], s)).toEqual(hidden);
    expect(suppressCountFrom(6, [6 as never], s)).toBe(6);
  });

  test("every hidden value has the one form {suppressed, minCount}, with no other key", () => {
    const forms = [suppressCountFrom(6, [hidden], s), ...suppressParts([2, 8, 8], s), suppressDerived(12.5, [hidden]), suppressCount(3, s)];
    for (const form of forms.filter(isSuppressed)) expect(Object.keys(form).sort()).toEqual(["minCount", "suppressed"]);
  });
});
