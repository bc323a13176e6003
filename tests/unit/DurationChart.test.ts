// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {DurationChart, durationTitle, longestBand, type DurationRow} from "../../src/components/DurationChart.js";
import {NEUTRAL} from "../../src/components/palette.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const rows: DurationRow[] = [
  {key: "0-6", label: "0 t/m 6 maanden", pupils: 7},
  {key: "7-12", label: "7 t/m 12 maanden", pupils: 15},
  {key: "13-18", label: "13 t/m 18 maanden", pupils: H},
  {key: "in_zorg", label: "Nog in zorg", pupils: 30}
];

describe("longestBand", () => {
  it("is the closed band with the most pupils, not the larger group still in care", () => {
    expect(longestBand(rows)?.key).toBe("7-12");
    expect(durationTitle(rows)).toBe("De meeste afgesloten jeugdhulp duurde 7 t/m 12 maanden");
  });

  it("is null when no closed band has a published pupil", () => {
    expect(longestBand([{key: "0-6", label: "0 t/m 6 maanden", pupils: H}, rows[3]])).toBeNull();
  });
});

describe("DurationChart", () => {
  it("draws the published bands, the pupils still in care in grey, and '·' for the withheld band", async () => {
    const chart = DurationChart(rows, {width: 640});
    const bars = [...chart.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.getAttribute("fill"))).toEqual(["#0072B2", "#0072B2", NEUTRAL]);
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(["7", "15", "30", "·"]);
    await expectSvgSnapshot(chart, "duration-chart");
  });
});
