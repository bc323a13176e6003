// The synthetic municipality: a deterministic function from the report's published figures and
// the settings to the three input files of the data contract. Pure: no file access, no clock.

import {addDays, firstDayOfYear, yearOf} from "../dates.js";
import {ageInYears} from "../definitions.js";
import type {Settings} from "../model.js";
import {AGE_WEIGHTS, SCHOOLS, SEED, SOT_PER_100} from "./assumptions.js";
import {careTypesFor, drawProvider, makeProviders, preferredDyslexiaProvider, productFor, type Provider} from "./care.js";
import {intensity, pupilCosts, splitCost} from "./costs.js";
import {chooseYearCounts} from "./counts.js";
import {otherMunicipality, PupilIds, schoolPanel, type PanelPupil} from "./enrolment.js";
import {planPupils, type Profile, type PupilPlan} from "./plan.js";
import {Random} from "./random.js";
import type {Targets} from "./targets.js";
import {drawTimeline, type DraftTrajectory} from "./timeline.js";
import {enrolmentCsv, schoolsCsv, trajectoriesCsv, type SchoolRow, type TrajectoryRow} from "./write.js";

export interface GeneratedFiles {
  "leerlingen.csv": string;
  "trajecten.csv": string;
  "scholen.csv": string;
}

/** Trajectories that fall outside the report's scope on purpose, so the build's scope report has
 *  something to count: pupils living here but at a school elsewhere, and pupils who left primary
 *  school before their care started. */
export const OUT_OF_SCOPE = {pupilsAtSchoolsElsewhere: 24, pupilsAfterPrimarySchool: 12};

const PROFILE_QUOTAS = {heavy: 11, dyslexiaMiddleYear: 57, dyslexiaLastYear: 42, hiddenDyslexia: 25};

function schoolIds(rng: Random, n: number): string[] {
  const ids = new Set<string>();
  const letters = "ABCDEFGHJKLMNPRSTUVWXZ";
  while (ids.size < n) ids.add(`${String(rng.int(0, 99)).padStart(2, "0")}${rng.pick([...letters])}${rng.pick([...letters])}`);
  return [...ids];
}

/** Care profiles steer age and care type; quotas reproduce the dyslexia counts of 2018 and 2019. */
function assignProfiles(rng: Random, plans: PupilPlan[]): void {
  const take = (candidates: PupilPlan[], n: number, profile: Profile) => {
    const free = rng.shuffle(candidates.filter((p) => p.profile === "ggz" && !p.restartCareType));
    if (free.length < n) throw new Error(`synthetic profiles: only ${free.length} candidates for ${profile}`);
    for (const p of free.slice(0, n)) p.profile = profile;
  };
  for (const p of plans) if (p.restartCareType === "dyslexie") p.profile = "dyslexia";
  const pattern = (p: PupilPlan) => p.years.join("");
  take(plans.filter((p) => p.status === "in_zorg" && p.years[0] === 0), PROFILE_QUOTAS.heavy, "heavy");
  take(plans.filter((p) => pattern(p) === "1" && (p.status === "in_zorg" || (p.band ?? 0) >= 1)), PROFILE_QUOTAS.dyslexiaMiddleYear, "dyslexia");
  take(plans.filter((p) => pattern(p) === "2" && p.status === "in_zorg"), PROFILE_QUOTAS.dyslexiaLastYear, "dyslexia");
  take(plans.filter((p) => pattern(p) === "0" && p.status !== "in_zorg" && (p.band ?? 0) >= 1), PROFILE_QUOTAS.hiddenDyslexia, "hidden_dyslexia");
  for (const p of plans) if (p.profile === "ggz" && !p.restartCareType && rng.next() < 0.45) p.profile = "other";
}

function ageWeights(profile: Profile): number[] {
  if (profile === "dyslexia" || profile === "hidden_dyslexia") return AGE_WEIGHTS.dyslexia;
  return profile === "ggz" ? AGE_WEIGHTS.ggz : AGE_WEIGHTS.other;
}

