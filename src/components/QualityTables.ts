// The data-quality page's tables (/verantwoording/datakwaliteit) as static HTML: the page loader
// renders them at build time, so the page reads the same without JavaScript. The facts and their
// wording come from loaders/quality.ts qualityFacts (also the build log); this only lays them out.

// Type-only: erased when Framework transpiles this file, so no loader code reaches the browser.
import type {DuoFacts, QualityFacts} from "../../loaders/quality.js";

import {escapeMarkdownHtml as escape} from "../lib/html.js";

type Cell = {text: string};

function table(caption: string, head: string[], rows: Cell[][], numberColumns: number[]): string {
  const align = (i: number) => (numberColumns.includes(i) ? ' style="text-align: right;"' : "");
  const th = head.map((label, i) => `<th scope="col"${align(i)}>${escape(label)}</th>`).join("");
  const body = rows
    .map(([first, ...rest]) => `<tr><th scope="row">${first.text}</th>${rest.map((cell, i) => `<td${align(i + 1)}>${cell.text}</td>`).join("")}</tr>`)
    .join("\n    ");
  return `<table>\n  <caption>${escape(caption)}</caption>\n  <thead><tr>${th}</tr></thead>\n  <tbody>\n    ${body}\n  </tbody>\n</table>`;
}

/** "geen", or one line per rule: "ongeveer 20 — reason". */
function list(items: {count: string; text: string}[]): string {
  const shown = items.filter((item) => item.count !== "geen" && item.count !== "0");
  if (shown.length === 0) return "geen";
  return shown.map((item) => `${escape(item.count)}: ${escape(item.text)}`).join("<br>");
}

const code = (text: string) => ({text: `<code>${escape(text)}</code>`});
const plain = (text: string) => ({text: escape(text)});

/** Per input file: encoding, rows read and accepted, cells repaired and rows left out. */
export function QualityFiles(facts: QualityFacts): string {
  const rows = facts.files.map((file) => [
    code(file.file),
    plain(file.encoding),
    plain(file.read ?? "–"),
    plain(file.accepted ?? "–"),
    {text: file.read === null ? "–" : list(file.repairs.map((r) => ({count: r.count, text: r.rule})))},
    {text: file.read === null ? "–" : list(file.excluded.map((e) => ({count: e.count, text: e.reason})))}
  ]);
  return table("Per invoerbestand", ["Bestand", "Tekenset", "Rijen gelezen", "Goedgekeurd", "Cellen hersteld", "Rijen weggelaten"], rows, [2, 3]);
}

/** Per study year: enrolled resident pupils and the trajectories that start in it. */
export function QualityYears(facts: QualityFacts): string {
  const rows = facts.years.map((year) => [plain(String(year.year)), plain(year.pupils), plain(year.trajectories)]);
  return table("Per onderzoeksjaar", ["Jaar", "Leerlingen ingeschreven", "Trajecten die dat jaar beginnen"], rows, [1, 2]);
}

/** The first and last date per date column. */
export function QualityDates(facts: QualityFacts): string {
  const rows = facts.dates.map((d) => [code(d.file), code(d.column), plain(d.range)]);
  return table("Datums in de gegevens", ["Bestand", "Kolom", "Van – tot en met"], rows, []);
}

/** The comparison with DUO per year: counts of schools. */
export function QualityDuoYears(facts: DuoFacts): string {
  const rows = facts.summary.map((y) => [plain(String(y.year)), plain(y.compared), plain(y.within), plain(y.beyond), plain(y.notInDuo), plain(y.notInOurs)]);
  const head = ["Jaar", "Scholen vergeleken", "Binnen de marge", `Meer dan ${facts.margin} verschil`, "Niet in de telling van DUO", "Niet in leerlingen.csv"];
  return table("Vergelijking met DUO per jaar (aantallen scholen)", head, rows, [1, 2, 3, 4, 5]);
}

/** Per listed school and year: the difference as a share of DUO's count; a flagged cell in bold. */
export function QualityDuoSchools(facts: DuoFacts): string {
  const rows = facts.schools.map((school) => [
    plain(school.name),
    ...school.cells.map((cell) => ({text: cell.flagged ? `<strong>${escape(cell.text)}</strong>` : escape(cell.text)}))
  ]);
  const head = ["School", ...facts.years.map(String)];
  return table("Verschil van leerlingen.csv met DUO per school", head, rows, facts.years.map((_, i) => i + 1));
}
