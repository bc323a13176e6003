// The data contract: the five texts of a municipality's input folder → a typed Dataset, or every
// error at once. Rows outside the report's scope (pupils who do not live in the municipality, care
// of pupils without an enrolment there) are not errors: they are left out and counted.

import {readCsv, titleAboveHeader} from "./csv.js";
import {decodeInput, type Encoding} from "./encoding.js";
import {InputErrors, type InputError} from "./errors.js";
import {RepairLog, type Exclusion, type FileQuality, type QualityReport, type YearCoverage} from "./quality.js";
import type {Dataset, Enrolment, IsoDate, ProductMapping, School, Settings, Trajectory} from "./model.js";
import {
  enrolmentRow,
  mappingRow,
  missingColumns,
  parseSettings,
  implausibleEnrolment,
  PLAUSIBLE,
  weakenedSuppression,
  rowParser,
  schoolRow,
  trajectoryRow,
  type EnrolmentRow,
  type MappingRow,
  type Parsers,
  type RowIssue,
  type RowOf,
  type RowShape,
  type SchoolRow,
  type TrajectoryRow
} from "./schema.js";
import {formatDutchDate} from "./values.js";

/** File names in the input folder, in the order their errors are reported. */
export const INPUT_FILES = {
  instellingen: "instellingen.json",
  scholen: "scholen.csv",
  leerlingen: "leerlingen.csv",
  zorgvormen: "zorgvormen.csv",
  trajecten: "trajecten.csv"
} as const;

export type InputName = keyof typeof INPUT_FILES;
/** Each file's bytes as read (decoded here), or its text when already decoded (tests). */
export type InputTexts = Record<InputName, string | Uint8Array>;

/** What the scope rules left out (excluded) or only noted (kept), for the build log. */
export interface ScopeReport {
  municipality: string;
  years: number[];
  enrolmentsRead: number;
  /** Excluded: woongemeente is another municipality. */
  enrolmentsOutsideMunicipality: number;
  /** Kept: the teldatum's year is not one of settings.years. */
  enrolmentsOutsideYears: number;
  enrolmentsKept: number;
  trajectoriesRead: number;
  /** Excluded: the pupil has no row in leerlingen.csv at all. */
  trajectoriesWithoutEnrolment: number;
  /** Excluded: the pupil has rows in leerlingen.csv, but none living in the municipality. */
  trajectoriesOfNonResidents: number;
  /** Kept: the start year is not one of settings.years (earlier care matters for status and zorgpad). */
  trajectoriesOutsideYears: number;
  trajectoriesKept: number;
}

export interface LoadedDataset {
  dataset: Dataset;
  scope: ScopeReport;
  /** Encodings, rows read and accepted, repairs and warnings, for the build log and a data-quality page. */
  quality: QualityReport;
}

export interface Rows<T> {
  items: T[];
  /** The line of each item, for errors that point back at an earlier row. */
  lines: number[];
  /** Data rows in the file (valid or not). */
  read: number;
  /** The file had no error at all, so checks of other files against it can be trusted. */
  clean: boolean;
}

/** What the readers share: where errors and repairs go. */
interface Reading {
  errors: InputError[];
  repairs: RepairLog;
}

/** A valid row's raw cell text by column name, for checks that need the text as typed. */
type CellText = (column: string) => string;

// push(...list) overflows the call stack on the million errors a wrongly exported column can produce.
function append(target: InputError[], found: Iterable<InputError>): void {
  for (const error of found) target.push(error);
}

/**
 * Streams a CSV file through its row shape. `accept` turns a valid row into an item, or reports
 * why the row is rejected and returns null; it sees rows in file order and the items so far.
 */
function readRows<P extends Parsers, T>(
  text: string,
  file: string,
  shape: RowShape<P>,
  {errors, repairs}: Reading,
  accept: (row: RowOf<P>, line: number, sofar: Rows<T>, cell: CellText) => T | null
): Rows<T> {
  const rows: Rows<T> = {items: [], lines: [], read: 0, clean: false};
  const title = titleAboveHeader(text, Object.keys(shape.parsers));
  if (title) {
    const message = `staat boven de kopregel (regel ${title.headerLine}); de kolomnamen moeten op de eerste regel staan. Verwijder de regel(s) erboven`;
    errors.push({file, line: title.line, column: null, value: title.text, message});
    return rows;
  }
  const before = errors.length;
  let headerLine: number | null = null;
  const csvErrors = readCsv(
    text,
    file,
    (header) => {
      headerLine = header.line;
      const missing = missingColumns(header, shape);
      append(errors, missing);
      if (missing.length > 0) return null;
      const parse = rowParser(header, shape, errors);
      // One lookup for the whole file, reading the current row: no closure per row of a million.
      let current: string[] = [];
      const cell: CellText = (column) => current[header.columns.indexOf(column)];
      return (cells, line) => {
        rows.read++;
        current = cells;
        const row = parse(cells, line);
        const item = row === null ? null : accept(row, line, rows, cell);
        if (item === null) return;
        rows.items.push(item);
        rows.lines.push(line);
      };
    },
    repairs
  );
  append(errors, csvErrors);
  if (headerLine !== null && rows.read === 0 && errors.length === before) {
    errors.push({file, line: headerLine, column: null, value: null, message: "heeft alleen een kopregel en geen gegevens"});
  }
  rows.clean = errors.length === before;
  return rows;
}

