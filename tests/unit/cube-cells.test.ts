// The explorer's cube in the disclosure model (loaders/disclosure/cubeCells.ts), on a hand-made grid:
// one year, the municipality, a board and a school, two age values and two care-type values. Atom
// sizes, memberships and cell keys are set by hand, so every expected form is worked out below.
import {describe, expect, it} from "vitest";
import type {CubeCounts} from "../../loaders/cube/count.js";
import {atLeastPupils, LEFT_OUT} from "../../loaders/cube/publish.js";
import {CubeGrid, DBC, DEFINITIONS, DYSLEXIA, type CellAt} from "../../loaders/cube/grid.js";
import {CUBE_FILE, CubeMembership, cubeDisclosure, cubeOverride, familyOf, leaveOutSchoolAndBoardCuts, leftOutOfCube, withholdSchoolAndBoardQuantities, withholdTiedQuantities, type CubeCellForm, type CubeDisclosure} from "../../loaders/disclosure/cubeCells.js";
import {leafKey} from "../../loaders/disclosure/leaves.js";
import {termsKey} from "../../loaders/disclosure/model.js";
import {Span} from "../../loaders/disclosure/span.js";
import type {PublishedCell} from "../../loaders/disclosure/model.js";
import type {Registry} from "../../loaders/disclosure/registry.js";

// The table without rounding to 10 (cubeRoundBelow = minCount): the forms below were worked out on it.
const settings = {suppression: {minCount: 5, cubeRoundBelow: 5}, youthCareDefinition: "started"} as never;
const grid = new CubeGrid({
  years: [2019],
  units: [
    {code: "g", level: "gemeente", name: "Gemeente", parent: null, schoolId: null},
    {code: "b:1", level: "bestuur", name: "Bestuur", parent: "g", schoolId: null},
    {code: "s:A", level: "school", name: "School A", parent: "b:1", schoolId: "A"}
  ],
  ages: ["alle", "4-5"],
  careTypes: ["alle", "x"],
  dyslexia: DYSLEXIA,
  dbc: DBC,
  definitions: DEFINITIONS
});
const at = (p: Partial<CellAt>) => grid.index({year: 0, unit: 0, age: 0, careType: 0, dyslexia: 0, dbc: 0, definition: 0, ...p});

// Cell keys: the top 16 bits pick the position in the ptable row. Row 2 (and 3) is {0, 5}: position 0
// gives 0, position 65 535 gives 5 (P(5) = n/5, so it is the last stretch of the row).
const LOW = 0;
const HIGH = 0xffff0000;

/** Pupil atoms: 0 (2 pupils), 1 (1 pupil), 2 (4 pupils). */
const sizes = [2, 1, 4];
const counts: CubeCounts = {
  grid,
  enrolled: new Int32Array(grid.enrolledSize),
  pupils: new Int32Array(grid.size),
  trajectories: new Int32Array(grid.size),
  pupilKeys: new Uint32Array(grid.size),
  trajectoryKeys: new Uint32Array(grid.size)
};
// One pupil id per atom: a visit counts a pupil of that atom in the cell.
const membership = new CubeMembership(new Map(sizes.map((_, atom) => [`atom ${atom}`, atom])));
function cell(index: number, atoms: [number, number][], pupils: number, pupilKey: number, trajectories: number, trajectoryKey: number) {
  for (const [atom, n] of atoms) for (let k = 0; k < n; k++) membership.visit(`atom ${atom}`, index);
  counts.pupils[index] = pupils;
  counts.pupilKeys[index] = pupilKey;
  counts.trajectories[index] = trajectories;
  counts.trajectoryKeys[index] = trajectoryKey;
}
// The municipality's total: atoms 0 and 1 whole, the report's count a+b (hidden there).
const total = at({});
cell(total, [[0, 2], [1, 1]], 3, LOW, 3, LOW);
// The school's age 4-5: atom 0 whole, a count of its own. Pupils perturbed to 5 (true 1 … 8); its 3
// trajectories perturbed to 0 would say the pupils are 1 … 5, so the row shows 5 trajectories too
// (never fewer than its pupils), and the pupils stay 1 … 8.
const schoolAge = at({unit: 2, age: 1});
cell(schoolAge, [[0, 2]], 2, HIGH, 3, LOW);
// The same pupils in the board's cell with the DBC switch on: the same quantity, counted once. Its
// 13 trajectories perturbed (key 0: the lowest value of row 11's shifted noise, 13 − 3 = 10) to 10
// say 7 … 13 trajectories, which bounds the pupils to 1 … 13: no tighter than the 1 … 8 already had.
const boardAge = at({unit: 1, age: 1, dbc: 1});
cell(boardAge, [[0, 2]], 2, HIGH, 13, LOW);
// A cell of its own whose 3 trajectories, perturbed to 0, sit beside 3 pupils perturbed to 0: the
// row shows 0 and 0, and the pupils are 0 … 5 as their own value says.
const schoolType = at({unit: 2, careType: 1, definition: 1});
cell(schoolType, [[1, 1]], 1, LOW, 3, LOW);
// Three of atom 2's four pupils: not a set of whole atoms, so outside the model.
const partial = at({careType: 1});
cell(partial, [[2, 3]], 3, HIGH, 3, HIGH);

