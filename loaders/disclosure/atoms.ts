// The base cells of the disclosure model, derived from the pupil-level data at build time.
//
// Published counts count *distinct* pupils over overlapping sets (a pupil with two care types counts
// once in "alle"), so the tables' cells are not a partition. The finest cells every count is a sum of
// are the atoms: classes of pupils with the same membership in every published pupil count, and
// classes of trajectories with the same membership in every published trajectory count (and the same
// pupil atom). A published count is then a sum of atom sizes.
//
// Membership is read off the report itself, not re-derived: every count in the report is additive
// over pupils (a pupil adds 0 or 1 to a distinct-pupil count) and over trajectories, so the report
// computed on one pupil alone shows exactly the counts that pupil is in. The same for one
// trajectory (a DBC restart pair counts as one unit: its two trajectories are counted together).
// The derivation checks that the atoms add up to every full count and lists any that do not.
//
// Only atoms that hold someone are variables: the audit treats every other combination as known to
// be empty. That gives the attacker more than the files say, so the audit is conservative.

import type {Dataset, Enrolment, Settings, Trajectory} from "../model.js";
import {publishReport, type PublicReport} from "../publish.js";
import {computeReport, type Report} from "../report.js";
import type {FactorTables} from "../tables/factors.js";
import type {Scope} from "../tables/scope.js";
import {countLeaves, leafKey, reportContents} from "./leaves.js";
import type {Relation, Term, Unit} from "./model.js";

export interface Atoms {
  variables: number;
  /** Atom sizes: the true point of the system. */
  sizes: number[];
  unitOf: Unit[];
  /** Per published count (leafKey(file, path)), its atoms with coefficients. */
  termsOf: Map<string, Term[]>;
  /** Every pupil has at least one trajectory in each trajectory count their pupil counts imply. */
  relations: Relation[];
  /** Each pupil's atom (pupils with youth care only): other outputs cut from the same pupils are
   *  expressed over the atoms through it (the explorer's cube, cubeCells.ts). */
  pupilAtomOf: ReadonlyMap<string, number>;
  /** Counts the atoms do not add up to (should be none): listed, left out of the model. */
  notAdditive: {key: string; atoms: number; full: number}[];
  stats: {pupils: number; trajectoryUnits: number; reports: number; pupilAtoms: number; trajectoryAtoms: number; milliseconds: number};
}

/** A report in its published shape with nothing withheld (minCount 1 hides nothing). */
export function openPublish(report: Report, settings: Settings): PublicReport {
  return publishReport(report, {...settings, suppression: {...settings.suppression, minCount: 1}});
}

export function openReport(dataset: Dataset, scope?: Scope, reuse?: Parameters<typeof computeReport>[2]): PublicReport {
  return openPublish(computeReport(dataset, scope, reuse), dataset.settings);
}

/** Count leaves (nonzero) of a report, keyed by file and path. */
export function openCounts(report: PublicReport, slugOf: (schoolId: string) => string, keepZeros = false): Map<string, {value: number; unit: Unit}> {
  const out = new Map<string, {value: number; unit: Unit}>();
  for (const [file, content] of reportContents(report as never, slugOf)) {
    for (const leaf of countLeaves(content)) {
      if (typeof leaf.value === "number" && (keepZeros || leaf.value !== 0)) out.set(leafKey(file, leaf.path), {value: leaf.value, unit: leaf.unit});
    }
  }
  return out;
}

/**
 * Trajectory units: single trajectories, or the trajectories joined by DBC restart pairs. The pairs
 * are joined once for the whole dataset (per pupil it cost a walk over every pair in the municipality).
 */
function trajectoryUnits(scope: Scope): (trajectories: Trajectory[]) => Trajectory[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let p = parent.get(id) ?? id;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(id, p);
    return p;
  };
  for (const {before, after} of scope.restarts) parent.set(find(before.id), find(after.id));
  return (trajectories) => {
    const units = new Map<string, Trajectory[]>();
    for (const t of trajectories) {
      const root = find(t.id);
      units.set(root, [...(units.get(root) ?? []), t]);
    }
    return [...units.values()];
  };
}

/**
 * `full`: every count of the whole report (zeros included). `aliasOf` names, for a count whose rows
 * exist only in the whole report (Tabel 6 lists the schools with pupils in the latest year; item 7
 * lists the school's largest care types), the count it repeats by definition. `factors`: the whole
 * report's factor tables.
 */
