// computeReport: every table of the report from a validated Dataset, unsuppressed. Internal only:
// what leaves loaders/ goes through publishReport (publish.ts).

import type {Dataset, IsoDate, Settings} from "./model.js";
import type {Mode} from "./suppression.js";
import {ageTables, type AgeTables} from "./tables/ages.js";
import {careTypeTables, type CareTypeTables} from "./tables/careTypes.js";
import {costTable, type CostTable} from "./tables/costs.js";
import {dbcTables, type DbcTables} from "./tables/dbc.js";
import {buildFactorTables, type FactorTables} from "./tables/factors.js";
import {factsheets, type Factsheet} from "./tables/factsheet.js";
import {kerngetallen, type Kerngetallen} from "./tables/kerngetallen.js";
import {outflowTable, type OutflowTable} from "./tables/outflow.js";
import {schoolTables, schoolYearCounts, type SchoolTables} from "./tables/schools.js";
import {buildScope, scopeTable, type Scope, type ScopeTable} from "./tables/scope.js";
import {statisticsTables, type StatisticsTables} from "./tables/statistics.js";
import {cohortStatuses, statusTables, type StatusTables} from "./tables/status.js";

export interface ReportMeta {
  municipality: string;
  years: number[];
  latestYear: number;
  statusDate: IsoDate;
  youthCareDefinition: Settings["youthCareDefinition"];
  /** The build uses made-up data (the default set): pages say so. */
  synthetic: boolean;
  /** The suppression threshold: counts below it are shown as "< minCount". */
  minCount: number;
  /** The settings the definitions quote, so pages state the rules with this build's numbers. */
  rules: Pick<
    Settings,
    "statusRuleMonths" | "zorgpadMonths" | "useCategories" | "growthCategories" | "durationBands" | "costBands" | "costConcentrationThreshold" | "extremeCostThreshold" | "schoolSize" | "sotPer100"
  > & {dbcTransitionYear: number};
}

/** The report in either form; each part can be written to its own file for the pages that need it. */
export interface ReportOf<M extends Mode> {
  meta: ReportMeta;
  scope: ScopeTable<M>;
  kerngetallen: Kerngetallen<M>;
  /** Tabel 1 and Tabel 2. */
  dbc: DbcTables<M>;
  /** Tabel 3 and the providers. */
  careTypes: CareTypeTables<M>;
  /** Figuur 1 and Tabel 4. */
  status: StatusTables<M>;
  /** Tabel 5. */
  costs: CostTable<M>;
  /** Figuur 2 and EKG. */
  outflow: OutflowTable<M>;
  /** Tabel 6 and the growth patterns. */
  schools: SchoolTables<M>;
  /** Tabel 8, Tabel 9 and the interview factors. */
  factors: FactorTables<M>;
  /** Grafiek 1 and 2. */
  ages: AgeTables<M>;
  factsheets: Factsheet<M>[];
  /** Issue 12: between-school variation, change between years, the factor tests' sensitivity.
   *  Null only where a caller said it needs none (see `reuse`). */
  statistics: StatisticsTables<M> | null;
}

export type Report = ReportOf<"raw">;

/** What the report says about itself: the municipality, the years and the rules it was computed with. */
export function reportMeta(settings: Settings, scope: Pick<Scope, "latestYear">): ReportMeta {
  return {
    municipality: settings.municipality,
    years: settings.years,
    latestYear: scope.latestYear,
    statusDate: settings.statusDate,
    youthCareDefinition: settings.youthCareDefinition,
    synthetic: settings.syntheticData,
    minCount: settings.suppression.minCount,
    rules: {
      statusRuleMonths: settings.statusRuleMonths,
      zorgpadMonths: settings.zorgpadMonths,
      useCategories: settings.useCategories,
      growthCategories: settings.growthCategories,
      durationBands: settings.durationBands,
      costBands: settings.costBands,
      costConcentrationThreshold: settings.costConcentrationThreshold,
      extremeCostThreshold: settings.extremeCostThreshold,
      schoolSize: settings.schoolSize,
      sotPer100: settings.sotPer100,
      dbcTransitionYear: settings.dbc.transitionYear
    }
  };
}

/** `scope` may be passed by a caller that needs it too (the explorer's cube): it is built once.
 *  `reuse` hands in parts computed already: the disclosure model reports on one pupil at a time
 *  and keeps the factor tables (counts of schools, no pupils) of the whole dataset; it passes
 *  `statistics: null` because statistics.json holds no count (tests/unit/publish-statistics.test.ts)
 *  and would double the time of each one-pupil report. */
export function computeReport(dataset: Dataset, scope = buildScope(dataset), reuse: {factors?: FactorTables; statistics?: null} = {}): Report {
  return computeReportParts(dataset, scope, reuse) as Report;
}

/** A report with only some of its parts (computeReportParts), and always its meta. */
export type PartialReport<M extends Mode = "raw"> = Partial<ReportOf<M>> & Pick<ReportOf<M>, "meta">;

/**
 * computeReport, of the parts in `reuse.parts` only (every part when absent), with the parts they
 * are made from or published with: kerngetallen summarise schools, status, outflow and care types;
 * Tabel 6 and the factsheets are published together (the schools' counts are the factsheets'). The
 * disclosure model reads a one-pupil report in the parts that hold counts of its unit: a trajectory
 * unit's report has no need of the ages or the costs, a third of computing, publishing and walking one.
 * Each part is the same as in the whole report: the same table, computed the same way.
 */
export function computeReportParts(
  dataset: Dataset,
  scope = buildScope(dataset),
  reuse: {factors?: FactorTables; statistics?: null; parts?: ReadonlySet<string>} = {}
): PartialReport {
  const {settings} = dataset;
  const wanted = reuse.parts;
  const wants = (part: keyof Report) => wanted === undefined || wanted.has(part);
  const headline = wants("kerngetallen");
  const schoolParts = headline || wants("schools") || wants("factsheets") || wants("factors") || wants("statistics");
  const counts = schoolYearCounts(scope);
  const statuses = cohortStatuses(scope);
  const schools = schoolParts ? schoolTables(scope, counts) : undefined;
  const status = headline || wants("status") ? statusTables(scope, statuses) : undefined;
  const outflow = headline || wants("outflow") ? outflowTable(scope) : undefined;
  const careTypes = headline || wants("careTypes") ? careTypeTables(scope) : undefined;
  return withoutAbsent({
    meta: reportMeta(settings, scope),
    scope: wants("scope") ? scopeTable(scope) : undefined,
    kerngetallen: headline ? kerngetallen(schools!, status!, outflow!, careTypes!) : undefined,
    dbc: wants("dbc") ? dbcTables(scope) : undefined,
    careTypes,
    status,
    costs: wants("costs") ? costTable(scope) : undefined,
    outflow,
    schools,
    factors: wants("factors") ? (reuse.factors ?? buildFactorTables(scope, schools!.tabel6)) : undefined,
    ages: wants("ages") ? ageTables(scope) : undefined,
    factsheets: schoolParts ? factsheets(scope, counts, statuses) : undefined,
    statistics: wants("statistics") ? (reuse.statistics === null ? null : statisticsTables(dataset, scope, counts, schools!.tabel6)) : undefined
  });
}

/** The object without its undefined fields (parts not computed), the others in their order. */
export function withoutAbsent<T extends object>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as T;
}
