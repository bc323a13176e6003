// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import type {Factsheet} from "../../loaders/tables/factsheet.js";
import {FactsheetGrowth, FactsheetShares, FactsheetYears, signedPercent} from "../../src/components/FactsheetYears.js";
import type {Sheet} from "../../src/components/factsheetTypes.js";
import {H, sheetFixture} from "../fixtures/factsheet.js";

// The components read the published file; tsc fails here if loaders/ changes its public shape.
export const publishedFitsSheet = (published: Factsheet<"public">): Sheet => published;

const cells = (table: HTMLTableElement) => [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));

describe("signedPercent", () => {
  it("shows growth with its sign, withheld as '·' and missing as '–'", () => {
    expect(signedPercent(25)).toBe("+25%");
    expect(signedPercent(-20)).toBe("−20%");
    expect(signedPercent(0)).toBe("0%");
    expect(signedPercent(H)).toBe("·");
    expect(signedPercent(null)).toBe("–");
  });
});

describe("factsheet tables for items 1–4", () => {
  it("item 1 and 3: a withheld count and the ratio derived from it both read '·'", () => {
    expect(cells(FactsheetYears(sheetFixture()))).toEqual([
      ["2018", "9", "6", "1,50", "1,42"],
      ["2019", "·", "·", "·", "1,27"]
    ]);
  });

  it("item 2: the school's growth next to the municipality's", () => {
    expect(cells(FactsheetGrowth(sheetFixture()))).toEqual([["2018–2019", "·", "−28%", "·", "+5%"]]);
  });

  it("item 4: school, board and municipality with one decimal, the board named in the caption", () => {
    const table = FactsheetShares(sheetFixture());
    expect(table.caption?.textContent).toContain("Stichting Boom");
    expect(cells(table)).toEqual([
      ["2018", "60", "10,0%", "9,5%", "10,6%"],
      ["2019", "62", "·", "8,1%", "8,5%"]
    ]);
  });
});
