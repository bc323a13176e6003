// The scope of the study, computed once per dataset: which trajectory counts in which year at which
// school, the cohort of Figuur 1 / Tabel 4 / Tabel 5 / Figuur 2, and the DBC restarts. Every table
// module reads from this object instead of re-deriving it, so all tables share one scope.

import {yearOf} from "../dates.js";
import {
  compareIds,
  correctTrajectories,
  groupBy,
  latestYear,
  pairDbcRestarts,
  studyWindow,
  youthCareYears,
  type Period,
  type RestartPair
} from "../definitions.js";
import type {Dataset, Enrolment, PupilCodes, School, Settings, Trajectory} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import {compareCareTypes, compareSchools, pupilPass, schoolRef} from "./common.js";

/** A trajectory counted in a study year at the school the pupil attends that year. */
export interface Attribution {
  trajectory: Trajectory;
  year: number;
  enrolment: Enrolment;
  /** The pupil's code in this scope (0 … Scope.pupils − 1): distinct pupils are counted by marking an
   *  array at it (tables/common.ts pupilPass) rather than by hashing id strings. */
  pupil: number;
  /** The enrolment's school as its position in Scope.schools: tables group by it in arrays
   *  instead of looking the enrolment's school id up in a map. */
  school: number;
  /** The trajectory's care type as its position in Scope.careTypes: tables count per care type in
   *  arrays instead of hashing the key (a million attributions nationally, in several tables). */
  careType: number;
}

export interface CohortPupil {
  pupilId: string;
  /** In-scope trajectories that start in the window (raw), by year and id. */
  attributions: Attribution[];
}

export interface Scope {
  settings: Settings;
  years: number[];
  latestYear: number;
  window: Period;
  /** Sorted by name. */
  schools: School[];
  schoolById: Map<string, School>;
  /** School id → its position in `schools` (Attribution.school): tables count per school in arrays. */
  schoolPosition: Map<string, number>;
  /** The declared care types and any other key the trajectories carry, in compareCareTypes' order
   *  (Attribution.careType is a position here). A table lists the declared ones or those it meets. */
  careTypes: string[];
  /** Pupils with an enrolment in a study year: the pupil codes of the attributions are below it. */
  pupils: number;
  /** The dataset's pupils as numbers (Dataset.pupilCodes, or numbered here for a dataset made in code). */
  pupilCodes: PupilCodes;
  /** A pupil's resident enrolment in a study year, if any, by its number in `pupilCodes`. */
  enrolmentOf: (pupilCode: number, year: number) => Enrolment | undefined;
  /** One enrolment per pupil per study year. */
  enrolmentsByYear: Map<number, Enrolment[]>;
  /** In-scope trajectories by start year: the trajectory counts (Tabel 2, ratios, ages). */
  started: Attribution[];
  /** Youth care per year according to `youthCareDefinition` (pupil counts, Tabel 3, Tabel 6). */
  care: Attribution[];
  /** Sorted by pupil id. */
  cohort: CohortPupil[];
  /**
   * A cohort pupil's trajectories after the DBC correction that contain at least one of its
   * attributions: a merged restart as a CorrectedTrajectory, any other trajectory as itself. Made on
   * each call rather than kept: only the outflow asks, once per pupil, and kept they were a copy of
   * nearly every trajectory (half a million pupils nationally) for the whole build.
   */
  correctedOf: (pupil: CohortPupil) => Trajectory[];
  restarts: RestartPair[];
  exclusions: ScopeCounts;
}

export interface ScopeCounts {
  trajectories: number;
  /** Start in the window and the pupil is enrolled in the start year. */
  inScope: number;
  startedBeforeWindow: number;
  startedAfterWindow: number;
  /** Start in a study year in which the pupil has no resident enrolment. */
  startedWithoutEnrolment: number;
}

/** The scope section of the report: nothing is dropped without being counted here. */
export interface ScopeTable<M extends Mode = "raw"> {
  window: Period;
  youthCareDefinition: Settings["youthCareDefinition"];
  /** Resident pupils enrolled per study year (enrolment counts are not sensitive). */
  enrolledPerYear: {year: number; pupils: number}[];
  trajectories: Sensitive<M, number>;
  inScope: Sensitive<M, number>;
  startedBeforeWindow: Sensitive<M, number>;
  startedAfterWindow: Sensitive<M, number>;
  startedWithoutEnrolment: Sensitive<M, number>;
}

/** The study window; refuses a statusDate inside it (see loaders/README.md, choices). */
export function studyWindowOf(settings: Settings): Period {
  const window = studyWindow(settings);
  if (settings.statusDate < window.end) {
    throw new Error(
      `De peildatum (${settings.statusDate}) ligt voor het einde van het laatste studiejaar (${window.end}); ` +
        "de status van trajecten die daarna starten is dan niet te bepalen."
    );
  }
  return window;
}

