// The explorer's cube in the disclosure model. Nearly every pupil count of the cube is a set of whole
// atoms (atoms.ts): the report publishes a school's year, the municipality's ages and care types,
// and the cube's cells are cut along the same lines. Such a cell is either
//  - the same quantity as a count the report publishes (the same atoms): the cube then shows what
//    the report shows — the exact number, or "·" where the report withholds it — so a quantity has
//    one value everywhere (issue 10, item 5) and noise never sits beside a mark that bounds it; or
//  - a quantity of its own: published perturbed (ptable.ts) and added to the system with the interval
//    its perturbed value allows, so the audit and the secondary suppression reckon with it.
// A cell that is not a set of whole atoms cannot be written over them; it stays perturbed and is
// counted as outside the model. The cube's trajectory counts are perturbed and outside the model too;
// they bound the pupil count of their cell from above (a pupil counts with at least one trajectory),
// which the cell's interval takes in.

import type {CubeCounts, PupilCellVisitor} from "../cube/count.js";
import type {CubeGrid} from "../cube/grid.js";
import {consistentRange, perturb} from "../cube/ptable.js";
import type {Settings} from "../model.js";
import type {Atoms} from "./atoms.js";
import {atLeastPupils, LEFT_OUT, type CubeOverride} from "../cube/publish.js";
import {leftOutOfFiles} from "../../src/lib/cube.js";
import {leafKey} from "./leaves.js";
import {termsKey, type PublishedCell, type Term} from "./model.js";
import {HIDDEN_MARK, type Registry} from "./registry.js";
import {Span} from "./span.js";
import {grown} from "../typedArrays.js";

/** One cube cell's pupils by atom: the atoms in ascending order (-1: a pupil without one), and how many of each atom's pupils it counts. */
export interface CellAtoms {
  cell: number;
  atoms: Int32Array;
  counts: Int32Array;
}

/**
 * The pupils' atoms per cube cell, gathered while the cube is counted (count.ts' visitor). Each
 * visit is kept as one number, cell × (atoms + 1) + atom + 1, in a growing Float64Array and sorted
 * once at the end: a map of atoms per cell took 9 GB and most of eleven minutes for the national
 * input, where a national cell holds hundreds of thousands of atoms (bench/README.md).
 */
export class CubeMembership {
  private readonly stride: number;
  private visits = new Float64Array(1 << 16);
  private visited = 0;
  /** The cells in the order they were first visited: the order cubeDisclosure numbers their quantities in. */
  private order = new Int32Array(1 << 10);
  private cellCount = 0;
  private seen = new Uint8Array(1 << 10);
  private sorted = false;

  constructor(private readonly pupilAtomOf: ReadonlyMap<string, number>) {
    let atoms = 0;
    for (const atom of pupilAtomOf.values()) atoms = Math.max(atoms, atom + 1);
    this.stride = atoms + 1;
  }

  readonly visit: PupilCellVisitor = (pupilId, cell) => {
    if (this.sorted) throw new Error("CubeMembership: een bezoek na het tellen");
    // Every pupil the cube counts has youth care, so an atom; one without would make the cell
    // inexpressible, which the -1 does.
    const atom = this.pupilAtomOf.get(pupilId) ?? -1;
    const key = cell * this.stride + atom + 1;
    if (!Number.isSafeInteger(key)) throw new Error(`CubeMembership: cel ${cell} past niet in een getal`);
    if (this.visited === this.visits.length) this.visits = grown(this.visits, this.visits.length * 2);
    this.visits[this.visited++] = key;
    if (cell >= this.seen.length) this.seen = grown(this.seen, Math.max(this.seen.length * 2, cell + 1));
    if (this.seen[cell] === 0) {
      this.seen[cell] = 1;
      if (this.cellCount === this.order.length) this.order = grown(this.order, this.order.length * 2);
      this.order[this.cellCount++] = cell;
    }
  };

