// What the 2020 report concluded per factor (Ja / Nee / Anders / Onbeantwoord) as an accessible table,
// optionally with a verdict filter and a text search. Reads the factorVerdicts of rapport2020.json.
// The verdict is always a word: colour alone would fail readers who cannot see it.

// Type-only: erased when Framework transpiles this file, so no loader code reaches the browser.
import type {FactorVerdict} from "../../loaders/published.js";
import {appendRow} from "./tableRows.js";

/** What the table needs of a verdict; rapport2020.json's factorVerdicts fit as they are. */
export type VerdictRow = Pick<FactorVerdict, "section" | "factor" | "verdict" | "inferred" | "reason">;

export interface VerdictTableOptions {
  caption: string;
  /** Only these paragraphs ("3.1", "4.2", …); all rows when omitted. */
  sections?: string[];
  /** Adds a verdict select and a text search above the table, with a live count of the shown rows. */
  filterable?: boolean;
}

export const VERDICT_LABELS: Record<string, string> = {
  ja: "Ja",
  nee: "Nee",
  anders: "Anders",
  onbeantwoord: "Onbeantwoord"
};

const INFERRED_NOTE =
  "Afgeleid uit de opmaak van het rapport: in de tekstversie van het rapport is niet te zien " +
  "in welke kolom het kruisje staat. Het oordeel volgt uit de witruimte en uit de toelichting.";

const COLUMNS = ["Factor", "Verband met jeugdhulpgebruik", "Waarom", "Paragraaf"];

// Several tables can share a page; ids for labels and the footnote must stay unique.
let instances = 0;

export function verdictLabel(verdict: string): string {
  return VERDICT_LABELS[verdict] ?? verdict;
}

/** Lower case, without accents, and with one kind of apostrophe: "IB’ers" finds "ib'ers". */
function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

function visuallyHidden(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.textContent = text;
  span.style.cssText =
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";
  return span;
}

function verdictCell(row: VerdictRow, noteId: string): HTMLTableCellElement {
  const cell = document.createElement("td");
  cell.dataset.verdict = row.verdict;
  cell.append(verdictLabel(row.verdict));
  if (row.inferred) {
    // Sighted readers see "*" and the note below; a screen reader hears "(afgeleid)" instead of a star.
    const mark = document.createElement("sup");
    mark.textContent = "*";
    mark.setAttribute("aria-hidden", "true");
    cell.append(mark, visuallyHidden(" (afgeleid)"));
    cell.setAttribute("aria-describedby", noteId);
  }
  return cell;
}

function tableOf(rows: VerdictRow[], caption: string, noteId: string): HTMLTableElement {
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const label of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = appendRow(body);
    const factor = document.createElement("th");
    factor.scope = "row";
    factor.textContent = row.factor;
    // Framework aligns th to the bottom; the row reads from the top like its long "Waarom" cell.
    factor.style.verticalAlign = "top";
    const reason = document.createElement("td");
    reason.textContent = row.reason;
    const section = document.createElement("td");
    section.textContent = row.section;
    tr.append(factor, verdictCell(row, noteId), reason, section);
  }
  return table;
}

function countText(shown: number, total: number): string {
  if (shown === 0) return `Geen van de ${total} factoren past bij deze keuze.`;
  return `${shown} van de ${total} factoren getoond.`;
}

function labelled(id: string, text: string, control: HTMLElement): HTMLDivElement {
  const wrapper = document.createElement("div");
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  label.style.display = "block";
  control.id = id;
  wrapper.append(label, control);
  return wrapper;
}

function addFilters(root: HTMLElement, table: HTMLTableElement, rows: VerdictRow[], id: string): void {
  const select = document.createElement("select");
  select.append(new Option("Alle oordelen", ""));
  for (const verdict of [...new Set(rows.map((r) => r.verdict))]) select.append(new Option(verdictLabel(verdict), verdict));
  const search = document.createElement("input");
  search.type = "search";
  search.autocomplete = "off";

  const status = document.createElement("p");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("role", "status");
  status.style.margin = "0.5rem 0";
  status.className = "no-print";

  const controls = document.createElement("div");
  // Filters do nothing on paper: style.css hides .no-print when printing.
  controls.className = "verdict-filters no-print";
  controls.style.cssText = "display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;align-items:flex-end";
  controls.append(labelled(`${id}-verdict`, "Verband met jeugdhulpgebruik", select), labelled(`${id}-search`, "Zoek in factor of toelichting", search));

  const body = table.tBodies[0];
  const empty = appendRow(body);
  const emptyCell = empty.insertCell();
  emptyCell.colSpan = COLUMNS.length;
  emptyCell.textContent = "Geen factoren die bij deze keuze passen.";
  const haystacks = rows.map((r) => searchable([r.factor, r.reason, r.section, verdictLabel(r.verdict)].join(" ")));

  const update = () => {
    const verdict = select.value;
    const terms = searchable(search.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row, i) => {
      const visible = (!verdict || row.verdict === verdict) && terms.every((term) => haystacks[i].includes(term));
      body.rows[i].hidden = !visible;
      if (visible) shown++;
    });
    empty.hidden = shown > 0;
    status.textContent = countText(shown, rows.length);
  };
  select.addEventListener("change", update);
  search.addEventListener("input", update);
  update();
  root.append(controls, status);
}

export function VerdictTable(verdicts: VerdictRow[], {caption, sections, filterable = false}: VerdictTableOptions): HTMLElement {
  const rows = sections ? verdicts.filter((v) => sections.includes(v.section)) : verdicts;
  const id = `verdict-table-${++instances}`;
  const noteId = `${id}-note`;
  const root = document.createElement("div");
  root.className = "verdict-table";
  const table = tableOf(rows, caption, noteId);
  if (filterable) addFilters(root, table, rows, id);
  root.append(table);
  if (rows.some((r) => r.inferred)) {
    const note = document.createElement("p");
    note.id = noteId;
    note.className = "verdict-note";
    note.style.cssText = "font-size:0.875rem;color:var(--theme-foreground-alt);max-width:640px";
    note.textContent = `* ${INFERRED_NOTE}`;
    root.append(note);
  }
  return root;
}
