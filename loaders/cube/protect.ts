// The suppression rule applied to the explorer's cube. A reader can combine any cells of the cube
// (the SQL box invites it), so a hidden count must survive three kinds of arithmetic:
//  1. sums: schools add up to their board, boards to the municipality, age groups to "alle" — the
//     parts rule of suppression.ts (hiddenParts) runs on every such sum, and a total whose hidden
//     parts cannot be protected is hidden itself;
//  2. differences between a cell and a wider one that differs only in care type, dyslexia, DBC
//     correction or definition ("alle" minus one care type = the pupils with other care only): a
//     difference of 1 to minCount − 1 hides the cell farther from the report's own view;
//  3. the pupils without youth care in a cell (enrolled minus pupils) are persons too: when they are
//     1 to minCount − 1, the count is hidden.
// Hiding for one reason can break another sum, so the passes repeat until nothing changes.

import {hiddenParts, isSmallCount} from "../suppression.js";
import type {Settings} from "../model.js";
import {configuredDefinition, DEFINITIONS, type CubeGrid} from "./grid.js";

export const SHOWN = 0;
/** Hidden because the count itself is small: shown as "< minCount". */
export const SMALL = 1;
/** Hidden to protect another count: may be any size, shown as "·". */
export const COMPLEMENTARY = 2;

export interface ProtectOptions {
  /** Enrolled pupils per enrolment cell, for rule 3 (pupil counts only). */
  enrolled?: Int32Array;
  /** Cells that another published table hides already: the cube must not give them away. */
  hiddenElsewhere?: (index: number) => boolean;
}

export function protectCube(grid: CubeGrid, values: Int32Array, settings: Pick<Settings, "suppression" | "youthCareDefinition">, options: ProtectOptions = {}): Uint8Array {
  const {dims} = grid;
  const minCount = settings.suppression.minCount;
  const hidden = new Uint8Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    if (isSmallCount(values[i], settings)) hidden[i] = SMALL;
    else if (options.hiddenElsewhere?.(i)) hidden[i] = COMPLEMENTARY;
    else if (options.enrolled && values[i] > 0) {
      const without = options.enrolled[grid.enrolledIndex(grid.at(i))] - values[i];
      if (isSmallCount(without, settings)) hidden[i] = COMPLEMENTARY;
    }
  }
  const hide = (i: number) => {
    hidden[i] = isSmallCount(values[i], settings) ? SMALL : COMPLEMENTARY;
  };

  const unitSums = dims.units
    .map((u, total) => ({total, parts: dims.units.flatMap((p, i) => (p.parent === u.code ? [i] : []))}))
    .filter((sum) => sum.parts.length > 0);
  const ageParts = dims.ages.map((_, i) => i).slice(1);
  const defaultDefinition = DEFINITIONS.indexOf(configuredDefinition(settings.youthCareDefinition));

  /** One sum: total = the cells at base + offsets; returns whether anything was hidden. */
  const protectSum = (total: number, base: number, offsets: readonly number[]): boolean => {
    // Most sums have nothing hidden at all: nothing to protect, and no arrays to build.
    let anyHidden = hidden[total] !== SHOWN;
    for (let k = 0; k < offsets.length && !anyHidden; k++) anyHidden = hidden[base + offsets[k]] !== SHOWN;
    if (!anyHidden) return false;
    const parts = offsets.map((o) => base + o);
    let changed = false;
    const flags = hiddenParts(
      parts.map((i) => values[i]),
      parts.map((i) => hidden[i] !== SHOWN),
      settings,
      hidden[total] !== SHOWN
    );
    flags.forEach((flag, k) => {
      if (flag && hidden[parts[k]] === SHOWN) {
        hide(parts[k]);
        changed = true;
      }
    });
    if (hidden[total] === SHOWN) {
      const hiddenValues = parts.filter((_, k) => flags[k]).map((i) => values[i]);
      const sum = hiddenValues.reduce((s, n) => s + n, 0);
      if (sum > 0 && (hiddenValues.length < 2 || sum < minCount)) {
        hide(total);
        changed = true;
      }
    }
    return changed;
  };

  // Cells of one context differ only in unit and age: their indexes are base + unit·s + age·t.
  const unitStride = grid.stride("unit");
  const ageStride = grid.stride("age");
  const unitSumOffsets = unitSums.map(({total, parts}) => ({total: total * unitStride, parts: parts.map((u) => u * unitStride)}));
  const agePartOffsets = ageParts.map((a) => a * ageStride);

  for (let changed = true; changed; ) {
    changed = false;
    forEachContext(grid, (at) => {
      const base = grid.index({...at, unit: 0, age: 0});
      for (let age = 0; age < dims.ages.length; age++) {
        const ageBase = base + age * ageStride;
        for (const {total, parts} of unitSumOffsets) {
          if (protectSum(ageBase + total, ageBase, parts)) changed = true;
        }
      }
      for (let unit = 0; unit < dims.units.length; unit++) {
        const unitBase = base + unit * unitStride;
        if (protectSum(unitBase, unitBase, agePartOffsets)) changed = true;
      }
    });
    for (let i = 0; i < grid.size; i++) {
      // A zero differs from a shown wider cell by that cell's own count: 0 or at least minCount.
      if (hidden[i] !== SHOWN || values[i] === 0) continue;
      for (const j of widerCells(grid, i, defaultDefinition)) {
        if (hidden[j] === SHOWN && isSmallCount(Math.abs(values[i] - values[j]), settings)) {
          hide(i);
          changed = true;
          break;
        }
      }
    }
  }
  return hidden;
}

/** Calls back once per combination of year, care type, dyslexia, DBC and definition. */
function forEachContext(grid: CubeGrid, callback: (at: {year: number; careType: number; dyslexia: number; dbc: number; definition: number}) => void): void {
  const {dims} = grid;
  for (let year = 0; year < dims.years.length; year++) {
    for (let careType = 0; careType < dims.careTypes.length; careType++) {
      for (let dyslexia = 0; dyslexia < 2; dyslexia++) {
        for (let dbc = 0; dbc < 2; dbc++) {
          for (let definition = 0; definition < 2; definition++) callback({year, careType, dyslexia, dbc, definition});
        }
      }
    }
  }
}

/**
 * The cells in the same year, unit and age that are nearer the report's own view (all care types,
 * with dyslexia, no DBC correction, the configured definition) in one or more of those four filters.
 */
export function widerCells(grid: CubeGrid, index: number, defaultDefinition: number): number[] {
  // Index arithmetic instead of grid.at(): this runs for every shown cell of a national cube.
  const offsets: number[] = [];
  for (const [dim, wanted] of [["careType", 0], ["dyslexia", 0], ["dbc", 0], ["definition", defaultDefinition]] as const) {
    const value = grid.digit(index, dim);
    if (value !== wanted) offsets.push((wanted - value) * grid.stride(dim));
  }
  const cells: number[] = [];
  for (let mask = 1; mask < 1 << offsets.length; mask++) {
    let wider = index;
    for (let bit = 0; bit < offsets.length; bit++) if (mask & (1 << bit)) wider += offsets[bit];
    cells.push(wider);
  }
  return cells;
}
