// Errors in a municipality's input folder, worded for the person who exported the files: which
// file, which line, which column, which value, and what is wrong with it, in Dutch.

export interface InputError {
  file: string;
  /** 1-based line number in the file; null when the error is about the file or a JSON field. */
  line: number | null;
  /** Column name (CSV), field path (JSON) or element path (XML); null when the error is about a whole row or file. */
  column: string | null;
  /** The offending text as found; null or "" when there is no value to show. */
  value: string | null;
  /** Dutch, reads after the quoted value: "is geen geldige datum (verwacht dd-mm-jjjj)". */
  message: string;
}

export const REPORTED_ERRORS = 20;
const MAX_VALUE_LENGTH = 60;

const count = new Intl.NumberFormat("nl-NL");

/** Thrown by the contract with every error it found; the message lists the first ones. */
export class InputErrors extends Error {
  readonly errors: readonly InputError[];

  constructor(errors: readonly InputError[]) {
    super(formatInputErrors(errors));
    this.name = "InputErrors";
    this.errors = errors;
  }
}

/** Control and invisible characters as <U+200B>, so that a message shows what makes a value wrong. */
export function visible(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u200b-\u200d\u2060\u202f\ufeff]/g, (char) => {
    return `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
  });
}

function shown(value: string): string {
  return visible(value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value);
}

/** trajecten.csv, regel 14, kolom "einddatum": "31-02-2019" is geen geldige datum (verwacht dd-mm-jjjj). */
export function formatInputError({file, line, column, value, message}: InputError): string {
  const label = file.endsWith(".json") ? "veld" : file.endsWith(".xml") ? "element" : "kolom";
  const where = [file, line === null ? null : `regel ${line}`, column === null ? null : `${label} "${column}"`]
    .filter((part) => part !== null)
    .join(", ");
  const sentence = message.replace(/\.$/, "");
  return value === null || value === "" ? `${where} ${sentence}.` : `${where}: "${shown(value)}" ${sentence}.`;
}

/** `step`: what to start again once the files are fixed ("de build", "de import"). */
export function formatInputErrors(errors: readonly InputError[], limit = REPORTED_ERRORS, step = "de build"): string {
  const total = errors.length;
  const lines = [
    `De invoerbestanden bevatten ${count.format(total)} ${total === 1 ? "fout" : "fouten"}. ` +
      `Herstel de bestanden en start ${step} opnieuw.`,
    ...errors.slice(0, limit).map((error) => `- ${formatInputError(error)}`)
  ];
  if (total > limit) lines.push(`… en nog ${count.format(total - limit)} (${perFile(errors)}).`);
  return lines.join("\n");
}

function perFile(errors: readonly InputError[]): string {
  const byFile = new Map<string, number>();
  for (const {file} of errors) byFile.set(file, (byFile.get(file) ?? 0) + 1);
  return [...byFile].map(([file, n]) => `${file}: ${count.format(n)}`).join(", ");
}
