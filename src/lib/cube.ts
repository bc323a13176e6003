// The explorer's cube in the browser (members rapport/verkennen/* of src/data/rapport.zip.ts, written
// by loaders/cube/publish.ts): every figure the page shows is one precomputed cell, looked up by its
// filter values — never a sum of cells. The counts are perturbed by the cell-key method (rounded and
// slightly disturbed, at most ± meta.perturbation.maxDeviation); percentages divide the perturbed
// count by the exact number of enrolled pupils, which is not sensitive. Pure: the page passes the
// parsed CSV rows in. The file names below are shared with the loader.

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

export type Variant = Pick<CellFilter, "dyslexia" | "dbc" | "definition">;

/** The name of a variant as in its file: "met-uit-gestart". */
export function variantKey(v: Variant): string {
  return `${v.dyslexia}-${v.dbc}-${v.definition}`;
}

/** The cells of one variant are one file: jeugdhulp-met-uit-gestart.csv. */
export function variantFileName(v: Variant): string {
  return `jeugdhulp-${variantKey(v)}.csv`;
}

export class Cube {
  readonly units: CubeUnit[];
  readonly unitByCode: Map<string, CubeUnit>;
  /** Cells per variant: the page loads a variant's file when a filter first asks for it. */
  private readonly variants = new Map<string, Map<string, CsvRow>>();
  private readonly enrolled = new Map<string, number>();

  constructor(
    readonly meta: CubeMeta,
    unitRows: CsvRow[],
    enrolledRows: CsvRow[],
    /** Cell rows of any variants, to add at once (tests; a small cube). */
    cellRows: CsvRow[] = []
  ) {
    this.units = unitRows.map((r) => ({code: r.code, level: r.niveau as CubeUnit["level"], name: r.naam, parent: r.onderdeel_van || null}));
    this.unitByCode = new Map(this.units.map((u) => [u.code, u]));
    for (const r of enrolledRows) this.enrolled.set(`${r.jaar}|${r.eenheid}|${r.leeftijd}`, Number(r.leerlingen));
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
    return this.variants.get(key)?.size ?? 0;
  }

  addVariant(key: string, rows: CsvRow[]): void {
    const cells = new Map<string, CsvRow>();
    for (const r of rows) cells.set(cellKey(Number(r.jaar), r.eenheid, r.leeftijd, r.zorgvorm), r);
    this.variants.delete(key);
    this.variants.set(key, cells);
  }

  dropVariant(key: string): void {
    this.variants.delete(key);
  }

  get municipality(): CubeUnit {
    return this.units[0];
  }

  unitsAt(level: CubeUnit["level"], parent: string | null = null): CubeUnit[] {
    return this.units.filter((u) => u.level === level && (parent === null || u.parent === parent));
  }

  /** A missing row is a combination without any youth care: zero, shown. */
  cell(year: number, unitCode: string, filter: CellFilter): CubeCell {
    const unit = this.unitByCode.get(unitCode);
    if (!unit) throw new Error(`Onbekende eenheid "${unitCode}" in de kubus.`);
    const enrolled = this.enrolled.get(`${year}|${unitCode}|${filter.age}`) ?? 0;
    const cells = this.variants.get(variantKey(filter));
    if (!cells) throw new Error(`De cijfers voor ${variantKey(filter)} zijn nog niet geladen.`);
    const row = cells.get(cellKey(year, unitCode, filter.age, filter.careType));
    const pupils = row ? published(row.jeugdhulp, this.meta.minCount) : 0;
    const trajectories = row ? published(row.trajecten, this.meta.minCount) : 0;
    const pct = enrolled === 0 ? null : isSuppressedValue(pupils) ? pupils : (100 * pupils) / enrolled;
    return {year, unit, enrolled, pupils, trajectories, pct};
  }
}

/** An empty field is a count the report withholds: the cube withholds it too. */
function published(field: string, minCount: number): Published {
  return field === "" ? {suppressed: true, minCount} : Number(field);
}

function cellKey(year: number, unit: string, age: string, careType: string): string {
  return `${year}|${unit}|${age}|${careType}`;
}

function rowVariant(r: CsvRow): Variant {
  return {dyslexia: r.dyslexie as Variant["dyslexia"], dbc: r.dbc_correctie as Variant["dbc"], definition: r.definitie as Variant["definition"]};
}
