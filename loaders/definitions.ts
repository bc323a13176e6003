// Every rule of the report, stated once. Table modules combine these; they never restate a
// threshold, a rounding or a date rule. Each rule reads its numbers from the settings.

import {addDays, addMonths, completedMonths, daysBetween, firstDayOfYear, lastDayOfYear, monthOf, yearMonthParts, yearOf} from "./dates.js";
import type {IsoDate, Settings, Trajectory, YearMonth} from "./model.js";
import {formatEuros, roundHalfUp} from "../src/lib/format.js";

// Cost-band labels use the site's one euro format (src/lib/format.ts). Rounding half up from the counts
// lives there too, so the pages that format a share (formatShare) round by the same rule.
export {formatEuros, roundHalfUp};

// ---------------------------------------------------------------------------------------------
// Rounding

/** Rule 1: 100·k/n rounded half up to whole points (7/200 → 4). Null when n = 0. */
export function wholePercentage(k: number, n: number): number | null {
  return roundHalfUp(100 * k, n, 0);
}

/** Rule 1 with decimals: the municipal total is shown with 2 decimals (389/4550 → 8.55). */
export function percentage(k: number, n: number, decimals: number): number | null {
  return roundHalfUp(100 * k, n, decimals);
}

/** How precisely each kind of figure is shown; the report's own choices. */
export const DECIMALS = {
  /** Municipal percentages (Tabel 6 total row, kerngetallen) and Figuur 1: 8.55, 47.37. */
  municipalPercentage: 2,
  /** Tabel 5 shares and the cost concentration share of pupils: 87.5, 12.5. */
  costPercentage: 1,
  /** Factsheet percentages, where school, board and municipality are compared side by side. */
  factsheetPercentage: 1,
  /** Trajectories per pupil: 1.27. */
  ratio: 2
} as const;

/** Rule 6: trajectories started in a year per pupil with youth care that year (494/389 → 1.27). */
export function trajectoriesPerPupil(trajectories: number, pupils: number): number | null {
  return roundHalfUp(trajectories, pupils, DECIMALS.ratio);
}

/**
 * Factsheet item 2: relative growth from one year to the next, whole percent ((b − a) / a).
 * Null when the first year is 0: growth from nothing has no percentage.
 */
export function growthPercentage(from: number, to: number): number | null {
  return roundHalfUp(100 * (to - from), from, 0);
}

// ---------------------------------------------------------------------------------------------
// Categories

export type UseCategory = "laag" | "gemiddeld" | "hoog";
export const USE_CATEGORIES: readonly UseCategory[] = ["laag", "gemiddeld", "hoog"];

/**
 * Rule 2: the use category of a school from its whole percentage in the latest year: below
 * `lowBelow` laag, above `highAbove` hoog, else gemiddeld (7 t/m 11 in the report).
 */
export function useCategory(wholePct: number, settings: Settings): UseCategory {
  if (wholePct < settings.useCategories.lowBelow) return "laag";
  if (wholePct > settings.useCategories.highAbove) return "hoog";
  return "gemiddeld";
}

export type GrowthCategory = "++" | "+" | "0" | "-" | "--";

/**
 * Rule 3: the growth category between two years from the difference of the two WHOLE
 * percentages, because the legend speaks of whole points and a reader can check it in Tabel 6.
 * This differs from the report for Valkenheuvel, Meander and Merseberch (digest Part G.3): the
 * report evidently used unrounded percentages there.
 */
export function growthCategory(fromWholePct: number, toWholePct: number, settings: Settings): GrowthCategory {
  const diff = toWholePct - fromWholePct;
  const {moderate, strong} = settings.growthCategories;
  if (diff >= strong) return "++";
  if (diff >= moderate) return "+";
  if (diff <= -strong) return "--";
  if (diff <= -moderate) return "-";
  return "0";
}

export type SizeCategory = "klein" | "middel" | "groot";

/** Rule 15: school size from its enrolment in the latest year: < smallBelow klein, > largeAbove groot. */
export function schoolSizeCategory(pupils: number, settings: Settings): SizeCategory {
  if (pupils < settings.schoolSize.smallBelow) return "klein";
  if (pupils > settings.schoolSize.largeAbove) return "groot";
  return "middel";
}

