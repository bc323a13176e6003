// Turns the published marginals and the assumed joint plan into one plan per pupil: which years it
// starts care, its status at the peildatum, its duration band, its zorgpad type, whether it is a
// DBC restart (and of which care type), how many extra trajectories it starts per year, and its
// school. Every marginal is asserted here, so a plan that cannot reproduce the report fails loudly
// before a single date is drawn.

import {wholePercentage} from "../definitions.js";
import {MULTI_YEAR_PUPILS, PLAN, type PlanRow, type Status, type ZorgpadType} from "./assumptions.js";
import type {YearCounts} from "./counts.js";
import type {Random} from "./random.js";
import type {Targets} from "./targets.js";

export type Profile = "dyslexia" | "hidden_dyslexia" | "ggz" | "other" | "heavy";

export interface PupilPlan {
  index: number;
  /** Study-year indexes in which the pupil starts at least one trajectory, ascending. */
  years: number[];
  status: Status;
  band: number | null;
  zorgpad: ZorgpadType;
  restartCareType: string | null;
  /** Trajectories started per study-year index (0 for years without a start). */
  starts: number[];
  school: number;
  profile: Profile;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`synthetic plan: ${message}`);
}

/** Pupils per start pattern ("0", "01", …) from the per-year totals and the distinct total. */
export function patternSizes(targets: Targets, counts: YearCounts): Map<string, number> {
  const K = targets.years.map((_, y) => counts.withCare.reduce((a, school) => a + school[y], 0));
  const {y012, y02, y12} = MULTI_YEAR_PUPILS;
  const y01 = K[0] + K[1] + K[2] - targets.cohortPupils - y02 - y12 - 2 * y012;
  const sizes = new Map<string, number>([
    ["012", y012],
    ["01", y01],
    ["02", y02],
    ["12", y12],
    ["0", K[0] - y01 - y02 - y012],
    ["1", K[1] - y01 - y12 - y012],
    ["2", K[2] - y02 - y12 - y012]
  ]);
  for (const [pattern, n] of sizes) check(n >= 0, `pattern ${pattern} would have ${n} pupils`);
  return sizes;
}

/** Expand PLAN rows (with "-1 = the rest") to one row per pupil, and check every marginal. */
export function expandPlan(targets: Targets, sizes: Map<string, number>): PlanRow[] {
  const pupils: PlanRow[] = [];
  for (const [pattern, size] of sizes) {
    const rows = PLAN.filter((r) => r.pattern === pattern);
    const fixed = rows.filter((r) => r.count >= 0).reduce((a, r) => a + r.count, 0);
    const rest = rows.filter((r) => r.count < 0);
    check(rest.length <= 1, `pattern ${pattern} has more than one "rest" row`);
    check(fixed <= size && (rest.length === 1 || fixed === size), `pattern ${pattern}: rows ${fixed} vs pupils ${size}`);
    for (const r of rows) for (let i = 0; i < (r.count >= 0 ? r.count : size - fixed); ++i) pupils.push(r);
  }
  const closed = pupils.filter((p) => p.status !== "in_zorg");
  check(pupils.length === targets.cohortPupils, `cohort ${pupils.length} ≠ ${targets.cohortPupils}`);
  check(pupils.length - closed.length === targets.status.inCare, "in care");
  check(closed.filter((p) => p.status === "stop_zorg").length === targets.status.stopped, "stop zorg");
  check(closed.filter((p) => p.status === "uitstroom").length === targets.status.outflow, "uitstroom");
  targets.durationBands.forEach((n, band) =>
    check(closed.filter((p) => p.band === band).length === n, `duration band ${band}`)
  );
  const leavers = pupils.filter((p) => p.zorgpad === "L1" || p.zorgpad === "L2").length;
  check(wholePercentage(leavers, pupils.length) === targets.ekgPercent, `EKG ${leavers}/${pupils.length}`);
  const restarts = Object.values(targets.restartsByCareType).reduce((a, b) => a + b, 0);
  check(pupils.filter((p) => p.restart).length === restarts, "restart pupils");
  return pupils;
}

/**
 * Restart care types: basis GGZ must end within the transition year (no basis GGZ after it), so
 * it goes to restart pupils who leave care in that year; specialistische and curatieve GGZ to
 * those still in care; dyslexia to the rest.
 */
