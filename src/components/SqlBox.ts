// A SQL box over the explorer's cube: a query, a few examples to start from, the answer as a table
// and as a Dutch CSV download, an error in Dutch (DuckDB's English message folded away). `run` is
// given by the page (DuckDB-wasm, started on the first query, so readers who never ask a question
// never download the database).

import {toCsv, type Column} from "../lib/csv.js";
import {explainSqlError} from "../lib/sqlErrors.js";
import {DataTable, downloadButton} from "./ChartFigure.js";

export interface SqlExample {
  label: string;
  sql: string;
}

export type SqlRow = Record<string, unknown>;

/** Rows shown on the page; the download always holds all of them. */
export const SHOWN_ROWS = 200;

export function resultColumns(rows: SqlRow[]): Column<SqlRow>[] {
  const names = rows.length > 0 ? Object.keys(rows[0]) : [];
  return names.map((name) => ({
    label: name,
    value: (row) => {
      const v = row[name];
      if (v === null || v === undefined) return null;
      if (typeof v === "number") return v;
      if (typeof v === "bigint") return Number(v);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return String(v);
    },
    kind: rows.some((r) => typeof r[name] === "number" && !Number.isInteger(r[name])) ? "number" : "text",
    decimals: 2
  }));
}

export function SqlBox(run: (sql: string) => Promise<SqlRow[]>, {examples}: {examples: SqlExample[]}): HTMLElement {
  const root = document.createElement("div");
  root.className = "sql-box";
  const label = document.createElement("label");
  label.htmlFor = "sql-query";
  label.textContent = "SQL-query (DuckDB)";
  const input = document.createElement("textarea");
  input.id = "sql-query";
  input.rows = 8;
  input.spellcheck = false;
  input.value = examples[0]?.sql ?? "";

  const exampleBar = document.createElement("div");
  exampleBar.className = "sql-examples";
  exampleBar.append("Voorbeelden: ");
  for (const example of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = example.label;
    button.addEventListener("click", () => {
      input.value = example.sql;
      void execute();
    });
    exampleBar.append(button, " ");
  }

  const runButton = document.createElement("button");
  runButton.type = "button";
  runButton.className = "sql-run";
  runButton.textContent = "Uitvoeren";
  const status = document.createElement("p");
  status.className = "sql-status";
  status.setAttribute("role", "status");
  const output = document.createElement("div");
  output.className = "sql-output";

  async function execute(): Promise<void> {
    const sql = input.value.trim();
    if (sql === "") return;
    runButton.disabled = true;
    status.textContent = "Bezig…";
    output.replaceChildren();
    const started = performance.now();
    try {
      const rows = Array.from(await run(sql));
      const seconds = ((performance.now() - started) / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 2});
      const columns = resultColumns(rows);
      status.textContent =
        rows.length === 0
          ? `Geen rijen (${seconds} s).`
          : `${rows.length.toLocaleString("nl-NL")} ${rows.length === 1 ? "rij" : "rijen"} in ${seconds} s` +
            (rows.length > SHOWN_ROWS ? `; de eerste ${SHOWN_ROWS} staan hieronder, de download bevat alles.` : ".");
      if (rows.length > 0) {
        output.append(
          DataTable(columns, rows.slice(0, SHOWN_ROWS), {caption: "Resultaat van de query"}),
          downloadButton(toCsv(columns, rows), "verkennen-query.csv")
        );
      }
    } catch (error) {
      // In Dutch for the reader; DuckDB's own words folded away for whoever knows them.
      const {text, original} = explainSqlError(error);
      status.textContent = `De query gaf een fout. ${text}`;
      const details = document.createElement("details");
      details.className = "sql-error-original";
      const summary = document.createElement("summary");
      summary.textContent = "Oorspronkelijke melding van DuckDB (Engels)";
      const pre = document.createElement("pre");
      pre.textContent = original;
      details.append(summary, pre);
      output.append(details);
    } finally {
      runButton.disabled = false;
    }
  }

  runButton.addEventListener("click", () => void execute());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  });
  root.append(label, input, exampleBar, runButton, status, output);
  return root;
}
