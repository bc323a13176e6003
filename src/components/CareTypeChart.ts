// Tabel 3 as a chart: distinct pupils per care type per year, one colour per care type, the years of
// a care type side by side. A care type at zero in some years and not in others is a change in how
// care was booked, and the page says so from these rows (careTypeGaps), not from a fixed list.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import {formatCount, formatCountTick} from "../lib/format.js";
import {drawable, withheldMarks, type Count} from "./chartParts.js";
import {CARE_TYPE_COLORS, NEUTRAL} from "./palette.js";

export interface CareTypeRow {
  careType: string;
  label: string;
  perYear: {year: number; pupils: Count}[];
}

export interface CareTypeBar {
  careType: string;
  label: string;
  year: string;
  /** Null when withheld: drawn as "·", not as a bar. */
  pupils: number | null;
}

/** One entry per care type and year, in the rows' order; withheld counts keep their place as null. */
export function careTypeBars(rows: CareTypeRow[]): CareTypeBar[] {
  return rows.flatMap((r) => r.perYear.map((y) => ({careType: r.careType, label: r.label, year: String(y.year), pupils: drawable(y.pupils)})));
}

export interface CareTypeGap {
  careType: string;
  label: string;
  /** Years with no pupil at all while other years have some. */
  years: number[];
}

/** Care types that are empty in some years but not in all: a change in the data, worth a sentence. */
export function careTypeGaps(rows: CareTypeRow[]): CareTypeGap[] {
  return rows.flatMap((r) => {
    const empty = r.perYear.filter((y) => y.pupils === 0).map((y) => y.year);
    return empty.length > 0 && empty.length < r.perYear.length ? [{careType: r.careType, label: r.label, years: empty}] : [];
  });
}

/** "Specialistische GGZ" → "specialistische GGZ" inside a sentence; "GGZ" stays as it is. */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLocaleLowerCase("nl") + label.slice(1) : label;
}

/** The finding: the two care types with the most pupils in the latest year (withheld counts are small). */
export function careTypeTitle(rows: CareTypeRow[]): string {
  const latest = rows[0]?.perYear.length - 1;
  const ranked = rows
    .map((r) => ({label: r.label, pupils: drawable(r.perYear[latest]?.pupils) ?? 0}))
    .filter((r) => r.pupils > 0)
    .sort((a, b) => b.pupils - a.pupils);
  if (ranked.length === 0) return "Geen leerlingen met jeugdhulp in het laatste jaar";
  const year = rows[0].perYear[latest].year;
  if (ranked.length === 1) return `${ranked[0].label} is in ${year} de enige zorgvorm`;
  return `${ranked[0].label} en ${inSentence(ranked[1].label)} zijn in ${year} de grootste zorgvormen`;
}

/** One row per care type, a column per year: the drawn bars in wide form. */
export function careTypeColumns(rows: CareTypeRow[]): Column<CareTypeRow>[] {
  const years = rows[0]?.perYear.map((y) => y.year) ?? [];
  return [
    {label: "Zorgvorm", value: (r) => r.label},
    ...years.map((year, i): Column<CareTypeRow> => ({label: String(year), value: (r) => r.perYear[i].pupils, kind: "count"}))
  ];
}

export function careTypeColor(careType: string): string {
  return CARE_TYPE_COLORS[careType] ?? NEUTRAL;
}

export function CareTypeChart(rows: CareTypeRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const bars = careTypeBars(rows);
  const drawn = bars.filter((b) => b.pupils !== null);
  const years = [...new Set(bars.map((b) => b.year))];
  const max = Math.max(1, ...drawn.map((b) => b.pupils as number));
  return Plot.plot({
    width,
    height: 30 + rows.length * (years.length * 15 + 14),
    marginLeft: 190,
    marginRight: 40,
    ariaLabel: "Staafdiagram: leerlingen per zorgvorm per jaar",
    fy: {label: null, domain: rows.map((r) => r.label), padding: 0.25},
    y: {label: null, domain: years, axis: null},
    x: {label: "Leerlingen", grid: true, tickFormat: formatCountTick, domain: [0, max * 1.1]},
    marks: [
      Plot.axisFy({anchor: "left", dx: -40, label: null, tickSize: 0, ariaHidden: "true"}),
      Plot.axisY({anchor: "left", tickSize: 0, fontSize: 10, ariaHidden: "true"}),
      Plot.barX(drawn, {fy: "label", y: "year", x: "pupils", fill: (d: CareTypeBar) => careTypeColor(d.careType), ariaHidden: "true"}),
      Plot.text(drawn, {
        fy: "label",
        y: "year",
        x: "pupils",
        text: (d: CareTypeBar) => formatCount(d.pupils),
        textAnchor: "start",
        dx: 4,
        fontSize: 10,
        ariaHidden: "true"
      }),
      withheldMarks(
        bars.filter((b) => b.pupils === null),
        {fy: "label", y: "year", x: 0, textAnchor: "start", dx: 4}
      ),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
