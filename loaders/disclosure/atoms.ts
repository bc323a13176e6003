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

import {availableParallelism} from "node:os";
import type {Dataset, Enrolment, Trajectory} from "../model.js";
import type {FactorTables} from "../tables/factors.js";
import type {Scope} from "../tables/scope.js";
import {mapInWorkers} from "../workerPool.js";
import type {Relation, Term, Unit} from "./model.js";
import {unitCounter, type ChunkCounts, type PupilRows, type UnitSetup} from "./unitCounts.js";
import {AtomTable, type Entries} from "./atomTable.js";
import {reportPartOfFile} from "./leaves.js";

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
  stats: {pupils: number; trajectoryUnits: number; reports: number; pupilAtoms: number; trajectoryAtoms: number; milliseconds: number; workers: number};
}

/** From this many pupils with youth care on, their reports are computed in worker threads. Below it
 *  starting the workers (about a second) costs more than it saves. */
const WORKERS_FROM_PUPILS = 5_000;
/** Pupils per message to a worker. */
const PUPILS_PER_CHUNK = 500;
const WORKER = new URL("./unitCounts.worker.ts", import.meta.url);

/**
 * Trajectory units: single trajectories, or the trajectories joined by DBC restart pairs. The pairs
 * are joined once for the whole dataset (per pupil it cost a walk over every pair in the municipality).
 */
function trajectoryUnits(scope: Scope): (trajectories: Trajectory[]) => number[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let p = parent.get(id) ?? id;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(id, p);
    return p;
  };
  for (const {before, after} of scope.restarts) parent.set(find(before.id), find(after.id));
  return (trajectories) => {
    const units = new Map<string, number[]>();
    trajectories.forEach((t, at) => {
      const root = find(t.id);
      const unit = units.get(root);
      if (unit) unit.push(at);
      else units.set(root, [at]);
    });
    return [...units.values()];
  };
}

/**
 * `full`: every count of the whole report (zeros included). `aliasOf` names, for a count whose rows
 * exist only in the whole report (Tabel 6 lists the schools with pupils in the latest year; item 7
 * lists the school's largest care types), the count it repeats by definition. `factors`: the whole
 * report's factor tables. `workers`: threads for the one-pupil reports (default: as many as there
 * are cores from WORKERS_FROM_PUPILS pupils on, else none), sent `pupilsPerChunk` pupils at a time;
 * the result is the same either way. `progress` hears every 50 000 pupils how far it got.
 */
