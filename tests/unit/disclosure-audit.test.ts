// The audit on hand-made systems whose intervals are computed by hand.
import {describe, expect, it} from "vitest";
import {auditSystem, propagate} from "../../loaders/disclosure/audit.js";
import {roundedCount, type DisclosureSystem, type Form, type PublishedCell} from "../../loaders/disclosure/model.js";
import {sparsePoint} from "../../loaders/disclosure/pool.js";

const shown = (value: number): Form => ({kind: "exact", value});
const dot: Form = {kind: "hidden", mark: "·", lo: 0, hi: Infinity};
const small: Form = {kind: "hidden", mark: "< 5", lo: 1, hi: 4};

/**
 * The textbook 3×3 table with margins; cell (r, c) is variable 3r + c.
 *        c1  c2  c3 | total
 *   r1    2  10   8 |  20
 *   r2    7   9  11 |  27
 *   r3    6  12   5 |  23
 *   total 15 31  24 |  70
 * `forms` overrides the form of interior cells by "r,c".
 */
function table(forms: Record<string, Form>): DisclosureSystem {
  const x = [2, 10, 8, 7, 9, 11, 6, 12, 5];
  const cells: PublishedCell[] = [];
  const cell = (path: string, vars: number[], form?: Form) => {
    const value = vars.reduce((s, v) => s + x[v], 0);
    cells.push({file: "t.json", path, unit: "pupils", terms: vars.map((variable) => ({variable, coefficient: 1})), form: form ?? shown(value), value});
  };
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cell(`r${r + 1}c${c + 1}`, [3 * r + c], forms[`${r + 1},${c + 1}`]);
  for (let r = 0; r < 3; r++) cell(`r${r + 1}`, [3 * r, 3 * r + 1, 3 * r + 2]);
  for (let c = 0; c < 3; c++) cell(`c${c + 1}`, [c, 3 + c, 6 + c]);
  cell("total", [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  return {variables: 9, truth: x, cells, relations: []};
}

const options = {minCount: 5, width: 5, exactIntervals: true};

describe("disclosure audit: the 3×3 table with one small cell (2 at r1c1)", () => {
  it("a small cell shown is a violation", async () => {
    const result = await auditSystem(table({}), options);
    expect(result.sensitive).toBe(1);
    expect(result.violations.map((v) => [v.name, v.proof])).toEqual([["t.json r1c1", "shown"]]);
  });

  it("hidden alone, the row total gives it back exactly: 20 − 10 − 8 = 2", async () => {
    const result = await auditSystem(table({"1,1": dot}), options);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatchObject({lo: 2, hi: 2, protected: false});
  });

  it("hidden with its row neighbour only, the column total still pins it: 15 − 7 − 6 = 2", async () => {
    const result = await auditSystem(table({"1,1": dot, "1,2": dot}), options);
    expect(result.violations[0]).toMatchObject({lo: 2, hi: 2});
  });

  it("the rectangle r1c1, r1c2, r2c1, r2c2 read as ≥ 0: x = 2 + t, t from −2 (r1c1) to 7 (r2c1): [0, 9], protected", async () => {
    const result = await auditSystem(table({"1,1": dot, "1,2": dot, "2,1": dot, "2,2": dot}), options);
    expect(result.violations).toEqual([]);
    expect(result.findings[0]).toMatchObject({lo: 0, hi: 9, protected: true});
  });

  it("the same rectangle when a hidden cell is known to be ≥ 1 (zeros shown): [1, 8]", async () => {
    const one: Form = {kind: "hidden", mark: "·", lo: 1, hi: Infinity};
    const result = await auditSystem(table({"1,1": one, "1,2": one, "2,1": one, "2,2": one}), options);
    expect(result.findings[0]).toMatchObject({lo: 1, hi: 8, protected: true});
  });

  it("the rectangle with the small cell marked '< 5': the mark itself pins it to [1, 4]", async () => {
    const result = await auditSystem(table({"1,1": small, "1,2": dot, "2,1": dot, "2,2": dot}), options);
    expect(result.violations[0]).toMatchObject({lo: 1, hi: 4, proof: "form"});
  });

  it("the corners r1c1, r1c3, r3c1, r3c3 (2, 8, 6, 5): x = 2 + t, t from −2 (r1c1) to 6 (r3c1) → [0, 8]", async () => {
    const result = await auditSystem(table({"1,1": dot, "1,3": dot, "3,1": dot, "3,3": dot}), options);
    expect(result.findings[0]).toMatchObject({lo: 0, hi: 8, protected: true});
  });

  it("a wider required width fails the same corners: [0, 8] is narrower than 9", async () => {
    const result = await auditSystem(table({"1,1": dot, "1,3": dot, "3,1": dot, "3,3": dot}), {minCount: 5, width: 9});
    expect(result.violations[0]).toMatchObject({lo: 0, hi: 8, protected: false});
  });

  it("without exact intervals the pool of feasible points proves the rectangle protected without a full solve", async () => {
    const result = await auditSystem(table({"1,1": dot, "1,2": dot, "2,1": dot, "2,2": dot}), {minCount: 5, width: 5});
    expect(result.violations).toEqual([]);
    expect(result.findings[0].hi - result.findings[0].lo).toBeGreaterThanOrEqual(5);
  });

  it("names the published numbers that pin a cell", async () => {
    // Hidden: r1c1 and r2c1 in one column, so the rows pin both.
    const result = await auditSystem(table({"1,1": dot, "2,1": dot}), options);
    const v = result.violations[0];
    expect(v).toMatchObject({lo: 2, hi: 2});
    expect(v.proof === "propagation" || v.pinnedBy.some((p) => p.startsWith("t.json r1 ") || p.startsWith("t.json c1 "))).toBe(true);
  });
});

describe("disclosure audit: a subset beside its superset", () => {
  // Atoms: A (the subset, 3 pupils) and B∖A (n pupils). Published: |B| exact, |A| hidden (≥ 0).
  const system = (n: number): DisclosureSystem => ({
    variables: 2,
    truth: [3, n],
    cells: [
      {file: "s.json", path: "subset", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: dot, value: 3},
      {file: "s.json", path: "superset", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: shown(3 + n), value: 3 + n}
    ],
    relations: []
  });

  it("a superset of 4 bounds the hidden subset to [0, 4]: too narrow", async () => {
    const result = await auditSystem(system(1), options);
    expect(result.violations[0]).toMatchObject({lo: 0, hi: 4});
  });

  it("a superset of 9 leaves [0, 9]: protected", async () => {
    const result = await auditSystem(system(6), options);
    expect(result.violations).toEqual([]);
    expect(result.findings[0]).toMatchObject({lo: 0, hi: 9});
  });

  it("a structural relation (pupils ≤ trajectories): trajectories 7 shown, pupils hidden → [0, 7]; with 4 shown → [0, 4]", async () => {
    // variable 0: pupils; variable 1: their trajectories; pupils ≤ trajectories.
    const s: DisclosureSystem = {
      variables: 2,
      truth: [3, 4],
      cells: [
        {file: "s.json", path: "pupils", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: dot, value: 3},
        {file: "s.json", path: "trajectories", unit: "trajectories", terms: [{variable: 1, coefficient: 1}], form: shown(7), value: 7}
      ],
      relations: [{name: "pupils ≤ trajectories", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: -1}], lo: -Infinity, hi: 0}]
    };
    const wide = await auditSystem(s, options);
    expect(wide.findings[0]).toMatchObject({lo: 0, hi: 7, protected: true});
    s.cells[1].form = shown(4);
    s.cells[1].value = 4;
    s.truth = [3, 4];
    const narrow = await auditSystem(s, options);
    expect(narrow.violations.map((v) => [v.name, v.lo, v.hi])).toEqual([["s.json pupils", 0, 4], ["s.json trajectories", 4, 4]]);
  });
});

