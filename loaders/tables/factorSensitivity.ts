// Issue 12: how much the factor tests (Tabel 8, Tabel 9, the interview factors) depend on choices the
// report made, and what is left of them after correcting for testing seven factors at once.
// Choices varied: the use category from the whole (rounded) percentage, as the report did, or from
// the unrounded share; the school's size (and SOT per 100 pupils) from its resident pupils, as in
// Tabel 6, or from every pupil enrolled, residents of other municipalities included.

import {schoolSizeCategory, sotCategory, useCategory} from "../definitions.js";
import type {Dataset, Settings} from "../model.js";
import {holm} from "../variation.js";
import {enrolledCensus, sumCounts} from "./ages.js";
import {increment, pupilPass} from "./common.js";
import {factorTables, type CrossTable, type SchoolFactors} from "./factors.js";
import {isSuppressed, type Mode} from "../suppression.js";
import {countsFor, type SchoolRow, type YearCounts} from "./schools.js";
import type {Scope} from "./scope.js";

export const SENSITIVITY_VARIANTS = [
  {key: "rapport", label: "Zoals het rapport: hele procenten, leerlingen uit de gemeente"},
  {key: "onafgerond", label: "Gebruikscategorie op het onafgeronde percentage"},
  {key: "alle_leerlingen", label: "Omvang en SOT per 100 op alle ingeschreven leerlingen"}
] as const;

export type SensitivityVariant = (typeof SENSITIVITY_VARIANTS)[number]["key"];

export interface FactorSensitivity {
  factor: string;
  label: string;
  /** Exact-test p-value per variant (null when the table cannot be tested). */
  pValues: Record<SensitivityVariant, number | null>;
  /** Holm-adjusted over the factors tested in the same variant. */
  holmP: Record<SensitivityVariant, number | null>;
  /** Below α in one variant and not in another (raw or adjusted): a conclusion that rests on a choice. */
  fragile: boolean;
}

export const ALPHA = 0.05;

function allTables(factors: {tabel8: CrossTable[]; tabel9: CrossTable; interviews: CrossTable[]}): CrossTable[] {
  return [...factors.tabel8, factors.tabel9, ...factors.interviews];
}

/** Every pupil enrolled per school in a year, residents of other municipalities included. */
function allEnrolled(dataset: Dataset, scope: Scope, year: number): Map<string, number> {
  const counts = new Map<string, number>();
  // The residents: the scope holds each pupil's one enrolment of the year (a set of a million ids
  // to find the same was most of this table's time nationally), counted in its census.
  for (const [schoolId, ages] of enrolledCensus(scope).get(year) ?? []) increment(counts, schoolId, sumCounts(ages));
  // The others once each, and not when the pupil is enrolled as a resident that year.
  const others = dataset.nonResidentEnrolments ?? [];
  const {isNew} = pupilPass(scope.pupilCodes.count);
  for (let i = 0; i < others.length; i++) {
    const e = others[i];
    const pupil = scope.pupilCodes.nonResidentEnrolments[i];
    if (e.year !== year || scope.enrolmentOf(pupil, year) || !isNew(pupil)) continue;
    increment(counts, e.schoolId);
  }
  return counts;
}

/** What the variants need besides the schools' factors: the latest year's counts of the Tabel 6
 *  schools and every pupil enrolled per school. Counted once in the report, used when publishing. */
export interface SensitivityBasis {
  latest: Map<string, YearCounts>;
  everyone: Map<string, number>;
}

export function sensitivityBasis(dataset: Dataset, scope: Scope, counts: Map<string, YearCounts>, tabel6: SchoolRow[]): SensitivityBasis {
  return {
    latest: new Map(tabel6.map((row) => [row.schoolId, countsFor(counts, row.schoolId, scope.latestYear)])),
    everyone: allEnrolled(dataset, scope, scope.latestYear)
  };
}

export function factorSensitivity(
  dataset: Dataset,
  scope: Scope,
  counts: Map<string, YearCounts>,
  tabel6: SchoolRow[],
  schools: SchoolFactors<Mode>[]
): FactorSensitivity[] {
  return factorSensitivityOf(dataset.settings, sensitivityBasis(dataset, scope, counts, tabel6), schools);
}

export function factorSensitivityOf(
  settings: Settings,
  basis: SensitivityBasis,
  /** The schools' factors with the use category in its published form: a school whose category is
   *  withheld stays out of every variant's test, as in the report's own. */
  schools: SchoolFactors<Mode>[]
): FactorSensitivity[] {
  const variants: Record<SensitivityVariant, SchoolFactors<Mode>[]> = {
    rapport: schools,
    onafgerond: schools.map((s) => {
      const c = basis.latest.get(s.schoolId);
      const recompute = !isSuppressed(s.useCategory) && s.useCategory !== null && c !== undefined && c.enrolled > 0;
      return {...s, useCategory: recompute ? useCategory((100 * c.pupils) / c.enrolled, settings) : s.useCategory};
    }),
    alle_leerlingen: schools.map((s) => {
      const pupils = basis.everyone.get(s.schoolId) ?? s.enrolledLatestYear;
      return {...s, size: schoolSizeCategory(pupils, settings), sot: s.sotTrajectories === null ? null : sotCategory(s.sotTrajectories, pupils, settings)};
    })
  };
  const tested = Object.fromEntries(
    SENSITIVITY_VARIANTS.map(({key}) => [key, allTables(factorTables(settings, variants[key]))])
  ) as Record<SensitivityVariant, CrossTable[]>;
  const adjusted = Object.fromEntries(
    SENSITIVITY_VARIANTS.map(({key}) => {
      const p = tested[key].map((t) => t.exactTest.pValue);
      const present = p.flatMap((v, i) => (v === null ? [] : [i]));
      const holmP = holm(present.map((i) => p[i] as number));
      const out: (number | null)[] = p.map(() => null);
      present.forEach((i, k) => (out[i] = holmP[k]));
      return [key, out];
    })
  ) as Record<SensitivityVariant, (number | null)[]>;

  return tested.rapport.map((table, i) => {
    const pValues = Object.fromEntries(SENSITIVITY_VARIANTS.map(({key}) => [key, tested[key][i].exactTest.pValue])) as FactorSensitivity["pValues"];
    const holmP = Object.fromEntries(SENSITIVITY_VARIANTS.map(({key}) => [key, adjusted[key][i]])) as FactorSensitivity["holmP"];
    const verdicts = [...Object.values(pValues), ...Object.values(holmP)].filter((p): p is number => p !== null).map((p) => p < ALPHA);
    return {factor: table.factor, label: table.label, pValues, holmP, fragile: new Set(verdicts).size > 1};
  });
}
