// One sheet of an .xlsx workbook → a table of text cells, through SheetJS (@e965/xlsx 0.20.3, the
// maintained build; the npm "xlsx" 0.18.5 carries unpatched CVEs). Cells are read from their stored
// values, never from their displayed text, which depends on the author's locale and format:
// a date is a serial number with a date format and becomes dd-mm-jjjj, a number keeps its digits.

import {createRequire} from "node:module";
import type * as SheetJS from "@e965/xlsx";
import type {InputError} from "../errors.js";
import type {SourceRow, SourceTable} from "./table.js";

const pad2 = (n: number) => String(n).padStart(2, "0");

// Loaded on first use: every build process reads the input folder through io.ts, and SheetJS
// costs about 0,2 s to load, while most folders hold no workbook.
let sheetJs: typeof SheetJS | null = null;
function xlsx(): typeof SheetJS {
  return (sheetJs ??= createRequire(import.meta.url)("@e965/xlsx") as typeof SheetJS);
}

/** An Excel serial date (1900 or 1904 system) → "dd-mm-jjjj"; null for a serial that is no day. */
export function serialToDate(serial: number, date1904 = false): string | null {
  const parts = xlsx().SSF.parse_date_code(serial, {date1904});
  if (!parts || parts.y < 1900) return null;
  return `${pad2(parts.d)}-${pad2(parts.m)}-${parts.y}`;
}

/** Excel keeps 15 significant digits; 0,1 + 0,2 stored as 0.30000000000000004 reads as 0,3. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function fileError(file: string, message: string): InputError {
  return {file, line: null, column: null, value: null, message};
}

export function readSheet(bytes: Uint8Array, name: string, sheetName?: string): {table: SourceTable | null; errors: InputError[]} {
  // SheetJS reads almost anything as some kind of sheet (a text file becomes one column); an .xlsx
  // is a ZIP archive, and an old .xls a Compound File, so the first bytes tell them apart.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {table: null, errors: [fileError(name, "is een oud Excel-bestand (.xls); sla het op als Excel-werkmap (.xlsx) of als CSV")]};
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return {table: null, errors: [fileError(name, "is geen Excel-werkmap (.xlsx); sla het opnieuw op als Excel-werkmap of als CSV")]};
  }
  const X = xlsx();
  let workbook: SheetJS.WorkBook;
  try {
    workbook = X.read(bytes, {type: "array", cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, dense: false});
  } catch {
    return {table: null, errors: [fileError(name, "is geen leesbaar Excel-bestand (.xlsx); sla het opnieuw op als Excel-werkmap of als CSV")]};
  }
  const sheets = workbook.SheetNames;
  const chosen = sheetName ?? sheets[0];
  if (chosen === undefined || !sheets.includes(chosen)) {
    const message = `heeft geen blad "${sheetName}" (wel: ${sheets.map((sheet) => `"${sheet}"`).join(", ") || "geen"})`;
    return {table: null, errors: [fileError(name, message)]};
  }
  const file = `${name}, blad "${chosen}"`;
  const sheet = workbook.Sheets[chosen];
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  if (!sheet["!ref"]) return {table: null, errors: [fileError(file, "is leeg; verwacht een kopregel met kolomnamen")]};
  const range = X.utils.decode_range(sheet["!ref"]);
  const errors: InputError[] = [];
  const rows: SourceRow[] = [];
  let header: {line: number; columns: string[]} | null = null;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const line = r + 1;
    const cells: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const address = X.utils.encode_cell({r, c});
      const cell = sheet[address] as SheetJS.CellObject | undefined;
      const text = cellText(cell, date1904);
      if (typeof text === "string") cells.push(text.trim());
      else {
        const column = header ? header.columns[c - range.s.c] || address : address;
        errors.push({file, line, column: `${column}, cel ${address}`, value: text.error, message: text.message});
        cells.push("");
      }
    }
    if (cells.every((cell) => cell === "")) continue;
    if (header === null) header = {line, columns: cells.map((cell) => cell.toLowerCase())};
    else rows.push({line, cells});
  }
  if (header === null) return {table: null, errors: [fileError(file, "is leeg; verwacht een kopregel met kolomnamen")]};
  const columns = header.columns;
  const column = (column: string, line: number) => {
    const at = columns.indexOf(column);
    return at < 0 ? column : `${column}, cel ${X.utils.encode_col(range.s.c + at)}${line}`;
  };
  return {table: {file, columns, headerLine: header.line, rows, encoding: "Excel (.xlsx)", column}, errors};
}

type CellText = string | {error: string; message: string};

function cellText(cell: SheetJS.CellObject | undefined, date1904: boolean): CellText {
  if (!cell || cell.t === "z" || cell.v === undefined || cell.v === null) return "";
  switch (cell.t) {
    case "s":
      return String(cell.v);
    case "b":
      return cell.v ? "ja" : "nee";
    case "e":
      return {error: cell.w ?? "#FOUT", message: "is een foutwaarde van Excel (een formule die niet uitkomt); vul de cel met een waarde"};
    case "d":
      return cell.v instanceof Date ? `${pad2(cell.v.getUTCDate())}-${pad2(cell.v.getUTCMonth() + 1)}-${cell.v.getUTCFullYear()}` : String(cell.v);
    case "n": {
      const value = cell.v as number;
      if (cell.z !== undefined && xlsx().SSF.is_date(cell.z)) {
        const date = serialToDate(value, date1904);
        return date ?? {error: numberText(value), message: "staat als datum opgemaakt, maar is geen geldige datum"};
      }
      return numberText(value);
    }
    default:
      return String(cell.v);
  }
}
