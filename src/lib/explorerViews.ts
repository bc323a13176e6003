// What each of the explorer's figures shows for a filter state, as plain rows: cells looked up in
// the cube, shaped for the report's own components where one fits (FunnelPlot, CareTypeChart).

import type {SchoolTables} from "../components/schoolTables.js";
import type {Cube, CubeCell, Published} from "./cube.js";
import {comparedUnits, referenceUnits, type ExplorerState} from "./explorerState.js";
import {isSuppressedValue, type SuppressedValue} from "./format.js";
import {binomialTest, chiSquareSurvival, holm, poissonTest, spreadEstimate, type Overdispersion} from "./funnel.js";

/** Compared units first, then their reference(s), each for every chosen year. */
export function trendCells(cube: Cube, state: ExplorerState): ShownCell[] {
  const units = [...comparedUnits(state, cube), ...referenceUnits(state, cube)];
  return units.flatMap((unit) => state.years.map((year) => shownCell(cube, cube.cell(year, unit, state), state)));
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
 * report's Tabel 6, so the report's funnel plot draws it around the reference unit's share. Under
 * "percentages=leeftijd" each unit is drawn at its age-standardised percentage, as if pct/100 ×
 * enrolled of its pupils had youth care (not a whole number); one without an estimate is not drawn.
 */
export function funnelTables(cube: Cube, state: ExplorerState): SchoolTables {
  const year = focusYear(state);
  // A unit without an age-standardised estimate is left out the way the report leaves out a hidden one.
  const notShown: SuppressedValue = {suppressed: true, minCount: cube.meta.minCount};
  const schoolYear = (unit: string) => {
    const c = shownCell(cube, cube.cell(year, unit, state), state);
    const pupils = state.rates === "ruw" ? c.pupils : c.standardised ? (c.standardised.pct / 100) * c.enrolled : notShown;
    return {year, enrolled: c.enrolled, pupils, pct: c.pct};
  };
  const reference = schoolYear(state.board ?? cube.municipality.code);
  return {
    tabel6: cube.unitsAt("school", state.board).map((unit) => {
      const shown = schoolYear(unit.code);
      return {schoolId: unit.code, name: unit.name, enrolledLatestYear: shown.enrolled, years: [shown], growth: [], growthPattern: null, useCategory: null};
    }),
    total: {enrolledLatestYear: reference.enrolled, years: [reference]},
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

/**
 * A unit's youth care against its age mix (indirect standardisation): `expected` is what the unit
 * would have if each of its age groups had the municipality's rate of that group (same year, care
 * type, dyslexia, DBC and definition); `ratio` is observed / expected and `pct` the age-standardised
 * percentage, ratio × the municipality's crude percentage. With one age group chosen there is one
 * stratum, and `pct` equals the crude percentage. All from cube cells: the observed count and the
 * municipal counts per age are perturbed, the enrolment is exact. Null where a count is hidden or
 * nothing is expected.
 */
export interface Standardised {
  observed: number;
  expected: number;
  ratio: number;
  pct: number;
}

export function standardised(cube: Cube, year: number, unitCode: string, state: ExplorerState): Standardised | null {
  const municipality = cube.municipality.code;
  const ages = state.age === "alle" ? cube.meta.ages.filter((a) => a.key !== "alle").map((a) => a.key) : [state.age];
  let expected = 0;
  for (const age of ages) {
    const reference = cube.cell(year, municipality, {...state, age});
    if (isSuppressedValue(reference.pupils)) return null;
    if (reference.enrolled > 0) expected += (cube.cell(year, unitCode, {...state, age}).enrolled * reference.pupils) / reference.enrolled;
  }
  const observed = cube.cell(year, unitCode, state).pupils;
  const crude = cube.cell(year, municipality, state).pct;
  if (isSuppressedValue(observed) || typeof crude !== "number" || !(expected > 0)) return null;
  const ratio = observed / expected;
  return {observed, expected, ratio, pct: ratio * crude};
}

/** A cube cell with, under "percentages=leeftijd", its age-standardised percentage in place of the crude one. */
export interface ShownCell extends CubeCell {
  /** The percentage as counted (`pct` is the one drawn). */
  crude: CubeCell["pct"];
  standardised: Standardised | null;
}

export function shownCell(cube: Cube, cell: CubeCell, state: ExplorerState): ShownCell {
  if (state.rates === "ruw") return {...cell, crude: cell.pct, standardised: null};
  const s = standardised(cube, cell.year, cell.unit.code, state);
  return {...cell, pct: s ? s.pct : null, crude: cell.pct, standardised: s};
}

/**
 * φ of a set of schools around a reference share p0 (the funnel's centre), with Pearson's χ² test
 * of "no more variation than binomial chance". The counts may be age-standardised (not whole).
 */
export function spreadTest(units: readonly {r: number; n: number}[], p0: number): Overdispersion | null {
  if (units.length < 2 || !(p0 > 0 && p0 < 1)) return null;
  const {chiSquare, phi, tau2} = spreadEstimate(units, p0);
  const degreesOfFreedom = units.length - 1;
  return {p0, units: units.length, chiSquare, degreesOfFreedom, pValue: chiSquareSurvival(chiSquare, degreesOfFreedom), phi, tau2};
}

/** A school's exact two-sided test in the funnel, and Holm's adjustment over the funnel's schools. */
export interface SchoolTest {
  pValue: number;
  holmP: number;
}

/**
 * Per drawn school of the funnel: its count against the funnel's centre p0 (binomial), or under
 * "percentages=leeftijd" its observed count against the expected one (Poisson, O/E against 1); with
 * Holm over all of them, as the report adjusts its own families of tests.
 */
export function schoolTests(cube: Cube, state: ExplorerState, points: readonly {schoolId: string; pupils: number; enrolled: number}[], p0: number | null): Map<string, SchoolTest> {
  const year = focusYear(state);
  const tested: {schoolId: string; pValue: number}[] = [];
  // Thousands of schools (a national cube) share far fewer (count, size) pairs; each test sums the distribution.
  const binomial = new Map<string, number>();
  const binomialOf = (k: number, n: number, p: number) => {
    const key = `${k}|${n}`;
    if (!binomial.has(key)) binomial.set(key, binomialTest(k, n, p));
    return binomial.get(key)!;
  };
  for (const d of points) {
    if (state.rates === "ruw") {
      if (p0 !== null) tested.push({schoolId: d.schoolId, pValue: binomialOf(d.pupils, d.enrolled, p0)});
      continue;
    }
    const s = standardised(cube, year, d.schoolId, state);
    if (s) tested.push({schoolId: d.schoolId, pValue: poissonTest(s.observed, s.expected)});
  }
  const adjusted = holm(tested.map((t) => t.pValue));
  return new Map(tested.map((t, i) => [t.schoolId, {pValue: t.pValue, holmP: adjusted[i]}]));
}
