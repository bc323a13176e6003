// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {StatusBar, statusSegments, statusTitle, type StatusRow} from "../../src/components/StatusBar.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const rows: StatusRow[] = [
  {status: "in_zorg", label: "In zorg", pupils: 433, pct: 47.37},
  {status: "stop_zorg", label: "Stop zorg", pupils: 88, pct: 9.63},
  {status: "uitstroom", label: "Uitstroom", pupils: 393, pct: 43}
];

describe("statusSegments", () => {
  it("stacks the parts from 0 to 100 in the given order", () => {
    const segments = statusSegments(rows);
    expect(segments.map((s) => [s.status, s.x1])).toEqual([
      ["in_zorg", 0],
      ["stop_zorg", 47.37],
      ["uitstroom", 57]
    ]);
    expect(segments[2].x2).toBeCloseTo(100, 10);
  });

  it("leaves a withheld part out, so the bar stops short instead of showing a false share", () => {
    const segments = statusSegments([rows[0], {...rows[1], pupils: H, pct: H}, {...rows[2], pct: 40}]);
    expect(segments.map((s) => [s.status, s.x1, s.x2])).toEqual([
      ["in_zorg", 0, 47.37],
      ["uitstroom", 47.37, 87.37]
    ]);
  });
});

describe("statusTitle", () => {
  it("states the share still in care on the peildatum in whole percent", () => {
    expect(statusTitle(rows, "2020-01-01")).toBe("47% van de leerlingen was op 1 januari 2020 nog in zorg");
  });
});

describe("StatusBar", () => {
  it("draws one 100% bar of three parts, each labelled with its percentage in nl-NL", async () => {
    const chart = StatusBar(rows, {width: 640});
    expect(chart.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(3);
    const labels = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["47,4%", "9,6%", "43,0%"]);
    const ticks = [...chart.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks[ticks.length - 1]).toBe("100%");
    await expectSvgSnapshot(chart, "status-bar");
  });
});