describe("rounded percentages and propagation", () => {
  it("reads 8% of 37 back as 3 (8.1%) only", () => {
    // 100·k/37 rounds to 8 for k = 3 (8.1) only: 2 → 5.4, 4 → 10.8.
    expect(roundedCount(8, 37, 0)).toEqual({lo: 3, hi: 3});
    // 50% of 1000: 100·k/1000 ∈ [49.5, 50.5) → k = 495 … 504.
    expect(roundedCount(50, 1000, 0)).toEqual({lo: 495, hi: 504});
    // 8.55% of 1000 (2 decimals): k/10 ∈ [8.545, 8.555) → k = 85.45 … 85.55 → 85.5 is no count, so none but... k = 86 gives 8.6
    expect(roundedCount(8.6, 1000, 2)).toEqual({lo: 86, hi: 86});
  });

  it("propagation pins a cell through two rows", () => {
    const {lower, upper} = propagate(2, [
      {terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], lo: 5, hi: 5, source: "a"},
      {terms: [{variable: 1, coefficient: 1}], lo: 3, hi: 3, source: "b"}
    ]);
    expect([lower[0], upper[0]]).toEqual([2, 2]);
  });
});

describe("disclosure audit: a municipality so small that everything is withheld", () => {
  // Two atoms of 1 and 2 pupils; the total (3) and both parts are withheld ("·", 1 or more). Nothing
  // bounds any of them from above: the LP's maximum is unbounded, which HiGHS reports as a status,
  // not a value. Each count is then 1 … ∞ (the total 2 … ∞), wide enough: protected, not "failed".
  const hidden: Form = {kind: "hidden", mark: "·", lo: 1, hi: Infinity};
  const system: DisclosureSystem = {
    variables: 2,
    truth: [1, 2],
    cells: [
      {file: "t.json", path: "a", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: hidden, value: 1},
      {file: "t.json", path: "b", unit: "pupils", terms: [{variable: 1, coefficient: 1}], form: hidden, value: 2},
      {file: "t.json", path: "total", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: hidden, value: 3}
    ],
    relations: []
  };

  it("every small count is protected, with no upper limit", async () => {
    const result = await auditSystem(system, options);
    expect([result.sensitive, result.protected, result.violations.length]).toEqual([3, 3, 0]);
  });
});

