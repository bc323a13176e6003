// @vitest-environment jsdom
import {expect, it} from "vitest";
import {GrowthChart, growthColumns, growthSeries} from "../../src/components/GrowthChart.js";
import {useCategoryLabels} from "../../src/components/schoolTables.js";
import {toCsv} from "../../src/lib/csv.js";
import {fourSchools} from "../fixtures/growthSchools.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const rows = fourSchools.tabel6;
/** The school names drawn on the left, top to bottom. */
const drawnNames = (chart: Element) =>
  [...chart.querySelectorAll("svg text")].map((t) => t.textContent).filter((t) => ["Zon", "Beuk", "Cirkel", "Duin"].includes(t ?? ""));

it("growthSeries draws the shown schools only, with a point per year and a symbol per step", () => {
  const series = growthSeries(rows, {order: "pct"});
  expect(series.order).toEqual(["Z1", "B2", "C3"]);
  expect(series.rows.map((r) => r.name)).toEqual(["Zon", "Beuk", "Cirkel"]);
  expect(series.withheld).toEqual([{schoolId: "D4", name: "Duin"}]);
  expect(series.points).toHaveLength(9);
  expect(series.points.some((p) => p.schoolId === "D4")).toBe(false);
  // Zon 5% → 10% → 35%: "++" halfway at 7,5% and at 22,5%.
  expect(series.marks.filter((m) => m.schoolId === "Z1")).toEqual([
    {schoolId: "Z1", x: 2017.5, y: 7.5, symbol: "++"},
    {schoolId: "Z1", x: 2018.5, y: 22.5, symbol: "++"}
  ]);
  expect(series.marks.find((m) => m.schoolId === "B2" && m.x === 2018.5)?.symbol).toBe("−−");
});

it("GrowthChart(rows, {order}) draws the rows in the chosen order", () => {
  expect(drawnNames(GrowthChart(rows, {order: "pct"}))).toEqual(["Zon", "Beuk", "Cirkel"]);
  expect(drawnNames(GrowthChart(rows, {order: "name"}))).toEqual(["Beuk", "Cirkel", "Zon"]);
  expect(drawnNames(GrowthChart(rows, {order: "growth"}))).toEqual(["Zon", "Cirkel", "Beuk"]);
});

it("GrowthChart lists a withheld school under the chart and never draws it", () => {
  const chart = GrowthChart(rows);
  expect(drawnNames(chart)).not.toContain("Duin");
  expect(chart.querySelector(".growth-withheld")?.textContent).toBe("Percentage afgeschermd, daarom niet getekend: Duin.");
});

it("GrowthChart labels every drawn percentage in nl-NL and draws one line per school", async () => {
  const chart = GrowthChart(rows, {width: 640});
  const labels = [...chart.querySelectorAll("svg text")].map((t) => t.textContent);
  for (const pct of ["5%", "10%", "35%", "25%", "18%"]) expect(labels).toContain(pct);
  const lines = chart.querySelectorAll('svg g[aria-label="line"] path');
  expect(lines).toHaveLength(3);
  await expectSvgSnapshot(chart, "growth-chart");
});

it("GrowthChart(rows, {highlight}) draws the chosen school thicker and its name in bold", () => {
  const chart = GrowthChart(rows, {highlight: "B2"});
  const thick = chart.querySelectorAll(".growth-highlight path");
  expect(thick).toHaveLength(1);
  expect(chart.querySelector(".growth-highlight")?.getAttribute("stroke-width")).toBe("4");
  expect(chart.querySelector(".growth-highlight-name text")?.textContent).toBe("Beuk");
  // The other two lines are muted.
  const muted = [...chart.querySelectorAll('svg g[aria-label="line"] path')].filter((path) => !path.closest(".growth-highlight"));
  expect(muted.map((path) => path.closest("[stroke-opacity]")?.getAttribute("stroke-opacity"))).toEqual(["0.45", "0.45"]);
});

it("GrowthChart marks a highlighted withheld school in the list, not in the drawing", () => {
  const chart = GrowthChart(rows, {highlight: "D4"});
  expect(chart.querySelectorAll(".growth-highlight path")).toHaveLength(0);
  expect(chart.querySelector(".growth-withheld strong")?.textContent).toBe("Duin");
});

it("growthColumns give the table and CSV the drawn percentages and symbols", () => {
  const shown = rows.filter((r) => r.schoolId !== "D4");
  expect(toCsv(growthColumns([2017, 2018, 2019]), shown)).toBe(
    "\ufeffSchool;% 2017;2017→2018;% 2018;2018→2019;% 2019;Gebruik 2019\r\n" +
      "Cirkel;10;0;10;0;10;gemiddeld\r\n" +
      "Beuk;25;0;25;−−;18;hoog\r\n" +
      "Zon;5;++;10;++;35;hoog\r\n"
  );
});

it("GrowthChart's legend states the thresholds it is given", () => {
  const chart = GrowthChart(rows, {categoryLabels: useCategoryLabels({lowBelow: 6, highAbove: 12})});
  const legend = [...chart.querySelectorAll(".growth-chart > figure > div span, .growth-chart div span")].map((s) => s.textContent);
  expect(legend).toEqual(expect.arrayContaining(["laag (< 6%)", "gemiddeld (6–12%)", "hoog (> 12%)"]));
});
