// Grafiek 1 and 2: pupils with youth care by age, with and without dyslexia care, and per care type.
// Always on started trajectories: the age is taken at the pupil's first start in the year. Next to
// them the enrolled pupils per age, so a page can show youth care per 100 pupils of an age.

import {dateNumber} from "../dates.js";
import {ageInYears, groupBy} from "../definitions.js";
import type {Enrolment} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import {careTypeLabel, increment, pupilPass} from "./common.js";
import {listedCareTypes} from "./careTypes.js";
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

/**
 * The age of each pupil at their first start among a year's started attributions at `positions`, as
 * a histogram (age → pupils); `pupils` is the scope's count of pupil codes. The attributions' pupils,
 * starts and ages come read once per year (YearStarts): several subsets of a year ask.
 */
function agesAtFirstStart(year: YearStarts, positions: ArrayLike<number>, pupils: number): Map<number, number> {
  const {isNew, slot} = pupilPass(pupils);
  const first: number[] = [];
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k];
    const pupil = year.pupil[i];
    if (isNew(pupil)) {
      slot[pupil] = first.length;
      first.push(i);
    } else if (year.start[i] < year.start[first[slot[pupil]]]) first[slot[pupil]] = i;
  }
  const counts = new Map<number, number>();
  for (const i of first) increment(counts, year.age[i]);
  return counts;
}

/** One year's started attributions with each one's pupil code, care type (index) and age at its start, read once. */
interface YearStarts {
  pupil: Int32Array;
  /** The trajectory's start as YYYYMMDD (dateNumber). */
  start: Int32Array;
  careType: Int32Array;
  age: Int32Array;
}

/** `careTypeIndex`: by a care type's position in Scope.careTypes, its index among the table's care types. */
function yearStarts(list: Attribution[], careTypeIndex: Int32Array, ageAt: AgeAt): YearStarts {
  const pupil = new Int32Array(list.length);
  const start = new Int32Array(list.length);
  const careType = new Int32Array(list.length);
  const age = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    pupil[i] = a.pupil;
    start[i] = dateNumber(a.trajectory.start);
    careType[i] = careTypeIndex[a.careType];
    age[i] = ageAt(a.enrolment.birthMonth, a.trajectory.start);
  }
  return {pupil, start, careType, age};
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

function histogram(counts: Map<number, number>, axis: number[]): AgeCount[] {
  return axis.map((age) => ({age, pupils: counts.get(age) ?? 0}));
}

function ageAxis(histograms: Map<number, number>[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const counts of histograms) {
    for (const age of counts.keys()) {
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
  return agesInYear(year)(birthMonth);
}

/** ageInYear for one year, for a walk over that year's rows: the year's remembered ages found once. */
function agesInYear(year: number): (birthMonth: Enrolment["birthMonth"]) => number {
  // Asked for every enrolment and attribution of a million rows, over a few hundred birth months.
  let byMonth = agesOnFirstJuly.get(year);
  if (!byMonth) agesOnFirstJuly.set(year, (byMonth = new Map()));
  const ages = byMonth;
  return (birthMonth) => {
    let age = ages.get(birthMonth);
    if (age === undefined) ages.set(birthMonth, (age = ageInYears(birthMonth, `${year}-07-01`)));
    return age;
  };
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
  for (const [year, list] of scope.enrolmentsByYear) census.set(year, yearCensus(list, year));
  censuses.set(scope.enrolmentsByYear, census);
  return census;
}

/**
 * One year's enrolled pupils by school and age: the schools, and each school's ages, in the order
 * they are first met (the variation's strata are summed in that order). Counted in an array by
 * (school, age) rather than in a map per school, so that an enrolment costs two lookups (its school,
 * its birth month) instead of five.
 */
function yearCensus(list: Enrolment[], year: number): Map<string, Map<number, number>> {
  if (list.length === 0) return new Map();
  const schoolNumber = new Map<string, number>();
  const schoolIds: string[] = [];
  const ageOf = agesInYear(year);
  const schools = new Int32Array(list.length);
  const ages = new Int32Array(list.length);
  let youngest = Infinity;
  let oldest = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const {schoolId, birthMonth} = list[i];
    let school = schoolNumber.get(schoolId);
    if (school === undefined) {
      schoolNumber.set(schoolId, (school = schoolIds.length));
      schoolIds.push(schoolId);
    }
    const age = ageOf(birthMonth);
    schools[i] = school;
    ages[i] = age;
    if (age < youngest) youngest = age;
    if (age > oldest) oldest = age;
  }
  const span = oldest - youngest + 1;
  const counts = new Int32Array(schoolIds.length * span);
  const agesMet = schoolIds.map((): number[] => []);
  for (let i = 0; i < list.length; i++) {
    if (counts[schools[i] * span + ages[i] - youngest]++ === 0) agesMet[schools[i]].push(ages[i]);
  }
  return new Map(schoolIds.map((id, school) => [id, new Map(agesMet[school].map((age) => [age, counts[school * span + age - youngest]]))]));
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
  const positions = listedCareTypes(scope, started, allCareTypes);
  const careTypes = positions.map((type) => scope.careTypes[type]);
  const ageAt = rememberedAges();
  const careTypeIndex = new Int32Array(scope.careTypes.length).fill(-1);
  positions.forEach((type, k) => (careTypeIndex[type] = k));
  const dyslexiaIndex = careTypes.indexOf(dyslexia);
  const perYear = years.map((year) => {
    const starts = yearStarts(byYear.get(year) ?? [], careTypeIndex, ageAt);
    // Positions by care type, and those of every other type than dyslexia care, each in an array
    // of its exact size (a million positions a year nationally).
    const count = starts.pupil.length;
    const sizes = new Int32Array(careTypes.length);
    for (let i = 0; i < count; i++) sizes[starts.careType[i]]++;
    const ofType = Array.from(sizes, (size) => new Int32Array(size));
    const filled = new Int32Array(careTypes.length);
    const withoutDyslexia = new Int32Array(count - (dyslexiaIndex >= 0 ? sizes[dyslexiaIndex] : 0));
    const all = new Int32Array(count);
    for (let i = 0, other = 0; i < count; i++) {
      const type = starts.careType[i];
      ofType[type][filled[type]++] = i;
      if (type !== dyslexiaIndex) withoutDyslexia[other++] = i;
      all[i] = i;
    }
    return {
      year,
      withDyslexia: agesAtFirstStart(starts, all, scope.pupils),
      withoutDyslexia: agesAtFirstStart(starts, withoutDyslexia, scope.pupils),
      perCareType: new Map(careTypes.map((c, k) => [c, agesAtFirstStart(starts, ofType[k], scope.pupils)]))
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
        ages: histogram(y.perCareType.get(careType)!, axis)
      })),
      ...(enrolled ? {enrolled: enrolledAtAges(enrolled.get(y.year) ?? new Map(), axis)} : {})
    }))
  };
}

export function ageTables(scope: Scope): AgeTables {
  return careTypeAgeYears(scope, scope.started, scope.years, true, enrolledCensus(scope));
}
