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

/** The unit of a field that counts persons or trajectories, or null. */
export function countUnit(path: string, key: string): Unit | null {
  // The field's name first: most nodes of a report are no count, and the path test is the dearer one.
  const unit = PUPIL_KEYS.has(key) ? "pupils" : TRAJECTORY_KEYS.has(key) ? "trajectories" : null;
  return unit !== null && !NOT_SENSITIVE.test(path) ? unit : null;
}

/** Every count of pupils or trajectories in one file's content. */
export function countLeaves(content: unknown): CountLeaf[] {
  const out: CountLeaf[] = [];
  const walk = (value: unknown, path: string, key: string) => {
    const unit = key === "" ? null : countUnit(path, key);
    if (unit && (typeof value === "number" || isHiddenMarker(value))) {
      out.push({path, unit, value});
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((element, i) => walk(element, `${path}[${rowName(element, i)}]`, key));
    } else if (value !== null && typeof value === "object" && !isHiddenMarker(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path === "" ? k : `${path}.${k}`, k);
    }
  };
  walk(content, "", "");
  return out;
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
