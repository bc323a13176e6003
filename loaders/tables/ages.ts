// Grafiek 1 and 2: pupils with youth care by age, with and without dyslexia care, and per care type.
// Always on started trajectories: the age is taken at the pupil's first start in the year. Next to
// them the enrolled pupils per age, so a page can show youth care per 100 pupils of an age.

import {ageInYears, groupBy} from "../definitions.js";
import type {Enrolment} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import {careTypeLabel, compareCareTypes, increment, pupilPass} from "./common.js";
import type {Attribution, Scope} from "./scope.js";

export interface AgeCount<M extends Mode = "raw"> {
  age: number;
  pupils: Sensitive<M, number>;
}

export interface CareTypeAges<M extends Mode = "raw"> {
  careType: string;
  label: string;
  ages: AgeCount<M>[];
}

export interface AgeYear<M extends Mode = "raw"> {
  year: number;
  /** Grafiek 1: all started trajectories. */
  withDyslexia: AgeCount<M>[];
  /** Grafiek 2: pupils with at least one non-dyslexia start, aged at their first such start. */
  withoutDyslexia: AgeCount<M>[];
  perCareType: CareTypeAges<M>[];
  /**
   * Enrolled pupils per age of the axis, aged on 1 July of the year (enrolment counts are not
   * sensitive). Only where the caller passes the enrolments: the municipal tables, not the factsheets.
   */
  enrolled?: EnrolledAtAge[];
}

export interface EnrolledAtAge {
  age: number;
  pupils: number;
}

export interface AgeTables<M extends Mode = "raw"> {
  /** Every age from the youngest to the oldest seen, so the years share one axis. */
  ages: number[];
  years: AgeYear<M>[];
}

/** The age of each pupil at their first start among these attributions (one year's worth);
 *  `pupils` is the scope's count of pupil codes. */
function agesAtFirstStart(attributions: Attribution[], pupils: number, ageAt: AgeAt): number[] {
  const {isNew, slot} = pupilPass(pupils);
  const first: Attribution[] = [];
  for (const a of attributions) {
    if (isNew(a.pupil)) {
      slot[a.pupil] = first.length;
      first.push(a);
    } else if (a.trajectory.start < first[slot[a.pupil]].trajectory.start) first[slot[a.pupil]] = a;
  }
  return first.map((a) => ageAt(a.enrolment.birthMonth, a.trajectory.start));
}

type AgeAt = (birthMonth: Enrolment["birthMonth"], date: string) => number;

/** ageInYears remembered per birth month and date: the age tables ask it for about a million
 *  first starts, over a few hundred birth months and a thousand days. */
function rememberedAges(): AgeAt {
  const ages = new Map<string, Map<string, number>>();
  return (birthMonth, date) => {
    let byDate = ages.get(birthMonth);
    if (!byDate) ages.set(birthMonth, (byDate = new Map()));
    let age = byDate.get(date);
    if (age === undefined) byDate.set(date, (age = ageInYears(birthMonth, date)));
    return age;
  };
}

function histogram(ages: number[], axis: number[]): AgeCount[] {
  const counts = new Map<number, number>();
  for (const age of ages) increment(counts, age);
  return axis.map((age) => ({age, pupils: counts.get(age) ?? 0}));
}

function ageAxis(ageLists: number[][]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const ages of ageLists) {
    for (const age of ages) {
      if (age < min) min = age;
      if (age > max) max = age;
    }
  }
  return min > max ? [] : Array.from({length: max - min + 1}, (_, i) => min + i);
}

/**
 * The age that stands for a whole year of enrolment: the age on 1 July, the middle of the calendar
 * year, so a pupil is counted once per year whatever the teldatum.
 */
export function ageInYear(birthMonth: Enrolment["birthMonth"], year: number): number {
  // Asked for every enrolment and attribution of a million rows, over a few hundred birth months.
  let byMonth = agesOnFirstJuly.get(year);
  if (!byMonth) agesOnFirstJuly.set(year, (byMonth = new Map()));
  let age = byMonth.get(birthMonth);
  if (age === undefined) byMonth.set(birthMonth, (age = ageInYears(birthMonth, `${year}-07-01`)));
  return age;
}

