// leerlingen.csv and trajecten.csv read without splitting their text (issue 13
// item 2): the distinct texts of every column are numbered from the bytes (plainColumns.ts), the contract's own
// parsers and checks run once per distinct text or pair of texts, and the rows are assembled from
// the numbers. The result is what contract.ts's readers would accept, row for row, in file order.
//
// It only vouches for a folder that could not hold an error or need a repair: plain ASCII without
// quotes, blank lines or cells the reader would trim; every value valid; no duplicate. On anything
// else it returns null and the contract reads the text itself, which reports the Dutch errors
// (file, row, column). So every rule and every message keeps one implementation; this module only
// decides whether it may skip them.

import {isAscii} from "node:buffer";
import {
  careTypeLookup,
  enrolmentInYear,
  isLate,
  toEnrolment,
  toTrajectory,
  type LargeFileReader,
  type LargeFileReference,
  type LargeFiles,
  type Rows
} from "./contract.js";
import {readPlainColumns, UnevenRow, type PlainColumns} from "./plainColumns.js";
import {hasUtf8Bom, utf8Encoding, type Encoding} from "./encoding.js";
import type {Enrolment, Trajectory} from "./model.js";
import {enrolmentRow, implausibleEnrolment, trajectoryRow, type EnrolmentRow, type TrajectoryRow} from "./schema.js";
import type {Parser} from "./values.js";

/** Why a folder goes to the text readers, in English for the benchmark and the tests. */
export class NotPlain extends Error {}

type LargeFile = "leerlingen" | "trajecten";

/** The dictionaries asked of readPlainColumns (0: leerlingen.csv, 1: trajecten.csv), in the order dictionaryValues reads them. */
const DICTIONARIES: [number, string][][] = [
  // One numbering of pupils over both files: a trajectory finds its pupil's enrolments by number.
  [
    [0, "leerling_id"],
    [1, "leerling_id"]
  ],
  ...["school_id", "peildatum", "geboortemaand", "woongemeente"].map((c): [number, string][] => [[0, c]]),
  ...["productcategorie", "productcode", "aanbieder", "begindatum", "einddatum", "kosten"].map((c): [number, string][] => [[1, c]])
];

/**
 * The reader for contract.ts's loadDataset, for the two files' bytes; `onDecline` hears
 * why it left a folder to the text readers.
 */
export function columnarReader(bytes: Record<LargeFile, Uint8Array>, onDecline: (reason: string) => void = () => {}): LargeFileReader {
  return (reference) => {
    try {
      return readColumnar(bytes, reference);
    } catch (error) {
      if (!(error instanceof NotPlain || error instanceof UnevenRow)) throw error;
      onDecline(error.message);
      return null;
    }
  };
}

function readColumnar(bytes: Record<LargeFile, Uint8Array>, reference: LargeFileReference): LargeFiles {
  const enrolmentFile = plainFile(bytes.leerlingen, Object.keys(enrolmentRow.parsers), "leerlingen.csv");
  const trajectoryFile = plainFile(bytes.trajecten, Object.keys(trajectoryRow.parsers), "trajecten.csv");
  const columns = readPlainColumns({
    files: [
      {bytes: bytes.leerlingen, ...enrolmentFile},
      {bytes: bytes.trajecten, ...trajectoryFile}
    ],
    dictionaries: DICTIONARIES,
    uniqueColumns: [[1, "traject_id"]]
  });
  if (columns.rows.some((n) => n === 0)) throw new NotPlain("a file without rows");
  const values = dictionaryValues(columns);
  const enrolments = enrolmentRows(columns, values, reference);
  const trajectories = trajectoryRows(columns, values, reference);
  const pupilOf = columns.codes[1].leerling_id;
  const latest = enrolments.latestOfPupil;
  return {
    enrolments: {...rowsOf(enrolments.items), ofPupil: {latestOf: (_, index) => (latest[pupilOf[index]] >= 0 ? latest[pupilOf[index]] : undefined), previous: enrolments.previous}},
    trajectories: rowsOf(trajectories),
    encodings: {leerlingen: enrolmentFile.encoding, trajecten: trajectoryFile.encoding}
  };
}

