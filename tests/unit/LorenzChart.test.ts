// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {LorenzChart, lorenzMarker, lorenzTitle, markerText} from "../../src/components/LorenzChart.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const curve = {
  stepPct: 25,
  points: [
    {pupilsPct: 0, costPct: 0},
    {pupilsPct: 25, costPct: 5},
    {pupilsPct: 50, costPct: 15},
    {pupilsPct: 75, costPct: 40},
    {pupilsPct: 100, costPct: 100}
  ]
};

describe("lorenzMarker", () => {
  it("puts 'the most expensive 12,5 % have 54 %' at the cheapest 87,5 % having 46 %", () => {
    expect(lorenzMarker({threshold: 10000, pctPupils: 12.5, pctCost: 54})).toEqual({
      pupilsPct: 87.5,
      costPct: 46,
      expensivePupilsPct: 12.5,
      expensiveCostPct: 54
    });
  });

  it("is left out when a share is withheld", () => {
    expect(lorenzMarker({threshold: 10000, pctPupils: H, pctCost: H})).toBeNull();
  });

  it("says the report's sentence in nl-NL", () => {
    expect(markerText(lorenzMarker({threshold: 10000, pctPupils: 12.5, pctCost: 54})!)).toBe("12,5% van de leerlingen heeft 54% van de kosten");
  });
});

describe("lorenzTitle", () => {
  it("uses the report's sentence, or else the curve's last step: the top 25 % have 60 % of the cost", () => {
    expect(lorenzTitle(curve, {threshold: 10000, pctPupils: 12.5, pctCost: 54})).toBe("12,5% van de leerlingen heeft 54% van de kosten");
    expect(lorenzTitle(curve, {threshold: 10000, pctPupils: H, pctCost: H})).toBe("De duurste 25,0% van de leerlingen heeft 60,0% van de kosten");
  });
});

describe("LorenzChart", () => {
  it("draws the curve through every point, the diagonal, and the marked point with its sentence", async () => {
    const chart = LorenzChart(curve, {threshold: 10000, pctPupils: 12.5, pctCost: 54}, {width: 640});
    const dots = chart.querySelectorAll('g[aria-label="dot"]');
    expect(dots).toHaveLength(2); // the curve's points and the marker
    expect(dots[0].querySelectorAll("circle")).toHaveLength(5);
    expect(dots[1].querySelectorAll("circle")).toHaveLength(1);
    expect(chart.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(chart.textContent).toContain("12,5% van de leerlingen heeft");
    await expectSvgSnapshot(chart, "lorenz-chart");
  });

  it("draws no marker when the concentration is withheld", () => {
    const chart = LorenzChart(curve, {threshold: 10000, pctPupils: H, pctCost: H}, {width: 640});
    expect(chart.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(5);
  });
});
