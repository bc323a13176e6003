// DUO open onderwijsdata: the school register (every primary-school location: INSTELLINGSCODE +
// VESTIGINGSCODE, name, municipality, denomination) → scholen.csv rows, and pupils per location
// per age → a cross-check of the enrolment counts in leerlingen.csv. DUO publishes ";"-separated
// Windows-1252 files; table.ts reads them through the contract's own decoder.

import {InputErrors, type InputError} from "../errors.js";
import type {Dataset} from "../model.js";
import {cellError, cellOf, missingColumnErrors, readTable, type SourceTable} from "./table.js";

export const SCHOOL_COLUMNS = [
  "school_id",
  "naam",
  "bestuur",
  "denominatie",
  "concept",
  "ses_wijk",
  "sot_trajecten",
  "deelname_interview",
  "aantal_ib",
  "ib_ervaring",
  "dorpsteam_categorie",
  "ses_zelfgerapporteerd"
] as const;

/** Columns DUO has no value for: a schoolkenmerken file may give them per school_id. */
export const SUPPLEMENT_COLUMNS = SCHOOL_COLUMNS.slice(4);

/** INSTELLINGSCODE "00AA" + VESTIGINGSCODE "00" → "00AA00"; DUO also writes the whole code in VESTIGINGSCODE. */
export function duoSchoolId(instelling: string, vestiging: string): string {
  return vestiging.toUpperCase().startsWith(instelling.toUpperCase()) && vestiging.length > instelling.length
    ? vestiging.toUpperCase()
    : `${instelling}${vestiging}`.toUpperCase();
}

const normal = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The locations in the municipality (GEMEENTENAAM, ignoring case and spaces) → scholen.csv rows.
 * DUO has no interview or neighbourhood data: those columns come from `supplement` (school_id and
 * any of SUPPLEMENT_COLUMNS) or stay empty.
 */
export function duoSchools(
  table: SourceTable,
  municipality: string,
  supplement: SourceTable | null = null
): {rows: string[][]; errors: InputError[]; outside: number} {
  const errors = missingColumnErrors(table, ["instellingscode", "vestigingscode", "vestigingsnaam", "gemeentenaam"]);
  if (errors.length > 0) return {rows: [], errors, outside: 0};
  const extra = supplement ? supplementById(supplement, errors) : new Map<string, string[]>();
  const rows: string[][] = [];
  const seen = new Map<string, number>();
  // Spelling as first found → count, grouped by normal form (DUO writes both Zonnedal and ZONNEDAL).
  const names = new Map<string, {name: string; n: number}>();
  let outside = 0;
  for (const row of table.rows) {
    const gemeente = cellOf(table, row, "gemeentenaam");
    if (normal(gemeente) !== normal(municipality)) {
      outside++;
      const known = names.get(normal(gemeente));
      if (known) known.n++;
      else names.set(normal(gemeente), {name: gemeente, n: 1});
      continue;
    }
    const instelling = cellOf(table, row, "instellingscode");
    const vestiging = cellOf(table, row, "vestigingscode");
    const naam = cellOf(table, row, "vestigingsnaam");
    for (const [column, value] of [["instellingscode", instelling], ["vestigingsnaam", naam]] as const) {
      if (value === "") errors.push(cellError(table, row.line, column, null, "is leeg, maar dit veld is verplicht"));
    }
    if (instelling === "" || naam === "") continue;
    const id = duoSchoolId(instelling, vestiging);
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(cellError(table, row.line, "vestigingscode", id, `komt dubbel voor (ook op regel ${first})`));
      continue;
    }
    seen.set(id, row.line);
    const gezag = cellOf(table, row, "bevoegd gezag naam") || cellOf(table, row, "bevoegd gezag nummer");
    const bestuur = gezag === "" ? "onbekend" : /^\d+$/.test(gezag) ? `Bevoegd gezag ${gezag}` : gezag;
    const denominatie = cellOf(table, row, "denominatie").toLowerCase() || "onbekend";
    rows.push([id, naam, bestuur, denominatie, ...(extra.get(id) ?? SUPPLEMENT_COLUMNS.map(() => ""))]);
  }
  for (const id of extra.keys()) {
    if (!seen.has(id)) {
      errors.push({file: supplement!.file, line: null, column: "school_id", value: id, message: "staat niet in het DUO-scholenbestand van deze gemeente"});
    }
  }
  if (rows.length === 0 && errors.length === 0) {
    const found = [...names.values()].sort((a, b) => b.n - a.n).slice(0, 3).map(({name}) => `"${name}"`).join(", ");
    errors.push({file: table.file, line: null, column: "gemeentenaam", value: municipality, message: `komt niet voor (wel: ${found || "geen"}); controleer municipality in instellingen.json`});
  }
  return {rows, errors, outside};
}

