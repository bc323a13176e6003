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

/** Why valid rows are left out of the report (the scope rules in contract.ts applyScope). */
export const EXCLUSION_REASONS = {
  otherMunicipality: "woont in een andere gemeente",
  noEnrolment: "leerling staat niet in leerlingen.csv",
  nonResident: "leerling woont niet in de gemeente"
} as const;

export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

export interface Exclusion {
  file: string;
  reason: ExclusionReason;
  /** Rows of this file left out for this reason (0 included, so that a page can say "geen"). */
  count: number;
}

export interface QualityReport {
  files: FileQuality[];
  excluded: Exclusion[];
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

/** How the facts write a count and a date: exactly in the build log, coarser on the public page. */
export interface FactFormats {
  count: (n: number) => string;
  date: (iso: string) => string;
}

export interface FileFacts {
  file: string;
  encoding: string;
  /** null for instellingen.json (no rows). */
  read: string | null;
  accepted: string | null;
  excluded: {reason: string; count: string}[];
  repairs: {rule: string; count: string}[];
}

export interface QualityFacts {
  files: FileFacts[];
  years: {year: number; pupils: string; trajectories: string}[];
  dates: {file: string; column: string; range: string}[];
}

/** The one wording of the quality report's facts; the build log and the data-quality page render it. */
export function qualityFacts(quality: QualityReport, {count, date}: FactFormats): QualityFacts {
  const period = (range: [string, string] | null) => (range === null ? "geen" : `${date(range[0])} t/m ${date(range[1])}`);
  return {
    files: quality.files.map((file) => ({
      file: file.file,
      encoding: file.encoding ?? "al gelezen als tekst",
      read: file.rowsRead === null ? null : count(file.rowsRead),
      accepted: file.rowsRead === null ? null : count(file.rowsAccepted ?? 0),
      excluded: quality.excluded.filter((e) => e.file === file.file).map((e) => ({reason: EXCLUSION_REASONS[e.reason], count: count(e.count)})),
      repairs: quality.repairs.filter((r) => r.file === file.file).map((r) => ({rule: REPAIR_RULES[r.rule], count: count(r.count)}))
    })),
    years: quality.coverage.map((y) => ({year: y.year, pupils: count(y.pupils), trajectories: count(y.trajectoriesStarted)})),
    dates: [
      {file: "leerlingen.csv", column: "peildatum", range: period(quality.dates.peildatum)},
      {file: "trajecten.csv", column: "begindatum", range: period(quality.dates.begindatum)},
      {file: "trajecten.csv", column: "einddatum", range: period(quality.dates.einddatum)}
    ]
  };
}

const exact = new Intl.NumberFormat("nl-NL");
const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Dutch lines for the build log (stderr): exact counts and dates, and the first repaired cell. */
export function formatQualityReport(quality: QualityReport): string {
  const facts = qualityFacts(quality, {count: (n) => exact.format(n), date: dutchDate});
  const lines = ["Gelezen bestanden:"];
  for (const file of facts.files) {
    // Exclusions are in the scope lines the log prints just before this.
    const rows = file.read === null ? "" : `, ${file.read} rijen gelezen, ${file.accepted} geldig`;
    const read = file.encoding === "Excel-werkmap" ? "gelezen als Excel-werkmap" : `tekenset ${file.encoding}`;
    lines.push(`- ${file.file}: ${read}${rows}`);
  }
  const [peildatum, begindatum, einddatum] = facts.dates.map((d) => d.range);
  lines.push(
    // Before the report's own scope rules (Tabel 2 also needs an enrolment in the start year).
    `Per jaar (inwoners): ${facts.years.map((y) => `${y.year}: ${y.pupils} leerlingen, ${y.trajectories} trajecten met die begindatum`).join("; ")}.`,
    `Datums: peildatum ${peildatum}; begindatum ${begindatum}; einddatum ${einddatum}.`
  );
  if (quality.repairs.length === 0) lines.push("Herstellingen: geen.");
  else {
    // Only the log names the first repaired cell: the page shows no value of any row.
    lines.push("Herstellingen (automatisch, zie data/README.md):");
    for (const {file, rule, count: n, first} of quality.repairs) {
      lines.push(
        `- ${file}: ${exact.format(n)} ${n === 1 ? "cel" : "cellen"}, ${REPAIR_RULES[rule]}; ` +
          `eerste: regel ${first.line}, kolom "${first.column}": "${visible(first.value)}" → "${first.repaired}"`
      );
    }
  }
  if (quality.warnings.length > 0) {
    lines.push(`Waarschuwingen (${exact.format(quality.warnings.length)}; de build gaat door):`);
    for (const warning of quality.warnings) lines.push(`- ${formatInputError(warning)}`);
  }
  return lines.join("\n");
}
