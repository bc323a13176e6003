// Which engine should compute the report's tables at build time? This script times DuckDB in Node
// (@duckdb/node-api), arquero and plain TypeScript on the same national-scale input (bench/synthetic.ts:
// 7 000 schools, 550 000 pupils over three years, 1 000 000 trajectories) and prints wall time and
// peak RSS per step. Run: `npx tsx bench/engine.bench.ts`, options `--scale=0.1` (fewer rows),
// `--runs=3`, `--slow=4000` (ms) and `--engine=plain|arquero|duckdb`.
//
// Each engine runs in its own child process, so one engine's heap or buffer pool does not inflate
// another's RSS. A step is run once to warm up and then `runs` times; the median and the range are
// reported. A step whose first run already takes `slow` ms or more is not repeated: that run is the
// figure (n=1), which keeps the whole benchmark within about three minutes on two cores. Peak RSS is the process high-water mark during the step (Linux: reset through
// /proc/self/clear_refs before each run), so it includes the input rows the process already holds.
//
// The workloads (parameters from data/default/instellingen.json):
//   1. cube     distinct pupils per school × year × care type with every subtotal; a trajectory counts
//               for the school the pupil was enrolled at in the year it started (inner join).
//   2. restarts DBC restarts: pairs (A, B) of one pupil with the same provider and care type, A ending
//               in December before the transition year and B starting in January of it.
//   3. status   per pupil with a trajectory started in the study years: in zorg at the peildatum,
//               stop zorg (last end less than statusRuleMonths before it), or uitstroom; counted.
//   4. uptake   per school × year: enrolled pupils, those with a trajectory started that year, and the
//               whole percentage.
// Before timing, every engine must reproduce hand-computed answers on a small fixture, and the
// parent refuses to print a comparison when the engines' answers at scale differ.

import {fork} from "node:child_process";
import {readFileSync, rmSync, writeFileSync, mkdtempSync} from "node:fs";
import {availableParallelism, cpus, tmpdir, totalmem} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import * as aq from "arquero";
import {parse as parseCsv} from "csv-parse/sync";
import {dsvFormat} from "d3";
import {
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue
} from "@duckdb/node-api";
import type {Enrolment, Settings, Trajectory} from "../loaders/model";
import {
  ENROLMENT_COLUMNS,
  NATIONAL,
  TRAJECTORY_COLUMNS,
  dayNumber,
  fnv1a,
  generate,
  toCsv
} from "./synthetic";
import {peakRssMb, resetPeak} from "./rss";

// ---------------------------------------------------------------------------------------------
// Parameters and answers

interface Params {
  windowStart: string;
  windowEnd: string;
  statusDate: string;
  /** statusDate minus statusRuleMonths: a last end on or before it means uitstroom. */
  statusCutoff: string;
  closedFrom: string;
  closedTo: string;
  reopenedFrom: string;
  reopenedTo: string;
}

function paramsFrom(settings: Settings): Params {
  const first = settings.years[0];
  const last = settings.years[settings.years.length - 1];
  const t = settings.dbc.transitionYear;
  return {
    windowStart: `${first}-01-01`,
    windowEnd: `${last}-12-31`,
    statusDate: settings.statusDate,
    statusCutoff: addMonths(settings.statusDate, -settings.statusRuleMonths),
    closedFrom: `${t - 1}-12-01`,
    closedTo: `${t - 1}-12-31`,
    reopenedFrom: `${t}-01-01`,
    reopenedTo: `${t}-01-31`
  };
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A null key is a subtotal over that dimension (the inputs never hold null keys). */
interface CubeRow {
  school: string | null;
  year: number | null;
  careType: string | null;
  pupils: number;
}

interface Restarts {
  pairs: number;
  closed: number;
  restarted: number;
  pupils: number;
  pairsByCareType: Record<string, number>;
}

type Status = "in_zorg" | "stop_zorg" | "uitstroom";
type StatusCounts = Record<Status, number>;

interface UptakeRow {
  school: string;
  year: number;
  enrolled: number;
  withCare: number;
  pct: number;
}

interface Input {
  enrolments: Enrolment[];
  trajectories: Trajectory[];
  enrolmentCsv: string;
  trajectoryCsv: string;
}

interface Engine {
  /** Ways to get the input in, by label; the last one is what the workloads run on. */
  loaders: Record<string, (input: Input) => Promise<void>>;
  /** Drops the loaded tables, so a load is measured without the previous copy alive. */
  clear(): Promise<void>;
  cube(p: Params): Promise<CubeRow[]>;
  restarts(p: Params): Promise<Restarts>;
  status(p: Params): Promise<StatusCounts>;
  uptake(p: Params): Promise<UptakeRow[]>;
}

const CUBE_DIMENSIONS = ["school", "year", "careType"] as const;
/** Every subset of the dimensions, as bit masks: 0b111 is the full breakdown, 0 the grand total. */
const GROUPING_SETS = [7, 6, 5, 3, 4, 2, 1, 0];
const inSet = (mask: number, dimension: number) => (mask & (1 << (CUBE_DIMENSIONS.length - 1 - dimension))) !== 0;

const startYear = (t: Trajectory) => Number(t.start.slice(0, 4));

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------
// Plain TypeScript: Maps over the typed rows, one pass per question

function getOrInsert<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) getOrInsert(groups, key(row), () => []).push(row);
  return groups;
}

