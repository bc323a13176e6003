// Tabel 6 as an accessible table: per school the pupils in the latest year, the whole percentage per
// year, the growth symbol between the years and the use category, closed by the municipal row.
// Withheld cells read "·"; the legend under the table says what the dot and the symbols mean.

import {formatCount, formatPercent, isSuppressedValue, SUPPRESSED_DERIVED, withheldLegend} from "../lib/format.js";
import {USE_CATEGORY_COLORS} from "./palette.js";
import {growthSymbol, growthWords, latestYear, type GrowthCategory, type Published, type SchoolTables, type UseCategory} from "./schoolTables.js";
import {appendRow} from "./tableRows.js";

export interface GrowthTableOptions {
  caption: string;
  /** schoolId of a row to set in bold. */
  highlight?: string | null;
}

/** "++" with its meaning for screen readers ("sterke stijging"); a withheld symbol as "·". */
export function growthCell(category: Published<GrowthCategory | null>): HTMLSpanElement {
  const span = document.createElement("span");
  if (category === null) span.textContent = "–";
  else if (isSuppressedValue(category)) span.textContent = SUPPRESSED_DERIVED;
  else {
    span.setAttribute("role", "img");
    span.setAttribute("aria-label", growthWords(category));
    span.textContent = growthSymbol(category);
  }
  return span;
}

function useCell(category: Published<UseCategory | null>): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (category === null || isSuppressedValue(category)) {
    fragment.append(category === null ? "–" : SUPPRESSED_DERIVED);
    return fragment;
  }
  const swatch = document.createElement("span");
  swatch.setAttribute("aria-hidden", "true");
  swatch.style.cssText = `display:inline-block;width:0.7em;height:0.7em;margin-right:0.35em;background:${USE_CATEGORY_COLORS[category]}`;
  fragment.append(swatch, category);
  return fragment;
}

export function headCell(text: string, numeric: boolean): HTMLTableCellElement {
  const th = document.createElement("th");
  th.scope = "col";
  th.textContent = text;
  if (numeric) th.style.textAlign = "right";
  return th;
}

function cell(row: HTMLTableRowElement, content: string | Node, align: "right" | "center" | null = "right"): HTMLTableCellElement {
  const td = row.insertCell();
  td.append(content);
  if (align) td.style.textAlign = align;
  // A row reads across on one line even when a cell wraps (a long school name): Framework aligns a
  // row's header cell at the bottom and its data cells at the top.
  td.style.verticalAlign = "baseline";
  return td;
}

export function GrowthTable(tables: SchoolTables, {caption, highlight = null}: GrowthTableOptions): HTMLElement {
  const years = tables.total.years.map((y) => y.year);
  const latest = years[years.length - 1];
  const table = document.createElement("table");
  table.className = "growth-table";
  table.createCaption().textContent = caption;

  const head = table.createTHead().insertRow();
  head.append(headCell("School", false), headCell(`Leerlingen ${latest}`, true));
  years.forEach((year, i) => {
    if (i > 0) head.append(headCell(`${years[i - 1]}→${year}`, false));
    head.append(headCell(`% ${year}`, true));
  });
  head.append(headCell(`Gebruik ${latest}`, false));

  const body = table.createTBody();
  for (const school of tables.tabel6) {
    const tr = appendRow(body);
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = school.name;
    th.style.fontWeight = "normal";
    th.style.verticalAlign = "baseline";
    tr.append(th);
    if (school.schoolId === highlight) {
      tr.className = "growth-table-highlight";
      tr.style.fontWeight = "bold";
      th.style.fontWeight = "bold";
    }
    cell(tr, formatCount(latestYear(school).enrolled));
    school.years.forEach((year, i) => {
      if (i > 0) cell(tr, growthCell(school.growth[i - 1].category), "center");
      cell(tr, formatPercent(year.pct));
    });
    // The swatch and its word stay together: "gemiddeld" wrapping under its swatch made rows twice as tall.
    cell(tr, useCell(school.useCategory), null).style.whiteSpace = "nowrap";
  }

  const foot = table.createTFoot().insertRow();
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = "Gemeente";
  foot.append(th);
  cell(foot, formatCount(tables.total.enrolledLatestYear));
  tables.total.years.forEach((year, i) => {
    if (i > 0) cell(foot, "", null);
    cell(foot, formatPercent(year.pct, 2));
  });
  cell(foot, "", null);

  const legend = document.createElement("p");
  legend.className = "growth-table-legend";
  legend.style.color = "var(--theme-foreground-alt)";
  // The threshold comes with every withheld value; without one the table shows no marks to explain.
  const minCount = tables.tabel6.flatMap((r) => r.years.map((y) => y.pupils)).find(isSuppressedValue)?.minCount;
  legend.textContent =
    (minCount === undefined ? "" : `${withheldLegend(minCount)} `) +
    // Separated by semicolons: a "·" between them would read as the withheld mark.
    (["++", "+", "0", "-", "--"] as GrowthCategory[]).map((c) => `${growthSymbol(c)} ${growthWords(c)}`).join("; ") +
    ". Percentages zijn hele procenten; de gemeente staat met twee decimalen.";
  const element = document.createElement("div");
  element.append(table, legend);
  return element;
}