type FirstOfEach = (key: string, line: number, shown?: string) => boolean;

/** Accepts the first row with a key and reports every later one as a duplicate. */
function firstOfEach(file: string, column: string, errors: InputError[]): FirstOfEach {
  const firstLine = new Map<string, number>();
  return (key, line, shown = key) => {
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, line);
      return true;
    }
    errors.push({file, line, column, value: shown, message: `komt dubbel voor (ook op regel ${first})`});
    return false;
  };
}

/** The row shape of each CSV file. */
export const CSV_SHAPES = {scholen: schoolRow, leerlingen: enrolmentRow, zorgvormen: mappingRow, trajecten: trajectoryRow} as const;

/**
 * loadDataset for a folder with files missing (readInputFiles): every missing file stands in as
 * empty and its own errors are dropped, so that the files that are there are still checked; the
 * checks against a missing file are skipped, as against any file with errors. Throws InputErrors
 * with the folder's errors first.
 */
export function loadAvailable(files: Partial<InputTexts>, folderErrors: InputError[]): LoadedDataset {
  if (folderErrors.length === 0) return loadDataset(files as InputTexts);
  const names = Object.keys(INPUT_FILES) as InputName[];
  const missing = new Set<string>(names.filter((name) => files[name] === undefined).map((name) => INPUT_FILES[name]));
  const standIn = (name: InputName) => (name === "instellingen" ? "{}" : `${Object.keys(CSV_SHAPES[name].parsers).join(";")}\n`);
  const texts = Object.fromEntries(names.map((name) => [name, files[name] ?? standIn(name)])) as InputTexts;
  let found: readonly InputError[] = [];
  try {
    loadDataset(texts);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    found = error.errors;
  }
  throw new InputErrors([...folderErrors, ...found.filter((error) => !missing.has(error.file))]);
}

/** leerlingen.csv and trajecten.csv as accepted rows, read by other means than their text. */
export interface LargeFiles {
  enrolments: Rows<Enrolment> & {ofPupil: PupilEnrolments};
  trajectories: Rows<Trajectory>;
  encodings: Record<"leerlingen" | "trajecten", Encoding>;
}

/** What the two large files are checked against, once the other three files meet the contract. */
export interface LargeFileReference {
  settings: Settings;
  schoolIds: ReadonlySet<string>;
  mappings: ProductMapping[];
  plausible: PlausibleDates;
}

/**
 * Reads the two large files without their text (columnarRead.ts, with DuckDB) when it can vouch
 * that they hold no error and need no repair; null sends them through this module's own readers,
 * which then report what is wrong.
 */
export type LargeFileReader = (reference: LargeFileReference) => LargeFiles | null;

