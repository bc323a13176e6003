// The perturbation table of the explorer's cube (loaders/cube/ptable.ts), checked against its
// promises: zeros stay zero, small counts rounded to 0 or 15, bounded noise, unbiased rows, and every published value
// consistent with true counts at least minCount apart.
import {describe, expect, test} from "vitest";
import {consistentRange, perturb, perturbationProbabilities, perturbationTable, ptableRow, PTABLE_SCALE} from "../../loaders/cube/ptable.js";

const five = {suppression: {minCount: 5}};
/** A cell key whose top 16 bits are `position`: it picks that position in a row. */
const keyAt = (position: number) => position * 2 ** 16;

describe("the default table: minCount 5, small counts rounded to 0 or 15", () => {
  const table = perturbationTable(five);

  test("small rows by hand: n = 1 … 14 → 0 or 15 with P(15) = n/15, the only unbiased pair (out of 2^16)", () => {
    expect(table.roundBelow).toBe(15);
    expect([1, 2, 5, 14].map((n) => ptableRow(n, five).values)).toEqual([[0, 15], [0, 15], [0, 15], [0, 15]]);
    // 4369,07 → 4369; 8738,13 → 8738; 13107,2 → 13107; 17476,27 → 17476; 21845,33 → 21845.
    expect([1, 2, 3, 4, 5].map((n) => ptableRow(n, five).weights[1])).toEqual([4369, 8738, 13107, 17476, 21845]);
    // Row 15 cannot go below 15 and has mean 15: all but three units of 2^16 on 15.
    expect(ptableRow(15, five).values).toEqual([15, 16, 17, 18]);
    expect(ptableRow(15, five).weights[0]).toBe(PTABLE_SCALE - 3);
    expect(ptableRow(16, five).values).toEqual([15, 16, 17, 18, 19]);
    // Row 20 reaches down to 16, so that a published 16 or 17 may come from counts 15 … 20.
    expect(ptableRow(20, five).values).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
  });

  test("from 21 on every row is the same noise −3 … +3; the largest deviation is 14 (1 → 15, 14 → 0)", () => {
    expect(table.stationaryFrom).toBe(21);
    expect(table.maxDeviation).toBe(14);
    expect(table.roundedDeviation).toBe(4);
    expect(table.largeDeviation).toBe(3);
    expect(ptableRow(21, five).values).toEqual([18, 19, 20, 21, 22, 23, 24]);
    expect(ptableRow(40, five).values).toEqual([37, 38, 39, 40, 41, 42, 43]);
    const w = ptableRow(40, five).weights;
    expect(w).toEqual(ptableRow(21, five).weights);
    expect(ptableRow(19, five).weights).toEqual(w);
    for (let i = 0; i < 3; i++) expect(Math.abs(w[i] - w[6 - i])).toBeLessThanOrEqual(1);
    expect((w[2] + w[3] + w[4]) / PTABLE_SCALE).toBeGreaterThan(0.72);
  });

  test("every row adds up to 2^16, is unbiased up to its quantisation (half a unit of 2^-16 on the value 15: 1,1·10^-4) and stays within ± 14", () => {
    for (let n = 0; n <= 60; n++) {
      const row = ptableRow(n, five);
      expect(row.weights.reduce((s, w) => s + w, 0)).toBe(PTABLE_SCALE);
      expect(row.weights.every((w) => w > 0)).toBe(true);
      const mean = perturbationProbabilities(n, five).reduce((s, {value, probability}) => s + value * probability, 0);
      expect(Math.abs(mean - n)).toBeLessThan(15 / 2 ** 17);
      expect(row.values.every((v) => Math.abs(v - n) <= 14)).toBe(true);
    }
  });

  test("zero stays zero, whatever the key; no key publishes 1 … 14", () => {
    for (const position of [0, 1, 30000, 65535]) expect(perturb(0, keyAt(position), five)).toBe(0);
    for (let n = 0; n <= 60; n++) {
      for (let position = 0; position < PTABLE_SCALE; position += 97) {
        const v = perturb(n, keyAt(position), five);
        expect(v === 0 || v >= 15).toBe(true);
      }
    }
  });

  test("the key picks the value by the row's cumulative weights", () => {
    expect([perturb(1, keyAt(61166), five), perturb(1, keyAt(61167), five)]).toEqual([0, 15]);
    expect([perturb(2, keyAt(56797), five), perturb(2, keyAt(56798), five)]).toEqual([0, 15]);
    expect(perturb(2, keyAt(56797) + 0xffff, five)).toBe(0);
    expect(perturb(100, 0, five)).toBe(97);
    expect(perturb(100, 0xffffffff, five)).toBe(103);
  });

  test("consistent ranges by hand: 0 ← 0…14, 15 ← 1…18, 16 ← 15…20, 17 ← 15…20, 18 ← 15…21, 19 ← 16…22, 25 ← 22…28", () => {
    expect([0, 15, 16, 17, 18, 19, 25].map((v) => consistentRange(v, five))).toEqual([[0, 14], [1, 18], [15, 20], [15, 20], [15, 21], [16, 22], [22, 28]]);
    expect([1, 4, 5, 14, -1].map((v) => consistentRange(v, five))).toEqual([null, null, null, null, null]);
  });

  test("withheld report counts (1 or more each) inside a cube cell shown 0: even five of them stay 1 … 10, wider than the rule's 5", () => {
    const [, hi] = consistentRange(0, five)!;
    expect(hi - 4 - 1).toBeGreaterThanOrEqual(5);
  });

  test("every publishable value is consistent with true counts at least 5 apart", () => {
    for (let v = 0; v <= 200; v++) {
      const range = consistentRange(v, five);
      if (v >= 1 && v <= 14) continue;
      expect(range).not.toBeNull();
      expect(range![1] - range![0]).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("cubeRoundBelow = minCount = 5: the table before small counts were rounded", () => {
  const five = {suppression: {minCount: 5, cubeRoundBelow: 5}};
  const table = perturbationTable(five);

  test("small rows by hand: n = 1 … 4 → 0 or 5 with P(5) = n/5, the only unbiased pair (out of 2^16)", () => {
    expect([1, 2, 3, 4].map((n) => ptableRow(n, five).values)).toEqual([[0, 5], [0, 5], [0, 5], [0, 5]]);
    expect([1, 2, 3, 4].map((n) => ptableRow(n, five).weights[1])).toEqual([13107, 26214, 39322, 52429]);
    expect(ptableRow(5, five).values).toEqual([0, 5, 6, 7, 8]);
    expect(ptableRow(6, five).values).toEqual([5, 6, 7, 8, 9]);
    expect(ptableRow(8, five).values).toEqual([5, 6, 7, 8, 9, 10, 11]);
    // Row 10 reaches down to 6, so that a published 6 or 7 may come from counts 5 … 10.
    expect(ptableRow(10, five).values).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
  });

  test("from 11 on every row is the same noise −3 … +3, symmetric up to one unit of 2^-16", () => {
    expect(table.stationaryFrom).toBe(11);
    expect(table.maxDeviation).toBe(5);
    expect(table.largeDeviation).toBe(3);
    expect(ptableRow(11, five).values).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(ptableRow(40, five).values).toEqual([37, 38, 39, 40, 41, 42, 43]);
    const w = ptableRow(40, five).weights;
    expect(w).toEqual(ptableRow(11, five).weights);
    expect(ptableRow(9, five).weights).toEqual(w);
    for (let i = 0; i < 3; i++) expect(Math.abs(w[i] - w[6 - i])).toBeLessThanOrEqual(1);
    // Most of the mass is on the true value and its neighbours.
    expect((w[2] + w[3] + w[4]) / PTABLE_SCALE).toBeGreaterThan(0.72);
  });

  test("every row adds up to 2^16, is unbiased within 10^-4 and stays within ± 5", () => {
    for (let n = 0; n <= 60; n++) {
      const row = ptableRow(n, five);
      expect(row.weights.reduce((s, w) => s + w, 0)).toBe(PTABLE_SCALE);
      expect(row.weights.every((w) => w > 0)).toBe(true);
      const mean = perturbationProbabilities(n, five).reduce((s, {value, probability}) => s + value * probability, 0);
      expect(Math.abs(mean - n)).toBeLessThan(1e-4);
      expect(row.values.every((v) => Math.abs(v - n) <= 5)).toBe(true);
    }
  });

  test("zero stays zero, whatever the key; no key publishes 1 … 4", () => {
    for (const position of [0, 1, 30000, 65535]) expect(perturb(0, keyAt(position), five)).toBe(0);
    for (let n = 0; n <= 60; n++) {
      for (let position = 0; position < PTABLE_SCALE; position += 97) {
        const v = perturb(n, keyAt(position), five);
        expect(v === 0 || v >= 5).toBe(true);
      }
    }
  });

  test("the key picks the value by the row's cumulative weights", () => {
    expect([perturb(1, keyAt(52428), five), perturb(1, keyAt(52429), five)]).toEqual([0, 5]);
    expect([perturb(2, keyAt(39321), five), perturb(2, keyAt(39322), five)]).toEqual([0, 5]);
    // Only the top 16 bits count: the low bits of a key change nothing.
    expect(perturb(2, keyAt(39321) + 0xffff, five)).toBe(0);
    expect(perturb(100, 0, five)).toBe(97);
    expect(perturb(100, 0xffffffff, five)).toBe(103);
  });

  test("consistent ranges by hand: 0 ← 0…5, 5 ← 1…8, 6 ← 5…10, 7 ← 5…10, 9 ← 6…12, 20 ← 17…23; 1…4 never published", () => {
    expect([0, 5, 6, 7, 9, 20].map((v) => consistentRange(v, five))).toEqual([[0, 5], [1, 8], [5, 10], [5, 10], [6, 12], [17, 23]]);
    expect([1, 2, 3, 4, -1].map((v) => consistentRange(v, five))).toEqual([null, null, null, null, null]);
  });

  test("beside the report's < 5 the cube narrows nothing: only 0 and 5 can come from 1 … 4, and both from all of them", () => {
    for (let v = 0; v <= 100; v++) {
      const range = consistentRange(v, five);
      if (range === null || range[0] > 4 || range[1] < 1) continue;
      expect([v, range[0] <= 1 && range[1] >= 4]).toEqual([v, true]);
      expect([0, 5]).toContain(v);
    }
  });

  test("every publishable value is consistent with true counts at least 5 apart", () => {
    for (let v = 0; v <= 200; v++) {
      const range = consistentRange(v, five);
      if (v >= 1 && v <= 4) continue;
      expect(range).not.toBeNull();
      expect(range![1] - range![0]).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("other thresholds", () => {
  test.each([
    [1, 1], [2, 2], [3, 3], [4, 4], [6, 6], [7, 7], [10, 10],
    [1, 2], [2, 4], [3, 6], [4, 8], [6, 12], [7, 14], [10, 20], [5, 7], [5, 10], [2, 6], [4, 12]
  ])("minCount %i, rounded below %i: no 1 … s − 1, zero stays, ranges at least minCount wide, noise ≤ max(minCount, s − 1)", (m, s) => {
    const settings = {suppression: {minCount: m, cubeRoundBelow: s}};
    for (let n = 0; n <= 4 * s + 10; n++) {
      const row = ptableRow(n, settings);
      expect(row.values.every((v) => v === 0 || v >= s)).toBe(true);
      expect(row.values.every((v) => Math.abs(v - n) <= Math.max(m, s - 1))).toBe(true);
      expect(row.weights.reduce((s, w) => s + w, 0)).toBe(PTABLE_SCALE);
    }
    expect(ptableRow(0, settings).values).toEqual([0]);
    for (let v = 0; v <= 4 * s + 10; v++) {
      const range = consistentRange(v, settings);
      if (range) expect(range[1] - range[0]).toBeGreaterThanOrEqual(m);
      else expect(v >= 1 && v < s).toBe(true);
    }
  });
});