export type SotCategory = "weinig" | "gemiddeld" | "veel";

/**
 * Rule 15: SOT trajectories per 100 pupils of the latest year: < lowBelow weinig, > highAbove
 * veel. Null for a school without pupils, where the rate does not exist.
 */
export function sotCategory(sotTrajectories: number, pupils: number, settings: Settings): SotCategory | null {
  if (pupils === 0) return null;
  const per100 = (100 * sotTrajectories) / pupils;
  if (per100 < settings.sotPer100.lowBelow) return "weinig";
  if (per100 > settings.sotPer100.highAbove) return "veel";
  return "gemiddeld";
}

// ---------------------------------------------------------------------------------------------
// Scope and youth care in a year

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** The study window: 01-01 of the first study year through 31-12 of the last. */
export function studyWindow(settings: Settings): Period {
  return {start: firstDayOfYear(settings.years[0]), end: lastDayOfYear(settings.years[settings.years.length - 1])};
}

export function latestYear(settings: Settings): number {
  return settings.years[settings.years.length - 1];
}

/** A trajectory runs on at least one day of the year: start ≤ 31-12 and (open or end ≥ 01-01). */
export function runsInYear(t: Pick<Trajectory, "start" | "end">, year: number): boolean {
  return t.start <= lastDayOfYear(year) && (t.end === null || t.end >= firstDayOfYear(year));
}

/**
 * Scope rule: the study years in which a trajectory counts as youth care. With "started" (the
 * report's numbers) that is its start year only; with "active" every study year it runs in.
 * Whether the pupil is enrolled that year is checked by the caller (the school attribution).
 */
export function youthCareYears(t: Pick<Trajectory, "start" | "end">, settings: Settings): number[] {
  if (settings.youthCareDefinition === "started") {
    const year = yearOf(t.start);
    return settings.years.includes(year) ? [year] : [];
  }
  return settings.years.filter((year) => runsInYear(t, year));
}

// ---------------------------------------------------------------------------------------------
// DBC restarts (Tabel 1, Tabel 2)

/**
 * Rule 4: B restarts A when both belong to the same pupil, A ends in December of
 * transitionYear − 1, B starts in January of transitionYear, the provider is the same (when
 * `dbc.sameProvider`) and the care type is the same or the pair [A, B] is listed as equivalent
 * (in 2017 dyslexia was booked as specialistische GGZ).
 */
export function isDbcRestart(a: Trajectory, b: Trajectory, settings: Settings): boolean {
  const {sameProvider, equivalentCareTypes} = settings.dbc;
  if (a.id === b.id || a.pupilId !== b.pupilId) return false;
  if (!endsBeforeTransition(a, settings) || !startsAtTransition(b, settings)) return false;
  if (sameProvider && a.provider !== b.provider) return false;
  return (
    a.careType === b.careType ||
    equivalentCareTypes.some(([before, after]) => before === a.careType && after === b.careType)
  );
}

/** Rule 4, A's side: ends in December of transitionYear − 1. */
function endsBeforeTransition(a: Trajectory, settings: Settings): boolean {
  return a.end !== null && yearOf(a.end) === settings.dbc.transitionYear - 1 && monthOf(a.end) === 12;
}

/** Rule 4, B's side: starts in January of transitionYear. */
function startsAtTransition(b: Trajectory, settings: Settings): boolean {
  return yearOf(b.start) === settings.dbc.transitionYear && monthOf(b.start) === 1;
}

export interface RestartPair {
  before: Trajectory;
  after: Trajectory;
}

/**
 * Rule 4 pairing: each A restarts in at most one B and each B continues at most one A. Pairs with
 * the fewest days between A's end and B's start win; ties go to the smallest ids, so the result
 * does not depend on input order. `before` may be any trajectory of the pupil (also one that
 * started before the study window); `after` are the trajectories that count in the study.
 */
