// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import type {CareTypeRow} from "../../src/components/CareTypeChart.js";
import {careTypeNotes, FactsheetTopCareTypes} from "../../src/components/FactsheetCareTypes.js";
import {sheetFixture} from "../fixtures/factsheet.js";

const municipal: CareTypeRow[] = [
  {careType: "basis_ggz", label: "Basis GGZ", perYear: [{year: 2017, pupils: 100}, {year: 2018, pupils: 80}, {year: 2019, pupils: 0}]},
  {careType: "specialistische_ggz", label: "Specialistische GGZ", perYear: [{year: 2017, pupils: 9}, {year: 2018, pupils: 8}, {year: 2019, pupils: 7}]},
  {careType: "dyslexie", label: "Dyslexiezorg", perYear: [{year: 2017, pupils: 0}, {year: 2018, pupils: 98}, {year: 2019, pupils: 50}]}
];
const school = (careTypes: string[]): CareTypeRow[] => municipal.filter((r) => careTypes.includes(r.careType));

describe("careTypeNotes", () => {
  it("explains dyslexia before the DBC year as booked under specialistische GGZ", () => {
    expect(careTypeNotes(school(["dyslexie"]), municipal, {dbcTransitionYear: 2018})).toEqual([
      "In 2017 werd dyslexiezorg nog geboekt als specialistische GGZ; daarom staat er dan geen dyslexiezorg."
    ]);
  });

  it("names a care type the whole municipality lacks in a year", () => {
    expect(careTypeNotes(school(["basis_ggz", "specialistische_ggz"]), municipal, {dbcTransitionYear: 2018})).toEqual([
      "Basis GGZ komt in 2019 bij geen enkele school in de gemeente voor: de zorg werd toen anders geboekt."
    ]);
  });

  it("says nothing about care types the school did not have", () => {
    expect(careTypeNotes(school(["specialistische_ggz"]), municipal, {dbcTransitionYear: 2018})).toEqual([]);
  });
});

describe("FactsheetTopCareTypes", () => {
  it("lists each top care type with its pupils and no provider, a withheld count as '·'", () => {
    const table = FactsheetTopCareTypes(sheetFixture().topCareTypes, {year: 2019});
    expect(table.caption?.textContent).toBe("De grootste zorgvormen van 2019");
    expect([...table.tHead!.rows[0].cells].map((c) => c.textContent)).toEqual(["Zorgvorm", "Leerlingen"]);
    expect([...table.tBodies[0].rows[0].cells].map((c) => c.textContent)).toEqual(["Specialistische GGZ", "·"]);
  });
});
