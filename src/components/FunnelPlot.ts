// A funnel plot: each school's share of pupils with youth care in the latest year against its number
// of pupils, with the binomial limits (95% and 99,8%) around the municipal share. Inside the funnel a
// difference can be chance; outside it, chance alone rarely gets there. The maths is in lib/funnel.ts.

import * as Plot from "npm:@observablehq/plot";
import type {Column} from "../lib/csv.js";
import type {ChartFigureOptions} from "./ChartFigure.js";
import {labelWidth, percentAxis} from "../lib/chartLayout.js";
import {limitsAt, outsideLimits, zScore, type Side, type Spread} from "../lib/funnel.js";

export type {Spread};
import {formatCount, formatPercent, isSuppressedValue} from "../lib/format.js";
import {NEUTRAL, PAIR_COLORS} from "./palette.js";
import {joinNames, latestYear, type SchoolRef, type SchoolTables} from "./schoolTables.js";

/** The two limits of Spiegelhalter's funnel plots: about 2 and 3 standard deviations. */
export const COVERAGES = [0.95, 0.998] as const;

export interface FunnelPoint extends SchoolRef {
  enrolled: number;
  pupils: number;
  /** Percent, unrounded (pupils / enrolled · 100). */
  pct: number;
  outside95: Side | null;
  outside998: Side | null;
}

export interface FunnelData {
  year: number;
  /** The limits are widened by this over-dispersion; null: binomial limits. */
  spread: Spread | null;
  /** The municipal proportion (0…1) the limits are drawn around; null when it is withheld. */
  p: number | null;
  points: FunnelPoint[];
  /** Schools whose latest count is withheld: not drawn. */
  withheld: SchoolRef[];
}

export interface FunnelLine {
  n: number;
  coverage: number;
  lower: number;
  upper: number;
}

/** The schools as drawn, with the side of each limit they fall outside (if any). */
export function funnelData(tables: SchoolTables, spread: Spread | null = null): FunnelData {
  const total = tables.total.years[tables.total.years.length - 1];
  const p = isSuppressedValue(total.pupils) || total.enrolled === 0 ? null : total.pupils / total.enrolled;
  const points: FunnelPoint[] = [];
  const withheld: SchoolRef[] = [];
  for (const row of tables.tabel6) {
    const {enrolled, pupils} = latestYear(row);
    if (isSuppressedValue(pupils) || enrolled === 0) {
      withheld.push({schoolId: row.schoolId, name: row.name});
      continue;
    }
    // Without the municipal share (a key figure, withheld only to protect a small count) there is no
    // centre to draw around: no school is drawn, and none is said to be withheld for it.
    if (p === null) continue;
    points.push({
      schoolId: row.schoolId,
      name: row.name,
      enrolled,
      pupils,
      pct: (100 * pupils) / enrolled,
      outside95: outsideLimits(pupils, enrolled, p, COVERAGES[0], spread),
      outside998: outsideLimits(pupils, enrolled, p, COVERAGES[1], spread)
    });
  }
  return {year: total.year, spread, p, points, withheld};
}

/** The limit lines in percent, for every whole school size from `from` to `to`. */
export function funnelLines(p: number, from: number, to: number, spread: Spread | null = null): FunnelLine[] {
  const lines: FunnelLine[] = [];
  for (const coverage of COVERAGES) {
    for (let n = Math.max(1, Math.floor(from)); n <= Math.ceil(to); n++) {
      const {lower, upper} = limitsAt(n, p, coverage, spread);
      lines.push({n, coverage, lower: 100 * lower, upper: 100 * upper});
    }
  }
  return lines;
}

export interface FunnelOutside {
  coverage: number;
  above: string[];
  below: string[];
}

/** Per limit, the names of the schools above and below it: the sentences under the plot. */
export function funnelOutside(points: FunnelPoint[]): FunnelOutside[] {
  return COVERAGES.map((coverage) => {
    const side = (d: FunnelPoint) => (coverage === COVERAGES[0] ? d.outside95 : d.outside998);
    const names = (s: Side) => points.filter((d) => side(d) === s).map((d) => d.name);
    return {coverage, above: names("boven"), below: names("onder")};
  });
}

export function coverageLabel(coverage: number): string {
  return formatPercent(coverage * 100, coverage === 0.95 ? 0 : 1);
}

