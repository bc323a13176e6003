// Kerngetallen: the headline numbers, taken from the tables they summarise so they always agree.

import type {Mode, Sensitive} from "../suppression.js";
import type {CareTypeTables} from "./careTypes.js";
import {compareSchools, type SchoolRef} from "./common.js";
import type {OutflowTable} from "./outflow.js";
import type {MunicipalYear, SchoolRow, SchoolTables} from "./schools.js";
import type {StatusTables} from "./status.js";

export interface SchoolExtreme {
  /** Whole percent. */
  pct: number;
  schools: SchoolRef[];
}

export interface Kerngetallen<M extends Mode = "raw"> {
  latestYear: number;
  /** Enrolment of the latest year (report: 4550). */
  enrolledLatestYear: number;
  /** Latest year, from the municipal row of Tabel 6 (report: 8.55). */
  latest: MunicipalYear<M>;
  /** The lowest and highest whole percentage among the schools of Tabel 6 (report: 4 and 16). */
  lowestSchools: Sensitive<M, SchoolExtreme | null>;
  highestSchools: Sensitive<M, SchoolExtreme | null>;
  /** How many schools the extremes compare: all of Tabel 6 in the raw report, only the schools
   *  whose percentage is published in the public one. */
  extremesAmong: number;
  ekg: Sensitive<M, number | null>;
  cohortPupils: Sensitive<M, number>;
  providerCount: number;
  /** Share of the cohort in care on the peildatum, 2 decimals (report: 47.37). */
  pctInCareAtStatusDate: Sensitive<M, number | null>;
  perYear: MunicipalYear<M>[];
}

function latestPct(row: Pick<SchoolRow, "years">): number | null {
  return row.years[row.years.length - 1].pct;
}

/** The schools at the lowest (direction 1) or highest (direction −1) latest whole percentage. */
export function schoolExtreme(rows: Pick<SchoolRow, "schoolId" | "name" | "years">[], direction: 1 | -1): SchoolExtreme | null {
  const values = rows.map(latestPct).filter((p): p is number => p !== null);
  if (values.length === 0) return null;
  const pct = direction === 1 ? Math.min(...values) : Math.max(...values);
  return {pct, schools: rows.filter((r) => latestPct(r) === pct).map(({schoolId, name}) => ({schoolId, name})).sort(compareSchools)};
}

export function kerngetallen(
  schools: SchoolTables,
  status: StatusTables,
  outflow: OutflowTable,
  careTypes: CareTypeTables
): Kerngetallen {
  const perYear = schools.total.years;
  const latest = perYear[perYear.length - 1];
  return {
    latestYear: latest.year,
    enrolledLatestYear: latest.enrolled,
    latest,
    lowestSchools: schoolExtreme(schools.tabel6, 1),
    highestSchools: schoolExtreme(schools.tabel6, -1),
    extremesAmong: schools.tabel6.length,
    ekg: outflow.ekg,
    cohortPupils: status.cohortPupils,
    providerCount: careTypes.providerCount,
    pctInCareAtStatusDate: status.figuur1.find((r) => r.status === "in_zorg")?.pct ?? null,
    perYear
  };
}
