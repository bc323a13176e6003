// The growth patterns as groups: which schools share the same pair (or row) of growth symbols, largest
// group first, as the core orders them. The withheld group is shown as such, with its schools named:
// that they are withheld is public, their pattern is not.

import {isSuppressedValue, SUPPRESSED_DERIVED} from "../lib/format.js";
import {headCell} from "./GrowthTable.js";
import {describePattern, type GrowthPatternGroup} from "./schoolTables.js";
import {appendRow} from "./tableRows.js";

export interface GrowthPatternsOptions {
  caption: string;
  /** schoolId of a school to set in bold. */
  highlight?: string | null;
}

function schoolList(group: GrowthPatternGroup, highlight: string | null): DocumentFragment {
  const list = document.createDocumentFragment();
  group.schools.forEach((school, i) => {
    if (i > 0) list.append(", ");
    if (school.schoolId === highlight) {
      const strong = document.createElement("strong");
      strong.textContent = school.name;
      list.append(strong);
    } else list.append(school.name);
  });
  return list;
}

export function GrowthPatterns(groups: GrowthPatternGroup[], {caption, highlight = null}: GrowthPatternsOptions): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "growth-patterns";
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  head.append(headCell("Patroon", false), headCell("Betekenis", false), headCell("Scholen", true), headCell("Welke scholen", false));
  const body = table.createTBody();
  for (const group of groups) {
    const tr = appendRow(body);
    const pattern = document.createElement("th");
    pattern.scope = "row";
    pattern.style.whiteSpace = "nowrap";
    // Framework aligns th to the bottom; the row reads from the top like its wrapped cells.
    pattern.style.verticalAlign = "top";
    const described = typeof group.pattern === "string" ? describePattern(group.pattern) : null;
    const [symbols, meaning] = described
      ? [described.symbols, described.words]
      : isSuppressedValue(group.pattern)
          ? [SUPPRESSED_DERIVED, "afgeschermd"]
          : ["–", "niet in elk jaar een percentage"];
    pattern.textContent = symbols;
    tr.insertCell().textContent = meaning;
    tr.prepend(pattern);
    const count = tr.insertCell();
    count.textContent = String(group.schools.length);
    count.style.textAlign = "right";
    tr.insertCell().append(schoolList(group, highlight));
  }
  return table;
}
