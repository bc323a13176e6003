// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {AGE_COLUMNS, AgeChart, agePeak, ageSelectionText, ageSeries, ageTitle, type AgeTables} from "../../src/components/AgeChart.js";
import {toCsv} from "../../src/lib/csv.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const at = (values: (number | typeof H)[]) => values.map((pupils, i) => ({age: 7 + i, pupils}));
const tables: AgeTables = {
  ages: [7, 8, 9],
  years: [
    {
      year: 2018,
      withDyslexia: at([10, H, 20]),
      withoutDyslexia: at([6, 0, 15]),
      perCareType: [{careType: "dyslexie", label: "Dyslexiezorg", ages: at([5, H, 5])}],
      enrolled: [
        {age: 7, pupils: 100},
        {age: 8, pupils: 80},
        {age: 9, pupils: 0}
      ]
    },
    {
      year: 2019,
      withDyslexia: at([12, 16, 30]),
      withoutDyslexia: at([10, 8, 20]),
      perCareType: [{careType: "dyslexie", label: "Dyslexiezorg", ages: at([0, 8, 10])}],
      enrolled: [
        {age: 7, pupils: 100},
        {age: 8, pupils: 120},
        {age: 9, pupils: 150}
      ]
    }
  ]
};
const values = (selection: Parameters<typeof ageSeries>[1]) => ageSeries(tables, selection).map((p) => p.value);

describe("ageSeries", () => {
  it("counts one year with or without dyslexia care", () => {
    expect(values({year: 2019})).toEqual([12, 16, 30]);
    expect(values({year: 2019, dyslexia: false})).toEqual([10, 8, 20]);
  });

  it("per 100 pupils divides by the enrolled pupils of that age: 16 of 120 is 13,3", () => {
    const rates = values({year: 2019, measure: "per100"});
    expect(rates[0]).toBe(12);
    expect(rates[1]).toBeCloseTo(13.333, 3);
    expect(rates[2]).toBe(20);
  });

  it("adds the years together, and an age withheld in one year is withheld in the sum", () => {
    expect(values({year: null})).toEqual([22, null, 50]);
    // Age 7: 22 of 200 → 11; age 9: 50 of 0 + 150 → 33,3.
    const rates = values({year: null, measure: "per100"});
    expect(rates[0]).toBe(11);
    expect(rates[1]).toBeNull();
    expect(rates[2]).toBeCloseTo(33.333, 3);
  });

  it("has no rate where no pupil of that age is enrolled", () => {
    expect(ageSeries(tables, {year: 2018, measure: "per100", dyslexia: false})[2]).toEqual({age: 9, pupils: 15, enrolled: 0, value: null});
  });

  it("shows one care type on its own", () => {
    expect(values({year: 2018, careType: "dyslexie"})).toEqual([5, null, 5]);
  });

  it("agePeak is the age with the highest value, the youngest on a tie", () => {
    expect(agePeak(ageSeries(tables, {year: 2019}))).toBe(9);
    expect(agePeak(ageSeries(tables, {year: 2018, careType: "dyslexie"}))).toBe(7);
  });

  it("ageTitle says where the values peak, in words that fit the measure", () => {
    expect(ageTitle(ageSeries(tables, {year: 2019}), "aantal")).toBe("De meeste kinderen met jeugdhulp zijn 9 jaar");
    expect(ageTitle(ageSeries(tables, {year: 2019, measure: "per100"}), "per100")).toBe("Kinderen van 9 jaar krijgen het vaakst jeugdhulp");
  });

  it("the table shows a withheld count and its rate both as '·'", () => {
    expect(toCsv(AGE_COLUMNS, ageSeries(tables, {year: 2018}))).toBe(
      "\ufeffLeeftijd (jaar);Leerlingen met jeugdhulp;Leerlingen van die leeftijd;Per 100 leerlingen\r\n" +
        "7;10;100;10,0\r\n8;·;80;·\r\n9;20;0;\r\n"
    );
  });

  it("ageSelectionText says what is drawn", () => {
    expect(ageSelectionText(tables, {dyslexia: false, year: null, measure: "per100"})).toBe(
      "alle zorgvormen zonder dyslexiezorg, 2018–2019 samen, per 100 leerlingen van die leeftijd"
    );
    expect(ageSelectionText(tables, {careType: "dyslexie", year: 2019})).toBe("Dyslexiezorg, 2019, aantal leerlingen");
  });
});

describe("AgeChart", () => {
  it("draws a bar per age with a published value and '·' where the count is withheld", async () => {
    const chart = AgeChart(tables, {width: 640, year: null});
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(["22", "50", "·"]);
    expect(chart.getAttribute("aria-label")).toContain("alle zorgvormen met dyslexiezorg, 2018–2019 samen, aantal leerlingen");
    await expectSvgSnapshot(chart, "age-chart");
  });

  it("labels rates with one decimal and names the y axis per 100 pupils", () => {
    const chart = AgeChart(tables, {width: 640, year: 2019, measure: "per100"});
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(["12,0", "13,3", "20,0"]);
    expect(chart.querySelector('g[aria-label="y-axis label"]')?.textContent).toContain("Per 100 leerlingen");
  });
});
