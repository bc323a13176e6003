// What the synthetic data set must reproduce: the published figures of "Met nadere ogen".
// They are read from data/default/inhoud/gepubliceerd/ (one source of truth for the report's facts) by the
// generator script and handed to the pure generator as this object.

export interface SchoolTarget {
  name: string;
  /** Resident pupils in the latest year (Tabel 6, "ll 2019"). */
  pupilsLatest: number;
  /** Whole percentage of pupils with youth care per study year, as printed. */
  percentByYear: number[];
}

export interface Targets {
  years: number[];
  schools: SchoolTarget[];
  /** Municipal percentage per year as printed (Tabel 6 total row), e.g. 8.38. */
  totalPercentByYear: number[];
  /** Trajectories started per year without DBC correction (Tabel 2). */
  trajectoriesByYear: number[];
  /** DBC restarts by care type key (Tabel 1). */
  restartsByCareType: Record<string, number>;
  /** Distinct pupils with a start in the window (914). */
  cohortPupils: number;
  /** Figuur 1 counts. */
  status: {inCare: number; stopped: number; outflow: number};
  /** Tabel 4: closed pupils per duration band (0–6, 7–12, …, 31–36 months). */
  durationBands: number[];
  /** Tabel 5: pupils per cost band (lower edges as in the settings). */
  costBands: number[];
  /** Share of total cost carried by pupils at or above the concentration threshold, in % (54). */
  costConcentrationPercent: number;
  /** Pupils above the extreme-cost threshold (2). */
  extremeCostPupils: number;
  /** Eerste Keer Goed, in whole % (34). */
  ekgPercent: number;
  providers: number;
}
