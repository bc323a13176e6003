// Tabel 8 (school size, SES of the neighbourhood and SOT rate against the use category), Tabel 9
// (dorpsteam rating against the use category) and the other interview factors. Cells count
// schools, which are not sensitive; the use category of a school is (it derives from a count).

import {
  schoolSizeCategory,
  sotCategory,
  USE_CATEGORIES,
  type SizeCategory,
  type SotCategory,
  type UseCategory
} from "../definitions.js";
import type {IbExperience, School, SesCategory, Settings} from "../model.js";
import {fisherFreemanHalton} from "../statistics.js";
import {isSuppressed, type Mode, type Sensitive} from "../suppression.js";
import {compareSchools, type SchoolRef} from "./common.js";
import type {Scope} from "./scope.js";
import type {SchoolRow} from "./schools.js";

/** Column of a cross-table: a use category, or "afgeschermd" for a school whose category is suppressed. */
export type UseColumn = UseCategory | "afgeschermd";

export interface SchoolFactors<M extends Mode = "raw"> extends SchoolRef {
  useCategory: Sensitive<M, UseCategory | null>;
  enrolledLatestYear: number;
  size: SizeCategory;
  /** Null when scholen.csv has no factor columns (then no page shows these tables). */
  ses: SesCategory | null;
  sotTrajectories: number | null;
  sot: SotCategory | null;
  participated: boolean;
  dorpsteamRating: 1 | 2 | 3 | null;
  ibExperience: IbExperience | null;
  ibCount: number | null;
  sesSelfReported: SesCategory | null;
}

export interface Category {
  key: string;
  label: string;
}

export interface CrossCell {
  row: string;
  column: UseColumn;
  schools: number;
  members: SchoolRef[];
}

/**
 * The Fisher–Freeman–Halton exact test of a cross-table: is the spread of the schools over the use
 * categories what chance alone would often give, considering the row and column totals? It tests
 * association of any shape, not a direction or a straight-line relation.
 */
export interface ExactTest {
  /** Null when the test cannot be run (see `untestable`). */
  pValue: number | null;
  untestable: "one_category" | "too_many_tables" | null;
  /** Schools in the test: a known factor value and a published use category. */
  schools: number;
  /** Left out: use category withheld ("afgeschermd"); it would have to be known to place the school. */
  withheld: number;
  /** Left out: factor value unknown ("onbekend", "geen cijfer"); not a category of the factor. */
  unknownFactor: number;
}

export interface CrossTable {
  factor: string;
  label: string;
  rows: Category[];
  columns: Category[];
  /** Every row × column combination, zeros included, in row then column order. */
  cells: CrossCell[];
  /** Computed from `cells` alone, so the published table tests only published use categories. */
  exactTest: ExactTest;
}

export interface FactorTables<M extends Mode = "raw"> {
  schools: SchoolFactors<M>[];
  /** Omvang, SES wijk, SOT per 100 leerlingen (all schools of Tabel 6). */
  tabel8: CrossTable[];
  /** Dorpsteam rating (schools that took part in the interviews). */
  tabel9: CrossTable;
  /** IB experience, number of IB'ers and self-reported SES (schools that took part). */
  interviews: CrossTable[];
}

export const USE_LABELS: Record<UseColumn, string> = {
  laag: "Laag",
  gemiddeld: "Gemiddeld",
  hoog: "Hoog",
  afgeschermd: "Afgeschermd (kleine aantallen)"
};

const UNKNOWN: Category = {key: "onbekend", label: "Onbekend"};
const NO_GRADE: Category = {key: "geen_cijfer", label: "Geen cijfer"};
/** Rows that say the factor is not known; they are shown but are no category of the factor. */
const NO_VALUE_ROWS = new Set([UNKNOWN.key, NO_GRADE.key]);

interface FactorSpec {
  factor: string;
  label: string;
  rows: Category[];
  participantsOnly: boolean;
  rowOf: (s: SchoolFactors<Mode>) => string;
}

function sesRows(): Category[] {
  return ["laag", "midden", "hoog"].map((key) => ({key, label: key[0].toUpperCase() + key.slice(1)}));
}

function factorSpecs(settings: Settings, schools: SchoolFactors<Mode>[]): FactorSpec[] {
  const {schoolSize: size, sotPer100: sot} = settings;
  const ibCounts = [...new Set(schools.filter((s) => s.participated).map((s) => s.ibCount))]
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  return [
    {
      factor: "omvang",
      label: "Omvang van de school (leerlingen)",
      rows: [
        {key: "klein", label: `Klein (minder dan ${size.smallBelow})`},
        {key: "middel", label: `Middel (${size.smallBelow} t/m ${size.largeAbove})`},
        {key: "groot", label: `Groot (meer dan ${size.largeAbove})`}
      ],
      participantsOnly: false,
      rowOf: (s) => s.size
    },
    {factor: "ses_wijk", label: "Sociaaleconomische status van de wijk", rows: sesRows(), participantsOnly: false, rowOf: (s) => s.ses ?? UNKNOWN.key},
    {
      factor: "sot",
      label: "SOT-trajecten per 100 leerlingen",
      rows: [
        {key: "weinig", label: `Weinig (minder dan ${sot.lowBelow})`},
        {key: "gemiddeld", label: `Gemiddeld (${sot.lowBelow} t/m ${sot.highAbove})`},
        {key: "veel", label: `Veel (meer dan ${sot.highAbove})`},
        UNKNOWN
      ],
      participantsOnly: false,
      rowOf: (s) => s.sot ?? UNKNOWN.key
    },
    {
      factor: "dorpsteam",
      label: "Rapportcijfer samenwerking dorpsteam",
      rows: [
        {key: "1", label: "Categorie 1 (cijfer 3–4)"},
        {key: "2", label: "Categorie 2 (cijfer 5–6)"},
        {key: "3", label: "Categorie 3 (cijfer 7–8)"},
        NO_GRADE
      ],
      participantsOnly: true,
      rowOf: (s) => (s.dorpsteamRating === null ? NO_GRADE.key : String(s.dorpsteamRating))
    },
    {
      factor: "ib_ervaring",
      label: "Ervaringsjaren IB'er",
      rows: [
        {key: "<2", label: "Minder dan 2 jaar"},
        {key: "2-5", label: "2 tot 5 jaar"},
        {key: ">5", label: "Meer dan 5 jaar"},
        UNKNOWN
      ],
      participantsOnly: true,
      rowOf: (s) => s.ibExperience ?? UNKNOWN.key
    },
    {
      factor: "ib_aantal",
      label: "Aantal IB'ers",
      rows: [...ibCounts.map((n) => ({key: String(n), label: String(n)})), UNKNOWN],
      participantsOnly: true,
      rowOf: (s) => (s.ibCount === null ? UNKNOWN.key : String(s.ibCount))
    },
    {
      factor: "ses_zelf",
      label: "Sociaaleconomische status volgens de school",
      rows: [...sesRows(), UNKNOWN],
      participantsOnly: true,
      rowOf: (s) => s.sesSelfReported ?? UNKNOWN.key
    }
  ];
}

