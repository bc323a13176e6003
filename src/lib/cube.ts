// The explorer's cube in the browser (members rapport/verkennen/* of src/data/rapport.zip.ts, written
// by loaders/cube/publish.ts): every figure the page shows is one precomputed cell, looked up by its
// filter values — never a sum of cells. The counts are perturbed by the cell-key method (rounded and
// slightly disturbed, at most ± meta.perturbation.maxDeviation); percentages divide the perturbed
// count by the exact number of enrolled pupils, which is not sensitive. Pure: the page passes the
// parsed files in. The file names below are shared with the loader.

import type {CubeMeta} from "../../loaders/cube/publish.js";
import type {CubeUnit as CountedUnit} from "../../loaders/cube/grid.js";
import {isSuppressedValue, type SuppressedValue} from "./format.js";

export type {CubeMeta};

/** A count as the explorer's figures take it: perturbed (never 1 … minCount − 1), or the report's own
 *  value, or withheld where the report withholds it (an empty field, drawn "·" as in the report). */
export type Published = number | SuppressedValue;

/** A unit as the page knows it from eenheden.csv. */
export type CubeUnit = Omit<CountedUnit, "schoolId">;

/** One combination of the filters that choose a cell (the unit and year vary per figure). */
export interface CellFilter {
  age: string;
  careType: string;
  dyslexia: "met" | "zonder";
  dbc: "uit" | "aan";
  definition: "gestart" | "actief";
}

export interface CubeCell {
  year: number;
  unit: CubeUnit;
  enrolled: number;
  /** Perturbed counts (the wider type: the figures' components also take hidden values). */
  pupils: Published;
  trajectories: Published;
  /** Percent of enrolled pupils, unrounded, from the perturbed count; null without enrolment. */
  pct: number | SuppressedValue | null;
}

type CsvRow = Record<string, string>;

/**
 * The cuts a school or a board publishes: the report's own configuration — all ages, trajectories as
 * billed (no DBC correction: Tabel 6 and the school pages count them so), the configured definition,
 * with dyslexia care or within one care type (which holds the same pupils either way). Outside it a
 * school's or a board's cells are not in the files: a missing row there is not published ("·"), not 0
 * (loaders/disclosure/cubeCells.ts).
 */
export function inReportConfiguration(cut: Record<keyof CellFilter, string>, configuredDefinition: string): boolean {
  return cut.age === "alle" && cut.dbc === "uit" && cut.definition === configuredDefinition && (cut.dyslexia === "met" || cut.careType !== "alle");
}

/** Whether the files leave a unit's cut out: a school's or a board's outside the report's
 *  configuration. A missing row there is not published, where elsewhere it is 0. */
export function leftOutOfFiles(level: string, cut: Record<keyof CellFilter, string>, configuredDefinition: string): boolean {
  return level !== "gemeente" && !inReportConfiguration(cut, configuredDefinition);
}

export type Variant = Pick<CellFilter, "dyslexia" | "dbc" | "definition">;

/** The name of a variant as in its file: "met-uit-gestart". */
export function variantKey(v: Variant): string {
  return `${v.dyslexia}-${v.dbc}-${v.definition}`;
}

/** The cells of one variant are one file: jeugdhulp-met-uit-gestart.csv (and .json, the page's copy). */
export function variantFileName(v: Variant, extension: "csv" | "json" = "csv"): string {
  return `jeugdhulp-${variantKey(v)}.${extension}`;
}

/**
 * The explorer's own copy of a variant's cells (jeugdhulp-<variant>.json beside the CSV, the same
 * values): columns instead of rows, so a national variant (some 170 000 cells) is decoded in a few
 * milliseconds instead of parsed for a second. A cell's position is
 * ((year · units + unit) · ages + age) · careTypes + careType over the file's own lists and the order
 * of eenheden.csv; positions ascend and are written as differences (small numbers). A withheld count
 * is null. The CSV stays for the SQL box and for readers; the build checks that both say the same.
 */
export interface CompactVariant {
  jaren: number[];
  /** How many units eenheden.csv lists: the positions count in its order. */
  eenheden: number;
  leeftijden: string[];
  zorgvormen: string[];
  cel: number[];
  jeugdhulp: (number | null)[];
  trajecten: (number | null)[];
}

/** The dimensions a position counts over, in grid order. */
export interface CubeDims {
  years: number[];
  units: string[];
  ages: string[];
  careTypes: string[];
}

/** A field of one cell as a typed column: −1 is a withheld count. */
export const WITHHELD = -1;

/** A variant's cells in memory: ascending positions with their two counts. */
export interface VariantColumns {
  cells: Int32Array;
  pupils: Int32Array;
  trajectories: Int32Array;
}