  /** Every visited cell with its atoms, in the order the cells were first visited. */
  *cells(): Generator<CellAtoms> {
    const keys = this.visits.subarray(0, this.visited);
    if (!this.sorted) keys.sort();
    this.sorted = true;
    // Per distinct (cell, atom): the atom and its count, cell after cell; each cell's stretch.
    const atoms = new Int32Array(keys.length);
    const counts = new Int32Array(keys.length);
    const stretch = new Map<number, [number, number]>();
    let pairs = 0;
    // % of two whole doubles is exact, and so is the division of what is left.
    const cellOf = (key: number) => (key - (key % this.stride)) / this.stride;
    for (let k = 0; k < keys.length; ) {
      const cell = cellOf(keys[k]);
      const from = pairs;
      for (; k < keys.length && cellOf(keys[k]) === cell; pairs++) {
        const key = keys[k];
        let n = 0;
        for (; k < keys.length && keys[k] === key; k++) n++;
        atoms[pairs] = (key % this.stride) - 1;
        counts[pairs] = n;
      }
      stretch.set(cell, [from, pairs]);
    }
    for (let c = 0; c < this.cellCount; c++) {
      const cell = this.order[c];
      const [from, to] = stretch.get(cell)!;
      yield {cell, atoms: atoms.subarray(from, to), counts: counts.subarray(from, to)};
    }
  }
}

/** How the cube publishes one cell's pupil count (and with it its trajectory count). */
export type CubeCellForm =
  | {kind: "report"; reportKey: string}
  | {kind: "perturbed"; shown: number; quantity: string}
  | {kind: "withheld"; quantity: string}
  | {kind: "outside"; shown: number};

export interface CubeDisclosure {
  /** Per grid cell with pupils: its form. Cells without pupils publish 0 (ptable row 0). */
  forms: Map<number, CubeCellForm>;
  /** The cube's own quantities, one per distinct set of atoms, as perturbed cells of the system. */
  cells: PublishedCell[];
  /** Cells the atoms cannot express (published perturbed, outside the proof). */
  outside: number;
  /** Cells that repeat a count of the report. */
  repeated: number;
  /** Own quantities the report's counts determine only with a count it withholds: withheld too. */
  tied: number;
  /** The families (familyOf) of those cells: their empty cells are withheld as well. */
  withheldFamilies?: ReadonlySet<string>;
  /** Own quantities of a school's or a board's pupils that published cells carry, withheld (withholdSchoolAndBoardQuantities). */
  local?: number;
  /** Cells with pupils of schools and boards that the files leave out. */
  leftOutCells?: number;
  /** The own quantities of a school's or a board's pupils (leaveOutSchoolAndBoardCuts), to withhold
   *  wherever a published cell carries them (withholdSchoolAndBoardQuantities). */
  schoolAndBoardQuantities?: ReadonlySet<string>;
  /** Cells of schools and boards the files leave out, empty ones too (grid indices). */
  leftOut?: (index: number) => boolean;
}

/** The file name the cube's cells carry in the disclosure system and the audit's messages. */
export const CUBE_FILE = "verkennen/kubus";

/**
 * The cube's cells against the report's cells (the system's cells: with terms). `reportCells` gives
 * the report's registered cells with their atoms; a cube cell with the same atoms repeats it.
 */
export function cubeDisclosure(
  counts: CubeCounts,
  membership: CubeMembership,
  atoms: Pick<Atoms, "sizes">,
  reportCells: readonly PublishedCell[],
  settings: Pick<Settings, "suppression">
): CubeDisclosure {
  const report = new Map<string, PublishedCell>();
  for (const cell of reportCells) if (cell.unit === "pupils" && cell.terms.length > 0) report.set(termsKey(cell.terms), cell);
  const forms = new Map<number, CubeCellForm>();
  const own = new Map<string, PublishedCell>();
  let outside = 0;
  let repeated = 0;
  for (const {cell: index, atoms: cellAtoms, counts: atomCounts} of membership.cells()) {
    const shown = perturb(counts.pupils[index], counts.pupilKeys[index], settings);
    const whole = cellAtoms.every((atom, k) => atom >= 0 && atomCounts[k] === atoms.sizes[atom]);
    if (!whole) {
      outside++;
      forms.set(index, {kind: "outside", shown});
      continue;
    }
    // In ascending order already.
    const terms: Term[] = Array.from(cellAtoms, (variable) => ({variable, coefficient: 1}));
    const key = termsKey(terms);
    const same = report.get(key);
    if (same) {
      repeated++;
      forms.set(index, {kind: "report", reportKey: leafKey(same.file, same.path)});
      continue;
    }
    forms.set(index, {kind: "perturbed", shown, quantity: key});
    // The cell's trajectories, as published (perturbed, never below the pupils), bound its pupils
    // from above.
    const trajectoriesShown = atLeastPupils(perturb(counts.trajectories[index], counts.trajectoryKeys[index], settings), shown) as number;
    const trajectoryHi = consistentRange(trajectoriesShown, settings)![1];
    const [lo, pupilHi] = consistentRange(shown, settings)!;
    const hi = Math.min(pupilHi, trajectoryHi);
    const known = own.get(key);
    if (known) {
      // The same pupils in another variant: the same cell key, so the same shown value; another
      // variant's trajectories may bound it more tightly.
      if (known.form.kind === "perturbed" && hi < known.form.hi) known.form = {...known.form, hi};
      continue;
    }
    own.set(key, {file: CUBE_FILE, path: cubeCellPath(counts, index), unit: "pupils", terms, form: {kind: "perturbed", shown, lo, hi}, value: counts.pupils[index]});
  }
  return {forms, cells: [...own.values()], outside, repeated, tied: 0};
}

