// The validated, typed form of a municipality's input folder. Everything downstream of the
// contract (definitions, tables, the generator's self-check) works on these types only.
//
// Dates are ISO strings "YYYY-MM-DD" (no time zone, no Date objects): they sort and compare
// as strings, serialize as themselves and never shift with TZ.

export type IsoDate = string; // "YYYY-MM-DD"
export type YearMonth = string; // "YYYY-MM"

/** One row of leerlingen.csv: a pupil enrolled at a school on an enrolment date (teldatum). */
export interface Enrolment {
  pupilId: string;
  schoolId: string;
  /** The teldatum of the snapshot; its calendar year is the enrolment year. */
  date: IsoDate;
  year: number;
  birthMonth: YearMonth;
  municipality: string;
}

/** One row of trajecten.csv: a youth-care trajectory as billed by a provider. */
export interface Trajectory {
  id: string;
  pupilId: string;
  productCategory: string;
  productCode: string;
  /** Care type key (a `careTypes[].key` from the settings), looked up in zorgvormen.csv. */
  careType: string;
  provider: string;
  start: IsoDate;
  /** Last day of care; null while the trajectory is ongoing. */
  end: IsoDate | null;
  /** Cost in euros, billed so far. */
  cost: number;
}

export type SesCategory = "laag" | "midden" | "hoog";
export type IbExperience = "<2" | "2-5" | ">5";

/** One row of scholen.csv. Interview-coded fields are null for schools that did not take part. */
export interface School {
  id: string;
  name: string;
  board: string;
  denomination: string;
  concept: string | null;
  /** Socio-economic status of the school's neighbourhood (from data, not from the interviews).
   *  Null in every school when scholen.csv has no factor columns: then there is no factor analysis. */
  sesNeighbourhood: SesCategory | null;
  /** Number of school-support-team (SOT) trajectories in the last year; null as sesNeighbourhood. */
  sotTrajectories: number | null;
  /** Null in every school when scholen.csv has no deelname_interview: there were no interviews. */
  participated: boolean | null;
  ibCount: number | null;
  ibExperience: IbExperience | null;
  /** Dorpsteam rating category 1 (3–4), 2 (5–6), 3 (7–8); null when no grade was given. */
  dorpsteamRating: 1 | 2 | 3 | null;
  sesSelfReported: SesCategory | null;
}

/** One row of zorgvormen.csv: which care type a product belongs to. Empty code = whole category. */
export interface ProductMapping {
  productCategory: string;
  productCode: string | null;
  careType: string;
}

export interface CareTypeSetting {
  key: string;
  label: string;
}

/** instellingen.json: every year, date and threshold of the report. */
export interface Settings {
  municipality: string;
  /** Calendar years of the study, ascending; the last one is "the latest year". */
  years: number[];
  /** Peildatum for the trajectory status (Figuur 1), e.g. the day after the last year. */
  statusDate: IsoDate;
  /** Months without care that separate "stop zorg" from "uitstroom". */
  statusRuleMonths: number;
  /** A next trajectory within this many months of the previous end belongs to the same zorgpad. */
  zorgpadMonths: number;
  /** "started": pupil with youth care in year Y = a trajectory started in Y (the report's numbers).
   *  "active": a trajectory running at some day of Y. */
  youthCareDefinition: "started" | "active";
  useCategories: {lowBelow: number; highAbove: number};
  growthCategories: {moderate: number; strong: number};
  durationBands: {widthMonths: number; maxMonths: number};
  /** Lower edges in euros, ascending, starting at 0; the last band is open. */
  costBands: number[];
  costConcentrationThreshold: number;
  extremeCostThreshold: number;
  schoolSize: {smallBelow: number; largeAbove: number};
  /** SOT trajectories per 100 pupils. */
  sotPer100: {lowBelow: number; highAbove: number};
  /** minCount: counts 1 … minCount − 1 are small. auditWidth: the disclosure audit requires that the
   *  interval that can be proven for a small count be at least this wide, hi − lo (default minCount).
   *  cubeRoundBelow: the explorer's cube publishes counts below it as 0 or as it (default 3·minCount).
   *  confirmLowerMinCount: required for a minCount below 5, an auditWidth below minCount or a
   *  cubeRoundBelow below 3·minCount. */
  suppression: {minCount: number; auditWidth?: number; cubeRoundBelow?: number; confirmLowerMinCount?: boolean};
  /** Secret for the explorer's cell keys (loaders/cube/keys.ts); absent: derived from the input. */
  cellKeySecret?: string;
  /** How many percent enrolments in leerlingen.csv may differ from DUO's count per school and year
   *  before the data-quality page flags it (import/duo.ts compareWithDuo); absent: 10. */
  duoMarginPercent?: number;
  dbc: {
    /** First year of the new product codes: restarts are Dec (year−1) → Jan (year). */
    transitionYear: number;
    sameProvider: boolean;
    /** Ordered pairs [before, after] of care types that count as the same care across the transition. */
    equivalentCareTypes: [string, string][];
  };
  careTypes: CareTypeSetting[];
  dyslexiaCareType: string;
  /** True for the made-up default data set: pages then say so. Optional in the file; default false. */
  syntheticData: boolean;
}

export interface Dataset {
  settings: Settings;
  schools: School[];
  enrolments: Enrolment[];
  /** Enrolments of pupils living elsewhere: outside the report's scope, kept only so that a school's
   *  size can also be measured by everyone enrolled (issue 12's sensitivity of the size factor). */
  nonResidentEnrolments?: Enrolment[];
  trajectories: Trajectory[];
  productMappings: ProductMapping[];
  /** Each row's pupil as a number, from loadDataset; a dataset made in code has none and
   *  tables/scope.ts numbers the ids itself (pupilCodesOf). */
  pupilCodes?: PupilCodes;
}

/**
 * The pupils numbered 0 … count − 1 (one number per pupil id, shared by its enrolments and
 * trajectories), per row in the order of the dataset's lists. The tables count and look up pupils by
 * these instead of hashing a million id strings (issue 13 item 2).
 */
export interface PupilCodes {
  count: number;
  enrolments: Int32Array;
  nonResidentEnrolments: Int32Array;
  trajectories: Int32Array;
}
