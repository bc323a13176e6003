// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CostChart, costTitle, largestCostBand, type CostBandRow} from "../../src/components/CostChart.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const rows: CostBandRow[] = [
  {lower: 0, upper: 10000, label: "€ 0 tot € 10.000", pupils: 800, pct: 87.5},
  {lower: 10000, upper: 20000, label: "€ 10.000 tot € 20.000", pupils: 73, pct: 8},
  {lower: 20000, upper: 50000, label: "€ 20.000 tot € 50.000", pupils: 0, pct: 0},
  {lower: 50000, upper: 100000, label: "€ 50.000 tot € 100.000", pupils: H, pct: H},
  {lower: 100000, upper: null, label: "> € 100.000", pupils: H, pct: H}
];

describe("CostChart", () => {
  it("largestCostBand is the band with the most pupils", () => {
    expect(largestCostBand(rows)).toEqual({label: "€ 0 tot € 10.000", pupils: 800, pct: 87.5});
    expect(largestCostBand([rows[3], rows[4]])).toBeNull();
    expect(costTitle(rows)).toBe("Voor 87,5% van de leerlingen kostte de jeugdhulp € 0 tot € 10.000");
  });

  it("labels each bar with its count and share, and marks the withheld bands with '·'", async () => {
    const chart = CostChart(rows, {width: 640});
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(3);
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(["800 (87,5%)", "73 (8,0%)", "0 (0,0%)", "·", "·"]);
    await expectSvgSnapshot(chart, "cost-chart");
  });
});
