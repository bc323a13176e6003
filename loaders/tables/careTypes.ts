// Tabel 3 (distinct pupils per care type per year) and the providers table (distinct pupils per
// provider per year). The row builders are shared with the per-school factsheets.

import type {Mode, Sensitive} from "../suppression.js";
import {careTypeLabel, compareCareTypes, compositeKey, countDistinctPupils} from "./common.js";
import type {Attribution, Scope} from "./scope.js";

export interface YearCount<M extends Mode = "raw"> {
  year: number;
  pupils: Sensitive<M, number>;
}

export interface CareTypeRow<M extends Mode = "raw"> {
  careType: string;
  label: string;
  perYear: YearCount<M>[];
}

export interface ProviderRow<M extends Mode = "raw"> {
  provider: string;
  perYear: YearCount<M>[];
  /** Distinct pupils over all study years (a pupil helped in two years counts once). */
  total: Sensitive<M, number>;
}

export interface CareTypeTables<M extends Mode = "raw"> {
  tabel3: CareTypeRow<M>[];
  providers: ProviderRow<M>[];
  /** Distinct providers that gave youth care in scope (report: 58). A count of organisations. */
  providerCount: number;
}

export const pupilOf = (a: Attribution) => a.pupil;

function perYearCounts(years: number[], counts: Map<string, number>, key: string): YearCount[] {
  return years.map((year) => ({year, pupils: counts.get(compositeKey(key, year)) ?? 0}));
}

/**
 * Distinct pupils per care type per year. `allCareTypes` lists every declared care type (Tabel 3,
 * where a zero says something); otherwise only the types that occur (factsheet item 5).
 */
export function careTypeRows(scope: Scope, care: Attribution[], allCareTypes: boolean): CareTypeRow[] {
  const counts = countDistinctPupils(care, (a) => compositeKey(a.trajectory.careType, a.year), pupilOf, scope.pupils);
  const occurring = new Set(care.map((a) => a.trajectory.careType));
  const keys = allCareTypes ? new Set([...scope.settings.careTypes.map((c) => c.key), ...occurring]) : occurring;
  return [...keys].sort(compareCareTypes(scope.settings)).map((careType) => ({
    careType,
    label: careTypeLabel(scope.settings, careType),
    perYear: perYearCounts(scope.years, counts, careType)
  }));
}

/** Distinct pupils per provider per year, providers ordered by their total (most first), then name. */
export function providerRows(scope: Scope, care: Attribution[]): ProviderRow[] {
  const counts = countDistinctPupils(care, (a) => compositeKey(a.trajectory.provider, a.year), pupilOf, scope.pupils);
  const totals = countDistinctPupils(care, (a) => a.trajectory.provider, pupilOf, scope.pupils);
  return [...totals]
    .sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b, "nl"))
    .map(([provider, total]) => ({provider, perYear: perYearCounts(scope.years, counts, provider), total}));
}

export function careTypeTables(scope: Scope): CareTypeTables {
  return {
    tabel3: careTypeRows(scope, scope.care, true),
    providers: providerRows(scope, scope.care),
    providerCount: new Set(scope.care.map((a) => a.trajectory.provider)).size
  };
}