export function loadDataset(input: InputTexts, {largeFiles}: {largeFiles?: LargeFileReader} = {}): LoadedDataset {
  const errorsByFile = new Map<string, InputError[]>(Object.values(INPUT_FILES).map((file) => [file, []]));
  const repairs = new RepairLog();
  const reading = (name: InputName): Reading => ({errors: errorsByFile.get(INPUT_FILES[name])!, repairs});
  const decoded = lazyDecoding(input);
  const text = decoded.text;

  const {settings, errors: settingsErrors} = parseSettings(text("instellingen"));
  append(reading("instellingen").errors, settingsErrors);
  const plausible = settings ? plausibleDates(settings) : null;
  // Files are read in dependency order; a check against another file runs only when that file is
  // error-free, so that one mistake does not echo as hundreds of follow-up errors.
  const schools = readSchools(text("scholen"), reading("scholen"));
  const schoolIds = schools.clean ? new Set(schools.items.map((school) => school.id)) : null;
  // The large files by other means need the mappings first; read apart, so that when they go
  // through the readers after all, every error and repair comes in the usual order.
  let large: LargeFiles | null = null;
  let mappingsRead: Rows<ProductMapping> | null = null;
  if (largeFiles && settings && plausible && schoolIds) {
    const own: Reading = {errors: [], repairs: new RepairLog()};
    const read = readMappings(text("zorgvormen"), settings, own);
    // Without an error or a repair there is nothing to report, so this reading stands.
    if (read.clean && own.repairs.repairs.length === 0) {
      mappingsRead = read;
      large = largeFiles({settings, schoolIds, mappings: read.items, plausible});
    }
  }
  const enrolments = large?.enrolments ?? readEnrolments(text("leerlingen"), schoolIds, plausible, reading("leerlingen"));
  const mappings = mappingsRead ?? readMappings(text("zorgvormen"), settings, reading("zorgvormen"));
  const trajectories = large?.trajectories ?? readTrajectories(text("trajecten"), mappings, plausible, reading("trajecten"));
  if (large) Object.assign(decoded.encodings, large.encodings);

  const errors = () => [...errorsByFile.values()].flatMap((list) => list.sort(byLine));
  if (errors().length > 0 || !settings) throw new InputErrors(errors());
  const loaded = applyScope(
    {settings, schools: schools.items, enrolments: enrolments.items, trajectories: trajectories.items, productMappings: mappings.items},
    enrolments.ofPupil
  );
  const coverage = yearCoverage(loaded.dataset);
  append(reading("instellingen").errors, emptyYears(loaded, coverage, enrolments.items));
  if (errors().length > 0) throw new InputErrors(errors());

  const rows: Partial<Record<InputName, Rows<unknown>>> = {scholen: schools, leerlingen: enrolments, zorgvormen: mappings, trajecten: trajectories};
  const files = (Object.keys(INPUT_FILES) as InputName[]).map((name): FileQuality => ({
    file: INPUT_FILES[name],
    encoding: decoded.encodings[name] ?? null,
    rowsRead: rows[name]?.read ?? null,
    rowsAccepted: rows[name]?.items.length ?? null
  }));
  const warnings = [...confirmedSuppression(settings), ...schoolsWithoutPupils(loaded.dataset, schools.lines)];
  const dates = {
    peildatum: range(loaded.dataset.enrolments, (e) => e.date),
    begindatum: range(loaded.dataset.trajectories, (t) => t.start),
    einddatum: range(loaded.dataset.trajectories, (t) => t.end)
  };
  const {scope} = loaded;
  const excluded: Exclusion[] = [
    {file: INPUT_FILES.leerlingen, reason: "otherMunicipality", count: scope.enrolmentsOutsideMunicipality},
    {file: INPUT_FILES.trajecten, reason: "noEnrolment", count: scope.trajectoriesWithoutEnrolment},
    {file: INPUT_FILES.trajecten, reason: "nonResident", count: scope.trajectoriesOfNonResidents}
  ];
  return {...loaded, quality: {files, excluded, coverage, dates, repairs: repairs.repairs, warnings}};
}

/** What the two large files are checked against: the settings, the schools and the care-type mappings. */
export interface ReferenceFiles {
  settings: Settings | null;
  schools: School[];
  mappings: ProductMapping[];
  /** Empty when the three files meet the contract. */
  errors: InputError[];
}

/**
 * instellingen.json, scholen.csv and zorgvormen.csv read as loadDataset reads them, for a path that
 * checks leerlingen.csv and trajecten.csv by other means (loaders/native.ts).
 */
export function readReferenceFiles(input: Pick<InputTexts, "instellingen" | "scholen" | "zorgvormen">): ReferenceFiles {
  const errors: InputError[] = [];
  const reading: Reading = {errors, repairs: new RepairLog()};
  const text = (name: "instellingen" | "scholen" | "zorgvormen") => {
    const content = input[name];
    return typeof content === "string" ? content : decodeInput(content).text;
  };
  const {settings, errors: settingsErrors} = parseSettings(text("instellingen"));
  append(errors, settingsErrors);
  const schools = readSchools(text("scholen"), reading);
  const mappings = readMappings(text("zorgvormen"), settings, reading);
  return {settings, schools: schools.items, mappings: mappings.items, errors};
}

/** Each file decoded when first read (a large file read by other means never is), with its encoding. */
function lazyDecoding(input: InputTexts): {text: (name: InputName) => string; encodings: Partial<Record<InputName, Encoding | null>>} {
  const texts = new Map<InputName, string>();
  const encodings: Partial<Record<InputName, Encoding | null>> = {};
  const text = (name: InputName) => {
    let decoded = texts.get(name);
    if (decoded === undefined) {
      const content = input[name];
      if (typeof content === "string") [decoded, encodings[name]] = [content, null];
      else ({text: decoded, encoding: encodings[name]} = decodeInput(content));
      texts.set(name, decoded);
    }
    return decoded;
  };
  return {text, encodings};
}

/** The last plausible date of each kind: later ones are typing errors (2099 for 2019). */
export interface PlausibleDates {
  /** begindatum and peildatum. */
  latestStart: IsoDate;
  /** einddatum: a planned end may lie years ahead. */
  latestEnd: IsoDate;
}

