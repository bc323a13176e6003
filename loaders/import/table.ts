// A source file as a table of text cells, whatever it came as: a CSV file in any encoding the
// contract reads (encoding.ts, csv.ts) or the first (or a named) sheet of an .xlsx workbook
// (xlsx.ts). Every row keeps the line or sheet row people see, so that an error can point at it.

import {parseCsv} from "../csv.js";
import {decodeInput} from "../encoding.js";
import type {InputError} from "../errors.js";
import {readSheet} from "./xlsx.js";

export interface SourceRow {
  /** 1-based line (CSV) or sheet row (xlsx). */
  line: number;
  cells: string[];
}

export interface SourceTable {
  /** For messages: "trajecten.csv" or `trajecten.xlsx, blad "Blad1"`. */
  file: string;
  /** Header names, trimmed and lower-cased. */
  columns: string[];
  headerLine: number;
  rows: SourceRow[];
  /** How the file was read: the decoder's encoding for CSV, "Excel" for a sheet. */
  encoding: string;
  /** The column as messages name it: the header name, with the cell ("D14") for a sheet. */
  column: (name: string, line: number) => string;
}

export interface TableOptions {
  /** The sheet to read from a workbook; the first sheet when absent. */
  sheet?: string;
}

export function isWorkbook(name: string): boolean {
  return name.toLowerCase().endsWith(".xlsx");
}

/** A CSV or .xlsx file → its table, or the errors that keep it from being read. */
export function readTable(bytes: Uint8Array | string, name: string, options: TableOptions = {}): {table: SourceTable | null; errors: InputError[]} {
  if (isWorkbook(name)) {
    if (typeof bytes === "string") throw new Error("a workbook is read from bytes");
    return readSheet(bytes, name, options.sheet);
  }
  const decoded = typeof bytes === "string" ? {text: bytes, encoding: "tekst"} : decodeInput(bytes);
  const text = decoded.text;
  const {table, errors} = parseCsv(text, name);
  if (table === null) return {table: null, errors};
  const {columns, line: headerLine, rows} = table;
  return {table: {file: name, columns, headerLine, rows, encoding: decoded.encoding, column: (column) => column}, errors};
}

/** The cell of a named column in a row ("" when the column is absent). */
export function cellOf(table: SourceTable, row: SourceRow, column: string): string {
  const at = table.columns.indexOf(column);
  return at < 0 ? "" : (row.cells[at] ?? "").trim();
}

export function cellError(table: SourceTable, line: number, column: string, value: string | null, message: string): InputError {
  return {file: table.file, line, column: table.column(column, line), value, message};
}

/** Required columns absent from the header (the first alternative is the name asked for). */
export function missingColumnErrors(table: SourceTable, required: readonly (string | readonly string[])[]): InputError[] {
  const found = table.columns.filter((column) => column !== "");
  return required
    .filter((names) => !(typeof names === "string" ? [names] : names).some((name) => found.includes(name)))
    .map((names) => ({
      file: table.file,
      line: null,
      column: typeof names === "string" ? names : names.join(" of "),
      value: null,
      message: `ontbreekt (gevonden kolommen: ${found.join(", ") || "geen"})`
    }));
}


/** An error in a converted contract file → the source file, sheet and cell it came from. */
export function atSource(error: InputError, origins: Partial<Record<string, SourceTable>>): InputError {
  const table = origins[error.file];
  if (!table || table.file === error.file) return error;
  return {...error, file: table.file, column: error.column === null || error.line === null ? error.column : table.column(error.column, error.line)};
}

const NEEDS_QUOTES = /[;"\r\n]/;
const csvLine = (cells: readonly string[]) => cells.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(";");

export function plainCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[columns, ...rows].map(csvLine).join("\n")}\n`;
}

/** Each row on its source line (empty lines between), so that the contract's line numbers are the source's. */
export function alignedCsv(columns: readonly string[], headerLine: number, rows: readonly SourceRow[]): string {
  const lines: string[] = Array.from({length: headerLine - 1}, () => "");
  lines.push(csvLine(columns));
  for (const row of rows) {
    while (lines.length < row.line - 1) lines.push("");
    lines.push(csvLine(row.cells));
  }
  return `\ufeff${lines.join("\n")}\n`;
}