const reportCell: PublishedCell = {
  file: "schools.json",
  path: "total.years[year=2019].pupils",
  unit: "pupils",
  terms: [
    {variable: 0, coefficient: 1},
    {variable: 1, coefficient: 1}
  ],
  form: {kind: "hidden", mark: "·", lo: 1, hi: Infinity},
  value: 3
};
const cube = cubeDisclosure(counts, membership, {sizes}, [reportCell], settings);

describe("CubeMembership", () => {
  it("counts each cell's pupils per atom, atoms ascending, cells in the order first visited", () => {
    // Pupils p, q of atom 3, r of atom 0, s without an atom; atom 7 is the highest, so the
    // numbers of cell 40 000 still fit.
    const m = new CubeMembership(new Map([["p", 3], ["q", 3], ["r", 0], ["x", 7]]));
    for (const [pupil, cell] of [["p", 9], ["r", 2], ["q", 9], ["r", 9], ["s", 2], ["p", 40_000], ["q", 2]] as const) m.visit(pupil, cell);
    const cells = [...m.cells()].map(({cell, atoms, counts}) => ({cell, atoms: [...atoms], counts: [...counts]}));
    expect(cells).toEqual([
      {cell: 9, atoms: [0, 3], counts: [1, 2]},
      {cell: 2, atoms: [-1, 0, 3], counts: [1, 1, 1]},
      {cell: 40_000, atoms: [3], counts: [1]}
    ]);
    // Read twice, the same; a visit after the first reading is refused.
    expect([...m.cells()].map((c) => c.cell)).toEqual([9, 2, 40_000]);
    expect(() => m.visit("p", 1)).toThrow();
  });
});

describe("cubeDisclosure", () => {
  it("a cell with the report count's atoms repeats that count", () => {
    expect(cube.forms.get(total)).toEqual({kind: "report", reportKey: "schools.json\u0000total.years[year=2019].pupils"});
    expect(cube.repeated).toBe(1);
  });

  it("the cube's own quantities enter the system once each, perturbed, with the interval their published row allows", () => {
    expect(cube.cells).toHaveLength(2);
    const [own, other] = cube.cells;
    expect(own.file).toBe(CUBE_FILE);
    expect(own.path).toBe("jeugdhulp[jaar=2019,eenheid=s:A,leeftijd=4-5,zorgvorm=alle,met-uit-gestart]");
    expect(own.terms).toEqual([{variable: 0, coefficient: 1}]);
    expect(own.form).toEqual({kind: "perturbed", shown: 5, lo: 1, hi: 8});
    expect(own.value).toBe(2);
    expect(cube.forms.get(boardAge)).toMatchObject({kind: "perturbed", shown: 5});
    expect(other.terms).toEqual([{variable: 1, coefficient: 1}]);
    expect(other.form).toEqual({kind: "perturbed", shown: 0, lo: 0, hi: 5});
  });

  it("a cell that splits an atom stays outside the model, perturbed", () => {
    expect(cube.forms.get(partial)).toEqual({kind: "outside", shown: 5});
    expect(cube.outside).toBe(1);
  });
});

describe("cubeOverride", () => {
  const registryWith = (form: PublishedCell["form"]): Registry => ({
    minCount: 5,
    width: 5,
    cells: [{...reportCell, form}],
    index: new Map([["schools.json\u0000total.years[year=2019].pupils", 0]]),
    files: new Set(["schools.json"])
  });

  it("withholds pupils and trajectories where the report withholds the count", () => {
    const override = cubeOverride(counts, cube, registryWith(reportCell.form), settings);
    expect(override(total)).toEqual({pupils: null, trajectories: null});
    expect(override(schoolAge)).toBeUndefined();
    expect(override(partial)).toBeUndefined();
  });

  it("shows the report's exact count, and stops the build when the two disagree", () => {
    expect(cubeOverride(counts, cube, registryWith({kind: "exact", value: 3}), settings)(total)).toEqual({pupils: 3, trajectories: 0});
    expect(() => cubeOverride(counts, cube, registryWith({kind: "exact", value: 4}), settings)(total)).toThrow(/kubuscel .* telt 3 leerlingen/);
  });
});