/** Small integer codes for the values of one dimension; code 0 stands for "all" in a subtotal. */
class Dictionary<T> {
  readonly values: (T | null)[] = [null];
  private readonly codes = new Map<T, number>();
  code(value: T): number {
    return getOrInsert(this.codes, value, () => this.values.push(value) - 1);
  }
}

function plainEngine(): Engine {
  let enrolments: Enrolment[] = [];
  let trajectories: Trajectory[] = [];
  return {
    loaders: {
      "csv-parse to typed rows": async (input) => {
        enrolments = parseCsv<Record<string, string>>(input.enrolmentCsv, CSV_PARSE_OPTIONS).map(toEnrolment);
        trajectories = parseCsv<Record<string, string>>(input.trajectoryCsv, CSV_PARSE_OPTIONS).map(toTrajectory);
      },
      "d3-dsv to typed rows": async (input) => {
        enrolments = semicolonSeparated.parse(input.enrolmentCsv).map(toEnrolment);
        trajectories = semicolonSeparated.parse(input.trajectoryCsv).map(toTrajectory);
      },
      "typed rows as given": async (input) => {
        enrolments = input.enrolments;
        trajectories = input.trajectories;
      }
    },
    async clear() {
      enrolments = [];
      trajectories = [];
    },
    async cube() {
      // String keys per row and grouping set took ~4x longer at 1 M rows: each (school, year,
      // care type) is coded as small integers and the eight grouping sets count in typed arrays.
      const enrolmentsByPupil = groupBy(enrolments, (e) => e.pupilId);
      const dimensions = [new Dictionary<string>(), new Dictionary<number>(), new Dictionary<string>()] as const;
      const [schools, years, careTypes] = dimensions;
      const tuples: number[] = []; // pupil index, school, year, care type; grouped by pupil
      let pupilIndex = 0;
      for (const [pupilId, own] of groupBy(trajectories, (t) => t.pupilId)) {
        for (const t of own) {
          const year = startYear(t);
          for (const e of enrolmentsByPupil.get(pupilId) ?? []) {
            if (e.year === year) tuples.push(pupilIndex, schools.code(e.schoolId), years.code(year), careTypes.code(t.careType));
          }
        }
        pupilIndex++;
      }
      const [ns, ny, nc] = dimensions.map((d) => d.values.length);
      const pupils = new Int32Array(ns * ny * nc);
      // A pupil adds one to every group they fall in, however many trajectories put them there.
      const lastPupil = new Int32Array(ns * ny * nc).fill(-1);
      for (let i = 0; i < tuples.length; i += 4) {
        for (const mask of GROUPING_SETS) {
          const s = inSet(mask, 0) ? tuples[i + 1] : 0;
          const y = inSet(mask, 1) ? tuples[i + 2] : 0;
          const c = inSet(mask, 2) ? tuples[i + 3] : 0;
          const cell = (s * ny + y) * nc + c;
          if (lastPupil[cell] === tuples[i]) continue;
          lastPupil[cell] = tuples[i];
          pupils[cell]++;
        }
      }
      const rows: CubeRow[] = [];
      pupils.forEach((n, cell) => {
        if (n === 0) return;
        const c = cell % nc;
        const y = Math.floor(cell / nc) % ny;
        const s = Math.floor(cell / (nc * ny));
        rows.push({school: schools.values[s], year: years.values[y], careType: careTypes.values[c], pupils: n});
      });
      return rows;
    },
    async restarts(p) {
      const sameCare = (t: Trajectory) => `${t.pupilId}|${t.provider}|${t.careType}`;
      const reopened = groupBy(
        trajectories.filter((t) => t.start >= p.reopenedFrom && t.start <= p.reopenedTo),
        sameCare
      );
      let pairs = 0;
      const closed = new Set<string>();
      const restarted = new Set<string>();
      const pupils = new Set<string>();
      const byCareType = new Map<string, number>();
      for (const a of trajectories) {
        if (a.end === null || a.end < p.closedFrom || a.end > p.closedTo) continue;
        for (const b of reopened.get(sameCare(a)) ?? []) {
          pairs++;
          closed.add(a.id);
          restarted.add(b.id);
          pupils.add(a.pupilId);
          byCareType.set(a.careType, (byCareType.get(a.careType) ?? 0) + 1);
        }
      }
      return {
        pairs,
        closed: closed.size,
        restarted: restarted.size,
        pupils: pupils.size,
        pairsByCareType: sortedCounts(byCareType)
      };
    },
    async status(p) {
      const perPupil = new Map<string, {inCare: boolean; lastEnd: string}>();
      for (const t of trajectories) {
        if (t.start < p.windowStart || t.start > p.windowEnd) continue;
        const inCare = t.start <= p.statusDate && (t.end === null || t.end >= p.statusDate);
        const state = getOrInsert(perPupil, t.pupilId, () => ({inCare: false, lastEnd: ""}));
        state.inCare ||= inCare;
        if (t.end !== null && t.end > state.lastEnd) state.lastEnd = t.end;
      }
      const counts: StatusCounts = {in_zorg: 0, stop_zorg: 0, uitstroom: 0};
      for (const {inCare, lastEnd} of perPupil.values()) {
        counts[inCare ? "in_zorg" : lastEnd > p.statusCutoff ? "stop_zorg" : "uitstroom"]++;
      }
      return counts;
    },
    async uptake() {
      const startedIn = new Map<string, Set<number>>();
      for (const t of trajectories) getOrInsert(startedIn, t.pupilId, () => new Set()).add(startYear(t));
      const rows = new Map<string, Map<number, UptakeRow>>();
      for (const [pupilId, own] of groupBy(enrolments, (e) => e.pupilId)) {
        own.forEach((e, i) => {
          const duplicate = own.findIndex((o) => o.schoolId === e.schoolId && o.year === e.year) < i;
          if (duplicate) return;
          const bySchool = getOrInsert(rows, e.schoolId, () => new Map());
          const row = getOrInsert(bySchool, e.year, () => ({school: e.schoolId, year: e.year, enrolled: 0, withCare: 0, pct: 0}));
          row.enrolled++;
          if (startedIn.get(pupilId)?.has(e.year)) row.withCare++;
        });
      }
      return [...rows.values()].flatMap((bySchool) =>
        [...bySchool.values()].map((row) => ({...row, pct: Math.round((100 * row.withCare) / row.enrolled)}))
      );
    }
  };
}

