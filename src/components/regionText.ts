// Sentences of the region pages (issue 13 item 1), from the region's file: no hole when a value is
// withheld, "begon aan" or "kreeg" after the reports' definition, and only what the numbers show.
import {formatCount, formatPercent, formatShare, isSuppressedValue, type SuppressedValue} from "../lib/format.js";
import type {RegionRateYear} from "./RegionRates.js";

type Definition = "started" | "active";

/** The region's share in one year, or why it is not shown. */
export function regionSentence(row: RegionRateYear, definition: Definition): string {
  const what = definition === "started" ? "aan jeugdhulp begonnen" : "jeugdhulp kregen";
  if (isSuppressedValue(row.pupils)) {
    return `Hoeveel leerlingen in de regio in ${row.year} ${what}, is afgeschermd: het aantal van ten minste één gemeente is afgeschermd, en de som zou het terug laten rekenen.`;
  }
  if (row.pupils === 0) return `In ${row.year} ${definition === "started" ? "begon geen van de leerlingen in de regio aan jeugdhulp" : "kreeg geen van de leerlingen in de regio jeugdhulp"}.`;
  const share = formatShare(row.pupils, row.enrolled, 2);
  const verb = definition === "started" ? "begon" : "kreeg";
  return `In ${row.year} ${verb} ${share} van de leerlingen in de regio ${definition === "started" ? "aan jeugdhulp" : "jeugdhulp"}: ${formatCount(row.pupils)} van de ${formatCount(row.enrolled)}.`;
}

/** Which municipality had the highest and lowest published share in a year; "" when fewer than two are shown. */
export function rangeAcrossMunicipalities(rows: {name: string; years: RegionRateYear[]}[], year: number): string {
  const shown = rows
    .map((r) => ({name: r.name, pct: r.years.find((y) => y.year === year)?.pct as number | SuppressedValue | null | undefined}))
    .filter((r): r is {name: string; pct: number} => typeof r.pct === "number");
  if (shown.length < 2) return "";
  const sorted = [...shown].sort((a, b) => a.pct - b.pct || a.name.localeCompare(b.name, "nl"));
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  if (low.pct === high.pct) return `In ${year} was het percentage in elke gemeente met een getoond percentage even hoog.`;
  const fmt = (n: number) => formatPercent(n, 2);
  return `In ${year} was het percentage het laagst in ${low.name} (${fmt(low.pct)}) en het hoogst in ${high.name} (${fmt(high.pct)})${shown.length < rows.length ? `; van ${rows.length - shown.length === 1 ? "één gemeente" : `${rows.length - shown.length} gemeenten`} is het afgeschermd` : ""}.`;
}
