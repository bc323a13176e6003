// The only module that touches the filesystem: where the input folder is, and its files as text.

import {isMainThread} from "node:worker_threads";
import {closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync} from "node:fs";
import {createHash} from "node:crypto";
import {resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {INPUT_FILES, type InputName, type InputTexts} from "./contract.js";
import {InputErrors, type InputError} from "./errors.js";
import {CONTENT_FOLDER, PUBLISHED_FOLDER} from "./content.js";
import {isFaviconFile} from "./huisstijl.js";
import {isDuoPupilsFile} from "./import/duo.js";
import {alignedCsv, isWorkbook, type SourceTable} from "./import/table.js";
import {readSheet} from "./import/xlsx.js";
import {parseRegion, REGION_FILE, type RegionSpec} from "./region.js";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data/default/", import.meta.url));
const CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/nadere-ogen/", import.meta.url));
const PATTERN_DIR = fileURLToPath(new URL("../data/afscherming/", import.meta.url));

/** NADERE_OGEN_DATA (relative to the working directory) or the synthetic default folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.NADERE_OGEN_DATA?.trim();
  return dir ? resolve(dir) : DEFAULT_DATA_DIR;
}

/**
 * NADERE_OGEN_PROGRESS=1: a long step (the secondary suppression's search: minutes per step at a few
 * hundred schools) reports its progress on stderr, one line at a time, so that a benchmark or a
 * large build can be followed. Otherwise nothing is written.
 */
export function progressLine(env: NodeJS.ProcessEnv = process.env): ((line: string) => void) | undefined {
  return env.NADERE_OGEN_PROGRESS ? (line) => writeProgress(`${new Date().toISOString().slice(11, 19)} ${line}\n`) : undefined;
}

/**
 * From a worker thread straight to stderr's descriptor: its process.stderr reaches the build's through
 * the worker's event loop, which the secondary search in a worker (secondaryTask.ts) leaves only when
 * it is done, so its lines came at the end or, the worker stopped, never. A full pipe (EAGAIN) gets
 * the stream.
 */
function writeProgress(text: string): void {
  if (isMainThread) return void process.stderr.write(text);
  try {
    writeSync(2, text);
  } catch {
    process.stderr.write(text);
  }
}

/** As progressLine, each line ending in the seconds since this call: "kubus geteld: … (80 s)". */
export function timedProgressLine(env: NodeJS.ProcessEnv = process.env): ((line: string) => void) | undefined {
  const line = progressLine(env);
  const started = performance.now();
  return line && ((text) => line(`${text} (${((performance.now() - started) / 1000).toFixed(0)} s)`));
}

/** The folder's five files as bytes: the contract decodes them and says which encoding it read. */
export function readInputFolder(dir: string): InputTexts {
  return readInputSources(dir).texts;
}

export interface InputSources {
  texts: InputTexts;
  /** The sheet each contract file was converted from (by its CSV name), to name cells in errors. */
  sheets: Partial<Record<string, SourceTable>>;
  /** Where each file read as bytes (not converted from a workbook) lies, for a reader that opens it itself (DuckDB). */
  paths: Partial<Record<InputName, string>>;
  /** DUO's pupils per location per age beside leerlingen.csv, if the municipality put it there: a cross-check, no input. */
  duo: {name: string; bytes: Uint8Array}[];
}

/**
 * The five files; a CSV file may instead be an .xlsx workbook (trajecten.xlsx), whose first sheet
 * becomes the CSV text with every row on its sheet row, so that the contract's line numbers are
 * the sheet's rows.
 */
export function readInputSources(dir: string): InputSources {
  const {texts, sheets, paths, duo, errors} = readAvailableSources(dir);
  if (errors.length > 0) throw new InputErrors(errors);
  return {texts: texts as InputTexts, sheets, paths, duo};
}

/**
 * The files the folder has, and an error for each that is missing, doubled or a folder: for a
 * check that reports the other files' errors too (contract.ts loadAvailable).
 */
export function readInputFiles(dir: string): {files: Partial<InputTexts>; duo: InputSources["duo"]; errors: InputError[]} {
  const {texts, duo, errors} = readAvailableSources(dir);
  return {files: texts, duo, errors};
}

function readAvailableSources(dir: string): Omit<InputSources, "texts"> & {texts: Partial<InputTexts>; errors: InputError[]} {
  if (!statSync(dir, {throwIfNoEntry: false})?.isDirectory()) {
    return {texts: {}, sheets: {}, paths: {}, duo: [], errors: [folderError(dir, "bestaat niet of is geen map; controleer NADERE_OGEN_DATA")]};
  }
  // Exports made on Windows may be called Leerlingen.csv; the name is matched without case. Two
  // names that differ only in case (a fresh export beside a stale one) leave no way to pick one.
  const entries = new Map<string, string[]>();
  for (const entry of readdirSync(dir)) entries.set(entry.toLowerCase(), [...(entries.get(entry.toLowerCase()) ?? []), entry]);
  const errors: InputError[] = [];
  const chosen = new Map<InputName, string>();
  for (const name of Object.keys(INPUT_FILES) as InputName[]) {
    const file = INPUT_FILES[name];
    const workbook = file.endsWith(".csv") ? file.replace(/\.csv$/, ".xlsx") : null;
    const asCsv = entries.get(file) ?? [];
    const asWorkbook = workbook ? (entries.get(workbook) ?? []) : [];
    const found = asCsv.length > 0 ? asCsv : asWorkbook;
    if (found.length === 0) errors.push(folderError(file, `ontbreekt in de map ${dir}`));
    else if (asCsv.length > 0 && asWorkbook.length > 0) {
      const message = `staat twee keer in de map: als ${asCsv[0]} en als ${asWorkbook[0]}; verwijder of hernoem het bestand dat niet gelezen moet worden`;
      errors.push(folderError(file, message));
    } else if (found.length > 1) {
      const message = `staat ${found.length} keer in de map, alleen verschillend in hoofdletters (${found.sort().join(", ")}); verwijder of hernoem de bestanden die niet gelezen moeten worden`;
      errors.push(folderError(file, message));
    } else if (!statSync(resolve(dir, found[0])).isFile()) {
      errors.push(folderError(found[0], `is een map, geen bestand; zet het bestand zelf in ${dir}`));
    } else chosen.set(name, found[0]);
  }
  const sheets: InputSources["sheets"] = {};
  const texts: Partial<Record<InputName, Uint8Array | string>> = {};
  const paths: InputSources["paths"] = {};
  for (const [name, entry] of chosen) {
    if (!isWorkbook(entry)) {
      texts[name] = readShared(resolve(dir, entry));
      paths[name] = resolve(dir, entry);
      continue;
    }
    const {table, errors: sheetErrors} = readSheet(readFileSync(resolve(dir, entry)), entry);
    errors.push(...sheetErrors);
    if (table) {
      texts[name] = alignedCsv(table.columns, table.headerLine, table.rows);
      sheets[INPUT_FILES[name]] = table;
    }
  }
  const duo = [...entries.values()]
    .flat()
    .filter((entry) => isDuoPupilsFile(entry) && statSync(resolve(dir, entry)).isFile())
    .sort()
    .map((name) => ({name, bytes: readFileSync(resolve(dir, name))}));
  return {texts: texts as Partial<InputTexts>, sheets, paths, duo, errors};
}

/**
 * A file's bytes in memory that worker threads can read too (a SharedArrayBuffer): the columnar
 * reader numbers trajecten.csv in a worker while the build's thread numbers leerlingen.csv
 * (plainColumns.ts), and a copy of the national file cost 0,3 s. Reading costs the same as readFileSync.
 */
function readShared(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.from(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length; ) {
      const read = readSync(fd, bytes, at, bytes.length - at, at);
      if (read === 0) throw new Error(`${path}: ended after ${at} of ${bytes.length} bytes while being read`);
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function folderError(file: string, message: string): InputError {
  return {file, line: null, column: null, value: null, message};
}

/**
 * The default content's published figures (data/default/inhoud/gepubliceerd/): the 2020 report's own
 * numbers, which the synthetic generator aims at and the reproduction test expects. By file name.
 */
export function readPublishedFiles<const N extends string>(names: readonly N[]): Record<N, string> {
  const dir = resolve(DEFAULT_DATA_DIR, CONTENT_FOLDER, PUBLISHED_FOLDER);
  return Object.fromEntries(names.map((name) => [name, readFileSync(resolve(dir, name), "utf8")])) as Record<N, string>;
}

/**
 * The content folder beside the data (<data>/inhoud/: the report's identity, chapters, passages and
 * published figures) as text by path relative to it ("paginas/conclusies.md"); null when the folder
 * has none. Only .md, .json and .csv files: anything else in it is no content.
 */
export function readContentFolder(dataDir: string): Map<string, string> | null {
  const dir = resolve(dataDir, CONTENT_FOLDER);
  if (!statSync(dir, {throwIfNoEntry: false})?.isDirectory()) return null;
  const names = (readdirSync(dir, {recursive: true}) as string[]).map((name) => name.split(sep).join("/")).sort();
  const files = new Map<string, string>();
  for (const name of names) {
    if (/\.(md|json|csv)$/i.test(name) && statSync(resolve(dir, name)).isFile()) files.set(name, readFileSync(resolve(dir, name), "utf8"));
  }
  return files;
}

/** The content folder's favicon files (favicon.svg, .png or .ico, any case) as bytes; [] without a folder. */
export function readContentFavicons(dataDir: string): {name: string; bytes: Uint8Array}[] {
  const dir = resolve(dataDir, CONTENT_FOLDER);
  if (!statSync(dir, {throwIfNoEntry: false})?.isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => isFaviconFile(name) && statSync(resolve(dir, name)).isFile())
    .sort()
    .map((name) => ({name, bytes: readFileSync(resolve(dir, name))}));
}

/**
 * A build cache entry (node_modules/.cache/nadere-ogen/<kind>/<key>.json): results that are expensive
 * and follow from their key alone, shared by the build's processes. Written whole or not at all.
 */
export function buildCache(kind: string, key: string): BuildCacheEntry {
  const dir = resolve(CACHE_DIR, kind);
  const file = resolve(dir, `${key}.json`);
  const exists = () => statSync(file, {throwIfNoEntry: false})?.isFile() ?? false;
  const write = (parts: readonly (string | Uint8Array)[]) => {
    mkdirSync(dir, {recursive: true});
    const partial = `${file}.${process.pid}`;
    const fd = openSync(partial, "w");
    try {
      for (const part of parts) {
        const bytes = typeof part === "string" ? Buffer.from(part) : part;
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  };
  return {
    read: () => (exists() ? readFileSync(file, "utf8") : null),
    readBytes: () => (exists() ? readFileSync(file) : null),
    writtenAt: () => statSync(file, {throwIfNoEntry: false})?.mtimeMs ?? null,
    remove: () => rmSync(file, {force: true}),
    write: (text) => write([text]),
    writeParts: write
  };
}

export interface BuildCacheEntry {
  read(): string | null;
  /** The entry as bytes: for one longer than a string can be (V8: about 512 M characters). */
  readBytes(): Buffer | null;
  /** When the entry was last written (ms since the epoch; a write is a rename, so it is whole), or null. */
  writtenAt(): number | null;
  remove(): void;
  write(text: string): void;
  /** The entry written from parts, one after another, without joining them first. */
  writeParts(parts: readonly (string | Uint8Array)[]): void;
}

/**
 * A fingerprint of what a report is computed from: every file below the input folder (its content
 * folder too) and the code that computes it (loaders/, the page modules they import from src/lib/
 * and src/components/palette.ts, and the lockfile). The build's page loaders key the released report
 * by it (pipeline.ts pageReportFromEnvironment).
 */
export function reportFingerprint(dataDir: string): string {
  const hash = createHash("sha256");
  const loaders = fileURLToPath(new URL(".", import.meta.url));
  const files = (dir: string) =>
    (readdirSync(dir, {recursive: true}) as string[])
      .map((name) => resolve(dir, name))
      .filter((file) => statSync(file).isFile())
      .sort();
  const shared = [...files(fileURLToPath(new URL("../src/lib/", import.meta.url))), fileURLToPath(new URL("../src/components/palette.ts", import.meta.url))];
  for (const file of [...files(dataDir), ...files(loaders), ...shared, fileURLToPath(new URL("../package-lock.json", import.meta.url))]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 24);
}

/**
 * Secondary-suppression patterns kept in the repository (data/afscherming/<key>.json, written by
 * `npm run afscherming`), as τ-ARGUS keeps a-priori files: the greedy search takes minutes, and a fresh
 * clone (CI, a new machine) would repeat it for the same input. The key hashes the whole disclosure
 * system (cells, forms, true values, relations) and the options, so a pattern is only ever used for
 * exactly the system it was chosen for; the audit still proves every build's release afresh.
 * NADERE_OGEN_SOLVE_COLD=1 ignores them (the benchmark's cold figures).
 */
export const committedPatterns = {
  read(key: string, env: NodeJS.ProcessEnv = process.env): string | null {
    if (env.NADERE_OGEN_SOLVE_COLD === "1") return null;
    const file = resolve(PATTERN_DIR, `${key}.json`);
    return statSync(file, {throwIfNoEntry: false})?.isFile() ? readFileSync(file, "utf8") : null;
  },
  keys(): string[] {
    if (!statSync(PATTERN_DIR, {throwIfNoEntry: false})?.isDirectory()) return [];
    return readdirSync(PATTERN_DIR).flatMap((name) => (name.endsWith(".json") ? [name.slice(0, -".json".length)] : []));
  },
  write(key: string, text: string): void {
    mkdirSync(PATTERN_DIR, {recursive: true});
    writeFileSync(resolve(PATTERN_DIR, `${key}.json`), text);
  },
  remove(key: string): void {
    rmSync(resolve(PATTERN_DIR, `${key}.json`), {force: true});
  }
};

/**
 * The files in an import source folder (bronmap) and its sub-folders (iJw messages often come as
 * thousands of files per provider), as names relative to the folder ("ijw/jw301-1.xml") and bytes.
 */
export function readSourceFolder(dir: string): {name: string; bytes: Uint8Array}[] {
  if (!statSync(dir, {throwIfNoEntry: false})?.isDirectory()) {
    throw new InputErrors([folderError(dir, "bestaat niet of is geen map")]);
  }
  const names = (readdirSync(dir, {recursive: true}) as string[]).map((name) => name.split(sep).join("/"));
  return names
    .filter((name) => statSync(resolve(dir, name)).isFile())
    .sort()
    .map((name) => ({name, bytes: readFileSync(resolve(dir, name))}));
}

/** Writes a contract folder (created when absent); each file whole or not at all. */
export function writeContractFolder(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, {recursive: true});
  for (const [name, text] of Object.entries(files)) {
    const file = resolve(dir, name);
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
}

/**
 * A region's folder (loaders/region.ts): its regio.json parsed, with the absolute data folder of each
 * entry, relative to the region's folder.
 */
export function readRegion(regionDir: string): RegionSpec {
  const file = resolve(regionDir, REGION_FILE);
  if (!statSync(file, {throwIfNoEntry: false})?.isFile()) {
    throw new InputErrors([{file: REGION_FILE, line: null, column: null, value: null, message: `ontbreekt in ${regionDir}: zet daar de naam van de regio en de mappen van de gemeenten in (zie README, Een regio)`}]);
  }
  return parseRegion(readFileSync(file, "utf8"), (folder) => resolve(regionDir, folder));
}
