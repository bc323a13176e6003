// What reading the input folder did besides accepting rows: which encoding each file was read in,
// which documented repairs changed cells (and how often), and warnings that do not stop the build.
// The loader returns it (for a data-quality page) and the build prints it.

import {wholePercentage} from "./definitions.js";
import type {Encoding} from "./encoding.js";
import {formatInputError, visible, type InputError} from "./errors.js";
import {formatMarginPercent, type DuoComparison, type DuoComparisonRow} from "./import/duo.js";

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
  /** leerlingen.csv against DUO's pupils per location (load.ts): null = no DUO file in the folder;
   *  absent = not looked for (the import compares on its own). */
  duo?: DuoComparison | null;
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
export function formatQualityReport(quality: QualityReport, names: ReadonlyMap<string, string> = new Map()): string {
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
  if (quality.duo !== undefined) lines.push(...formatDuoComparison(quality.duo, names));
  if (quality.warnings.length > 0) {
    lines.push(`Waarschuwingen (${exact.format(quality.warnings.length)}; de build gaat door):`);
    for (const warning of quality.warnings) lines.push(`- ${formatInputError(warning)}`);
  }
  return lines.join("\n");
}

// The comparison with DUO

/** Said wherever the comparison could not be made (build log, data-quality page). */
export const NO_DUO_COMPARISON =
  "Een vergelijking met DUO was niet mogelijk: naast leerlingen.csv lag geen DUO-telling van leerlingen per vestiging naar leeftijd (een bestand met „leeftijd” in de naam, zoals DUO het noemt: 01.-leerlingen-po-…-leeftijd-jjjj.csv).";

/** What a compared school and year came out as; the one wording for the log and the page. */
export function duoStatus(row: DuoComparisonRow, marginPercent: number): string {
  if (row.duo === null) return "niet in de telling van DUO";
  if (row.ours === 0) return "niet in leerlingen.csv";
  return row.flagged ? `meer dan ${formatMarginPercent(marginPercent)} verschil` : "binnen de marge";
}

/** The difference as a whole percentage of DUO's count, with its sign ("−12%", "+3%", "0%"); DUO counting none has no share. */
export function duoShareText(row: DuoComparisonRow): string {
  if (row.duo === null || row.difference === null) return "–";
  if (row.difference === 0) return "0%";
  const end = row.difference < 0 ? row.duo.low : row.duo.high;
  const pct = wholePercentage(Math.abs(row.difference), end);
  return pct === null ? "DUO telt er geen" : `${row.difference < 0 ? "−" : "+"}${exact.format(pct)}%`;
}

/** Per compared year: schools compared, within the margin, beyond it, missing on either side. */
export function duoYearSummary(duo: DuoComparison): {year: number; compared: number; within: number; beyond: number; notInDuo: number; notInOurs: number}[] {
  return duo.years.map((year) => {
    const rows = duo.rows.filter((row) => row.year === year);
    const both = rows.filter((row) => row.duo !== null && row.ours > 0);
    return {
      year,
      compared: both.length,
      within: both.filter((row) => !row.flagged).length,
      beyond: both.filter((row) => row.flagged).length,
      notInDuo: rows.filter((row) => row.duo === null).length,
      notInOurs: rows.filter((row) => row.ours === 0).length
    };
  });
}

