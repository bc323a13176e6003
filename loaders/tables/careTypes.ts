// Tabel 3 (distinct pupils per care type per year) and the providers table (distinct pupils per
// provider per year). The row builders are shared with the per-school factsheets.

import type {Mode, Sensitive} from "../suppression.js";
import {careTypeLabel, compositeKey, countDistinctPupils, countDistinctPupilsByNumber} from "./common.js";
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
  const {years, careTypes, settings} = scope;
  const yearIndex = new Map(years.map((year, k) => [year, k]));
  const counts = countDistinctPupilsByNumber(care, (a) => a.careType * years.length + yearIndex.get(a.year)!, careTypes.length * years.length, pupilOf, scope.pupils);
  return listedCareTypes(scope, care, allCareTypes).map((type) => ({
    careType: careTypes[type],
    label: careTypeLabel(settings, careTypes[type]),
    perYear: years.map((year, k) => ({year, pupils: counts[type * years.length + k]}))
  }));
}

/**
 * The care types a table lists, as positions in Scope.careTypes, ascending (so in compareCareTypes'
 * order): those of the attributions, and with `allCareTypes` every declared one too.
 */
export function listedCareTypes(scope: Pick<Scope, "careTypes" | "settings">, attributions: Attribution[], allCareTypes: boolean): number[] {
  const listed = new Uint8Array(scope.careTypes.length);
  for (let i = 0; i < attributions.length; i++) listed[attributions[i].careType] = 1;
  if (allCareTypes) for (const {key} of scope.settings.careTypes) listed[scope.careTypes.indexOf(key)] = 1;
  const positions: number[] = [];
  listed.forEach((isListed, type) => isListed === 1 && positions.push(type));
  return positions;
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
