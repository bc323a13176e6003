// The public form of the issue-12 statistics (statistics.json), called by publishReport only.
//
// Per school, everything derived from its count (share, funnel position, O/E, the change's
// p-value, the pooled rate) is suppressed with the count Tabel 6 and the factsheet publish.
// The municipality-wide estimates (χ², φ, τ²) and the Holm family of the changes are computed on the
// published counts only, not on all schools: with the municipal total published and two
// schools hidden, χ² over all schools adds a second equation (the sum of their squared z-scores) to
// their known sum, and the two hidden counts would follow from it. Holm's running maximum can
// likewise repeat a hidden school's p-value.

import type {Settings} from "./model.js";
import {isSuppressed, suppressDerived, type Public, type PublicSource} from "./suppression.js";
import {ALPHA, factorSensitivityOf} from "./tables/factorSensitivity.js";
import type {SchoolFactors} from "./tables/factors.js";
import type {MunicipalYear} from "./tables/schools.js";
import {
  STATISTICS_COVERAGES,
  STATISTICS_Z,
  STATISTICS_VARIANTS,
  type PublicRatio,
  type PublicStatistics,
  type PublicYearChange,
  type PublicYearVariation,
  type RawStatistics
} from "./tables/statistics.js";
import {funnelPositions, pooledRate, ratioPosition} from "./tables/variation.js";
import {holm, overdispersion, type Overdispersion} from "./variation.js";

type Sources = [PublicSource, ...PublicSource[]];

export interface StatisticsInputs {
  /** The school's published pupil count in a year: the same one Tabel 6 and the factsheet show. */
  pupils(schoolId: string, year: number): Public<number>;
  /** The raw factors with each school's published use category (as the published factor tables). */
  factorSchools: SchoolFactors<"public">[];
  /** The municipal rows, raw for the values and as published for what is hidden: a count is
   *  only ever computed with from the raw report, never read back from its published form. */
  municipal: {raw: MunicipalYear[]; published: MunicipalYear<"public">[]};
  settings: Settings;
}

/**
 * Over-dispersion of the schools whose count is published, around the published municipal share
 * (the centre of the site's funnel, so both name the same schools), or null when it cannot be
 * estimated.
 */
function publishedOverdispersion(units: {r: number; n: number}[], municipal: StatisticsInputs["municipal"], year: number): Overdispersion | null {
  const raw = municipal.raw.find((m) => m.year === year);
  const published = municipal.published.find((m) => m.year === year);
  if (!raw || !published || isSuppressed(published.pupils) || raw.enrolled === 0) return null;
  const p0 = raw.pupils / raw.enrolled;
  return units.length >= 2 && p0 > 0 && p0 < 1 ? overdispersion(units, undefined, p0) : null;
}

function years(raw: RawStatistics, {pupils, municipal}: StatisticsInputs): PublicYearVariation[] {
  return raw.variation.years.map(({year, schools}) => {
    const shown = schools.filter((s) => !isSuppressed(pupils(s.schoolId, year)));
    const od = publishedOverdispersion(
      shown.map((s) => ({r: s.pupils, n: s.enrolled})),
      municipal,
      year
    );
    return {
      year,
      overdispersion: od,
      schoolsInEstimate: od ? shown.length : 0,
      schools: schools.map((s) => {
        const count: Sources = [pupils(s.schoolId, year)];
        const positions = od ? funnelPositions(s.pupils, s.enrolled, od) : null;
        const {expected, ratio, lower, upper} = s.standardised;
        const standardised: PublicRatio | null = expected > 0 ? {expected, ratio, lower, upper, position: ratioPosition(s.standardised)} : null;
        return {
          schoolId: s.schoolId,
          name: s.name,
          enrolled: s.enrolled,
          share: suppressDerived(s.pupils / s.enrolled, count),
          binomial: suppressDerived(positions?.binomial ?? null, count),
          overdispersed: suppressDerived(positions?.overdispersed ?? null, count),
          standardised: suppressDerived(standardised, count) as Public<PublicRatio>
        };
      })
    };
  });
}

function changes(raw: RawStatistics, pupils: StatisticsInputs["pupils"]): PublicYearChange[] {
  const rows = raw.variation.changes.map((c) => {
    const sources: Sources = [pupils(c.schoolId, c.from), pupils(c.schoolId, c.to)];
    return {raw: c, pValue: suppressDerived(c.pValue, sources)};
  });
  const holmP = new Map<(typeof rows)[number], Public<number>>();
  for (const from of new Set(rows.map((r) => r.raw.from))) {
    const family = rows.filter((r) => r.raw.from === from);
    const shown = family.filter((r) => !isSuppressed(r.pValue));
    const adjusted = holm(shown.map((r) => r.raw.pValue));
    shown.forEach((r, k) => holmP.set(r, suppressDerived(adjusted[k], [r.pValue])));
    for (const r of family) if (!holmP.has(r)) holmP.set(r, r.pValue);
  }
  return rows.map((r) => ({
    schoolId: r.raw.schoolId,
    name: r.raw.name,
    from: r.raw.from,
    to: r.raw.to,
    pValue: r.pValue,
    holmP: holmP.get(r) as Public<number>
  }));
}

function pooled(raw: RawStatistics, {pupils, municipal}: StatisticsInputs): PublicStatistics["pooled"] {
  const interval = (rate: ReturnType<typeof pooledRate>) => (rate ? {rate: rate.rate, lower: rate.lower, upper: rate.upper} : null);
  const municipalSources = municipal.published.map((m) => m.pupils) as Sources;
  const municipalRate = pooledRate(municipal.raw);
  const years = municipal.raw.map((m) => m.year);
  return {
    municipality: suppressDerived(interval(municipalRate), municipalSources),
    schools: raw.variation.pooled.map((p) => ({
      schoolId: p.schoolId,
      name: p.name,
      enrolled: p.enrolled,
      estimate: suppressDerived({rate: p.rate, lower: p.lower, upper: p.upper}, years.map((year) => pupils(p.schoolId, year)) as Sources)
    }))
  };
}

export function publishStatistics(raw: RawStatistics, inputs: StatisticsInputs): PublicStatistics {
  return {
    alpha: ALPHA,
    coverages: STATISTICS_COVERAGES,
    z: STATISTICS_Z,
    years: years(raw, inputs),
    changes: changes(raw, inputs.pupils),
    pooled: pooled(raw, inputs),
    sensitivity: {
      variants: STATISTICS_VARIANTS,
      factors: factorSensitivityOf(inputs.settings, raw.sensitivity, inputs.factorSchools)
    }
  };
}
