import {describe, expect, test} from "vitest";
import type {UseCategory} from "../../loaders/definitions.js";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import type {Mode} from "../../loaders/suppression.js";
import {factorTables, type CrossTable, type SchoolFactors} from "../../loaders/tables/factors.js";
import {defaultSettings} from "../fixtures/build.js";
import {threeSchools} from "../fixtures/threeSchools.js";

const WITHHELD = {suppressed: true, minCount: 5};

let nextId = 0;
/** One school with only the fields a test cares about; 250 pupils (middel), SOT 10 (4 per 100: gemiddeld). */
function school(use: UseCategory | typeof WITHHELD, fields: Partial<SchoolFactors<Mode>> = {}): SchoolFactors<Mode> {
  const id = `S${String(++nextId).padStart(2, "0")}`;
  return {
    schoolId: id,
    name: `School ${id}`,
    useCategory: use as SchoolFactors<Mode>["useCategory"],
    enrolledLatestYear: 250,
    size: "middel",
    ses: "midden",
    sotTrajectories: 10,
    sot: "gemiddeld",
    participated: true,
    dorpsteamRating: 2,
    ibExperience: "2-5",
    ibCount: 1,
    sesSelfReported: "midden",
    ...fields
  };
}

const repeat = (n: number, make: () => SchoolFactors<Mode>) => Array.from({length: n}, make);
const table = (tables: CrossTable[], factor: string) => tables.find((t) => t.factor === factor) as CrossTable;
const all = (schools: SchoolFactors<Mode>[]) => {
  const f = factorTables(defaultSettings, schools);
  return [...f.tabel8, f.tabel9, ...f.interviews];
};

describe("the exact test of each cross-table", () => {
  test("size klein/middel × use laag/hoog as [[3,1],[1,3]] gives Fisher's p = 34/70 over 8 schools", () => {
    const schools = [
      ...repeat(3, () => school("laag", {size: "klein"})),
      school("hoog", {size: "klein"}),
      school("laag", {size: "middel"}),
      ...repeat(3, () => school("hoog", {size: "middel"}))
    ];
    const omvang = table(all(schools), "omvang");
    expect(omvang.exactTest).toEqual({pValue: expect.closeTo(34 / 70, 12), untestable: null, schools: 8, withheld: 0, unknownFactor: 0});
  });

  test("a school whose use category is withheld is shown in the afgeschermd column but left out of the test", () => {
    const schools = [
      ...repeat(3, () => school("laag", {size: "klein"})),
      school("hoog", {size: "klein"}),
      school("laag", {size: "middel"}),
      ...repeat(3, () => school("hoog", {size: "middel"})),
      school(WITHHELD, {size: "groot"})
    ];
    const omvang = table(all(schools), "omvang");
    expect(omvang.cells.find((c) => c.row === "groot" && c.column === "afgeschermd")?.schools).toBe(1);
    // The groot row would make a 3×2 table if the school counted; left out, it is the 2×2 above.
    expect(omvang.exactTest).toMatchObject({pValue: expect.closeTo(34 / 70, 12), schools: 8, withheld: 1});
  });

  test("an unknown SOT rate is shown as Onbekend but is no category of the factor: left out of the test", () => {
    // SOT weinig/veel × laag/hoog as [[1,1],[0,2]]: totals 2/2 and 1/3, P(x=1) = P(x=0) = 1/2, so p = 1.
    const schools = [
      school("laag", {sot: "weinig"}),
      school("hoog", {sot: "weinig"}),
      ...repeat(2, () => school("hoog", {sot: "veel"})),
      school("laag", {sot: null})
    ];
    const sot = table(all(schools), "sot");
    expect(sot.cells.find((c) => c.row === "onbekend" && c.column === "laag")?.schools).toBe(1);
    expect(sot.exactTest).toEqual({pValue: expect.closeTo(1, 12), untestable: null, schools: 4, withheld: 0, unknownFactor: 1});
  });

  test("Tabel 9 tests the participating schools with a grade: geen cijfer and non-participants stay out", () => {
    // Rating 1 only laag, rating 3 only hoog: [[2,0],[0,2]], p = 2 · 1/6 = 1/3 (totals 2/2: 1, 4, 1 out of 6).
    const schools = [
      ...repeat(2, () => school("laag", {dorpsteamRating: 1})),
      ...repeat(2, () => school("hoog", {dorpsteamRating: 3})),
      school("gemiddeld", {dorpsteamRating: null}),
      school("gemiddeld", {participated: false, dorpsteamRating: null})
    ];
    const dorpsteam = table(all(schools), "dorpsteam");
    expect(dorpsteam.exactTest).toEqual({pValue: expect.closeTo(1 / 3, 12), untestable: null, schools: 4, withheld: 0, unknownFactor: 1});
  });

  test("when every tested school has the same use category there is nothing to test", () => {
    const schools = [school("gemiddeld", {size: "klein"}), school("gemiddeld", {size: "groot"}), school(WITHHELD, {size: "klein"})];
    expect(table(all(schools), "omvang").exactTest).toEqual({pValue: null, untestable: "one_category", schools: 2, withheld: 1, unknownFactor: 0});
  });

  test("the IB-experience table is tested too: three rows × one column per use category", () => {
    // [[1,0],[0,1],[1,1]]: rows 1/1/2, columns 2/2; 4 tables of 1/6, 1/3, 1/3, 1/6; observed 1/3, p = 1.
    const schools = [
      school("laag", {ibExperience: "<2"}),
      school("hoog", {ibExperience: "2-5"}),
      school("laag", {ibExperience: ">5"}),
      school("hoog", {ibExperience: ">5"})
    ];
    expect(table(all(schools), "ib_ervaring").exactTest.pValue).toBeCloseTo(1, 12);
  });
});

describe("the exact test in the published report", () => {
  // Ceder has 3 pupils with youth care: its use category is withheld, and Berk's with it (the
  // smallest other school of the year), so only Anemoon keeps a published use category.
  const data = threeSchools({cederPerYear: 3});
  const pub = publishReport(computeReport(data), data.settings);

  test("uses only the published use categories: the withheld schools are counted as left out", () => {
    const omvang = pub.factors.tabel8[0];
    expect(omvang.exactTest).toEqual({pValue: null, untestable: "one_category", schools: 1, withheld: 2, unknownFactor: 0});
  });

  test("the internal report tests all three schools", () => {
    const raw = computeReport(threeSchools()).factors.tabel8[0];
    // Berk and Ceder klein × laag, Anemoon middel × hoog: [[2,0],[0,1]]. Totals 2/1 and 2/1 allow two
    // tables: (2,0|0,1) with P = 1/3 and (1,1|1,0) with P = 2/3; p = 1/3.
    expect(raw.exactTest).toMatchObject({pValue: expect.closeTo(1 / 3, 12), schools: 3, withheld: 0});
  });
});
