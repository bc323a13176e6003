// The region's totals per year: pupils, pupils with youth care (the sum of its municipalities' counts,
// withheld when one of them is) and the share.

import type {Column} from "../lib/csv.js";
import {DataTable} from "./ChartFigure.js";
import type {RegionRateYear} from "./RegionRates.js";

const COLUMNS: Column<RegionRateYear>[] = [
  {label: "Jaar", value: (r) => String(r.year)},
  {label: "Leerlingen", value: (r) => r.enrolled, kind: "count"},
  {label: "Met jeugdhulp", value: (r) => r.pupils, kind: "count"},
  {label: "Percentage", value: (r) => r.pct, kind: "percent", decimals: 2}
];

export function RegionTotals(rows: RegionRateYear[], {caption}: {caption: string}): HTMLTableElement {
  return DataTable(COLUMNS, rows, {caption});
}
