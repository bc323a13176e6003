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

  const enrolmentOf = new Map<string, Map<number, Enrolment>>();
  const enrolled = new Int32Array(grid.enrolledSize);
  for (const [year, list] of scope.enrolmentsByYear) {
    for (const e of list) {
      let years = enrolmentOf.get(e.pupilId);
      if (!years) enrolmentOf.set(e.pupilId, (years = new Map()));
      years.set(year, e);
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
  const variants: Trajectory[][] = [dataset.trajectories, correctTrajectories(dataset.trajectories, scope.restarts)];
  DBC.forEach((_, dbc) => {
    DEFINITIONS.forEach((definitionValue, definition) => {
      const variantSettings = {...settings, youthCareDefinition: definitionSetting(definitionValue)};
      // Per pupil and year, per care type index: the trajectories and the sum of their keys.
      const perPupilYear = new Map<Enrolment, Map<number, {n: number; key: number}>>();
      for (const t of variants[dbc]) {
        const careType = careTypeIndex.get(t.careType);
        if (careType === undefined) throw new Error(`Zorgvorm "${t.careType}" ontbreekt in de instellingen.`);
        for (const year of youthCareYears(t, variantSettings)) {
          const e = enrolmentOf.get(t.pupilId)?.get(year);
          if (!e) continue;
          let types = perPupilYear.get(e);
          if (!types) perPupilYear.set(e, (types = new Map()));
          const sum = types.get(careType);
          const key = keys.trajectory(t.id);
          if (sum) {
            sum.n++;
            sum.key = (sum.key + key) >>> 0;
          } else types.set(careType, {n: 1, key});
        }
      }
      for (const [e, types] of perPupilYear) {
        const year = yearIndex.get(e.year)!;
        const age = 1 + ageGroupIndex(ageInYear(e.birthMonth, e.year));
        const pupilKey = keys.pupil(e.pupilId);
        for (const dyslexia of [0, 1]) {
          const counted = [...types].filter(([careType]) => dyslexia === 0 || careType !== dyslexiaIndex);
          if (counted.length === 0) continue;
          const total = counted.reduce((sum, [, {n}]) => sum + n, 0);
          const totalKey = counted.reduce((sum, [, {key}]) => (sum + key) >>> 0, 0);
          for (const unit of unitsOfSchool.get(e.schoolId)!) {
            for (const a of [0, age]) {
              // Index arithmetic: this runs for every pupil-year of a national cube.
              const all = grid.index({year, unit, age: a, careType: allIndex, dyslexia, dbc, definition});
              pupils[all]++;
              trajectories[all] += total;
              pupilKeys[all] += pupilKey;
              trajectoryKeys[all] += totalKey;
              visit?.(e.pupilId, all);
              for (const [careType, {n, key}] of counted) {
                const cell = all + (careType - allIndex) * careTypeStride;
                pupils[cell]++;
                trajectories[cell] += n;
                pupilKeys[cell] += pupilKey;
                trajectoryKeys[cell] += key;
                visit?.(e.pupilId, cell);
              }
            }
          }
        }
      }
    });
  });
  return {grid, enrolled, pupils, trajectories, pupilKeys, trajectoryKeys};
}
