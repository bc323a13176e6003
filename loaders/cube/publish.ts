// The explorer's cube as published files: every count has passed protectCube, pupil rows never leave.
// CSV (not parquet: DuckDB-wasm reads no parquet offline) in plain machine form — comma, dot, no BOM —
// because DuckDB and the page read it, not a spreadsheet; the SQL box's downloads are Dutch CSV.

import {csvFormat} from "d3";
import {AGE_GROUPS} from "../definitions.js";
import type {Settings} from "../model.js";
import {careTypeLabel} from "../tables/common.js";
import type {CubeCounts} from "./count.js";
import {configuredDefinition, DBC, DEFINITIONS, DYSLEXIA} from "./grid.js";
import {COMPLEMENTARY, protectCube, SHOWN, SMALL} from "./protect.js";
import {HIDDEN_MARKS, variantFileName} from "../../src/lib/cube.js";

export interface CubeMeta {
  municipality: string;
  synthetic: boolean;
  minCount: number;
  years: number[];
  ages: {key: string; label: string}[];
  careTypes: {key: string; label: string}[];
  dyslexiaCareType: string;
  dbcTransitionYear: number;
  /** The configured definition: the report's own numbers use it. */
  definition: (typeof DEFINITIONS)[number];
}

/** How a hidden count is marked in the files (src/lib/cube.ts reads the same marks back). */
const HIDDEN_MARK = {[SHOWN]: "", [SMALL]: HIDDEN_MARKS.small, [COMPLEMENTARY]: HIDDEN_MARKS.complementary} as const;

export function publishCube(counts: CubeCounts, settings: Settings, hiddenElsewhere?: (index: number) => boolean): Map<string, string> {
  const {grid, enrolled} = counts;
  const {dims} = grid;
  const pupilsHidden = protectCube(grid, counts.pupils, settings, {enrolled, hiddenElsewhere});
  const trajectoriesHidden = protectCube(grid, counts.trajectories, settings, {hiddenElsewhere});

  const meta: CubeMeta = {
    municipality: settings.municipality,
    synthetic: settings.syntheticData,
    minCount: settings.suppression.minCount,
    years: dims.years,
    ages: [{key: "alle", label: "alle leeftijden"}, ...AGE_GROUPS.map(({key, label}) => ({key, label}))],
    careTypes: [{key: "alle", label: "alle zorgvormen"}, ...dims.careTypes.slice(1).map((key) => ({key, label: careTypeLabel(settings, key)}))],
    dyslexiaCareType: settings.dyslexiaCareType,
    dbcTransitionYear: settings.dbc.transitionYear,
    definition: configuredDefinition(settings.youthCareDefinition)
  };

  const units = dims.units.map((u) => ({code: u.code, niveau: u.level, naam: u.name, onderdeel_van: u.parent ?? "", school_id: u.schoolId ?? ""}));

  const enrolledRows: Record<string, string | number>[] = [];
  for (let year = 0; year < dims.years.length; year++) {
    for (let unit = 0; unit < dims.units.length; unit++) {
      for (let age = 0; age < dims.ages.length; age++) {
        const n = enrolled[grid.enrolledIndex({year, unit, age})];
        if (n > 0) enrolledRows.push({jaar: dims.years[year], eenheid: dims.units[unit].code, leeftijd: dims.ages[age], leerlingen: n});
      }
    }
  }

  const dyslexiaIndex = dims.careTypes.indexOf(settings.dyslexiaCareType);
  // One file per variant of the three switches: a page loads the variant it shows, not all eight
  // (a national cube is some 4 million rows; one file of it does not fit in a browser tab).
  const partitions = new Map(variantFileNames().map((name) => [name, [] as Record<string, string | number>[]]));
  for (let i = 0; i < grid.size; i++) {
    const pupils = counts.pupils[i];
    const trajectories = counts.trajectories[i];
    // Rows with no youth care at all are left out: a missing row reads as 0 (the page and the
    // examples say so). "Without dyslexia care" within dyslexia care is empty by definition.
    if (pupils === 0 && trajectories === 0 && pupilsHidden[i] === SHOWN && trajectoriesHidden[i] === SHOWN) continue;
    const at = grid.at(i);
    if (at.dyslexia === 1 && at.careType === dyslexiaIndex) continue;
    partitions.get(variantFileName({dyslexia: DYSLEXIA[at.dyslexia], dbc: DBC[at.dbc], definition: DEFINITIONS[at.definition]}))!.push({
      jaar: dims.years[at.year],
      eenheid: dims.units[at.unit].code,
      leeftijd: dims.ages[at.age],
      zorgvorm: dims.careTypes[at.careType],
      dyslexie: DYSLEXIA[at.dyslexia],
      dbc_correctie: DBC[at.dbc],
      definitie: DEFINITIONS[at.definition],
      jeugdhulp: pupilsHidden[i] === SHOWN ? pupils : "",
      jeugdhulp_afgeschermd: HIDDEN_MARK[pupilsHidden[i] as keyof typeof HIDDEN_MARK],
      trajecten: trajectoriesHidden[i] === SHOWN ? trajectories : "",
      trajecten_afgeschermd: HIDDEN_MARK[trajectoriesHidden[i] as keyof typeof HIDDEN_MARK]
    });
  }

  return new Map([
    ["meta.json", JSON.stringify(meta)],
    ["eenheden.csv", csvFormat(units)],
    ["leerlingen.csv", csvFormat(enrolledRows)],
    ...[...partitions].map(([name, rows]): [string, string] => [name, csvFormat(rows, CELL_COLUMNS)])
  ]);
}

/** The columns of every jeugdhulp-*.csv, also when a variant has no rows. */
export const CELL_COLUMNS = [
  "jaar",
  "eenheid",
  "leeftijd",
  "zorgvorm",
  "dyslexie",
  "dbc_correctie",
  "definitie",
  "jeugdhulp",
  "jeugdhulp_afgeschermd",
  "trajecten",
  "trajecten_afgeschermd"
];

/** The eight cell files, in a fixed order. */
export function variantFileNames(): string[] {
  return DYSLEXIA.flatMap((dyslexia) => DBC.flatMap((dbc) => DEFINITIONS.map((definition) => variantFileName({dyslexia, dbc, definition}))));
}
