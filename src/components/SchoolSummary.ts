// The short text at the top of a factsheet: the school's own figures in sentences. Generated from the
// published numbers only, so a withheld count is never stated, nor ranked: the sentence says it is
// afgeschermd, never "minder dan 5" (a withheld count may also be one hidden to protect a small one,
// and telling the two apart would say which is small), or it is left out.

import {formatCount, formatPercent, isSuppressedValue} from "../lib/format.js";
import {inSentence} from "./CareTypeChart.js";
import type {FunnelPoint} from "./FunnelPlot.js";
import type {Sheet} from "./factsheetTypes.js";
import {describePattern, latestYear, type SchoolRow} from "./schoolTables.js";

export interface SummaryContext {
  /** The school in the funnel plot of the latest year; null when its count is withheld. */
  funnel: FunnelPoint | null;
  /** Coverage of the limits the sentence uses (0.95 or 0.998). */
  coverage: number;
  /** The school against the usual spread between schools and by age (variationText.ts
   *  schoolVariationSentences); it takes the place of the funnel sentence, which counts chance only. */
  variation?: string;
}

const USE_WORDS = {laag: "laag", gemiddeld: "gemiddeld", hoog: "hoog"} as const;

function pupilsSentence(sheet: Sheet, row: SchoolRow): string {
  const {year, enrolled, pupils} = latestYear(row);
  const {pct, municipalPct: municipal} = sheet.shares.find((s) => s.year === year) ?? {pct: null, municipalPct: null};
  if (isSuppressedValue(pupils)) {
    return `In ${year} had ${sheet.name} ${formatCount(enrolled)} leerlingen. Hoeveel van hen jeugdhulp kregen, is afgeschermd.`;
  }
  const share = typeof pct === "number" ? ` (${formatPercent(pct, 1)})` : "";
  const compare = typeof municipal === "number" ? ` In de hele gemeente was dat ${formatPercent(municipal, 1)}.` : "";
  return `In ${year} kregen ${formatCount(pupils)} van de ${formatCount(enrolled)} leerlingen van ${sheet.name} jeugdhulp${share}.${compare}`;
}

function useSentence(row: SchoolRow): string | null {
  if (row.useCategory === null || isSuppressedValue(row.useCategory)) return null;
  return `Het gebruik van jeugdhulp is op deze school ${USE_WORDS[row.useCategory]}, vergeleken met de andere scholen.`;
}

function growthSentence(row: SchoolRow): string | null {
  if (row.growthPattern === null || isSuppressedValue(row.growthPattern)) return null;
  const first = row.years[0].year;
  return `Het aandeel leerlingen met jeugdhulp ${describePattern(row.growthPattern).verbs} (${first}–${latestYear(row).year}).`;
}

function funnelSentence({funnel, coverage}: SummaryContext): string | null {
  if (funnel === null) return null;
  const side = coverage === 0.95 ? funnel.outside95 : funnel.outside998;
  const limit = formatPercent(coverage * 100, coverage === 0.95 ? 0 : 1);
  // Stands on its own: the printed factsheet does not carry the funnel plot.
  if (side === null) {
    return `Het verschil met de hele gemeente kan toeval zijn: het percentage valt binnen de ${limit}-grenzen voor een school van deze grootte.`;
  }
  const more = side === "boven" ? "meer" : "minder";
  return `Op deze school krijgen ${more} leerlingen jeugdhulp dan door toeval te verwachten is: het percentage ligt ${side} de ${limit}-grens voor een school van deze grootte.`;
}

/** Left out when any of item 7's counts is withheld: "the most used" would rank a withheld count
 *  against the published ones (item 7 lists the withheld ones last, by name). */
function careTypeSentence(sheet: Sheet, year: number): string | null {
  const top = sheet.topCareTypes[0];
  if (!top || sheet.topCareTypes.some((t) => isSuppressedValue(t.pupils))) return null;
  return `De meest gebruikte zorgvorm in ${year} was ${inSentence(top.label)} (${formatCount(top.pupils)} leerlingen).`;
}

/** The factsheet's opening sentences, in Dutch, in a fixed order. */
export function schoolSummary(sheet: Sheet, row: SchoolRow, context: SummaryContext): string[] {
  const year = latestYear(row).year;
  const spread = context.variation ?? funnelSentence(context);
  return [pupilsSentence(sheet, row), useSentence(row), growthSentence(row), spread, careTypeSentence(sheet, year)].filter(
    (s): s is string => s !== null
  );
}

export function SchoolSummary(sheet: Sheet, row: SchoolRow, context: SummaryContext): HTMLElement {
  const box = document.createElement("div");
  box.className = "school-summary";
  for (const sentence of schoolSummary(sheet, row, context)) {
    const p = document.createElement("p");
    p.textContent = sentence;
    box.append(p);
  }
  return box;
}