/** Accepted rows as the text readers return them: no blank lines, so row k is on line k + 2. */
function rowsOf<T>(items: T[]): Rows<T> {
  const lines = new Array<number>(items.length);
  for (let k = 0; k < items.length; k++) lines[k] = k + 2;
  return {items, lines, read: items.length, clean: true};
}

/** Each dictionary's texts by column name (traject_id: its texts in row order), and their values through the contract's parsers. */
function dictionaryValues(columns: PlainColumns) {
  const texts = new Map<string, string[]>(DICTIONARIES.map(([[, column]], d) => [column, columns.dictionaries[d]]));
  // traject_id comes as its texts in row order (its dictionary would be that list again); as many
  // distinct texts as rows means each id once.
  const [trajectoryIds] = columns.unique;
  if (trajectoryIds.distinct !== trajectoryIds.texts.length) throw new NotPlain("a traject_id twice");
  texts.set("traject_id", trajectoryIds.texts);
  const textsOf = (column: string) => texts.get(column)!;
  const cache = new Map<string, unknown[]>();
  /** The column's distinct values, parsed (once: pupil ids serve both files); a text that fails sends the folder to the text readers. */
  const parsed = <T>(column: string, parse: Parser<T>): T[] => {
    let values = cache.get(column) as T[] | undefined;
    if (values === undefined) {
      values = textsOf(column).map((text) => {
        const result = parse(text);
        if (!result.ok) throw new NotPlain(`${column}: "${text}" does not parse`);
        return result.value;
      });
      cache.set(column, values);
    }
    return values;
  };
  /** An id column's values, which must be its texts: then distinct texts are distinct ids, as the duplicate checks assume. */
  const ids = (column: string, parse: Parser<string>): string[] => {
    const values = parsed(column, parse);
    const written = textsOf(column);
    if (values.some((value, k) => value !== written[k])) throw new NotPlain(`${column}: a value differs from its text`);
    return values;
  };
  return {textsOf, parsed, ids};
}

type Values = ReturnType<typeof dictionaryValues>;

function enrolmentRows(columns: PlainColumns, values: Values, {schoolIds, plausible}: LargeFileReference) {
  const p = enrolmentRow.parsers;
  const pupils = values.ids("leerling_id", p.leerling_id);
  const schools = values.ids("school_id", p.school_id);
  const dates = values.parsed("peildatum", p.peildatum);
  const months = values.parsed("geboortemaand", p.geboortemaand);
  const municipalities = values.parsed("woongemeente", p.woongemeente);
  if (!schools.every((id) => schoolIds.has(id))) throw new NotPlain("a school not in scholen.csv");
  if (dates.some((date) => isLate(date, plausible.latestStart))) throw new NotPlain("a late peildatum");
  const codes = columns.codes[0];
  const [pupil, school, date, month, municipality] = ["leerling_id", "school_id", "peildatum", "geboortemaand", "woongemeente"].map((c) => codes[c]);
  // The plausibility of a row depends on its peildatum and birth month only: each pair judged once.
  const seen = new Uint8Array(dates.length * months.length);
  for (let i = 0; i < pupil.length; i++) seen[date[i] * months.length + month[i]] = 1;
  seen.forEach((isSeen, pair) => {
    if (!isSeen) return;
    const row = {peildatum: dates[Math.floor(pair / months.length)], geboortemaand: months[pair % months.length]} as EnrolmentRow;
    if (implausibleEnrolment(row)) throw new NotPlain(`an implausible enrolment (${row.peildatum}, ${row.geboortemaand})`);
  });
  // A pupil's enrolments as a chain from the latest back, as the text reader keeps them; a second
  // enrolment in the same year is its error.
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const yearAt = (position: number) => years[date[position]];
  const latestOfPupil = new Int32Array(pupils.length).fill(-1);
  const previous = new Int32Array(pupil.length);
  const items: Enrolment[] = new Array(pupil.length);
  for (let i = 0; i < pupil.length; i++) {
    const latest = latestOfPupil[pupil[i]];
    if (enrolmentInYear(latest, previous, yearAt, yearAt(i)) >= 0) throw new NotPlain("a pupil enrolled twice in a year");
    previous[i] = latest;
    latestOfPupil[pupil[i]] = i;
    const row = {leerling_id: pupils[pupil[i]], school_id: schools[school[i]], peildatum: dates[date[i]], geboortemaand: months[month[i]], woongemeente: municipalities[municipality[i]]};
    items[i] = toEnrolment(row);
  }
  return {items, latestOfPupil, previous};
}

