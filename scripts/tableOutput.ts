// The report's tables as text, for analysts who want the numbers without the site: what
// `npm run tables` and `npx nadere-ogen tables` print. The output is the public report, suppressed
// exactly as on the site (withheld cells read "." in CSV).

import type {PublicReport} from "../loaders/publish.js";
import {isSuppressedValue} from "../src/lib/format.js";
import {neutralised} from "../src/lib/csv.js";

/** CBS's mark for a withheld cell: one mark for every withheld value, as on the site. */
const WITHHELD = ".";

type Row = Record<string, unknown>;

/** The report's tables as flat row lists, named as in the report where it has a name. */
function tables(r: PublicReport): [string, Row[]][] {
  return [
    ["kerngetallen", r.kerngetallen.perYear as unknown as Row[]],
    ["tabel1_dbc_herstarts", r.dbc.tabel1 as unknown as Row[]],
    ["tabel2_trajecten_per_jaar", r.dbc.tabel2 as unknown as Row[]],
    ["tabel3_leerlingen_per_zorgvorm", r.careTypes.tabel3 as unknown as Row[]],
    ["aanbieders", r.careTypes.providers as unknown as Row[]],
    ["figuur1_status", r.status.figuur1 as unknown as Row[]],
    ["tabel4_doorlooptijd", r.status.tabel4 as unknown as Row[]],
    ["tabel5_kosten", r.costs.bands as unknown as Row[]],
    ["figuur2_uitstroom", r.outflow.steps as unknown as Row[]],
    ["tabel6_scholen", r.schools.tabel6 as unknown as Row[]],
    ["tabel6_totaal", r.schools.total.years as unknown as Row[]],
    ["groeipatronen", r.schools.growthPatterns as unknown as Row[]],
    ...r.factors.tabel8.map((t): [string, Row[]] => [`tabel8_${t.factor}`, t.cells as unknown as Row[]]),
    ["tabel9_dorpsteam", r.factors.tabel9.cells as unknown as Row[]],
    ["leeftijden", r.ages.years as unknown as Row[]]
  ];
}

/** Nested values become columns: {years: [{year: 2017, pct: 8}]} → years_2017_pct. */
function flatten(row: Row, prefix = ""): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (isSuppressedValue(value)) out[name] = WITHHELD;
    else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object" && !isSuppressedValue(item)) {
          const {year, step, age, outcome, schoolId, ...rest} = item as Row;
          const label = [year, step, age, outcome, schoolId].find((v) => v !== undefined) ?? i + 1;
          Object.assign(out, Object.keys(rest).length ? flatten(rest, `${name}_${label}`) : {[`${name}_${label}`]: label});
        } else out[`${name}_${i + 1}`] = isSuppressedValue(item) ? WITHHELD : item;
      });
    } else if (value !== null && typeof value === "object") Object.assign(out, flatten(value as Row, name));
    else out[name] = value;
  }
  return out;
}

function csvCell(value: unknown): string {
  // School and provider names come from the input: a formula in one must not run in a spreadsheet.
  const text = value === null || value === undefined ? "" : neutralised(String(value));
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: Row[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return [columns.join(","), ...flat.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\n");
}

export interface TableOptions {
  csv?: boolean;
  /** Only the tables whose name starts with this. */
  tabel?: string;
}

/** The text to print, or a Dutch error when --tabel names no table. */
export function tablesText(report: PublicReport, {csv = false, tabel}: TableOptions): {text: string} | {error: string} {
  let selected = tables(report);
  if (tabel) {
    selected = selected.filter(([name]) => name.startsWith(tabel));
    if (selected.length === 0) return {error: `Onbekende tabel "${tabel}". Kies uit: ${tables(report).map(([n]) => n).join(", ")}`};
  }
  if (csv) {
    const legend = `# ${WITHHELD} = afgeschermd: een klein aantal leerlingen, daarvan afgeleid, of mee verborgen zodat een klein aantal niet terug te rekenen is\n`;
    return {text: legend + selected.map(([name, rows]) => `# ${name}\n${toCsv(rows)}\n`).join("\n")};
  }
  return {text: `${JSON.stringify(tabel ? Object.fromEntries(selected) : report, null, 2)}\n`};
}
