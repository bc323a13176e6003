// Factsheet item 8. The 2020 report listed a school's three most expensive pupils, and schools then
// tried to work out who they were. Here the school sees only how its pupils spread over the cost
// bands, its share of the municipality's cost, and how many are still in care: no single pupil.

import type {Column} from "../lib/csv.js";
import {formatCount, formatDate, formatPercent, isSuppressedValue} from "../lib/format.js";
import {DataTable} from "./ChartFigure.js";
import type {SheetCostBand, SheetCosts} from "./factsheetTypes.js";

export const costColumns: Column<SheetCostBand>[] = [
  {label: "Kosten per leerling", value: (b) => b.label},
  {label: "Leerlingen", value: (b) => b.pupils, kind: "count"},
  {label: "Aandeel", value: (b) => b.pct, kind: "percent", decimals: 1}
];

/** The sentences under the table; a withheld number is named as afgeschermd, never as "minder dan 5". */
export function costSentences(costs: SheetCosts, statusDate: string): string[] {
  const sentences: string[] = [];
  const {pupils, stillInCare, shareOfMunicipalCostPct: share} = costs;
  if (isSuppressedValue(pupils)) sentences.push("Hoeveel leerlingen van deze school jeugdhulp met kosten hadden, is afgeschermd.");
  else if (pupils === 0) return ["Geen leerling van deze school had jeugdhulp met kosten."];
  else sentences.push(`${formatCount(pupils)} leerlingen van deze school hadden jeugdhulp met kosten.`);
  if (typeof share === "number") sentences.push(`Samen waren dat ${formatPercent(share)} van alle kosten voor jeugdhulp aan basisschoolleerlingen in de gemeente.`);
  const date = formatDate(statusDate);
  if (isSuppressedValue(stillInCare)) sentences.push(`Hoeveel van hen op ${date} nog in zorg waren, is afgeschermd.`);
  else if (stillInCare === 0) sentences.push(`Op ${date} was geen van hen nog in zorg.`);
  else sentences.push(`Op ${date} ${stillInCare === 1 ? "was" : "waren"} ${formatCount(stillInCare)} van hen nog in zorg; hun kosten kunnen nog stijgen.`);
  return sentences;
}

export function FactsheetCosts(costs: SheetCosts, {statusDate}: {statusDate: string}): HTMLElement {
  const box = document.createElement("div");
  box.className = "factsheet-costs";
  const text = document.createElement("p");
  text.textContent = costSentences(costs, statusDate).join(" ");
  box.append(DataTable(costColumns, costs.bands, {caption: "Leerlingen met jeugdhulp naar kosten per leerling"}), text);
  return box;
}
