// The report's own published figures (data/default/inhoud/gepubliceerd/*.csv), typed. Used by the synthetic
// generator as its calibration targets and by the reproduction test as the expected values.
// Pure: callers hand in the file texts.

import {parse} from "csv-parse/sync";
import type {Targets} from "./synthetic/targets.js";

export const PUBLISHED_FILES = [
  "kerngetallen.csv",
  "tabel1_dbc_herstarts.csv",
  "tabel2_trajecten_per_jaar.csv",
  "figuur1_status.csv",
  "tabel4_doorlooptijd.csv",
  "tabel5_kosten.csv",
  "tabel6_scholen.csv",
  "tabel6_totaal.csv"
] as const;

export type PublishedTexts = Record<(typeof PUBLISHED_FILES)[number], string>;
type Row = Record<string, string>;

function rows(text: string): Row[] {
  return parse(text, {columns: true, skip_empty_lines: true, trim: true}) as Row[];
}

function num(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isFinite(n)) throw new Error(`published: ${what} is not a number ("${value}")`);
  return n;
}

export interface PublishedSchool {
  school: string;
  pupils2019: number;
  percentByYear: number[];
  /** Growth symbols as printed, between consecutive years. */
  growthAsPrinted: string[];
}

export interface Published {
  years: number[];
  schools: PublishedSchool[];
  totalPercentByYear: number[];
  trajectoriesRaw: number[];
  trajectoriesCorrected: number[];
  restartsByCareType: Record<string, number>;
  restartsTotal: number;
  status: Record<"in_zorg" | "stop_zorg" | "uitstroom", {pct: number; count: number}>;
  /** Closed pupils per duration band in order, and the pupils still in care. */
  durationBands: number[];
  durationInCare: number;
  costBands: {lower: number; upper: number | null; clients: number; pctPrinted: number}[];
  kerngetallen: Map<string, number>;
}

export function readPublished(texts: PublishedTexts): Published {
  const years = [2017, 2018, 2019];
  const schools = rows(texts["tabel6_scholen.csv"]).map((r) => ({
    school: r.school,
    pupils2019: num(r.pupils_2019, `pupils of ${r.school}`),
    percentByYear: years.map((y) => num(r[`pct_${y}`], `${r.school} ${y}`)),
    growthAsPrinted: [r.growth_2017_2018, r.growth_2018_2019]
  }));
  const totals = rows(texts["tabel6_totaal.csv"]);
  const trajectories = rows(texts["tabel2_trajecten_per_jaar.csv"]);
  const perYear = (correction: string) =>
    years.map((y) => num(trajectories.find((r) => r.correction === correction && Number(r.year) === y)?.trajectories, `Tabel 2 ${correction} ${y}`));
  const restarts = rows(texts["tabel1_dbc_herstarts.csv"]);
  const status = Object.fromEntries(
    rows(texts["figuur1_status.csv"]).map((r) => [r.status_key, {pct: num(r.pct, r.status), count: num(r.count_derived, r.status)}])
  ) as Published["status"];
  const duration = rows(texts["tabel4_doorlooptijd.csv"]);
  const kerngetallen = new Map<string, number>();
  for (const r of rows(texts["kerngetallen.csv"])) {
    const value = r.value !== "" ? r.value : r.value_derived;
    if (value !== "" && Number.isFinite(Number(value)) && !kerngetallen.has(r.metric)) kerngetallen.set(r.metric, Number(value));
  }
  return {
    years,
    schools,
    totalPercentByYear: years.map((y) => num(totals.find((r) => Number(r.year) === y)?.pct, `total ${y}`)),
    trajectoriesRaw: perYear("raw"),
    trajectoriesCorrected: perYear("corrected"),
    restartsByCareType: Object.fromEntries(restarts.filter((r) => r.row_type === "product").map((r) => [r.care_type_key, num(r.restarted_trajectories, r.product)])),
    restartsTotal: num(restarts.find((r) => r.row_type === "total")?.restarted_trajectories, "Tabel 1 total"),
    status,
    durationBands: duration.filter((r) => r.lower_months !== "").map((r) => num(r.pupils, r.duration_category)),
    durationInCare: num(duration.find((r) => r.lower_months === "")?.pupils, "Tabel 4 nog in zorg"),
    costBands: rows(texts["tabel5_kosten.csv"]).map((r) => ({
      lower: num(r.lower_eur, r.band_label),
      upper: r.upper_eur === "" ? null : num(r.upper_eur, r.band_label),
      clients: num(r.clients, r.band_label),
      pctPrinted: num(r.pct_printed, r.band_label)
    })),
    kerngetallen
  };
}

function kerngetal(p: Published, metric: string): number {
  const v = p.kerngetallen.get(metric);
  if (v === undefined) throw new Error(`published: kerngetallen.csv has no ${metric}`);
  return v;
}

/** What the synthetic data must reproduce, from the published figures. */
export function targetsFromPublished(p: Published): Targets {
  return {
    years: p.years,
    schools: p.schools.map((s) => ({name: s.school, pupilsLatest: s.pupils2019, percentByYear: s.percentByYear})),
    totalPercentByYear: p.totalPercentByYear,
    trajectoriesByYear: p.trajectoriesRaw,
    restartsByCareType: p.restartsByCareType,
    cohortPupils: kerngetal(p, "pupils_with_youth_care"),
    status: {inCare: p.status.in_zorg.count, stopped: p.status.stop_zorg.count, outflow: p.status.uitstroom.count},
    durationBands: p.durationBands,
    costBands: p.costBands.map((b) => b.clients),
    costConcentrationPercent: kerngetal(p, "cost_concentration_costs_pct"),
    extremeCostPupils: kerngetal(p, "pupils_cost_over_200000_eur"),
    ekgPercent: kerngetal(p, "eerste_keer_goed_pct"),
    providers: kerngetal(p, "youth_care_providers")
  };
}

// ---------------------------------------------------------------------------------------------
// The report's qualitative findings, for the narrative pages.

export interface FactorVerdict {
  section: string;
  factor: string;
  verdict: "ja" | "nee" | "anders" | "onbeantwoord" | string;
  /** "table" when the report gave a Ja/Nee/Anders table, "prose" when only the text says it. */
  basis: string;
  /** True where the verdict column was lost in the text version and is inferred from layout. */
  inferred: boolean;
  reason: string;
  sourceLine: string;
}

export function readFactorVerdicts(text: string): FactorVerdict[] {
  return rows(text).map((r) => ({
    section: r.section,
    factor: r.factor,
    verdict: r.verdict,
    basis: r.basis,
    inferred: r.verdict_inferred === "yes",
    reason: r.reason,
    sourceLine: r.source_line
  }));
}

export interface Erratum {
  id: string;
  reportSays: string;
  inconsistency: string;
  handling: string;
  sourceLine: string;
}

export function readErrata(text: string): Erratum[] {
  return rows(text).map((r) => ({id: r.id, reportSays: r.report_says, inconsistency: r.inconsistency, handling: r.handling, sourceLine: r.source_line}));
}