export async function deriveAtoms(
  dataset: Dataset,
  scope: Scope,
  full: Map<string, {value: number; unit: Unit}>,
  slugOf: (schoolId: string) => string,
  aliasOf: (key: string) => string | null,
  factors: FactorTables,
  {workers, pupilsPerChunk = PUPILS_PER_CHUNK, progress}: {workers?: number; pupilsPerChunk?: number; progress?: (line: string) => void} = {}
): Promise<Atoms> {
  const start = performance.now();
  const enrolmentsOf = groupByPupil(dataset.enrolments);
  const trajectoriesOf = groupByPupil(dataset.trajectories);
  const pupilIds = [...trajectoriesOf.keys()];
  const threads = workers ?? (pupilIds.length >= WORKERS_FROM_PUPILS ? availableParallelism() : 0);
  const unitsOf = trajectoryUnits(scope);
  function* chunks(): Generator<PupilRows[]> {
    for (let at = 0; at < pupilIds.length; at += pupilsPerChunk) {
      yield pupilIds.slice(at, at + pupilsPerChunk).map((id) => {
        const trajectories = trajectoriesOf.get(id)!;
        return {enrolments: enrolmentsOf.get(id) ?? [], trajectories, units: unitsOf(trajectories)};
      });
    }
  }
  const setup: UnitSetup = {
    settings: dataset.settings,
    productMappings: dataset.productMappings,
    schools: dataset.schools,
    factors,
    slugs: dataset.schools.map((s) => [s.id, slugOf(s.id)]),
    countParts: partsWithCounts(full)
  };
  const counted: AsyncIterable<{output: ChunkCounts; thread: number}> | Iterable<{output: ChunkCounts; thread: number}> =
    threads > 0 ? mapInWorkers<PupilRows[], ChunkCounts>(WORKER, setup, chunks(), threads) : inThisThread(setup, chunks());

  const pupilAtomOf = new Map<string, number>();
  const table = new AtomTable();
  // Counts by number: an atom keeps its counts' numbers, not their names. At 7 000 schools a name
  // held per atom and per signature made a heap of 10 GB, mostly garbage collection. Numbered in
  // the order the pupils' reports name them, whichever thread counted them.
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

  // Per pupil atom, its trajectory atoms, and the trajectory counts every pupil of the atom is in.
  const trajectoryAtomsOf = new Map<number, Set<number>>();
  const sharedTrajectoryCounts = new Map<number, Int32Array>();
  let trajectoryUnitCount = 0;
  let reports = 0;
  // Per counting thread, the names of its key numbers and their numbers here.
  const namesOf = new Map<number, {names: string[]; ids: number[]}>();

  let chunk = 0;
  for await (const {output, thread} of counted) {
    let local = namesOf.get(thread);
    if (!local) namesOf.set(thread, (local = {names: [], ids: []}));
    for (const name of output.names) local.names.push(name);
    const {ints, coefficients} = output;
    let at = 0;
    let coefficientAt = 0;
    const read = (): Entries => {
      const length = ints[at++];
      const entries = {keys: new Int32Array(length), coefficients: coefficients.subarray(coefficientAt, coefficientAt + length)};
      for (let k = 0; k < length; k++) {
        const number = ints[at++];
        entries.keys[k] = local.ids[number] ??= keyId(local.names[number]);
      }
      coefficientAt += length;
      return entries;
    };
    for (const pupilId of pupilIds.slice(chunk * pupilsPerChunk, (chunk + 1) * pupilsPerChunk)) {
      const atom = table.join("pupils", read());
      pupilAtomOf.set(pupilId, atom);

      const units = ints[at++];
      reports += units === 1 ? 1 : 1 + units;
      const pupilTrajectoryCounts = new Set<number>();
      for (let u = 0; u < units; u++) {
        trajectoryUnitCount++;
        const entries = read();
        for (let k = 0; k < entries.keys.length; k++) pupilTrajectoryCounts.add(entries.keys[k]);
        const known = table.length;
        const tatom = table.join("trajectories", entries, atom);
        if (tatom === known) {
          const own = trajectoryAtomsOf.get(atom);
          if (own) own.add(tatom);
          else trajectoryAtomsOf.set(atom, new Set([tatom]));
        }
      }
      const shared = sharedTrajectoryCounts.get(atom);
      sharedTrajectoryCounts.set(atom, shared === undefined ? Int32Array.from(pupilTrajectoryCounts) : shared.filter((k) => pupilTrajectoryCounts.has(k)));
    }
    chunk++;
    if (progress && Math.floor((chunk * pupilsPerChunk) / 50_000) > Math.floor(((chunk - 1) * pupilsPerChunk) / 50_000)) {
      progress(`atomen: ${Math.min(chunk * pupilsPerChunk, pupilIds.length)} van ${pupilIds.length} leerlingen, ${table.length} atomen`);
    }
  }
  const {sizes, unitOf, keys: atomKeys, coefficients: atomCoefficients} = table;
  const trajectoryAtoms = unitOf.filter((unit) => unit === "trajectories").length;

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
    for (const key of [...keys].sort(byName)) {
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
      pupilAtoms: sizes.length - trajectoryAtoms,
      trajectoryAtoms,
      milliseconds: performance.now() - start,
      workers: threads
    }
  };
}

/** Per unit, the report's parts that hold counts of it. */
function partsWithCounts(full: Map<string, {unit: Unit}>): Record<Unit, string[]> {
  const parts = {pupils: new Set<string>(), trajectories: new Set<string>()};
  for (const [key, {unit}] of full) parts[unit].add(reportPart(key));
  return {pupils: [...parts.pupils], trajectories: [...parts.trajectories]};
}

/** The report's part a count is in, by its key's file. */
function reportPart(key: string): string {
  return reportPartOfFile(key.slice(0, key.indexOf("\u0000")));
}

/** Rows by pupil, in the dataset's order. */
function groupByPupil<T extends {pupilId: string}>(rows: T[]): Map<string, T[]> {
  const byPupil = new Map<string, T[]>();
  for (const row of rows) {
    const own = byPupil.get(row.pupilId);
    if (own) own.push(row);
    else byPupil.set(row.pupilId, [row]);
  }
  return byPupil;
}

/** The one-pupil reports of small inputs, in this thread (as thread 0, which no worker is). */
function* inThisThread(setup: UnitSetup, chunks: Iterable<PupilRows[]>): Generator<{output: ChunkCounts; thread: number}> {
  const count = unitCounter(setup);
  for (const chunk of chunks) yield {output: count(chunk), thread: 0};
}
