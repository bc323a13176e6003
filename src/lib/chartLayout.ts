// Layout helpers for the explorer's charts, pure and testable without a browser: axis ticks whose
// labels never repeat, label widths for margins, and end-of-line labels moved apart so they do not
// overlap.

import {formatDecimal, formatPercent} from "./format.js";

/** A linear axis from 0: the tick values and the decimals their labels need. */
export interface AxisTicks {
  ticks: number[];
  /** Decimals that tell every tick apart: 0 for steps of 1, 1 for steps of 0,5 or 0,2, 2 for 0,05 … */
  decimals: number;
}

/** A step of 1, 2 or 5 × 10^k near span / count (d3's thresholds: √50, √10, √2). */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor = ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1;
  return factor * power;
}

/** The fewest decimals that write a step exactly: 5 → 0, 0.5 → 1, 0.25 → 2, 0.02 → 2. */
export function stepDecimals(step: number): number {
  for (let decimals = 0; decimals < 10; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return decimals;
  }
  return 10;
}

/**
 * Ticks from 0 to at most `max`, about `count` of them. The labels carry the decimals of the step,
 * so two ticks never read alike: a domain up to 5,5% ticks 0,0% 0,5% … 5,5%, never "4% 4% 3%".
 */
export function axisTicks(max: number, count = 5): AxisTicks {
  if (!(max > 0) || !Number.isFinite(max)) return {ticks: [0], decimals: 0};
  const step = niceStep(max, count);
  const decimals = stepDecimals(step);
  const last = Math.floor(max / step + 1e-9);
  // Rounded to the step's decimals: 3 × 0.1 is 0.30000000000000004 in binary.
  const ticks = Array.from({length: last + 1}, (_, i) => Number((i * step).toFixed(decimals)));
  return {ticks, decimals};
}

/** About one tick per 50 pixels of axis, at least two. */
export function tickCount(pixels: number): number {
  return Math.max(2, Math.round(pixels / 50));
}

/** Plot's `ticks` and `tickFormat` for a percentage axis from 0 to `max`. */
export function percentAxis(max: number, pixels: number): {ticks: number[]; tickFormat: (value: number) => string} {
  const {ticks, decimals} = axisTicks(max, tickCount(pixels));
  return {ticks, tickFormat: (value: number) => formatPercent(value, decimals)};
}

/** Plot's `ticks` and `tickFormat` for a plain number axis from 0 to `max` (per 100 pupils). */
export function numberAxis(max: number, pixels: number): {ticks: number[]; tickFormat: (value: number) => string} {
  const {ticks, decimals} = axisTicks(max, tickCount(pixels));
  return {ticks, tickFormat: (value: number) => formatDecimal(value, decimals)};
}

/**
 * The width of a label in pixels, estimated without a browser: a generous 0,6 em per character
 * (wide capitals and digits included), so a margin made from it does not cut the text off.
 */
export function labelWidth(text: string, fontSize = 11): number {
  let ems = 0;
  for (const char of text) ems += /[\sil.,'’|!ftjr]/.test(char) ? 0.35 : /[mwMW]/.test(char) ? 0.9 : /\p{Lu}/u.test(char) ? 0.72 : 0.6;
  return Math.ceil(ems * fontSize);
}

/** The text shortened with "…" to fit `maxWidth` pixels (the full text goes in a tooltip or table). */
export function fitLabel(text: string, maxWidth: number, fontSize = 11): string {
  if (labelWidth(text, fontSize) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && labelWidth(`${cut}…`, fontSize) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Label positions (pixels along one axis, any order) moved apart so that neighbours are at least
 * `gap` apart, inside [min, max], each as close to where it wants to be as the others allow.
 * Labels that would overlap form a group centred on the mean of their wishes; groups that then
 * touch merge (the usual cluster method). Returns the positions in the input's order.
 */
export function spreadLabels(wanted: number[], gap: number, [min, max]: [number, number]): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  interface Group {
    members: number[];
    start: number;
  }
  const place = (members: number[]): number => {
    const mean = members.reduce((sum, i) => sum + wanted[i], 0) / members.length;
    const start = mean - ((members.length - 1) * gap) / 2;
    // Inside the bounds where possible; a group longer than the room starts at min.
    return Math.max(min, Math.min(start, max - (members.length - 1) * gap));
  };
  const groups: Group[] = [];
  for (const i of order) {
    groups.push({members: [i], start: place([i])});
    while (groups.length > 1) {
      const last = groups[groups.length - 1];
      const previous = groups[groups.length - 2];
      if (previous.start + previous.members.length * gap <= last.start + 1e-9) break;
      groups.pop();
      previous.members.push(...last.members);
      previous.start = place(previous.members);
    }
  }
  const result = new Array<number>(wanted.length);
  for (const group of groups) group.members.forEach((i, k) => (result[i] = group.start + k * gap));
  return result;
}

/** A linear y axis from 0 (bottom) to yMax (top) inside a chart of `height` pixels. */
export interface YFrame {
  yMax: number;
  height: number;
  marginTop: number;
  marginBottom: number;
}

/**
 * End-of-line labels in data units, moved apart: labels in the same column (the same x) are spread
 * at least `gap` pixels apart on the screen (pixel y runs down, values up) and read back as values
 * Plot can draw at. `columns[i]` is the x of label i.
 */
export function spreadValues(values: number[], columns: unknown[], {yMax, height, marginTop, marginBottom}: YFrame, gap = 13): number[] {
  const inner = height - marginTop - marginBottom;
  const toPixel = (value: number) => marginTop + (1 - value / yMax) * inner;
  const toValue = (pixel: number) => yMax * (1 - (pixel - marginTop) / inner);
  const result = [...values];
  for (const column of new Set(columns)) {
    const members = columns.flatMap((c, i) => (c === column ? [i] : []));
    const placed = spreadLabels(members.map((i) => toPixel(values[i])), gap, [marginTop, height - marginBottom]);
    members.forEach((i, k) => (result[i] = toValue(placed[k])));
  }
  return result;
}