export function pairDbcRestarts(before: Trajectory[], after: Trajectory[], settings: Settings): RestartPair[] {
  // Only December ends can pair with January starts: comparing those alone (per pupil, and per
  // provider when that must match) keeps a pupil with hundreds of trajectories from costing the
  // square of them.
  const {sameProvider} = settings.dbc;
  const candidateKey = (t: Trajectory) => (sameProvider ? `${t.pupilId}\u0000${t.provider}` : t.pupilId);
  const endings = groupBy(
    before.filter((a) => endsBeforeTransition(a, settings)),
    candidateKey
  );
  const candidates: {a: Trajectory; b: Trajectory; gap: number}[] = [];
  for (const b of after) {
    if (!startsAtTransition(b, settings)) continue;
    for (const a of endings.get(candidateKey(b)) ?? []) {
      if (isDbcRestart(a, b, settings)) candidates.push({a, b, gap: daysBetween(a.end as IsoDate, b.start)});
    }
  }
  candidates.sort((x, y) => x.gap - y.gap || compareIds(x.a.id, y.a.id) || compareIds(x.b.id, y.b.id));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const pairs: RestartPair[] = [];
  for (const {a, b} of candidates) {
    if (usedA.has(a.id) || usedB.has(b.id)) continue;
    usedA.add(a.id);
    usedB.add(b.id);
    pairs.push({before: a, after: b});
  }
  return pairs.sort((x, y) => compareIds(x.after.id, y.after.id));
}

/** A trajectory after the DBC correction; `parts` are the ids of the raw trajectories in it. */
export interface CorrectedTrajectory extends Trajectory {
  parts: string[];
}

/**
 * Rule 5: a restart pair is one trajectory: A.start … B.end, B's care type (the new product is the
 * better description), A's provider and id, cost A + B.
 */
export function mergeRestart({before: a, after: b}: RestartPair): CorrectedTrajectory {
  return corrected(a, [a.id, b.id], b, b.end, a.cost + b.cost);
}

/**
 * Field by field, not `{...t, parts}`: V8 stores a spread copy with an added field in dictionary
 * mode, about three times the memory, and the cohort holds a copy of nearly every trajectory.
 */
function corrected(t: Trajectory, parts: string[], product: Trajectory = t, end = t.end, cost = t.cost): CorrectedTrajectory {
  return {
    id: t.id,
    pupilId: t.pupilId,
    productCategory: product.productCategory,
    productCode: product.productCode,
    careType: product.careType,
    provider: t.provider,
    start: t.start,
    end,
    cost,
    parts
  };
}