/** The column of a school: its use category, or afgeschermd when that is suppressed. */
function useColumn(value: SchoolFactors<Mode>["useCategory"]): UseColumn | null {
  if (isSuppressed(value)) return "afgeschermd";
  return value as UseCategory | null;
}

function crossTable(spec: FactorSpec, schools: SchoolFactors<Mode>[]): CrossTable {
  const included = schools.filter((s) => (!spec.participantsOnly || s.participated) && useColumn(s.useCategory) !== null);
  const columnKeys: UseColumn[] = [...USE_CATEGORIES];
  if (included.some((s) => useColumn(s.useCategory) === "afgeschermd")) columnKeys.push("afgeschermd");
  const cells: CrossCell[] = [];
  for (const row of spec.rows) {
    for (const column of columnKeys) {
      const members = included
        .filter((s) => spec.rowOf(s) === row.key && useColumn(s.useCategory) === column)
        .map(({schoolId, name}) => ({schoolId, name}))
        .sort(compareSchools);
      cells.push({row: row.key, column, schools: members.length, members});
    }
  }
  return {
    factor: spec.factor,
    label: spec.label,
    rows: spec.rows,
    columns: columnKeys.map((key) => ({key, label: USE_LABELS[key]})),
    cells,
    exactTest: exactTest(spec.rows, cells)
  };
}

/** The exact test over the schools with a known factor value and a published use category. */
export function exactTest(rows: Category[], cells: CrossCell[]): ExactTest {
  const countOf = (keep: (c: CrossCell) => boolean) => cells.filter(keep).reduce((n, c) => n + c.schools, 0);
  const tested = rows
    .filter((row) => !NO_VALUE_ROWS.has(row.key))
    .map((row) => USE_CATEGORIES.map((column) => cells.find((c) => c.row === row.key && c.column === column)?.schools ?? 0));
  const result = fisherFreemanHalton(tested);
  const untestable = result === null ? "too_many_tables" : result.rows < 2 || result.columns < 2 ? "one_category" : null;
  return {
    pValue: untestable ? null : (result as NonNullable<typeof result>).pValue,
    untestable,
    schools: tested.flat().reduce((a, b) => a + b, 0),
    withheld: countOf((c) => c.column === "afgeschermd" && !NO_VALUE_ROWS.has(c.row)),
    unknownFactor: countOf((c) => NO_VALUE_ROWS.has(c.row))
  };
}

/** The cross-tables from per-school factors; used for the internal and the published report alike. */
export function factorTables<M extends Mode>(settings: Settings, schools: SchoolFactors<M>[]): FactorTables<M> {
  const all = schools as SchoolFactors<Mode>[];
  const tables = factorSpecs(settings, all).map((spec) => crossTable(spec, all));
  const byFactor = (factor: string) => tables.find((t) => t.factor === factor) as CrossTable;
  return {
    schools,
    tabel8: ["omvang", "ses_wijk", "sot"].map(byFactor),
    tabel9: byFactor("dorpsteam"),
    interviews: ["ib_ervaring", "ib_aantal", "ses_zelf"].map(byFactor)
  };
}

export function schoolFactors(scope: Scope, row: SchoolRow, school: School): SchoolFactors {
  const {settings} = scope;
  return {
    schoolId: row.schoolId,
    name: row.name,
    useCategory: row.useCategory,
    enrolledLatestYear: row.enrolledLatestYear,
    size: schoolSizeCategory(row.enrolledLatestYear, settings),
    ses: school.sesNeighbourhood,
    sotTrajectories: school.sotTrajectories,
    sot: school.sotTrajectories === null ? null : sotCategory(school.sotTrajectories, row.enrolledLatestYear, settings),
    participated: school.participated === true,
    dorpsteamRating: school.dorpsteamRating,
    ibExperience: school.ibExperience,
    ibCount: school.ibCount,
    sesSelfReported: school.sesSelfReported
  };
}

/** Factors of the schools of Tabel 6 (the schools with pupils in the latest year). */
export function buildFactorTables(scope: Scope, tabel6: SchoolRow[]): FactorTables {
  const schools = tabel6
    .map((row) => schoolFactors(scope, row, scope.schoolById.get(row.schoolId) as School))
    .sort(compareSchools);
  return factorTables(scope.settings, schools);
}