describe("atLeastPupils", () => {
  it("a row never shows fewer trajectories than pupils; withheld stays withheld", () => {
    expect(atLeastPupils(0, 5)).toBe(5);
    expect(atLeastPupils(19, 22)).toBe(22);
    expect(atLeastPupils(8, 5)).toBe(8);
    expect(atLeastPupils(null, null)).toBeNull();
  });
});

describe("Span: which counts the published ones determine", () => {
  const columns = new Map([[0, 0], [1, 1], [2, 2], [5, 3]]);
  const v = (...variables: number[]) => variables.map((variable) => ({variable, coefficient: 1}));

  it("a difference of two published counts is in their span; a part of one is not", () => {
    const span = new Span(columns, [v(0, 1), v(1)]);
    // a = (a + b) − b.
    expect(span.contains(v(0))).toBe(true);
    expect(span.contains(v(2))).toBe(false);
    expect(span.contains([{variable: 0, coefficient: 3}, {variable: 1, coefficient: -2}])).toBe(true);
    expect(span.rank).toBe(2);
    // A count the span holds adds nothing.
    expect(new Span(columns, [v(0, 1), v(1), v(0)]).rank).toBe(2);
  });

  it("a vector that crosses blocks is reduced within them first; variables are mapped to columns, an unknown one is an error", () => {
    // Blocks of at most 2 columns: {0, 1} from a + b and b; a + b + c crosses into c's block and
    // leaves c once a + b is taken off, so c is in the span and so is b + c.
    const span = new Span(columns, [v(0, 1), v(1), v(0, 1, 2)], {blockSize: 2});
    expect(span.rank).toBe(3);
    expect([span.contains(v(2)), span.contains(v(1, 2)), span.contains(v(5)), span.contains(v(2, 5))]).toEqual([true, true, false, false]);
    const narrower = new Span(columns, [v(0, 1, 2), v(5)], {blockSize: 2});
    expect([narrower.contains(v(0, 1)), narrower.contains(v(0, 1, 2, 5)), narrower.contains(v(0, 5))]).toEqual([false, true, false]);
    expect(() => span.contains(v(7))).toThrow(/variabele 7/);
  });
});

