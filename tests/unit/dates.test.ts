import {describe, expect, test} from "vitest";
import {addDays, addMonths, completedMonths, dateNumber, daysBetween, monthOf, yearOf} from "../../loaders/dates.js";

describe("addMonths", () => {
  test("31 August plus 6 months is 29 February in a leap year", () => {
    expect(addMonths("2019-08-31", 6)).toBe("2020-02-29");
  });

  test("31 August plus 6 months is 28 February in a common year", () => {
    expect(addMonths("2018-08-31", 6)).toBe("2019-02-28");
  });

  test("a plain date keeps its day and crosses the year", () => {
    expect(addMonths("2019-07-01", 6)).toBe("2020-01-01");
    expect(addMonths("2019-11-15", 3)).toBe("2020-02-15");
  });

  test("31 January plus one month is the last day of February", () => {
    expect(addMonths("2019-01-31", 1)).toBe("2019-02-28");
  });

  test("negative months go back and clamp too", () => {
    expect(addMonths("2020-03-31", -1)).toBe("2020-02-29");
    expect(addMonths("2020-01-15", -13)).toBe("2018-12-15");
  });
});

describe("addDays", () => {
  test("the day after 31 December is 1 January", () => {
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
  });

  test("29 February exists in 2020 but not in 2019", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2019-02-28", 1)).toBe("2019-03-01");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
  });
});

describe("completedMonths", () => {
  test("1 January to 1 July is 6 months, to 30 June only 5", () => {
    expect(completedMonths("2017-01-01", "2017-07-01")).toBe(6);
    expect(completedMonths("2017-01-01", "2017-06-30")).toBe(5);
  });

  test("31 January to 28 February counts as one month, as addMonths does", () => {
    expect(completedMonths("2017-01-31", "2017-02-28")).toBe(1);
  });

  test("one day short of a year is 11 months", () => {
    expect(completedMonths("2017-03-15", "2018-03-14")).toBe(11);
    expect(completedMonths("2017-03-15", "2018-03-15")).toBe(12);
  });

  test("the same day is 0 months", () => {
    expect(completedMonths("2017-01-15", "2017-01-15")).toBe(0);
  });

  test("an end before the start is an error, not a negative duration", () => {
    expect(() => completedMonths("2017-02-01", "2017-01-01")).toThrow(RangeError);
  });
});

describe("parts of a date", () => {
  test("year and month are read from the string", () => {
    expect(yearOf("2018-01-31")).toBe(2018);
    expect(monthOf("2018-01-31")).toBe(1);
    expect(monthOf("2017-12-01")).toBe(12);
  });

  test("days between two dates over a leap day", () => {
    expect(daysBetween("2020-02-28", "2020-03-01")).toBe(2);
    expect(daysBetween("2017-12-31", "2018-01-02")).toBe(2);
    expect(daysBetween("2018-01-02", "2017-12-31")).toBe(-2);
  });

  test("a malformed date is refused with a Dutch message", () => {
    expect(() => yearOf("01-02-2019")).toThrow(/Ongeldige datum/);
  });
});

describe("dateNumber", () => {
  test("2019-03-07 is 20190307, and the numbers order as the dates: 2018-12-31 before 2019-01-01", () => {
    expect(dateNumber("2019-03-07")).toBe(20190307);
    expect(dateNumber("2018-12-31") < dateNumber("2019-01-01")).toBe(true);
  });

  test("a date that is no ISO date is refused", () => {
    expect(() => dateNumber("07-03-2019")).toThrow("Ongeldige datum");
  });
});