export function plausibleDates(settings: Settings): PlausibleDates {
  const year = Number(settings.statusDate.slice(0, 4));
  return {
    latestStart: `${year + PLAUSIBLE.yearsAfterStatusDate.start}-12-31`,
    latestEnd: `${year + PLAUSIBLE.yearsAfterStatusDate.end}-12-31`
  };
}

/** A date after the last plausible one of its kind (plausibleDates). */
export const isLate = (date: IsoDate, latest: IsoDate): boolean => date > latest;

function lateDate(file: string, line: number, column: string, date: IsoDate, latest: IsoDate, cell: CellText): InputError | null {
  if (!isLate(date, latest)) return null;
  const message = `ligt na ${formatDutchDate(latest)}, te ver na de statusDate in ${INPUT_FILES.instellingen}; controleer het jaartal`;
  return {file, line, column, value: cell(column), message};
}

function readSchools(text: string, reading: Reading): Rows<School> {
  const isNew = firstOfEach(INPUT_FILES.scholen, "school_id", reading.errors);
  return readRows(text, INPUT_FILES.scholen, schoolRow, reading, (row, line) =>
    isNew(row.school_id, line) ? toSchool(row) : null
  );
}

function readMappings(text: string, settings: Settings | null, reading: Reading): Rows<ProductMapping> {
  const file = INPUT_FILES.zorgvormen;
  const {errors} = reading;
  const careTypes = settings ? settings.careTypes.map((careType) => careType.key) : null;
  const isNew = firstOfEach(file, "productcode", errors);
  return readRows(text, file, mappingRow, reading, (row, line) => {
    const {productcategorie: category, productcode: code} = row;
    const shown = code === null ? `${category} (hele categorie)` : `${category} / ${code}`;
    if (!isNew(mappingKey(category, code ?? ""), line, shown)) return null;
    if (careTypes && !careTypes.includes(row.zorgvorm)) {
      const message = `is geen zorgvorm uit careTypes in ${INPUT_FILES.instellingen} (${careTypes.join(", ")})`;
      errors.push({file, line, column: "zorgvorm", value: row.zorgvorm, message});
      return null;
    }
    return toMapping(row);
  });
}

function readTrajectories(
  text: string,
  mappings: Rows<ProductMapping>,
  dates: PlausibleDates | null,
  reading: Reading
): Rows<Trajectory> {
  const file = INPUT_FILES.trajecten;
  const {errors} = reading;
  const careTypeOf = careTypeLookup(mappings.items);
  const isNew = firstOfEach(file, "traject_id", errors);
  const isNewContent = sameTrajectory(errors);
  const amounts = amountNotation(errors);
  const rows = readRows(text, file, trajectoryRow, reading, (row, line, sofar, cell): Trajectory | null => {
    if (!isNew(row.traject_id, line)) return null;
    amounts.note(cell("kosten"), line);
    if (dates) {
      const lateStart = lateDate(file, line, "begindatum", row.begindatum, dates.latestStart, cell);
      const lateEnd = row.einddatum === null ? null : lateDate(file, line, "einddatum", row.einddatum, dates.latestEnd, cell);
      if (lateStart) errors.push(lateStart);
      if (lateEnd) errors.push(lateEnd);
      if (lateStart || lateEnd) return null;
    }
    const careType = careTypeOf(row.productcategorie, row.productcode);
    if (careType === null) {
      if (mappings.clean) errors.push(unmappedProduct(line, row.productcategorie, row.productcode));
      return null;
    }
    const trajectory = toTrajectory(row, careType);
    return isNewContent(trajectory, line, sofar) ? trajectory : null;
  });
  append(errors, amounts.errors());
  return rows;
}

/**
 * The same trajectory under a new id (a re-export that renumbered) would be counted twice: a row
 * equal to an earlier one in every column but traject_id is an error. Which id is right cannot be
 * known, so the loader does not pick one. Call with each accepted trajectory, in file order.
 */
function sameTrajectory(errors: InputError[]): (trajectory: Trajectory, line: number, sofar: Rows<Trajectory>) => boolean {
  // A million trajectories: a numeric hash per row pointing at the earlier accepted item (compared
  // field by field) costs a fraction of the time and memory of a million joined string keys.
  const firstByHash = new Map<number, number>();
  const collided = new Map<string, number>();
  return (trajectory, line, sofar) => {
    const index = sofar.items.length; // where this trajectory goes when it is accepted
    const hash = contentHash(trajectory);
    let earlier = firstByHash.get(hash);
    if (earlier === undefined) {
      firstByHash.set(hash, index);
      return true;
    }
    if (!sameContent(sofar.items[earlier], trajectory)) {
      const key = contentFields(trajectory).join("\u0000");
      earlier = collided.get(key);
      if (earlier === undefined) {
        collided.set(key, index);
        return true;
      }
    }
    const message =
      `is hetzelfde traject als ${sofar.items[earlier].id} op regel ${sofar.lines[earlier]}: alle kolommen behalve ` +
      "traject_id zijn gelijk, dus het zou twee keer tellen. Verwijder de dubbele regel";
    errors.push({file: INPUT_FILES.trajecten, line, column: "traject_id", value: trajectory.id, message});
    return false;
  };
}

