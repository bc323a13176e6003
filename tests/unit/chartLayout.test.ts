// The explorer's chart layout: axis ticks that never repeat a label, and end labels moved apart.
// Every expected value is worked out by hand in the comment beside it.
import {describe, expect, test} from "vitest";
import {axisTicks, fitLabel, labelWidth, niceStep, numberAxis, percentAxis, spreadLabels, spreadValues, stepDecimals} from "../../src/lib/chartLayout.js";

describe("axis ticks", () => {
  test("a nice step is 1, 2 or 5 times a power of ten", () => {
    // 6,3 / 7 = 0,9 → 9 × 0,1, above √50 → 10 × 0,1 = 1.
    expect(niceStep(6.3, 7)).toBe(1);
    // 3,7 / 7 = 0,529 → 5,29 × 0,1, between √10 and √50 → 5 × 0,1.
    expect(niceStep(3.7, 7)).toBeCloseTo(0.5, 12);
    // 0,9 / 5 = 0,18 → 1,8 × 0,1, between √2 and √10 → 2 × 0,1.
    expect(niceStep(0.9, 5)).toBeCloseTo(0.2, 12);
    // 45 / 5 = 9 → 10.
    expect(niceStep(45, 5)).toBe(10);
  });

  test("the decimals are those of the step", () => {
    expect(stepDecimals(5)).toBe(0);
    expect(stepDecimals(0.5)).toBe(1);
    expect(stepDecimals(0.2)).toBe(1);
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(0.02)).toBe(2);
  });

  test("a small percentage axis ticks in halves and labels them with one decimal: 3,5%", () => {
    expect(axisTicks(3.7, 7)).toEqual({ticks: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], decimals: 1});
    // 350 pixels: 7 ticks wanted.
    const {ticks, tickFormat} = percentAxis(3.7, 350);
    expect(ticks.map(tickFormat)).toEqual(["0,0%", "0,5%", "1,0%", "1,5%", "2,0%", "2,5%", "3,0%", "3,5%"]);
  });

  test("the funnel's old repeat: a domain up to 6% with 10 ticks no longer reads 4% 4% 3%", () => {
    // 6 / 10 = 0,6 → 5 × 0,1: steps of 0,5, which whole percents printed as 0% 1% 1% 2% 2% …
    const {ticks, tickFormat} = percentAxis(6, 500);
    expect(ticks.map(tickFormat)).toEqual(["0,0%", "0,5%", "1,0%", "1,5%", "2,0%", "2,5%", "3,0%", "3,5%", "4,0%", "4,5%", "5,0%", "5,5%", "6,0%"]);
  });

  test("tiny and large domains", () => {
    // 0,12 / 5 = 0,024 → 2 × 0,01: seven ticks with two decimals.
    expect(axisTicks(0.12, 5)).toEqual({ticks: [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12], decimals: 2});
    expect(axisTicks(45, 5)).toEqual({ticks: [0, 10, 20, 30, 40], decimals: 0});
    expect(numberAxis(0.9, 250).ticks.map(numberAxis(0.9, 250).tickFormat)).toEqual(["0,0", "0,2", "0,4", "0,6", "0,8"]);
    expect(axisTicks(0, 5)).toEqual({ticks: [0], decimals: 0});
  });

  test("no domain from 0,05 to 60 and no height from 100 to 500 pixels repeats a label", () => {
    for (let max = 0.05; max < 60; max *= 1.07) {
      for (const pixels of [100, 250, 370, 500]) {
        const {ticks, tickFormat} = percentAxis(max, pixels);
        const labels = ticks.map(tickFormat);
        expect(new Set(labels).size, `max ${max}, ${pixels} px: ${labels.join(" ")}`).toBe(labels.length);
        expect(ticks.at(-1)!).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe("labels", () => {
  test("label widths are estimated per character, and long names end in …", () => {
    // A 0,72 + k 0,6 + k 0,6 + e 0,6 + r 0,35 = 2,87 em at 10 px.
    expect(labelWidth("Akker", 10)).toBe(29);
    expect(fitLabel("Akker", 29, 10)).toBe("Akker");
    const cut = fitLabel("Utrechtse Heuvelrug", 60);
    expect(cut).toMatch(/…$/);
    expect(labelWidth(cut)).toBeLessThanOrEqual(60);
  });

  test("labels that overlap move apart around their mean; others stay", () => {
    // 100 and 105 overlap at a gap of 12: centred on 102,5 → 96,5 and 108,5. 200 stays.
    expect(spreadLabels([100, 105, 200], 12, [0, 300])).toEqual([96.5, 108.5, 200]);
    // Input order is kept.
    expect(spreadLabels([105, 100], 12, [0, 300])).toEqual([108.5, 96.5]);
    expect(spreadLabels([50, 50, 50], 10, [0, 100])).toEqual([40, 50, 60]);
    expect(spreadLabels([10, 30], 12, [0, 100])).toEqual([10, 30]);
  });

  test("a moved group that then overlaps the next one merges with it", () => {
    // 100, 110 → 99, 111; 120 overlaps 111 + 12 → all three around 110: 98, 110, 122.
    expect(spreadLabels([100, 110, 120], 12, [0, 300])).toEqual([98, 110, 122]);
  });

  test("labels stay inside the bounds", () => {
    // Around 3,5 would start at -2,5: pushed down to 0.
    expect(spreadLabels([2, 5], 12, [0, 100])).toEqual([0, 12]);
    expect(spreadLabels([99, 100], 12, [0, 100])).toEqual([88, 100]);
  });

  test("values are spread on the screen per column and read back as values", () => {
    // yMax 10 over 100 inner pixels from y = 10: pixel = 110 − 10 × value. 5 → 60, 5,2 → 58:
    // centred on 59 at a gap of 13 → 52,5 and 65,5 → 5,75 and 4,45. The other column stays.
    const spread = spreadValues([5, 5.2, 5.1], [2019, 2019, 2018], {yMax: 10, height: 120, marginTop: 10, marginBottom: 10});
    expect(spread[0]).toBeCloseTo(4.45, 10);
    expect(spread[1]).toBeCloseTo(5.75, 10);
    expect(spread[2]).toBe(5.1);
  });
});