export function buildScope(dataset: Dataset): Scope {
  const {settings} = dataset;
  const window = studyWindowOf(settings);
  const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
  const schools = [...dataset.schools].sort((a, b) => compareSchools(schoolRef(a), schoolRef(b)));
  const pupilCodes = pupilCodesOf(dataset);
  const careTypes = careTypesOf(dataset);
  const careTypePosition = new Map(careTypes.map((key, k) => [key, k]));
  const schoolPosition = new Map(schools.map((s, k) => [s.id, k]));
  const index = indexEnrolments(dataset.enrolments, pupilCodes, schoolPosition, settings);
  const {enrolments} = dataset;
  // The position in `enrolments` of a pupil's enrolment in a year, −1 for none (or no rank, −1).
  // The pupil's rank is looked up once per trajectory, its enrolment once per year.
  const slotOf = (rank: number, year: number) => (rank < 0 ? -1 : (index.slots.get(year)?.[rank] ?? -1));

  const exclusions: ScopeCounts = {
    trajectories: dataset.trajectories.length,
    inScope: 0,
    startedBeforeWindow: 0,
    startedAfterWindow: 0,
    startedWithoutEnrolment: 0
  };
  // Walked in id order and collected per year, the attributions come out sorted by year and id
  // (file order among equal ids, as a stable sort would leave them) with one sort of the
  // trajectories instead of one of each list.
  const startedByYear = new Map<number, Attribution[]>();
  const careByYear = new Map<number, Attribution[]>();
  const inYear = (lists: Map<number, Attribution[]>, year: number) => {
    let list = lists.get(year);
    if (!list) lists.set(year, (list = []));
    return list;
  };
  // Each trajectory's pupil looked up once, in file order: the cohort's trajectories per pupil
  // are chained from the same codes below.
  const all = dataset.trajectories;
  const ranks = new Int32Array(all.length);
  for (let i = 0; i < all.length; i++) ranks[i] = index.rankOf[pupilCodes.trajectories[i]];
  const order = all.map((_, i) => i).sort((a, b) => compareIds(all[a].id, all[b].id));
  const careTypeOf = (trajectory: Trajectory) => careTypePosition.get(trajectory.careType)!;
  for (const i of order) {
    const trajectory = all[i];
    const startYear = yearOf(trajectory.start);
    const rank = ranks[i];
    const startSlot = slotOf(rank, startYear);
    let start: Attribution | null = null;
    if (trajectory.start < window.start) exclusions.startedBeforeWindow++;
    else if (trajectory.start > window.end) exclusions.startedAfterWindow++;
    else if (startSlot < 0) exclusions.startedWithoutEnrolment++;
    else {
      exclusions.inScope++;
      start = {trajectory, year: startYear, enrolment: enrolments[startSlot], pupil: rank, school: index.schoolAt[startSlot], careType: careTypeOf(trajectory)};
      inYear(startedByYear, startYear).push(start);
    }
    for (const year of youthCareYears(trajectory, settings)) {
      const slot = slotOf(rank, year);
      if (slot < 0) continue;
      // The start year's attribution is the same in both lists: one object, not a million twins.
      inYear(careByYear, year).push(
        start !== null && year === startYear ? start : {trajectory, year, enrolment: enrolments[slot], pupil: rank, school: index.schoolAt[slot], careType: careTypeOf(trajectory)}
      );
    }
  }
  // concat copies the lists whole; flatMap over a million attributions took half a second nationally.
  const byYear = (lists: Map<number, Attribution[]>) => ([] as Attribution[]).concat(...[...lists].sort(([a], [b]) => a - b).map(([, list]) => list));
  const started = byYear(startedByYear);
  const care = byYear(careByYear);

  const restarts = pairDbcRestarts(dataset.trajectories, started.map((a) => a.trajectory), settings);
  return {
    settings,
    years: settings.years,
    latestYear: latestYear(settings),
    window,
    schools,
    schoolById,
    schoolPosition,
    careTypes,
    pupils: index.pupils,
    pupilCodes,
    enrolmentOf: (pupilCode, year) => {
      const slot = slotOf(index.rankOf[pupilCode], year);
      return slot < 0 ? undefined : enrolments[slot];
    },
    enrolmentsByYear: enrolmentLists(index, enrolments),
    started,
    care,
    ...buildCohort(all, ranks, index.pupils, started, restarts),
    restarts,
    exclusions
  };
}

/**
 * The declared care types, then the keys only trajectories carry, in compareCareTypes' order. The
 * declared ones alone are in that order already (the settings' own; a key declared twice is refused),
 * so only a scope with other keys sorts: the disclosure model builds one for every pupil with youth care.
 */