function restartCareTypes(rows: PlanRow[], targets: Targets): (string | null)[] {
  const types = rows.map((): string | null => null);
  const restart = rows.map((r, i) => ({r, i})).filter(({r}) => r.restart);
  const shortClosed = restart.filter(({r}) => r.zorgpad === "L1" && r.status === "uitstroom" && (r.band ?? 9) <= 3);
  const inCare = restart.filter(({r}) => r.status === "in_zorg");
  const assign = (pool: {i: number}[], type: string, n: number) => {
    const free = pool.filter(({i}) => types[i] === null);
    check(free.length >= n, `not enough restart pupils for ${type}`);
    for (const {i} of free.slice(0, n)) types[i] = type;
  };
  const {basis_ggz = 0, specialistische_ggz = 0, curatieve_ggz = 0, ...others} = targets.restartsByCareType;
  assign(shortClosed, "basis_ggz", basis_ggz);
  assign(inCare, "specialistische_ggz", specialistische_ggz);
  assign(inCare, "curatieve_ggz", curatieve_ggz);
  for (const [type, n] of Object.entries(others)) assign(restart, type, n);
  check(types.filter((t) => t !== null).length === restart.length, "every restart pupil has a care type");
  return types;
}

/** Extra trajectories per year so that Tabel 2's raw totals come out exactly. */
function extraStarts(rng: Random, plans: PupilPlan[], targets: Targets): void {
  // A follow-up within the zorgpad rule needs a second trajectory; a restart pair counts as one.
  for (const p of plans) {
    const corrected = p.years.length - (p.restartCareType ? 1 : 0);
    if (p.zorgpad === "N2" && corrected === 1) p.starts[p.years[p.years.length - 1]] += 1;
  }
  targets.years.forEach((_, y) => {
    const holders = plans.filter((p) => p.years.includes(y));
    let extra = targets.trajectoriesByYear[y] - holders.reduce((a, p) => a + p.starts[y], 0);
    check(extra >= 0, `year ${y}: more trajectories needed than Tabel 2 allows`);
    // The rest goes to pupils whose zorgpad already continues, never in the first year of an L2
    // pupil (a quick follow-up would make it N2).
    const eligible = holders.filter((p) => p.zorgpad === "N2" || (p.zorgpad === "L2" && y !== p.years[0]));
    check(eligible.length > 0 || extra === 0, `year ${y}: nobody can take extra trajectories`);
    while (extra > 0) {
      const p = rng.pick(eligible);
      if (p.starts[y] >= 4) continue;
      p.starts[y] += 1;
      extra -= 1;
    }
  });
}

/** Spread multi-year patterns over schools without exceeding any school's per-year count. */
function assignSchools(rng: Random, plans: PupilPlan[], counts: YearCounts): void {
  const remaining = counts.withCare.map((row) => [...row]);
  const byPattern = (pattern: string) => plans.filter((p) => p.years.join("") === pattern);
  for (const pattern of ["012", "01", "12", "02", "0", "1", "2"]) {
    for (const plan of rng.shuffle(byPattern(pattern))) {
      const capacity = remaining.map((row) => Math.min(...plan.years.map((y) => row[y])));
      check(capacity.some((c) => c > 0), `no school left for pattern ${pattern}`);
      const school = rng.weightedIndex(capacity);
      plan.school = school;
      for (const y of plan.years) remaining[school][y] -= 1;
    }
  }
  check(remaining.every((row) => row.every((n) => n === 0)), "every school's count is used exactly");
}

export function planPupils(rng: Random, targets: Targets, counts: YearCounts): PupilPlan[] {
  const rows = expandPlan(targets, patternSizes(targets, counts));
  const restartTypes = restartCareTypes(rows, targets);
  const plans: PupilPlan[] = rows.map((r, index) => ({
    index,
    years: [...r.pattern].map(Number),
    status: r.status,
    band: r.band,
    zorgpad: r.zorgpad,
    restartCareType: restartTypes[index],
    starts: targets.years.map((_, y) => (r.pattern.includes(String(y)) ? 1 : 0)),
    school: -1,
    profile: "ggz"
  }));
  extraStarts(rng, plans, targets);
  assignSchools(rng, plans, counts);
  return plans;
}
