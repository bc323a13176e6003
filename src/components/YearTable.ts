// Pupils, youth care and trajectories per study year, as a small accessible table.

import {formatCount, formatDecimal, formatPercent, type SuppressedValue} from "../lib/format.js";

type Published<T> = T | SuppressedValue | null;

export interface YearRow {
  year: number;
  enrolled: number;
  pupils: Published<number>;
  pct: Published<number>;
  trajectories: Published<number>;
  trajectoriesPerPupil: Published<number>;
}

const COLUMNS: [string, (r: YearRow) => string][] = [
  ["Jaar", (r) => String(r.year)],
  ["Leerlingen", (r) => formatCount(r.enrolled)],
  ["Met jeugdhulp", (r) => formatCount(r.pupils)],
  ["Percentage", (r) => formatPercent(r.pct, 2)],
  ["Trajecten", (r) => formatCount(r.trajectories)],
  ["Trajecten per leerling", (r) => formatDecimal(r.trajectoriesPerPupil, 2)]
];

export function YearTable(rows: YearRow[], {caption}: {caption: string}): HTMLTableElement {
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const [label] of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    if (label !== "Jaar") th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    COLUMNS.forEach(([label, value], i) => {
      const cell = i === 0 ? document.createElement("th") : tr.insertCell();
      if (i === 0) {
        (cell as HTMLTableCellElement).scope = "row";
        tr.append(cell);
      } else cell.style.textAlign = "right";
      cell.textContent = value(row);
      if (label === "Jaar") cell.style.fontWeight = "normal";
    });
  }
  return table;
}
