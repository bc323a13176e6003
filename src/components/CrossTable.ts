// Tabel 8 and the other factor tables: schools per factor category × use category, with the names
// of the schools in each cell, and the exact test of the table in words. The test checks whether
// the spread could easily be chance; it says nothing about the shape of a relation, so the report's
// own (non-linear) claim is shown next to it as a plain count of the middle group.

import type {Category, CrossCell, CrossTable, ExactTest} from "../../loaders/tables/factors.js";
import {ChartFigure, type ChartFigureOptions} from "./ChartFigure.js";
import {formatCount, formatDecimal} from "../lib/format.js";
import type {Column} from "../lib/csv.js";
import {USE_CATEGORY_COLORS} from "./palette.js";
import {joinNames} from "./schoolTables.js";
import {appendRow} from "./tableRows.js";

/** One cross-table of `data/rapport/factors.json` (tabel8[i], tabel9, interviews[i]); the same shape raw and public. */
export type CrossTableData = CrossTable;
export type {Category, CrossCell, ExactTest};

export interface CrossTableOptions {
  /** schoolId of a school to mark in the table. */
  highlight?: string | null;
  /** The year the use categories are from, for the description. */
  year?: number;
  /** The p-value after Holm's correction for all factors tested; the conclusion follows it. */
  holmP?: number | null;
}

/** Holm-adjusted p-values by factor (statistics.json's sensitivity table, the report's variant). */
export type AdjustedP = Map<string, number | null>;

/** Rows that stand for "not known"; shown only when a school is in them. */
const NO_VALUE_ROWS = new Set(["onbekend", "geen_cijfer"]);
const USE_COLUMNS = ["laag", "gemiddeld", "hoog"];

/**
 * The report's claim (§2.4): schools in the middle on the factor have average use. Per factor its
 * middle row and how that group reads in a sentence; the row label carries the thresholds.
 */
const MIDDLE_GROUPS: Record<string, {row: string; name: (rowLabel: string) => string}> = {
  omvang: {row: "middel", name: (label) => `Middelgrote scholen (${inner(label)} leerlingen)`},
  ses_wijk: {row: "midden", name: () => "Scholen in een wijk met een gemiddelde sociaaleconomische status"},
  sot: {row: "gemiddeld", name: (label) => `Scholen met een gemiddeld aantal SOT-trajecten (${inner(label)} per 100 leerlingen)`}
};

/** "Middel (200 t/m 300)" → "200 t/m 300". */
function inner(label: string): string {
  return /\(([^)]*)\)/.exec(label)?.[1] ?? label;
}

// ---------------------------------------------------------------------------------------------
// The exact test in words

/** "0,42", "0,011", "< 0,001": two significant decimals are enough for a reader. */
export function pValueText(p: number): string {
  return p < 0.001 ? "< 0,001" : formatDecimal(p, p < 0.1 ? 3 : 2);
}

