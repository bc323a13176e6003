// Issue 12: which differences between schools are more than chance. Per study year: over-dispersion of
// the schools' shares (φ, its χ² test, τ²), each school against the binomial and the over-dispersed
// funnel, its age-standardised observed/expected; per pair of consecutive years whether its change is
// beyond noise; per school a pooled rate over all study years. Raw (internal) form only; every value
// derives from counts of pupils with youth care and is published through the suppression rule.

import {fisherFreemanHalton} from "../statistics.js";
import {funnelLimits} from "../../src/lib/funnel.js";
import {
  clopperPearson,
  holm,
  indirectlyStandardised,
  overdispersion,
  randomEffectsLimits,
  type Overdispersion,
  type StandardisedRatio,
  type Stratum
} from "../variation.js";
import {ageInYear, enrolledCensus} from "./ages.js";
import {compareSchools, compositeKey, schoolRef, type SchoolRef} from "./common.js";
import {pupilYears, type Scope} from "./scope.js";
import {countsFor, type YearCounts} from "./schools.js";

/** The funnel's two limits, as in the report (src/lib/funnel.ts). */
export const COVERAGES = [0.95, 0.998] as const;

export type Position = "binnen" | "boven" | "onder";

export interface SchoolVariation extends SchoolRef {
  enrolled: number;
  pupils: number;
  /** Position against the exact binomial limits at 95 % and 99,8 %. */
  binomial: [Position, Position];
  /** Position against the random-effects (over-dispersed) limits at 95 % and 99,8 %. */
  overdispersed: [Position, Position];
  /** Age-standardised: pupils expected at the municipality's rate per age, O/E and its 95 % interval. */
  standardised: StandardisedRatio;
  /** Position of O/E against 1: "boven" when the whole interval lies above 1. */
  standardisedPosition: Position;
}

export interface YearVariation {
  year: number;
  overdispersion: Overdispersion;
  schools: SchoolVariation[];
}

export interface YearChange extends SchoolRef {
  from: number;
  to: number;
  /** Exact two-sided p-value (Fisher) of the two years' shares. */
  pValue: number;
  /** Holm over all schools of this pair of years. */
  holmP: number;
}

export interface PooledRate extends SchoolRef {
  /** Pupil-years with youth care over pupil-years enrolled, across all study years. */
  pupils: number;
  enrolled: number;
  rate: number;
  /** Clopper–Pearson 95 %; pupils who stay several years count once per year, so it is a little narrow. */
  lower: number;
  upper: number;
}

export interface VariationTables {
  years: YearVariation[];
  changes: YearChange[];
  pooled: PooledRate[];
}

function position(rate: number, limits: {lower: number; upper: number}): Position {
  return rate > limits.upper ? "boven" : rate < limits.lower ? "onder" : "binnen";
}

/** A school's place in both funnels around `od` (binomial, then over-dispersed), at each coverage. */
export function funnelPositions(r: number, n: number, od: Pick<Overdispersion, "p0" | "tau2">): Pick<SchoolVariation, "binomial" | "overdispersed"> {
  const rate = r / n;
  return {
    binomial: COVERAGES.map((q) => position(rate, funnelLimits(n, od.p0, q))) as [Position, Position],
    overdispersed: COVERAGES.map((q) => position(rate, randomEffectsLimits(n, od.p0, od.tau2, q))) as [Position, Position]
  };
}

/** Whether an interval of O/E lies wholly above or below 1. */
export function ratioPosition({lower, upper}: {lower: number; upper: number}): Position {
  return lower > 1 ? "boven" : upper < 1 ? "onder" : "binnen";
}

/** Pupil-years with youth care over pupil-years enrolled, with its Clopper–Pearson 95 % interval. */
export function pooledRate(years: readonly {pupils: number; enrolled: number}[]): {pupils: number; enrolled: number; rate: number; lower: number; upper: number} | null {
  const enrolled = years.reduce((s, c) => s + c.enrolled, 0);
  const pupils = years.reduce((s, c) => s + c.pupils, 0);
  if (enrolled === 0) return null;
  const {lower, upper} = clopperPearson({r: pupils, n: enrolled});
  return {pupils, enrolled, rate: pupils / enrolled, lower, upper};
}

