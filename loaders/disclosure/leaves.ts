// Where the published counts sit in the output files. One walker reads a report object and the
// parsed JSON files alike, so the build, the registry and an outside reader name a number the same
// way: file + path, with rows named by their keys (`tabel6[schoolId=S01].years[year=2019].pupils`),
// never by their position (publishing reorders rows).

import type {Unit} from "./model.js";

/** Fields that name a row. */
const ROW_KEYS = ["schoolId", "careType", "provider", "year", "age", "status", "key", "outcome", "step", "lower", "from", "to"];

/** Counts of pupils (distinct persons). */
const PUPIL_KEYS = new Set(["pupils", "total", "cohortPupils", "stillInCare"]);
/** Counts of trajectories. */
const TRAJECTORY_KEYS = new Set(["trajectories", "raw", "corrected", "restarts", "tabel1Total", "inScope", "startedBeforeWindow", "startedAfterWindow", "startedWithoutEnrolment"]);

/** Enrolment counts are not sensitive (everyone enrolled, with or without youth care). */
const NOT_SENSITIVE = /(^|\.)enrolled|enrolledPerYear/;
/** The same test inside a row's name (`[careType=…]`): its keys' values, where a part starts after "=",
 *  never at "^" or after a field's "." (and no key name holds "enrolled"). */
const ROW_VALUE_EXCLUDED = /\.enrolled|enrolledPerYear/;

export interface CountLeaf {
  path: string;
  unit: Unit;
  /** A number, or the published hidden marker ({suppressed: true, …}). */
  value: unknown;
}

function rowName(element: unknown, index: number): string {
  if (element === null || typeof element !== "object") return `${index}`;
  const record = element as Record<string, unknown>;
  const parts = ROW_KEYS.filter((k) => typeof record[k] === "string" || typeof record[k] === "number").map((k) => `${k}=${record[k] as string}`);
  return parts.length > 0 ? parts.join(",") : `${index}`;
}

function isHiddenMarker(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as {suppressed?: unknown}).suppressed === true;
}

/** Whether a row's name (rowName) holds what NOT_SENSITIVE matches, without building the name. */
function rowValuesExcluded(element: unknown): boolean {
  if (element === null || typeof element !== "object") return false;
  const record = element as Record<string, unknown>;
  for (const k of ROW_KEYS) {
    const value = record[k];
    if (typeof value === "string" && ROW_VALUE_EXCLUDED.test(value)) return true;
  }
  return false;
}

/**
 * Every count of pupils or trajectories in one file's content; with `keep`, only the counts it keeps.
 * The path is joined only for a count that is kept: a one-pupil report (atoms.ts) is mostly zeros, and
 * naming every one of them was half of its cost (bench/README.md).
 */
export function countLeaves(content: unknown, keep?: (value: unknown) => boolean): CountLeaf[] {
  const walk = new LeafWalk(keep);
  walk.walk(content, 0, null, false);
  return walk.out;
}

/**
 * countLeaves' walk. A class rather than closures in countLeaves: it runs for every file of every
 * one-pupil report, and each closure made per call cost an allocation and, under tsx, a name.
 */
class LeafWalk {
  readonly out: CountLeaf[] = [];
  // The way down: a field's name, or an array element with its position (named when a count under it is kept).
  private readonly names: string[] = [];
  private readonly elements: unknown[] = [];
  private readonly positions: number[] = [];
  // The path down to each depth and whether a row on the way is excluded, as far as worked out
  // (`known`): leaves under the same rows share it, so each row is named once, not once per count.
  private readonly prefixes: string[] = [""];
  private readonly rowsExcluded: boolean[] = [false];
  private known = 0;

  constructor(private readonly keep: ((value: unknown) => boolean) | undefined) {}

  /** The path and the rows' exclusion down to `depth`. A row's keys can match NOT_SENSITIVE too
   *  (`[careType=…enrolled…]`); that is tested only for a count that is kept, since a one-pupil report
   *  keeps few of its counts. */
  private extend(depth: number): void {
    for (let d = this.known; d < depth; d++) {
      const path = this.prefixes[d];
      const element = this.elements[d];
      if (element === undefined) {
        this.prefixes[d + 1] = path === "" ? this.names[d] : `${path}.${this.names[d]}`;
        this.rowsExcluded[d + 1] = this.rowsExcluded[d];
      } else {
        this.prefixes[d + 1] = `${path}[${rowName(element, this.positions[d])}]`;
        this.rowsExcluded[d + 1] = this.rowsExcluded[d] || rowValuesExcluded(element);
      }
    }
    if (depth > this.known) this.known = depth;
  }