function careTypesOf({settings, trajectories}: Dataset): string[] {
  const declared = settings.careTypes.map((c) => c.key);
  const known = new Set(declared);
  let others: Set<string> | null = null;
  for (const {careType} of trajectories) if (!known.has(careType)) (others ??= new Set()).add(careType);
  return others ? [...declared, ...others].sort(compareCareTypes(settings)) : declared;
}

/** Each study year's enrolment of each pupil, without a map per year. */
interface EnrolmentIndex {
  /** Pupil code → rank, −1 for none: ranks follow the order in which pupils first appear in the
   *  file with an enrolment in a study year. */
  rankOf: Int32Array;
  /** Pupils with a rank. */
  pupils: number;
  /** Study year → the position in `enrolments` of each rank's enrolment that year, −1 for none. Only years with enrolments. */
  slots: Map<number, Int32Array>;
  /** Position in `enrolments` → its school's position in Scope.schools (enrolments in a study year only). */
  schoolAt: Int32Array;
}

/**
 * An array of ranks by pupil code and an array of positions per year, instead of a map of pupil ids
 * (1,5 M nationally): filling that map was about 1,3 s of the scope's time on the national input.
 */
function indexEnrolments(enrolments: Enrolment[], codes: PupilCodes, schoolPosition: Map<string, number>, settings: Settings): EnrolmentIndex {
  const years = new Set(settings.years);
  const rankOf = new Int32Array(codes.count).fill(-1);
  let pupils = 0;
  for (let i = 0; i < enrolments.length; i++) {
    const code = codes.enrolments[i];
    if (rankOf[code] < 0 && years.has(enrolments[i].year)) rankOf[code] = pupils++;
  }
  const slots = new Map<number, Int32Array>(settings.years.map((year) => [year, new Int32Array(pupils).fill(-1)]));
  const schoolAt = new Int32Array(enrolments.length).fill(-1);
  const counts = new Map<number, number>();
  for (let i = 0; i < enrolments.length; i++) {
    const e = enrolments[i];
    const ofYear = slots.get(e.year);
    if (!ofYear) continue;
    const school = schoolPosition.get(e.schoolId);
    if (school === undefined) {
      throw new Error(`Leerling ${e.pupilId} staat in ${e.year} ingeschreven op onbekende school "${e.schoolId}".`);
    }
    schoolAt[i] = school;
    const r = rankOf[codes.enrolments[i]];
    if (ofYear[r] >= 0) {
      throw new Error(
        `Leerling ${e.pupilId} heeft in ${e.year} twee inschrijvingen (${enrolments[ofYear[r]].schoolId} en ${e.schoolId}); ` +
          "per jaar hoort één inschrijving."
      );
    }
    ofYear[r] = i;
    counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  }
  // Years without enrolments stay out, as before: enrolmentsByYear lists the years that have some.
  for (const year of settings.years) if (!counts.has(year)) slots.delete(year);
  return {rankOf, pupils, slots, schoolAt};
}

/**
 * The dataset's pupil codes; a dataset made in code (tests, the disclosure model's one-pupil
 * reports) has none, and its ids are numbered here in the order they first appear. Lists of
 * another length than the codes' mean a dataset changed after loading: refused, not miscounted.
 */
export function pupilCodesOf(dataset: Dataset): PupilCodes {
  const nonResidents = dataset.nonResidentEnrolments ?? [];
  const codes = dataset.pupilCodes;
  if (codes) {
    if (codes.enrolments.length !== dataset.enrolments.length || codes.nonResidentEnrolments.length !== nonResidents.length || codes.trajectories.length !== dataset.trajectories.length) {
      throw new Error("pupilCodes: the dataset's lists changed after loading");
    }
    return codes;
  }
  const numbers = new Map<string, number>();
  const number = (rows: {pupilId: string}[]) =>
    Int32Array.from(rows, ({pupilId}) => {
      let code = numbers.get(pupilId);
      if (code === undefined) numbers.set(pupilId, (code = numbers.size));
      return code;
    });
  const enrolments = number(dataset.enrolments);
  const nonResidentEnrolments = number(nonResidents);
  const trajectories = number(dataset.trajectories);
  return {count: numbers.size, enrolments, nonResidentEnrolments, trajectories};
}

/**
 * Each year's enrolments with the pupils in the order they first appear in the file (in any study
 * year), the order the tables have always summed them in: floating-point sums such as the expected
 * counts of the age standardisation then come out the same to the last digit.
 */
