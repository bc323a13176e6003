// How much each factor test depends on choices the report made (statistics.json, issue 12): per
// factor the p-value under each variant, raw and after Holm, and a word where the verdict changes
// with the choice. The mark is a word, never colour alone.

import {pValueText} from "./CrossTable.js";

// Type-only: erased when Framework transpiles this file, so no loader code reaches the browser.
import type {PublicStatistics} from "../../loaders/tables/statistics.js";

type Sensitivity = PublicStatistics["sensitivity"];
type FactorRow = Sensitivity["factors"][number];

export const FRAGILE_LABEL = "kwetsbaar";

/** The factors whose verdict at α flips with a choice (raw or adjusted), by label. */
export function fragileFactors(sensitivity: Sensitivity): string[] {
  return sensitivity.factors.filter((f) => f.fragile).map((f) => f.label);
}

function cell(row: HTMLTableRowElement, text: string, right = true): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  td.style.verticalAlign = "top";
  if (right) td.style.textAlign = "right";
  return td;
}

function pair(f: FactorRow, key: string): string {
  const raw = f.pValues[key as keyof FactorRow["pValues"]];
  const holm = f.holmP[key as keyof FactorRow["holmP"]];
  return raw === null ? "–" : `${pValueText(raw)} (${holm === null ? "–" : pValueText(holm)})`;
}

export function SensitivityTable(sensitivity: Sensitivity, {caption, factors}: {caption: string; factors?: string[]}): HTMLTableElement {
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  const th = (text: string, right: boolean) => {
    const el = document.createElement("th");
    el.scope = "col";
    el.textContent = text;
    if (right) el.style.textAlign = "right";
    head.append(el);
  };
  th("Factor", false);
  for (const v of sensitivity.variants) th(v.label, true);
  th("Oordeel hangt af van de keuze", false);
  const body = table.createTBody();
  for (const f of sensitivity.factors.filter((f) => !factors || factors.includes(f.factor))) {
    const row = body.insertRow();
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = f.label;
    row.append(name);
    for (const v of sensitivity.variants) cell(row, pair(f, v.key));
    const mark = cell(row, f.fragile ? FRAGILE_LABEL : "nee", false);
    if (f.fragile) mark.style.fontWeight = "bold";
  }
  return table;
}
