// Start and end dates for one pupil's trajectories, drawn until they satisfy the pupil's plan as
// judged by the report's own rules (definitions.ts): the same functions that compute Figuur 1,
// Tabel 4, Figuur 2 and Tabel 1 accept or reject each proposal, so the generator cannot drift from
// the definitions.

import {addDays, addMonths, daysBetween, firstDayOfYear, lastDayOfYear, monthOf, yearOf} from "../dates.js";
import {
  careDurationMonths,
  careStatus,
  correctTrajectories,
  durationBands,
  pairDbcRestarts,
  zorgpadOutcomes
} from "../definitions.js";
import type {IsoDate, Settings, Trajectory} from "../model.js";
import type {PupilPlan} from "./plan.js";
import type {Random} from "./random.js";

export interface DraftTrajectory {
  start: IsoDate;
  end: IsoDate | null;
  /** Part of a DBC restart pair: A ends in December, B restarts it in January. */
  restartRole: "A" | "B" | null;
}

/** The last day basis GGZ was delivered in the synthetic set (the report: none in 2019). */
export const BASIS_GGZ_LAST_DAY = "2018-12-31";

export function randomDate(rng: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`randomDate: ${to} before ${from}`);
  return addDays(from, rng.int(0, span));
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? b : a;
}

function asTrajectories(drafts: DraftTrajectory[]): Trajectory[] {
  return drafts.map((d, i) => ({
    id: `t${i}`,
    pupilId: "p",
    productCategory: "",
    productCode: "",
    careType: "x",
    provider: "x",
    start: d.start,
    end: d.end,
    cost: 0
  }));
}

/** Does a draft satisfy the plan under the report's rules? */
export function satisfiesPlan(drafts: DraftTrajectory[], plan: PupilPlan, years: number[], settings: Settings): boolean {
  const trajectories = asTrajectories(drafts);
  const startsPerYear = years.map((y) => drafts.filter((d) => yearOf(d.start) === y).length);
  if (startsPerYear.some((n, i) => n !== plan.starts[i])) return false;
  const pairs = pairDbcRestarts(trajectories, trajectories, settings);
  if (pairs.length !== (plan.restartCareType ? 1 : 0)) return false;
  if (careStatus(trajectories, settings) !== plan.status) return false;
  if (plan.band !== null) {
    const band = durationBands(settings)[plan.band];
    const months = careDurationMonths(trajectories);
    if (months < band.minMonths || (band.maxMonths !== null && months > band.maxMonths)) return false;
  }
  const corrected = correctTrajectories(trajectories, pairs);
  const first = zorgpadOutcomes(corrected, settings, 1)[0];
  const zorgpad =
    first === "volgend_traject" ? "N2" : first === "nog_in_zorg" ? "N1" : corrected.length === 1 ? "L1" : "L2";
  if (zorgpad !== plan.zorgpad) return false;
  if (plan.restartCareType === "basis_ggz") {
    const b = drafts.find((d) => d.restartRole === "B");
    if (!b || b.end === null || b.end > BASIS_GGZ_LAST_DAY) return false;
  }
  return true;
}

