// National scale (issue 13 item 2): Tabel 6's core from a national input folder, with DuckDB doing
// the scans, joins and distinct counts of the two large files. Rules stay in TypeScript, once:
// every rule about a value (the contract's parsers and plausibility checks, residence, the product
// mapping, the study window and youthCareYears) runs here on the distinct values DuckDB finds, and
// goes back to DuckDB as a small dictionary table that the SQL only joins on. The SQL holds no rule
// of its own beyond "count distinct pupils".
//
// Anything this path cannot vouch for (a quoted or non-ASCII file, a cell that fails or needs a
// repair, a duplicate, an empty year, a workbook) sends the folder to the TypeScript path
// (loadDataset + buildScope), which then reports the Dutch errors naming file, row and column, or
// computes the same tables. So there is one implementation of every message too.

import type {DuckDBAppender, DuckDBConnection} from "@duckdb/node-api";
import {NotPlain, plainFile} from "./columnarRead.js";
import {careTypeLookup, INPUT_FILES, livesIn, loadDataset, plausibleDates, readReferenceFiles, type InputTexts} from "./contract.js";
import {youthCareYears} from "./definitions.js";
import {readInputSources} from "./io.js";
import type {School, Settings} from "./model.js";
import {enrolmentRow, implausibleEnrolment, trajectoryRow, type EnrolmentRow, type Parsers, type TrajectoryRow} from "./schema.js";
import {compareSchools, compositeKey, countDistinct, schoolRef} from "./tables/common.js";
import {buildScope, studyWindowOf} from "./tables/scope.js";
import {schoolTables, schoolYearCounts, type SchoolsScope, type SchoolTables, type YearCounts} from "./tables/schools.js";
import type {Parser} from "./values.js";

/** Distinct pupils with youth care of one care type at one school in one year. */
export interface CareTypeCount {
  schoolId: string;
  year: number;
  careType: string;
  pupils: number;
}

export interface NationalTables {
  /** Which path computed them: "native" (DuckDB) or "typescript" (the folder needed the full loader). */
  path: "native" | "typescript";
  /** Why the native path handed over, in English for the benchmark log; null on the native path. */
  handedOver: string | null;
  settings: Settings;
  /** Tabel 6 with its municipal totals (enrolled, pupils, trajectories per year) and growth patterns. Raw counts. */
  schools: SchoolTables;
  /** Sorted by school id, year, care type. */
  careTypes: CareTypeCount[];
  /** Trajectories started per study year in scope (Tabel 2's raw count). */
  startedPerYear: {year: number; trajectories: number}[];
}

/** The native path's verdict on a folder it does not vouch for. */
class HandOver extends Error {}

/**
 * Tabel 6's core for the folder. Throws InputErrors (Dutch, file/row/column) when the folder breaks
 * the contract, exactly as the build does. `path: "typescript"` skips DuckDB (for comparisons).
 */
export async function nationalTables(dir: string, {path = "native"}: {path?: NationalTables["path"]} = {}): Promise<NationalTables> {
  const sources = readInputSources(dir);
  if (path === "native") {
    try {
      return await nativeTables(sources.texts, sources.paths);
    } catch (error) {
      if (!(error instanceof HandOver)) throw error;
      return typescriptTables(sources.texts, error.message);
    }
  }
  return typescriptTables(sources.texts, null);
}

// ---------------------------------------------------------------------------------------------
// The TypeScript path: the build's own loader and scope

function typescriptTables(texts: InputTexts, handedOver: string | null): NationalTables {
  const {dataset} = loadDataset(texts);
  const scope = buildScope(dataset);
  const schools = schoolTables(scope, schoolYearCounts(scope));
  const perType = countDistinct(scope.care, (a) => compositeKey(a.enrolment.schoolId, a.year, a.trajectory.careType), (a) => a.trajectory.pupilId);
  const careTypes = [...perType].map(([key, pupils]) => {
    const [schoolId, year, careType] = key.split("\u0000");
    return {schoolId, year: Number(year), careType, pupils};
  });
  const started = scope.years.map((year) => ({year, trajectories: scope.started.filter((a) => a.year === year).length}));
  return {path: "typescript", handedOver, settings: dataset.settings, schools, careTypes: careTypes.sort(byCell), startedPerYear: started};
}

