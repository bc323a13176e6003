// DUO open onderwijsdata: the school register (every primary-school location: INSTELLINGSCODE +
// VESTIGINGSCODE, name, municipality, denomination) → scholen.csv rows, and pupils per location
// per age → a cross-check of the enrolment counts in leerlingen.csv. DUO publishes ";"-separated
// Windows-1252 files; table.ts reads them through the contract's own decoder.

import type {InputError} from "../errors.js";
import {cellError, cellOf, missingColumnErrors, type SourceTable} from "./table.js";

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

/** Share by which leerlingen.csv may differ from DUO before it is a warning. */
export const DEFAULT_MARGIN = 0.1;

/**
 * Enrolments in leerlingen.csv per school and year (every pupil, wherever they live, as DUO counts
 * them) against DUO's count; a warning when they differ by more than the margin. Masked ages widen
 * DUO's count to a range. Only schools and years in both are compared.
 */
export function crossCheck(
  duo: DuoCount[],
  enrolments: {schoolId: string; year: number}[],
  margin = DEFAULT_MARGIN,
  file = "leerlingen.csv"
): InputError[] {
  const ours = new Map<string, number>();
  for (const {schoolId, year} of enrolments) ours.set(`${schoolId}\u0000${year}`, (ours.get(`${schoolId}\u0000${year}`) ?? 0) + 1);
  const warnings: InputError[] = [];
  for (const {schoolId, year, known, masked} of duo) {
    const n = ours.get(`${schoolId}\u0000${year}`);
    if (n === undefined) continue;
    const low = known + masked;
    const high = known + masked * MASKED_MAX;
    if (n >= low * (1 - margin) && n <= high * (1 + margin)) continue;
    const duoText = low === high ? `${low}` : `${low} tot ${high}`;
    const message =
      `heeft in ${year} ${n} inschrijvingen, DUO telt ${duoText} leerlingen (verschil meer dan ${Math.round(margin * 100)}%); ` +
      "controleer of de export compleet is en dezelfde teldatum heeft";
    warnings.push({file, line: null, column: "school_id", value: schoolId, message});
  }
  return warnings;
}
