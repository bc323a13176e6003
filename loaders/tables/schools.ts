// Tabel 6: youth-care use per school per year, growth categories, use category, the municipal
// total row and the growth-pattern groups. Also the per-school, per-year counts other tables use.

import {
  DECIMALS,
  growthCategory,
  percentage,
  trajectoriesPerPupil,
  useCategory,
  wholePercentage,
  type GrowthCategory,
  type UseCategory
} from "../definitions.js";
import type {Mode, Sensitive} from "../suppression.js";
import {compareSchools, compositeKey, schoolRef, type SchoolRef} from "./common.js";
import {enrolledCensus, sumCounts} from "./ages.js";
import {pupilYears, type Scope} from "./scope.js";

export interface YearCounts {
  /** Resident pupils enrolled (not sensitive). */
  enrolled: number;
  /** Distinct pupils with youth care that year. */
  pupils: number;
  /** Trajectories started that year (rule 6 numerator). */
  trajectories: number;
}

/** What Tabel 6 needs of the scope besides the counts, so that counts made elsewhere (loaders/native.ts) build the same table. */
export type SchoolsScope = Pick<Scope, "settings" | "years" | "latestYear" | "schools" | "schoolById">;

/** Counts per school and year, keyed by compositeKey(schoolId, year). */
export function schoolYearCounts(scope: Scope): Map<string, YearCounts> {
  // Pupils and trajectories per school (its position in scope.schools) and year in arrays: the
  // attributions carry both, so a million of them need no key and no map.
  const years = scope.years.length;
  const yearIndex = new Map(scope.years.map((year, k) => [year, k]));
  const cell = (school: number, year: number) => school * years + yearIndex.get(year)!;
  const pupils = new Int32Array(scope.schools.length * years);
  for (const a of pupilYears(scope.care, scope.pupils)) pupils[cell(a.school, a.year)]++;
  // Trajectories that count for the year under the chosen definition (started in it, or running in
  // it), so trajectories per pupil compares like with like; Tabel 2 keeps counting starts.
  const trajectories = new Int32Array(pupils.length);
  for (const a of scope.care) trajectories[cell(a.school, a.year)]++;
  const counts = new Map<string, YearCounts>();
  const emitted = new Uint8Array(pupils.length);
  // In the census's order (year, then school as first enrolled): a pupil with youth care is enrolled
  // that year at that school, so the census holds every school-year that has a count.
  for (const [year, schools] of enrolledCensus(scope)) {
    for (const [schoolId, ages] of schools) {
      const at = cell(scope.schoolPosition.get(schoolId)!, year);
      emitted[at] = 1;
      counts.set(compositeKey(schoolId, year), {enrolled: sumCounts(ages), pupils: pupils[at], trajectories: trajectories[at]});
    }
  }
  if (emitted.some((done, at) => !done && (pupils[at] > 0 || trajectories[at] > 0))) {
    throw new Error("schoolYearCounts: youth care at a school in a year without enrolled pupils");
  }
  return counts;
}

export function countsFor(counts: Map<string, YearCounts>, schoolId: string, year: number): YearCounts {
  return counts.get(compositeKey(schoolId, year)) ?? {enrolled: 0, pupils: 0, trajectories: 0};
}

/** Municipal counts per year: the sum over schools (each pupil attends one school per year). */
export function municipalCounts(scope: SchoolsScope, counts: Map<string, YearCounts>): Map<number, YearCounts> {
  return new Map(
    scope.years.map((year) => {
      const total: YearCounts = {enrolled: 0, pupils: 0, trajectories: 0};
      for (const school of scope.schools) {
        const c = countsFor(counts, school.id, year);
        total.enrolled += c.enrolled;
        total.pupils += c.pupils;
        total.trajectories += c.trajectories;
      }
      return [year, total];
    })
  );
}

export interface SchoolYear<M extends Mode = "raw"> {
  year: number;
  enrolled: number;
  pupils: Sensitive<M, number>;
  /** Whole percent; null in a year without enrolment. */
  pct: Sensitive<M, number | null>;
}

export interface GrowthStep<M extends Mode = "raw"> {
  from: number;
  to: number;
  category: Sensitive<M, GrowthCategory | null>;
}

export interface SchoolRow<M extends Mode = "raw"> extends SchoolRef {
  enrolledLatestYear: number;
  years: SchoolYear<M>[];
  growth: GrowthStep<M>[];
  /** The growth categories joined by "/", e.g. "+/-"; null when a year has no enrolment. */
  growthPattern: Sensitive<M, string | null>;
  useCategory: Sensitive<M, UseCategory | null>;
}

