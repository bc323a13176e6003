// Every chart of the site sits in this frame: a title that states the finding, a line saying what is
// shown, the chart, a "Toon tabel" alternative with exactly the data drawn, and a CSV download of the
// same rows. One place for all of it, so no chart ships without its table.

import {toCsv, type Column} from "../lib/csv.js";
import {formatCount, formatDecimal, formatEuros, formatPercent} from "../lib/format.js";
import {appendRow} from "./tableRows.js";

export interface ChartFigureOptions<Row> {
  /** States the finding ("In 2018 lijkt een piek, maar een deel is administratief"). */
  title: string;
  /** What is drawn, in one line ("Trajecten per jaar, met en zonder DBC-correctie"). */
  description: string;
  columns: Column<Row>[];
  /** Exactly the rows the chart draws. */
  rows: Row[];
  /** Name of the downloaded file, e.g. "trajecten-per-jaar.csv". */
  filename: string;
  /** Source, legend of marks ("· = afgeschermd"), or a caveat. */
  note?: string;
  /** Build the table when it is opened and the CSV when it is downloaded: for figures redrawn on
   *  every filter change (the explorer), where most tables are never looked at. */
  lazy?: boolean;
}

function cellText<Row>(column: Column<Row>, row: Row): string {
  const value = column.value(row);
  // A value already written out ("≥ 12" for a sum with withheld parts) stays as it is.
  if (typeof value === "string") return value;
  switch (column.kind ?? "text") {
    case "count":
      return formatCount(value as number);
    case "percent":
      return formatPercent(value as number, column.decimals ?? 0);
    case "euro":
      return formatEuros(value as number, column.decimals ?? 0);
    case "number":
      return formatDecimal(value as number, column.decimals ?? 0);
    default:
      return value === null || value === undefined ? "" : String(value);
  }
}

export function DataTable<Row>(columns: Column<Row>[], rows: Row[], {caption}: {caption: string}): HTMLTableElement {
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if ((column.kind ?? "text") !== "text") th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = appendRow(body);
    columns.forEach((column, i) => {
      const cell = i === 0 ? document.createElement("th") : tr.insertCell();
      if (i === 0) {
        (cell as HTMLTableCellElement).scope = "row";
        cell.style.fontWeight = "normal";
        tr.append(cell);
      }
      if ((column.kind ?? "text") !== "text") cell.style.textAlign = "right";
      cell.textContent = cellText(column, row);
    });
  }
  return table;
}

/** The download control's text and accessible name, the same on a button and a link. */
function asDownload<E extends HTMLElement>(element: E, filename: string): E {
  element.className = "chart-download";
  element.textContent = "Download CSV";
  // The accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
  element.setAttribute("aria-label", `Download CSV met de gegevens van deze grafiek (${filename})`);
  return element;
}

/** A download of a CSV file served beside the page, saved as `filename`; it needs no script. */
export function downloadLink(href: string, filename: string): HTMLAnchorElement {
  const link = asDownload(document.createElement("a"), filename);
  link.href = href;
  link.download = filename;
  return link;
}

export function downloadButton(csv: string | (() => string), filename: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  asDownload(button, filename);
  button.addEventListener("click", () => saveCsv(typeof csv === "string" ? csv : csv(), filename));
  return button;
}

/** The download buttons of figures rendered at build time (scripts/staticFigures.ts) carry their CSV in
 *  data attributes; this gives them their click, the one script such a page needs for its figures. */
export function bindCsvButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.chart-download[data-csv]")) {
    button.addEventListener("click", () => saveCsv(decodeURIComponent(button.dataset.csv!), button.dataset.filename!));
  }
}

/** Hands the reader a CSV file. */
export function saveCsv(csv: string, filename: string): void {
  // A blob: URL stays on this machine: no request leaves the browser.
  const url = URL.createObjectURL(new Blob([csv], {type: "text/csv;charset=utf-8"}));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartFigure<Row>(chart: Element, options: ChartFigureOptions<Row>): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart-figure";
  const title = document.createElement("h3");
  title.className = "chart-title";
  title.textContent = options.title;
  const description = document.createElement("p");
  description.className = "chart-description";
  description.textContent = options.description;
  figure.append(title, description, chart);

  const details = document.createElement("details");
  details.className = "chart-table";
  const summary = document.createElement("summary");
  summary.textContent = "Toon tabel";
  const table = () => DataTable(options.columns, options.rows, {caption: options.title});
  details.append(summary);
  if (!options.lazy) details.append(table());
  else details.addEventListener("toggle", () => details.open && details.childElementCount === 1 && details.append(table()));

  const footer = document.createElement("figcaption");
  if (options.note) {
    const note = document.createElement("span");
    note.textContent = options.note;
    footer.append(note, " ");
  }
  const csv = () => toCsv(options.columns, options.rows);
  footer.append(downloadButton(options.lazy ? csv : csv(), options.filename));
  figure.append(details, footer);
  return figure;
}