/** Enrolled pupils and pupils with youth care per school and year (compositeKey), by age on 1 July (rule 19). */
function strataBySchoolYear(scope: Scope): Map<string, Stratum[]> {
  // Year → school → age: the pair key is built per school-year, not per enrolment of millions. Ages
  // keep the order they first appear in, so the standardisation sums in the same order.
  const byYear = new Map<number, Map<string, Map<number, {n: number; r: number}>>>();
  const stratum = (schoolId: string, year: number, age: number) => {
    let schools = byYear.get(year);
    if (!schools) byYear.set(year, (schools = new Map()));
    let ages = schools.get(schoolId);
    if (!ages) schools.set(schoolId, (ages = new Map()));
    let s = ages.get(age);
    if (!s) ages.set(age, (s = {n: 0, r: 0}));
    return s;
  };
  for (const [year, schools] of enrolledCensus(scope)) {
    for (const [schoolId, ages] of schools) for (const [age, n] of ages) stratum(schoolId, year, age).n = n;
  }
  for (const a of pupilYears(scope.care, scope.pupils)) stratum(a.enrolment.schoolId, a.year, ageInYear(a.enrolment.birthMonth, a.year)).r++;
  const strata = new Map<string, Stratum[]>();
  for (const [year, schools] of byYear) {
    for (const [schoolId, ages] of schools) strata.set(compositeKey(schoolId, year), [...ages].map(([age, s]) => ({key: age, n: s.n, r: s.r})));
  }
  return strata;
}

function sumStrata(lists: Stratum[][]): Stratum[] {
  const total = new Map<number | string, Stratum>();
  for (const list of lists) {
    for (const s of list) {
      const t = total.get(s.key) ?? {key: s.key, n: 0, r: 0};
      total.set(s.key, {key: s.key, n: t.n + s.n, r: t.r + s.r});
    }
  }
  return [...total.values()];
}

export function variationTables(scope: Scope, counts: Map<string, YearCounts>): VariationTables {
  const schools = [...scope.schools].sort((a, b) => compareSchools(schoolRef(a), schoolRef(b)));
  const strata = strataBySchoolYear(scope);
  const years: YearVariation[] = [];
  for (const year of scope.years) {
    const present = schools
      .map((school) => ({school, c: countsFor(counts, school.id, year)}))
      .filter(({c}) => c.enrolled > 0);
    if (present.length < 2 || present.every(({c}) => c.pupils === 0)) continue;
    const od = overdispersion(present.map(({c}) => ({r: c.pupils, n: c.enrolled})));
    const reference = sumStrata(present.map(({school}) => strata.get(compositeKey(school.id, year)) ?? []));
    years.push({
      year,
      overdispersion: od,
      schools: present.map(({school, c}) => {
        const standardised = indirectlyStandardised(strata.get(compositeKey(school.id, year)) ?? [], reference);
        return {
          ...schoolRef(school),
          enrolled: c.enrolled,
          pupils: c.pupils,
          ...funnelPositions(c.pupils, c.enrolled, od),
          standardised,
          standardisedPosition: ratioPosition(standardised)
        };
      })
    });
  }

  const changes: YearChange[] = [];
  for (let i = 1; i < scope.years.length; i++) {
    const [from, to] = [scope.years[i - 1], scope.years[i]];
    const pairs = schools
      .map((school) => ({school, a: countsFor(counts, school.id, from), b: countsFor(counts, school.id, to)}))
      .filter(({a, b}) => a.enrolled > 0 && b.enrolled > 0);
    const pValues = pairs.map(({a, b}) => fisherFreemanHalton([[a.pupils, a.enrolled - a.pupils], [b.pupils, b.enrolled - b.pupils]])?.pValue ?? 1);
    const adjusted = holm(pValues);
    pairs.forEach(({school}, k) => changes.push({...schoolRef(school), from, to, pValue: pValues[k], holmP: adjusted[k]}));
  }

  const pooled = schools.flatMap((school) => {
    const rate = pooledRate(scope.years.map((year) => countsFor(counts, school.id, year)));
    return rate ? [{...schoolRef(school), ...rate}] : [];
  });

  return {years, changes, pooled};
}
