// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {OutflowChart, outflowRows, outflowSegments, outflowTitle, type Outflow, type OutflowStep} from "../../src/components/OutflowChart.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};

function step(n: number, pupils: OutflowStep["pupils"], volgend: OutflowStep["pupils"], nog: OutflowStep["pupils"], uit: OutflowStep["pupils"]): OutflowStep {
  return {
    step: n,
    pupils,
    per100: null,
    outcomes: [
      {outcome: "volgend_traject", label: "Volgend traject", pupils: volgend, pct: null},
      {outcome: "nog_in_zorg", label: "Nog in zorg", pupils: nog, pct: null},
      {outcome: "uitstroom", label: "Uitstroom", pupils: uit, pct: null}
    ]
  };
}

// 20 pupils start: 8 go on, 4 still in their first trajectory, 8 leave (40 / 20 / 40 of 100).
// Of the 8 at step 2, the go-on and still-in-care counts are withheld; 0 pupils reach step 3.
const small: Outflow = {steps: [step(1, 20, 8, 4, 8), step(2, 8, H, H, 5), step(3, 0, 0, 0, 0)], ekg: 40};

// The published default data set (Utrechtse Heuvelrug, synthetic): 914 pupils, EKG 34%.
const published: Outflow = {
  steps: [
    {...step(1, 914, 398, 205, 311), per100: 100},
    {...step(2, 398, 139, 120, 139), per100: 44},
    {...step(3, 139, 33, 54, 52), per100: 15},
    {...step(4, 33, 11, 11, 11), per100: 4}
  ],
  ekg: 34
};

const plotSvg = (chart: Element) => [...chart.querySelectorAll("svg")].at(-1) as SVGSVGElement;

describe("outflowSegments", () => {
  it("puts volgend traject first from 0, so it lines up with the next bar, then nog in zorg and uitstroom", () => {
    const segments = outflowSegments(small).filter((s) => s.step === "1e traject");
    expect(segments.map((s) => [s.outcome, s.x1, s.x2])).toEqual([
      ["volgend_traject", 0, 40],
      ["nog_in_zorg", 40, 60],
      ["uitstroom", 60, 100]
    ]);
  });

  it("leaves a withheld count out instead of drawing it as zero, and the segments placed after it too", () => {
    // Step 2: volgend traject is withheld, so neither it nor the known uitstroom of 5 can be placed.
    expect(outflowSegments(small).filter((s) => s.step === "2e traject")).toEqual([]);
  });

  it("draws nothing for a step that no pupil reaches, and nothing at all when the first count is withheld", () => {
    expect(outflowSegments(small).some((s) => s.step === "3e traject")).toBe(false);
    expect(outflowSegments({steps: [step(1, H, H, H, 0)], ekg: H})).toEqual([]);
  });

  it("measures every step against the pupils at the first trajectory: 139 of 914 is 15,2 of 100", () => {
    const uitstroom2 = outflowSegments(published).find((s) => s.step === "2e traject" && s.outcome === "uitstroom");
    expect(uitstroom2?.per100).toBeCloseTo((100 * 139) / 914, 10);
    expect(uitstroom2?.x1).toBeCloseTo((100 * (139 + 120)) / 914, 10);
  });
});

describe("OutflowChart", () => {
  it("draws one bar segment per known outcome and labels the wide ones with whole numbers of 100", () => {
    const chart = OutflowChart(small, {width: 640});
    expect(plotSvg(chart).querySelectorAll("rect")).toHaveLength(3);
    const labels = [...plotSvg(chart).querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["40", "20", "1e traject", "2e traject"]));
  });

  it("renders the published cascade: 12 segments, 34 leave after the first trajectory", async () => {
    const chart = OutflowChart(published, {width: 640});
    expect(plotSvg(chart).querySelectorAll("rect")).toHaveLength(12);
    const labels = [...plotSvg(chart).querySelectorAll("text")].map((t) => t.textContent);
    // Step 1: 398, 205 and 311 of 914 → 44, 22, 34; step totals at the bar ends.
    expect(labels).toEqual(expect.arrayContaining(["44", "22", "34", "100 van de 100", "44 van de 100", "4 van de 100"]));
    // Step 4 segments are 1,2 of 100 each: too narrow for a label.
    expect(labels).not.toContain("1");
    // Hover text per segment, as a native <title> (Plot's tip mark fails axe).
    const titles = [...plotSvg(chart).querySelectorAll("rect > title")].map((t) => t.textContent);
    expect(titles).toContain("1e traject, uitstroom: 34 van de 100 (311 leerlingen)");
    expect(plotSvg(chart).querySelector('g[aria-label="tip"]')).toBeNull();
    expect(chart.getAttribute("aria-label") ?? plotSvg(chart).getAttribute("aria-label")).toMatch(/^Staafdiagram/);
    await expectSvgSnapshot(chart, "outflow-chart");
  });
});

describe("title and table", () => {
  it("the title states Eerste Keer Goed in nl-NL, or that it is withheld", () => {
    expect(outflowTitle(published)).toBe("Eerste Keer Goed is 34%: 34 van de 100 leerlingen krijgen na hun eerste traject geen nieuw traject");
    expect(outflowTitle({steps: [], ekg: H})).toBe("Eerste Keer Goed: afgeschermd, te weinig leerlingen");
  });

  it("the table has a row per step and outcome, per 100 rounded half up, withheld counts kept as withheld", () => {
    const rows = outflowRows(small);
    expect(rows.map((r) => [r.step, r.label, r.pupils, r.per100])).toEqual([
      [1, "Volgend traject", 8, 40],
      [1, "Nog in zorg", 4, 20],
      [1, "Uitstroom", 8, 40],
      [2, "Volgend traject", H, H],
      [2, "Nog in zorg", H, H],
      [2, "Uitstroom", 5, 25],
      [3, "Volgend traject", 0, 0],
      [3, "Nog in zorg", 0, 0],
      [3, "Uitstroom", 0, 0]
    ]);
    // 5 of 914 = 0,547 → 1; 4 of 914 = 0,438 → 0.
    const tiny = outflowRows({steps: [step(1, 914, 905, 5, 4)], ekg: 0});
    expect(tiny.map((r) => r.per100)).toEqual([99, 1, 0]);
  });
});
