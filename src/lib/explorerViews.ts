// What each of the explorer's figures shows for a filter state, as plain rows: cells looked up in
// the cube, shaped for the report's own components where one fits (FunnelPlot, CareTypeChart).

import type {SchoolTables} from "../components/schoolTables.js";
import type {Cube, CubeCell, Published} from "./cube.js";
import {comparedUnits, referenceUnits, type ExplorerState} from "./explorerState.js";
import {isSuppressedValue, type SuppressedValue} from "./format.js";

/** Compared units first, then their reference(s), each for every chosen year. */
export function trendCells(cube: Cube, state: ExplorerState): CubeCell[] {
  const units = [...comparedUnits(state, cube), ...referenceUnits(state, cube)];
  return units.flatMap((unit) => state.years.map((year) => cube.cell(year, unit, state)));
}

/** The latest chosen year: the funnel, care-type and age figures show one year. */
export function focusYear(state: ExplorerState): number {
  return state.years[state.years.length - 1];
}

/** The unit the care-type and age figures describe: the first compared one. */
export function focusUnit(cube: Cube, state: ExplorerState): string {
  return comparedUnits(state, cube)[0];
}

/**
 * Every school of the municipality (or of the chosen board) in the focus year, in the shape of the
 * report's Tabel 6, so the report's funnel plot draws it around the reference unit's share.
 */
export function funnelTables(cube: Cube, state: ExplorerState): SchoolTables {
  const year = focusYear(state);
  const reference = cube.cell(year, state.board ?? cube.municipality.code, state);
  const schoolYear = (c: CubeCell) => ({year, enrolled: c.enrolled, pupils: c.pupils, pct: c.pct});
  return {
    tabel6: cube.unitsAt("school", state.board).map((unit) => {
      const c = cube.cell(year, unit.code, state);
      return {schoolId: unit.code, name: unit.name, enrolledLatestYear: c.enrolled, years: [schoolYear(c)], growth: [], growthPattern: null, useCategory: null};
    }),
    total: {enrolledLatestYear: reference.enrolled, years: [schoolYear(reference)]},
    growthPatterns: []
  };
}

export interface CareTypeYears {
  careType: string;
  label: string;
  perYear: {year: number; pupils: Published}[];
}

/** Pupils per care type in the focus unit, every chosen year; the care-type filter itself is not applied. */
export function careTypeYears(cube: Cube, state: ExplorerState): CareTypeYears[] {
  const unit = focusUnit(cube, state);
  return cube.meta.careTypes
    .filter((c) => c.key !== "alle" && !(state.dyslexia === "zonder" && c.key === cube.meta.dyslexiaCareType))
    .map((c) => ({
      careType: c.key,
      label: c.label,
      perYear: state.years.map((year) => ({year, pupils: cube.cell(year, unit, {...state, careType: c.key}).pupils}))
    }));
}

export interface AgeRow {
  age: string;
  label: string;
  year: number;
  enrolled: number;
  pupils: Published;
  /** Pupils with youth care per 100 pupils of the group. */
  per100: number | SuppressedValue | null;
}

/** Youth care per 100 pupils of each age group in the focus unit, every chosen year; the age filter itself is not applied. */
export function ageRows(cube: Cube, state: ExplorerState): AgeRow[] {
  const unit = focusUnit(cube, state);
  return cube.meta.ages
    .filter((a) => a.key !== "alle")
    .flatMap((a) =>
      state.years.map((year) => {
        const c = cube.cell(year, unit, {...state, age: a.key});
        return {age: a.key, label: a.label, year, enrolled: c.enrolled, pupils: c.pupils, per100: c.pct};
      })
    );
}

/** Trajectories per pupil of a cell; hidden when either count is. */
export function trajectoriesPerPupil(c: CubeCell): number | SuppressedValue | null {
  if (isSuppressedValue(c.pupils)) return c.pupils;
  if (isSuppressedValue(c.trajectories)) return c.trajectories;
  return c.pupils === 0 ? null : c.trajectories / c.pupils;
}
