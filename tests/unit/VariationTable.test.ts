// @vitest-environment jsdom
// The per-school tables of /data-analyse/spreiding: a withheld school reads "·" in every derived
// column, a shown one its O/E with the interval in nl-NL format.
import {expect, test} from "vitest";
import {ChangeTable} from "../../src/components/ChangeTable.js";
import {PooledTable, VariationTable, variationCsvColumns} from "../../src/components/VariationTable.js";
import {sensitivityCsvColumns} from "../../src/components/SensitivityTable.js";
import {toCsv} from "../../src/lib/csv.js";
import type {Statistics, YearVariation} from "../../src/components/variationText.js";

const hidden = {suppressed: true, minCount: 5};
const year = {
  year: 2019,
  overdispersion: null,
  schoolsInEstimate: 0,
  schools: [
    {schoolId: "A", name: "Anemoon", enrolled: 200, share: 0.12, binomial: ["boven", "binnen"], overdispersed: ["binnen", "binnen"], standardised: {expected: 16, ratio: 1.5, lower: 0.961, upper: 2.232, position: "binnen"}},
    {schoolId: "C", name: "Ceder", enrolled: 100, share: hidden, binomial: hidden, overdispersed: hidden, standardised: hidden}
  ]
} as unknown as YearVariation;

const rows = (element: HTMLElement) => [...element.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));

test("a shown school's O/E and funnel places; a withheld school's are all '·'", () => {
  expect(rows(VariationTable(year, {caption: "t"}))).toEqual([
    ["Anemoon", "200", "12,0%", "16,0", "1,50 (0,96 – 2,23)", "erboven", "binnen", "binnen de verwachte spreiding"],
    ["Ceder", "100", "·", "·", "·", "·", "·", "niet te tonen (kleine aantallen)"]
  ]);
});

test("the pooled rate with its interval, or '·'", () => {
  const statistics = {pooled: {municipality: null, schools: [
    {schoolId: "A", name: "Anemoon", enrolled: 600, estimate: {rate: 0.075, lower: 0.055, upper: 0.0996}},
    {schoolId: "C", name: "Ceder", enrolled: 300, estimate: hidden}
  ]}} as unknown as Statistics;
  expect(rows(PooledTable(statistics, {caption: "t"}))).toEqual([
    ["Anemoon", "600", "7,5% (5,5% – 10,0%)"],
    ["Ceder", "300", "·"]
  ]);
});

test("the change table: p raw and after Holm, the verdict from Holm, narrowed to one school on request", () => {
  const change = (name: string, from: number, pValue: unknown, holmP: unknown) => ({schoolId: name, name, from, to: from + 1, pValue, holmP});
  const statistics = {alpha: 0.05, changes: [change("A", 2017, 0.004, 0.03), change("A", 2018, 0.02, 0.06), change("C", 2018, hidden, hidden)]} as unknown as Statistics;
  const table = ChangeTable(statistics, {caption: "t"});
  expect(table.className).toBe("change-table");
  expect(rows(table)).toEqual([
    ["A", "2017 – 2018", "0,004", "0,030", "ja"],
    ["A", "2018 – 2019", "0,020", "0,060", "nee"],
    ["C", "2018 – 2019", "·", "·", "·"]
  ]);
  expect(rows(ChangeTable(statistics, {caption: "t", schoolId: "C"}))).toHaveLength(1);
});

test("every table offers its CSV: one number a cell, Dutch decimals, '·' where withheld", () => {
  expect(VariationTable(year, {caption: "t"}).querySelector("button.chart-download")?.getAttribute("aria-label")).toContain("waargenomen-verwacht-2019.csv");
  const lines = toCsv(variationCsvColumns(), year.schools).replace("\ufeff", "").split("\r\n");
  expect(lines[0]).toBe(
    "School;Leerlingen;Met jeugdhulp;Verwacht naar leeftijd;Waargenomen / verwacht;Ondergrens 95%-interval;Bovengrens 95%-interval;Trechter: alleen toeval;Trechter: met gewone verschillen;Oordeel"
  );
  // 0,12 of 200 → 12,0 %; O/E 1,5 (0,961 – 2,232) to two decimals.
  expect(lines[1]).toBe("Anemoon;200;12,0;16,0;1,50;0,96;2,23;erboven;binnen;binnen de verwachte spreiding");
  expect(lines[2]).toBe("Ceder;100;·;·;·;·;·;·;·;niet te tonen (kleine aantallen)");
});

test("the sensitivity CSV gives each variant's raw and Holm p-value a column of its own", () => {
  const sensitivity = {
    variants: [{key: "rounded", label: "Afgeronde percentages"}],
    factors: [{factor: "grootte", label: "Schoolgrootte", pValues: {rounded: 0.063}, holmP: {rounded: 0.38}, fragile: true}]
  } as unknown as Statistics["sensitivity"];
  expect(toCsv(sensitivityCsvColumns(sensitivity), sensitivity.factors).replace("\ufeff", "").split("\r\n").slice(0, 2)).toEqual([
    "Factor;Afgeronde percentages: p-waarde;Afgeronde percentages: na Holm-correctie;Oordeel hangt af van de keuze",
    "Schoolgrootte;0,063;0,38;kwetsbaar"
  ]);
});
