// Small pieces the charts of /data-analyse/feiten share: the published count type, how a withheld
// value is marked in a chart, and the legend line that explains the mark.

import * as Plot from "npm:@observablehq/plot";
import {isSuppressedValue, SUPPRESSED_DERIVED, type SuppressedValue} from "../lib/format.js";

/** A published count: the number, or withheld by the suppression rule. */
export type Count = number | SuppressedValue;

/** The value to draw, or null when it is withheld (never drawn as zero). */
export function drawable(value: Count | null | undefined): number | null {
  return value === null || value === undefined || isSuppressedValue(value) ? null : value;
}

/**
 * The legend of the "·" mark, for a chart whose data holds withheld values; undefined when none is
 * withheld. Plain counts read "< 5" in the table, so the note names the threshold too.
 */
export function withheldNote(values: unknown[]): string | undefined {
  const counts = values.filter(isSuppressedValue).map((v) => v.minCount);
  if (counts.length === 0) return undefined;
  return `${SUPPRESSED_DERIVED} = afgeschermd: minder dan ${Math.min(...counts)} leerlingen, of afgeleid van zo'n klein aantal.`;
}

/** A "·" at the zero line where a value is withheld, so a missing bar does not read as zero. */
export function withheldMarks<T>(data: T[], channels: Plot.TextOptions): Plot.Text {
  return Plot.text(data, {text: () => SUPPRESSED_DERIVED, fontSize: 16, fontWeight: "bold", ariaHidden: "true", ...channels});
}