describe("disclosure audit: witness points offered by the secondary suppression", () => {
  // The rectangle r1c1, r1c2, r2c1, r2c2 withheld ("·", 0 or more): x = 2 + t, r1c2 = 10 − t,
  // r2c1 = 7 − t, r2c2 = 9 + t, every other cell as it is, t from −2 to 7.
  const rectangle = () => table({"1,1": dot, "1,2": dot, "2,1": dot, "2,2": dot});
  const point = (t: number) => [2 + t, 10 - t, 8, 7 - t, 9 + t, 11, 6, 12, 5];
  const withWitnesses = (witnesses: number[][]) => ({minCount: 5, width: 5, witnesses: witnesses.map((w) => sparsePoint(w, rectangle().truth))});

  it("two feasible points where r1c1 is 0 (t = −2) and 5 (t = 3) prove it protected without one LP", async () => {
    const result = await auditSystem(rectangle(), withWitnesses([point(-2), point(3)]));
    expect(result.witnesses).toEqual({offered: 2, feasible: 2});
    expect(result.solves).toEqual({lp: 0, milp: 0});
    expect(result.findings[0]).toMatchObject({proof: "pool", lo: 0, hi: 5, protected: true});
  });

  it("a point that breaks a row (r1c1 = 9 leaves row 1 at 27, published 20) is dropped, and the cell is solved", async () => {
    const result = await auditSystem(rectangle(), withWitnesses([[9, 10, 8, 7, 9, 11, 6, 12, 5]]));
    expect(result.witnesses).toEqual({offered: 1, feasible: 0});
    expect(result.solves.lp).toBeGreaterThan(0);
    expect(result.findings[0]).toMatchObject({protected: true});
  });

  it("a feasible point that spreads r1c1 too little (3, t = 1) proves nothing on its own", async () => {
    const result = await auditSystem(rectangle(), {...withWitnesses([point(1)]), spreadRounds: 0});
    expect(result.witnesses).toEqual({offered: 1, feasible: 1});
    expect(result.solves.lp).toBe(2);
    expect(result.findings[0]).toMatchObject({proof: "lp", lo: 0, hi: 9});
  });
});