function contentFields(t: Trajectory): string[] {
  return [t.pupilId, t.productCategory, t.productCode, t.provider, t.start, t.end ?? "", String(t.cost)];
}

function sameContent(a: Trajectory, b: Trajectory): boolean {
  return (
    a.pupilId === b.pupilId &&
    a.productCategory === b.productCategory &&
    a.productCode === b.productCode &&
    a.provider === b.provider &&
    a.start === b.start &&
    a.end === b.end &&
    a.cost === b.cost
  );
}

/** FNV-1a over the content fields, with a separator so that "5" + "41" differs from "54" + "1". */
function contentHash(t: Trajectory): number {
  let hash = 0x811c9dc5;
  hash = fnv(hash, t.pupilId);
  hash = fnv(hash, t.productCategory);
  hash = fnv(hash, t.productCode);
  hash = fnv(hash, t.provider);
  hash = fnv(hash, t.start);
  hash = fnv(hash, t.end ?? "");
  // The cost as a number, so that "100" and "100,00" hash alike.
  return Math.imul(hash ^ Math.round(t.cost * 100), 0x01000193) >>> 0;
}

function fnv(hash: number, field: string): number {
  for (let i = 0; i < field.length; i++) hash = Math.imul(hash ^ field.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 0xffff, 0x01000193);
}

// "12.500" reads as twelve thousand five hundred (a Dutch thousands point). In a file that elsewhere
// writes a point as the decimal mark ("1234.56", "1234.560") it is more likely 12,50 with three
// decimals, read ×1000; neither reading can be trusted, so every such amount is an error.
const DOT_DECIMAL = /^[^,.]*\d\.\d+$/;
const DOT_THOUSANDS = /^[^,.]*[1-9]\d{0,2}\.\d{3}$/;

function amountNotation(errors: InputError[]): {note: (text: string, line: number) => void; errors: () => InputError[]} {
  let dotDecimal: {text: string; line: number} | null = null;
  const ambiguous: {text: string; line: number}[] = [];
  return {
    note(text, line) {
      if (!text.includes(".")) return;
      if (DOT_THOUSANDS.test(text)) ambiguous.push({text, line});
      else if (dotDecimal === null && DOT_DECIMAL.test(text)) dotDecimal = {text, line};
    },
    errors() {
      if (dotDecimal === null) return [];
      const {text: example, line: at} = dotDecimal;
      return ambiguous.map(({text, line}) => ({
        file: INPUT_FILES.trajecten,
        line,
        column: "kosten",
        value: text,
        message:
          `is dubbelzinnig: op regel ${at} ("${example}") is de punt een decimaalteken, dan heeft dit bedrag drie ` +
          "decimalen; anders is het een duizendtal. Schrijf bedragen met een komma als decimaalteken en zonder duizendtallen"
      }));
    }
  };
}

/**
 * Each pupil's accepted enrolments, as a chain from the latest back through `previous`: a pupil has a
 * few rows (one a year), so walking them is cheaper than a map per year of every pupil, and the same
 * chain answers whether a pupil lives in the municipality (applyScope).
 */
export interface PupilEnrolments {
  /** The position (in the accepted enrolments) of the latest enrolment of a trajectory's pupil
   *  (the trajectory and its index in the accepted ones), undefined for a pupil without one. */
  latestOf: (trajectory: Trajectory, index: number) => number | undefined;
  /** Position → position of the same pupil's enrolment before it, −1 for the first. */
  previous: ArrayLike<number>;
}

/**
 * The position of a pupil's enrolment in `year`, walking the chain back from `latest` (−1 for a
 * pupil without one): a second enrolment in a year is an error of leerlingen.csv.
 */
export function enrolmentInYear(latest: number, previous: ArrayLike<number>, yearAt: (position: number) => number, year: number): number {
  let at = latest;
  while (at >= 0 && yearAt(at) !== year) at = previous[at];
  return at;
}