export function deriveAtoms(
  dataset: Dataset,
  scope: Scope,
  full: Map<string, {value: number; unit: Unit}>,
  slugOf: (schoolId: string) => string,
  aliasOf: (key: string) => string | null,
  factors: FactorTables
): Atoms {
  const start = performance.now();
  const enrolmentsOf = new Map<string, Enrolment[]>();
  for (const e of dataset.enrolments) enrolmentsOf.set(e.pupilId, [...(enrolmentsOf.get(e.pupilId) ?? []), e]);
  const trajectoriesOf = new Map<string, Trajectory[]>();
  for (const t of dataset.trajectories) trajectoriesOf.set(t.pupilId, [...(trajectoriesOf.get(t.pupilId) ?? []), t]);
  // Factor tables count schools, not pupils: each unit's report gets its own schools' rows of the
  // whole report's (their exact tests cost about 27 s at 500 schools, once).
  const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
  const factorsOf = new Map(factors.schools.map((f) => [f.schoolId, f]));
  const unitsOf = trajectoryUnits(scope);
  let reports = 0;
  const countsOf = (pupilId: string, trajectories: Trajectory[]) => {
    reports++;
    // Pupils living elsewhere count in no pupil or trajectory count (only in a school's size, which
    // the factor tables reused above carry); leaving them out makes one unit's report cost its own
    // size, not the municipality's (12,6 → 7,3 ms a pupil at 100 schools).
    // Only the schools the pupil was enrolled at: every other school's rows of a one-pupil report
    // are zeros, which openCounts drops, and walking them made each report cost the number of
    // schools (quadratic in all). A count this missed would fail the whole-report check below.
    const enrolments = enrolmentsOf.get(pupilId) ?? [];
    const schoolIds = [...new Set(enrolments.map((e) => e.schoolId))];
    const unitData: Dataset = {...dataset, schools: schoolIds.map((id) => schoolById.get(id)!), trajectories, enrolments, nonResidentEnrolments: []};
    const reuse = {factors: {...factors, schools: schoolIds.flatMap((id) => factorsOf.get(id) ?? [])}, statistics: null};
    return openCounts(openReport(unitData, undefined, reuse), slugOf);
  };

  const pupilAtomOf = new Map<string, number>();
  const pupilSignatures = new Map<string, number>();
  const sizes: number[] = [];
  const unitOf: Unit[] = [];
  // Counts by number: an atom keeps its counts' numbers, not their names. At 7 000 schools a name
  // held per atom and per signature made a heap of 10 GB, mostly garbage collection.
  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const keyId = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyNames.length;
      keyIds.set(key, id);
      keyNames.push(key);
    }
    return id;
  };
  /** Per atom, the counts it is in (numbers, in its report's order) and its coefficient in each. */
  const atomKeys: Int32Array[] = [];
  const atomCoefficients: Float64Array[] = [];
  type Entries = {keys: number[]; coefficients: number[]};
  const entriesOf = (counts: Map<string, {value: number; unit: Unit}>, unit: Unit): Entries => {
    const entries: Entries = {keys: [], coefficients: []};
    for (const [key, count] of counts) {
      if (count.unit !== unit) continue;
      entries.keys.push(keyId(key));
      entries.coefficients.push(count.value);
    }
    return entries;
  };
  const newAtom = (unit: Unit, {keys, coefficients}: Entries) => {
    const id = sizes.length;
    sizes.push(0);
    unitOf.push(unit);
    atomKeys.push(Int32Array.from(keys));
    atomCoefficients.push(Float64Array.from(coefficients));
    return id;
  };
  /** The same counts with the same coefficients give the same signature (a report names each count once). */
  const signature = ({keys, coefficients}: Entries) =>
    keys
      .map((key, i) => [key, coefficients[i]])
      .sort((a, b) => a[0] - b[0])
      .map(([key, coefficient]) => `${key}:${coefficient}`)
      .join(",");

  const trajectorySignatures = new Map<string, number>();
  // Per pupil atom, its trajectory atoms, and the trajectory counts every pupil of the atom is in.
  const trajectoryAtomsOf = new Map<number, Set<number>>();
  const sharedTrajectoryCounts = new Map<number, Set<number> | null>();
  let trajectoryUnitCount = 0;

  for (const [pupilId, trajectories] of trajectoriesOf) {
    const counts = countsOf(pupilId, trajectories);
    const pupilEntries = entriesOf(counts, "pupils");
    const sig = signature(pupilEntries);
    let atom = pupilSignatures.get(sig);
    if (atom === undefined) {
      atom = newAtom("pupils", pupilEntries);
      pupilSignatures.set(sig, atom);
    }
    sizes[atom]++;
    pupilAtomOf.set(pupilId, atom);

    const units = unitsOf(trajectories);
    const unitCounts = units.length === 1 ? [counts] : units.map((u) => countsOf(pupilId, u));
    const pupilTrajectoryCounts = new Set<number>();
    for (const uc of unitCounts) {
      trajectoryUnitCount++;
      const entries = entriesOf(uc, "trajectories");
      entries.keys.forEach((key) => pupilTrajectoryCounts.add(key));
      const tsig = `${atom};${signature(entries)}`;
      let tatom = trajectorySignatures.get(tsig);
      if (tatom === undefined) {
        tatom = newAtom("trajectories", entries);
        trajectorySignatures.set(tsig, tatom);
        trajectoryAtomsOf.set(atom, new Set([...(trajectoryAtomsOf.get(atom) ?? []), tatom]));
      }
      sizes[tatom]++;
    }
    const shared = sharedTrajectoryCounts.get(atom);
    sharedTrajectoryCounts.set(
      atom,
      shared === undefined ? pupilTrajectoryCounts : shared === null ? null : new Set([...shared].filter((k) => pupilTrajectoryCounts.has(k)))
    );
  }

  const termsOf = new Map<string, Term[]>();
  atomKeys.forEach((keys, variable) => {
    keys.forEach((key, i) => {
      const coefficient = atomCoefficients[variable][i];
      // Appended in place: a municipal count holds tens of thousands of atoms at 500 schools, and a
      // copy per atom made this loop quadratic (107 s there).
      const terms = termsOf.get(keyNames[key]);
      if (terms) terms.push({variable, coefficient});
      else termsOf.set(keyNames[key], [{variable, coefficient}]);
    });
  });
  // Every pupil of atom a has a trajectory in count d when all of them do: x_a ≤ Σ y over a's
  // trajectory atoms in d (a pupil counted in a school's year has a trajectory counted there too).
  // Many counts give the same trajectory atoms (a pupil with one trajectory: every count of it), and
  // x_a ≤ Σ over a larger set follows from a smaller one (y ≥ 0): only the smallest sets are kept, a
  // relation each, named by its first count. The system is the same; its LPs carry a sixth of the
  // rows (default data: 8 570 relations, 1 407 distinct).
  const relations: Relation[] = [];
  for (const [atom, keys] of sharedTrajectoryCounts) {
    const own = [...(trajectoryAtomsOf.get(atom) ?? [])];
    const sets = new Map<string, {key: string; set: number[]}>();
    const byName = (a: number, b: number) => (keyNames[a] < keyNames[b] ? -1 : keyNames[a] > keyNames[b] ? 1 : 0);
    for (const key of [...(keys ?? [])].sort(byName)) {
      const set = own.filter((t) => atomKeys[t].includes(key)).sort((a, b) => a - b);
      const id = set.join(",");
      if (!sets.has(id)) sets.set(id, {key: keyNames[key], set});
    }
    const candidates = [...sets.values()];
    const minimal = candidates.filter(({set}) => !candidates.some((other) => other.set.length < set.length && other.set.every((t) => set.includes(t))));
    for (const {key, set} of minimal) {
      relations.push({
        name: `leerlingen hebben een traject in ${key.replace("\u0000", " ")}`,
        terms: [{variable: atom, coefficient: 1}, ...set.map((variable) => ({variable, coefficient: -1}))],
        lo: -Infinity,
        hi: 0
      });
    }
  }
  const notAdditive: Atoms["notAdditive"] = [];
  const sum = (terms: Term[] | undefined) => (terms ?? []).reduce((s, t) => s + t.coefficient * sizes[t.variable], 0);
  // Rows a unit's report has but the whole report does not (another "largest care type"): not published.
  for (const key of [...termsOf.keys()]) if (!full.has(key)) termsOf.delete(key);
  for (const [key, {value}] of full) {
    if (sum(termsOf.get(key)) === value) continue;
    const alias = aliasOf(key);
    const aliased = alias === null ? undefined : termsOf.get(alias);
    if (aliased && sum(aliased) === value) termsOf.set(key, aliased);
    else {
      notAdditive.push({key, atoms: sum(termsOf.get(key)), full: value});
      termsOf.delete(key);
    }
  }
  return {
    variables: sizes.length,
    sizes,
    unitOf,
    termsOf,
    pupilAtomOf,
    relations,
    notAdditive,
    stats: {
      pupils: trajectoriesOf.size,
      trajectoryUnits: trajectoryUnitCount,
      reports,
      pupilAtoms: pupilSignatures.size,
      trajectoryAtoms: trajectorySignatures.size,
      milliseconds: performance.now() - start
    }
  };
}