function byCell(a: CareTypeCount, b: CareTypeCount): number {
  return cmp(a.schoolId, b.schoolId) || a.year - b.year || cmp(a.careType, b.careType);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The native path

type LargeFile = "leerlingen" | "trajecten";

async function nativeTables(texts: InputTexts, paths: Partial<Record<LargeFile | string, string>>): Promise<NationalTables> {
  const reference = readReferenceFiles(texts);
  if (reference.errors.length > 0 || reference.settings === null) throw new HandOver("instellingen, scholen or zorgvormen has errors");
  const {settings} = reference;
  const window = studyWindowOf(settings);
  const delimiters = {} as Record<LargeFile, string>;
  const headers = {} as Record<LargeFile, string[]>;
  for (const name of ["leerlingen", "trajecten"] as const) {
    const path = paths[name];
    if (path === undefined) throw new HandOver(`${INPUT_FILES[name]} is a workbook`);
    try {
      ({delimiter: delimiters[name], columns: headers[name]} = plainFile(texts[name], Object.keys(shapeOf(name).parsers), INPUT_FILES[name]));
    } catch (error) {
      if (error instanceof NotPlain) throw new HandOver(error.message);
      throw error;
    }
  }

  // A devDependency: an install without it (npm install --omit=dev) still gets the tables, slowly.
  const {DuckDBInstance} = await import("@duckdb/node-api").catch(() => {
    throw new HandOver("@duckdb/node-api is not installed");
  });
  const instance = await DuckDBInstance.create(":memory:", {threads: "2", preserve_insertion_order: "false"});
  const db = await instance.connect();
  try {
    for (const name of ["leerlingen", "trajecten"] as const) {
      // read_csv takes the columns by position: in the file's order.
      const columns = headers[name].map((c) => `'${c}': 'VARCHAR'`);
      try {
        await db.run(
          `CREATE TABLE ${name} AS SELECT * FROM read_csv('${paths[name]!.replaceAll("'", "''")}', delim = '${delimiters[name]}', ` +
            `header = true, quote = '', escape = '', strict_mode = true, auto_detect = false, columns = {${columns.join(", ")}})`
        );
      } catch (error) {
        throw new HandOver(`DuckDB could not read ${INPUT_FILES[name]}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowsJS() as unknown[][];
    const scalar = async (sql: string) => Number((await rows(sql))[0][0]);
    // The distinct cell texts of some columns, fetched as one string (an empty cell as ""): for the
    // 680 000 distinct costs of the national input, converting a DuckDB value per row took 2 s. A
    // cell holds neither a line end nor its file's delimiter (no quotes), so both can separate.
    const distinct: Distinct = async (table, ...columns) => {
      const separator = delimiters[table];
      const cells = columns.map((c) => `coalesce(${c}, '')`).join(`, '${separator}', `);
      const [[joined]] = await rows(`SELECT string_agg(cell, chr(10)) FROM (SELECT DISTINCT concat(${cells}) AS cell FROM ${table})`);
      return (joined as string).split("\n").map((line) => line.split(separator));
    };

    // An empty id (plainFile has ruled out whitespace the reader would trim).
    const empty = await scalar(
      `SELECT (SELECT count(*) FROM leerlingen WHERE leerling_id IS NULL) + (SELECT count(*) FROM trajecten WHERE traject_id IS NULL OR leerling_id IS NULL)`
    );
    if (empty > 0) throw new HandOver(`${empty} empty ids`);
    if ((await scalar(`SELECT least((SELECT count(*) FROM leerlingen), (SELECT count(*) FROM trajecten))`)) === 0) throw new HandOver("a file without rows");

    // leerlingen.csv: every distinct cell through the contract's own parser and checks.
    const latest = plausibleDates(settings);
    const schoolIds = new Set(reference.schools.map((s) => s.id));
    const enrolmentParsers = enrolmentRow.parsers;
    await distinctThrough(distinct, "leerlingen", "school_id", enrolmentParsers.school_id, (id) => schoolIds.has(id as string));
    const peildatum = await distinctThrough(distinct, "leerlingen", "peildatum", enrolmentParsers.peildatum, (d) => (d as string) <= latest.latestStart);
    const months = await distinctThrough(distinct, "leerlingen", "geboortemaand", enrolmentParsers.geboortemaand, () => true);
    for (const [date, month] of await distinct("leerlingen", "peildatum", "geboortemaand")) {
      const row = {leerling_id: "x", school_id: "x", woongemeente: "x", peildatum: peildatum.get(date as string), geboortemaand: months.get(month as string)};
      if (implausibleEnrolment(row as EnrolmentRow)) throw new HandOver(`implausible enrolment ${date} ${month}`);
    }
    const livesHere = livesIn(settings.municipality);
    const municipalities = await distinctThrough(distinct, "leerlingen", "woongemeente", enrolmentParsers.woongemeente, () => true);

    // trajecten.csv
    const trajectoryParsers = trajectoryRow.parsers;
    await distinctThrough(distinct, "trajecten", "aanbieder", trajectoryParsers.aanbieder, () => true);
    const costs = await distinctThrough(distinct, "trajecten", "kosten", trajectoryParsers.kosten, () => true, (text) => !text.includes("."));
    const starts = await distinctThrough(distinct, "trajecten", "begindatum", trajectoryParsers.begindatum, (d) => (d as string) <= latest.latestStart);
    const ends = await distinctThrough(distinct, "trajecten", "einddatum", trajectoryParsers.einddatum, (d) => d === null || (d as string) <= latest.latestEnd);
    // The row check (end before start, a first date, a cost) over what it reads: dates in pairs, costs alone.
    const someCost = costs.values().next().value as number;
    const [someStart] = starts.values();
    const careTypeOf = careTypeLookup(reference.mappings);
    const products: [string, string, string][] = [];
    for (const [category, code] of await distinct("trajecten", "productcategorie", "productcode")) {
      const parsed = [trajectoryParsers.productcategorie(category), trajectoryParsers.productcode(code)];
      const trimmed = category === category.trim() && code === code.trim();
      const careType = parsed.every((p) => p.ok) && trimmed ? careTypeOf(category, code) : null;
      if (careType === null) throw new HandOver(`product ${category}/${code} unparsed or unmapped`);
      products.push([category, code, careType]);
    }
    const rowWith = (fields: {begindatum: string; einddatum: string | null; kosten: number}) =>
      ({traject_id: "x", leerling_id: "x", productcategorie: "x", productcode: "", aanbieder: "x", ...fields}) as TrajectoryRow;
    for (const cost of costs.values()) {
      if (trajectoryRow.check(rowWith({begindatum: someStart as string, einddatum: null, kosten: cost as number})).length > 0) throw new HandOver(`cost ${cost}`);
    }
    // Study years per distinct (start, end): youthCareYears and the window, decided here once each.
    const spans: [number, string, string, number, boolean][] = [];
    const counted: [number, number][] = [];
    for (const [startText, endText] of await distinct("trajecten", "begindatum", "einddatum")) {
      const start = starts.get(startText) as string;
      const end = ends.get(endText) as string | null;
      if (trajectoryRow.check(rowWith({begindatum: start, einddatum: end, kosten: someCost})).length > 0) throw new HandOver(`period ${startText}…${endText}`);
      const id = spans.length;
      spans.push([id, startText, endText, Number(start.slice(0, 4)), start >= window.start && start <= window.end]);
      for (const year of youthCareYears({start, end}, settings)) counted.push([id, year]);
    }

    await table(db, "dates", ["text VARCHAR", "year INTEGER"], [...peildatum].map(([text, date]) => [text, Number((date as string).slice(0, 4))]));
    await table(db, "residence", ["text VARCHAR", "resident BOOLEAN"], [...municipalities.keys()].map((text) => [text, livesHere(text)]));
    await table(db, "products", ["category VARCHAR", "code VARCHAR", "care_type VARCHAR"], products);
    await table(db, "spans", ["id INTEGER", "start_text VARCHAR", "end_text VARCHAR", "start_year INTEGER", "in_window BOOLEAN"], spans);
    await table(db, "counted", ["span INTEGER", "year INTEGER"], counted);

    // Checks across rows, on the dictionaries' values: a pupil enrolled twice in a year, a
    // trajectory id twice, the same trajectory under two ids (the dates and costs were checked to be
    // written one way each, so equal texts are equal values).
    if (!(injective(peildatum) && injective(starts) && injective(ends) && injective(costs))) throw new HandOver("a date or cost written two ways");
    await db.run(
      `CREATE TABLE enrolments AS SELECT leerling_id AS pupil, school_id AS school, dates.year, resident FROM leerlingen
       JOIN dates ON peildatum = dates.text JOIN residence ON woongemeente = residence.text; DROP TABLE leerlingen`
    );
    // Distinct hashes: equal rows hash alike, so as many hashes as rows means no duplicate (a
    // collision only hands over for nothing), at a fraction of a distinct over the texts.
    const [[enrolmentRows, pupilYears]] = await rows(`SELECT count(*), count(DISTINCT hash(pupil, year)) FROM enrolments`);
    if (Number(pupilYears) !== Number(enrolmentRows)) throw new HandOver("a pupil enrolled twice in a year");
    const [[all, ids, contents]] = await rows(
      `SELECT count(*), count(DISTINCT hash(traject_id)), count(DISTINCT hash(leerling_id, productcategorie, productcode, aanbieder, begindatum, einddatum, kosten)) FROM trajecten`
    );
    if (Number(ids) !== Number(all) || Number(contents) !== Number(all)) throw new HandOver("a trajectory id or content twice");

    // Scope (buildScope's attribution): resident enrolments in the study years, and each
    // trajectory's counted years at the school of that year.
    await db.run(
      `CREATE TABLE enrolled AS SELECT pupil, school, year FROM enrolments WHERE resident AND year IN (${settings.years.join(", ")});
       CREATE TABLE trajectories AS SELECT t.leerling_id AS pupil, spans.id AS span, start_year, in_window, care_type FROM trajecten t
       JOIN spans ON start_text = t.begindatum AND end_text = coalesce(t.einddatum, '')
       JOIN products ON category = t.productcategorie AND code = coalesce(t.productcode, '');
       DROP TABLE trajecten; DROP TABLE enrolments;
       CREATE TABLE care AS SELECT t.pupil, e.school, counted.year, t.care_type FROM trajectories t
       JOIN counted ON counted.span = t.span JOIN enrolled e ON e.pupil = t.pupil AND e.year = counted.year`
    );
    const started = new Map<number, number>();
    const startedSql = `SELECT start_year, count(*)::INTEGER FROM trajectories t JOIN enrolled e ON e.pupil = t.pupil AND e.year = t.start_year WHERE in_window GROUP BY ALL`;
    for (const [year, n] of await rows(startedSql)) started.set(Number(year), Number(n));
    const counts = new Map<string, YearCounts>();
    const cell = (school: string, year: number) => {
      const key = compositeKey(school, year);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = {enrolled: 0, pupils: 0, trajectories: 0}));
      return c;
    };
    for (const [school, year, n] of await rows(`SELECT school, year, count(*)::INTEGER FROM enrolled GROUP BY ALL`)) cell(school as string, Number(year)).enrolled = Number(n);
    for (const [school, year, pupils, n] of await rows(`SELECT school, year, count(DISTINCT pupil)::INTEGER, count(*)::INTEGER FROM care GROUP BY ALL`)) {
      Object.assign(cell(school as string, Number(year)), {pupils: Number(pupils), trajectories: Number(n)});
    }
    // loadDataset's empty-year check (a year without resident pupils or without a start is an
    // error there): a year with pupils and an attributed start passes it; any other goes over.
    const enrolledYears = new Set([...counts.keys()].map((key) => Number(key.split("\u0000")[1])));
    if (settings.years.some((y) => !enrolledYears.has(y) || !started.get(y))) throw new HandOver("a study year without pupils or attributed starts");

    const careTypes = (await rows(`SELECT school, year, care_type, count(DISTINCT pupil)::INTEGER FROM care GROUP BY ALL`)).map(
      ([schoolId, year, careType, pupils]) => ({schoolId: schoolId as string, year: Number(year), careType: careType as string, pupils: Number(pupils)})
    );
    return {
      path: "native",
      handedOver: null,
      settings,
      schools: schoolTables(schoolsScope(settings, reference.schools), counts),
      careTypes: careTypes.sort(byCell),
      startedPerYear: settings.years.map((year) => ({year, trajectories: started.get(year) ?? 0}))
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

function shapeOf(name: LargeFile): {parsers: Parsers} {
  return name === "leerlingen" ? enrolmentRow : trajectoryRow;
}

function schoolsScope(settings: Settings, schools: School[]): SchoolsScope {
  return {
    settings,
    years: settings.years,
    latestYear: settings.years[settings.years.length - 1],
    schools: [...schools].sort((a, b) => compareSchools(schoolRef(a), schoolRef(b))),
    schoolById: new Map(schools.map((s) => [s.id, s]))
  };
}

type Distinct = (table: LargeFile, ...columns: string[]) => Promise<string[][]>;

/**
 * Each distinct cell of a column through the contract's parser: the parsed values by cell text.
 * Hands over on a cell that fails, that the reader would trim, or that `accept` refuses.
 */
async function distinctThrough(
  distinct: Distinct,
  table: LargeFile,
  column: string,
  parse: Parser<unknown>,
  accept: (value: unknown) => boolean,
  plain: (text: string) => boolean = () => true
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (const [text] of await distinct(table, column)) {
    const parsed = parse(text);
    if (!parsed.ok || text !== text.trim() || !plain(text) || !accept(parsed.value)) throw new HandOver(`${table}.${column}: "${text}"`);
    values.set(text, parsed.value);
  }
  return values;
}

/** No two cell texts with the same value (01-01-2018 and 1-1-2018): then equal texts mean equal values. */
function injective(values: Map<string, unknown>): boolean {
  return new Set(values.values()).size === values.size;
}

async function table(db: DuckDBConnection, name: string, columns: string[], data: unknown[][]): Promise<void> {
  await db.run(`CREATE TABLE ${name} (${columns.join(", ")})`);
  const appender: DuckDBAppender = await db.createAppender(name);
  const types = columns.map((c) => c.split(" ")[1]);
  for (const row of data) {
    row.forEach((value, i) => {
      if (value === null) appender.appendNull();
      else if (types[i] === "INTEGER") appender.appendInteger(value as number);
      else if (types[i] === "BOOLEAN") appender.appendBoolean(value as boolean);
      else appender.appendVarchar(value as string);
    });
    appender.endRow();
  }
  appender.closeSync();
}