/** Per atoms, the span of every published pupil count last made (registrySpans), with its counts. */
const lastSpanOfAll = new WeakMap<object, {terms: ReadonlySet<Term[]>; span: Span}>();

/**
 * The spans of a registry's pupil counts over the atoms: of those published exactly, and of all of
 * them. The secondary suppression's step 2 and the release ask for both against registries with the
 * same counts that differ only in the few that step 2 withholds: the span of all of them, which does
 * not depend on their forms and took most of the time (for a country about a minute a pair,
 * bench/README.md), is reused when its counts are the same ones (the same term lists, which the atoms
 * hold once per count), in whatever order: the span is the same (the registries list them in another
 * order). Only the witnesses' random draw differs with the order, whose chance of a wrong answer is
 * p^−3 per question either way (span.ts).
 */
function registrySpans(registry: Registry, atoms: Pick<Atoms, "termsOf" | "unitOf">): {exact: Span; all: Span} {
  const {exactTerms, all, columnOf} = spanOfAll(registry, atoms);
  return {exact: new Span(columnOf, exactTerms), all};
}

/**
 * The span of all of a registry's pupil counts, made now if no span of the same counts is kept: the
 * build makes it while the secondary suppression's step 1 searches in a worker (pipeline.ts), for step
 * 2's tie check and the release's, whose registries hold the same counts.
 */
export function prepareTieCheck(registry: Registry, atoms: Pick<Atoms, "termsOf" | "unitOf">): void {
  spanOfAll(registry, atoms);
}

function spanOfAll(registry: Registry, atoms: Pick<Atoms, "termsOf" | "unitOf">): {exactTerms: Term[][]; all: Span; columnOf: Map<number, number>} {
  const exactTerms: Term[][] = [];
  const allTerms: Term[][] = [];
  for (const cell of registry.cells) {
    const terms = atoms.termsOf.get(leafKey(cell.file, cell.path));
    if (cell.unit !== "pupils" || !terms || terms.length === 0) continue;
    allTerms.push(terms);
    if (cell.form.kind === "exact") exactTerms.push(terms);
  }
  const columnOf = new Map<number, number>();
  atoms.unitOf.forEach((unit, variable) => {
    if (unit === "pupils") columnOf.set(variable, columnOf.size);
  });
  const terms = new Set(allTerms);
  const last = lastSpanOfAll.get(atoms);
  const same = last !== undefined && last.terms.size === terms.size && allTerms.every((t) => last.terms.has(t));
  const all = same ? last.span : new Span(columnOf, allTerms);
  if (!same) lastSpanOfAll.set(atoms, {terms, span: all});
  return {exactTerms, all, columnOf};
}

/**
 * The cube's own quantities that the report's counts determine, when one of those counts is withheld
 * (span.ts): a board's care type is the sum of its schools' on the factsheets, an age group the sum
 * of the municipality's ages. Perturbed, such a cell would bound the withheld count more tightly than
 * any noise can prevent; it is withheld in the cube ("·", pupils and trajectories). A quantity the
 * exact counts alone determine is known already and stays perturbed.
 *
 * Withheld, a cell must not say "1 or more" either: those lower bounds, added up, narrowed withheld
 * report counts in the full audit (bench/README.md). So the empty cells of the same family (the same
 * year, age, care type, DBC switch and definition, in every unit) are withheld
 * too, and "·" in such a family says nothing about zero; the system reads these cells as 0 or more.
 */
