// Secondary suppression over a hand-made system whose safe patterns are known by hand.
import {describe, expect, it} from "vitest";
import {auditSystem} from "../../loaders/disclosure/audit.js";
import type {DisclosureSystem, Form, PublishedCell} from "../../loaders/disclosure/model.js";
import {secondarySuppression} from "../../loaders/disclosure/secondary.js";
import {isKeyFigure, keyFigureCounts, stepCacheText, withholdingCost} from "../../loaders/disclosure/withholding.js";
import {densePoint, type SparsePoint} from "../../loaders/disclosure/pool.js";
import {packPoints} from "../../loaders/disclosure/packedSystem.js";

const shown = (value: number): Form => ({kind: "exact", value});
// A withheld nonzero count read as the mark allows: at least 1 (zeros are shown).
const withheld = (): Form => ({kind: "hidden", mark: "·", lo: 1, hi: Infinity});

/**
 *        c1  c2  c3 | total
 *   r1    2  10   8 |  20
 *   r2    7   9  11 |  27
 *   r3    6  12   5 |  23
 *   total 15 31  24 |  70
 * r1c1 (2) is small and withheld; the margins are key figures that stay published.
 */
function table(): DisclosureSystem {
  const x = [2, 10, 8, 7, 9, 11, 6, 12, 5];
  const cells: PublishedCell[] = [];
  const cell = (path: string, vars: number[]) => {
    const value = vars.reduce((s, v) => s + x[v], 0);
    cells.push({file: "t.json", path, unit: "pupils", terms: vars.map((variable) => ({variable, coefficient: 1})), form: value < 5 ? withheld() : shown(value), value});
  };
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cell(`r${r + 1}c${c + 1}`, [3 * r + c]);
  for (let r = 0; r < 3; r++) cell(`r${r + 1}`, [3 * r, 3 * r + 1, 3 * r + 2]);
  for (let c = 0; c < 3; c++) cell(`c${c + 1}`, [c, 3 + c, 6 + c]);
  cell("total", [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  return {variables: 9, truth: x, cells, relations: []};
}

/** Parts 3 (small, withheld) and 40 of a published total of 43. */
function twoParts(): DisclosureSystem {
  return {
    variables: 2,
    truth: [3, 40],
    relations: [],
    cells: [
      {file: "t.json", path: "a", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: withheld(), value: 3},
      {file: "t.json", path: "b", unit: "pupils", terms: [{variable: 1, coefficient: 1}], form: shown(40), value: 40},
      {file: "t.json", path: "total", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: shown(43), value: 43}
    ]
  };
}

const isMargin = (cell: PublishedCell) => !/^r\dc\d$/.test(cell.path);
const options = {minCount: 5, width: 5, keep: isMargin, withheld};

function applied(system: DisclosureSystem, hide: number[]): DisclosureSystem {
  return {...system, cells: system.cells.map((c, i) => (hide.includes(i) ? {...c, form: withheld()} : c))};
}

describe("secondary suppression: the 3×3 table with one small cell", () => {
  it("withholds more interior cells, never a margin, until the audit proves r1c1 protected", async () => {
    const system = table();
    const result = await secondarySuppression(system, options);
    const names = result.hide.map((i) => system.cells[i].path);
    expect(result.unresolved).toEqual([]);
    expect(names.every((n) => /^r\dc\d$/.test(n))).toBe(true);
    // By hand: row 1 and column 1 each give r1c1 back from their total unless another of their cells
    // is withheld, and those need a partner in their own column and row: at least a rectangle, three more.
    expect(names.some((n) => /^r1c[23]$/.test(n))).toBe(true);
    expect(names.some((n) => /^r[23]c1$/.test(n))).toBe(true);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const audit = await auditSystem(applied(system, result.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.violations).toEqual([]);
  });

  it("when no count that binds it can be withheld, the cell is reported, not silently left", async () => {
    // the total and the part of 40 cannot be withheld (as the cube's own cells: not the Publisher's).
    const system = twoParts();
    const result = await secondarySuppression(system, {...options, keep: () => true});
    expect(result.hide).toEqual([]);
    expect(result.unresolved).toMatchObject([{name: "t.json a", lo: 3, hi: 3}]);
  });

  it("a withheld total with one part shown: the part of 40 is withheld, then 3 lies in [1, 42]", async () => {
    const system = twoParts();
    const result = await secondarySuppression(system, {...options, keep: (c) => c.path === "total"});
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["b"]);
    const audit = await auditSystem(applied(system, result.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.findings[0]).toMatchObject({lo: 1, hi: 42, protected: true});
  });
});

/** table() twice, side by side: variables 0–8 and 9–17, one block each (blocks.ts's shape). */
function twoTables(): {system: DisclosureSystem; blocks: number[][]} {
  const one = table();
  const moved = (cell: PublishedCell, by: number, name: string): PublishedCell => ({...cell, path: `${name}.${cell.path}`, terms: cell.terms.map((t) => ({...t, variable: t.variable + by}))});
  return {
    system: {variables: 18, truth: [...one.truth, ...one.truth], relations: [], cells: [...one.cells.map((c) => moved(c, 0, "a")), ...one.cells.map((c) => moved(c, 9, "b"))]},
    blocks: Array.from({length: 18}, (_, v) => [v < 9 ? 0 : 1])
  };
}
const isTwoTablesMargin = (cell: PublishedCell) => !/^[ab]\.r\dc\d$/.test(cell.path);
const inBlock = (points: readonly SparsePoint[], block: number) => points.filter((p) => p.every(([v]) => (v < 9 ? 0 : 1) === block));

describe("secondary suppression seeded with an earlier step's points", () => {
  it("solves nothing where the earlier points still prove every small count, and hands them on", async () => {
    const {system, blocks} = twoTables();
    const first = await secondarySuppression(system, {...options, keep: isTwoTablesMargin, blocks});
    expect(first.unresolved).toEqual([]);
    expect(first.solves).toBeGreaterThan(0);
    // The same system with the first search's withholdings: each small count was proven by those points.
    const later = applied(system, first.hide);
    const seeded = await secondarySuppression(later, {...options, keep: isTwoTablesMargin, blocks, seeds: packPoints(first.witnesses).packed});
    expect(seeded.solves).toBe(0);
    expect(seeded.hide).toEqual([]);
    expect(new Set(seeded.witnesses.map((p) => JSON.stringify(p)))).toEqual(new Set(first.witnesses.filter((p) => p.length > 0).map((p) => JSON.stringify(p))));
    const audit = await auditSystem(later, {minCount: 5, width: 5, witnesses: seeded.witnesses});
    expect(audit.violations).toEqual([]);
    expect(audit.solves.lp).toBe(0);
  });

  it("keeps only the points a part's rows admit: a new row over table b rejects its points, b is solved again", async () => {
    const {system, blocks} = twoTables();
    const first = await secondarySuppression(system, {...options, keep: isTwoTablesMargin, blocks});
    const later = applied(system, first.hide);
    // b's r1c1 + r2c2 published (2 + 9): every point that moves r1c1 round a rectangle of withheld
    // cells moves r2c2 or r1c2 and r2c1 with it, so b's earlier points change this sum or leave r1c1 be.
    later.cells.push({file: "t.json", path: "b.r1c1+r2c2", unit: "pupils", terms: [{variable: 9, coefficient: 1}, {variable: 13, coefficient: 1}], form: shown(11), value: 11});
    const seeded = await secondarySuppression(later, {...options, keep: isTwoTablesMargin, blocks, seeds: packPoints(first.witnesses).packed});
    expect(seeded.solves).toBeGreaterThan(0);
    // Table a's part kept its points and was not solved: fewer solves than without the points, and
    // a's witnesses are the first search's.
    const unseeded = await secondarySuppression(later, {...options, keep: isTwoTablesMargin, blocks});
    expect(seeded.solves).toBeLessThan(unseeded.solves);
    const key = (p: SparsePoint) => JSON.stringify(p);
    expect(new Set(inBlock(seeded.witnesses, 0).map(key))).toEqual(new Set(inBlock(first.witnesses, 0).filter((p) => p.length > 0).map(key)));
    // Every point handed on satisfies the new row.
    for (const point of seeded.witnesses) {
      const x = densePoint(point, later.truth);
      expect(x[9] + x[13]).toBeCloseTo(11, 6);
    }
    const audit = await auditSystem(applied(later, seeded.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.violations).toEqual([]);
  });
});

/**
 * Key figures are expensive to withhold, not forbidden. The municipal total of a year (a key figure,
 * Tabel 6's total row) over two schools:
 *   school A  3 (small, withheld)   school B  `b`   total  3 + b (published)
 */
function keyTotal(b: number, bForm: Form): DisclosureSystem {
  return {
    variables: 2,
    truth: [3, b],
    relations: [],
    cells: [
      {file: "schools.json", path: "tabel6[schoolId=A].years[year=2024].pupils", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: withheld(), value: 3},
      {file: "schools.json", path: "tabel6[schoolId=B].years[year=2024].pupils", unit: "pupils", terms: [{variable: 1, coefficient: 1}], form: bForm, value: b},
      {file: "schools.json", path: "total.years[year=2024].pupils", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: shown(3 + b), value: 3 + b}
    ]
  };
}
const keyOptions = {minCount: 5, width: 5, keep: () => false, cost: withholdingCost, keyFigure: isKeyFigure, withheld};

describe("secondary suppression: key figures", () => {
  it("withholds the key figure, and says which small count it protects, when nothing else binds", async () => {
    // School B has 2 pupils, withheld by the rules too: 3 + b = 5 and b ≥ 1 give A 1 … 4 (width 3 < 5).
    // Only the total binds: it goes, and then A lies in 1 … ∞.
    const system = keyTotal(2, withheld());
    const result = await secondarySuppression(system, keyOptions);
    expect(result.unresolved).toEqual([]);
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["total.years[year=2024].pupils"]);
    expect(isKeyFigure(system.cells[result.hide[0]])).toBe(true);
    // Protects school A (cell 0) — and school B's 2 (cell 1) is protected by the same withholding.
    expect(result.protects).toEqual([0]);
    const audit = await auditSystem(applied(system, result.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.violations).toEqual([]);
  });

  it("keeps the key figure when another count can be withheld instead", async () => {
    // School B's 40 is shown: A = total − 40 = 3 exactly. Withholding B (cost 40 × 10) is far cheaper
    // than the total (a key figure); then A lies in 1 … 42 and the total stays published.
    const system = keyTotal(40, shown(40));
    const result = await secondarySuppression(system, keyOptions);
    expect(result.unresolved).toEqual([]);
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["tabel6[schoolId=B].years[year=2024].pupils"]);
    const audit = await auditSystem(applied(system, result.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.findings.find((f) => f.cell === 0)).toMatchObject({lo: 1, hi: 42, protected: true});
  });
});

describe("key figures by their quantity", () => {
  const count = (file: string, path: string, variables: number[], value: number): PublishedCell => ({
    file,
    path,
    unit: "pupils",
    terms: variables.map((variable) => ({variable, coefficient: 1})),
    form: shown(value),
    value
  });
  it("a count of the same atoms as a kerngetal is one too; the same value over other atoms is not", () => {
    const kerngetal = count("kerngetallen.json", "cohortPupils", [0, 1, 2], 30);
    const repeat = count("status.json", "cohortPupils", [2, 0, 1], 30);
    const sameValue = count("costs.json", "pupils", [0, 1, 3], 30);
    const otherUnit = {...count("dbc.json", "tabel1Total", [0, 1, 2], 30), unit: "trajectories" as const};
    const keys = keyFigureCounts([kerngetal, repeat, sameValue, otherUnit]);
    expect([kerngetal, repeat, sameValue, otherUnit].map((c) => keys.has(c))).toEqual([true, true, false, false]);
  });

  it("so the search keeps a repeat of a key figure where another count can go", async () => {
    // As keyTotal(40): A's 3 = total − B's 40. The total is repeated in status.json, outside the key
    // figures' files: read by its file alone it costs 43 against B's 400 and goes first (to no avail:
    // the total still pins A, so B goes as well).
    const system = keyTotal(40, shown(40));
    system.cells.push({...system.cells[2], file: "status.json", path: "cohortPupils"});
    const keys = keyFigureCounts(system.cells);
    const result = await secondarySuppression(system, {...keyOptions, keyFigure: (c) => keys.has(c), cost: (c) => (keys.has(c) ? 1e9 * c.value : withholdingCost(c))});
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["tabel6[schoolId=B].years[year=2024].pupils"]);
    const plain = await secondarySuppression(system, keyOptions);
    expect(plain.hide.map((i) => system.cells[i].path)).toEqual(["cohortPupils", "tabel6[schoolId=B].years[year=2024].pupils"]);
  });
});

describe("secondary suppression: a withheld cube cell is a small count too", () => {
  it("withholds the part of 40 for a withheld cube cell of 3 that total − part gives back", async () => {
    // x0 = 3: a cell of the explorer's cube, withheld ("·", 0 or more), not the Publisher's to withhold;
    // x1 = 40 and the total 43 give it back exactly.
    const cube = "verkennen/kubus";
    const system: DisclosureSystem = {
      variables: 2,
      truth: [3, 40],
      relations: [],
      cells: [
        {file: cube, path: "a", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: {kind: "hidden", mark: "·", lo: 0, hi: Infinity}, value: 3},
        {file: "t.json", path: "b", unit: "pupils", terms: [{variable: 1, coefficient: 1}], form: shown(40), value: 40},
        {file: "t.json", path: "total", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: shown(43), value: 43}
      ]
    };
    const result = await secondarySuppression(system, {...options, keep: (cell) => cell.file === cube});
    // b (40) costs less than the total (43).
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["b"]);
    expect(result.unresolved).toEqual([]);
    // Then a lies in 0 … 42: the LP's ends are its witnesses.
    expect(result.witnesses.map((p) => densePoint(p, system.truth)[0]).sort((x, y) => x - y)).toEqual([0, 42]);
    const audit = await auditSystem(applied(system, result.hide), {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.violations).toEqual([]);
  });
});

describe("secondary suppression: the cube's perturbed cells may go in its own step", () => {
  it("withholds the cheaper of two perturbed totals whose difference pins a withheld cube cell of 3", async () => {
    // x0 = 3 pupils with dyslexia care only (a withheld cube cell), x1 = 30 others. The cube shows all
    // pupils perturbed as 33, read as 32 … 34, and those without dyslexia care as 30, read as 30 … 31:
    // x0 = (x0 + x1) − x1 lies in 1 … 4. Nothing of the report binds it; the cube's own cells do.
    const cube = "verkennen/kubus";
    const perturbed = (shown: number, lo: number, hi: number): Form => ({kind: "perturbed", shown, lo, hi});
    const system: DisclosureSystem = {
      variables: 2,
      truth: [3, 30],
      relations: [],
      cells: [
        {file: cube, path: "dyslexie", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: {kind: "hidden", mark: "·", lo: 0, hi: Infinity}, value: 3},
        {file: cube, path: "met", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: perturbed(33, 32, 34), value: 33},
        {file: cube, path: "zonder", unit: "pupils", terms: [{variable: 1, coefficient: 1}], form: perturbed(30, 30, 31), value: 30}
      ]
    };
    const isCube = (cell: PublishedCell) => cell.file === cube;
    const withheldCube = (): Form => ({kind: "hidden", mark: "·", lo: 0, hi: Infinity});
    const base = {minCount: 5, width: 5, keep: () => true, withheld: withheldCube};
    // Without leave to withhold a perturbed cell nothing can protect it: reported, not left silently.
    expect((await secondarySuppression(system, base)).unresolved).toMatchObject([{name: `${cube} dyslexie`, lo: 1, hi: 4}]);
    const result = await secondarySuppression(system, {...base, withholdPerturbed: isCube});
    // Cost by value: 30 < 33.
    expect(result.hide.map((i) => system.cells[i].path)).toEqual(["zonder"]);
    expect(result.unresolved).toEqual([]);
    const audit = await auditSystem({...system, cells: system.cells.map((c, i) => (result.hide.includes(i) ? {...c, form: withheldCube()} : c))}, {minCount: 5, width: 5, exactIntervals: true});
    expect(audit.findings.find((f) => f.cell === 0)).toMatchObject({lo: 0, hi: 34, protected: true});
  });
});

describe("the build cache's copy of a step", () => {
  const step = {withhold: ["a.json\u0000x"], witnesses: [[[0, 1]], [[1, 2]]]};
  // A stand-in for JSON.stringify that fails as V8 does past its longest string, here as soon as
  // there are witness points.
  const tooLong = (value: unknown) => {
    if ((value as typeof step).witnesses.length > 0) throw new RangeError("Invalid string length");
    return JSON.stringify(value);
  };

  it("is the whole step when it fits in one string", () => {
    expect(stepCacheText(step)).toEqual({text: '{"withhold":["a.json\\u0000x"],"witnesses":[[[0,1]],[[1,2]]]}', witnessesLeftOut: false});
  });

  it("leaves the witness points out, and says so, when they make it too long; keeps the pattern", () => {
    expect(stepCacheText(step, tooLong)).toEqual({text: '{"withhold":["a.json\\u0000x"],"witnesses":[]}', witnessesLeftOut: true});
  });

  it("lets any other failure through", () => {
    const broken = () => {
      throw new TypeError("cyclic");
    };
    expect(() => stepCacheText(step, broken)).toThrow(TypeError);
  });
});