function birthMonthOf(p: PanelPupil): string {
  return `${p.birthYear}-${String(p.birthMonth).padStart(2, "0")}`;
}

function agesFit(pupil: PanelPupil, drafts: DraftTrajectory[]): boolean {
  return drafts.every((d) => {
    const age = ageInYears(birthMonthOf(pupil), d.start);
    return age >= 4 && age <= 12;
  });
}

interface Placed {
  plan: PupilPlan;
  pupil: PanelPupil;
  drafts: DraftTrajectory[];
}

/** Pick an enrolled pupil for each plan (age-weighted) and draw dates that fit plan and age. */
function placePupils(rng: Random, plans: PupilPlan[], panels: PanelPupil[][], years: number[], settings: Settings): Placed[] {
  const used = new Set<string>();
  return plans.map((plan) => {
    const span = plan.years[plan.years.length - 1] - plan.years[0] + 1;
    const present = panels[plan.school].filter(
      (p) => !used.has(p.id) && p.yearIndexes.includes(plan.years[0]) && p.yearIndexes.includes(plan.years[0] + span - 1)
    );
    const weights = ageWeights(plan.profile);
    const midYear = `${years[plan.years[0]]}-07-01`;
    for (let attempt = 0; attempt < 400; ++attempt) {
      const pupil = rng.weighted(present, (p) => weights[ageInYears(birthMonthOf(p), midYear) - 4] ?? 0.01);
      for (let t = 0; t < 25; ++t) {
        const drafts = drawTimeline(rng, plan, years, settings);
        if (agesFit(pupil, drafts)) {
          used.add(pupil.id);
          return {plan, pupil, drafts};
        }
      }
    }
    throw new Error(`synthetic placement: no pupil at school ${plan.school} fits plan ${plan.index}`);
  });
}

export function generate(targets: Targets, settings: Settings): GeneratedFiles {
  const rng = new Random(SEED);
  const years = targets.years;
  if (SCHOOLS.length !== targets.schools.length || SCHOOLS.some((s, i) => s.name !== targets.schools[i].name)) {
    throw new Error("synthetic schools: assumptions.ts must list the Tabel 6 schools in Tabel 6 order");
  }
  const counts = chooseYearCounts(rng, targets);
  const ids = schoolIds(rng, SCHOOLS.length);
  const pupilIds = new PupilIds(rng);
  const panels = SCHOOLS.map((_, s) => schoolPanel(rng, pupilIds, ids[s], years, counts.enrolled[s], settings.municipality));
  const nonResidents = SCHOOLS.map((school, s) =>
    schoolPanel(rng, pupilIds, ids[s], years, years.map(() => school.nonResidentPupils), otherMunicipality(rng))
  );

  const plans = planPupils(rng, targets, counts);
  assignProfiles(rng, plans);
  const placed = placePupils(rng, plans, panels, years, settings);

  // Care types, products and providers.
  const providers = makeProviders(targets.providers);
  const preferred = SCHOOLS.map(() => preferredDyslexiaProvider(rng, providers));
  const items = placed.map(({plan, pupil, drafts}) => {
    const types = careTypesFor(rng, plan, drafts);
    let restartProvider: Provider | null = null;
    const seen = new Set<string>();
    return drafts.map((d, i) => {
      let provider = drawProvider(rng, providers, types[i], preferred[plan.school]);
      if (d.restartRole === "A") restartProvider = drawProvider(rng, providers, plan.restartCareType as string, preferred[plan.school]);
      if (d.restartRole) provider = restartProvider as unknown as Provider;
      const product = productFor(rng, types[i], !seen.has(types[i]));
      seen.add(types[i]);
      return {pupilId: pupil.id, careType: types[i], product, provider: provider.name, start: d.start, end: d.end, restartRole: d.restartRole};
    });
  });
  useEveryProvider(rng, providers, items.flat());

  // Costs per pupil, then per trajectory.
  const intensities = items.map((list) => intensity(list, settings.statusDate));
  for (const [i, p] of placed.entries()) if (p.plan.profile === "heavy") intensities[i] *= 4;
  const totals = pupilCosts(rng, intensities, {
    bandEdges: settings.costBands,
    bandCounts: targets.costBands,
    concentrationThreshold: settings.costConcentrationThreshold,
    concentrationPercent: targets.costConcentrationPercent,
    extremeThreshold: settings.extremeCostThreshold,
    extremePupils: targets.extremeCostPupils
  });
  const rows: TrajectoryRow[] = items.flatMap((list, i) => {
    const split = splitCost(totals[i], list, settings.statusDate);
    return list.map((t, j) => ({...t, costCents: split[j]}));
  });
  const inScope = new Set(placed.map((p) => p.pupil.id));
  rows.push(...outOfScopeTrajectories(rng, panels, providers, years, pupilIds, inScope));

  const schoolRows: SchoolRow[] = SCHOOLS.map((school, s) => ({
    id: ids[s],
    ...school,
    sotTrajectories: Math.round((targets.schools[s].pupilsLatest * SOT_PER_100[school.sotLevel]) / 100)
  }));
  const enrolled = [...panels.flat(), ...nonResidents.flat()];
  return {
    "leerlingen.csv": enrolmentCsv(enrolled, years),
    "trajecten.csv": trajectoriesCsv(rows),
    "scholen.csv": schoolsCsv(schoolRows)
  };
}

