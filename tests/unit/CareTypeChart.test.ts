// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {careTypeBars, CareTypeChart, careTypeGaps, careTypeTitle, inSentence, type CareTypeRow} from "../../src/components/CareTypeChart.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const rows: CareTypeRow[] = [
  {careType: "basis_ggz", label: "Basis GGZ", perYear: [{year: 2017, pupils: 10}, {year: 2018, pupils: 8}, {year: 2019, pupils: 0}]},
  {careType: "dyslexie", label: "Dyslexiezorg", perYear: [{year: 2017, pupils: 0}, {year: 2018, pupils: 12}, {year: 2019, pupils: H}]},
  {careType: "crisis", label: "Crisishulp", perYear: [{year: 2017, pupils: 0}, {year: 2018, pupils: 0}, {year: 2019, pupils: 0}]}
];

describe("careTypeGaps", () => {
  it("names the care types that are empty in some years but not all, with those years", () => {
    expect(careTypeGaps(rows)).toEqual([
      {careType: "basis_ggz", label: "Basis GGZ", years: [2019]},
      {careType: "dyslexie", label: "Dyslexiezorg", years: [2017]}
    ]);
  });

  it("does not read a withheld count as empty", () => {
    const withheld: CareTypeRow = {careType: "verblijf", label: "Verblijf", perYear: [{year: 2018, pupils: H}, {year: 2019, pupils: 7}]};
    expect(careTypeGaps([withheld])).toEqual([]);
  });
});

describe("careTypeTitle", () => {
  it("names the two care types with the most pupils in the latest year, the second in lower case", () => {
    const latest = (careType: string, label: string, pupils: number): CareTypeRow => ({careType, label, perYear: [{year: 2019, pupils}]});
    const title = careTypeTitle([latest("a", "Basis GGZ", 0), latest("b", "Specialistische GGZ", 142), latest("c", "Ambulante begeleiding", 189)]);
    expect(title).toBe("Ambulante begeleiding en specialistische GGZ zijn in 2019 de grootste zorgvormen");
  });

  it("inSentence lowers only a capital that starts a word, not an abbreviation", () => {
    expect([inSentence("Dyslexiezorg"), inSentence("GGZ-behandeling")]).toEqual(["dyslexiezorg", "GGZ-behandeling"]);
  });
});

describe("CareTypeChart", () => {
  it("careTypeBars keeps a withheld count as null, never as zero", () => {
    const bars = careTypeBars(rows);
    expect(bars).toHaveLength(9);
    expect(bars.find((b) => b.careType === "dyslexie" && b.year === "2019")?.pupils).toBeNull();
    expect(bars.find((b) => b.careType === "basis_ggz" && b.year === "2019")?.pupils).toBe(0);
  });

  it("draws a bar for every published count in the care type's colour and a '·' for the withheld one", async () => {
    const chart = CareTypeChart(rows, {width: 640});
    const bars = [...chart.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(8);
    expect(bars.filter((b) => b.getAttribute("fill") === "#E69F00")).toHaveLength(2); // Dyslexiezorg 2017 and 2018
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toContain("12");
    expect(texts.filter((t) => t === "·")).toHaveLength(1);
    await expectSvgSnapshot(chart, "care-type-chart");
  });
});