function supplementById(table: SourceTable, errors: InputError[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  const missing = missingColumnErrors(table, ["school_id"]);
  if (missing.length > 0) {
    errors.push(...missing);
    return byId;
  }
  for (const row of table.rows) {
    const id = cellOf(table, row, "school_id").toUpperCase();
    if (byId.has(id)) errors.push(cellError(table, row.line, "school_id", id, "komt dubbel voor"));
    else byId.set(id, SUPPLEMENT_COLUMNS.map((column) => cellOf(table, row, column)));
  }
  return byId;
}

// Pupils per location per age

export interface DuoCount {
  schoolId: string;
  year: number;
  /** Sum of the published ages. */
  known: number;
  /** Ages published as "<5" (DUO's own masking): each is 1 to 4 pupils. */
  masked: number;
}

/** DUO's pupils per location per age (01.-leerlingen-po-…-leeftijd-2021.csv), in a source or an input folder. */
export function isDuoPupilsFile(name: string): boolean {
  return /leeftijd/i.test(name) && /\.(csv|xlsx)$/i.test(name);
}

// "leeftijd 4", "LEEFTIJD_4_JAAR", "4 jaar", "12 jaar en ouder"
const AGE_COLUMN = /^(?:leeftijd[ _-]?)?(\d{1,2})(?:[ _-]?jaar)?(?:[ _-]en[ _-](?:jonger|ouder))?$/;
const TOTAL_COLUMNS = ["totaal", "totaal leerlingen", "aantal leerlingen", "aantal_leerlingen"];
const COUNT_COLUMNS = ["aantal", "aantal leerlingen", "aantal_leerlingen", "leerlingen"];
const MASKED = /^<\s*5$/;
export const MASKED_MAX = 4;

/**
 * DUO's counts per location and year, in either layout: one row per location with a column per age
 * (or a total column, which then counts), or one row per location and age with a count column.
 * The year comes from a column (PEILJAAR, JAAR, PEILDATUM) or else from the file name (…-leeftijd-2021.csv).
 */
export function duoPupils(table: SourceTable, fileName: string): {counts: DuoCount[]; errors: InputError[]} {
  const errors = missingColumnErrors(table, ["instellingscode", "vestigingscode"]);
  const has = (column: string) => table.columns.includes(column);
  const long = has("leeftijd") ? COUNT_COLUMNS.find(has) : undefined;
  const total = TOTAL_COLUMNS.find(has);
  const counted = long
    ? [{column: long, i: table.columns.indexOf(long)}]
    : total
      ? [{column: total, i: table.columns.indexOf(total)}]
      : table.columns.flatMap((column, i) => (AGE_COLUMN.test(column) ? [{column, i}] : []));
  if (counted.length === 0) {
    const message = `heeft geen kolommen per leeftijd (zoals "leeftijd 4" of "4 jaar"), geen totaal en geen kolommen leeftijd en aantal (gevonden: ${table.columns.join(", ")})`;
    errors.push({file: table.file, line: null, column: null, value: null, message});
  }
  const yearColumn = ["peiljaar", "jaar", "peildatum"].find(has);
  const fileYear = /(?:19|20)\d{2}(?!.*(?:19|20)\d{2})/.exec(fileName)?.[0];
  if (!yearColumn && !fileYear) {
    errors.push({file: table.file, line: null, column: "peiljaar", value: null, message: "ontbreekt, en de bestandsnaam noemt geen jaar (zoals …-leeftijd-2021.csv)"});
  }
  if (errors.length > 0) return {counts: [], errors};
  const byKey = new Map<string, DuoCount>();
  for (const row of table.rows) {
    const yearText = yearColumn ? cellOf(table, row, yearColumn) : fileYear!;
    const year = Number(/(?:19|20)\d{2}/.exec(yearText)?.[0]);
    if (!year) {
      errors.push(cellError(table, row.line, yearColumn!, yearText, "bevat geen jaartal"));
      continue;
    }
    const schoolId = duoSchoolId(cellOf(table, row, "instellingscode"), cellOf(table, row, "vestigingscode"));
    const key = `${schoolId}\u0000${year}`;
    let count = byKey.get(key);
    if (!count) byKey.set(key, (count = {schoolId, year, known: 0, masked: 0}));
    for (const {column, i} of counted) {
      const text = (row.cells[i] ?? "").trim();
      if (text === "" || text === "0") continue;
      if (MASKED.test(text)) count.masked++;
      else if (/^\d+$/.test(text)) count.known += Number(text);
      else errors.push(cellError(table, row.line, column, text, 'is geen aantal (verwacht een geheel getal, leeg of "<5")'));
    }
  }
  return {counts: [...byKey.values()], errors};
}

/** Percent by which leerlingen.csv may differ from DUO before it is flagged (instellingen.json duoMarginPercent). */
export const DEFAULT_MARGIN_PERCENT = 10;

/** The margin as users read it: "10%", "7,5%". */
export const formatMarginPercent = (marginPercent: number): string => `${new Intl.NumberFormat("nl-NL").format(marginPercent)}%`;

/** DUO's count as a range: each masked age ("<5") is 1 to 4 pupils. */
export interface DuoRange {
  low: number;
  high: number;
}

export function duoRange({known, masked}: DuoCount): DuoRange {
  return {low: known + masked, high: known + masked * MASKED_MAX};
}

/**
 * leerlingen.csv's count against DUO's range: the difference to the nearest end (0 inside the range)
 * and its share of that end (Infinity when DUO counts none). The one rule for both the import's
 * warnings and the build's comparison.
 */
export function duoDifference(ours: number, {low, high}: DuoRange): {difference: number; share: number} {
  const end = ours < low ? low : ours > high ? high : ours;
  const difference = ours - end;
  return {difference, share: difference === 0 ? 0 : end === 0 ? Infinity : Math.abs(difference) / end};
}

/**
 * Whether leerlingen.csv's count differs from DUO's range by more than marginPercent of the nearest
 * end: the one flag rule for the import's warnings and the build's comparison. Compared as
 * |difference| · 100 > marginPercent · end, so that exactly at the margin (107 against 100 at 7 %) is
 * within it; a share times 100 is not exact in floating point (0,07 · 100 = 7,000000000000001).
 */
export function exceedsDuoMargin(ours: number, range: DuoRange, marginPercent: number): boolean {
  const {difference} = duoDifference(ours, range);
  const end = ours - difference;
  return Math.abs(difference) * 100 > marginPercent * end;
}

const enrolmentCounts = (enrolments: readonly {schoolId: string; year: number}[]) => {
  const ours = new Map<string, number>();
  for (const {schoolId, year} of enrolments) ours.set(`${schoolId}\u0000${year}`, (ours.get(`${schoolId}\u0000${year}`) ?? 0) + 1);
  return ours;
};

/**
 * Enrolments in leerlingen.csv per school and year (every pupil, wherever they live, as DUO counts
 * them) against DUO's count; a warning when they differ by more than the margin. Masked ages widen
 * DUO's count to a range. Only schools and years in both are compared.
 */
export function crossCheck(
  duo: DuoCount[],
  enrolments: {schoolId: string; year: number}[],
  marginPercent = DEFAULT_MARGIN_PERCENT,
  file = "leerlingen.csv"
): InputError[] {
  const ours = enrolmentCounts(enrolments);
  const warnings: InputError[] = [];
  for (const count of duo) {
    const {schoolId, year} = count;
    const n = ours.get(`${schoolId}\u0000${year}`);
    if (n === undefined) continue;
    const range = duoRange(count);
    if (!exceedsDuoMargin(n, range, marginPercent)) continue;
    const duoText = range.low === range.high ? `${range.low}` : `${range.low} tot ${range.high}`;
    const message =
      `heeft in ${year} ${n} inschrijvingen, DUO telt ${duoText} leerlingen (verschil meer dan ${formatMarginPercent(marginPercent)}); ` +
      "controleer of de export compleet is en dezelfde teldatum heeft";
    warnings.push({file, line: null, column: "school_id", value: schoolId, message});
  }
  return warnings;
}

/** One school and study year in the build's comparison of leerlingen.csv with DUO. */
export interface DuoComparisonRow {
  schoolId: string;
  year: number;
  /** Enrolments in leerlingen.csv, every residence; 0 = the school is not in it that year. */
  ours: number;
  /** DUO's count; null = DUO has no row for the school that year. */
  duo: DuoRange | null;
  /** ours − the nearest end of DUO's range; null when DUO has no row. */
  difference: number | null;
  /** |difference| / that end (Infinity when DUO counts none); null when DUO has no row. */
  share: number | null;
  /** Missing on one side, or a share above the margin. */
  flagged: boolean;
}

export interface DuoComparison {
  /** The DUO files read, as named in the input folder. */
  files: string[];
  /** instellingen.json duoMarginPercent, or DEFAULT_MARGIN_PERCENT. */
  marginPercent: number;
  /** Study years DUO counts (any school), which are compared; the others have no DUO count. */
  years: number[];
  yearsWithoutDuo: number[];
  /** Per school of scholen.csv and compared year, in school then year order; a school in neither is left out. */
  rows: DuoComparisonRow[];
}

/**
 * The build's comparison of leerlingen.csv with DUO's pupils per location, for the schools of
 * scholen.csv (DUO's file covers the whole country) and the study years DUO counts. Unlike the
 * import's warnings it also lists the schools missing on either side.
 */
export function compareWithDuo(
  duo: readonly DuoCount[],
  enrolments: readonly {schoolId: string; year: number}[],
  schoolIds: readonly string[],
  studyYears: readonly number[],
  marginPercent = DEFAULT_MARGIN_PERCENT,
  files: string[] = []
): DuoComparison {
  const ours = enrolmentCounts(enrolments);
  const duoByKey = new Map(duo.map((count) => [`${count.schoolId.toUpperCase()}\u0000${count.year}`, count]));
  const duoYears = new Set(duo.map((count) => count.year));
  const years = studyYears.filter((year) => duoYears.has(year));
  const rows: DuoComparisonRow[] = [];
  for (const schoolId of schoolIds) {
    for (const year of years) {
      const n = ours.get(`${schoolId}\u0000${year}`) ?? 0;
      const count = duoByKey.get(`${schoolId.toUpperCase()}\u0000${year}`);
      const range = count ? duoRange(count) : null;
      if (n === 0 && (range === null || range.high === 0)) continue;
      const found = range && duoDifference(n, range);
      const flagged = range === null || n === 0 || exceedsDuoMargin(n, range, marginPercent);
      rows.push({schoolId, year, ours: n, duo: range, difference: found?.difference ?? null, share: found?.share ?? null, flagged});
    }
  }
  return {files, marginPercent, years, yearsWithoutDuo: studyYears.filter((year) => !duoYears.has(year)), rows};
}

/**
 * The build's comparison for an input folder with DUO files beside leerlingen.csv (io.ts
 * readInputSources `duo`); null without one. A file DUO's layout does not fit stops the build
 * with its errors, like any input.
 */
export function duoComparison(
  files: readonly {name: string; bytes: Uint8Array}[],
  dataset: Pick<Dataset, "settings" | "schools" | "enrolments" | "nonResidentEnrolments">
): DuoComparison | null {
  if (files.length === 0) return null;
  const errors: InputError[] = [];
  const counts: DuoCount[] = [];
  const source = new Map<string, string>();
  for (const file of files) {
    const {table, errors: readErrors} = readTable(file.bytes, file.name);
    errors.push(...readErrors);
    if (!table) continue;
    const read = duoPupils(table, file.name);
    errors.push(...read.errors);
    for (const count of read.counts) {
      // Two files with the same school and year (an old and a new download) leave no way to pick one.
      const key = `${count.schoolId}\u0000${count.year}`;
      const other = source.get(key);
      if (other !== undefined) {
        const message = `telt vestiging ${count.schoolId} in ${count.year} ook, net als ${other}; laat één DUO-bestand per jaar staan`;
        errors.push({file: file.name, line: null, column: null, value: null, message});
        continue;
      }
      source.set(key, file.name);
      counts.push(count);
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
  const enrolments = [...dataset.enrolments, ...(dataset.nonResidentEnrolments ?? [])];
  const {settings} = dataset;
  const schoolIds = dataset.schools.map((school) => school.id);
  return compareWithDuo(counts, enrolments, schoolIds, settings.years, settings.duoMarginPercent ?? DEFAULT_MARGIN_PERCENT, files.map((file) => file.name));
}
