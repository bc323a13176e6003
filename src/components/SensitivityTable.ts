// How much each factor test depends on choices the report made (statistics.json, issue 12): per
// factor the p-value under each variant, raw and after Holm, and a word where the verdict changes
// with the choice. The mark is a word, never colour alone.

import {DataTable} from "./ChartFigure.js";
import {pValueText} from "./CrossTable.js";
import type {Statistics} from "./variationText.js";

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
  return raw === null ? "–" : `${pValueText(raw)} (${holm === null ? "–" : pValueText(holm)})`;
}

export function SensitivityTable(sensitivity: Sensitivity, {caption}: {caption: string}): HTMLTableElement {
  return DataTable(
    [
      {label: "Factor", value: (f: FactorRow) => f.label},
      ...sensitivity.variants.map((v) => ({label: v.label, value: (f: FactorRow) => pair(f, v.key as VariantKey)})),
      {label: "Oordeel hangt af van de keuze", value: (f: FactorRow) => (f.fragile ? FRAGILE_LABEL : "nee")}
    ],
    sensitivity.factors,
    {caption}
  );
}