const CSV_PARSE_OPTIONS = {delimiter: ";", columns: true} as const;
const semicolonSeparated = dsvFormat(";");

const toEnrolment = (r: Record<string, string>): Enrolment => ({
  pupilId: r.pupilId,
  schoolId: r.schoolId,
  date: r.date,
  year: Number(r.year),
  birthMonth: r.birthMonth,
  municipality: r.municipality
});

const toTrajectory = (r: Record<string, string>): Trajectory => ({
  id: r.id,
  pupilId: r.pupilId,
  productCategory: r.productCategory,
  productCode: r.productCode,
  careType: r.careType,
  provider: r.provider,
  start: r.start,
  end: r.end === "" ? null : r.end,
  cost: Number(r.cost)
});

// ---------------------------------------------------------------------------------------------
// arquero: verbs over column tables (the same library runs in the browser). Its expressions are
// parsed from their source text after tsx/esbuild has compiled them: `undefined` arrives as `void 0`,
// which arquero cannot parse, and a parameter that shadows an outer `d` is renamed. Hence `=== null`.

function arqueroEngine(): Engine {
  const {op} = aq;
  let enrolments = aq.table({});
  let trajectories = aq.table({});
  // params() doubles as a getter, so its declared return type needs narrowing.
  const withParams = (t: aq.ColumnTable, p: Params) => t.params(p) as aq.ColumnTable;
  const records = (t: aq.ColumnTable) => t.objects() as Record<string, any>[];
  const withStartYear = (t: aq.ColumnTable) => t.derive({year: (d) => op.parse_int(op.substring(d.start, 0, 4), 10)});
  const csvOptions = {
    delimiter: ";",
    // Inference would turn ids such as "07AB" or "01234567" into numbers; only these are numeric.
    autoType: false,
    parse: {year: Number, cost: Number}
  };
  return {
    loaders: {
      fromCSV: async (input) => {
        enrolments = aq.fromCSV(input.enrolmentCsv, csvOptions);
        trajectories = aq.fromCSV(input.trajectoryCsv, csvOptions);
      },
      "from(objects)": async (input) => {
        enrolments = aq.from(input.enrolments);
        trajectories = aq.from(input.trajectories);
      }
    },
    async clear() {
      enrolments = aq.table({});
      trajectories = aq.table({});
    },
    async cube() {
      // Join keys go in a nested array: a flat pair ["a", "b"] would mean left.a = right.b.
      const tuples = withStartYear(trajectories)
        .join(enrolments.select("pupilId", "year", "schoolId"), [["pupilId", "year"]])
        .select("schoolId", "year", "careType", "pupilId")
        .dedupe();
      const columns = ["schoolId", "year", "careType"];
      return GROUPING_SETS.flatMap((mask) => {
        const keys = columns.filter((_, i) => inSet(mask, i));
        const grouped = keys.length ? tuples.groupby(keys) : tuples;
        return records(grouped.rollup({pupils: (d) => op.distinct(d.pupilId)})).map(
          (r): CubeRow => ({
            school: r.schoolId ?? null,
            year: r.year ?? null,
            careType: r.careType ?? null,
            pupils: r.pupils
          })
        );
      });
    },
    async restarts(p) {
      const closed = withParams(trajectories, p)
        .filter((d, $) => d.end !== null && d.end >= $.closedFrom && d.end <= $.closedTo)
        .select({id: "closedId", pupilId: "pupilId", provider: "provider", careType: "careType"});
      const reopened = withParams(trajectories, p)
        .filter((d, $) => d.start >= $.reopenedFrom && d.start <= $.reopenedTo)
        .select({id: "restartedId", pupilId: "pupilId", provider: "provider", careType: "careType"});
      const pairs = closed.join(reopened, [["pupilId", "provider", "careType"]]);
      const total = pairs
        .rollup({
          pairs: () => op.count(),
          closed: (d) => op.distinct(d.closedId),
          restarted: (d) => op.distinct(d.restartedId),
          pupils: (d) => op.distinct(d.pupilId)
        })
        .object() as Omit<Restarts, "pairsByCareType">;
      const byCareType = records(pairs.groupby("careType").count({as: "pairs"}));
      return {...total, pairsByCareType: sortedCounts(new Map(byCareType.map((r) => [r.careType, r.pairs])))};
    },
    async status(p) {
      const rows = withParams(trajectories, p)
        .filter((d, $) => d.start >= $.windowStart && d.start <= $.windowEnd)
        .groupby("pupilId")
        .rollup({
          inCare: (d, $) => op.max(d.start <= $.statusDate && (d.end === null || d.end >= $.statusDate) ? 1 : 0),
          lastEnd: (d) => op.max(d.end)
        })
        .derive({status: (d, $) => (d.inCare === 1 ? "in_zorg" : d.lastEnd > $.statusCutoff ? "stop_zorg" : "uitstroom")})
        .groupby("status")
        .count();
      const counts: StatusCounts = {in_zorg: 0, stop_zorg: 0, uitstroom: 0};
      for (const r of records(rows)) counts[r.status as Status] = r.count;
      return counts;
    },
    async uptake() {
      const startedIn = withStartYear(trajectories).select("pupilId", "year").dedupe().derive({care: () => 1});
      const rows = enrolments
        .select("schoolId", "year", "pupilId")
        .dedupe()
        .lookup(startedIn, [["pupilId", "year"]], ["care"])
        .groupby("schoolId", "year")
        .rollup({enrolled: () => op.count(), withCare: (d) => op.valid(d.care)})
        .derive({pct: (d) => op.round((100 * d.withCare) / d.enrolled)});
      return records(rows).map((r): UptakeRow => ({school: r.schoolId, year: r.year, enrolled: r.enrolled, withCare: r.withCare, pct: r.pct}));
    }
  };
}

