// Youth care per 100 pupils of each age group (age on 1 July): one line per chosen year, as the
// report's age curves. Per 100 pupils of the group, because the groups differ in size (the oldest
// holds few pupils). A withheld point is left out of its line, never drawn as zero.

import * as Plot from "npm:@observablehq/plot";
import type {AgeRow} from "../lib/explorerViews.js";
import {formatDecimal} from "../lib/format.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";

export function ExplorerAges(rows: AgeRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const drawn = rows.filter((r) => typeof r.per100 === "number");
  const years = [...new Set(rows.map((r) => r.year))];
  const labels = [...new Set(rows.map((r) => r.label))];
  // The latest year strongest; earlier years in the second colour and grey.
  const colors = years.map((_, i) => (i === years.length - 1 ? PAIR_COLORS[0] : i === years.length - 2 ? PAIR_COLORS[1] : NEUTRAL));
  const max = Math.max(1, ...drawn.map((r) => r.per100 as number));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 50,
    marginRight: 60,
    ariaLabel: "Lijndiagram: leerlingen met jeugdhulp per 100 leerlingen per leeftijdsgroep, per jaar",
    x: {type: "point", domain: labels, label: "Leeftijd op 1 juli", padding: 0.3},
    // Small rates get ticks at tenths: whole numbers would read "0 0 1 1 1".
    y: {label: "Met jeugdhulp per 100 leerlingen", grid: true, domain: [0, max * 1.15], tickFormat: (d: number) => formatDecimal(d, max < 5 ? 1 : 0)},
    color: {domain: years, range: colors},
    marks: [
      Plot.line(drawn, {x: "label", y: "per100", z: "year", stroke: "year", strokeWidth: 2, ariaHidden: "true"}),
      Plot.dot(drawn, {x: "label", y: "per100", fill: "year", r: 3.5, title: (r: AgeRow) => `${r.label}, ${r.year}: ${formatDecimal(r.per100 as number, 1)}`, ariaHidden: "true"}),
      Plot.text(drawn, Plot.selectLast({x: "label", y: "per100", z: "year", text: (r: AgeRow) => String(r.year), fill: "year", textAnchor: "start", dx: 8, fontSize: 11, ariaHidden: "true"})),
      Plot.ruleY([0], {ariaHidden: "true"})
    ]
  });
}