function trajectoryRows(columns: PlainColumns, values: Values, {mappings, plausible}: LargeFileReference): Trajectory[] {
  const p = trajectoryRow.parsers;
  const codes = columns.codes[1];
  const ids = values.ids("traject_id", p.traject_id);
  const rows = ids.length;
  const pupils = values.ids("leerling_id", p.leerling_id);
  const categories = values.parsed("productcategorie", p.productcategorie);
  const productCodes = values.parsed("productcode", p.productcode);
  const providers = values.parsed("aanbieder", p.aanbieder);
  const starts = values.parsed("begindatum", p.begindatum);
  const ends = values.parsed("einddatum", p.einddatum);
  // A point anywhere in a cost is a notation the text reader judges across rows: it decides.
  if (values.textsOf("kosten").some((text) => text.includes("."))) throw new NotPlain("a cost with a point");
  const costs = values.parsed("kosten", p.kosten);
  if (starts.some((d) => isLate(d, plausible.latestStart)) || ends.some((d) => d !== null && isLate(d, plausible.latestEnd))) throw new NotPlain("a late date");
  // Equal numbers must mean equal values for the duplicate check below (10-01-2019 and 10-1-2019 would not).
  for (const [column, list] of [["begindatum", starts], ["einddatum", ends], ["kosten", costs]] as const) distinct(list as unknown[], column);
  const [pupil, category, productCode, provider, start, end, cost] = ["leerling_id", "productcategorie", "productcode", "aanbieder", "begindatum", "einddatum", "kosten"].map((c) => codes[c]);
  if (pupil.length !== rows) throw new NotPlain("traject_id and the other columns disagree on the rows");

  // The row check looks at the dates together and at the cost alone: each (start, end) pair and each
  // cost checked once, the other fields held valid.
  // One row object, changed in place: 680 000 costs nationally.
  const row: TrajectoryRow = {traject_id: "x", leerling_id: "x", productcategorie: "x", productcode: "", aanbieder: "x", begindatum: starts[0], einddatum: null, kosten: 0};
  for (const kosten of costs) {
    row.kosten = kosten;
    if (trajectoryRow.check(row).length > 0) throw new NotPlain("a cost the row check refuses");
  }
  row.kosten = 0;
  const periods = new Set<number>();
  for (let i = 0; i < rows; i++) periods.add(start[i] * ends.length + end[i]);
  for (const period of periods) {
    row.begindatum = starts[Math.floor(period / ends.length)];
    row.einddatum = ends[period % ends.length];
    if (trajectoryRow.check(row).length > 0) throw new NotPlain("a period the row check refuses");
  }
  const careTypeOf = careTypeLookup(mappings);
  const careTypes = new Map<number, string>();
  for (let i = 0; i < rows; i++) {
    const product = category[i] * productCodes.length + productCode[i];
    if (careTypes.has(product)) continue;
    const careType = careTypeOf(categories[category[i]], productCodes[productCode[i]]);
    if (careType === null) throw new NotPlain("a product without a care type");
    careTypes.set(product, careType);
  }

  // The same trajectory under two ids (every other column equal) is the text reader's error.
  const content = [pupil, category, productCode, provider, start, end, cost];
  const firstOfHash = new Map<number, number>();
  const collided = new Set<string>();
  const sameContent = (a: number, b: number) => content.every((column) => column[a] === column[b]);
  const items: Trajectory[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    let hash = 0x811c9dc5;
    for (const column of content) hash = Math.imul(hash ^ column[i], 0x01000193);
    const earlier = firstOfHash.get(hash);
    if (earlier === undefined) firstOfHash.set(hash, i);
    else {
      // A shared hash (about a hundred among a million rows): the content itself decides.
      const key = content.map((column) => column[i]).join(",");
      if (sameContent(earlier, i) || collided.has(key)) throw new NotPlain("a trajectory twice under two ids");
      collided.add(key);
    }
    const fields: TrajectoryRow = {
      traject_id: ids[i],
      leerling_id: pupils[pupil[i]],
      productcategorie: categories[category[i]],
      productcode: productCodes[productCode[i]],
      aanbieder: providers[provider[i]],
      begindatum: starts[start[i]],
      einddatum: ends[end[i]],
      kosten: costs[cost[i]]
    };
    items[i] = toTrajectory(fields, careTypes.get(category[i] * productCodes.length + productCode[i])!);
  }
  return items;
}

