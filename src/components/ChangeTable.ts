// Per school, whether its change between two consecutive years is more than chance: Fisher's exact
// p-value, the value after Holm over the schools of that pair of years, and the verdict that follows
// the adjusted value. Withheld values read "·".

import {DataTable} from "./ChartFigure.js";
import {pValueText} from "./CrossTable.js";
import {beyondNoise, orWithheld, type Statistics, type YearChange} from "./variationText.js";
import {scrolling, withCsv} from "./VariationTable.js";
import {toCsv, type Column} from "../lib/csv.js";

export function changeColumns(statistics: Statistics): Column<YearChange>[] {
  return [
    {label: "School", value: (c) => c.name},
    {label: "Van – naar", value: (c) => `${c.from} – ${c.to}`},
    {label: "p-waarde", value: (c) => orWithheld(c.pValue, pValueText)},
    {label: "Na Holm-correctie", value: (c) => orWithheld(c.holmP, pValueText)},
    {
      label: "Meer dan toeval?",
      value: (c) => {
        const beyond = beyondNoise(c, statistics.alpha);
        return orWithheld(c.holmP, () => (beyond ? "ja" : "nee"));
      }
    }
  ];
}

export function ChangeTable(statistics: Statistics, {caption, schoolId = null}: {caption: string; schoolId?: string | null}): HTMLElement {
  const rows = statistics.changes.filter((c) => schoolId === null || c.schoolId === schoolId);
  const columns = changeColumns(statistics);
  const filename = schoolId === null ? "verandering-per-school.csv" : `verandering-${schoolId.toLowerCase()}.csv`;
  const element = withCsv(scrolling(DataTable(columns, rows, {caption})), () => toCsv(columns, rows), filename);
  element.className = "change-table";
  return element;
}