// ---------------------------------------------------------------------------------------------
// DuckDB in Node: SQL over native tables

type SqlType = "VARCHAR" | "DATE" | "INTEGER" | "DOUBLE";

/** SQL name and type of every model field the bench loads; CSV column order comes from synthetic.ts. */
const SQL_COLUMNS: Record<string, [string, SqlType]> = {
  id: ["id", "VARCHAR"],
  pupilId: ["pupil_id", "VARCHAR"],
  schoolId: ["school_id", "VARCHAR"],
  date: ["date", "DATE"],
  year: ["year", "INTEGER"],
  birthMonth: ["birth_month", "VARCHAR"],
  municipality: ["municipality", "VARCHAR"],
  productCategory: ["product_category", "VARCHAR"],
  productCode: ["product_code", "VARCHAR"],
  careType: ["care_type", "VARCHAR"],
  provider: ["provider", "VARCHAR"],
  start: ["start_date", "DATE"],
  end: ["end_date", "DATE"],
  cost: ["cost", "DOUBLE"]
};

const DUCKDB_TYPES: Record<SqlType, DuckDBType> = {VARCHAR, DATE, INTEGER, DOUBLE};

interface SqlTable {
  name: string;
  fields: readonly string[];
  rows: readonly object[];
  csv: string;
}

const sqlTables = (input: Input): SqlTable[] => [
  {name: "enrolments", fields: ENROLMENT_COLUMNS, rows: input.enrolments, csv: input.enrolmentCsv},
  {name: "trajectories", fields: TRAJECTORY_COLUMNS, rows: input.trajectories, csv: input.trajectoryCsv}
];

const fieldOf = (row: object, field: string) => (row as Record<string, string | number | null>)[field];

function toDuckValue(type: SqlType, value: string | number | null): DuckDBValue {
  if (value === null) return null;
  return type === "DATE" ? new DuckDBDateValue(dayNumber(value as string)) : value;
}

function appendValue(appender: DuckDBAppender, type: SqlType, value: string | number | null) {
  if (value === null) appender.appendNull();
  else if (type === "VARCHAR") appender.appendVarchar(value as string);
  else if (type === "DATE") appender.appendDate(new DuckDBDateValue(dayNumber(value as string)));
  else if (type === "INTEGER") appender.appendInteger(value as number);
  else appender.appendDouble(value as number);
}

const CHUNK_ROWS = 2048;