function readEnrolments(
  text: string,
  schoolIds: Set<string> | null,
  dates: PlausibleDates | null,
  reading: Reading
): Rows<Enrolment> & {ofPupil: PupilEnrolments} {
  const file = INPUT_FILES.leerlingen;
  const {errors} = reading;
  const latestOfPupil = new Map<string, number>();
  const previous: number[] = [];
  // A few hundred pairs of peildatum and birth month over millions of rows: each pair judged once.
  const judged = new Map<string, Map<string, RowIssue | null>>();
  const implausibleOf = (row: EnrolmentRow) => {
    let byMonth = judged.get(row.peildatum);
    if (!byMonth) judged.set(row.peildatum, (byMonth = new Map()));
    let issue = byMonth.get(row.geboortemaand);
    if (issue === undefined) byMonth.set(row.geboortemaand, (issue = implausibleEnrolment(row)));
    return issue;
  };
  const rows = readRows(text, file, enrolmentRow, reading, (row, line, sofar, cell): Enrolment | null => {
    const late = dates && lateDate(file, line, "peildatum", row.peildatum, dates.latestStart, cell);
    if (late) {
      errors.push(late);
      return null;
    }
    const implausible = implausibleOf(row);
    if (implausible) {
      errors.push({file, line, column: implausible.column, value: cell(implausible.column), message: implausible.message});
      return null;
    }
    if (schoolIds && !schoolIds.has(row.school_id)) {
      const message = `staat niet in ${INPUT_FILES.scholen}`;
      errors.push({file, line, column: "school_id", value: row.school_id, message});
      return null;
    }
    const enrolment = toEnrolment(row);
    const latest = latestOfPupil.get(enrolment.pupilId) ?? -1;
    // One string per pupil rather than per row: 2 M fewer strings nationally, and later lookups by it hash once.
    if (latest >= 0) enrolment.pupilId = sofar.items[latest].pupilId;
    const earlier = enrolmentInYear(latest, previous, (at) => sofar.items[at].year, enrolment.year);
    if (earlier < 0) {
      latestOfPupil.set(enrolment.pupilId, sofar.items.length);
      previous.push(latest);
      return enrolment;
    }
    const other = sofar.items[earlier];
    const where = `ook op regel ${sofar.lines[earlier]}`;
    const message =
      other.schoolId === enrolment.schoolId
        ? `staat twee keer in peiljaar ${enrolment.year} (${where})`
        : `staat in peiljaar ${enrolment.year} op twee scholen: ${other.schoolId} (${where}) en ${enrolment.schoolId}`;
    errors.push({file, line, column: "leerling_id", value: enrolment.pupilId, message});
    return null;
  });
  return {...rows, ofPupil: {latestOf: (trajectory) => latestOfPupil.get(trajectory.pupilId), previous}};
}

function byLine(a: InputError, b: InputError): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

function toSchool(row: SchoolRow): School {
  return {
    id: row.school_id,
    name: row.naam,
    board: row.bestuur,
    denomination: row.denominatie,
    concept: row.concept,
    sesNeighbourhood: row.ses_wijk,
    sotTrajectories: row.sot_trajecten,
    participated: row.deelname_interview === null ? null : row.deelname_interview === "ja",
    ibCount: row.aantal_ib,
    ibExperience: row.ib_ervaring,
    dorpsteamRating: row.dorpsteam_categorie === null ? null : (Number(row.dorpsteam_categorie) as 1 | 2 | 3),
    sesSelfReported: row.ses_zelfgerapporteerd
  };
}

export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    pupilId: row.leerling_id,
    schoolId: row.school_id,
    date: row.peildatum,
    year: Number(row.peildatum.slice(0, 4)),
    birthMonth: row.geboortemaand,
    municipality: row.woongemeente
  };
}

function toMapping(row: MappingRow): ProductMapping {
  return {productCategory: row.productcategorie, productCode: row.productcode, careType: row.zorgvorm};
}

export function toTrajectory(row: TrajectoryRow, careType: string): Trajectory {
  return {
    id: row.traject_id,
    pupilId: row.leerling_id,
    productCategory: row.productcategorie,
    productCode: row.productcode,
    careType,
    provider: row.aanbieder,
    start: row.begindatum,
    end: row.einddatum,
    cost: row.kosten
  };
}

// A character no export contains, so that "5" + "41" and "54" + "1" stay different keys.
function mappingKey(category: string, code: string): string {
  return `${category}\u0000${code}`;
}

/** Exact category + code first, then the category's catch-all row (empty code). */
export function careTypeLookup(mappings: ProductMapping[]): (category: string, code: string) => string | null {
  const byKey = new Map(mappings.map((m) => [mappingKey(m.productCategory, m.productCode ?? ""), m.careType]));
  return (category, code) => byKey.get(mappingKey(category, code)) ?? byKey.get(mappingKey(category, "")) ?? null;
}

function unmappedProduct(line: number, category: string, code: string): InputError {
  const product = code === "" ? `productcategorie ${category}` : `productcategorie ${category}, productcode ${code}`;
  return {
    file: INPUT_FILES.trajecten,
    line,
    column: code === "" ? "productcategorie" : "productcode",
    value: code === "" ? category : code,
    message: `heeft geen zorgvorm: voeg ${product} toe aan ${INPUT_FILES.zorgvormen}`
  };
}

