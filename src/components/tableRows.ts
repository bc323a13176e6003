// Rows appended to a table section. `section.insertRow()` does the same in a browser, but jsdom (the
// build-time DOM until 7 December, scripts/buildDom.ts) counted the section's rows on every call: the
// tables that list every school made a page quadratic in the schools (groeipatronen for 7 000
// schools: 10,5 s of its 36 s in insertRow, bench/README.md).

/** A new last row of `section`, as `section.insertRow()` makes it. */
export function appendRow(section: HTMLTableSectionElement): HTMLTableRowElement {
  return section.appendChild(section.ownerDocument.createElement("tr"));
}