function sidesText(outside: FunnelOutside): string {
  const parts = [
    outside.above.length > 0 ? `boven de grens ${joinNames(outside.above)}` : "",
    outside.below.length > 0 ? `onder de grens ${joinNames(outside.below)}` : ""
  ].filter(Boolean);
  return parts.join("; ");
}

function schools(count: number): string {
  return count === 1 ? "1 school" : `${count} scholen`;
}

/** The figure's title: the finding of the plot in one sentence. */
export function funnelFinding(data: FunnelData): string {
  if (data.p === null) return `Geen trechter voor ${data.year}: het percentage van de gemeente is afgeschermd`;
  const [wide, narrow] = funnelOutside(data.points).map((o) => o.above.length + o.below.length);
  const [wideLabel, narrowLabel] = COVERAGES.map(coverageLabel);
  if (narrow > 0) return `In ${data.year} ${narrow === 1 ? "ligt 1 school" : `liggen ${narrow} scholen`} buiten de ${narrowLabel}-grenzen: daar speelt meer dan toeval`;
  if (wide > 0) return `In ${data.year} ${wide === 1 ? "ligt 1 school" : `liggen ${wide} scholen`} buiten de ${wideLabel}-grenzen, maar geen enkele buiten de ${narrowLabel}-grenzen`;
  // "All schools" would include the ones not drawn because their count is withheld.
  const all =
    data.withheld.length === 0 ? "liggen alle scholen" : data.points.length === 1 ? "ligt de ene getekende school" : `liggen alle ${data.points.length} getekende scholen`;
  return `In ${data.year} ${all} binnen de grenzen van het toeval`;
}

/**
 * The plot in words: per limit how many schools lie outside it and which, what chance alone would
 * give, and how wide the funnel is for the smallest schools (their size rounded to ten pupils).
 */
export function funnelSentences(data: FunnelData, reference = "de gemeente"): string[] {
  if (data.p === null || data.points.length === 0) return [];
  const [wide, narrow] = funnelOutside(data.points);
  const shown = data.points.length;
  const count = (o: FunnelOutside) => o.above.length + o.below.length;
  const sentences = [
    count(wide) === 0
      ? `Alle ${shown} scholen liggen binnen de ${coverageLabel(wide.coverage)}-grenzen.`
      : `${count(wide)} van de ${shown} scholen ${count(wide) === 1 ? "ligt" : "liggen"} buiten de ${coverageLabel(wide.coverage)}-grenzen: ${sidesText(wide)}. ` +
        `Door toeval alleen ligt gemiddeld al 1 op de ${formatCount(Math.round(1 / (1 - wide.coverage)))} scholen buiten deze grenzen.`,
    count(narrow) === 0
      ? `Geen enkele school ligt buiten de ${coverageLabel(narrow.coverage)}-grenzen, waarbuiten toeval als verklaring bijna is uitgesloten.`
      : `${schools(count(narrow))} ${count(narrow) === 1 ? "ligt" : "liggen"} buiten de ${coverageLabel(narrow.coverage)}-grenzen: ${sidesText(narrow)}. Zo'n verschil verklaart toeval bijna nooit.`
  ];
  const small = Math.max(10, Math.round(Math.min(...data.points.map((d) => d.enrolled)) / 10) * 10);
  const {lower, upper} = limitsAt(small, data.p, wide.coverage, data.spread);
  sentences.push(
    `Een kleine school heeft een groot verschil nodig voordat het iets zegt. Bij ${formatCount(small)} leerlingen ligt de ` +
      `${coverageLabel(wide.coverage)}-grens tussen ${formatPercent(100 * lower, 1)} en ${formatPercent(100 * upper, 1)}; ` +
      `${reference} zit op ${formatPercent(100 * data.p, 2)}.`
  );
  return sentences;
}