/** Every one of the providers delivers at least one trajectory (the report counts 58). */
function useEveryProvider(rng: Random, providers: Provider[], items: {careType: string; provider: string; restartRole: string | null}[]): void {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(t.provider, (counts.get(t.provider) ?? 0) + 1);
  for (const provider of providers) {
    if (counts.has(provider.name)) continue;
    const candidates = items.filter((t) => !t.restartRole && provider.careTypes.includes(t.careType) && (counts.get(t.provider) ?? 0) > 3);
    const t = rng.pick(candidates);
    counts.set(t.provider, (counts.get(t.provider) ?? 0) - 1);
    t.provider = provider.name;
    counts.set(provider.name, 1);
  }
}

function outOfScopeTrajectories(
  rng: Random,
  panels: PanelPupil[][],
  providers: Provider[],
  years: number[],
  ids: PupilIds,
  inScope: Set<string>
): TrajectoryRow[] {
  const rows: TrajectoryRow[] = [];
  const add = (pupilId: string, start: string) => {
    const careType = rng.pick(["specialistische_ggz", "ambulante_begeleiding"]);
    const end = rng.next() < 0.5 ? null : addDays(start, rng.int(60, 300));
    const provider = rng.weighted(providers.filter((p) => p.careTypes.includes(careType)), (p) => p.weight);
    rows.push({pupilId, careType, product: productFor(rng, careType, true), provider: provider.name, start, end, restartRole: null, costCents: rng.int(80_000, 900_000)});
  };
  const inWindow = () => addDays(firstDayOfYear(years[0]), rng.int(0, 365 * years.length - 1));
  for (let i = 0; i < OUT_OF_SCOPE.pupilsAtSchoolsElsewhere; ++i) {
    const pupilId = ids.next();
    for (let j = rng.int(1, 2); j > 0; --j) add(pupilId, inWindow());
  }
  // Groep 8 in the first year only: care that starts the year after has no enrolment that year.
  const leavers = panels.flat().filter((p) => p.yearIndexes.length === 1 && p.yearIndexes[0] === 0 && !inScope.has(p.id));
  for (const p of rng.shuffle([...leavers]).slice(0, OUT_OF_SCOPE.pupilsAfterPrimarySchool)) {
    add(p.id, addDays(firstDayOfYear(years[1]), rng.int(0, 360)));
  }
  if (rows.some((r) => yearOf(r.start) > years[years.length - 1])) throw new Error("out-of-scope start after the window");
  return rows;
}