/** Rule 5 applied to a set of trajectories: pairs are merged, everything else passes unchanged. */
export function correctTrajectories(trajectories: Trajectory[], pairs: RestartPair[]): CorrectedTrajectory[] {
  // Most pupils have no restart: no lookup tables for them (this runs once per cohort pupil).
  if (pairs.length === 0) return trajectories.map((t) => corrected(t, [t.id]));
  const pairByPart = new Map<string, RestartPair>();
  for (const pair of pairs) {
    pairByPart.set(pair.before.id, pair);
    pairByPart.set(pair.after.id, pair);
  }
  const result: CorrectedTrajectory[] = [];
  const merged = new Set<RestartPair>();
  for (const t of trajectories) {
    const pair = pairByPart.get(t.id);
    if (!pair) result.push(corrected(t, [t.id]));
    else if (!merged.has(pair)) {
      merged.add(pair);
      result.push(mergeRestart(pair));
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Status, duration, zorgpad (Figuur 1, Tabel 4, Figuur 2)

export type CareStatus = "in_zorg" | "stop_zorg" | "uitstroom";
export const CARE_STATUSES: readonly CareStatus[] = ["in_zorg", "stop_zorg", "uitstroom"];

type Span = Pick<Trajectory, "start" | "end">;

/** In care on a date: started on or before it and not yet ended (an end on the date itself counts). */
export function inCareOn(t: Span, date: IsoDate): boolean {
  return t.start <= date && (t.end === null || t.end >= date);
}

/** The latest end date, or null when any trajectory is still open. */
export function lastEnd(trajectories: Span[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const t of trajectories) {
    if (t.end === null) return null;
    if (latest === null || t.end > latest) latest = t.end;
  }
  return latest;
}

/**
 * Rule 7: status at `statusDate`: in_zorg when any trajectory runs on that day; otherwise
 * uitstroom when addMonths(last end, statusRuleMonths) ≤ statusDate (a last end exactly six months
 * before counts as uitstroom), else stop_zorg. Assumes every trajectory starts on or before the
 * statusDate (the scope check guarantees it: statusDate is not before the end of the window).
 */
export function careStatus(trajectories: Span[], settings: Settings): CareStatus {
  const date = settings.statusDate;
  if (trajectories.some((t) => inCareOn(t, date))) return "in_zorg";
  const end = lastEnd(trajectories);
  if (end === null) throw new Error("careStatus: een open traject moet op de peildatum in zorg zijn.");
  return addMonths(end, settings.statusRuleMonths) <= date ? "uitstroom" : "stop_zorg";
}

/**
 * Rule 8: months of care for a pupil who is not in care: whole months from the first start to the
 * day after the last end, so 01-01 … 30-06 is 6 months and a single day is 0 months.
 */
export function careDurationMonths(trajectories: Span[]): number {
  const first = trajectories.reduce((min, t) => (t.start < min ? t.start : min), trajectories[0].start);
  const end = lastEnd(trajectories);
  if (end === null) throw new Error("careDurationMonths: alleen voor leerlingen die niet meer in zorg zijn.");
  return completedMonths(first, addDays(end, 1));
}

export interface DurationBand {
  key: string;
  label: string;
  /** Inclusive month bounds; max is null for the open last band. */
  minMonths: number;
  maxMonths: number | null;
}

/** Rule 8 bands: 0 t/m width, then width-month steps up to maxMonths, then "meer dan maxMonths". */
export function durationBands(settings: Settings): DurationBand[] {
  const {widthMonths, maxMonths} = settings.durationBands;
  const bands: DurationBand[] = [];
  for (let upper = widthMonths; upper - widthMonths < maxMonths; upper += widthMonths) {
    const min = upper === widthMonths ? 0 : upper - widthMonths + 1;
    const max = Math.min(upper, maxMonths);
    bands.push({key: `${min}-${max}`, label: `${min} t/m ${max} maanden`, minMonths: min, maxMonths: max});
  }
  bands.push({key: `>${maxMonths}`, label: `meer dan ${maxMonths} maanden`, minMonths: maxMonths + 1, maxMonths: null});
  return bands;
}

const bandsOf = new WeakMap<Settings, DurationBand[]>();

export function durationBand(months: number, settings: Settings): DurationBand {
  return cachedBands(settings)[durationBandIndex(months, settings)];
}

/** The position in durationBands(settings) of the band that holds `months`. */
export function durationBandIndex(months: number, settings: Settings): number {
  return cachedBands(settings).findIndex((b) => b.maxMonths === null || months <= b.maxMonths);
}

// Once per settings object, not once per pupil of the cohort.
function cachedBands(settings: Settings): DurationBand[] {
  let bands = bandsOf.get(settings);
  if (!bands) bandsOf.set(settings, (bands = durationBands(settings)));
  return bands;
}

/** Rule 9 order: start, then end (open last), then id. */
export function compareZorgpadOrder(a: Trajectory, b: Trajectory): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) {
    if (a.end === null) return 1;
    if (b.end === null) return -1;
    return a.end < b.end ? -1 : 1;
  }
  return compareIds(a.id, b.id);
}

export type StepOutcome = "volgend_traject" | "nog_in_zorg" | "uitstroom";
export const STEP_OUTCOMES: readonly StepOutcome[] = ["volgend_traject", "nog_in_zorg", "uitstroom"];

/**
 * Rule 9: walks the pupil's (corrected) trajectories in zorgpad order and returns the outcome of
 * step 1, 2, … up to `maxSteps`; the list stops at the first step that is not followed by a next
 * trajectory. The next trajectory belongs to the zorgpad when the zorgpad is still open or it starts
 * no later than addMonths(zorgpad end, zorgpadMonths); the zorgpad end is the latest end so far.
 * Without a next one the outcome is nog_in_zorg when the zorgpad is open and uitstroom otherwise,
 * also when it ended less than six months before the peildatum (the report counts stop zorg as
 * leaving). Choice: an end on or after the statusDate counts as open, as in Figuur 1.
 */
export function zorgpadOutcomes(trajectories: Trajectory[], settings: Settings, maxSteps: number): StepOutcome[] {
  // Most pupils have one trajectory: nothing to sort, and no closure made per pupil (half a million
  // nationally).
  const sorted = trajectories.length > 1 ? [...trajectories].sort(compareZorgpadOrder) : trajectories;
  const outcomes: StepOutcome[] = [];
  if (sorted.length === 0) return outcomes;
  let end: IsoDate | null = sorted[0].end;
  for (let step = 1; step <= maxSteps; step++) {
    const next = sorted[step];
    if (next && (isOpenOn(end, settings.statusDate) || next.start <= addMonths(end as IsoDate, settings.zorgpadMonths))) {
      outcomes.push("volgend_traject");
      end = end === null || next.end === null ? null : next.end > end ? next.end : end;
      continue;
    }
    outcomes.push(isOpenOn(end, settings.statusDate) ? "nog_in_zorg" : "uitstroom");
    break;
  }
  return outcomes;
}

/** A zorgpad's end, open on the statusDate: none yet, or on or after it. */
function isOpenOn(end: IsoDate | null, statusDate: IsoDate): boolean {
  return end === null || end >= statusDate;
}

// ---------------------------------------------------------------------------------------------
// Age and cost

/**
 * Rule 10: age in whole years on a date, with the birthday taken as the 1st of the birth month
 * (only the month is known): year − birth year, minus one before the birth month.
 */
export function ageInYears(birthMonth: YearMonth, date: IsoDate): number {
  const birth = yearMonthParts(birthMonth);
  return yearOf(date) - birth.year - (monthOf(date) < birth.month ? 1 : 0);
}

export interface CostBand {
  lower: number;
  /** Exclusive upper edge; null for the open last band. */
  upper: number | null;
  label: string;
}

/**
 * Rule 11 bands: [lower, next lower) from `costBands`, the last one open. The report's labels
 * overlapped (€ 10.000 in two bands); the half-open bands remove the overlap, the labels keep the
 * report's wording.
 */
export function costBands(settings: Settings): readonly CostBand[] {
  // Labelled once per list of edges: a one-pupil report (disclosure/atoms.ts) asks per school and
  // year, and a country has a million such reports.
  let bands = labelledBands.get(settings.costBands);
  if (!bands) {
    bands = settings.costBands.map((lower, i, all) =>
      i + 1 < all.length
        ? {lower, upper: all[i + 1], label: `${formatEuros(lower)} tot ${formatEuros(all[i + 1])}`}
        : {lower, upper: null, label: `> ${formatEuros(lower)}`}
    );
    labelledBands.set(settings.costBands, bands);
  }
  return bands;
}
const labelledBands = new WeakMap<readonly number[], readonly CostBand[]>();

export function costBandIndex(cost: number, settings: Settings): number {
  const edges = settings.costBands;
  let index = 0;
  while (index + 1 < edges.length && cost >= edges[index + 1]) index++;
  return index;
}

/** Euros to whole cents, so shares of cost can use the integer rounding of rule 1. */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

// ---------------------------------------------------------------------------------------------
// Small shared helpers

/** Ids compare as plain strings (code-point order): the same result on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Age groups of the explorer (/verkennen)

export interface AgeGroup {
  /** URL- and SQL-friendly key. */
  key: string;
  label: string;
  /** Inclusive bounds in whole years; null = open. */
  min: number | null;
  max: number | null;
}

/**
 * The explorer filters pupils by their age in the year (on 1 July, `ageInYear`), in groups of two
 * years: roughly two school years each. Single years would leave most school cells below the
 * suppression threshold, and free ranges would let a reader subtract one range from another.
 */
export const AGE_GROUPS: readonly AgeGroup[] = [
  {key: "tm5", label: "t/m 5 jaar", min: null, max: 5},
  {key: "6-7", label: "6–7 jaar", min: 6, max: 7},
  {key: "8-9", label: "8–9 jaar", min: 8, max: 9},
  {key: "10-11", label: "10–11 jaar", min: 10, max: 11},
  {key: "12plus", label: "12 jaar en ouder", min: 12, max: null}
];

export function ageGroupIndex(age: number): number {
  const index = AGE_GROUPS.findIndex((g) => (g.min === null || age >= g.min) && (g.max === null || age <= g.max));
  if (index === -1) throw new Error(`Leeftijd ${age} valt in geen leeftijdsgroep.`);
  return index;
}