/** No two texts of a column with the same value: then equal numbers are equal values and the reverse. */
function distinct(values: unknown[], column: string): void {
  if (new Set(values).size !== values.length) throw new NotPlain(`${column} written two ways`);
}

/**
 * The file's delimiter, header (in the file's order) and encoding when csv.ts would read it as the
 * plain kind and change nothing: ASCII (so no invisible character or hard space to repair), no NUL,
 * no quote, no lone CR, no blank line, and a first line that is exactly the expected columns.
 */
export function plainFile(content: string | Uint8Array, columns: string[], file: string): {delimiter: string; columns: string[]; encoding: Encoding} {
  if (typeof content === "string") throw new NotPlain(`${file} came as text`);
  const bom = hasUtf8Bom(content) ? 3 : 0;
  const bytes = Buffer.from(content.buffer, content.byteOffset + bom, content.byteLength - bom);
  if (!isAscii(bytes) || bytes.includes(0) || bytes.includes(0x22)) throw new NotPlain(`${file} is not plain ASCII without quotes`);
  for (let at = bytes.indexOf(0x0d); at >= 0; at = bytes.indexOf(0x0d, at + 1)) {
    if (bytes[at + 1] !== 0x0a) throw new NotPlain(`${file} has a lone CR`);
  }
  // A blank line shifts the line numbers of the rows after it (and a last line end is not one).
  const blank = Math.max(bytes.indexOf("\n\n"), bytes.indexOf("\n\r\n"));
  if (blank >= 0 && blank < bytes.length - 2) throw new NotPlain(`${file} has a blank line`);
  const end = bytes.indexOf(0x0a);
  const header = Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)).toString("latin1").replace(/\r$/, "");
  for (const delimiter of [";", ","]) {
    const found = header.split(delimiter);
    if (found.length !== columns.length || !columns.every((c) => found.includes(c))) continue;
    if (trimmedCells(bytes, delimiter.charCodeAt(0))) throw new NotPlain(`${file} has cells with whitespace around them`);
    return {delimiter, columns: found, encoding: utf8Encoding(content)};
  }
  throw new NotPlain(`${file}'s first line is not exactly its columns`);
}

/**
 * Whether the reader would trim a cell: a tab, vertical tab or form feed anywhere, or a space beside
 * a delimiter or a line end. One memchr-driven walk over the spaces (0,3 s for the national input;
 * eight Buffer.includes of two-byte patterns took 1,8 s).
 */
function trimmedCells(bytes: Buffer, delimiter: number): boolean {
  if ([0x09, 0x0b, 0x0c].some((byte) => bytes.indexOf(byte) >= 0)) return true;
  const edge = (byte: number | undefined) => byte === undefined || byte === delimiter || byte === 0x0a || byte === 0x0d;
  for (let at = bytes.indexOf(0x20); at >= 0; at = bytes.indexOf(0x20, at + 1)) {
    if (edge(bytes[at - 1]) || edge(bytes[at + 1])) return true;
  }
  return false;
}
