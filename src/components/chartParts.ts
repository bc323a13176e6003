// Small pieces the charts of /data-analyse/feiten share: the published count type, how a withheld
// value is marked in a chart, the legend line that explains the mark, and the labelled bar chart.

import * as Plot from "npm:@observablehq/plot";
import {formatCount, formatCountTick, isSuppressedValue, SUPPRESSED_DERIVED, withheldLegend, type SuppressedValue} from "../lib/format.js";

/** A published count: the number, or withheld by the suppression rule. */
export type Count = number | SuppressedValue;

/** The value to draw, or null when it is withheld (never drawn as zero). */
export function drawable(value: Count | null | undefined): number | null {
  return value === null || value === undefined || isSuppressedValue(value) ? null : value;
}

/**
 * The legend of the mark, for a chart whose data holds withheld values; undefined when none is
 * withheld. The chart and its table both show "·".
 */
export function withheldNote(values: unknown[]): string | undefined {
  const counts = values.filter(isSuppressedValue).map((v) => v.minCount);
  if (counts.length === 0) return undefined;
  return withheldLegend(Math.min(...counts));
}

/** A "·" at the zero line where a value is withheld, so a missing bar does not read as zero. */
export function withheldMarks<T>(data: T[], channels: Plot.TextOptions): Plot.Text {
  return Plot.text(data, {text: () => SUPPRESSED_DERIVED, fontSize: 16, fontWeight: "bold", ariaHidden: "true", ...channels});
}

export interface HorizontalBarsOptions<T> {
  width: number;
  ariaLabel: string;
  /** The row's name on the y axis; unique per row. */
  label: (d: T) => string;
  /** The bar's length in pupils; null when withheld (drawn as "·", not as a bar). */
  value: (d: T) => number | null;
  /** The text right of the bar. */
  text: (d: T) => string;
  fill: (d: T) => string;
  marginLeft: number;
  rowHeight?: number;
  /** Room right of the longest bar for its text, as a share of that bar. */
  labelRoom?: number;
}

/** One labelled horizontal bar of pupils per row, in the rows' order (Tabel 4, Tabel 5, providers). */
export function horizontalBars<T>(rows: T[], options: HorizontalBarsOptions<T>): SVGSVGElement | HTMLElement {
  const {width, ariaLabel, label, value, text, fill, marginLeft, rowHeight = 28, labelRoom = 0.15} = options;
  const drawn = rows.filter((d) => value(d) !== null);
  const max = Math.max(1, ...drawn.map((d) => value(d) as number));
  return Plot.plot({
    width,
    height: 40 + rows.length * rowHeight,
    marginLeft,
    marginRight: 20,
    ariaLabel,
    y: {label: null, domain: rows.map(label), tickSize: 0},
    x: {label: "Leerlingen", grid: true, tickFormat: formatCountTick, domain: [0, max * (1 + labelRoom)]},
    marks: [
      Plot.barX(drawn, {y: label, x: value, fill, ariaHidden: "true"}),
      Plot.text(drawn, {y: label, x: value, text, textAnchor: "start", dx: 4, ariaHidden: "true"}),
      withheldMarks(
        rows.filter((d) => value(d) === null),
        {y: label, x: 0, textAnchor: "start", dx: 4}
      ),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
