// The explorer's cube as published files: every count is perturbed by the cell-key method (ptable.ts)
// — the same cell always shows the same value, a count below 10 shows as 0 or 10, and a difference of
// two cells is the difference plus noise — except a count the report publishes too, which shows the
// report's value or is withheld with it (loaders/disclosure/cubeCells.ts decides which). Pupil rows, record keys and cell keys never leave.
// CSV (not parquet: DuckDB-wasm reads no parquet offline) in plain machine form — comma, dot, no BOM —
// because DuckDB and readers' tools read it, not a spreadsheet; the SQL box's downloads are Dutch CSV.
// Each variant's cells also go out as columns in JSON (src/lib/cube.ts, CompactVariant), the same
// values: the page decodes those in milliseconds where a national CSV took a second to parse.

import {csvFormat} from "d3";
import {AGE_GROUPS} from "../definitions.js";
import type {Settings} from "../model.js";
import {careTypeLabel} from "../tables/common.js";
import type {CubeCounts} from "./count.js";
import {configuredDefinition, DBC, DEFINITIONS, DYSLEXIA} from "./grid.js";
import {perturb, perturbationTable, PTABLE_SCALE} from "./ptable.js";
import {encodeVariant, variantFileName, type CubeDims} from "../../src/lib/cube.js";

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
  /** The perturbation: counts below roundBelow become 0 or roundBelow (at most ± maxDeviation); from
   *  roundBelow on at most ± roundedDeviation, from stationaryFrom on at most ± largeDeviation. */
  perturbation: {roundBelow: number; maxDeviation: number; roundedDeviation: number; largeDeviation: number; stationaryFrom: number};
}

/** A cell the files leave out: a school's or a board's cut outside the report's configuration. */
export const LEFT_OUT = "left out";

/**
 * What a cell shows where the disclosure model decides otherwise than the perturbation: a count the
 * report also publishes shows the report's value, or nothing (null: withheld, shown "·") where the
 * report withholds it, and a school's own cut is left out (loaders/disclosure/cubeCells.ts).
 */
export type CubeOverride = (cell: number) => {pupils: number | null; trajectories: number | null} | typeof LEFT_OUT | undefined;

export function publishCube(counts: CubeCounts, settings: Settings, override: CubeOverride = () => undefined): Map<string, string> {
  const {grid, enrolled} = counts;
  const {dims} = grid;
  const table = perturbationTable(settings);

  const meta: CubeMeta = {
    municipality: settings.municipality,
    synthetic: settings.syntheticData,
    minCount: settings.suppression.minCount,
    years: dims.years,
    ages: [{key: "alle", label: "alle leeftijden"}, ...AGE_GROUPS.map(({key, label}) => ({key, label}))],
    careTypes: [{key: "alle", label: "alle zorgvormen"}, ...dims.careTypes.slice(1).map((key) => ({key, label: careTypeLabel(settings, key)}))],
    dyslexiaCareType: settings.dyslexiaCareType,
    dbcTransitionYear: settings.dbc.transitionYear,
    definition: configuredDefinition(settings.youthCareDefinition),
    perturbation: {
      roundBelow: table.roundBelow,
      maxDeviation: table.maxDeviation,
      roundedDeviation: table.roundedDeviation,
      largeDeviation: table.largeDeviation,
      stationaryFrom: table.stationaryFrom
    }
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
    const decided = override(i);
    if (decided === LEFT_OUT) continue;
    const pupils = decided ? decided.pupils : perturb(counts.pupils[i], counts.pupilKeys[i], settings);
    const trajectories = atLeastPupils(decided ? decided.trajectories : perturb(counts.trajectories[i], counts.trajectoryKeys[i], settings), pupils);
    // Rows that publish no youth care are left out: a missing row reads as 0 (the page and the
    // examples say so), except in a school's or a board's cut left out above. "Without dyslexia
    // care" within dyslexia care is empty by definition.
    if (pupils === 0 && trajectories === 0) continue;
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
      // An empty field is a withheld count (d3's csvFormat writes null as nothing).
      jeugdhulp: pupils ?? "",
      trajecten: trajectories ?? ""
    });
  }

  const cubeDims: CubeDims = {years: dims.years, units: dims.units.map((u) => u.code), ages: dims.ages, careTypes: dims.careTypes};
  return new Map([
    ["meta.json", JSON.stringify(meta)],
    ["eenheden.csv", csvFormat(units)],
    ["leerlingen.csv", csvFormat(enrolledRows)],
    ["verstoring.csv", ptableCsv(table)],
    ...[...partitions].map(([name, rows]): [string, string] => [name, csvFormat(rows, CELL_COLUMNS)]),
    // The same cells again, as columns for the page (src/lib/cube.ts): same values, other form.
    ...[...partitions].map(([name, rows]): [string, string] => [compactName(name), JSON.stringify(encodeVariant(rows, cubeDims))])
  ]);
}

/**
 * A pupil counts only with a trajectory, so a row never shows fewer trajectories than pupils: noise
 * that would (5 pupils, 0 trajectories) shows the pupils' number instead. A reader then knows only
 * that the trajectories' perturbed value was at most that, which bounds the pupils no tighter than
 * their own value does (loaders/disclosure/cubeCells.ts reads the published pair).
 */
export function atLeastPupils(trajectories: number | null, pupils: number | null): number | null {
  return trajectories !== null && pupils !== null && trajectories < pupils ? pupils : trajectories;
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
  "trajecten"
];

/**
 * The public perturbation table: per true count each published value (and its noise) with its
 * probability; `kans_op_65536` is the exact weight. Rows marked `ook_hoger` = ja hold for every
 * larger count too, with the same noise.
 */
function ptableCsv(table: ReturnType<typeof perturbationTable>): string {
  const rows = table.rows.flatMap((row) =>
    row.values.map((v, i) => ({
      werkelijk: row.count,
      gepubliceerd: v,
      ruis: v - row.count,
      kans: (row.weights[i] / PTABLE_SCALE).toFixed(6),
      kans_op_65536: row.weights[i],
      ook_hoger: row.count === table.stationaryFrom ? "ja" : "nee"
    }))
  );
  return csvFormat(rows);
}

/** The page's copy of a variant's CSV: jeugdhulp-met-uit-gestart.json. */
export function compactName(csvName: string): string {
  return csvName.replace(/\.csv$/, ".json");
}

/** The eight cell files, in a fixed order. */
export function variantFileNames(): string[] {
  return DYSLEXIA.flatMap((dyslexia) => DBC.flatMap((dbc) => DEFINITIONS.map((definition) => variantFileName({dyslexia, dbc, definition}))));
}