function enrolmentLists({slots}: EnrolmentIndex, enrolments: Enrolment[]): Map<number, Enrolment[]> {
  // Years in the order they first appear, too.
  const lists = new Map<number, Enrolment[]>();
  for (let i = 0; i < enrolments.length && lists.size < slots.size; i++) {
    const {year} = enrolments[i];
    if (slots.has(year) && !lists.has(year)) lists.set(year, []);
  }
  for (const year of lists.keys()) {
    // Each list made at its size: 3,5 M enrolments nationally, grown by push they were copied on the way.
    const ofYear = slots.get(year)!;
    let size = 0;
    for (let rank = 0; rank < ofYear.length; rank++) if (ofYear[rank] >= 0) size++;
    const list = new Array<Enrolment>(size);
    for (let rank = 0, k = 0; rank < ofYear.length; rank++) if (ofYear[rank] >= 0) list[k++] = enrolments[ofYear[rank]];
    lists.set(year, list);
  }
  return lists;
}

function buildCohort(
  all: Trajectory[],
  ranks: Int32Array,
  pupils: number,
  started: Attribution[],
  restarts: RestartPair[]
): Pick<Scope, "cohort" | "correctedOf"> {
  // Each pupil's trajectories in file order as a chain over the pupil codes (walked backwards so
  // that the chain runs forwards): no map of a million arrays keyed by pupil id.
  const first = new Int32Array(pupils).fill(-1);
  const next = new Int32Array(all.length).fill(-1);
  for (let i = all.length - 1; i >= 0; i--) {
    const rank = ranks[i];
    if (rank < 0) continue;
    next[i] = first[rank];
    first[rank] = i;
  }
  const trajectoriesOf = (rank: number) => {
    const list: Trajectory[] = [];
    for (let i = first[rank]; i >= 0; i = next[i]) list.push(all[i]);
    return list;
  };
  // The started attributions per pupil, pupils in the order they first start.
  const pass = pupilPass(pupils);
  const byPupil: Attribution[][] = [];
  for (const a of started) {
    if (pass.isNew(a.pupil)) {
      pass.slot[a.pupil] = byPupil.length;
      byPupil.push([a]);
    } else byPupil[pass.slot[a.pupil]].push(a);
  }
  const restartsByPupil = groupBy(restarts, (r) => r.after.pupilId);
  // Exact-length copies: an array grown by push keeps room for 17 elements, and the cohort's half
  // a million pupils hold theirs for the whole build.
  // Sorted by id through an array of the ids (a comparison then reads two strings, not two objects
  // first), and made in that order, so that the walks over the cohort go through memory in order.
  const ids = byPupil.map((attributions) => attributions[0].trajectory.pupilId);
  const order = Array.from(ids.keys()).sort((a, b) => compareIds(ids[a], ids[b]));
  const cohort: CohortPupil[] = order.map((k) => ({pupilId: ids[k], attributions: byPupil[k].slice()}));
  const correctedOf = ({pupilId, attributions}: CohortPupil) => {
    const pairs = restartsByPupil.get(pupilId);
    // Without a restart the correction changes nothing, so the trajectories that hold a started one
    // are the started ones themselves (most pupils): no walk over all of the pupil's trajectories,
    // no copies.
    if (!pairs) return attributions.map((a) => a.trajectory);
    // A pupil's trajectories are only its own, and it has a few: its started ones are searched
    // among its attributions rather than in a set of a million ids.
    const isStarted = (id: string) => attributions.some((a) => a.trajectory.id === id);
    return correctTrajectories(trajectoriesOf(attributions[0].pupil), pairs).filter((t) => t.parts.some(isStarted));
  };
  return {cohort, correctedOf};
}

/**
 * The first attribution of each pupil-year among these. A pupil has one enrolment a year, so all
 * attributions of a pupil-year share its school and age: counting these counts distinct pupils per
 * school, year and age. `pupils` is the scope's count of pupil codes (Scope.pupils). Remembered per
 * list: Tabel 6's counts and the variation's strata ask it of the same `care`.
 */
export function pupilYears(attributions: Attribution[], pupils: number): Attribution[] {
  const known = firstPupilYears.get(attributions);
  if (known) return known;
  // One byte per pupil and year: a few years of 1,5 M pupils, instead of a set of ids per year.
  const seen = new Map<number, Uint8Array>();
  const first: Attribution[] = [];
  for (const a of attributions) {
    let marks = seen.get(a.year);
    if (!marks) seen.set(a.year, (marks = new Uint8Array(pupils)));
    if (marks[a.pupil] === 1) continue;
    marks[a.pupil] = 1;
    first.push(a);
  }
  firstPupilYears.set(attributions, first);
  return first;
}

const firstPupilYears = new WeakMap<Attribution[], Attribution[]>();

export function scopeTable(scope: Scope): ScopeTable {
  return {
    window: scope.window,
    youthCareDefinition: scope.settings.youthCareDefinition,
    enrolledPerYear: scope.years.map((year) => ({year, pupils: scope.enrolmentsByYear.get(year)?.length ?? 0})),
    ...scope.exclusions
  };
}
