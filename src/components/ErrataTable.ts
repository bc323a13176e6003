// The 2020 report's errata next to what this site does about each, as an accessible table. Reads the
// `errata` of rapport2020.json (data/default/inhoud/gepubliceerd/errata.csv); the texts are already Dutch and our own words.

// Type-only: erased when Framework transpiles this file, so no loader code reaches the browser.
import type {Erratum} from "../../loaders/published.js";
import {appendRow} from "./tableRows.js";

export type {Erratum};

const COLUMNS: [label: string, value: (e: Erratum) => string][] = [
  ["Wat het rapport zegt", (e) => e.reportSays],
  ["Wat niet klopt", (e) => e.inconsistency],
  ["Wat deze site doet", (e) => e.handling]
];

/** Row ids ("erratum-e01") let other pages link to the one erratum they mention. */
export function erratumAnchor(id: string): string {
  return `erratum-${id.toLowerCase()}`;
}

export function ErrataTable(errata: Erratum[], {caption}: {caption: string}): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "errata";
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const label of ["Nr.", ...COLUMNS.map(([label]) => label)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const erratum of errata) {
    const tr = appendRow(body);
    tr.id = erratumAnchor(erratum.id);
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = erratum.id;
    th.style.verticalAlign = "top";
    tr.append(th);
    for (const [, value] of COLUMNS) {
      const cell = tr.insertCell();
      cell.textContent = value(erratum);
      cell.style.verticalAlign = "top";
    }
  }
  return table;
}