/** "p = 0,42", "p < 0,001". */
export function formatP(p: number): string {
  const text = pValueText(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** Short reading of the test for overviews; from the adjusted p-value when there is one. */
export function testConclusion(test: ExactTest, holmP?: number | null): string {
  const p = holmP ?? test.pValue;
  if (test.pValue === null || p === null) return "niet te toetsen";
  if (p < 0.05) return "een aanwijzing voor een verband";
  if (p < 0.2) return "hooguit een zwakke aanwijzing voor een verband";
  return "geen aanwijzing voor een verband";
}

/** The test in one sentence: "Zo'n verdeling komt bij toeval vaak voor (p = 0,42): geen aanwijzing voor een verband."
 *  With an adjusted p-value a second sentence gives it, and the conclusion moves there. */
export function testSentence(test: ExactTest, holmP?: number | null): string {
  if (test.untestable === "one_category") return "Niet te toetsen: de getoetste scholen vallen allemaal in één categorie.";
  if (test.untestable === "too_many_tables" || test.pValue === null) return "Niet exact te toetsen: er zijn te veel scholen voor deze berekening.";
  const p = test.pValue;
  const how = p < 0.05 ? "zelden" : p < 0.2 ? "af en toe" : "vaak";
  if (holmP === undefined || holmP === null) return `Zo'n verdeling komt bij toeval ${how} voor (${formatP(p)}): ${testConclusion(test)}.`;
  return (
    `Zo'n verdeling komt bij toeval ${how} voor (${formatP(p)}). ` +
    `Omdat er meer factoren getoetst zijn, telt de gecorrigeerde waarde (Holm: ${formatP(holmP)}): ${testConclusion(test, holmP)}.`
  );
}

/** Which schools the test leaves out, and why; empty when it uses every school in the table. */
export function exclusionNote(test: ExactTest): string {
  const schools = (n: number) => `${formatCount(n)} ${n === 1 ? "school" : "scholen"}`;
  const parts: string[] = [];
  if (test.withheld > 0) parts.push(`${schools(test.withheld)} met een afgeschermd jeugdhulpgebruik`);
  if (test.unknownFactor > 0) parts.push(`${schools(test.unknownFactor)} waarvan de factor onbekend is`);
  return parts.length === 0 ? "" : `Niet in de toets: ${parts.join(" en ")}.`;
}

// ---------------------------------------------------------------------------------------------
// The finding

const cellOf = (table: CrossTableData, row: string, column: string) => table.cells.find((c) => c.row === row && c.column === column);
const sumSchools = (cells: (CrossCell | undefined)[]) => cells.reduce((n, c) => n + (c?.schools ?? 0), 0);

/** Schools in one row, every column (the withheld ones too): Tabel 9's schools per rating. */
export const rowSchools = (table: CrossTableData, rowKey: string) => sumSchools(table.cells.filter((cell) => cell.row === rowKey));

/** The report's middle group: how many of its schools have average use (published categories only). */
export function middleGroup(table: CrossTableData): {name: string; average: number; schools: number} | null {
  const spec = MIDDLE_GROUPS[table.factor];
  const row = table.rows.find((r) => r.key === spec?.row);
  if (!spec || !row) return null;
  return {
    name: spec.name(row.label),
    average: cellOf(table, row.key, "gemiddeld")?.schools ?? 0,
    schools: sumSchools(USE_COLUMNS.map((column) => cellOf(table, row.key, column)))
  };
}

/** Share of average use over every tested row, for comparison with the middle group. */
function averageOverall(table: CrossTableData): {average: number; schools: number} {
  const rows = table.rows.filter((r) => !NO_VALUE_ROWS.has(r.key));
  return {
    average: sumSchools(rows.map((r) => cellOf(table, r.key, "gemiddeld"))),
    schools: sumSchools(rows.flatMap((r) => USE_COLUMNS.map((column) => cellOf(table, r.key, column))))
  };
}

export function crossTableTitle(table: CrossTableData, holmP?: number | null): string {
  const middle = middleGroup(table);
  if (middle && middle.schools > 0) {
    return `${middle.name}: ${formatCount(middle.average)} van de ${formatCount(middle.schools)} hebben gemiddeld jeugdhulpgebruik`;
  }
  const conclusion = testConclusion(table.exactTest, holmP);
  return `${table.label}: ${conclusion === "niet te toetsen" ? "niet te toetsen" : `${conclusion} met het jeugdhulpgebruik`}`;
}

/**
 * What the tests of several factors show together, as a title: how many give an indication of a
 * relation and which ("Een aanwijzing voor een verband bij 1 van de 3 kenmerken: SOT-trajecten per 100
 * leerlingen"). Read from the p-values, so the title never says more than the table under it.
 */
export function factorsFinding(tables: CrossTableData[], adjusted?: AdjustedP): string {
  const tested = tables.filter((t) => t.exactTest.pValue !== null);
  const n = tested.length;
  if (n === 0) return "De kenmerken zijn niet te toetsen";
  const pOf = (t: CrossTableData) => adjusted?.get(t.factor) ?? (t.exactTest.pValue as number);
  const strong = tested.filter((t) => pOf(t) < 0.05).map((t) => t.label);
  const weak = tested.filter((t) => pOf(t) >= 0.05 && pOf(t) < 0.2).map((t) => t.label);
  const all = n === 1 ? "het kenmerk" : `de ${formatCount(n)} kenmerken`;
  if (strong.length === n) return `Een aanwijzing voor een verband bij ${n === 1 ? "het kenmerk" : `alle ${formatCount(n)} kenmerken`}`;
  if (strong.length > 0) return `Een aanwijzing voor een verband bij ${formatCount(strong.length)} van de ${formatCount(n)} kenmerken: ${joinNames(strong)}`;
  if (weak.length > 0) return `Geen duidelijk verband bij ${all}; hooguit een zwakke aanwijzing bij ${joinNames(weak)}`;
  return `Geen aanwijzing voor een verband bij ${all}`;
}

/** The paragraph under the table: the comparison for the middle group, then the test in words. */
export function crossTableFinding(table: CrossTableData, holmP?: number | null): string {
  const sentences: string[] = [];
  const middle = middleGroup(table);
  if (middle && middle.schools > 0) {
    const all = averageOverall(table);
    sentences.push(`Ter vergelijking: van alle ${formatCount(all.schools)} getoetste scholen hebben er ${formatCount(all.average)} gemiddeld gebruik.`);
  }
  sentences.push(testSentence(table.exactTest, holmP));
  if (table.exactTest.pValue !== null) sentences.push(`Getoetst over ${formatCount(table.exactTest.schools)} scholen.`);
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// The elements

function visibleRows(table: CrossTableData): Category[] {
  return table.rows.filter((r) => !NO_VALUE_ROWS.has(r.key) || sumSchools(table.columns.map((c) => cellOf(table, r.key, c.key))) > 0);
}

function headerCell(text: string, scope: "col" | "row", swatch?: string): HTMLTableCellElement {
  const th = document.createElement("th");
  th.scope = scope;
  if (swatch) {
    const mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.style.cssText = `display:inline-block;width:0.7em;height:0.7em;margin-right:0.35em;border-radius:2px;background:${swatch}`;
    th.append(mark);
  }
  th.append(text);
  th.style.verticalAlign = "top";
  if (scope === "row") th.style.fontWeight = "normal";
  return th;
}

function countCell(cell: CrossCell | undefined, highlight: string | null): HTMLTableCellElement {
  const td = document.createElement("td");
  td.style.verticalAlign = "top";
  const count = document.createElement("strong");
  count.textContent = formatCount(cell?.schools ?? 0);
  td.append(count);
  if (cell && cell.members.length > 0) {
    const list = document.createElement("ul");
    list.className = "cross-table-names";
    list.style.cssText = "list-style:none;margin:0.15rem 0 0;padding:0;font-size:0.8rem;line-height:1.3";
    for (const member of cell.members) {
      const item = document.createElement("li");
      if (member.schoolId === highlight) {
        const mark = document.createElement("mark");
        mark.textContent = member.name;
        item.append(mark);
        td.dataset.highlighted = "true";
        td.style.outline = "2px solid currentColor";
        td.style.outlineOffset = "-2px";
      } else item.textContent = member.name;
      list.append(item);
    }
    td.append(list);
  }
  return td;
}

/** The cross-table itself: counts and names per cell, totals per row and column. */
export function crossTableElement(table: CrossTableData, {highlight = null}: CrossTableOptions = {}): HTMLTableElement {
  const element = document.createElement("table");
  element.className = "cross-table";
  // Four columns of school names need more than the 640px Framework gives prose tables.
  element.style.maxWidth = "none";
  element.createCaption().textContent = `${table.label} en jeugdhulpgebruik: aantal scholen`;
  const head = element.createTHead().insertRow();
  head.append(headerCell(table.label, "col"));
  for (const column of table.columns) head.append(headerCell(column.label, "col", USE_CATEGORY_COLORS[column.key as keyof typeof USE_CATEGORY_COLORS]));
  head.append(headerCell("Totaal", "col"));
  const rows = visibleRows(table);
  const body = element.createTBody();
  for (const row of rows) {
    const tr = appendRow(body);
    tr.append(headerCell(row.label, "row"));
    for (const column of table.columns) tr.append(countCell(cellOf(table, row.key, column.key), highlight));
    const total = tr.insertCell();
    total.style.verticalAlign = "top";
    total.textContent = formatCount(sumSchools(table.columns.map((c) => cellOf(table, row.key, c.key))));
  }
  const foot = element.createTFoot().insertRow();
  foot.append(headerCell("Totaal", "row"));
  for (const column of table.columns) foot.insertCell().textContent = formatCount(sumSchools(rows.map((r) => cellOf(table, r.key, column.key))));
  foot.insertCell().textContent = formatCount(sumSchools(rows.flatMap((r) => table.columns.map((c) => cellOf(table, r.key, c.key)))));
  return element;
}

interface CellRow {
  row: string;
  column: string;
  schools: number;
  names: string;
}

function cellRows(table: CrossTableData): CellRow[] {
  const label = (categories: Category[], key: string) => categories.find((c) => c.key === key)?.label ?? key;
  return visibleRows(table).flatMap((row) =>
    table.columns.map((column) => {
      const cell = cellOf(table, row.key, column.key);
      return {row: row.label, column: label(table.columns, column.key), schools: cell?.schools ?? 0, names: (cell?.members ?? []).map((m) => m.name).join(", ")};
    })
  );
}

function cellColumns(table: CrossTableData): Column<CellRow>[] {
  return [
    {label: table.label, value: (r) => r.row},
    {label: "Jeugdhulpgebruik", value: (r) => r.column},
    {label: "Scholen", value: (r) => r.schools, kind: "count"},
    {label: "Namen", value: (r) => r.names}
  ];
}

/** The cross-table and its test in words, without the frame (for the build, which frames it with its CSV). */
export function crossTableBody(table: CrossTableData, options: CrossTableOptions = {}): HTMLElement {
  const body = document.createElement("div");
  body.className = "cross-table-body";
  const scroller = document.createElement("div");
  scroller.style.overflowX = "auto";
  scroller.append(crossTableElement(table, options));
  const finding = document.createElement("p");
  finding.className = "cross-table-test";
  finding.textContent = crossTableFinding(table, options.holmP);
  body.append(scroller, finding);
  return body;
}

/** The frame's finding as title, the notes, and a list and CSV of every cell. */
export function crossTableFigureOptions(table: CrossTableData, options: CrossTableOptions = {}): ChartFigureOptions<CellRow> {
  const year = options.year === undefined ? "" : ` in ${options.year}`;
  const notes = [exclusionNote(table.exactTest), table.columns.some((c) => c.key === "afgeschermd") ? "Afgeschermd: het percentage van de school is niet gepubliceerd (kleine aantallen)." : ""];
  return {
    title: crossTableTitle(table, options.holmP),
    description: `Aantal scholen per categorie, naar jeugdhulpgebruik${year} (laag, gemiddeld of hoog).`,
    columns: cellColumns(table),
    rows: cellRows(table),
    filename: `kruistabel-${table.factor.replaceAll("_", "-")}.csv`,
    note: notes.filter(Boolean).join(" ")
  };
}

/** The cross-table in the site's chart frame: finding as title, the test in words, a list and CSV of every cell. */
export function CrossTable(table: CrossTableData, options: CrossTableOptions = {}): HTMLElement {
  return ChartFigure(crossTableBody(table, options), crossTableFigureOptions(table, options));
}

/**
 * Every cross-table's test in one table: factor, schools tested, p-value and what it means. With
 * `adjusted`, the Holm p-value stands beside the raw one and the outcome follows it.
 */
export function CrossTableSummary(tables: CrossTableData[], {caption, adjusted}: {caption: string; adjusted?: AdjustedP}): HTMLTableElement {
  const element = document.createElement("table");
  element.createCaption().textContent = caption;
  const head = element.createTHead().insertRow();
  const labels = adjusted ? ["Factor", "Getoetste scholen", "p-waarde", "Na Holm-correctie", "Uitkomst"] : ["Factor", "Getoetste scholen", "p-waarde", "Uitkomst"];
  labels.forEach((label, i) => {
    const th = headerCell(label, "col");
    if (i > 0 && i < labels.length - 1) th.style.textAlign = "right";
    head.append(th);
  });
  const body = element.createTBody();
  for (const table of tables) {
    const tr = appendRow(body);
    tr.append(headerCell(table.label, "row"));
    const {exactTest: test} = table;
    const pText = (p: number | null | undefined) => (p === null || p === undefined ? "–" : pValueText(p));
    const holmP = adjusted?.get(table.factor);
    const cells = [formatCount(test.schools), pText(test.pValue), ...(adjusted ? [pText(holmP)] : []), testConclusion(test, holmP)];
    cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      td.style.verticalAlign = "top";
      if (i < cells.length - 1) td.style.textAlign = "right";
    });
  }
  return element;
}
