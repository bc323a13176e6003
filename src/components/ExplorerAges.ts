// Youth care per 100 pupils of each age group (age on 1 July): one line per chosen year, as the
// report's age curves. Per 100 pupils of the group, because the groups differ in size (the oldest
// holds few pupils). A withheld point is a gap in its line, never drawn as zero or bridged.

import * as Plot from "npm:@observablehq/plot";
import {numberAxis, spreadValues} from "../lib/chartLayout.js";
import type {AgeRow} from "../lib/explorerViews.js";
import {formatDecimal} from "../lib/format.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

/** Below this width the age groups are written short on the axis ("10–11", "12+"). */
const SHORT_LABELS_BELOW = 560;

/** "10–11 jaar" → "10–11", "t/m 5 jaar" → "t/m 5", "12 jaar en ouder" → "12+": the axis says "jaar". */
export function shortAgeLabel(label: string): string {
  return label.replace(/ jaar en ouder$/, "+").replace(/ jaar$/, "");
}

const HEIGHT = 300;
const MARGIN_TOP = 20;
const MARGIN_BOTTOM = 40;

export function ExplorerAges(rows: AgeRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const value = (r: AgeRow) => (typeof r.per100 === "number" ? r.per100 : NaN);
  const drawn = rows.filter((r) => !Number.isNaN(value(r)));
  if (drawn.length === 0) {
    const message = document.createElement("p");
    message.textContent = "Niets te tekenen: elk cijfer per leeftijd in deze selectie is afgeschermd of heeft geen leerlingen.";
    return message;
  }
  const years = [...new Set(rows.map((r) => r.year))];
  const labels = [...new Set(rows.map((r) => r.label))];
  const short = width < SHORT_LABELS_BELOW;
  // The latest year strongest; earlier years in the second colour and grey.
  const colors = years.map((_, i) => (i === years.length - 1 ? PAIR_COLORS[0] : i === years.length - 2 ? PAIR_COLORS[1] : NEUTRAL));
  const yMax = Math.max(1, ...drawn.map(value)) * 1.15;
  // Each year's name at its last drawn point; names at the same age group are moved apart.
  const ends = years.flatMap((year) => drawn.filter((r) => r.year === year).slice(-1));
  const endValues = spreadValues(ends.map(value), ends.map((r) => r.label), {yMax, height: HEIGHT, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM});
  const endLabels = ends.map((r, i) => ({...r, labelValue: endValues[i]}));
  return Plot.plot({
    width,
    height: HEIGHT,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: 50,
    marginRight: 50,
    ariaLabel: "Lijndiagram: leerlingen met jeugdhulp per 100 leerlingen per leeftijdsgroep, per jaar",
    x: {type: "point", domain: labels, label: short ? "Leeftijd op 1 juli (jaar)" : "Leeftijd op 1 juli", padding: 0.3, tickFormat: short ? shortAgeLabel : undefined},
    // Ticks and their decimals follow the domain: labels never repeat ("0 0 1 1 1").
    y: {label: "Met jeugdhulp per 100 leerlingen", grid: true, domain: [0, yMax], ...numberAxis(yMax, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)},
    color: {domain: years, range: colors},
    marks: [
      Plot.line(rows, {x: "label", y: value, z: "year", stroke: "year", strokeWidth: 2, ariaHidden: "true"}),
      Plot.dot(drawn, {x: "label", y: value, fill: "year", r: 3.5, title: (r: AgeRow) => `${r.label}, ${r.year}: ${formatDecimal(value(r), 1)}`, ariaHidden: "true"}),
      // A swatch in the line's colour, the year in the text colour (orange text is hard to read).
      Plot.dot(endLabels, {x: "label", y: "labelValue", fill: "year", symbol: "square", r: 3.5, dx: 11, ariaHidden: "true"}),
      Plot.text(endLabels, {x: "label", y: "labelValue", text: (r: AgeRow) => String(r.year), fill: "currentColor", textAnchor: "start", dx: 18, fontSize: 11, ariaHidden: "true"}),
      Plot.ruleY([0], {ariaHidden: "true"})
    ]
  });
}