/** The "Toon tabel" and CSV columns: each drawn school with its count, percentage and limits. */
export function funnelColumns(data: FunnelData): Column<FunnelPoint>[] {
  const limits = (coverage: number, side: "lower" | "upper") => (d: FunnelPoint) =>
    data.p === null ? null : 100 * limitsAt(d.enrolled, data.p, coverage, data.spread)[side];
  return [
    {label: "School", value: (d) => d.name},
    {label: `Leerlingen ${data.year}`, value: (d) => d.enrolled, kind: "count"},
    {label: "Met jeugdhulp", value: (d) => d.pupils, kind: "count"},
    {label: "Percentage", value: (d) => d.pct, kind: "percent", decimals: 1},
    ...COVERAGES.flatMap((coverage): Column<FunnelPoint>[] => [
      {label: `Ondergrens ${coverageLabel(coverage)}`, value: limits(coverage, "lower"), kind: "percent", decimals: 1},
      {label: `Bovengrens ${coverageLabel(coverage)}`, value: limits(coverage, "upper"), kind: "percent", decimals: 1}
    ]),
    ...COVERAGES.map((coverage): Column<FunnelPoint> => ({
      label: `Buiten ${coverageLabel(coverage)}`,
      value: (d) => (coverage === COVERAGES[0] ? d.outside95 : d.outside998) ?? "nee"
    }))
  ];
}

/** The figure's frame around the plot (ChartFigure), the same on Groeipatronen and Spreiding and in the
 *  build's and the browser's drawing of it. */
export function funnelFigureOptions(data: FunnelData, filename: string): ChartFigureOptions<FunnelPoint> {
  return {
    title: funnelFinding(data),
    description: `Percentage leerlingen met jeugdhulp in ${data.year} tegen het aantal leerlingen per school, met ${data.spread ? "de voor gewone verschillen tussen scholen verbrede" : "de binomiale"} grenzen van ${coverageLabel(0.95)} en ${coverageLabel(0.998)}`,
    columns: funnelColumns(data),
    rows: data.points,
    filename,
    note: data.withheld.length > 0 ? `Niet getekend, aantal afgeschermd: ${joinNames(data.withheld.map((s) => s.name))}.` : undefined
  };
}

export interface FunnelPlotOptions {
  width?: number;
  height?: number;
  /** funnelData(tables, spread), when the caller has it already (a national funnel is thousands of schools). */
  data?: FunnelData;
  /**
   * Which schools get their name next to the dot: those outside the 99,8% limits (the report's
   * pages, where the table names the rest), or outside the 95% limits too (a slide, which has no
   * table). The labelled dots are drawn in colour, so a dot with a name never looks like the others.
   */
  label?: "outside998" | "outside95";
  /** schoolId of the school to mark and label. */
  highlight?: string | null;
  /** What the middle line stands for: the municipality, or in the explorer a school board. */
  referenceLabel?: string;
  /** The middle line in the chart's description for screen readers. */
  around?: string;
  /** Widen the limits for over-dispersion (see Spread); binomial limits when absent. Only read when
   *  `data` is not given: given data carries its own spread, which the limits then use. */
  spread?: Spread | null;
  /** The dot's tooltip; by default "n van N leerlingen (x%)" (the explorer's age-standardised
   *  points are no whole count of pupils). */
  pointTitle?: (d: FunnelPoint) => string;
}

export type LabelSide = "right" | "left" | "above" | "below";

export interface LabelBox {
  /** The dot, in pixels. */
  x: number;
  y: number;
  text: string;
}

/**
 * A side for each label so that no two labels overlap and none leaves the plot: the first side of
 * right, left, above, below that is free, judged on an estimated text box (0,6 em per character).
 * Labels are placed from the top down; a label with no free side keeps "right".
 */
export function placeLabels(labels: LabelBox[], {width, height, fontSize = 11}: {width: number; height: number; fontSize?: number}): LabelSide[] {
  const taken: {x0: number; x1: number; y0: number; y1: number}[] = [];
  const sides: LabelSide[] = new Array(labels.length).fill("right");
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].y - labels[b].y || labels[a].x - labels[b].x);
  for (const i of order) {
    const {x, y, text} = labels[i];
    const w = text.length * fontSize * 0.6;
    const h = fontSize * 1.2;
    const boxes: Record<LabelSide, {x0: number; x1: number; y0: number; y1: number}> = {
      right: {x0: x + 8, x1: x + 8 + w, y0: y - h / 2, y1: y + h / 2},
      left: {x0: x - 8 - w, x1: x - 8, y0: y - h / 2, y1: y + h / 2},
      above: {x0: x - w / 2, x1: x + w / 2, y0: y - 8 - h, y1: y - 8},
      below: {x0: x - w / 2, x1: x + w / 2, y0: y + 8, y1: y + 8 + h}
    };
    const fits = (b: (typeof boxes)[LabelSide]) =>
      b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height && taken.every((t) => b.x1 <= t.x0 || b.x0 >= t.x1 || b.y1 <= t.y0 || b.y0 >= t.y1);
    const side = (["right", "left", "above", "below"] as LabelSide[]).find((s) => fits(boxes[s])) ?? "right";
    sides[i] = side;
    taken.push(boxes[side]);
  }
  return sides;
}

