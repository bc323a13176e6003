// Counting the explorer's cube from pupil-level data (build time only). For every variant of the
// two switches that change which trajectories count (DBC correction, definition of youth care in a
// year) the pupils are attributed to their school of that year, then every pupil adds one to each
// cell they belong to: their school, its board and the municipality; their age group and "alle";
// each care type they had and "alle"; with and (if they had other care) without dyslexia care.
// In the same loop each cell sums its records' keys (keys.ts) into its cell key, mod 2^32: the
// pupils' keys for the pupil count, the trajectories' keys for the trajectory count.

import {ageGroupIndex, correctTrajectories, youthCareYears} from "../definitions.js";
import type {Dataset, Enrolment, Trajectory} from "../model.js";
import {ageInYear} from "../tables/ages.js";
import type {Scope} from "../tables/scope.js";
import {cellKeySecret, recordKeys, type RecordKeys} from "./keys.js";
import {ALL, CubeGrid, DBC, DEFINITIONS, cubeGrid, definitionSetting} from "./grid.js";
import {grown} from "../typedArrays.js";

export interface CubeCounts {
  grid: CubeGrid;
  /** Resident pupils enrolled, by grid.enrolledIndex (not sensitive, as everywhere in the report). */
  enrolled: Int32Array;
  /** Distinct pupils with youth care, by grid.index. */
  pupils: Int32Array;
  /** Trajectories that count in the cell's year under its definition and DBC variant. */
  trajectories: Int32Array;
  /** Cell keys of the pupil counts: the sum of the cell's pupils' keys mod 2^32. */
  pupilKeys: Uint32Array;
  /** Cell keys of the trajectory counts: the sum of the counted trajectories' keys mod 2^32. */
  trajectoryKeys: Uint32Array;
}

/** Told every pupil cell a pupil is counted in (the disclosure model expresses cells by pupils). */
export type PupilCellVisitor = (pupilId: string, cell: number) => void;