/** Same name, ignoring case and extra spaces: exports differ in how they spell it. */
export function livesIn(municipality: string): (name: string) => boolean {
  const normal = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  const wanted = normal(municipality);
  // A few distinct names over a million rows: normalise each name once.
  const answers = new Map<string, boolean>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) answers.set(name, (answer = normal(name) === wanted));
    return answer;
  };
}

function applyScope(all: Dataset, ofPupil: PupilEnrolments): Omit<LoadedDataset, "quality"> {
  const {settings} = all;
  const years = new Set(settings.years);
  const livesHere = livesIn(settings.municipality);
  // Each pupil numbered where its chain starts, in file order: its first enrolment gets the next
  // number and every later one its previous one's, with no lookup of the id.
  const pupilOf = new Int32Array(all.enrolments.length);
  let pupils = 0;
  for (let at = 0; at < pupilOf.length; at++) pupilOf[at] = ofPupil.previous[at] < 0 ? pupils++ : pupilOf[ofPupil.previous[at]];
  const residents: Enrolment[] = [];
  const nonResidents: Enrolment[] = [];
  const residentCodes = new Int32Array(all.enrolments.length);
  const nonResidentCodes = new Int32Array(all.enrolments.length);
  let residentsOutsideYears = 0;
  for (let at = 0; at < all.enrolments.length; at++) {
    const enrolment = all.enrolments[at];
    if (!livesHere(enrolment.municipality)) {
      nonResidentCodes[nonResidents.length] = pupilOf[at];
      nonResidents.push(enrolment);
    } else {
      residentCodes[residents.length] = pupilOf[at];
      residents.push(enrolment);
      if (!years.has(enrolment.year)) residentsOutsideYears++;
    }
  }
  // A pupil's enrolments through the chain: true when one of them is as a resident, undefined when there are none.
  const resident = (latest: number): boolean => {
    for (let at = latest; at >= 0; at = ofPupil.previous[at]) if (livesHere(all.enrolments[at].municipality)) return true;
    return false;
  };
  const trajectories: Trajectory[] = [];
  const trajectoryCodes = new Int32Array(all.trajectories.length);
  let withoutEnrolment = 0;
  let keptOutsideYears = 0;
  for (let index = 0; index < all.trajectories.length; index++) {
    const trajectory = all.trajectories[index];
    const latest = ofPupil.latestOf(trajectory, index);
    const lives = latest === undefined ? undefined : resident(latest);
    // The enrolments' string for the pupil, as there: one string per pupil.
    if (latest !== undefined) trajectory.pupilId = all.enrolments[latest].pupilId;
    if (lives === true) {
      trajectoryCodes[trajectories.length] = pupilOf[latest!];
      trajectories.push(trajectory);
      if (!years.has(Number(trajectory.start.slice(0, 4)))) keptOutsideYears++;
    } else if (lives === undefined) withoutEnrolment++;
  }
  const scope: ScopeReport = {
    municipality: settings.municipality,
    years: settings.years,
    enrolmentsRead: all.enrolments.length,
    enrolmentsOutsideMunicipality: all.enrolments.length - residents.length,
    enrolmentsOutsideYears: residentsOutsideYears,
    enrolmentsKept: residents.length,
    trajectoriesRead: all.trajectories.length,
    trajectoriesWithoutEnrolment: withoutEnrolment,
    trajectoriesOfNonResidents: all.trajectories.length - trajectories.length - withoutEnrolment,
    trajectoriesOutsideYears: keptOutsideYears,
    trajectoriesKept: trajectories.length
  };
  const pupilCodes = {
    count: pupils,
    enrolments: residentCodes.slice(0, residents.length),
    nonResidentEnrolments: nonResidentCodes.slice(0, nonResidents.length),
    trajectories: trajectoryCodes.slice(0, trajectories.length)
  };
  return {dataset: {...all, enrolments: residents, nonResidentEnrolments: nonResidents, trajectories, pupilCodes}, scope};
}

/**
 * A study year without resident pupils or without a trajectory that starts in it, or no pupil
 * living in the municipality at all (a misspelt name), would build a report of zeros.
 */
function yearCoverage(dataset: Dataset): YearCoverage[] {
  const pupils = new Map<number, number>();
  const started = new Map<number, number>();
  for (const {year} of dataset.enrolments) pupils.set(year, (pupils.get(year) ?? 0) + 1);
  for (const {start} of dataset.trajectories) started.set(Number(start.slice(0, 4)), (started.get(Number(start.slice(0, 4))) ?? 0) + 1);
  return dataset.settings.years.map((year) => ({year, pupils: pupils.get(year) ?? 0, trajectoriesStarted: started.get(year) ?? 0}));
}