/** A cell's position in the grid of `dims` (the compact files' numbering), or −1 where a value is not in it. */
export function cellPosition(dims: CubeDims): (year: number, unit: string, age: string, careType: string) => number {
  const index = {year: indexOf(dims.years), unit: indexOf(dims.units), age: indexOf(dims.ages), careType: indexOf(dims.careTypes)};
  return (year: number, unit: string, age: string, careType: string): number => {
    const y = index.year.get(year);
    const u = index.unit.get(unit);
    const a = index.age.get(age);
    const c = index.careType.get(careType);
    if (y === undefined || u === undefined || a === undefined || c === undefined) return -1;
    return ((y * dims.units.length + u) * dims.ages.length + a) * dims.careTypes.length + c;
  };
}

function indexOf<T>(values: T[]): Map<T, number> {
  return new Map(values.map((v, i) => [v, i]));
}

/** Rows of one variant (its CSV, or CSV-shaped rows) as the compact file: the loader writes it this way. */
export function encodeVariant(rows: readonly Record<string, string | number | null>[], dims: CubeDims): CompactVariant {
  const position = cellPosition(dims);
  const placed = rows.map((r) => {
    const at = position(Number(r.jaar), String(r.eenheid), String(r.leeftijd), String(r.zorgvorm));
    if (at < 0) throw new Error(`Kubus: cel ${r.jaar}|${r.eenheid}|${r.leeftijd}|${r.zorgvorm} valt buiten de dimensies.`);
    return {at, r};
  });
  placed.sort((a, b) => a.at - b.at);
  const count = (v: string | number | null | undefined) => (v === "" || v === null || v === undefined ? null : Number(v));
  return {
    jaren: dims.years,
    eenheden: dims.units.length,
    leeftijden: dims.ages,
    zorgvormen: dims.careTypes,
    cel: placed.map((p, i) => p.at - (i === 0 ? 0 : placed[i - 1].at)),
    jeugdhulp: placed.map((p) => count(p.r.jeugdhulp)),
    trajecten: placed.map((p) => count(p.r.trajecten))
  };
}

/** The compact file as typed columns; its lists must be the cube's (else the positions mean other cells). */
export function decodeVariant(file: CompactVariant, dims: CubeDims): VariantColumns {
  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(file.jaren, dims.years) || file.eenheden !== dims.units.length || !same(file.leeftijden, dims.ages) || !same(file.zorgvormen, dims.careTypes)) {
    throw new Error("De cijfers van Verkennen passen niet bij de lijst van jaren, eenheden, leeftijden en zorgvormen.");
  }
  const n = file.cel.length;
  const cells = new Int32Array(n);
  const pupils = new Int32Array(n);
  const trajectories = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    cells[i] = at += file.cel[i];
    pupils[i] = file.jeugdhulp[i] ?? WITHHELD;
    trajectories[i] = file.trajecten[i] ?? WITHHELD;
  }
  return {cells, pupils, trajectories};
}

/** The compact file back as CSV-shaped rows (strings; "" withheld): to compare it with the CSV. */
export function compactRows(file: CompactVariant, units: string[]): Record<"jaar" | "eenheid" | "leeftijd" | "zorgvorm" | "jeugdhulp" | "trajecten", string>[] {
  const columns = decodeVariant(file, {years: file.jaren, units, ages: file.leeftijden, careTypes: file.zorgvormen});
  const [A, C] = [file.leeftijden.length, file.zorgvormen.length];
  const field = (v: number) => (v === WITHHELD ? "" : String(v));
  return Array.from(columns.cells, (at, i) => {
    const perUnit = Math.floor(at / C / A);
    return {
      jaar: String(file.jaren[Math.floor(perUnit / units.length)]),
      eenheid: units[perUnit % units.length],
      leeftijd: file.leeftijden[Math.floor(at / C) % A],
      zorgvorm: file.zorgvormen[at % C],
      jeugdhulp: field(columns.pupils[i]),
      trajecten: field(columns.trajectories[i])
    };
  });
}

export class Cube {
  readonly units: CubeUnit[];
  readonly unitByCode: Map<string, CubeUnit>;
  readonly dims: CubeDims;
  /** Cells per variant: the page loads a variant's file when a filter first asks for it. */
  private readonly variants = new Map<string, VariantColumns>();
  /** Enrolled pupils per (year, unit, age), in the cells' order without the care type. */
  private readonly enrolled: Int32Array;
  private readonly position: (year: number, unit: string, age: string, careType: string) => number;
  private readonly schoolsOf = new Map<string | null, CubeUnit[]>();

