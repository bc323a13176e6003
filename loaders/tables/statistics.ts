// Issue 12 in the report: the between-school variation and the factor tests' sensitivity, in the
// raw form the report computes and the public form `statistics.json` publishes (publishStatistics.ts).
// The public form holds no count of pupils: a page that needs one reads Tabel 6 or the factsheet,
// so every count stays registered once in the disclosure model.

import type {Dataset} from "../model.js";
import type {Mode, Public} from "../suppression.js";
import {coverageZ, type Overdispersion} from "../variation.js";
import type {SchoolRef} from "./common.js";
import {sensitivityBasis, SENSITIVITY_VARIANTS, type FactorSensitivity, type SensitivityBasis} from "./factorSensitivity.js";
import type {Scope} from "./scope.js";
import type {SchoolRow, YearCounts} from "./schools.js";
import {COVERAGES, variationTables, type Position, type VariationTables} from "./variation.js";

export interface RawStatistics {
  variation: VariationTables;
  sensitivity: SensitivityBasis;
}

/** O/E with its exact 95 % interval; `expected` comes from enrolment and age mix only. */
export interface PublicRatio {
  expected: number;
  ratio: number;
  lower: number;
  upper: number;
  position: Position;
}

export interface PublicSchoolVariation extends SchoolRef {
  enrolled: number;
  /** Pupils with youth care / pupils enrolled (0…1), unrounded. */
  share: Public<number>;
  /** Against the binomial and the over-dispersed limits, at each of `coverages`; null without an estimate. */
  binomial: Public<[Position, Position] | null>;
  overdispersed: Public<[Position, Position] | null>;
  standardised: Public<PublicRatio>;
}

export interface PublicYearVariation {
  year: number;
  /** Estimated on the schools whose count is published (`schoolsInEstimate`); null with fewer than two. */
  overdispersion: Overdispersion | null;
  schoolsInEstimate: number;
  schools: PublicSchoolVariation[];
}

export interface PublicYearChange extends SchoolRef {
  from: number;
  to: number;
  /** Fisher's exact test of the two years' shares. */
  pValue: Public<number>;
  /** Holm over the schools of this pair of years whose change is published. */
  holmP: Public<number>;
}

export interface PublicInterval {
  rate: number;
  lower: number;
  upper: number;
}

export interface PublicStatistics {
  /** The level every verdict on this page uses. */
  alpha: number;
  /** The funnels' coverages (0.95, 0.998), the order of `binomial` and `overdispersed`. */
  coverages: number[];
  /** The normal quantile of each coverage, for the over-dispersed limits (src/lib/funnel.ts). */
  z: number[];
  years: PublicYearVariation[];
  changes: PublicYearChange[];
  /** Pupil-years with youth care over pupil-years enrolled across all study years. */
  pooled: {
    municipality: Public<PublicInterval | null>;
    schools: (SchoolRef & {enrolled: number; estimate: Public<PublicInterval>})[];
  };
  sensitivity: {
    variants: {key: string; label: string}[];
    factors: FactorSensitivity[];
  };
}

export type StatisticsTables<M extends Mode = "raw"> = M extends "public" ? PublicStatistics : RawStatistics;

export function statisticsTables(dataset: Dataset, scope: Scope, counts: Map<string, YearCounts>, tabel6: SchoolRow[]): RawStatistics {
  return {variation: variationTables(scope, counts), sensitivity: sensitivityBasis(dataset, scope, counts, tabel6)};
}

export const STATISTICS_COVERAGES: number[] = [...COVERAGES];
export const STATISTICS_Z: number[] = STATISTICS_COVERAGES.map(coverageZ);
export const STATISTICS_VARIANTS = SENSITIVITY_VARIANTS.map(({key, label}) => ({key, label}));
