import {describe, expect, test} from "vitest";
import {fisherFreemanHalton} from "../../loaders/statistics.js";

// Every expected value below is worked out by hand from P(table) = ∏ row! ∏ column! / (N! ∏ cell!).

describe("Fisher's exact test (2×2)", () => {
  test("tea tasting [[3,1],[1,3]]: p = 34/70, the two tables as likely as the observed one count too", () => {
    // Totals 4/4: P(x = 0 … 4) = 1, 16, 36, 16, 1 out of 70; x = 3 is observed, x = 1 ties with it.
    const result = fisherFreemanHalton([
      [3, 1],
      [1, 3]
    ]);
    expect(result?.pValue).toBeCloseTo(34 / 70, 12);
    expect(result?.tables).toBe(5);
  });

  test("[[1,9],[11,3]]: p = 7462/2704156 (only the two tables at each extreme)", () => {
    // C(24,12) = 2.704.156; x = 0 and x = 10: C(14,12) = C(14,2) = 91; x = 1 and x = 9: 10 · 364 = 3.640.
    const result = fisherFreemanHalton([
      [1, 9],
      [11, 3]
    ]);
    expect(result?.pValue).toBeCloseTo(7462 / 2704156, 12);
  });

  test("a table that matches what independence predicts exactly gets p = 1", () => {
    // Totals 4/4: x = 2 is the most likely table, so every table is no more likely than it.
    expect(
      fisherFreemanHalton([
        [2, 2],
        [2, 2]
      ])?.pValue
    ).toBeCloseTo(1, 12);
  });
});

describe("Fisher–Freeman–Halton test (r×c)", () => {
  test("2×3 [[1,1,0],[0,0,2]]: 4 tables with these totals, the observed one and its mirror have 1/6 each, p = 1/3", () => {
    // Rows 2/2, columns 1/1/2: the first row is (1,1,0), (1,0,1), (0,1,1) or (0,0,2): 1/6, 1/3, 1/3, 1/6.
    const result = fisherFreemanHalton([
      [1, 1, 0],
      [0, 0, 2]
    ]);
    expect(result?.pValue).toBeCloseTo(1 / 3, 12);
    expect(result?.tables).toBe(4);
    expect(result).toMatchObject({rows: 2, columns: 3});
  });

  test("2×3 [[1,0,1],[0,1,1]] is one of the two most likely tables: p = 1", () => {
    expect(
      fisherFreemanHalton([
        [1, 0, 1],
        [0, 1, 1]
      ])?.pValue
    ).toBeCloseTo(1, 12);
  });

  test("3×3 diagonal with totals 2/1/1: 7 tables, the observed one and one other have 1/12 each, p = 1/6", () => {
    // First row (2,0,0): two tables of 1/12; (1,1,0) and (1,0,1): two tables of 1/6 each; (0,1,1): one of 1/6.
    const result = fisherFreemanHalton([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 1]
    ]);
    expect(result?.pValue).toBeCloseTo(1 / 6, 12);
    expect(result?.tables).toBe(7);
  });

  test("swapping rows and columns gives the same p-value", () => {
    const table = [
      [1, 2, 3],
      [4, 0, 1],
      [0, 2, 2],
      [1, 1, 0]
    ];
    const transposed = table[0].map((_, j) => table.map((row) => row[j]));
    expect(fisherFreemanHalton(transposed)?.pValue).toBeCloseTo(fisherFreemanHalton(table)!.pValue, 12);
  });

  test("empty rows and columns are left out: the tea-tasting table with a zero row and column still gives 34/70", () => {
    const result = fisherFreemanHalton([
      [3, 0, 1],
      [0, 0, 0],
      [1, 0, 3]
    ]);
    expect(result?.pValue).toBeCloseTo(34 / 70, 12);
    expect(result).toMatchObject({rows: 2, columns: 2});
  });

  test("with only one non-empty column there is nothing to compare: p = 1", () => {
    expect(fisherFreemanHalton([[3, 0], [2, 0]])).toEqual({pValue: 1, tables: 1, rows: 2, columns: 1});
  });

  test("returns null when more tables share the totals than the limit allows", () => {
    expect(fisherFreemanHalton([[3, 1], [1, 3]], 4)).toBeNull();
    expect(fisherFreemanHalton([[3, 1], [1, 3]], 5)?.tables).toBe(5);
  });

  test("refuses a negative or fractional count", () => {
    expect(() => fisherFreemanHalton([[1, -1], [2, 3]])).toThrow(RangeError);
    expect(() => fisherFreemanHalton([[1, 0.5], [2, 3]])).toThrow(RangeError);
  });
});

describe("a table tested again", () => {
  test("gives the same answer, and a lower enumeration limit is not answered from a test under a higher one", () => {
    const table = [
      [3, 1],
      [1, 3]
    ];
    expect(fisherFreemanHalton(table)?.pValue).toBeCloseTo(34 / 70, 12);
    // Five tables share these totals: with room for four the test gives up.
    expect(fisherFreemanHalton(table, 4)).toBeNull();
    expect(fisherFreemanHalton(table)?.tables).toBe(5);
    expect(fisherFreemanHalton(table, 4)).toBeNull();
  });

  test("a caller that changes its result does not change the next caller's", () => {
    const table = [
      [1, 9],
      [11, 3]
    ];
    const first = fisherFreemanHalton(table) as NonNullable<ReturnType<typeof fisherFreemanHalton>>;
    first.pValue = 0.5;
    expect(fisherFreemanHalton(table)?.pValue).toBeCloseTo(7462 / 2704156, 12);
  });
});
