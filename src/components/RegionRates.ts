// The region's municipalities side by side: per municipality and per year the share of pupils with
// youth care (the municipal total row of each report), with the region's own row last. A year a
// municipality has no data for shows "–"; a withheld share "·".

import type {Column} from "../lib/csv.js";
import type {SuppressedValue} from "../lib/format.js";
import {DataTable} from "./ChartFigure.js";

type Published<T> = T | SuppressedValue;

export interface RegionRateYear {
  year: number;
  enrolled: number;
  pupils: Published<number>;
  pct: Published<number | null>;
}

export interface RegionRateRow {
  name: string;
  years: RegionRateYear[];
}

/** Columns: the name, then one per year that any row has, in order. */
export function RegionRates(rows: RegionRateRow[], {caption}: {caption: string}): HTMLTableElement {
  const years = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
  const columns: Column<RegionRateRow>[] = [
    {label: "Gemeente", value: (r) => r.name},
    ...years.map((year): Column<RegionRateRow> => ({label: String(year), value: (r) => r.years.find((y) => y.year === year)?.pct ?? null, kind: "percent", decimals: 2}))
  ];
  return DataTable(columns, rows, {caption});
}
