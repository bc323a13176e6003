// The explorer's cube as a dense grid: one cell per combination of filter values, "all" included as a
// value of its own. Distinct pupils do not add up across care types, definitions or DBC variants, so
// each combination is counted from the pupils themselves, never summed from other cells.

import {AGE_GROUPS} from "../definitions.js";
import type {Settings} from "../model.js";

export type UnitLevel = "gemeente" | "bestuur" | "school";

export interface CubeUnit {
  /** "g", "b:<n>" or "s:<school_id>": short, because every cube row repeats it. */
  code: string;
  level: UnitLevel;
  name: string;
  /** Code of the unit this one adds up into: a school's board, a board's municipality. */
  parent: string | null;
  /** The school's id in the input (schools only). */
  schoolId: string | null;
}

/** The filter values, in grid order. Index 0 of ages and care types is "alle". */
export interface CubeDimensions {
  years: number[];
  units: CubeUnit[];
  ages: string[];
  careTypes: string[];
  dyslexia: readonly ["met", "zonder"];
  dbc: readonly ["uit", "aan"];
  definitions: readonly ["gestart", "actief"];
}

export const ALL = "alle";
export const DYSLEXIA = ["met", "zonder"] as const;
export const DBC = ["uit", "aan"] as const;
export const DEFINITIONS = ["gestart", "actief"] as const;

/** The settings' name of a definition value: "gestart" is the report's "started". */
export function definitionSetting(value: (typeof DEFINITIONS)[number]): Settings["youthCareDefinition"] {
  return value === "gestart" ? "started" : "active";
}

/** The cube's name of the configured definition: the one the report's own numbers use. */
export function configuredDefinition(youthCareDefinition: Settings["youthCareDefinition"]): (typeof DEFINITIONS)[number] {
  return DEFINITIONS.find((d) => definitionSetting(d) === youthCareDefinition)!;
}

export function cubeDimensions(
  settings: Settings,
  municipality: string,
  schools: {id: string; name: string; board: string}[]
): CubeDimensions {
  const boards = [...new Set(schools.map((s) => s.board))].sort((a, b) => a.localeCompare(b, "nl"));
  const boardCode = new Map(boards.map((board, i) => [board, `b:${i + 1}`]));
  const units: CubeUnit[] = [
    {code: "g", level: "gemeente", name: municipality, parent: null, schoolId: null},
    ...boards.map((board): CubeUnit => ({code: boardCode.get(board)!, level: "bestuur", name: board, parent: "g", schoolId: null})),
    ...[...schools]
      .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.id.localeCompare(b.id))
      .map((s): CubeUnit => ({code: `s:${s.id}`, level: "school", name: s.name, parent: boardCode.get(s.board)!, schoolId: s.id}))
  ];
  return {
    years: [...settings.years],
    units,
    ages: [ALL, ...AGE_GROUPS.map((g) => g.key)],
    careTypes: [ALL, ...settings.careTypes.map((c) => c.key)],
    dyslexia: DYSLEXIA,
    dbc: DBC,
    definitions: DEFINITIONS
  };
}

/** The cube's grid for these settings and schools: the same wherever it is made. */
export function cubeGrid(settings: Settings, schools: {id: string; name: string; board: string}[]): CubeGrid {
  return new CubeGrid(cubeDimensions(settings, settings.municipality, schools));
}

/** Position of a cell; every field is an index into the matching CubeDimensions list. */
export interface CellAt {
  year: number;
  unit: number;
  age: number;
  careType: number;
  dyslexia: number;
  dbc: number;
  definition: number;
}

const DIMENSION_ORDER: readonly (keyof CellAt)[] = ["year", "unit", "age", "careType", "dyslexia", "dbc", "definition"];

/** Index arithmetic for the dense arrays (row-major in the order of CellAt). */
export class CubeGrid {
  readonly size: number;
  /** Cells of the enrolment grid: year × unit × age. */
  readonly enrolledSize: number;
  private readonly strides: number[];

  constructor(readonly dims: CubeDimensions) {
    const lengths = [dims.years.length, dims.units.length, dims.ages.length, dims.careTypes.length, 2, 2, 2];
    this.strides = lengths.map((_, i) => lengths.slice(i + 1).reduce((p, n) => p * n, 1));
    this.size = lengths.reduce((p, n) => p * n, 1);
    this.enrolledSize = lengths[0] * lengths[1] * lengths[2];
  }

  index(c: CellAt): number {
    const s = this.strides;
    return c.year * s[0] + c.unit * s[1] + c.age * s[2] + c.careType * s[3] + c.dyslexia * s[4] + c.dbc * s[5] + c.definition;
  }

  at(index: number): CellAt {
    const d = (i: number) => this.digitAt(index, i);
    return {year: d(0), unit: d(1), age: d(2), careType: d(3), dyslexia: d(4), dbc: d(5), definition: d(6)};
  }

  /** One coordinate of a cell, without building a CellAt. */
  digit(index: number, dim: keyof CellAt): number {
    return this.digitAt(index, DIMENSION_ORDER.indexOf(dim));
  }

  private digitAt(index: number, i: number): number {
    const s = this.strides;
    return i === 0 ? Math.floor(index / s[0]) : Math.floor(index / s[i]) % (s[i - 1] / s[i]);
  }

  stride(dim: keyof CellAt): number {
    return this.strides[DIMENSION_ORDER.indexOf(dim)];
  }

  /** The enrolment cell (year, unit, age) a cube cell divides by. */
  enrolledIndex(c: Pick<CellAt, "year" | "unit" | "age">): number {
    return (c.year * this.dims.units.length + c.unit) * this.dims.ages.length + c.age;
  }
}
