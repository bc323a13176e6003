// The registry: every count in the site's files is registered, and the archive writer's seal refuses
// a file with a count the registry does not know or knows in another form.
import {describe, expect, it} from "vitest";
import {countLeaves} from "../../loaders/disclosure/leaves.js";
import {hiddenForm, inconsistentForms, seal} from "../../loaders/disclosure/registry.js";
import type {PublishedCell} from "../../loaders/disclosure/model.js";
import {siteReleaseFromEnvironment} from "../../loaders/pipeline.js";
import {isKeyFigure} from "../../loaders/disclosure/withholding.js";

describe("count leaves", () => {
  it("names rows by their keys, skips enrolment counts and reads hidden markers", () => {
    const leaves = countLeaves({
      years: [
        {year: 2019, enrolled: 300, pupils: 12, pct: 4},
        {year: 2018, enrolled: 280, pupils: {suppressed: true, minCount: 5}}
      ],
      enrolledPerYear: [{year: 2019, pupils: 300}]
    });
    expect(leaves.map((l) => [l.path, l.unit, typeof l.value])).toEqual([
      ["years[year=2019].pupils", "pupils", "number"],
      ["years[year=2018].pupils", "pupils", "object"]
    ]);
  });
});

describe("count leaves, some kept", () => {
  // Every path written out by hand from the naming rule: fields joined by ".", rows by their keys in
  // ROW_KEYS order, a row without keys by its position; enrolment fields and what lies under them are
  // no count, and neither is a row whose key value names them.
  const content = {
    enrolledCount: {pupils: 9},
    groups: {
      enrolled: [{year: 2019, pupils: 4}],
      rows: [
        {key: "a.enrolled", pupils: 5},
        {careType: "x", year: 2019, pupils: 0, trajectories: 2},
        {careType: "enrolledPerYear", pupils: 6},
        {pupils: 7},
        null
      ],
      perAge: {pupils: [0, 3]}
    },
    total: {suppressed: true, minCount: 5}
  };
  const named = (keep?: (value: unknown) => boolean) => countLeaves(content, keep).map((l) => `${l.path} ${l.unit} ${JSON.stringify(l.value)}`);

  it("without keep: every count, zeros and marks included", () => {
    expect(named()).toEqual([
      "groups.rows[careType=x,year=2019].pupils pupils 0",
      "groups.rows[careType=x,year=2019].trajectories trajectories 2",
      "groups.rows[3].pupils pupils 7",
      "groups.perAge.pupils[0] pupils 0",
      "groups.perAge.pupils[1] pupils 3",
      'total pupils {"suppressed":true,"minCount":5}'
    ]);
  });

  it("with keep: only the kept ones, named the same way", () => {
    expect(named((value) => typeof value === "number" && value !== 0)).toEqual([
      "groups.rows[careType=x,year=2019].trajectories trajectories 2",
      "groups.rows[3].pupils pupils 7",
      "groups.perAge.pupils[1] pupils 3"
    ]);
  });
});

describe("what a mark says", () => {
  it('every hidden count reads "·": at least 1 when it is not 0 (small or not), and a hidden 0 is given to the attacker', () => {
    expect(hiddenForm(3)).toEqual({kind: "hidden", mark: "·", lo: 1, hi: Infinity});
    expect(hiddenForm(9)).toEqual({kind: "hidden", mark: "·", lo: 1, hi: Infinity});
    expect(hiddenForm(0)).toEqual({kind: "hidden", mark: "·", lo: 0, hi: 0});
  });
});

describe("the same quantity in two forms (item 5)", () => {
  const cell = (path: string, form: PublishedCell["form"]): PublishedCell => ({file: "f.json", path, unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 3, coefficient: 1}], form, value: 6});
  it("flags one atom set shown in one place and hidden in another", () => {
    const found = inconsistentForms([cell("a", {kind: "exact", value: 6}), cell("b", {kind: "hidden", mark: "·", lo: 5, hi: Infinity})]);
    expect(found).toEqual([{cells: ["f.json a", "f.json b"], forms: ["6", "verborgen"]}]);
  });
  it("accepts the same value twice", () => {
    expect(inconsistentForms([cell("a", {kind: "exact", value: 6}), cell("b", {kind: "exact", value: 6})])).toEqual([]);
  });
});

const {files, context, secondary} = await siteReleaseFromEnvironment({env: {}, log: () => {}});

describe("the seal on the default data", () => {
  it("withholds no key figure: the kerngetallen and Tabel 6's total row are all published (issue 10)", () => {
    expect(secondary.keyFigures).toEqual([]);
    const keyFigures = context.registry.cells.filter(isKeyFigure);
    // 3 years × pupils and trajectories in Tabel 6's total row and in the kerngetallen, the latest year
    // twice more, and the cohort.
    expect(keyFigures.length).toBeGreaterThanOrEqual(13);
    expect(keyFigures.filter((c) => c.form.kind !== "exact").map((c) => `${c.file} ${c.path}`)).toEqual([]);
  });

  it("registers every count of every report file", () => {
    // 6 904 before the factsheets dropped their counts by provider and by age (issue 10).
    expect(context.registry.cells.length).toBeGreaterThan(1000);
    const hidden = context.registry.cells.filter((c) => c.form.kind === "hidden");
    expect(hidden.every((c) => c.value >= 1)).toBe(true);
  });

  it("refuses a changed count, a count shown where the registry hid it, and an unregistered file with counts", () => {
    const all = new Map(files);
    const k = JSON.parse(all.get("kerngetallen.json") as string);
    k.latest.pupils += 1;
    expect(() => seal(new Map([...all, ["kerngetallen.json", JSON.stringify(k)]]), context.registry)).toThrow(/kerngetallen.json latest.pupils/);

    const hiddenCell = context.registry.cells.find((c) => c.form.kind === "hidden" && c.file === "careTypes.json") as {path: string};
    const leaking = (all.get("careTypes.json") as string).replace(/\{"suppressed":true,"minCount":5\}/, "3");
    expect(leaking).not.toBe(all.get("careTypes.json"));
    expect(hiddenCell).toBeDefined();
    expect(() => seal(new Map([...all, ["careTypes.json", leaking]]), context.registry)).toThrow(/careTypes.json/);

    expect(() => seal(new Map([...all, ["extra.json", JSON.stringify({pupils: 3})]]), context.registry)).toThrow(/extra.json/);
    expect(() => seal(new Map([...all, ["extra.csv", "a;b"]]), context.registry)).toThrow(/extra.csv/);
    expect(seal(all, context.registry).size).toBe(all.size);
  });
});