  /** A new field or element at `depth`: what was worked out below it no longer holds. */
  private step(depth: number): void {
    if (this.known > depth) this.known = depth;
  }

  /** `unit`: what a count here counts (by the field it is under), null where no count is; `excluded`:
   *  a field on the way names enrolment counts (NOT_SENSITIVE), tested part by part as the whole
   *  path's test would match it. */
  walk(value: unknown, depth: number, unit: Unit | null, excluded: boolean): void {
    if (unit && (typeof value === "number" || isHiddenMarker(value))) {
      if (this.keep === undefined || this.keep(value)) {
        this.extend(depth);
        if (!this.rowsExcluded[depth]) this.out.push({path: this.prefixes[depth], unit, value});
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const element = value[i];
        this.step(depth);
        this.elements[depth] = element ?? null;
        this.positions[depth] = i;
        this.walk(element, depth + 1, unit, excluded);
      }
    } else if (value !== null && typeof value === "object" && !isHiddenMarker(value)) {
      for (const k of Object.keys(value)) {
        this.step(depth);
        this.names[depth] = k;
        this.elements[depth] = undefined;
        const field = fieldOf(k);
        const below = excluded || field.notSensitive;
        this.walk((value as Record<string, unknown>)[k], depth + 1, below ? null : field.unit, below);
      }
    }
  }
}

/** What a field's name says, remembered: a report repeats a few dozen names millions of times. */
const fields = new Map<string, {unit: Unit | null; notSensitive: boolean}>();
function fieldOf(name: string): {unit: Unit | null; notSensitive: boolean} {
  let field = fields.get(name);
  if (field === undefined) {
    const unit = name === "" ? null : PUPIL_KEYS.has(name) ? "pupils" : TRAJECTORY_KEYS.has(name) ? "trajectories" : null;
    fields.set(name, (field = {unit, notSensitive: NOT_SENSITIVE.test(name)}));
  }
  return field;
}

/** The report's part a file holds (the inverse of reportContents): its name without ".json", every
 *  school's sheet "factsheets". */
export function reportPartOfFile(file: string): string {
  return file.startsWith("factsheets/") ? "factsheets" : file.replace(/\.json$/, "");
}

/** The files a report is written to (as pipeline.ts `reportFiles` names them), by content. */
export function reportContents(report: {factsheets: {schoolId: string}[]} & Record<string, unknown>, slugOf: (schoolId: string) => string): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const [name, part] of Object.entries(report)) {
    if (name === "factsheets") continue;
    files.set(`${name}.json`, part);
  }
  for (const sheet of report.factsheets) files.set(`factsheets/${slugOf(sheet.schoolId)}.json`, sheet);
  return files;
}

export const leafKey = (file: string, path: string) => `${file}\u0000${path}`;

/**
 * The count a published count repeats by definition, for counts whose rows depend on the whole
 * dataset: a Tabel 6 year is factsheet item 1 of the school; item 7's care type is item 5's cell of
 * the latest year.
 */
export function definitionalAlias(slugOf: (schoolId: string) => string, latestYear: number): (key: string) => string | null {
  return (key) => {
    const [file, path] = key.split("\u0000");
    const tabel6 = /^tabel6\[schoolId=([^\]]*)\]\.years\[year=(\d+)\]\.pupils$/.exec(path);
    if (file === "schools.json" && tabel6) return leafKey(`factsheets/${slugOf(tabel6[1])}.json`, `years[year=${tabel6[2]}].pupils`);
    const top = /^topCareTypes\[careType=([^\]]*)\]\.pupils$/.exec(path);
    if (file.startsWith("factsheets/") && top) return leafKey(file, `careTypes[careType=${top[1]}].perYear[year=${latestYear}].pupils`);
    return null;
  };
}