export function withholdTiedQuantities(
  cube: CubeDisclosure,
  registry: Registry,
  atoms: Pick<Atoms, "termsOf" | "unitOf">,
  grid: CubeGrid,
  /** Own quantities the secondary suppression withholds (their cells' leafKeys): withheld the same way. */
  chosen: ReadonlySet<string> = new Set()
): CubeDisclosure {
  const {exact, all} = registrySpans(registry, atoms);
  const tied = new Set<string>();
  const cells = cube.cells.map((cell) => {
    if (!chosen.has(leafKey(cell.file, cell.path)) && (exact.contains(cell.terms) || !all.contains(cell.terms))) return cell;
    tied.add(termsKey(cell.terms));
    return {...cell, form: {kind: "hidden" as const, mark: HIDDEN_MARK, lo: 0, hi: Infinity}};
  });
  const forms = new Map<number, CubeCellForm>();
  const withheldFamilies = new Set<string>();
  for (const [index, form] of cube.forms) {
    if (form.kind === "perturbed" && tied.has(form.quantity)) {
      forms.set(index, {kind: "withheld", quantity: form.quantity});
      withheldFamilies.add(familyOf(grid, index));
    } else forms.set(index, form);
  }
  return {...cube, forms, cells, tied: tied.size, withheldFamilies};
}

/**
 * A school's or a board's cuts outside the report's configuration (inReportConfiguration) are not in
 * the files: the page shows them as "·" by that rule, as it showed them before ("·" whatever the count,
 * unless the cell repeated a count the report shows, which it then added nothing to). Left out, they
 * are no published counts, and the cube's membership does not even record them (explorerCube: a
 * country has millions of them, and hundreds of thousands of their quantities were small counts the
 * secondary suppression protected one by one, bench/README.md). Independent of the registry: done once.
 *
 * What is kept of them: which of the municipality's cells hold one school's or one board's pupils only.
 * Such a cell is a cut of that unit, withheld like the unit's own (withholdSchoolAndBoardQuantities);
 * it holds the unit's pupils of the same cut exactly when both count as many pupils, since the one is
 * a part of the other.
 */
export function leaveOutSchoolAndBoardCuts(cube: CubeDisclosure, counts: Pick<CubeCounts, "grid" | "pupils">, leftOut: (index: number) => boolean): CubeDisclosure {
  const {grid} = counts;
  const unitStride = grid.stride("unit");
  const local = schoolAndBoardUnits(grid);
  const schoolAndBoardQuantities = new Set<string>();
  const forms = new Map<number, CubeCellForm>();
  for (const [index, form] of cube.forms) {
    if (leftOut(index)) continue;
    forms.set(index, form);
    if (form.kind !== "perturbed") continue;
    const unit = grid.digit(index, "unit");
    const below = index - unit * unitStride;
    if (unit !== 0 || local.some((u) => counts.pupils[below + u * unitStride] === counts.pupils[index])) schoolAndBoardQuantities.add(form.quantity);
  }
  const carried = new Set<string>();
  for (const form of forms.values()) if (form.kind === "perturbed" || form.kind === "withheld") carried.add(form.quantity);
  const cells = cube.cells.filter((cell) => carried.has(termsKey(cell.terms)));
  let leftOutCells = 0;
  for (let index = 0; index < grid.size; index++) if (counts.pupils[index] > 0 && leftOut(index)) leftOutCells++;
  return {...cube, forms, cells, leftOutCells, leftOut, schoolAndBoardQuantities};
}

/**
 * The cube's own quantities of a school's or a board's pupils, withheld where a published cell
 * carries them (after leaveOutSchoolAndBoardCuts). At school level the report
 * publishes exact counts (Tabel 6, the factsheets, with "·" for small ones), and a board's pupils are
 * its schools' pupils; a perturbed cut of the same few pupils beside them — another age group, the
 * DBC switch, the other definition, without dyslexia care — is bounded by its exact neighbours. The
 * full audit with the cube's cells in the system (then a benchmark, now every build's audit) narrowed withheld
 * counts through exactly such cells, however the noise fell: first at school level, then, with the
 * schools withheld, through a board of two schools ("age 10–11, with and without dyslexia care") and
 * inside a board of four. So schools and boards show what the report shows and nothing of their own;
 * such a quantity is withheld in every unit it appears in (a municipality's cell can hold the pupils
 * of one school only), and only the municipality keeps perturbed cells of its own. Inside the report's
 * configuration an empty cell shows 0, as the report does.
 */