/** Build log lines: per year counts of schools, then both exact counts for every school and year. */
export function formatDuoComparison(duo: DuoComparison | null, names: ReadonlyMap<string, string> = new Map()): string[] {
  if (duo === null) return [NO_DUO_COMPARISON];
  const margin = formatMarginPercent(duo.marginPercent);
  const lines = [`Vergelijking met DUO (${duo.files.join(", ")}; marge ${margin}, instelling duoMarginPercent):`];
  if (duo.years.length === 0) lines.push("- geen van de onderzoeksjaren staat in de DUO-telling.");
  for (const y of duoYearSummary(duo)) {
    lines.push(
      `- ${y.year} (aantallen scholen): vergeleken ${exact.format(y.compared)}, binnen de marge ${exact.format(y.within)}, meer verschil ${exact.format(y.beyond)}, ` +
        `niet in de telling van DUO ${exact.format(y.notInDuo)}, niet in leerlingen.csv ${exact.format(y.notInOurs)}.`
    );
  }
  // Every school and year (the log is not published); a flagged one starts with "!" to stand out.
  for (const row of duo.rows) {
    const school = names.has(row.schoolId) ? `${names.get(row.schoolId)} (${row.schoolId})` : row.schoolId;
    const theirs = row.duo === null ? "geen" : row.duo.low === row.duo.high ? exact.format(row.duo.low) : `${exact.format(row.duo.low)} tot ${exact.format(row.duo.high)}`;
    const sign = row.difference === null || row.difference === 0 ? "" : row.difference > 0 ? "+" : "−";
    const difference = row.difference === null ? "" : `, verschil ${sign}${exact.format(Math.abs(row.difference))} (${duoShareText(row)})`;
    lines.push(`  ${row.flagged ? "!" : " "} ${school}, ${row.year}: leerlingen.csv ${exact.format(row.ours)}, DUO ${theirs}${difference}: ${duoStatus(row, duo.marginPercent)}.`);
  }
  if (duo.yearsWithoutDuo.length > 0) lines.push(`- Geen DUO-telling voor ${duo.yearsWithoutDuo.join(", ")}.`);
  return lines;
}

export interface DuoFacts {
  files: string[];
  margin: string;
  years: number[];
  yearsWithoutDuo: number[];
  /** Per compared year, counts of schools (not of pupils). */
  summary: {year: number; compared: string; within: string; beyond: string; notInDuo: string; notInOurs: string}[];
  /** The listed schools (those whose counts the report publishes), each with a cell per compared year. */
  schools: {name: string; cells: {text: string; flagged: boolean}[]}[];
  /** Flagged school-years in all, and those of the schools not listed. */
  flagged: number;
  unlisted: {schools: number; flagged: number};
}

/**
 * The comparison as the data-quality page words it: shares and flags only, for the `listed` schools
 * (Tabel 6's, whose enrolment the report publishes anyway), and counts of schools; no count of pupils.
 */
export function duoFacts(duo: DuoComparison, names: ReadonlyMap<string, string>, listed: ReadonlySet<string>): DuoFacts {
  const byId = new Map<string, DuoComparisonRow[]>();
  for (const row of duo.rows) byId.set(row.schoolId, [...(byId.get(row.schoolId) ?? []), row]);
  const shown = [...byId.keys()].filter((id) => listed.has(id));
  const hidden = [...byId.keys()].filter((id) => !listed.has(id));
  const cell = (row: DuoComparisonRow | undefined) => {
    if (row === undefined) return {text: "–", flagged: false};
    const status = duoStatus(row, duo.marginPercent);
    const text = row.duo === null || row.ours === 0 ? status : row.flagged ? `${duoShareText(row)}: ${status}` : duoShareText(row);
    return {text, flagged: row.flagged};
  };
  return {
    files: duo.files,
    margin: formatMarginPercent(duo.marginPercent),
    years: duo.years,
    yearsWithoutDuo: duo.yearsWithoutDuo,
    summary: duoYearSummary(duo).map(({year, ...counts}) => ({
      year,
      ...(Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, exact.format(n)])) as Record<keyof typeof counts, string>)
    })),
    schools: shown
      .map((id) => ({name: names.get(id) ?? id, cells: duo.years.map((year) => cell(byId.get(id)!.find((row) => row.year === year)))}))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
    flagged: duo.rows.filter((row) => row.flagged).length,
    unlisted: {schools: hidden.length, flagged: duo.rows.filter((row) => row.flagged && !listed.has(row.schoolId)).length}
  };
}