async function duckdbEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const db: DuckDBConnection = await instance.connect();
  const scratch = mkdtempSync(join(tmpdir(), "nadere-ogen-bench-"));
  process.once("exit", () => rmSync(scratch, {recursive: true, force: true}));

  const createTable = async (table: SqlTable) => {
    const columns = table.fields.map((f) => SQL_COLUMNS[f].join(" "));
    await db.run(`CREATE OR REPLACE TABLE ${table.name} (${columns.join(", ")})`);
    return db.createAppender(table.name);
  };
  const rows = async (sql: string, values?: Record<string, string>) => (await db.runAndReadAll(sql, values)).getRowsJS();

  return {
    loaders: {
      "read_csv (text via temp file)": async (input) => {
        for (const table of sqlTables(input)) {
          const file = join(scratch, `${table.name}.csv`);
          writeFileSync(file, table.csv);
          const columns = table.fields.map((f) => `'${SQL_COLUMNS[f][0]}': '${SQL_COLUMNS[f][1]}'`).join(", ");
          await db.run(
            `CREATE OR REPLACE TABLE ${table.name} AS
             SELECT * FROM read_csv('${file}', delim = ';', header = true, columns = {${columns}})`
          );
        }
      },
      "appender, row by row": async (input) => {
        for (const table of sqlTables(input)) {
          const appender = await createTable(table);
          const types = table.fields.map((f) => SQL_COLUMNS[f][1]);
          for (const row of table.rows) {
            table.fields.forEach((f, i) => appendValue(appender, types[i], fieldOf(row, f)));
            appender.endRow();
          }
          appender.closeSync();
        }
      },
      "appender, data chunks": async (input) => {
        for (const table of sqlTables(input)) {
          const appender = await createTable(table);
          const types = table.fields.map((f) => SQL_COLUMNS[f][1]);
          const chunk = DuckDBDataChunk.create(types.map((t) => DUCKDB_TYPES[t]));
          for (let from = 0; from < table.rows.length; from += CHUNK_ROWS) {
            const slice = table.rows.slice(from, from + CHUNK_ROWS);
            chunk.setColumns(table.fields.map((f, i) => slice.map((row) => toDuckValue(types[i], fieldOf(row, f)))));
            appender.appendDataChunk(chunk);
          }
          appender.closeSync();
        }
      }
    },
    async clear() {
      await db.run("DROP TABLE IF EXISTS enrolments; DROP TABLE IF EXISTS trajectories");
    },
    async cube() {
      const result = await rows(`
        SELECT e.school_id, e.year, t.care_type, count(DISTINCT t.pupil_id)::INTEGER
        FROM trajectories t
        JOIN enrolments e ON e.pupil_id = t.pupil_id AND e.year = year(t.start_date)
        GROUP BY CUBE (e.school_id, e.year, t.care_type)`);
      return result.map(([school, year, careType, pupils]) => ({
        school: school as string | null,
        year: year as number | null,
        careType: careType as string | null,
        pupils: pupils as number
      }));
    },
    async restarts(p) {
      const result = await rows(
        `SELECT care_type, count(*)::INTEGER, count(DISTINCT a.id)::INTEGER, count(DISTINCT b.id)::INTEGER,
                count(DISTINCT pupil_id)::INTEGER
         FROM trajectories a
         JOIN trajectories b USING (pupil_id, provider, care_type)
         WHERE a.end_date BETWEEN $closedFrom::DATE AND $closedTo::DATE
           AND b.start_date BETWEEN $reopenedFrom::DATE AND $reopenedTo::DATE
         GROUP BY GROUPING SETS ((care_type), ())`,
        pick(p, ["closedFrom", "closedTo", "reopenedFrom", "reopenedTo"])
      );
      const total = result.find(([careType]) => careType === null) ?? [null, 0, 0, 0, 0];
      const byCareType = result.filter(([careType]) => careType !== null);
      return {
        pairs: total[1] as number,
        closed: total[2] as number,
        restarted: total[3] as number,
        pupils: total[4] as number,
        pairsByCareType: sortedCounts(new Map(byCareType.map(([c, n]) => [c as string, n as number])))
      };
    },
    async status(p) {
      const result = await rows(
        `WITH per_pupil AS (
           SELECT pupil_id,
                  bool_or(start_date <= $statusDate::DATE
                          AND (end_date IS NULL OR end_date >= $statusDate::DATE)) AS in_care,
                  max(end_date) AS last_end
           FROM trajectories
           WHERE start_date BETWEEN $windowStart::DATE AND $windowEnd::DATE
           GROUP BY pupil_id)
         SELECT CASE WHEN in_care THEN 'in_zorg'
                     WHEN last_end > $statusCutoff::DATE THEN 'stop_zorg'
                     ELSE 'uitstroom' END AS status,
                count(*)::INTEGER
         FROM per_pupil GROUP BY status`,
        pick(p, ["statusDate", "windowStart", "windowEnd", "statusCutoff"])
      );
      const counts: StatusCounts = {in_zorg: 0, stop_zorg: 0, uitstroom: 0};
      for (const [status, n] of result) counts[status as Status] = n as number;
      return counts;
    },
    async uptake() {
      const result = await rows(`
        WITH started AS (SELECT DISTINCT pupil_id, year(start_date)::INTEGER AS year FROM trajectories),
             enrolled AS (SELECT DISTINCT school_id, year, pupil_id FROM enrolments)
        SELECT e.school_id, e.year, count(*)::INTEGER AS enrolled, count(s.pupil_id)::INTEGER AS with_care
        FROM enrolled e LEFT JOIN started s ON s.pupil_id = e.pupil_id AND s.year = e.year
        GROUP BY e.school_id, e.year`);
      // The percentage is rounded in JS like the other engines, so a half rounds the same way.
      return result.map(([school, year, enrolled, withCare]) => ({
        school: school as string,
        year: year as number,
        enrolled: enrolled as number,
        withCare: withCare as number,
        pct: Math.round((100 * (withCare as number)) / (enrolled as number))
      }));
    }
  };
}

function pick<K extends keyof Params>(p: Params, keys: K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, p[k]])) as Record<K, string>;
}

const ENGINES: Record<string, {label: string; create: () => Engine | Promise<Engine>}> = {
  plain: {label: "plain TS", create: plainEngine},
  arquero: {label: "arquero", create: arqueroEngine},
  duckdb: {label: "DuckDB", create: duckdbEngine}
};