export interface MunicipalYear<M extends Mode = "raw"> {
  year: number;
  enrolled: number;
  pupils: Sensitive<M, number>;
  /** 2 decimals (8.55). */
  pct: Sensitive<M, number | null>;
  trajectories: Sensitive<M, number>;
  /** Rule 6, 2 decimals (1.27). */
  trajectoriesPerPupil: Sensitive<M, number | null>;
}

export interface GrowthPatternGroup<M extends Mode = "raw"> {
  pattern: Sensitive<M, string | null>;
  schools: SchoolRef[];
}

export interface SchoolTables<M extends Mode = "raw"> {
  /** Schools with pupils in the latest year, by latest whole percentage, then name. */
  tabel6: SchoolRow<M>[];
  total: {enrolledLatestYear: number; years: MunicipalYear<M>[]};
  growthPatterns: GrowthPatternGroup<M>[];
}

/** Growth steps between consecutive study years on whole percentages (rule 3). */
function growthSteps(scope: SchoolsScope, years: SchoolYear[]): GrowthStep[] {
  return years.slice(1).map((to, i) => {
    const from = years[i];
    const category = from.pct === null || to.pct === null ? null : growthCategory(from.pct, to.pct, scope.settings);
    return {from: from.year, to: to.year, category};
  });
}

export function schoolRow(scope: SchoolsScope, counts: Map<string, YearCounts>, schoolId: string): SchoolRow {
  const school = scope.schoolById.get(schoolId);
  if (!school) throw new Error(`Onbekende school "${schoolId}".`);
  const years = scope.years.map((year) => {
    const c = countsFor(counts, schoolId, year);
    return {year, enrolled: c.enrolled, pupils: c.pupils, pct: wholePercentage(c.pupils, c.enrolled)};
  });
  const growth = growthSteps(scope, years);
  const latest = years[years.length - 1];
  return {
    ...schoolRef(school),
    enrolledLatestYear: latest.enrolled,
    years,
    growth,
    growthPattern: growth.some((g) => g.category === null) ? null : growth.map((g) => g.category).join("/"),
    useCategory: latest.pct === null ? null : useCategory(latest.pct, scope.settings)
  };
}

/**
 * Groups schools by growth pattern, largest group first, then by pattern text. Written for both
 * forms of the table so the published groups are formed from the published patterns.
 */
export function growthPatternGroups<M extends Mode>(rows: SchoolRow<M>[]): GrowthPatternGroup<M>[] {
  const groups = new Map<string, GrowthPatternGroup<M>>();
  for (const row of rows) {
    const key = JSON.stringify(row.growthPattern);
    const group = groups.get(key) ?? {pattern: row.growthPattern, schools: []};
    group.schools.push({schoolId: row.schoolId, name: row.name});
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.schools.length - a.schools.length || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, group]) => ({...group, schools: group.schools.sort(compareSchools)}));
}

export function municipalYears(scope: SchoolsScope, counts: Map<string, YearCounts>): MunicipalYear[] {
  const totals = municipalCounts(scope, counts);
  return scope.years.map((year) => {
    const t = totals.get(year) as YearCounts;
    return {
      year,
      enrolled: t.enrolled,
      pupils: t.pupils,
      pct: percentage(t.pupils, t.enrolled, DECIMALS.municipalPercentage),
      trajectories: t.trajectories,
      trajectoriesPerPupil: trajectoriesPerPupil(t.trajectories, t.pupils)
    };
  });
}

/** Orders Tabel 6: latest whole percentage ascending (missing last), then name. */
export function compareByLatestPct(a: SchoolRow, b: SchoolRow): number {
  const pa = a.years[a.years.length - 1].pct;
  const pb = b.years[b.years.length - 1].pct;
  return (pa ?? Infinity) - (pb ?? Infinity) || compareSchools(a, b);
}

export function schoolTables(scope: SchoolsScope, counts: Map<string, YearCounts>): SchoolTables {
  const tabel6 = scope.schools
    .filter((s) => countsFor(counts, s.id, scope.latestYear).enrolled > 0)
    .map((s) => schoolRow(scope, counts, s.id))
    .sort(compareByLatestPct);
  const years = municipalYears(scope, counts);
  return {
    tabel6,
    total: {enrolledLatestYear: years[years.length - 1].enrolled, years},
    growthPatterns: growthPatternGroups(tabel6)
  };
}
