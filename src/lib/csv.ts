// The CSV a reader downloads next to a chart: exactly the rows drawn, in the form Dutch spreadsheet
// software opens without a wizard (semicolons, decimal comma, UTF-8 with BOM).

import {isSuppressedValue, roundHalfUpTo, SUPPRESSED_DERIVED, type SuppressedValue} from "./format.js";

export type ColumnKind = "text" | "count" | "number" | "percent" | "euro";

export interface Column<Row> {
  label: string;
  value: (row: Row) => string | number | SuppressedValue | null | undefined;
  kind?: ColumnKind;
  /** Decimals for number/percent/euro columns. */
  decimals?: number;
}

export function csvCell(value: string | number | SuppressedValue | null | undefined, kind: ColumnKind = "text", decimals = 0): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (isSuppressedValue(value)) text = SUPPRESSED_DERIVED;
  else if (typeof value === "number") {
    const places = kind === "count" ? 0 : decimals;
    text = kind === "text" ? String(value) : roundHalfUpTo(value, places).toFixed(places).replace(".", ",");
  }
  else text = neutralised(value);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// A name from the input such as =HYPERLINK("http://…") would run as a formula when the download is
// opened in a spreadsheet. Text starting with = + - @ tab or CR gets a leading ' (shown as text, the
// usual neutralisation); a plain number such as -3 or +2,5% and the growth signs ++ and -- call
// nothing and refer to nothing, so they stay as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS = /^(?:[+-]?\d+(?:[.,]\d+)?%?|\+{1,2}|-{1,2})$/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [
    columns.map((c) => csvCell(c.label)).join(";"),
    ...rows.map((row) => columns.map((c) => csvCell(c.value(row), c.kind, c.decimals)).join(";"))
  ];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
