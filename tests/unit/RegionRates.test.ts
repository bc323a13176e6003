// @vitest-environment jsdom
// The region's tables (issue 13 item 1) on the two hand-worked municipalities of region.test.ts.
import {expect, it} from "vitest";
import {RegionRates} from "../../src/components/RegionRates.js";
import {RegionTotals} from "../../src/components/RegionTotals.js";

const hidden = {suppressed: true, minCount: 5} as const;
const rows = (table: HTMLTableElement) => [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent));

it("RegionRates puts every municipality's share per year side by side, '–' for a year it lacks and '·' for a withheld one", () => {
  const table = RegionRates(
    [
      {name: "Aadorp", years: [{year: 2022, enrolled: 180, pupils: 16, pct: 8.89}, {year: 2023, enrolled: 210, pupils: hidden, pct: hidden}]},
      {name: "Beekveld", years: [{year: 2021, enrolled: 240, pupils: 30, pct: 12.5}, {year: 2022, enrolled: 250, pupils: 25, pct: 10}, {year: 2023, enrolled: 270, pupils: 25, pct: 9.26}]}
    ],
    {caption: "Per gemeente"}
  );
  expect(rows(table)).toEqual([
    ["Gemeente", "2021", "2022", "2023"],
    ["Aadorp", "–", "8,89%", "·"],
    ["Beekveld", "12,50%", "10,00%", "9,26%"]
  ]);
});

it("RegionTotals shows the region's pupils, pupils with youth care and share per year", () => {
  const table = RegionTotals([{year: 2022, enrolled: 430, pupils: 41, pct: 9.53}, {year: 2023, enrolled: 4800, pupils: hidden, pct: hidden}], {caption: "De regio"});
  expect(rows(table)).toEqual([
    ["Jaar", "Leerlingen", "Met jeugdhulp", "Percentage"],
    ["2022", "430", "41", "9,53%"],
    ["2023", "4.800", "·", "·"]
  ]);
});