export function withholdSchoolAndBoardQuantities(cube: CubeDisclosure, grid: CubeGrid): CubeDisclosure {
  const quantities = cube.schoolAndBoardQuantities ?? new Set<string>();
  const local = new Set(schoolAndBoardUnits(grid));
  const forms = new Map<number, CubeCellForm>();
  for (const [index, form] of cube.forms) {
    if (form.kind === "perturbed" && quantities.has(form.quantity)) forms.set(index, {kind: "withheld", quantity: form.quantity});
    // A cell that splits an atom is a cut of its own as well, outside the proof: withheld too.
    else if (form.kind === "outside" && local.has(grid.digit(index, "unit"))) forms.set(index, {kind: "withheld", quantity: ""});
    else forms.set(index, form);
  }
  let withheld = 0;
  const cells = cube.cells.map((cell) => {
    // A quantity the tie check withheld already counts there.
    if (!quantities.has(termsKey(cell.terms)) || cell.form.kind === "hidden") return cell;
    withheld++;
    return {...cell, form: {kind: "hidden" as const, mark: HIDDEN_MARK, lo: 0, hi: Infinity}};
  });
  return {...cube, forms, cells, local: withheld};
}

/** The grid's units below the municipality: its boards and schools. */
function schoolAndBoardUnits(grid: CubeGrid): number[] {
  return grid.dims.units.flatMap((unit, i) => (unit.level === "gemeente" ? [] : [i]));
}

/**
 * leftOutOfFiles (src/lib/cube.ts) for the grid's cells: by the unit and the cell's place below it,
 * each worked out once (a country's grid has 9 M cells).
 */
export function leftOutOfCube(grid: CubeGrid, configuredDefinition: string): (index: number) => boolean {
  const {dims} = grid;
  const unitStride = grid.stride("unit");
  const cuts = Array.from({length: unitStride}, (_, below) => {
    const at = grid.at(below);
    return {age: dims.ages[at.age], careType: dims.careTypes[at.careType], dyslexia: dims.dyslexia[at.dyslexia], dbc: dims.dbc[at.dbc], definition: dims.definitions[at.definition]};
  });
  const byLevel = new Map([...new Set(dims.units.map((unit) => unit.level))].map((level) => [level, Uint8Array.from(cuts, (cut) => (leftOutOfFiles(level, cut, configuredDefinition) ? 1 : 0))]));
  const left = dims.units.map((unit) => byLevel.get(unit.level)!);
  return (index) => left[grid.digit(index, "unit")][index % unitStride] === 1;
}

/**
 * A cell's family: its coordinates without the unit and without the dyslexia switch. Every unit,
 * because a board with one school holds the same pupils as that school; both dyslexia switches,
 * because in a care type other than dyslexia care they hold the same pupils too — and the same
 * pupils must show the same value.
 */
export function familyOf(grid: CubeGrid, index: number): string {
  const at = grid.at(index);
  return [at.year, at.age, at.careType, at.dbc, at.definition].join("|");
}

/** A cell's name in messages: `jeugdhulp[jaar=2019,eenheid=s:S01,leeftijd=alle,zorgvorm=alle,met-uit-gestart]`. */
export function cubeCellPath(counts: CubeCounts, index: number): string {
  const {dims} = counts.grid;
  const at = counts.grid.at(index);
  return `jeugdhulp[jaar=${dims.years[at.year]},eenheid=${dims.units[at.unit].code},leeftijd=${dims.ages[at.age]},zorgvorm=${dims.careTypes[at.careType]},${dims.dyslexia[at.dyslexia]}-${dims.dbc[at.dbc]}-${dims.definitions[at.definition]}]`;
}

/**
 * The cube's cells that repeat a report count, as the report finally publishes them (after the
 * secondary suppression): its exact value, or withheld — pupils and trajectories both, since the
 * trajectories bound the pupils.
 */
export function cubeOverride(counts: CubeCounts, cube: CubeDisclosure, registry: Registry, settings: Pick<Settings, "suppression">): CubeOverride {
  return (index) => {
    if (cube.leftOut?.(index)) return LEFT_OUT;
    const form = cube.forms.get(index);
    if (form?.kind === "withheld") return {pupils: null, trajectories: null};
    if (form === undefined && cube.withheldFamilies?.has(familyOf(counts.grid, index))) return {pupils: null, trajectories: null};
    if (form?.kind !== "report") return undefined;
    const cell = registry.cells[registry.index.get(form.reportKey) as number];
    if (cell.form.kind !== "exact") return {pupils: null, trajectories: null};
    if (cell.form.value !== counts.pupils[index]) {
      throw new Error(`Openbaarmakingsmodel: kubuscel ${cubeCellPath(counts, index)} telt ${counts.pupils[index]} leerlingen, ${form.reportKey.replace("\u0000", " ")} ${cell.form.value}.`);
    }
    return {pupils: cell.form.value, trajectories: perturb(counts.trajectories[index], counts.trajectoryKeys[index], settings)};
  };
}
