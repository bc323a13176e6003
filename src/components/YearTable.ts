// Pupils, youth care and trajectories per study year, as a small accessible table.

import type {Column} from "../lib/csv.js";
import type {SuppressedValue} from "../lib/format.js";
import {DataTable} from "./ChartFigure.js";

type Published<T> = T | SuppressedValue | null;

export interface YearRow {
  year: number;
  enrolled: number;
  pupils: Published<number>;
  pct: Published<number>;
  trajectories: Published<number>;
  trajectoriesPerPupil: Published<number>;
}

const COLUMNS: Column<YearRow>[] = [
  {label: "Jaar", value: (r) => String(r.year)},
  {label: "Leerlingen", value: (r) => r.enrolled, kind: "count"},
  {label: "Met jeugdhulp", value: (r) => r.pupils, kind: "count"},
  {label: "Percentage", value: (r) => r.pct, kind: "percent", decimals: 2},
  {label: "Trajecten", value: (r) => r.trajectories, kind: "count"},
  {label: "Trajecten per leerling", value: (r) => r.trajectoriesPerPupil, kind: "number", decimals: 2}
];

export function YearTable(rows: YearRow[], {caption}: {caption: string}): HTMLTableElement {
  return DataTable(COLUMNS, rows, {caption});
}
