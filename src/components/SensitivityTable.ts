// How much each factor test depends on choices the report made (statistics.json, issue 12): per
// factor the p-value under each variant, raw and after Holm, and a word where the verdict changes
// with the choice. The mark is a word, never colour alone.

import {DataTable} from "./ChartFigure.js";
import {pValueText} from "./CrossTable.js";
import type {Statistics} from "./variationText.js";
import {scrolling, withCsv} from "./VariationTable.js";
import {toCsv, type Column} from "../lib/csv.js";

type Sensitivity = Statistics["sensitivity"];
type FactorRow = Sensitivity["factors"][number];
type VariantKey = keyof FactorRow["pValues"];

export const FRAGILE_LABEL = "kwetsbaar";

/** The factors whose verdict at α flips with a choice (raw or adjusted), by label. */
export function fragileFactors(sensitivity: Sensitivity): string[] {
  return sensitivity.factors.filter((f) => f.fragile).map((f) => f.label);
}

/** "0,063 (0,38)": the raw p-value with the Holm-adjusted one in brackets. */
function pair(f: FactorRow, key: VariantKey): string {
  const raw = f.pValues[key];
  const holm = f.holmP[key];
  return raw === null ? "–" : `${pValueText(raw)} (${pText(holm)})`;
}

const pText = (p: number | null) => (p === null ? "–" : pValueText(p));

function verdictColumn(): Column<FactorRow> {
  return {label: "Oordeel hangt af van de keuze", value: (f) => (f.fragile ? FRAGILE_LABEL : "nee")};
}

/** The CSV: the raw and the Holm p-value of each variant in columns of their own. */
export function sensitivityCsvColumns(sensitivity: Sensitivity): Column<FactorRow>[] {
  return [
    {label: "Factor", value: (f) => f.label},
    ...sensitivity.variants.flatMap((v): Column<FactorRow>[] => [
      {label: `${v.label}: p-waarde`, value: (f) => pText(f.pValues[v.key as VariantKey])},
      {label: `${v.label}: na Holm-correctie`, value: (f) => pText(f.holmP[v.key as VariantKey])}
    ]),
    verdictColumn()
  ];
}

export function SensitivityTable(sensitivity: Sensitivity, {caption}: {caption: string}): HTMLElement {
  const table = DataTable(
    [
      {label: "Factor", value: (f: FactorRow) => f.label},
      ...sensitivity.variants.map((v) => ({label: v.label, value: (f: FactorRow) => pair(f, v.key as VariantKey)})),
      verdictColumn()
    ],
    sensitivity.factors,
    {caption}
  );
  return withCsv(scrolling(table), () => toCsv(sensitivityCsvColumns(sensitivity), sensitivity.factors), "gevoeligheid-factoren.csv");
}
