// The data contract: the five texts of a municipality's input folder → a typed Dataset, or every
// error at once. Rows outside the report's scope (pupils who do not live in the municipality, care
// of pupils without an enrolment there) are not errors: they are left out and counted.

import {readCsv} from "./csv.js";
import {InputErrors, type InputError} from "./errors.js";
import type {Dataset, Enrolment, ProductMapping, School, Settings, Trajectory} from "./model.js";
import {
  enrolmentRow,
  mappingRow,
  missingColumns,
  parseSettings,
  rowParser,
  schoolRow,
  trajectoryRow,
  type EnrolmentRow,
  type MappingRow,
  type Parsers,
  type RowOf,
  type RowShape,
  type SchoolRow,
  type TrajectoryRow
} from "./schema.js";

/** File names in the input folder, in the order their errors are reported. */
export const INPUT_FILES = {
  instellingen: "instellingen.json",
  scholen: "scholen.csv",
  leerlingen: "leerlingen.csv",
  zorgvormen: "zorgvormen.csv",
  trajecten: "trajecten.csv"
} as const;

export type InputName = keyof typeof INPUT_FILES;
export type InputTexts = Record<InputName, string>;

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
}

interface Rows<T> {
  items: T[];
  /** The line of each item, for errors that point back at an earlier row. */
  lines: number[];
  /** The file had no error at all, so checks of other files against it can be trusted. */
  clean: boolean;
}

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
  errors: InputError[],
  accept: (row: RowOf<P>, line: number, sofar: Rows<T>) => T | null
): Rows<T> {
  const rows: Rows<T> = {items: [], lines: [], clean: true};
  const before = errors.length;
  const csvErrors = readCsv(text, file, (header) => {
    const missing = missingColumns(header, shape);
    append(errors, missing);
    if (missing.length > 0) return null;
    const parse = rowParser(header, shape, errors);
    return (cells, line) => {
      const row = parse(cells, line);
      const item = row === null ? null : accept(row, line, rows);
      if (item === null) return;
      rows.items.push(item);
      rows.lines.push(line);
    };
  });
  append(errors, csvErrors);
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

export function loadDataset(texts: InputTexts): LoadedDataset {
  const errorsByFile = new Map<string, InputError[]>(Object.values(INPUT_FILES).map((file) => [file, []]));
  const errorsOf = (name: InputName) => errorsByFile.get(INPUT_FILES[name])!;

  const {settings, errors: settingsErrors} = parseSettings(texts.instellingen);
  append(errorsOf("instellingen"), settingsErrors);
  // Files are read in dependency order; a check against another file runs only when that file is
  // error-free, so that one mistake does not echo as hundreds of follow-up errors.
  const schools = readSchools(texts.scholen, errorsOf("scholen"));
  const schoolIds = schools.clean ? new Set(schools.items.map((school) => school.id)) : null;
  const enrolments = readEnrolments(texts.leerlingen, schoolIds, errorsOf("leerlingen"));
  const mappings = readMappings(texts.zorgvormen, settings, errorsOf("zorgvormen"));
  const trajectories = readTrajectories(texts.trajecten, mappings, errorsOf("trajecten"));

  const errors = [...errorsByFile.values()].flatMap((list) => list.sort(byLine));
  if (errors.length > 0 || !settings) throw new InputErrors(errors);
  return applyScope({
    settings,
    schools: schools.items,
    enrolments: enrolments.items,
    trajectories: trajectories.items,
    productMappings: mappings.items
  });
}

function readSchools(text: string, errors: InputError[]): Rows<School> {
  const isNew = firstOfEach(INPUT_FILES.scholen, "school_id", errors);
  return readRows(text, INPUT_FILES.scholen, schoolRow, errors, (row, line) =>
    isNew(row.school_id, line) ? toSchool(row) : null
  );
}

function readMappings(text: string, settings: Settings | null, errors: InputError[]): Rows<ProductMapping> {
  const file = INPUT_FILES.zorgvormen;
  const careTypes = settings ? settings.careTypes.map((careType) => careType.key) : null;
  const isNew = firstOfEach(file, "productcode", errors);
  return readRows(text, file, mappingRow, errors, (row, line) => {
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

function readTrajectories(text: string, mappings: Rows<ProductMapping>, errors: InputError[]): Rows<Trajectory> {
  const careTypeOf = careTypeLookup(mappings.items);
  const isNew = firstOfEach(INPUT_FILES.trajecten, "traject_id", errors);
  return readRows(text, INPUT_FILES.trajecten, trajectoryRow, errors, (row, line) => {
    if (!isNew(row.traject_id, line)) return null;
    const careType = careTypeOf(row.productcategorie, row.productcode);
    if (careType !== null) return toTrajectory(row, careType);
    if (mappings.clean) errors.push(unmappedProduct(line, row.productcategorie, row.productcode));
    return null;
  });
}

function readEnrolments(text: string, schoolIds: Set<string> | null, errors: InputError[]): Rows<Enrolment> {
  const file = INPUT_FILES.leerlingen;
  // Year → pupil → index of its first enrolment that year, to name that row and school in the message.
  // One map per year instead of a pupil+year key: no million concatenated keys to build and hash.
  const firstByYear = new Map<number, Map<string, number>>();
  return readRows(text, file, enrolmentRow, errors, (row, line, sofar) => {
    if (schoolIds && !schoolIds.has(row.school_id)) {
      const message = `staat niet in ${INPUT_FILES.scholen}`;
      errors.push({file, line, column: "school_id", value: row.school_id, message});
      return null;
    }
    const enrolment = toEnrolment(row);
    let first = firstByYear.get(enrolment.year);
    if (first === undefined) firstByYear.set(enrolment.year, (first = new Map()));
    const earlier = first.get(enrolment.pupilId);
    if (earlier === undefined) {
      first.set(enrolment.pupilId, sofar.items.length);
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
    participated: row.deelname_interview === "ja",
    ibCount: row.aantal_ib,
    ibExperience: row.ib_ervaring,
    dorpsteamRating: row.dorpsteam_categorie === null ? null : (Number(row.dorpsteam_categorie) as 1 | 2 | 3),
    sesSelfReported: row.ses_zelfgerapporteerd
  };
}

function toEnrolment(row: EnrolmentRow): Enrolment {
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

function toTrajectory(row: TrajectoryRow, careType: string): Trajectory {
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
function careTypeLookup(mappings: ProductMapping[]): (category: string, code: string) => string | null {
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
function livesIn(municipality: string): (name: string) => boolean {
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

function applyScope(all: Dataset): LoadedDataset {
  const {settings} = all;
  const years = new Set(settings.years);
  const livesHere = livesIn(settings.municipality);
  // Pupil → has at least one enrolment as a resident; absent = no enrolment at all.
  const residentPupil = new Map<string, boolean>();
  const residents: Enrolment[] = [];
  const nonResidents: Enrolment[] = [];
  for (const enrolment of all.enrolments) {
    if (livesHere(enrolment.municipality)) {
      residents.push(enrolment);
      residentPupil.set(enrolment.pupilId, true);
    } else {
      nonResidents.push(enrolment);
      if (!residentPupil.has(enrolment.pupilId)) residentPupil.set(enrolment.pupilId, false);
    }
  }
  const trajectories: Trajectory[] = [];
  let withoutEnrolment = 0;
  for (const trajectory of all.trajectories) {
    const resident = residentPupil.get(trajectory.pupilId);
    if (resident === true) trajectories.push(trajectory);
    else if (resident === undefined) withoutEnrolment++;
  }
  const scope: ScopeReport = {
    municipality: settings.municipality,
    years: settings.years,
    enrolmentsRead: all.enrolments.length,
    enrolmentsOutsideMunicipality: all.enrolments.length - residents.length,
    enrolmentsOutsideYears: residents.filter((e) => !years.has(e.year)).length,
    enrolmentsKept: residents.length,
    trajectoriesRead: all.trajectories.length,
    trajectoriesWithoutEnrolment: withoutEnrolment,
    trajectoriesOfNonResidents: all.trajectories.length - trajectories.length - withoutEnrolment,
    trajectoriesOutsideYears: trajectories.filter((t) => !years.has(Number(t.start.slice(0, 4)))).length,
    trajectoriesKept: trajectories.length
  };
  return {dataset: {...all, enrolments: residents, nonResidentEnrolments: nonResidents, trajectories}, scope};
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
