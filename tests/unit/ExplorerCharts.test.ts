// @vitest-environment jsdom
// The explorer's own charts: what they draw and how their axes read.
import {expect, test} from "vitest";
import {ExplorerAges, shortAgeLabel} from "../../src/components/ExplorerAges.js";
import {funnelSpread, trendTitle} from "../../src/components/ExplorerFigures.js";
import {ExplorerTrend, trendPoints, undrawnUnits} from "../../src/components/ExplorerTrend.js";
import type {CubeCell} from "../../src/lib/cube.js";
import type {AgeRow} from "../../src/lib/explorerViews.js";

const unit = (code: string, name: string) => ({code, level: "school" as const, name, parent: "b:1"});
const hidden = {suppressed: true as const, minCount: 5};
const cells: CubeCell[] = [
  {year: 2018, unit: unit("s:A", "Akker"), enrolled: 200, pupils: 6, trajectories: 6, pct: 3},
  {year: 2019, unit: unit("s:A", "Akker"), enrolled: 200, pupils: hidden, trajectories: hidden, pct: hidden},
  {year: 2018, unit: unit("g", "Gemeente"), enrolled: 1000, pupils: 20, trajectories: 20, pct: 2},
  {year: 2019, unit: unit("g", "Gemeente"), enrolled: 1000, pupils: 25, trajectories: 25, pct: 2.5}
];

test("the trend leaves a withheld year out of its line instead of drawing it as zero", () => {
  expect(trendPoints(cells)).toEqual([
    {unit: "Akker", year: 2018, pct: 3},
    {unit: "Gemeente", year: 2018, pct: 2},
    {unit: "Gemeente", year: 2019, pct: 2.5}
  ]);
});

test("small shares get tick labels in tenths of a percent, each label once", () => {
  const plot = ExplorerTrend(cells, {width: 640, compared: ["s:A"]});
  const ticks = [...plot.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
  expect(ticks.length).toBeGreaterThan(3);
  expect(new Set(ticks).size).toBe(ticks.length);
  expect(ticks).toContain("1,0%");
});

test("age curves: one line per year, small rates labelled in tenths", () => {
  const rows: AgeRow[] = [2018, 2019].flatMap((year) => [
    {age: "6-7", label: "6–7 jaar", year, enrolled: 300, pupils: 3, per100: 1},
    {age: "8-9", label: "8–9 jaar", year, enrolled: 300, pupils: 4, per100: 1.3},
    {age: "10-11", label: "10–11 jaar", year, enrolled: 300, pupils: hidden, per100: hidden}
  ]);
  const plot = ExplorerAges(rows, {width: 640});
  expect(plot.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
  expect(plot.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(4);
  const ticks = [...plot.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
  expect(new Set(ticks).size).toBe(ticks.length);
});

test("the trend's end labels never overlap, and a withheld year breaks the line instead of bridging it", () => {
  const close: CubeCell[] = [
    ...[2017, 2018, 2019].map((year, i) => ({year, unit: unit("s:A", "Akker"), enrolled: 200, pupils: 6, trajectories: 6, pct: i === 1 ? hidden : 3})),
    ...[2017, 2018, 2019].map((year) => ({year, unit: unit("s:B", "Beuk"), enrolled: 200, pupils: 6, trajectories: 6, pct: 3.05})),
    ...[2017, 2018, 2019].map((year) => ({year, unit: unit("g", "Gemeente"), enrolled: 1000, pupils: 30, trajectories: 30, pct: 2.9}))
  ];
  const plot = ExplorerTrend(close, {width: 640, compared: ["s:A", "s:B"]});
  const labels = [...plot.querySelectorAll('g[aria-label="text"] text')].map((t) => ({
    text: t.textContent,
    y: Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute("transform") ?? "")?.[1] ?? t.getAttribute("y"))
  }));
  expect(labels.map((l) => l.text).sort()).toEqual(["Akker", "Beuk", "Gemeente"]);
  const ys = labels.map((l) => l.y).sort((a, b) => a - b);
  // 3,05%, 3% and 2,9% lie within 4 pixels of each other; their names sit 13 pixels apart.
  expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(12.99);
  expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(12.99);
  // Akker's line: 2017, a gap, 2019 — two move-tos in one path, no segment across 2018.
  const akker = [...plot.querySelectorAll('g[aria-label="line"] path')].find((p) => p.getAttribute("stroke") === "#0072B2")!;
  expect(akker.getAttribute("d")!.match(/M/g)).toHaveLength(2);
});

test("the trend's title and note name the compared units whose share is withheld", () => {
  const akkerHidden = cells.map((c) => (c.unit.code === "s:A" ? {...c, pupils: hidden, trajectories: hidden, pct: hidden} : c));
  // Akker is withheld in 2019 (the last year) only: the title says so.
  expect(trendTitle(cells, ["s:A"])).toBe("In 2019 is het percentage van Akker afgeschermd");
  expect(trendTitle(cells, ["g"])).toBe("In 2019: Gemeente 2,5% van de leerlingen met jeugdhulp");
  // Withheld in every year: not drawn at all, and named below the chart.
  expect(undrawnUnits(cells)).toEqual([]);
  expect(undrawnUnits(akkerHidden)).toEqual(["Akker"]);
});

test("the age curves say so when nothing can be drawn, and shorten age groups on a narrow chart", () => {
  const none: AgeRow[] = [{age: "6-7", label: "6–7 jaar", year: 2019, enrolled: 30, pupils: hidden, per100: hidden}];
  expect(ExplorerAges(none).textContent).toMatch(/^Niets te tekenen/);
  expect(["t/m 5 jaar", "10–11 jaar", "12 jaar en ouder"].map(shortAgeLabel)).toEqual(["t/m 5", "10–11", "12+"]);
});

test("the funnel's spread: φ from the schools drawn, τ² only with the published z; none without a reference", () => {
  // Two schools of 100 around p = 0,1: 20 and 0 pupils give z = ±10/3, φ = χ²/2 = 100/9 (no
  // winsorising with two units); τ² = (2φ − 1)/(Σw − Σw²/Σw) with w = 100/0,09 each, so Σw − Σw²/Σw = w.
  const point = (name: string, pupils: number) => ({schoolId: name, name, enrolled: 100, pupils, pct: pupils, outside95: null, outside998: null});
  const data = {year: 2019, spread: null, p: 0.1, points: [point("A", 20), point("B", 0)], withheld: []};
  const quantiles = {coverages: [0.95, 0.998], z: [1.96, 3.09]};
  const estimate = funnelSpread(data, quantiles)!;
  expect(estimate.test.phi).toBeCloseTo(100 / 9, 10);
  // Pearson χ² = (10/3)² · 2 = 200/9 on 1 degree of freedom: P(χ²₁ ≥ 200/9) = erfc(√(100/9)) = erfc(10/3) ≈ 2,4285e-6 (erfc table).
  expect(estimate.test.chiSquare).toBeCloseTo(200 / 9, 10);
  expect(estimate.test.degreesOfFreedom).toBe(1);
  expect(estimate.test.pValue).toBeCloseTo(2.4285e-6, 9);
  expect(estimate.spread!.tau2).toBeCloseTo((200 / 9 - 1) / (100 / 0.09), 10);
  expect(funnelSpread(data, undefined)!.spread).toBeNull();
  expect(funnelSpread({...data, p: null}, quantiles)).toBeNull();
});
