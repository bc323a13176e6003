// Figuur 1 (status of the cohort at the peildatum) and Tabel 4 (duration of care of the cohort).

import {
  careDurationMonths,
  careStatus,
  CARE_STATUSES,
  DECIMALS,
  durationBand,
  durationBands,
  percentage,
  type CareStatus
} from "../definitions.js";
import type {IsoDate} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import {increment} from "./common.js";
import type {CohortPupil, Scope} from "./scope.js";

export const STATUS_LABELS: Record<CareStatus, string> = {
  in_zorg: "In zorg",
  stop_zorg: "Stop zorg",
  uitstroom: "Uitstroom"
};

export interface StatusRow<M extends Mode = "raw"> {
  status: CareStatus;
  label: string;
  pupils: Sensitive<M, number>;
  /** Share of the cohort, 2 decimals (47.37). */
  pct: Sensitive<M, number | null>;
}

export interface DurationRow<M extends Mode = "raw"> {
  /** A band key like "7-12", ">36", or "in_zorg" for the pupils still in care. */
  key: string;
  label: string;
  pupils: Sensitive<M, number>;
}

export interface StatusTables<M extends Mode = "raw"> {
  statusDate: IsoDate;
  cohortPupils: Sensitive<M, number>;
  figuur1: StatusRow<M>[];
  tabel4: DurationRow<M>[];
}

export const IN_CARE_KEY = "in_zorg";

function trajectoriesOf(pupil: CohortPupil) {
  return pupil.attributions.map((a) => a.trajectory);
}

/** Status at the peildatum per cohort pupil (rule 7), on the raw in-scope trajectories, keyed by the
 *  pupil's code (Attribution.pupil): numbers, not half a million id strings, nationally. */
export function cohortStatuses(scope: Scope): Map<number, CareStatus> {
  return new Map(scope.cohort.map((p) => [p.attributions[0].pupil, careStatus(trajectoriesOf(p), scope.settings)]));
}

export function statusTables(scope: Scope, statuses: Map<number, CareStatus>): StatusTables {
  const {settings} = scope;
  const total = scope.cohort.length;
  const perStatus = new Map<CareStatus, number>();
  const perBand = new Map<string, number>();
  for (const pupil of scope.cohort) {
    const status = statuses.get(pupil.attributions[0].pupil) as CareStatus;
    increment(perStatus, status);
    increment(perBand, status === "in_zorg" ? IN_CARE_KEY : durationBand(careDurationMonths(trajectoriesOf(pupil)), settings).key);
  }
  return {
    statusDate: settings.statusDate,
    cohortPupils: total,
    figuur1: CARE_STATUSES.map((status) => {
      const pupils = perStatus.get(status) ?? 0;
      return {status, label: STATUS_LABELS[status], pupils, pct: percentage(pupils, total, DECIMALS.municipalPercentage)};
    }),
    tabel4: [
      ...durationBands(settings).map(({key, label}) => ({key, label, pupils: perBand.get(key) ?? 0})),
      {key: IN_CARE_KEY, label: "Nog in zorg", pupils: perBand.get(IN_CARE_KEY) ?? 0}
    ]
  };
}