  constructor(
    readonly meta: CubeMeta,
    unitRows: CsvRow[],
    enrolledRows: CsvRow[],
    /** Cell rows of any variants, to add at once (tests; a small cube). */
    cellRows: CsvRow[] = []
  ) {
    this.units = unitRows.map((r) => ({code: r.code, level: r.niveau as CubeUnit["level"], name: r.naam, parent: r.onderdeel_van || null}));
    this.unitByCode = new Map(this.units.map((u) => [u.code, u]));
    this.dims = {years: meta.years, units: this.units.map((u) => u.code), ages: meta.ages.map((a) => a.key), careTypes: meta.careTypes.map((c) => c.key)};
    this.position = cellPosition(this.dims);
    this.enrolled = new Int32Array(this.dims.years.length * this.dims.units.length * this.dims.ages.length);
    for (const r of enrolledRows) {
      // The enrolment's position is a cell's without the care type: the first care type ("alle").
      const at = this.position(Number(r.jaar), r.eenheid, r.leeftijd, this.dims.careTypes[0]);
      if (at >= 0) this.enrolled[at / this.dims.careTypes.length] = Number(r.leerlingen);
    }
    const byVariant = new Map<string, CsvRow[]>();
    for (const r of cellRows) {
      const key = variantKey(rowVariant(r));
      if (!byVariant.has(key)) byVariant.set(key, []);
      byVariant.get(key)!.push(r);
    }
    for (const [key, rows] of byVariant) this.addVariant(key, rows);
  }

  hasVariant(v: Variant): boolean {
    return this.variants.has(variantKey(v));
  }

  /** The keys of the variants held, oldest first. */
  loadedVariants(): string[] {
    return [...this.variants.keys()];
  }

  /** Rows held for a variant (0 when not loaded). */
  variantRows(key: string): number {
    return this.variants.get(key)?.cells.length ?? 0;
  }

  /** A variant's cells: the compact file as the page loads it, or CSV-shaped rows (tests). */
  addVariant(key: string, source: CompactVariant | CsvRow[]): void {
    const columns = Array.isArray(source) ? decodeVariant(encodeVariant(source, this.dims), this.dims) : decodeVariant(source, this.dims);
    this.variants.delete(key);
    this.variants.set(key, columns);
  }

  dropVariant(key: string): void {
    this.variants.delete(key);
  }

  get municipality(): CubeUnit {
    return this.units[0];
  }

  unitsAt(level: CubeUnit["level"], parent: string | null = null): CubeUnit[] {
    // The funnel asks for every school on each change: a national cube lists thousands.
    if (level === "school") {
      if (!this.schoolsOf.has(parent)) this.schoolsOf.set(parent, this.units.filter((u) => u.level === level && (parent === null || u.parent === parent)));
      return this.schoolsOf.get(parent)!;
    }
    return this.units.filter((u) => u.level === level && (parent === null || u.parent === parent));
  }

  /** A missing row is a combination without any youth care (zero, shown), except in a school's or a
   *  board's cut outside the report's configuration, which the files leave out: withheld there. */
  cell(year: number, unitCode: string, filter: CellFilter): CubeCell {
    const unit = this.unitByCode.get(unitCode);
    if (!unit) throw new Error(`Onbekende eenheid "${unitCode}" in de kubus.`);
    const cells = this.variants.get(variantKey(filter));
    if (!cells) throw new Error(`De cijfers voor ${variantKey(filter)} zijn nog niet geladen.`);
    const at = this.position(year, unitCode, filter.age, filter.careType);
    const enrolled = at < 0 ? 0 : this.enrolled[Math.floor(at / this.dims.careTypes.length)];
    const row = at < 0 ? -1 : search(cells.cells, at);
    const emptyByDefinition = filter.dyslexia === "zonder" && filter.careType === this.meta.dyslexiaCareType;
    const missing: Published = !emptyByDefinition && leftOutOfFiles(unit.level, filter, this.meta.definition) ? {suppressed: true, minCount: this.meta.minCount} : 0;
    const pupils = row < 0 ? missing : published(cells.pupils[row], this.meta.minCount);
    const trajectories = row < 0 ? missing : published(cells.trajectories[row], this.meta.minCount);
    const pct = enrolled === 0 ? null : isSuppressedValue(pupils) ? pupils : (100 * pupils) / enrolled;
    return {year, unit, enrolled, pupils, trajectories, pct};
  }
}

/** Where `at` is in the ascending positions, or −1. */
function search(cells: Int32Array, at: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = cells[mid];
    if (v === at) return mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A withheld count (an empty CSV field, null in the compact file) is withheld here too. */
function published(value: number, minCount: number): Published {
  return value === WITHHELD ? {suppressed: true, minCount} : value;
}

function rowVariant(r: CsvRow): Variant {
  return {dyslexia: r.dyslexie as Variant["dyslexia"], dbc: r.dbc_correctie as Variant["dbc"], definition: r.definitie as Variant["definition"]};
}
