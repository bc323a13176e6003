// The secondary suppression by blocks of schools (blocks.ts, parts.ts): what a block may and may not
// use, worked out by hand on systems of two and three schools.
import {describe, expect, it} from "vitest";
import {auditSystem, sparseFeasibility, rowsOf} from "../../loaders/disclosure/audit.js";
import {cellSchool, schoolBlocks} from "../../loaders/disclosure/blocks.js";
import type {DisclosureSystem, Form, PublishedCell} from "../../loaders/disclosure/model.js";
import {searchParts} from "../../loaders/disclosure/parts.js";
import {densePoint} from "../../loaders/disclosure/pool.js";
import {secondarySuppression} from "../../loaders/disclosure/secondary.js";

const shown = (value: number): Form => ({kind: "exact", value});
const withheld = (): Form => ({kind: "hidden", mark: "·", lo: 1, hi: Infinity});
const cell = (path: string, variables: number[], value: number, form: Form = shown(value)): PublishedCell => ({
  file: "t.json",
  path,
  unit: "pupils",
  terms: variables.map((variable) => ({variable, coefficient: 1})),
  form,
  value
});

/** School A's 2 pupils (withheld), school B's 7 (shown), and the municipality's 9 (shown). */
function twoSchools(): DisclosureSystem {
  return {variables: 2, truth: [2, 7], relations: [], cells: [cell("a", [0], 2, withheld()), cell("b", [1], 7), cell("total", [0, 1], 9)]};
}
const options = {minCount: 5, width: 5, keep: () => false, withheld};

describe("secondary suppression by blocks", () => {
  it("over the whole system, school B's 7 is the cheapest count that frees A's 2 (then 1 … 8)", async () => {
    const system = twoSchools();
    const result = await secondarySuppression(system, options);
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["b"]);
  });

  it("in A's block B's pupils are held at 7, so the municipal 9 pins A at 2 and goes instead", async () => {
    const system = twoSchools();
    const result = await secondarySuppression(system, {...options, blocks: [[0], [1]]});
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["total"]);
    // A has no upper limit then, so no pair of points proves it; the audit over the whole system
    // agrees: A lies in 1 … ∞, and so does the audit that tries A's block first.
    const released = {...system, cells: system.cells.map((c, i) => (result.hide.includes(i) ? {...c, form: withheld()} : c))};
    const whole = await auditSystem(released, {minCount: 5, width: 5, exactIntervals: true});
    expect(whole.violations).toEqual([]);
    expect(whole.findings[0]).toMatchObject({lo: 1, hi: Infinity});
    const inBlocks = await auditSystem(released, {minCount: 5, width: 5, blocks: [[0], [1]]});
    expect(inBlocks.findings[0]).toMatchObject({lo: 1, hi: Infinity, protected: true});
  });

  it("the witnesses of a block's search are points of the whole system, the other block held at its truth", async () => {
    // A's 2 and A's other 6 pupils in A's block (the school total 8 shown), B's 7; the municipality's 15.
    const system: DisclosureSystem = {
      variables: 3,
      truth: [2, 6, 7],
      relations: [],
      cells: [cell("a", [0], 2, withheld()), cell("a other", [1], 6), cell("b", [2], 7), cell("school A", [0, 1], 8), cell("total", [0, 1, 2], 15)]
    };
    const result = await secondarySuppression(system, {...options, blocks: [[0], [0], [1]]});
    // Within A's block: "a other" (6) goes, then a lies in 1 … 8 with A's total 8 still shown.
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["a other"]);
    const points = result.witnesses.map((w) => Array.from(densePoint(w, system.truth)));
    expect(points.every((p) => p[2] === 7 && p[0] + p[1] === 8)).toBe(true);
    expect(Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]))).toBeGreaterThanOrEqual(5);
  });

  it("a key figure goes in a block only where its group cannot do without it", async () => {
    // As above, but the municipality's 9 is a key figure. A's block alone could only give it up; the
    // group holds both schools, where B's 7 frees A instead.
    const system = twoSchools();
    const keyFigure = (c: PublishedCell) => c.path === "total";
    const inBlocks = await secondarySuppression(system, {...options, keyFigure, blocks: [[0], [1]]});
    expect(inBlocks.hide.map((i) => system.cells[i].path)).toEqual(["total"]);
    const inGroups = await secondarySuppression(system, {...options, keyFigure, blocks: [[0], [1]], wider: [[[0], [0]]]});
    expect(inGroups.hide.map((i) => system.cells[i].path)).toEqual(["b"]);
    expect(inGroups.unresolved).toEqual([]);
  });

  it("a count across blocks is solved in the block holding most of its variables (the lower one on a tie)", () => {
    const system: DisclosureSystem = {
      variables: 4,
      truth: [1, 1, 1, 1],
      relations: [],
      cells: [cell("mostly B", [0, 1, 2], 3), cell("tie", [0, 2], 2), cell("only C", [3], 1)]
    };
    const parts = searchParts(system, [0, 1, 2], [[0], [1], [1], [2]]);
    expect(parts.map((p) => [Array.from(p.free ?? []), p.cells])).toEqual([
      [[0], [1]],
      [[1, 2], [0]],
      [[3], [2]]
    ]);
  });
});

