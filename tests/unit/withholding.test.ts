// How the release-wide choice reaches the Publisher: every published count has a number from a probe
// run, and withholding a number hides exactly that count, wherever it is published, with what derives
// from it. On the three-school fixture (tests/fixtures/threeSchools.ts).
import {describe, expect, it} from "vitest";
import {countLeaves, leafKey, reportContents} from "../../loaders/disclosure/leaves.js";
import {decisionIds, withholdingOf} from "../../loaders/disclosure/withholding.js";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {buildScope} from "../../loaders/tables/scope.js";
import {schoolSlugs} from "../../src/lib/slug.js";
import {threeSchools} from "../fixtures/threeSchools.js";

const dataset = threeSchools();
const raw = computeReport(dataset, buildScope(dataset));
const ruled = publishReport(raw, dataset.settings);
const slugs = schoolSlugs(ruled.factsheets);
const slugOf = (id: string) => slugs.get(id) ?? id;
const leaves = (report: typeof ruled) =>
  new Map([...reportContents(report as never, slugOf)].flatMap(([file, content]) => countLeaves(content).map((l) => [leafKey(file, l.path), l.value] as const)));
const ids = decisionIds(publishReport(raw, dataset.settings, {kind: "probe"}), slugOf);

describe("withholding by decision number", () => {
  it("numbers every published count", () => {
    const missing = [...leaves(ruled).keys()].filter((key) => !ids.has(key));
    expect(missing).toEqual([]);
  });

  it("withholding Berk's 2017 pupils (10, shown by the rules) hides Tabel 6's cell, the factsheet's item 1, the counts equal to it and the percentages from it, and nothing else", () => {
    const tabel6 = leafKey("schools.json", "tabel6[schoolId=B].years[year=2017].pupils");
    expect(leaves(ruled).get(tabel6)).toBe(10);
    const report = publishReport(raw, dataset.settings, withholdingOf([tabel6], ids));
    const before = leaves(ruled);
    const after = leaves(report);
    const changed = [...after].filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before.get(key))).map(([key]) => key.replace("\u0000", " "));
    // Berk's pupils of 2017 all had ambulante begeleiding: that cell equals the year's pupils.
    expect(changed.sort()).toEqual([
      "factsheets/berk.json careTypes[careType=ambulante_begeleiding].perYear[year=2017].pupils",
      "factsheets/berk.json years[year=2017].pupils",
      "schools.json tabel6[schoolId=B].years[year=2017].pupils"
    ]);
    const berk = report.factsheets.find((f) => f.schoolId === "B")!;
    expect(berk.shares[0].pct).toMatchObject({suppressed: true});
    expect(berk.years[0].trajectoriesPerPupil).toMatchObject({suppressed: true});
  });
});
