// Youth care per 100 pupils of each age group (age on 1 July), one bar per chosen year. Per 100
// pupils of the group, because the groups differ in size (the oldest holds few pupils).

import * as Plot from "npm:@observablehq/plot";
import type {AgeRow} from "../lib/explorerViews.js";
import {formatDecimal, isSuppressedValue} from "../lib/format.js";
import {withheldMarks} from "./chartParts.js";
import {PAIR_COLORS, NEUTRAL} from "./palette.js";

export function ExplorerAges(rows: AgeRow[], {width = 640}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const drawn = rows.filter((r) => typeof r.per100 === "number");
  const withheld = rows.filter((r) => isSuppressedValue(r.per100));
  const years = [...new Set(rows.map((r) => r.year))];
  const labels = [...new Set(rows.map((r) => r.label))];
  const colors = years.map((_, i) => (i === years.length - 1 ? PAIR_COLORS[0] : i === years.length - 2 ? PAIR_COLORS[1] : NEUTRAL));
  const max = Math.max(1, ...drawn.map((r) => r.per100 as number));
  return Plot.plot({
    width,
    height: 40 + labels.length * (years.length * 16 + 14),
    marginLeft: 130,
    marginRight: 50,
    ariaLabel: "Staafdiagram: leerlingen met jeugdhulp per 100 leerlingen per leeftijdsgroep en jaar",
    fy: {label: null, domain: labels, padding: 0.2},
    y: {label: null, domain: years, axis: null},
    x: {label: "Met jeugdhulp per 100 leerlingen", grid: true, domain: [0, max * 1.15], tickFormat: (d: number) => formatDecimal(d, 0)},
    color: {domain: years, range: colors, legend: years.length > 1, tickFormat: (y: number) => String(y)},
    marks: [
      Plot.axisFy({anchor: "left", label: null, tickSize: 0, ariaHidden: "true"}),
      Plot.barX(drawn, {fy: "label", y: "year", x: "per100", fill: "year", ariaHidden: "true"}),
      Plot.text(drawn, {fy: "label", y: "year", x: "per100", text: (r: AgeRow) => `${formatDecimal(r.per100 as number, 1)} (${r.year})`, textAnchor: "start", dx: 4, fontSize: 10, ariaHidden: "true"}),
      withheldMarks(withheld, {fy: "label", y: "year", x: 0, textAnchor: "start", dx: 4}),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
