// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {costSentences, FactsheetCosts} from "../../src/components/FactsheetCosts.js";
import {H, sheetFixture} from "../fixtures/factsheet.js";

describe("costSentences", () => {
  it("gives the pupils, the share of municipal cost, and 'afgeschermd' (never 'minder dan 5') for a withheld number in care", () => {
    expect(costSentences(sheetFixture().costs, "2020-01-01")).toEqual([
      "7 leerlingen van deze school hadden jeugdhulp met kosten.",
      "Samen waren dat 2% van alle kosten voor jeugdhulp aan basisschoolleerlingen in de gemeente.",
      "Hoeveel van hen op 1 januari 2020 nog in zorg waren, is afgeschermd."
    ]);
  });

  it("leaves out the share when it is withheld", () => {
    const costs = {...sheetFixture().costs, pupils: H, shareOfMunicipalCostPct: H, stillInCare: 0};
    expect(costSentences(costs, "2020-01-01")).toEqual([
      "Hoeveel leerlingen van deze school jeugdhulp met kosten hadden, is afgeschermd.",
      "Op 1 januari 2020 was geen van hen nog in zorg."
    ]);
  });

  it("says so in one sentence when no pupil had costs", () => {
    expect(costSentences({...sheetFixture().costs, pupils: 0}, "2020-01-01")).toEqual(["Geen leerling van deze school had jeugdhulp met kosten."]);
  });
});

describe("FactsheetCosts", () => {
  it("shows the cost bands, not single pupils", () => {
    const element = FactsheetCosts(sheetFixture().costs, {statusDate: "2020-01-01"});
    const rows = [...element.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ["€ 0 tot € 10.000", "7", "100,0%"],
      ["> € 10.000", "0", "0,0%"]
    ]);
  });
});