/** The first and last date of the rows (nulls skipped), without a copy of a column of millions. */
function range<T>(rows: T[], dateOf: (row: T) => string | null): [string, string] | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    const date = dateOf(row);
    if (date === null) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return first === null || last === null ? null : [first, last];
}

function emptyYears({dataset, scope}: Omit<LoadedDataset, "quality">, coverage: YearCoverage[], allEnrolments: Enrolment[]): InputError[] {
  const file = INPUT_FILES.instellingen;
  const {settings} = dataset;
  if (dataset.enrolments.length === 0) {
    const names = new Map<string, number>();
    for (const {municipality} of allEnrolments) names.set(municipality, (names.get(municipality) ?? 0) + 1);
    const found = [...names].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, n]) => `"${name}" (${count.format(n)})`);
    const message = `komt in ${INPUT_FILES.leerlingen} niet voor als woongemeente (wel: ${found.join(", ")}); controleer de schrijfwijze`;
    return [{file, line: null, column: "municipality", value: scope.municipality, message}];
  }
  const errors: InputError[] = [];
  for (const [i, {year, pupils, trajectoriesStarted: starts}] of coverage.entries()) {
    const missing = [
      pupils === 0 ? `geen leerlingen in ${INPUT_FILES.leerlingen} (peildatum in ${year}, wonend in ${settings.municipality})` : null,
      starts === 0 ? `geen trajecten in ${INPUT_FILES.trajecten} die in ${year} beginnen` : null
    ].filter((part) => part !== null);
    if (missing.length > 0) {
      errors.push({file, line: null, column: `years[${i}]`, value: String(year), message: `heeft ${missing.join(" en ")}`});
    }
  }
  return errors;
}

/** A school in scholen.csv without resident pupils in a study year is absent from that year's tables. */
function schoolsWithoutPupils(dataset: Dataset, lines: number[]): InputError[] {
  const {settings} = dataset;
  const yearsOf = new Map<string, Set<number>>();
  for (const {schoolId, year} of dataset.enrolments) {
    let years = yearsOf.get(schoolId);
    if (!years) yearsOf.set(schoolId, (years = new Set()));
    years.add(year);
  }
  return dataset.schools.flatMap((school, i) => {
    const missing = settings.years.filter((year) => !yearsOf.get(school.id)?.has(year));
    if (missing.length === 0) return [];
    const which = missing.length === settings.years.length ? "in geen enkel jaar" : `in ${missing.join(", ")} geen`;
    const message =
      `(${school.name}) heeft ${which} leerlingen in ${INPUT_FILES.leerlingen} die in ${settings.municipality} wonen; ` +
      `de school ontbreekt ${missing.length === settings.years.length ? "in het rapport" : "in die jaren in het rapport"}`;
    return [{file: INPUT_FILES.scholen, line: lines[i], column: "school_id", value: school.id, message}];
  });
}

/** A lowered threshold passes only with confirmLowerMinCount; the build log says so every time. */
function confirmedSuppression(settings: Settings): InputError[] {
  return weakenedSuppression(settings.suppression).map((weaker) => ({
    file: INPUT_FILES.instellingen,
    line: null,
    column: weaker.path.join("."),
    value: String(weaker.value),
    message: `is lager dan de standaard (${weaker.default}), bevestigd met confirmLowerMinCount: kleinere aantallen komen op de site`
  }));
}

const count = new Intl.NumberFormat("nl-NL");

/** Dutch lines for the build log (stderr). */
export function formatScopeReport(scope: ScopeReport): string {
  const n = (value: number) => count.format(value);
  const period = `${scope.years[0]}–${scope.years[scope.years.length - 1]}`;
  return [
    `Afbakening: leerlingen die in ${scope.municipality} wonen en daar naar school gaan.`,
    `- leerlingen.csv: ${n(scope.enrolmentsRead)} inschrijvingen gelezen, ${n(scope.enrolmentsKept)} gebruikt; ` +
      `${n(scope.enrolmentsOutsideMunicipality)} weggelaten (woont in een andere gemeente); ` +
      `${n(scope.enrolmentsOutsideYears)} gebruikte met een teldatum buiten ${period}.`,
    `- trajecten.csv: ${n(scope.trajectoriesRead)} trajecten gelezen, ${n(scope.trajectoriesKept)} gebruikt; ` +
      `${n(scope.trajectoriesWithoutEnrolment)} weggelaten (leerling staat niet in leerlingen.csv), ` +
      `${n(scope.trajectoriesOfNonResidents)} weggelaten (leerling woont niet in ${scope.municipality}); ` +
      `${n(scope.trajectoriesOutsideYears)} gebruikte gestart buiten ${period}.`
  ].join("\n");
}