const LABEL_OFFSETS: Record<LabelSide, {dx: number; dy: number; textAnchor: "start" | "end" | "middle"}> = {
  right: {dx: 8, dy: 0, textAnchor: "start"},
  left: {dx: -8, dy: 0, textAnchor: "end"},
  above: {dx: 0, dy: -12, textAnchor: "middle"},
  below: {dx: 0, dy: 12, textAnchor: "middle"}
};

const DOT_RADIUS = 4.5;

/**
 * At most this many schools outside the limits get their name beside the dot (the furthest out):
 * thousands of names cover the plot and took most of a national redraw. The table lists every school.
 */
export const MAX_LABELS = 25;

/**
 * Above this many schools (a national funnel) the dots are drawn as one path per colour, without a
 * tooltip each: thousands of circles with a <title> each took most of a redraw. The table lists
 * every school.
 */
const MANY_DOTS = 1000;

/** Plot's render hook for the dots: one <path> of circles per fill colour instead of a <circle> per dot. */
function dotsAsPaths(index: number[], _scales: Plot.ScaleFunctions, values: Plot.ChannelValues, _dimensions: Plot.Dimensions, context: Plot.Context): SVGElement {
  const svg = "http://www.w3.org/2000/svg";
  const [x, y, fill] = [values.x as number[], values.y as number[], values.fill as string[] | undefined];
  const r = DOT_RADIUS;
  const byFill = new Map<string, string[]>();
  for (const i of index) {
    const colour = fill?.[i] ?? NEUTRAL;
    if (!byFill.has(colour)) byFill.set(colour, []);
    byFill.get(colour)!.push(`M${(x[i] - r).toFixed(1)},${y[i].toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
  }
  const group = context.document.createElementNS(svg, "g");
  group.setAttribute("class", "funnel-dots");
  group.setAttribute("aria-hidden", "true");
  for (const [colour, circles] of byFill) {
    const path = context.document.createElementNS(svg, "path");
    path.setAttribute("d", circles.join(""));
    path.setAttribute("fill", colour);
    path.setAttribute("stroke", "var(--theme-background, white)");
    group.append(path);
  }
  return group;
}

const HALO = {fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 4, paintOrder: "stroke"} as const;
const HIGHLIGHT_COLOR = PAIR_COLORS[1];
const OUTSIDE_COLOR = PAIR_COLORS[0];

/** The plot's alternative text for screen readers (also of a factsheet's funnel, drawn in two layers). */
export function funnelAriaLabel(data: {year: number; spread: Spread | null}, around = "het gemeentelijke percentage"): string {
  return `Trechterdiagram: percentage leerlingen met jeugdhulp in ${data.year} per school tegen het aantal leerlingen, met ${data.spread ? "voor overdispersie verbrede " : ""}grenzen van 95% en 99,8% rond ${around}`;
}

/** Plot's margins of the funnel (its defaults top 20 and bottom 30 with the ones set here). */
const MARGINS = {marginLeft: 50, marginRight: 20, marginTop: 20, marginBottom: 30};

interface FunnelLayout {
  maxN: number;
  yMax: number;
  lines: FunnelLine[];
  /** The end of each limit line, where its label goes. */
  ends: FunnelLine[];
  /** The schools named beside their dot, and on which side. */
  labelled: FunnelPoint[];
  sides: LabelSide[];
}

/** Where FunnelPlot puts things: its scales' domains, the limit lines and the names it places. */
function funnelLayout(
  data: FunnelData & {p: number},
  {width, height, highlight, label, spread}: {width: number; height: number; highlight: string | null; label: "outside998" | "outside95"; spread: Spread | null}
): FunnelLayout {
  const p = data.p;
  const sizes = data.points.map((d) => d.enrolled);
  const maxN = Math.ceil(Math.max(...sizes) * 1.08);
  // Start the funnel at half the smallest school: below that the limits leave the plot anyway. Never
  // past the largest: a selection of only tiny groups (the explorer's age groups) still gets lines.
  const lines = funnelLines(p, Math.min(maxN, Math.max(10, Math.floor(Math.min(...sizes) / 2))), maxN, spread);
  const yMax = Math.max(...data.points.map((d) => d.pct), ...lines.filter((l) => l.n >= Math.min(...sizes)).map((l) => l.upper)) * 1.08;
  const ends = COVERAGES.map((coverage) => lines.filter((l) => l.coverage === coverage).at(-1) as FunnelLine);
  const outside = data.points.filter((d) => (label === "outside95" ? d.outside95 : d.outside998) !== null && d.schoolId !== highlight);
  // Names for the schools furthest out only, when too many lie outside to read (a national funnel).
  const labelled =
    outside.length <= MAX_LABELS ? outside : [...outside].sort((a, b) => Math.abs(zScore({r: b.pupils, n: b.enrolled}, p)) - Math.abs(zScore({r: a.pupils, n: a.enrolled}, p))).slice(0, MAX_LABELS);
  // Where each dot lands, to keep labels apart.
  const {marginLeft, marginRight, marginTop, marginBottom} = MARGINS;
  const px = (d: FunnelPoint) => ({
    x: marginLeft + (d.enrolled / maxN) * (width - marginLeft - marginRight),
    y: marginTop + (1 - d.pct / yMax) * (height - marginTop - marginBottom),
    text: d.name
  });
  return {maxN, yMax, lines, ends, labelled, sides: placeLabels(labelled.map(px), {width, height})};
}

/** The highlighted school's dot. */
const highlightDot = (chosen: FunnelPoint[]) =>
  Plot.dot(chosen, {x: "enrolled", y: "pct", r: 7, fill: HIGHLIGHT_COLOR, stroke: "currentColor", strokeWidth: 1.5, className: "funnel-highlight", ariaHidden: "true"});

/** A school's name right of its dot, or left of it where the right edge would cut it off. */
function nameLabels(points: FunnelPoint[], {dx, ...style}: {dx: number; fontSize: number; fontWeight?: string}, {maxN, width}: {maxN: number; width: number}) {
  const {marginLeft, marginRight} = MARGINS;
  const fitsRight = (d: FunnelPoint) => marginLeft + (d.enrolled / maxN) * (width - marginLeft - marginRight) + dx + labelWidth(d.name, style.fontSize) <= width;
  return [true, false].map((right) =>
    Plot.text(points.filter((d) => fitsRight(d) === right), {
      x: "enrolled",
      y: "pct",
      text: "name",
      dx: right ? dx : -dx,
      textAnchor: right ? "start" : "end",
      ...style,
      ariaHidden: "true",
      ...HALO
    })
  );
}

/** The shared plot's layout per funnel and size, for FunnelHighlight's many pages. */
const sharedLayouts = new WeakMap<FunnelData, Map<string, FunnelLayout>>();

/**
 * Only what FunnelPlot(…, {highlight}) adds for one school — its large dot and its name in bold — on a
 * transparent plot of the same size and scales, to lay over FunnelPlot(…, {highlight: null}) drawn
 * once for every factsheet (a national funnel is 7 000 dots: once per page made every page, and all
 * pages together, grow with the number of schools). A school the shared plot names already gets its
 * bold name on the same spot, over the plain one.
 */
export function FunnelHighlight(
  data: FunnelData,
  schoolId: string,
  {width = 640, height = 420, label = "outside998"}: Pick<FunnelPlotOptions, "width" | "height" | "label"> = {}
): SVGSVGElement | null {
  const chosen = data.points.filter((d) => d.schoolId === schoolId);
  if (data.p === null || chosen.length === 0) return null;
  // Once per funnel, not per page: at 7 000 schools the layout (limit lines, the names furthest out) is
  // most of the work.
  const key = `${width} ${height} ${label}`;
  const cached = sharedLayouts.get(data) ?? new Map<string, FunnelLayout>();
  sharedLayouts.set(data, cached);
  if (!cached.has(key)) cached.set(key, funnelLayout({...data, p: data.p}, {width, height, highlight: null, label, spread: data.spread}));
  const {maxN, yMax, labelled, sides} = cached.get(key)!;
  const shared = labelled.findIndex((d) => d.schoolId === schoolId);
  const bold = {fontSize: 12, fontWeight: "bold"};
  const svg = Plot.plot({
    width,
    height,
    ...MARGINS,
    x: {domain: [0, maxN], axis: null},
    y: {domain: [0, yMax], axis: null},
    marks: [
      highlightDot(chosen),
      ...(shared >= 0
        ? [Plot.text(chosen, {x: "enrolled", y: "pct", text: "name", ...LABEL_OFFSETS[sides[shared]], ...bold, ariaHidden: "true", ...HALO})]
        : nameLabels(chosen, {dx: 10, ...bold}, {maxN, width}))
    ]
  }) as SVGSVGElement;
  // The shared plot beneath carries the description; this layer only repeats one of its dots.
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("funnel-highlight-layer");
  return svg;
}

export function FunnelPlot(
  tables: SchoolTables,
  {width = 640, height = 420, highlight = null, referenceLabel = "gemeente", around = "het gemeentelijke percentage", label = "outside998", spread = null, pointTitle, data = funnelData(tables, spread)}: FunnelPlotOptions = {}
): HTMLElement | SVGSVGElement {
  if (data.p === null || data.points.length === 0) {
    const message = document.createElement("p");
    message.textContent = "Geen trechter: het percentage van de gemeente of van de scholen is afgeschermd.";
    return message;
  }
  const p = data.p;
  const {maxN, yMax, lines, ends, labelled, sides} = funnelLayout({...data, p}, {width, height, highlight, label, spread: data.spread});
  const labelMarks = (Object.keys(LABEL_OFFSETS) as LabelSide[]).map((side) =>
    Plot.text(
      labelled.filter((_, i) => sides[i] === side),
      {x: "enrolled", y: "pct", text: "name", ...LABEL_OFFSETS[side], fontSize: 11, ariaHidden: "true", ...HALO}
    )
  );
  const chosen = data.points.filter((d) => d.schoolId === highlight);
  const others = data.points.filter((d) => d.schoolId !== highlight);
  const limit = (coverage: number, y: "lower" | "upper") =>
    Plot.line(lines.filter((l) => l.coverage === coverage), {
      x: "n",
      y,
      stroke: NEUTRAL,
      strokeWidth: coverage === COVERAGES[0] ? 1.5 : 2,
      strokeDasharray: coverage === COVERAGES[0] ? "5,4" : undefined,
      clip: true,
      ariaHidden: "true"
    });

  return Plot.plot({
    width,
    height,
    ...MARGINS,
    ariaLabel: funnelAriaLabel(data, around),
    x: {domain: [0, maxN], label: `Leerlingen op de school (${data.year})`, tickFormat: formatCount, grid: true},
    // Ticks and their decimals follow the domain: small shares never read "1% 1% 2%".
    y: {domain: [0, yMax], label: `Met jeugdhulp in ${data.year}`, grid: true, ...percentAxis(yMax, height - 50)},
    marks: [
      Plot.ruleY([100 * p], {stroke: "currentColor", strokeWidth: 1, ariaHidden: "true"}),
      Plot.text([100 * p], {x: maxN, y: (d: number) => d, text: (d: number) => `${referenceLabel} ${formatPercent(d, 2)}`, textAnchor: "end", dy: -8, fontSize: 11, ariaHidden: "true", ...HALO}),
      ...COVERAGES.flatMap((coverage) => [limit(coverage, "lower"), limit(coverage, "upper")]),
      Plot.text(ends, {x: "n", y: "upper", text: (d: FunnelLine) => `${coverageLabel(d.coverage)}-grens`, textAnchor: "end", dy: -8, fontSize: 11, ariaHidden: "true", ...HALO}),
      Plot.dot(others, {
        x: "enrolled",
        y: "pct",
        r: DOT_RADIUS,
        // Named dots in colour: in print or on a projector the name must point at one dot.
        fill: label === "outside95" ? (d: FunnelPoint) => (d.outside95 !== null ? OUTSIDE_COLOR : NEUTRAL) : NEUTRAL,
        stroke: "var(--theme-background, white)",
        // A native tooltip: Plot's tip mark carries an aria-label on a role-less <g>, which axe rejects.
        ...(others.length <= MANY_DOTS
          ? {title: pointTitle ?? ((d: FunnelPoint) => `${d.name}\n${formatCount(d.pupils)} van ${formatCount(d.enrolled)} leerlingen (${formatPercent(d.pct, 1)})`)}
          : {render: dotsAsPaths}),
        ariaHidden: "true"
      }),
      ...labelMarks,
      highlightDot(chosen),
      ...nameLabels(chosen, {dx: 10, fontSize: 12, fontWeight: "bold"}, {maxN, width})
    ]
  });
}
