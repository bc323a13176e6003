// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {indexRows, SchoolIndex} from "../../src/components/SchoolIndex.js";
import type {SchoolRow} from "../../src/components/schoolTables.js";
import {schoolRowFixture} from "../fixtures/factsheet.js";

const shown: SchoolRow = {
  schoolId: "02CD",
  name: "Het Anker",
  enrolledLatestYear: 1200,
  years: [
    {year: 2018, enrolled: 1150, pupils: 100, pct: 9},
    {year: 2019, enrolled: 1200, pupils: 150, pct: 13}
  ],
  growth: [{from: 2018, to: 2019, category: "+"}],
  growthPattern: "+",
  useCategory: "hoog"
};

describe("indexRows", () => {
  it("keeps the schools with a factsheet, with its slug, and leaves out the others", () => {
    const rows = indexRows([schoolRowFixture(), shown], [{schoolId: "02CD", slug: "het-anker"}]);
    expect(rows.map((r) => [r.name, r.slug])).toEqual([["Het Anker", "het-anker"]]);
  });
});

describe("SchoolIndex", () => {
  it("links each school to its factsheet and marks withheld cells with '·'", () => {
    const rows = indexRows([schoolRowFixture(), shown], [
      {schoolId: "01AB", slug: "de-linde"},
      {schoolId: "02CD", slug: "het-anker"}
    ]);
    const table = SchoolIndex(rows, {caption: "Scholen"});
    const links = [...table.querySelectorAll("tbody a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["De Linde", "./de-linde"],
      ["Het Anker", "./het-anker"]
    ]);
    const text = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
    expect(text[0]).toEqual(["De Linde", "62", "10%", "·", "·", "·"]);
    expect(text[1]).toEqual(["Het Anker", "1.200", "9%", "13%", "hoog", "+"]);
    expect([...table.tHead!.rows[0].cells].map((c) => c.textContent)).toEqual([
      "School", "Leerlingen 2019", "Met jeugdhulp 2018", "Met jeugdhulp 2019", "Gebruik", "Groeipatroon"
    ]);
  });

  it("says so when the search leaves no school", () => {
    expect(SchoolIndex([], {caption: "Scholen"}).tBodies[0].textContent).toBe("Geen school gevonden.");
  });
});