const agesOnFirstJuly = new Map<number, Map<string, number>>();

/** Resident pupils enrolled by year, school and age on 1 July (ageInYear): year → school → age → pupils,
 *  each level in the order it first appears in `enrolmentsByYear`. */
export type EnrolledCensus = Map<number, Map<string, Map<number, number>>>;

/**
 * The enrolled pupils by year, school and age, counted in one walk over the scope's enrolments (3,5 M
 * nationally) for every table that needs them: Tabel 6's enrolled pupils, the strata of the variation,
 * the enrolled per age of Grafiek 1 and 2 and the size factor's sensitivity each walked them before.
 */
export function enrolledCensus(scope: Pick<Scope, "enrolmentsByYear">): EnrolledCensus {
  const known = censuses.get(scope.enrolmentsByYear);
  if (known) return known;
  const census: EnrolledCensus = new Map();
  for (const [year, list] of scope.enrolmentsByYear) {
    const schools = new Map<string, Map<number, number>>();
    census.set(year, schools);
    for (const e of list) {
      let ages = schools.get(e.schoolId);
      if (!ages) schools.set(e.schoolId, (ages = new Map()));
      increment(ages, ageInYear(e.birthMonth, year));
    }
  }
  censuses.set(scope.enrolmentsByYear, census);
  return census;
}

const censuses = new WeakMap<Scope["enrolmentsByYear"], EnrolledCensus>();

/** The census's pupils of one school-year (or any map of counts) summed. */
export function sumCounts(counts: Map<unknown, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}

function enrolledAtAges(schools: Map<string, Map<number, number>>, axis: number[]): EnrolledAtAge[] {
  const counts = new Map<number, number>();
  for (const ages of schools.values()) for (const [age, n] of ages) increment(counts, age, n);
  return axis.map((age) => ({age, pupils: counts.get(age) ?? 0}));
}

/**
 * Pupils by age per care type for the given years (started attributions of one school or all).
 * With `enrolled` (the scope's enrolledCensus) each year also gets its enrolled pupils
 * per age on the same axis.
 */
export function careTypeAgeYears(
  scope: Scope,
  started: Attribution[],
  years: number[],
  allCareTypes: boolean,
  enrolled?: EnrolledCensus
): AgeTables {
  const {settings} = scope;
  const dyslexia = settings.dyslexiaCareType;
  const byYear = groupBy(started, (a) => a.year);
  const occurring = new Set(started.map((a) => a.trajectory.careType));
  const careTypes = [...(allCareTypes ? new Set([...settings.careTypes.map((c) => c.key), ...occurring]) : occurring)].sort(
    compareCareTypes(settings)
  );
  const ageAt = rememberedAges();
  const perYear = years.map((year) => {
    const list = byYear.get(year) ?? [];
    const byType = groupBy(list, (a) => a.trajectory.careType);
    return {
      year,
      withDyslexia: agesAtFirstStart(list, scope.pupils, ageAt),
      withoutDyslexia: agesAtFirstStart(list.filter((a) => a.trajectory.careType !== dyslexia), scope.pupils, ageAt),
      perCareType: new Map(careTypes.map((c) => [c, agesAtFirstStart(byType.get(c) ?? [], scope.pupils, ageAt)]))
    };
  });
  const axis = ageAxis(perYear.flatMap((y) => [y.withDyslexia, y.withoutDyslexia, ...y.perCareType.values()]));
  return {
    ages: axis,
    years: perYear.map((y) => ({
      year: y.year,
      withDyslexia: histogram(y.withDyslexia, axis),
      withoutDyslexia: histogram(y.withoutDyslexia, axis),
      perCareType: careTypes.map((careType) => ({
        careType,
        label: careTypeLabel(settings, careType),
        ages: histogram(y.perCareType.get(careType) as number[], axis)
      })),
      ...(enrolled ? {enrolled: enrolledAtAges(enrolled.get(y.year) ?? new Map(), axis)} : {})
    }))
  };
}

export function ageTables(scope: Scope): AgeTables {
  return careTypeAgeYears(scope, scope.started, scope.years, true, enrolledCensus(scope));
}