/** `keys` replaces the HMAC keys (tests inject hand-picked ones). */
export function countCube(
  dataset: Dataset,
  scope: Scope,
  keys: RecordKeys = recordKeys(cellKeySecret(dataset)),
  visit?: PupilCellVisitor
): CubeCounts {
  const {settings} = dataset;
  const grid = cubeGrid(settings, scope.schools);
  const {dims} = grid;
  const yearIndex = new Map(dims.years.map((y, i) => [y, i]));
  const unitIndex = new Map(dims.units.map((u, i) => [u.code, i]));
  // A pupil counts in the municipality, the board and the school: three units per school.
  const unitsOfSchool = new Map(
    dims.units
      .filter((u) => u.level === "school")
      .map((u) => [u.schoolId!, [0, unitIndex.get(u.parent!)!, unitIndex.get(u.code)!]])
  );
  const careTypeIndex = new Map(dims.careTypes.map((c, i) => [c, i]));
  const dyslexiaIndex = careTypeIndex.get(settings.dyslexiaCareType) ?? -1;
  const allIndex = careTypeIndex.get(ALL)!;
  const careTypeStride = grid.stride("careType");

  // A pupil's enrolment per year, for the pupils with a trajectory (the only ones looked up).
  const withTrajectories = new Set(dataset.trajectories.map((t) => t.pupilId));
  const enrolmentOf = new Map<string, Map<number, Enrolment>>();
  const enrolled = new Int32Array(grid.enrolledSize);
  for (const [year, list] of scope.enrolmentsByYear) {
    for (const e of list) {
      if (withTrajectories.has(e.pupilId)) {
        let years = enrolmentOf.get(e.pupilId);
        if (!years) enrolmentOf.set(e.pupilId, (years = new Map()));
        years.set(year, e);
      }
      const age = 1 + ageGroupIndex(ageInYear(e.birthMonth, year));
      for (const unit of unitsOfSchool.get(e.schoolId)!) {
        for (const a of [0, age]) enrolled[grid.enrolledIndex({year: yearIndex.get(year)!, unit, age: a})]++;
      }
    }
  }

  const pupils = new Int32Array(grid.size);
  const trajectories = new Int32Array(grid.size);
  // A Uint32Array stores every sum mod 2^32: the wrap-around is the "mod 1" of the method.
  const pupilKeys = new Uint32Array(grid.size);
  const trajectoryKeys = new Uint32Array(grid.size);
  // Per care type, one pupil-year's trajectories and the sum of their keys; and its care types in the
  // order of their first trajectory (the order the cells are visited in, which numbers the cube's
  // quantities in the disclosure model).
  const typeTrajectories = new Int32Array(dims.careTypes.length);
  const typeKey = new Uint32Array(dims.careTypes.length);
  const typesSeen = new Int32Array(dims.careTypes.length);
  const variants: Trajectory[][] = [dataset.trajectories, correctTrajectories(dataset.trajectories, scope.restarts)];
  // Typed arrays rather than a map of care types per pupil-year: this runs for every pupil-year of a
  // national cube, four times (the national input: 44 s as maps, 37 s so).
  DBC.forEach((_, dbc) => {
    const list = variants[dbc];
    const careTypeOf = Int32Array.from(list, (t) => {
      const careType = careTypeIndex.get(t.careType);
      if (careType === undefined) throw new Error(`Zorgvorm "${t.careType}" ontbreekt in de instellingen.`);
      return careType;
    });
    const keyOf = Uint32Array.from(list, (t) => keys.trajectory(t.id));
    DEFINITIONS.forEach((definitionValue, definition) => {
      const variantSettings = {...settings, youthCareDefinition: definitionSetting(definitionValue)};
      // The pupil-years with youth care, numbered in the order of their first trajectory, and every
      // (pupil-year, trajectory) that counts, in trajectory order.
      const entryOf = new Map<Enrolment, number>();
      const entries: Enrolment[] = [];
      let recordEntry = new Int32Array(1 << 16);
      let recordTrajectory = new Int32Array(1 << 16);
      let records = 0;
      list.forEach((t, i) => {
        for (const year of youthCareYears(t, variantSettings)) {
          const e = enrolmentOf.get(t.pupilId)?.get(year);
          if (!e) continue;
          let entry = entryOf.get(e);
          if (entry === undefined) {
            entryOf.set(e, (entry = entries.length));
            entries.push(e);
          }
          if (records === recordEntry.length) {
            recordEntry = grown(recordEntry, records * 2);
            recordTrajectory = grown(recordTrajectory, records * 2);
          }
          recordEntry[records] = entry;
          recordTrajectory[records++] = i;
        }
      });
      // Each pupil-year's records together, still in trajectory order (a stable counting sort).
      const first = new Int32Array(entries.length + 1);
      for (let r = 0; r < records; r++) first[recordEntry[r] + 1]++;
      for (let entry = 0; entry < entries.length; entry++) first[entry + 1] += first[entry];
      const next = first.slice(0, entries.length);
      const byEntry = new Int32Array(records);
      for (let r = 0; r < records; r++) byEntry[next[recordEntry[r]]++] = recordTrajectory[r];

      for (let entry = 0; entry < entries.length; entry++) {
        const e = entries[entry];
        let types = 0;
        for (let r = first[entry]; r < first[entry + 1]; r++) {
          const i = byEntry[r];
          const careType = careTypeOf[i];
          if (typeTrajectories[careType] === 0) typesSeen[types++] = careType;
          typeTrajectories[careType]++;
          typeKey[careType] = (typeKey[careType] + keyOf[i]) >>> 0;
        }
        const year = yearIndex.get(e.year)!;
        const age = 1 + ageGroupIndex(ageInYear(e.birthMonth, e.year));
        const pupilKey = keys.pupil(e.pupilId);
        for (const dyslexia of [0, 1]) {
          let total = 0;
          let totalKey = 0;
          let counted = 0;
          for (let k = 0; k < types; k++) {
            const careType = typesSeen[k];
            if (dyslexia === 1 && careType === dyslexiaIndex) continue;
            counted++;
            total += typeTrajectories[careType];
            totalKey = (totalKey + typeKey[careType]) >>> 0;
          }
          if (counted === 0) continue;
          for (const unit of unitsOfSchool.get(e.schoolId)!) {
            for (const a of [0, age]) {
              const all = grid.index({year, unit, age: a, careType: allIndex, dyslexia, dbc, definition});
              pupils[all]++;
              trajectories[all] += total;
              pupilKeys[all] += pupilKey;
              trajectoryKeys[all] += totalKey;
              visit?.(e.pupilId, all);
              for (let k = 0; k < types; k++) {
                const careType = typesSeen[k];
                if (dyslexia === 1 && careType === dyslexiaIndex) continue;
                const cell = all + (careType - allIndex) * careTypeStride;
                pupils[cell]++;
                trajectories[cell] += typeTrajectories[careType];
                pupilKeys[cell] += pupilKey;
                trajectoryKeys[cell] += typeKey[careType];
                visit?.(e.pupilId, cell);
              }
            }
          }
        }
        for (let k = 0; k < types; k++) {
          typeTrajectories[typesSeen[k]] = 0;
          typeKey[typesSeen[k]] = 0;
        }
      }
    });
  });
  return {grid, enrolled, pupils, trajectories, pupilKeys, trajectoryKeys};
}
