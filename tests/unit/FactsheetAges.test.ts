// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ageColumns, ageRows, ageSeries, FactsheetAges, mostlyWithheldText} from "../../src/components/FactsheetAges.js";
import {CARE_TYPE_COLORS} from "../../src/components/palette.js";
import {H, sheetFixture} from "../fixtures/factsheet.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

describe("ageSeries", () => {
  it("keeps the care types with a pupil in either year and one y-scale for both years", () => {
    const series = ageSeries(sheetFixture().ages);
    // Crisishulp is zero everywhere; Dyslexiezorg only occurs in 2019 but keeps its row in 2018 too.
    expect(series.labels).toEqual(["Specialistische GGZ", "Dyslexiezorg"]);
    expect(series.years).toEqual(["2018", "2019"]);
    expect(series.bars).toHaveLength(2 * 3 * 2);
    // The tallest bar is 2019's 9 dyslexia pupils aged 8, not 2018's 6.
    expect(series.max).toBe(9);
  });

  it("lists withheld cells as null, never as zero", () => {
    const withheld = ageSeries(sheetFixture().ages).bars.filter((b) => b.pupils === null);
    expect(withheld.map((b) => [b.year, b.label, b.age])).toEqual([
      ["2018", "Specialistische GGZ", 8],
      ["2019", "Specialistische GGZ", 7]
    ]);
  });

  it("gives the table one row per care type and age with a column per year", () => {
    const series = ageSeries(sheetFixture().ages);
    const rows = ageRows(series);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual({label: "Specialistische GGZ", age: 7, perYear: [6, H]});
    expect(ageColumns(series).map((c) => c.label)).toEqual(["Zorgvorm", "Leeftijd", "2018", "2019"]);
  });
});

describe("FactsheetAges", () => {
  it("draws only the published non-zero cells, each labelled and in its care type's colour", async () => {
    const chart = FactsheetAges(sheetFixture().ages, {width: 640});
    const bars = [...chart.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(2);
    expect(bars.map((b) => b.getAttribute("fill")).sort()).toEqual([CARE_TYPE_COLORS.dyslexie, CARE_TYPE_COLORS.specialistische_ggz].sort());
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts.filter((t) => t === "·")).toHaveLength(2);
    expect(texts).toContain("6");
    expect(texts).toContain("9");
    await expectSvgSnapshot(chart, "factsheet-ages");
  });
});

describe("a school where nearly every age cell is withheld", () => {
  // The fixture draws 2 cells and withholds 2; withholding one more tips it.
  function mostlyWithheld() {
    const sheet = sheetFixture();
    const dyslexia = sheet.ages.years[1].perCareType.find((c) => c.careType === "dyslexie")!;
    dyslexia.ages = dyslexia.ages.map((a) => (a.pupils === 9 ? {...a, pupils: H} : a));
    return sheet.ages;
  }

  it("draws the chart while at least as many cells are drawn as withheld", () => {
    expect(mostlyWithheldText(ageSeries(sheetFixture().ages))).toBeNull();
    expect(FactsheetAges(sheetFixture().ages).tagName.toLowerCase()).toBe("svg");
  });

  it("says in a sentence how many cells are withheld instead of drawing only marks", () => {
    const ages = mostlyWithheld();
    expect(mostlyWithheldText(ageSeries(ages))).toBe(
      "Geen grafiek: op deze school zijn 3 van de 4 aantallen per zorgvorm en leeftijd afgeschermd, omdat het om heel weinig leerlingen gaat. De tabel hieronder toont wat wel bekend is."
    );
    const element = FactsheetAges(ages);
    expect(element.tagName).toBe("P");
    // And with every cell withheld: "alle", not "4 van de 4".
    for (const year of ages.years) {
      const ggz = year.perCareType.find((c) => c.careType === "specialistische_ggz")!;
      ggz.ages = ggz.ages.map((a) => (a.pupils === 0 ? a : {...a, pupils: H}));
    }
    expect(mostlyWithheldText(ageSeries(ages))).toMatch(/^Geen grafiek: op deze school zijn alle \d+ aantallen per zorgvorm en leeftijd afgeschermd/);
    expect(element.querySelector("svg")).toBeNull();
  });
});
