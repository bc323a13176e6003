// Pupils per provider over the study years: the largest providers one by one, the rest as one bar
// "overige aanbieders". A pupil helped by two providers counts at both, so the bars add up to
// pupil–provider pairs, not to pupils; the description on the page says so.

import type {Column} from "../lib/csv.js";
import {formatCount} from "../lib/format.js";
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
  /** Sum of the published totals (for "overige": of its published providers). */
  pupils: number;
  /** Per year, as published (for "overige": summed over the published counts). */
  perYear: {year: number; pupils: Count}[];
  other: boolean;
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
    other: false
  }));
  const restWithheld = rest.filter((r) => drawable(r.total) === null);
  if (rest.length > 0) {
    bars.push({
      label: `Overige ${formatCount(rest.length)} aanbieders`,
      pupils: rest.reduce((s, r) => s + (drawable(r.total) ?? 0), 0),
      perYear: years.map((year, i) => ({year, pupils: rest.reduce((s, r) => s + (drawable(r.perYear[i].pupils) ?? 0), 0)})),
      other: true
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

export function providerColumns(series: ProviderSeries): Column<ProviderBar>[] {
  const years = series.bars[0]?.perYear.map((y) => y.year) ?? [];
  return [
    {label: "Aanbieder", value: (b) => b.label},
    ...years.map((year, i): Column<ProviderBar> => ({label: String(year), value: (b) => b.perYear[i].pupils, kind: "count"})),
    {label: "Alle jaren (leerlingen)", value: (b) => b.pupils, kind: "count"}
  ];
}

export function ProviderChart(rows: ProviderRow[], {width = 640, top = 15}: {width?: number; top?: number} = {}): SVGSVGElement | HTMLElement {
  return horizontalBars(providerSeries(rows, {top}).bars, {
    width,
    ariaLabel: "Staafdiagram: leerlingen per zorgaanbieder, de grootste aanbieders apart en de rest samen",
    label: (b) => b.label,
    value: (b) => b.pupils,
    text: (b) => formatCount(b.pupils),
    fill: (b) => (b.other ? NEUTRAL : PAIR_COLORS[0]),
    marginLeft: 170,
    rowHeight: 22
  });
}