// ---------------------------------------------------------------------------------------------
// Comparable answers

const key = (...parts: unknown[]) => parts.map((p) => (p === null ? "*" : String(p))).join("|");

/** Order-free fingerprint of a table of rows: row count, a checksum and the sum of one measure. */
function tableDigest<T>(rows: readonly T[], line: (row: T) => string, measure: (row: T) => number) {
  const lines = rows.map(line).sort();
  return {
    rows: rows.length,
    total: rows.reduce((sum, r) => sum + measure(r), 0),
    fnv: fnv1a(lines.join("\n")).toString(16).padStart(8, "0")
  };
}

const cubeDigest = (rows: CubeRow[]) =>
  tableDigest(rows, (r) => key(r.school, r.year, r.careType, r.pupils), (r) => r.pupils);
const uptakeDigest = (rows: UptakeRow[]) =>
  tableDigest(rows, (r) => key(r.school, r.year, r.enrolled, r.withCare, r.pct), (r) => r.withCare);

// ---------------------------------------------------------------------------------------------
// Hand-computed self-check: two schools, seven pupils, sixteen trajectories (see the comments)

function fixture(): Input {
  const enrol = (pupilId: string, schoolId: string, year: number): Enrolment => ({
    pupilId,
    schoolId,
    date: `${year}-10-01`,
    year,
    birthMonth: "2010-05",
    municipality: "GM0355"
  });
  const enrolments = [
    enrol("p1", "01AA", 2017),
    enrol("p1", "01AA", 2018),
    enrol("p1", "01AA", 2019),
    enrol("p2", "01AA", 2018),
    enrol("p2", "02AA", 2019), // changed school; not enrolled in 2017
    enrol("p3", "02AA", 2019),
    enrol("p4", "02AA", 2017),
    enrol("p4", "02AA", 2018),
    enrol("p5", "01AA", 2019), // never in care
    enrol("p6", "01AA", 2019),
    enrol("p7", "02AA", 2019)
  ];
  let n = 0;
  const traject = (pupilId: string, careType: string, provider: string, start: string, end: string | null): Trajectory => ({
    id: `t${++n}`,
    pupilId,
    productCategory: "54",
    productCode: "54001",
    careType,
    provider,
    start,
    end,
    cost: 100
  });
  const trajectories = [
    traject("p1", "basis_ggz", "0100", "2017-03-01", "2017-12-31"), // t1: A of t2
    traject("p1", "basis_ggz", "0100", "2018-01-01", null), // t2: p1 in zorg
    traject("p1", "ambulante_begeleiding", "0200", "2018-05-01", "2018-09-30"),
    traject("p2", "dyslexie", "0300", "2017-12-20", "2017-12-31"), // t4: A of t6; no school in 2017
    traject("p2", "dyslexie", "0400", "2018-01-15", "2019-07-01"), // other provider; p2 out exactly 6 months
    traject("p2", "dyslexie", "0300", "2018-01-31", "2018-03-01"), // t6: last day of January still counts
    traject("p3", "crisis", "0200", "2019-02-01", "2019-07-02"),
    traject("p4", "basis_ggz", "0100", "2017-06-01", "2017-12-01"), // t8: A of both t9 and t10
    traject("p4", "basis_ggz", "0100", "2018-01-01", "2018-02-01"),
    traject("p4", "basis_ggz", "0100", "2018-01-10", "2018-04-01"),
    traject("p4", "basis_ggz", "0100", "2017-11-01", "2017-11-30"), // ends in November: no A
    traject("p3", "verblijf", "0500", "2019-12-01", "2020-01-01"), // ends on the peildatum: in zorg
    traject("p6", "crisis", "0200", "2019-02-01", "2019-07-02"), // one day short of 6 months: stop zorg
    traject("p1", "specialistische_ggz", "0100", "2017-01-01", "2017-12-15"),
    traject("p1", "specialistische_ggz", "0100", "2018-02-01", "2018-06-30"), // February: no B
    traject("p7", "ambulante_begeleiding", "0200", "2019-03-01", null)
  ];
  return {
    enrolments,
    trajectories,
    enrolmentCsv: toCsv(enrolments, ENROLMENT_COLUMNS),
    trajectoryCsv: toCsv(trajectories, TRAJECTORY_COLUMNS)
  };
}

