// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import type {FunnelPoint} from "../../src/components/FunnelPlot.js";
import {SchoolSummary, schoolSummary} from "../../src/components/SchoolSummary.js";
import {schoolRowFixture, sheetFixture} from "../fixtures/factsheet.js";

const point = (outside95: FunnelPoint["outside95"]): FunnelPoint => ({
  schoolId: "01AB",
  name: "De Linde",
  enrolled: 100,
  pupils: 12,
  pct: 12,
  outside95,
  outside998: null
});

function shownSchool() {
  const sheet = sheetFixture();
  sheet.shares[1] = {year: 2019, enrolled: 100, pct: 12, boardPct: 10, municipalPct: 8.5};
  sheet.topCareTypes[0] = {...sheet.topCareTypes[0], pupils: 7};
  const row = schoolRowFixture();
  row.years[1] = {year: 2019, enrolled: 100, pupils: 12, pct: 12};
  row.useCategory = "hoog";
  row.growthPattern = "+/0";
  return {sheet, row};
}

describe("schoolSummary", () => {
  it("states the school's figures against the municipality when they are published", () => {
    const {sheet, row} = shownSchool();
    expect(schoolSummary(sheet, row, {funnel: point("boven"), coverage: 0.95})).toEqual([
      "In 2019 kregen 12 van de 100 leerlingen van De Linde jeugdhulp (12,0%). In de hele gemeente was dat 8,5%.",
      "Het gebruik van jeugdhulp is op deze school hoog, vergeleken met de andere scholen.",
      "Het aandeel leerlingen met jeugdhulp steeg eerst en bleef daarna ongeveer gelijk (2018–2019).",
      "Op deze school krijgen meer leerlingen jeugdhulp dan door toeval te verwachten is: het percentage ligt boven de 95%-grens voor een school van deze grootte.",
      "De meest gebruikte zorgvorm in 2019 was specialistische GGZ (7 leerlingen)."
    ]);
  });

  it("says the school lies within the limits when the funnel point is inside", () => {
    const {sheet, row} = shownSchool();
    expect(schoolSummary(sheet, row, {funnel: point(null), coverage: 0.95})[3]).toBe(
      "Het verschil met de hele gemeente kan toeval zijn: het percentage valt binnen de 95%-grenzen voor een school van deze grootte."
    );
  });

  it("the sentence on the usual spread between schools takes the funnel sentence's place, also for a withheld school", () => {
    const {sheet, row} = shownSchool();
    const variation = "Vergeleken met de andere scholen ligt het percentage in 2019 binnen de verwachte spreiding.";
    expect(schoolSummary(sheet, row, {funnel: point("boven"), coverage: 0.95, variation})[3]).toBe(variation);
    const hidden = schoolSummary(sheetFixture(), schoolRowFixture(), {funnel: null, coverage: 0.95, variation: "niet te tonen"});
    expect(hidden).toContain("niet te tonen");
  });

  it("never states a withheld number, nor that it is small, nor ranks it: it reads 'afgeschermd' and derived sentences are left out", () => {
    const sentences = schoolSummary(sheetFixture(), schoolRowFixture(), {funnel: null, coverage: 0.95});
    // The largest care type's count is withheld: "the most used" would rank it, so that sentence goes.
    expect(sentences).toEqual(["In 2019 had De Linde 62 leerlingen. Hoeveel van hen jeugdhulp kregen, is afgeschermd."]);
    expect(sentences.join(" ")).not.toMatch(/minder dan/);
    // Only the school size (62) and the years are numbers here; no percentage of a withheld count.
    expect(sentences.join(" ")).not.toMatch(/%/);
  });

  it("SchoolSummary renders one paragraph per sentence", () => {
    const element = SchoolSummary(sheetFixture(), schoolRowFixture(), {funnel: null, coverage: 0.95});
    expect(element.querySelectorAll("p")).toHaveLength(1);
  });
});
