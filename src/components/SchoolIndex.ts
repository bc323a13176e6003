// The /scholen/ overview: every school with its latest size, its percentage per year, use category
// and growth pattern, and a link to its factsheet. Sorting and searching happen on the page (Inputs);
// this draws the rows it is given, in that order.

import {formatCount, formatPercent, isSuppressedValue, SUPPRESSED_DERIVED} from "../lib/format.js";
import {growthCell, headCell} from "./GrowthTable.js";
import {describePattern, type GrowthCategory, type SchoolRow} from "./schoolTables.js";
import {appendRow} from "./tableRows.js";

export interface IndexRow extends SchoolRow {
  slug: string;
}

/** Tabel 6 rows that have a factsheet, with its slug; a school without one is left out. */
export function indexRows(rows: SchoolRow[], factsheets: {schoolId: string; slug: string}[]): IndexRow[] {
  const slugs = new Map(factsheets.map((f) => [f.schoolId, f.slug]));
  return rows.flatMap((r) => (slugs.has(r.schoolId) ? [{...r, slug: slugs.get(r.schoolId) as string}] : []));
}

function patternCell(row: SchoolRow): Node {
  const pattern = row.growthPattern;
  if (pattern === null) return document.createTextNode("–");
  if (isSuppressedValue(pattern)) return document.createTextNode(SUPPRESSED_DERIVED);
  const span = document.createElement("span");
  span.append(...pattern.split("/").flatMap((c, i) => [...(i > 0 ? [" / "] : []), growthCell(c as GrowthCategory)]));
  span.title = describePattern(pattern).words;
  return span;
}

export function SchoolIndex(rows: IndexRow[], {caption, baseHref = "./"}: {caption: string; baseHref?: string}): HTMLTableElement {
  const years = rows[0]?.years.map((y) => y.year) ?? [];
  const table = document.createElement("table");
  table.className = "school-index";
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  head.append(
    headCell("School", false),
    headCell(`Leerlingen ${years[years.length - 1] ?? ""}`.trim(), true),
    ...years.map((y) => headCell(`Met jeugdhulp ${y}`, true)),
    headCell("Gebruik", false),
    headCell("Groeipatroon", false)
  );
  const body = table.createTBody();
  for (const row of rows) {
    const tr = appendRow(body);
    const name = document.createElement("th");
    name.scope = "row";
    name.style.fontWeight = "normal";
    const link = document.createElement("a");
    link.href = `${baseHref}${row.slug}`;
    link.textContent = row.name;
    name.append(link);
    tr.append(name);
    const right = (text: string | Node) => {
      const td = tr.insertCell();
      td.style.textAlign = "right";
      td.append(text);
    };
    right(formatCount(row.enrolledLatestYear));
    for (const y of row.years) right(formatPercent(y.pct));
    const use = row.useCategory;
    tr.insertCell().append(use === null ? "–" : isSuppressedValue(use) ? SUPPRESSED_DERIVED : use);
    tr.insertCell().append(patternCell(row));
  }
  if (rows.length === 0) {
    const td = appendRow(body).insertCell();
    td.colSpan = 4 + years.length;
    td.textContent = "Geen school gevonden.";
  }
  return table;
}