describe("Span against plain elimination", () => {
  // Random 0/1 vectors over 12 columns, with coefficients −2…2 in the questions: whether each
  // question lies in the span, decided by Span (blocks and witnesses) and by a dense elimination of
  // the whole system written out here (modulo the same prime; every entry is small, so no product
  // overflows). 40 seeds, spans of 5 to 25 vectors, 30 questions each.
  const P = 67_108_859;
  const mod = (x: number) => ((x % P) + P) % P;
  const power = (a: number, e: number): number => {
    let result = 1;
    for (let base = mod(a); e > 0; e = Math.floor(e / 2), base = (base * base) % P) if (e % 2 === 1) result = (result * base) % P;
    return result;
  };
  function denseRank(vectors: number[][]): number {
    const rows = vectors.map((v) => v.map(mod));
    let rank = 0;
    for (let column = 0; column < 12 && rank < rows.length; column++) {
      const found = rows.findIndex((row, i) => i >= rank && row[column] !== 0);
      if (found < 0) continue;
      [rows[rank], rows[found]] = [rows[found], rows[rank]];
      const scale = power(rows[rank][column], P - 2);
      rows[rank] = rows[rank].map((x) => (x * scale) % P);
      for (let i = 0; i < rows.length; i++) {
        if (i === rank || rows[i][column] === 0) continue;
        const factor = rows[i][column];
        rows[i] = rows[i].map((x, j) => mod(x - ((factor * rows[rank][j]) % P)));
      }
      rank++;
    }
    return rank;
  }
  const columns = new Map(Array.from({length: 12}, (_, i) => [i, i] as [number, number]));
  const terms = (v: number[]) => v.flatMap((coefficient, variable) => (coefficient === 0 ? [] : [{variable, coefficient}]));

  // Blocks of 1 column (every vector of two or more crosses), of 3 and 5 (both kinds), and of all 12
  // (no vector crosses).
  it.each([1, 3, 5, 12])("answers every question as the dense elimination does, with blocks of at most %i columns", (blockSize) => {
    let inside = 0;
    for (let seed = 1; seed <= 40; seed++) {
      let state = seed;
      const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
      const vectors: number[][] = [];
      for (let n = 0; n < 25; n++) {
        vectors.push(Array.from({length: 12}, () => (random() < 0.25 ? 1 : 0)));
        // Spans of the first 5, 10, … vectors, each asked 6 questions.
        if ((n + 1) % 5 !== 0) continue;
        const span = new Span(columns, vectors.map(terms), {blockSize});
        expect(span.rank).toBe(denseRank(vectors));
        for (let q = 0; q < 6; q++) {
          const question = Array.from({length: 12}, () => (random() < 0.3 ? Math.floor(random() * 5) - 2 : 0));
          const expected = denseRank([...vectors, question]) === denseRank(vectors);
          if (expected) inside++;
          expect(span.contains(terms(question)), `seed ${seed}, ${n + 1} vectors, question ${q}`).toBe(expected);
        }
        // A sum of spanning vectors is inside whatever the blocks.
        expect(span.contains(terms(vectors[0].map((x, i) => x - 2 * vectors[n][i])))).toBe(true);
      }
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(inside).toBeGreaterThan(100);
    expect(inside).toBeLessThan(1100);
  });
});

describe("withholdTiedQuantities", () => {
  // Atoms 0, 1, 2. The report withholds a + b (3 pupils) and shows c = 4 exactly. Three quantities of
  // the cube's own: a + b + c is the withheld count plus the shown one, so perturbed it would bound the
  // withheld a + b (it is withheld); c is known exactly already (stays perturbed); a alone is in no
  // combination of the report's counts (stays perturbed).
  const hidden: PublishedCell = {...reportCell};
  const shown: PublishedCell = {file: "careTypes.json", path: "tabel3[careType=x].perYear[year=2019].pupils", unit: "pupils", terms: [{variable: 2, coefficient: 1}], form: {kind: "exact", value: 4}, value: 4};
  const registry: Registry = {minCount: 5, width: 5, cells: [hidden, shown], index: new Map(), files: new Set()};
  const atoms = {unitOf: ["pupils", "pupils", "pupils"] as ("pupils" | "trajectories")[], termsOf: new Map([hidden, shown].map((c) => [leafKey(c.file, c.path), c.terms]))};
  const own = (variables: number[], value: number, shownValue: number): PublishedCell => ({
    file: CUBE_FILE,
    path: `own${variables.join("")}`,
    unit: "pupils",
    terms: variables.map((variable) => ({variable, coefficient: 1})),
    form: {kind: "perturbed", shown: shownValue, lo: 0, hi: 9},
    value
  });
  const cells = [own([0, 1, 2], 7, 10), own([2], 4, 0), own([0], 2, 0)];
  // Grid cells of the fixture not used above: the board's care type x counted as "actief", and two more.
  const [tiedCell, knownCell, ownCell] = [at({unit: 1, careType: 1, definition: 1}), at({unit: 1, age: 1, careType: 1}), at({unit: 2, age: 1, careType: 1})];
  const indices = [tiedCell, knownCell, ownCell];
  const before: CubeDisclosure = {
    forms: new Map(cells.map((c, i) => [indices[i], {kind: "perturbed" as const, shown: (c.form as {shown: number}).shown, quantity: termsKey(c.terms)}])),
    cells,
    outside: 0,
    repeated: 0,
    tied: 0
  };
  const after = withholdTiedQuantities(before, registry, atoms, grid);

  it("withholds the quantity that the report's counts give only with a withheld one", () => {
    expect(after.tied).toBe(1);
    expect(after.forms.get(tiedCell)).toEqual({kind: "withheld", quantity: termsKey(cells[0].terms)});
    // Read as 0 or more: empty cells of its family are withheld too, so "·" does not say "not empty".
    expect(after.cells[0].form).toEqual({kind: "hidden", mark: "·", lo: 0, hi: Infinity});
    expect(cubeOverride(counts, after, registry, settings)(tiedCell)).toEqual({pupils: null, trajectories: null});
  });

  it("withholds the empty cells of the tied cell's family (same coordinates in any unit, either dyslexia switch), no others", () => {
    // Year 0, age alle, care type x, no DBC correction, actief: in every unit, with or without dyslexia care.
    expect(familyOf(grid, tiedCell)).toBe("0|0|1|0|1");
    expect(familyOf(grid, at({unit: 2, careType: 1, definition: 1, dyslexia: 1}))).toBe("0|0|1|0|1");
    expect([...(after.withheldFamilies ?? [])]).toEqual(["0|0|1|0|1"]);
    const override = cubeOverride(counts, {...after, withheldFamilies: new Set([familyOf(grid, at({unit: 2, careType: 1, dyslexia: 1}))])}, registry, settings);
    // An empty school cell of a withheld family: withheld. An empty cell of another family: as perturbed (0).
    expect(override(at({unit: 2, careType: 1, dyslexia: 1}))).toEqual({pupils: null, trajectories: null});
    expect(override(at({unit: 2, careType: 1, dyslexia: 1, dbc: 1}))).toBeUndefined();
  });

  it("leaves a quantity known exactly, and one outside every combination, perturbed", () => {
    expect([after.forms.get(knownCell)?.kind, after.forms.get(ownCell)?.kind]).toEqual(["perturbed", "perturbed"]);
    expect([after.cells[1].form.kind, after.cells[2].form.kind]).toEqual(["perturbed", "perturbed"]);
  });

  // The span of all published pupil counts is kept from call to call with the same atoms (the release
  // asks again after step 2): it must follow the registry's counts and forms all the same.
  it("answers from each registry's own counts and forms when asked again with the same atoms", () => {
    const tiedKind = (cellsOf: PublishedCell[]) => withholdTiedQuantities(before, {...registry, cells: cellsOf}, atoms, grid).forms.get(tiedCell)?.kind;
    // The same counts in another order and form: a + b shown exactly, so a + b + c is known already.
    expect(tiedKind([shown, {...hidden, form: {kind: "exact", value: 3}}])).toBe("perturbed");
    // The same counts as at first, in another order: tied again.
    expect(tiedKind([shown, hidden])).toBe("withheld");
    // Without c's count, a + b + c is in no combination of what is published: perturbed.
    expect(tiedKind([hidden])).toBe("perturbed");
    expect(tiedKind([hidden, shown])).toBe("withheld");
  });
});

describe("leaveOutSchoolAndBoardCuts, then withholdSchoolAndBoardQuantities", () => {
  // Schools and boards show only the report's configuration: in this grid all ages, DBC correction off
  // (index 0), "gestart" (index 0), with dyslexia care or within a care type. Everything else of theirs
  // is left out (the cube's membership does not record it; forms there are dropped all the same).
  // q1 is a quantity of the school's pupils in the configuration, shown at the municipality too; q2
  // appears at the municipality only (7 pupils; the school has 3 and the board 5 of that cut); q3 only
  // in a cut of the school outside the configuration; q4 at the municipality, where the school's cell
  // of the same cut (left out) counts the same 2 pupils; q5 is tied at the board outside it; the
  // school's total with DBC correction repeated the report.
  const cellOf = (variable: number, path: string): PublishedCell => ({
    file: CUBE_FILE,
    path,
    unit: "pupils",
    terms: [{variable, coefficient: 1}],
    form: {kind: "perturbed", shown: 15, lo: 1, hi: 18},
    value: 2
  });
  const [q1, q2, q3, q4, q5] = [cellOf(1, "q1"), cellOf(2, "q2"), cellOf(3, "q3"), cellOf(4, "q4"), {...cellOf(5, "q5"), form: {kind: "hidden" as const, mark: "·", lo: 0, hi: Infinity}}];
  const [munType, schoolType, munAge, schoolTotal] = [at({careType: 1}), at({unit: 2, careType: 1}), at({age: 1}), at({unit: 2, dbc: 1})];
  const [schoolAgeOnly, schoolAgeShared, munAgeShared, boardTied] = [at({unit: 2, age: 1}), at({unit: 2, definition: 1}), at({definition: 1}), at({unit: 1, age: 1, careType: 1})];
  const [schoolSplit, munSplit, schoolSplitInside] = [at({unit: 2, age: 1, careType: 1, dbc: 1}), at({age: 1, careType: 1, dbc: 1}), at({unit: 2, careType: 1, dyslexia: 1})];
  const pupils = new Int32Array(grid.size);
  for (const [index, n] of [[munType, 3], [schoolType, 3], [munAge, 7], [at({unit: 1, age: 1}), 5], [schoolAgeOnly, 3], [munAgeShared, 2], [schoolAgeShared, 2], [at({unit: 1, definition: 1}), 2], [boardTied, 1], [schoolTotal, 4], [schoolSplit, 1]]) pupils[index] = n;
  const before: CubeDisclosure = {
    forms: new Map<number, CubeCellForm>([
      [munType, {kind: "perturbed", shown: 15, quantity: termsKey(q1.terms)}],
      [schoolType, {kind: "perturbed", shown: 15, quantity: termsKey(q1.terms)}],
      [munAge, {kind: "perturbed", shown: 15, quantity: termsKey(q2.terms)}],
      [schoolAgeOnly, {kind: "perturbed", shown: 15, quantity: termsKey(q3.terms)}],
      [munAgeShared, {kind: "perturbed", shown: 15, quantity: termsKey(q4.terms)}],
      [boardTied, {kind: "withheld", quantity: termsKey(q5.terms)}],
      [schoolTotal, {kind: "report", reportKey: "schools.json\u0000x"}],
      // Cells that split an atom (outside the proof): at the school, outside the configuration and in
      // it, and at the municipality.
      [schoolSplit, {kind: "outside", shown: 15}],
      [schoolSplitInside, {kind: "outside", shown: 15}],
      [munSplit, {kind: "outside", shown: 15}]
    ]),
    cells: [q1, q2, q3, q4, q5],
    outside: 0,
    repeated: 1,
    tied: 1
  };
  const leftOut = leaveOutSchoolAndBoardCuts(before, {grid, pupils}, leftOutOfCube(grid, "gestart"));
  const after = withholdSchoolAndBoardQuantities(leftOut, grid);

  it("leaves every cut of a school or a board outside the report's configuration out, empty or not, a repeat of the report too", () => {
    for (const index of [schoolAgeOnly, schoolAgeShared, boardTied, schoolSplit, schoolTotal]) expect(leftOut.forms.has(index)).toBe(false);
    const isLeftOut = leftOut.leftOut!;
    // Another age group, DBC correction on, the other definition, all care types without dyslexia care.
    expect([at({unit: 2, age: 1}), at({unit: 1, dbc: 1}), at({unit: 2, definition: 1}), at({unit: 1, dyslexia: 1}), schoolTotal].map(isLeftOut)).toEqual([true, true, true, true, true]);
    // The configuration, a care type without dyslexia care in it, and the municipality.
    expect([at({unit: 1}), at({unit: 1, careType: 1}), at({unit: 2, careType: 1, dyslexia: 1}), at({age: 1, careType: 1, dbc: 1})].map(isLeftOut)).toEqual([false, false, false, false]);
    // The cells with pupils among them: the school's age group, other definition, DBC-corrected total
    // and split cell; the board's age group, other definition and tied cell.
    expect(leftOut.leftOutCells).toBe(7);
    const override = cubeOverride(counts, after, {minCount: 5, width: 5, cells: [], index: new Map(), files: new Set()}, settings);
    expect(override(at({unit: 2, age: 1, dbc: 1}))).toBe(LEFT_OUT);
    // Inside the configuration an empty cell shows 0 (no override), as the report does.
    expect(override(at({unit: 1, careType: 1}))).toBeUndefined();
    expect(override(at({age: 1, careType: 1}))).toBeUndefined();
  });

  it("withholds a quantity of one school's pupils in every published cell, also a municipal cell that counts the same pupils as the school's left-out cut", () => {
    expect(after.forms.get(munType)).toEqual({kind: "withheld", quantity: termsKey(q1.terms)});
    expect(after.forms.get(schoolType)).toEqual({kind: "withheld", quantity: termsKey(q1.terms)});
    expect(after.forms.get(munAgeShared)).toEqual({kind: "withheld", quantity: termsKey(q4.terms)});
    expect(after.forms.get(munAge)?.kind).toBe("perturbed");
    expect([after.forms.get(schoolSplitInside)?.kind, after.forms.get(munSplit)?.kind]).toEqual(["withheld", "outside"]);
  });

  it("keeps in the system the quantities a published cell carries, withheld where a school's or a board's pupils make them; drops the rest", () => {
    expect(after.cells.map((c) => [c.path, c.form])).toEqual([
      ["q1", {kind: "hidden", mark: "·", lo: 0, hi: Infinity}],
      ["q2", q2.form],
      ["q4", {kind: "hidden", mark: "·", lo: 0, hi: Infinity}]
    ]);
    expect(after.local).toBe(2);
  });
});
