// Tabel 1 (DBC restarts by care type) and Tabel 2 (trajectories started per year, raw and corrected).

import {yearOf} from "../dates.js";
import type {Mode, Sensitive} from "../suppression.js";
import {careTypeLabel, compareCareTypes, increment} from "./common.js";
import type {Scope} from "./scope.js";

export interface RestartRow<M extends Mode = "raw"> {
  careType: string;
  label: string;
  restarts: Sensitive<M, number>;
}

export interface TrajectoryYearRow<M extends Mode = "raw"> {
  year: number;
  raw: Sensitive<M, number>;
  corrected: Sensitive<M, number>;
}

export interface DbcTables<M extends Mode = "raw"> {
  transitionYear: number;
  /** Restarts by the care type of the restarted (new) trajectory; only care types with restarts. */
  tabel1: RestartRow<M>[];
  tabel1Total: Sensitive<M, number>;
  tabel2: TrajectoryYearRow<M>[];
}

export function dbcTables(scope: Scope): DbcTables {
  const {settings} = scope;
  const byCareType = new Map<string, number>();
  const byYear = new Map<number, number>();
  for (const {after} of scope.restarts) {
    increment(byCareType, after.careType);
    increment(byYear, yearOf(after.start));
  }
  const rawByYear = new Map<number, number>();
  for (const a of scope.started) increment(rawByYear, a.year);
  return {
    transitionYear: settings.dbc.transitionYear,
    tabel1: [...byCareType.keys()]
      .sort(compareCareTypes(settings))
      .map((careType) => ({careType, label: careTypeLabel(settings, careType), restarts: byCareType.get(careType) ?? 0})),
    tabel1Total: scope.restarts.length,
    tabel2: scope.years.map((year) => {
      const raw = rawByYear.get(year) ?? 0;
      return {year, raw, corrected: raw - (byYear.get(year) ?? 0)};
    })
  };
}