/** One proposal; null when the draw cannot work (the caller draws again). */
function propose(rng: Random, plan: PupilPlan, years: number[], settings: Settings): DraftTrajectory[] | null {
  const first = years[plan.years[0]];
  const last = years[plan.years[plan.years.length - 1]];
  const statusDate = settings.statusDate;
  const dayBeforeStatus = addDays(statusDate, -1);
  const {transitionYear} = settings.dbc;

  // The first start and (for pupils no longer in care) the last end.
  let t0: IsoDate;
  let finalEnd: IsoDate | null = null;
  if (plan.status === "in_zorg") {
    t0 = randomDate(rng, firstDayOfYear(first), minDate(lastDayOfYear(first), dayBeforeStatus));
  } else {
    const outflowUntil = addMonths(statusDate, -settings.statusRuleMonths);
    let lo = plan.status === "uitstroom" ? firstDayOfYear(first) : addDays(outflowUntil, 1);
    let hi = plan.status === "uitstroom" ? outflowUntil : dayBeforeStatus;
    lo = maxDate(lo, firstDayOfYear(last));
    if (plan.restartCareType === "basis_ggz") hi = minDate(hi, BASIS_GGZ_LAST_DAY);
    if (hi < lo) return null;
    finalEnd = randomDate(rng, lo, hi);
    const band = durationBands(settings)[plan.band as number];
    const months = rng.int(band.minMonths, band.maxMonths ?? band.minMonths + 12);
    t0 = addDays(addMonths(addDays(finalEnd, 1), -months), -rng.int(0, 25));
    if (yearOf(t0) !== first || t0 > finalEnd) return null;
  }
  const until = finalEnd ?? dayBeforeStatus;

  // Every other start, inside its year and inside the care period.
  const starts: IsoDate[] = [t0];
  plan.years.forEach((y) => {
    const year = years[y];
    const n = plan.starts[y] - (year === first ? 1 : 0);
    const lo = maxDate(t0, firstDayOfYear(year));
    const hi = minDate(until, lastDayOfYear(year));
    for (let i = 0; i < n; ++i) {
      if (hi < lo) return;
      starts.push(randomDate(rng, lo, hi));
    }
  });
  if (starts.length !== plan.starts.reduce((a, b) => a + b, 0)) return null;

  const drafts: DraftTrajectory[] = starts.sort().map((start) => ({start, end: null, restartRole: null}));
  if (plan.restartCareType) {
    // A: the last start before the transition year; B: the first start in it, moved into January.
    const a = [...drafts].reverse().find((d) => yearOf(d.start) === transitionYear - 1);
    const b = drafts.find((d) => yearOf(d.start) === transitionYear);
    if (!a || !b) return null;
    const decemberFirst = `${transitionYear - 1}-12-01`;
    a.restartRole = "A";
    a.end = randomDate(rng, maxDate(a.start, decemberFirst), lastDayOfYear(transitionYear - 1));
    b.restartRole = "B";
    b.start = randomDate(rng, firstDayOfYear(transitionYear), `${transitionYear}-01-31`);
    if (b.start > until) return null;
    drafts.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  }

  // Ends: the last-starting trajectory carries the final end (or stays open); the first one is
  // shaped towards the planned zorgpad type; the rest last one to fourteen months.
  const lastDraft = drafts[drafts.length - 1];
  lastDraft.end = finalEnd;
  drafts.forEach((d, i) => {
    if (d === lastDraft || d.restartRole === "A") return;
    let end: IsoDate;
    const next = drafts[i + 1];
    if (i === 0 && next && plan.zorgpad === "L2") end = addDays(d.start, rng.int(14, 150));
    else if (i === 0 && next && plan.zorgpad === "N2") {
      end = randomDate(rng, maxDate(d.start, addMonths(next.start, -5)), maxDate(d.start, addMonths(next.start, 8)));
    } else end = addDays(addMonths(d.start, rng.int(1, 14)), rng.int(0, 27));
    d.end = minDate(end, until);
  });
  if (plan.status === "in_zorg" && drafts.every((d) => d.end !== null)) return null;
  return drafts;
}

/** Draw until the plan is met; throws if it cannot be (a calibration error, not bad luck). */
export function drawTimeline(rng: Random, plan: PupilPlan, years: number[], settings: Settings): DraftTrajectory[] {
  for (let attempt = 0; attempt < 20_000; ++attempt) {
    const drafts = propose(rng, plan, years, settings);
    if (!drafts) continue;
    if (!plan.restartCareType && crossesTransition(drafts, settings)) continue;
    if (satisfiesPlan(drafts, plan, years, settings)) return drafts;
  }
  throw new Error(`synthetic timeline: no dates satisfy plan ${JSON.stringify(plan)}`);
}

/** Non-restart pupils never end in December and start in January around the transition, so the
 *  only restarts the rule finds are the ones the plan put there. */
function crossesTransition(drafts: DraftTrajectory[], settings: Settings): boolean {
  const {transitionYear} = settings.dbc;
  const endsInDecember = drafts.some((d) => d.end && yearOf(d.end) === transitionYear - 1 && monthOf(d.end) === 12);
  const startsInJanuary = drafts.some((d) => yearOf(d.start) === transitionYear && monthOf(d.start) === 1);
  return endsInDecember && startsInJanuary;
}
