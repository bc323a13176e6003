// The single entry point for build code: the configured input folder → a validated Dataset.

import {setFlagsFromString} from "node:v8";
import {columnarReader} from "./columnarRead.js";
import {formatScopeReport, loadDataset, type InputTexts, type LargeFileReader, type LoadedDataset} from "./contract.js";
import {InputErrors} from "./errors.js";
import {duoComparison} from "./import/duo.js";
import {atSource} from "./import/table.js";
import {readInputSources, resolveDataDir, type InputSources} from "./io.js";
import {formatQualityReport} from "./quality.js";

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the scope summary goes; stderr, because a loader's stdout is its output file. */
  log?: (message: string) => void;
}

function toStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Input of this size (both large files of 1 M trajectories: 140 MB) holds a gigabyte of rows once loaded. */
export const LARGE_INPUT_BYTES = 100 * 2 ** 20;

/**
 * Before loading a large input: let V8's heap grow by as much as its live size between full
 * collections instead of up to four times. Nationally (3,6 M enrolments, 1 M trajectories) V8's own
 * growth made the peak 2,4–2,9 GB; bounded, it stays under issue 13's 2 GB. Measured on the national
 * input (bench/README.md): on 5 December 50 % gave 1,8 GB and 36 s of CPU, 80 % 1,7 GB and 32–33 s,
 * 100 % 1,9 GB; on 6 December, with a smaller live heap (no corrected copies kept, pupil codes),
 * 100 % against 80 % three runs each, twice: median 29,1 and 30,2 s against 30,0 and 32,0 s, peak
 * 1,5–1,7 GB both; 150 % 30,7 s and 1,8 GB. The flag holds for the whole process, so small inputs
 * (the tests, one municipality) leave V8's default alone. Returns whether it was set.
 */
export function boundHeapGrowth(texts: Partial<InputTexts>): boolean {
  const bytes = Object.values(texts).reduce((sum, content) => sum + (content?.length ?? 0), 0);
  if (bytes < LARGE_INPUT_BYTES) return false;
  setFlagsFromString("--heap-growing-percent=100");
  return true;
}

/**
 * The columnar reader for a folder whose large files came as bytes (CSV files, not a workbook's
 * sheet); else none. It reads the default data in 12–17 ms where the text readers take 25–30 ms,
 * and the national input in 12–14 s instead of 15–19 s (bench/README.md), so every size goes
 * through it and the text readers remain for what it declines.
 */
export function largeFileReader({texts}: Pick<InputSources, "texts">, onDecline?: (reason: string) => void): LargeFileReader | undefined {
  const {leerlingen, trajecten} = texts;
  if (leerlingen === undefined || trajecten === undefined || typeof leerlingen === "string" || typeof trajecten === "string") return undefined;
  return columnarReader({leerlingen, trajecten}, onDecline);
}

/** Throws InputErrors when the folder breaks the contract; run it inside exitOnInputError. */
export function loadFromEnvironment({env = process.env, log = toStderr}: LoadOptions = {}): LoadedDataset {
  const dir = resolveDataDir(env);
  const sources = readInputSources(dir);
  const {texts, sheets, duo} = sources;
  boundHeapGrowth(texts);
  let loaded: LoadedDataset;
  try {
    loaded = loadDataset(texts, {largeFiles: largeFileReader(sources)});
  } catch (error) {
    // A file read from a workbook: name its sheet and cell, not the CSV it was converted to.
    if (error instanceof InputErrors) throw new InputErrors(error.errors.map((e) => atSource(e, sheets)));
    throw error;
  }
  // The build log names a workbook's sheet, as its errors do.
  for (const file of loaded.quality.files) {
    const sheet = sheets[file.file];
    if (sheet) Object.assign(file, {file: sheet.file, encoding: "Excel-werkmap"});
  }
  log(inputSummary(dir, loaded, duo));
  return loaded;
}

/**
 * Adds the comparison with DUO's files (beside leerlingen.csv, io.ts) to the quality report and
 * returns the Dutch summary the build and `nadere-ogen check` print.
 */
export function inputSummary(dir: string, loaded: LoadedDataset, duo: Parameters<typeof duoComparison>[0]): string {
  loaded.quality.duo = duoComparison(duo, loaded.dataset);
  const names = new Map(loaded.dataset.schools.map((school) => [school.id, school.name]));
  return `Invoermap: ${dir}\n${formatScopeReport(loaded.scope)}\n${formatQualityReport(loaded.quality, names)}`;
}

/** Runs the build step; contract errors become a Dutch message on stderr and exit code 1. */
export async function exitOnInputError<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return exitWithInputErrors(error);
  }
}

/**
 * Contract errors: the Dutch report on stderr and exit code 1, before anything else can wrap it
 * (Framework prints a thrown config error as "Unexpected error: …" and asks for a bug report).
 * Anything else is a bug and keeps its stack trace.
 */
export function exitWithInputErrors(error: unknown): never {
  if (!(error instanceof InputErrors)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
