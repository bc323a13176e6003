// What reading the input folder did besides accepting rows: which encoding each file was read in,
// which documented repairs changed cells (and how often), and warnings that do not stop the build.
// The loader returns it (for a data-quality page) and the build prints it.

import type {Encoding} from "./encoding.js";
import {formatInputError, visible, type InputError} from "./errors.js";

/** The repairs the loader makes on its own; each is documented in data/README.md. */
export const REPAIR_RULES = {
  invisible: "onzichtbare tekens verwijderd (U+200B–U+200D, U+2060, U+00AD, U+FEFF binnen een cel)",
  nbsp: "harde spatie (U+00A0, U+202F) vervangen door een gewone spatie"
} as const;

export type RepairRule = keyof typeof REPAIR_RULES;

export interface Repair {
  file: string;
  rule: RepairRule;
  /** Cells changed by this rule in this file. */
  count: number;
  /** The first changed cell, as an example. */
  first: {line: number; column: string; value: string; repaired: string};
}

export interface FileQuality {
  file: string;
  /** null when the text was handed over already decoded (tests); a workbook's sheet has no encoding of its own. */
  encoding: Encoding | "Excel-werkmap" | null;
  /** Data rows read (CSV, not counting the header and empty rows); null for instellingen.json. */
  rowsRead: number | null;
  rowsAccepted: number | null;
}

/** Per study year: resident pupils enrolled and trajectories (of resident pupils) that start in it. */
export interface YearCoverage {
  year: number;
  pupils: number;
  trajectoriesStarted: number;
}

export interface QualityReport {
  files: FileQuality[];
  coverage: YearCoverage[];
  /** First and last date found (after scoping), as ISO dates; null when there is none. */
  dates: {peildatum: [string, string] | null; begindatum: [string, string] | null; einddatum: [string, string] | null};
  repairs: Repair[];
  /** Worth a look, but not wrong: the build goes on (same shape as an error). */
  warnings: InputError[];
}

/** Counts repairs per file and rule, keeping the first example. */
export class RepairLog {
  readonly repairs: Repair[] = [];
  private readonly index = new Map<string, Repair>();

  note(file: string, rule: RepairRule, line: number, column: string, value: string, repaired: string): void {
    const key = `${file}\u0000${rule}`;
    const known = this.index.get(key);
    if (known) known.count++;
    else {
      const repair: Repair = {file, rule, count: 1, first: {line, column, value, repaired}};
      this.index.set(key, repair);
      this.repairs.push(repair);
    }
  }
}

const count = new Intl.NumberFormat("nl-NL");
const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Dutch lines for the build log (stderr). */
export function formatQualityReport(quality: QualityReport): string {
  const lines = ["Gelezen bestanden:"];
  for (const file of quality.files) {
    const rows = file.rowsRead === null ? "" : `, ${count.format(file.rowsRead)} rijen gelezen, ${count.format(file.rowsAccepted ?? 0)} geldig`;
    const read = file.encoding === "Excel-werkmap" ? "gelezen als Excel-werkmap" : `tekenset ${file.encoding ?? "al gelezen als tekst"}`;
    lines.push(`- ${file.file}: ${read}${rows}`);
  }
  const period = (range: [string, string] | null) => (range === null ? "geen" : `${dutchDate(range[0])} t/m ${dutchDate(range[1])}`);
  lines.push(
    // Before the report's own scope rules (Tabel 2 also needs an enrolment in the start year).
    `Per jaar (inwoners): ${quality.coverage.map((y) => `${y.year}: ${count.format(y.pupils)} leerlingen, ${count.format(y.trajectoriesStarted)} trajecten met die begindatum`).join("; ")}.`,
    `Datums: peildatum ${period(quality.dates.peildatum)}; begindatum ${period(quality.dates.begindatum)}; einddatum ${period(quality.dates.einddatum)}.`
  );
  if (quality.repairs.length === 0) lines.push("Herstellingen: geen.");
  else {
    lines.push("Herstellingen (automatisch, zie data/README.md):");
    for (const {file, rule, count: n, first} of quality.repairs) {
      lines.push(
        `- ${file}: ${count.format(n)} ${n === 1 ? "cel" : "cellen"}, ${REPAIR_RULES[rule]}; ` +
          `eerste: regel ${first.line}, kolom "${first.column}": "${visible(first.value)}" → "${first.repaired}"`
      );
    }
  }
  if (quality.warnings.length > 0) {
    lines.push(`Waarschuwingen (${count.format(quality.warnings.length)}; de build gaat door):`);
    for (const warning of quality.warnings) lines.push(`- ${formatInputError(warning)}`);
  }
  return lines.join("\n");
}
