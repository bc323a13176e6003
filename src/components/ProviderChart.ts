// Pupils per provider over the study years: the largest providers one by one, the rest as one bar
// "overige aanbieders". A pupil helped by two providers counts at both, so the bars add up to
// pupil–provider pairs, not to pupils; the description on the page says so.

import type {Column} from "../lib/csv.js";
import {formatCount, isSuppressedValue, SUPPRESSED_DERIVED, type SuppressedValue} from "../lib/format.js";
import {drawable, horizontalBars, type Count} from "./chartParts.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export interface ProviderRow {
  provider: string;
  perYear: {year: number; pupils: Count}[];
  /** Distinct pupils over all study years. */
  total: Count;
}

export interface ProviderBar {
  label: string;
  /**
   * The provider's total. For "overige": the sum of its published totals, a lower bound when some are
   * withheld, and null when all are (the rest is then unknown, never 0).
   */
  pupils: number | null;
  /** Per year, as published (for "overige": summed over the published counts, as above). */
  perYear: {year: number; pupils: Count}[];
  other: boolean;
  /** For "overige": how many of its providers have a withheld total, and per year a withheld count. */
  withheld: number;
  perYearWithheld: number[];
}

/**
 * The sum of the published counts, honest about the withheld ones: the sum itself when none is
 * withheld, "≥ sum" (at least) when some are, and withheld (`mark`, shown "·" like any withheld
 * count) when every non-zero count is withheld.
 */
function restSum(counts: Count[]): {sum: number | null; withheld: number; mark: SuppressedValue | undefined} {
  const withheld = counts.filter((c) => drawable(c) === null).length;
  const sum = counts.reduce((s: number, c) => s + (drawable(c) ?? 0), 0);
  return {sum: withheld > 0 && sum === 0 ? null : sum, withheld, mark: counts.find(isSuppressedValue)};
}

/** "12", "≥ 12" or "·": a bar's count as text, for the chart and its table. */
export function providerCountText(value: number | null, withheld: number): string {
  if (value === null) return SUPPRESSED_DERIVED;
  return withheld > 0 ? `≥ ${formatCount(value)}` : formatCount(value);
}

export interface ProviderSeries {
  bars: ProviderBar[];
  /** Providers in the "overige" bar, and how many of them have a withheld total (not in its sum). */
  otherProviders: number;
  otherWithheld: number;
  /**
   * The fewest largest providers that together certainly hold at least half of all pupil–provider
   * pairs: a withheld total counts at its largest possible value (minCount − 1), so the claim holds
   * whatever the hidden values are. Null when there are no providers.
   */
  halfBy: number | null;
}

export function providerSeries(rows: ProviderRow[], {top = 15}: {top?: number} = {}): ProviderSeries {
  // Withheld totals are published last, so the shown providers are the largest published ones.
  const published = rows.filter((r) => drawable(r.total) !== null);
  const shown = published.slice(0, top);
  const rest = rows.filter((r) => !shown.includes(r));
  const years = rows[0]?.perYear.map((y) => y.year) ?? [];
  const bars: ProviderBar[] = shown.map((r) => ({
    label: r.provider,
    pupils: r.total as number,
    perYear: r.perYear,
    other: false,
    withheld: 0,
    perYearWithheld: years.map(() => 0)
  }));
  const restWithheld = rest.filter((r) => drawable(r.total) === null);
  if (rest.length > 0) {
    const total = restSum(rest.map((r) => r.total));
    const perYear = years.map((year, i) => ({year, ...restSum(rest.map((r) => r.perYear[i].pupils))}));
    bars.push({
      label: `Overige ${formatCount(rest.length)} aanbieders`,
      pupils: total.sum,
      perYear: perYear.map(({year, sum, mark}) => ({year, pupils: sum ?? (mark as SuppressedValue)})),
      other: true,
      withheld: total.withheld,
      perYearWithheld: perYear.map((y) => y.withheld)
    });
  }
  return {bars, otherProviders: rest.length, otherWithheld: restWithheld.length, halfBy: halfBy(rows)};
}

function halfBy(rows: ProviderRow[]): number | null {
  if (rows.length === 0) return null;
  const upper = (c: Count) => drawable(c) ?? (c as {minCount: number}).minCount - 1;
  const total = rows.reduce((s, r) => s + upper(r.total), 0);
  let sum = 0;
  for (let k = 0; k < rows.length; k++) {
    sum += drawable(rows[k].total) ?? 0;
    if (2 * sum >= total) return k + 1;
  }
  return rows.length;
}

/** The finding: how few of all providers give half of the help. */
export function providerTitle(series: ProviderSeries, providerCount: number): string {
  if (series.halfBy === null) return "Geen aanbieders van jeugdhulp in deze gegevens";
  return `${formatCount(series.halfBy)} van de ${formatCount(providerCount)} aanbieders geven samen de helft van de hulp`;
}

/** A year's count; for "overige" with withheld counts in that year, "≥ n" or "·" as text. */
function yearText(bar: ProviderBar, i: number): Count | string {
  const {pupils} = bar.perYear[i];
  if (!bar.other || bar.perYearWithheld[i] === 0) return pupils;
  return providerCountText(drawable(pupils), bar.perYearWithheld[i]);
}

/** The note under the chart when the rest holds withheld providers; null when it holds none. */
export function providerRestNote(series: ProviderSeries): string | null {
  const rest = series.bars.find((b) => b.other);
  if (!rest || rest.withheld === 0) return null;
  const all = rest.withheld === series.otherProviders;
  return all
    ? `Van elk van de ${formatCount(series.otherProviders)} overige aanbieders is het aantal afgeschermd; hun aantal samen is daarom niet bekend („${SUPPRESSED_DERIVED}”), maar is niet 0.`
    : `Van ${formatCount(rest.withheld)} van de ${formatCount(series.otherProviders)} overige aanbieders is het aantal afgeschermd en niet meegeteld; „≥” betekent: minstens.`;
}

export function providerColumns(series: ProviderSeries): Column<ProviderBar>[] {
  const years = series.bars[0]?.perYear.map((y) => y.year) ?? [];
  return [
    {label: "Aanbieder", value: (b) => b.label},
    ...years.map((year, i): Column<ProviderBar> => ({label: String(year), value: (b) => yearText(b, i), kind: "count"})),
    {label: "Alle jaren (leerlingen)", value: (b) => (b.other ? providerCountText(b.pupils, b.withheld) : b.pupils), kind: "count"}
  ];
}

export function ProviderChart(rows: ProviderRow[], {width = 640, top = 15}: {width?: number; top?: number} = {}): SVGSVGElement | HTMLElement {
  return horizontalBars(providerSeries(rows, {top}).bars, {
    width,
    ariaLabel: "Staafdiagram: leerlingen per zorgaanbieder, de grootste aanbieders apart en de rest samen",
    label: (b) => b.label,
    value: (b) => b.pupils,
    text: (b) => (b.other ? providerCountText(b.pupils, b.withheld) : formatCount(b.pupils)),
    fill: (b) => (b.other ? NEUTRAL : PAIR_COLORS[0]),
    marginLeft: 170,
    rowHeight: 22
  });
}