const EXPECTED = {
  // Distinct (school, year, care type, pupil) tuples: 12; t4 drops out (no enrolment in 2017).
  // Rows per grouping set 12+6+9+9+2+3+6+1; pupils summed per set 12+8+9+12+6+8+9+6.
  cubeRows: 48,
  cubePupilSum: 70,
  cubeSamples: [
    {school: null, year: null, careType: null, pupils: 6},
    {school: "01AA", year: null, careType: null, pupils: 3},
    {school: "02AA", year: null, careType: null, pupils: 3},
    {school: null, year: 2018, careType: null, pupils: 3},
    {school: "02AA", year: 2019, careType: null, pupils: 2},
    {school: null, year: 2017, careType: "basis_ggz", pupils: 2},
    {school: null, year: null, careType: "ambulante_begeleiding", pupils: 2},
    {school: "01AA", year: 2018, careType: "dyslexie", pupils: 1}
  ] satisfies CubeRow[],
  restarts: {pairs: 4, closed: 3, restarted: 4, pupils: 3, pairsByCareType: {basis_ggz: 3, dyslexie: 1}},
  status: {in_zorg: 3, stop_zorg: 1, uitstroom: 2},
  uptake: [
    {school: "01AA", year: 2017, enrolled: 1, withCare: 1, pct: 100},
    {school: "01AA", year: 2018, enrolled: 2, withCare: 2, pct: 100},
    {school: "01AA", year: 2019, enrolled: 3, withCare: 1, pct: 33},
    {school: "02AA", year: 2017, enrolled: 1, withCare: 1, pct: 100},
    {school: "02AA", year: 2018, enrolled: 1, withCare: 1, pct: 100},
    {school: "02AA", year: 2019, enrolled: 3, withCare: 2, pct: 67}
  ] satisfies UptakeRow[]
};

function expectSame(label: string, actual: unknown, expected: unknown) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`self-check ${label}: expected ${e}, got ${a}`);
}

async function selfCheck(name: string, engine: Engine, p: Params) {
  const input = fixture();
  for (const [loader, load] of Object.entries(engine.loaders)) {
    await load(input);
    const label = `${name} after "${loader}"`;
    const cube = await engine.cube(p);
    expectSame(`${label} cube rows`, [cube.length, cube.reduce((s, r) => s + r.pupils, 0)], [EXPECTED.cubeRows, EXPECTED.cubePupilSum]);
    for (const sample of EXPECTED.cubeSamples) {
      const found = cube.find((r) => key(r.school, r.year, r.careType) === key(sample.school, sample.year, sample.careType));
      expectSame(`${label} cube ${key(sample.school, sample.year, sample.careType)}`, found, sample);
    }
    expectSame(`${label} restarts`, await engine.restarts(p), EXPECTED.restarts);
    expectSame(`${label} status`, await engine.status(p), EXPECTED.status);
    const uptake = (await engine.uptake(p)).sort((a, b) => key(a.school, a.year).localeCompare(key(b.school, b.year)));
    expectSame(`${label} uptake`, uptake, EXPECTED.uptake);
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  step: string;
  /** Counted runs: `runs` after a warm-up, or 1 when the first run was already slow. */
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

const collectGarbage = (globalThis as {gc?: () => void}).gc ?? (() => {});

const mb = () => process.memoryUsage.rss() / 2 ** 20;

async function measure<T>(
  step: string,
  options: Options,
  run: () => Promise<T>,
  before: () => Promise<void> = async () => {}
): Promise<{figures: Figures; result: T}> {
  const once = async () => {
    await before();
    collectGarbage();
    resetPeak();
    const rssBeforeMb = mb();
    const t0 = performance.now();
    const result = await run();
    return {ms: performance.now() - t0, peakRssMb: peakRssMb(), rssBeforeMb, result};
  };
  // The first run warms up the JIT, the page cache and DuckDB's buffer pool and is not counted,
  // unless it takes seconds: then it is its own warm-up and repeating it would blow the time budget.
  const first = await once();
  const counted = [];
  if (first.ms >= options.slowMs) counted.push(first);
  else for (let i = 0; i < options.runs; i++) counted.push(await once());
  const times = counted.map((r) => r.ms).sort((a, b) => a - b);
  const figures = {
    step,
    runs: counted.length,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    maxMs: times[times.length - 1],
    rssBeforeMb: counted[0].rssBeforeMb,
    peakRssMb: Math.max(...counted.map((r) => r.peakRssMb))
  };
  process.stderr.write(`  ${step}: ${Math.round(figures.medianMs)} ms (n=${figures.runs})\n`);
  return {figures, result: counted[counted.length - 1].result};
}

interface EngineReport {
  engine: string;
  input: {enrolments: number; trajectories: number; fnv: string; generateMs: number};
  figures: Figures[];
  answers: {
    cube: ReturnType<typeof cubeDigest>;
    restarts: Restarts;
    status: StatusCounts;
    uptake: ReturnType<typeof uptakeDigest>;
  };
}

interface Options {
  scale: number;
  runs: number;
  /** A first run at least this long (ms) is counted as the only run. */
  slowMs: number;
}

async function runEngine(name: string, options: Options): Promise<EngineReport> {
  const settings: Settings = JSON.parse(readFileSync("data/default/instellingen.json", "utf8"));
  const p = paramsFrom(settings);
  const {label, create} = ENGINES[name];
  const engine = await create();
  await selfCheck(label, engine, p);
  process.stderr.write(`${label}: self-check passed\n`);

  const t0 = performance.now();
  const shape = {
    ...NATIONAL,
    years: settings.years,
    transitionYear: settings.dbc.transitionYear,
    schools: Math.round(NATIONAL.schools * options.scale),
    pupils: Math.round(NATIONAL.pupils * options.scale),
    trajectories: Math.round(NATIONAL.trajectories * options.scale)
  };
  const {enrolments, trajectories} = generate(shape);
  const generateMs = performance.now() - t0;
  const input: Input = {
    enrolments,
    trajectories,
    enrolmentCsv: toCsv(enrolments, ENROLMENT_COLUMNS),
    trajectoryCsv: toCsv(trajectories, TRAJECTORY_COLUMNS)
  };
  const fnv = fnv1a(input.trajectoryCsv, fnv1a(input.enrolmentCsv)).toString(16).padStart(8, "0");

  const figures: Figures[] = [];
  for (const [label, load] of Object.entries(engine.loaders)) {
    const {figures: f} = await measure(`load: ${label}`, options, () => load(input), () => engine.clear());
    figures.push(f);
  }
  const timed = async <T>(step: string, run: () => Promise<T>) => {
    const {figures: f, result} = await measure(step, options, run);
    figures.push(f);
    return result;
  };
  const cube = await timed("1 cube", () => engine.cube(p));
  const restarts = await timed("2 restarts", () => engine.restarts(p));
  const status = await timed("3 status", () => engine.status(p));
  const uptake = await timed("4 uptake", () => engine.uptake(p));
  return {
    engine: label,
    input: {enrolments: enrolments.length, trajectories: trajectories.length, fnv, generateMs},
    figures,
    answers: {cube: cubeDigest(cube), restarts, status, uptake: uptakeDigest(uptake)}
  };
}

// ---------------------------------------------------------------------------------------------
// Orchestration and the printed table

const SELF = fileURLToPath(import.meta.url);

function runInChild(name: string, options: Options): Promise<EngineReport> {
  return new Promise((resolve, reject) => {
    const args = [`--child=${name}`, `--scale=${options.scale}`, `--runs=${options.runs}`, `--slow=${options.slowMs}`];
    const child = fork(SELF, args, {
      execArgv: [...process.execArgv, "--expose-gc"]
    });
    let report: EngineReport | undefined;
    child.on("message", (m) => (report = m as EngineReport));
    child.on("error", reject);
    child.on("exit", (code) =>
      report && code === 0 ? resolve(report) : reject(new Error(`${name}: child exited with code ${code}`))
    );
  });
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const pad = (s: string, width: number, right = false) => (right ? s.padStart(width) : s.padEnd(width));

function printTable(reports: EngineReport[]) {
  const header = ["engine", "step", "median ms", "range ms", "n", "RSS before MB", "peak RSS MB"];
  const widths = [9, 35, 9, 15, 2, 13, 11];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 1)).join("  ");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of reports) {
    for (const f of r.figures) {
      const range = f.runs > 1 ? `${int(f.minMs)}–${int(f.maxMs)}` : "";
      console.log(line([r.engine, f.step, int(f.medianMs), range, String(f.runs), int(f.rssBeforeMb), int(f.peakRssMb)]));
    }
    const total = r.figures.filter((f) => !f.step.startsWith("load")).reduce((s, f) => s + f.medianMs, 0);
    console.log(line([r.engine, "workloads 1–4 together", int(total), "", "", "", ""]));
  }
}