describe("blocks of schools", () => {
  it("reads the school of a factsheet, a Tabel 6 row and a cube unit; a board is no school", () => {
    const slugs = new Map([["de-tjiftjaf", "04AB"]]);
    expect(cellSchool({file: "factsheets/de-tjiftjaf.json", path: "years[year=2019].pupils"}, slugs)).toBe("04AB");
    expect(cellSchool({file: "schools.json", path: "tabel6[schoolId=17NC].years[year=2017].pupils"}, slugs)).toBe("17NC");
    expect(cellSchool({file: "verkennen/kubus", path: "jeugdhulp[jaar=2018,eenheid=s:16RC,leeftijd=6-7,zorgvorm=alle,met-uit-actief]"}, slugs)).toBe("16RC");
    expect(cellSchool({file: "verkennen/kubus", path: "jeugdhulp[jaar=2018,eenheid=b:5,leeftijd=alle,zorgvorm=alle,met-uit-actief]"}, slugs)).toBeNull();
    expect(cellSchool({file: "careTypes.json", path: "tabel3[careType=dyslexie].perYear[year=2019].pupils"}, slugs)).toBeNull();
  });

  const schools = (n: number) => Array.from({length: n}, (_, k) => ({id: `S${String(k).padStart(3, "0")}`, board: k % 2 === 0 ? "Oost" : "West"}));
  // One variable per school (in its factsheet) and one in a municipal count only.
  const system = (n: number): DisclosureSystem => ({
    variables: n + 1,
    truth: Array(n + 1).fill(1),
    relations: [],
    cells: [
      ...schools(n).map((s, k) => ({...cell("years[year=2019].pupils", [k], 1), file: `factsheets/${s.id.toLowerCase()}.json`})),
      cell("total", Array.from({length: n + 1}, (_, k) => k), n + 1)
    ]
  });
  const slugOf = (id: string) => id.toLowerCase();

  it("40 schools are one group (searched whole); 50 are two groups of 25, a board's schools together, each group one block; what no school counts is a group of its own", () => {
    expect(schoolBlocks(system(40), schools(40), slugOf)).toBeNull();
    const cut = schoolBlocks(system(50), schools(50), slugOf);
    expect(cut?.groupCount).toBe(2);
    const {levels} = cut as NonNullable<typeof cut>;
    const groups = levels[levels.length - 1].parts;
    expect(levels.map((level) => level.schools)).toEqual([40]);
    expect(levels[0].parts).toBe(groups);
    // Board Oost holds the even schools: S000, S002, …, S048 are the first 25 in order.
    expect(groups.slice(0, 4)).toEqual([[0], [1], [0], [1]]);
    expect(groups.filter((g) => g[0] === 0)).toHaveLength(25);
    expect(groups[50]).toEqual([2]);
  });

  it("above 250 schools each group is cut into blocks of eight, and those into blocks of two, in the same order", () => {
    const cut = schoolBlocks(system(300), schools(300), slugOf);
    expect(cut?.groupCount).toBe(8);
    const {levels} = cut as NonNullable<typeof cut>;
    expect(levels.map((level) => level.schools)).toEqual([2, 8, 40]);
    const [pairs, eights, groups] = levels.map((level) => level.parts);
    // Oost's 150 even schools come first: group 0 is S000 … S074 (38 schools), group 1 from S076
    // (37 schools); West's S001 opens group 4. Group 0's eights hold 8, 8, 7, 8 and 7 schools, in
    // 4 pairs each (7 schools: 2, 2, 2, 1); group 1's hold 8, 7, 8, 7, 7. So every group has 5 eights
    // and 20 pairs: S074, the last of group 0, is in eight 4 and pair 19; S076 in eight 5 and pair 20.
    expect([pairs[0], pairs[2], pairs[4], pairs[74], pairs[76]]).toEqual([[0], [0], [1], [19], [20]]);
    expect([eights[0], eights[30], eights[32], eights[74], eights[76]]).toEqual([[0], [1], [2], [4], [5]]);
    expect([groups[74], groups[76], groups[1]]).toEqual([[0], [1], [4]]);
    // 8 groups, 40 eights, 160 pairs; the municipal variable is in a part of its own at every level.
    expect([pairs[300], eights[300], groups[300]]).toEqual([[160], [40], [8]]);
  });
});

describe("witness points given by their differences from the truth", () => {
  it("are checked only on the rows they touch, and a point off one row is refused", () => {
    const system = twoSchools();
    const feasible = sparseFeasibility(system.truth, system.variables, rowsOf({...system, cells: system.cells.map((c) => (c.path === "b" ? {...c, form: withheld()} : c))}));
    // A = 4, B = 5 keeps the total at 9; A = 4 alone makes it 11.
    expect(feasible([[0, 4], [1, 5]])).toBe(true);
    expect(feasible([[0, 4]])).toBe(false);
    expect(feasible([[1, -1]])).toBe(false);
  });
});