/** Prints the answers and returns false when an engine disagrees with the first one. */
function compareAnswers(reports: EngineReport[]): boolean {
  const [first] = reports;
  let agree = true;
  const show = (label: string, describe: (r: EngineReport) => unknown) => {
    const reference = JSON.stringify(describe(first));
    console.log(`${label}: ${reference}`);
    for (const r of reports.slice(1)) {
      const own = JSON.stringify(describe(r));
      if (own !== reference) {
        agree = false;
        console.log(`  DIFFERS in ${r.engine}: ${own}`);
      }
    }
  };
  show("input (same seed in every child)", (r) => r.input.fnv + ` ${r.input.enrolments} enrolments, ${r.input.trajectories} trajectories`);
  show("1 cube checksum", (r) => r.answers.cube);
  show("2 restarts", (r) => r.answers.restarts);
  show("3 status", (r) => r.answers.status);
  show("4 uptake checksum", (r) => r.answers.uptake);
  return agree;
}

async function main() {
  const {values} = parseArgs({
    options: {
      scale: {type: "string", default: "1"},
      runs: {type: "string", default: "3"},
      slow: {type: "string", default: "4000"},
      engine: {type: "string"},
      child: {type: "string"}
    }
  });
  const options: Options = {scale: Number(values.scale), runs: Number(values.runs), slowMs: Number(values.slow)};
  if (values.child) {
    const report = await runEngine(values.child, options);
    process.send?.(report);
    return;
  }
  const names = values.engine ? [values.engine] : Object.keys(ENGINES);
  for (const n of names) if (!(n in ENGINES)) throw new Error(`unknown engine "${n}"; choose from ${Object.keys(ENGINES).join(", ")}`);

  const started = performance.now();
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${int(totalmem() / 2 ** 30)} GB RAM; ` +
      `scale ${options.scale}, median of ${options.runs} runs after 1 warm-up (a step whose first run takes ` +
      `${int(options.slowMs)} ms or more: that one run, n=1)`
  );
  const reports: EngineReport[] = [];
  for (const name of names) reports.push(await runInChild(name, options));
  console.log(`input generated in ${reports.map((r) => `${int(r.input.generateMs)} ms`).join(", ")} (once per child)\n`);
  printTable(reports);
  console.log("");
  const agree = compareAnswers(reports);
  console.log(`\ntotal wall time ${int((performance.now() - started) / 1000)} s`);
  if (!agree) {
    console.error("The engines disagree: the timings above compare different answers.");
    process.exitCode = 1;
  }
}

await main();
