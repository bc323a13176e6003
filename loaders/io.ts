// The only module that touches the filesystem: where the input folder is, and its files as text.

import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {INPUT_FILES, type InputName, type InputTexts} from "./contract.js";
import {InputErrors, type InputError} from "./errors.js";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data/default/", import.meta.url));
const PUBLISHED_DIR = fileURLToPath(new URL("../data/published/", import.meta.url));
const CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/nadere-ogen/", import.meta.url));

/** NADERE_OGEN_DATA (relative to the working directory) or the synthetic default folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.NADERE_OGEN_DATA?.trim();
  return dir ? resolve(dir) : DEFAULT_DATA_DIR;
}

export function readInputFolder(dir: string): InputTexts {
  if (!statSync(dir, {throwIfNoEntry: false})?.isDirectory()) {
    throw new InputErrors([folderError(dir, "bestaat niet of is geen map; controleer NADERE_OGEN_DATA")]);
  }
  // Exports made on Windows may be called Leerlingen.csv; the name is matched without case.
  const entries = new Map(readdirSync(dir).map((entry) => [entry.toLowerCase(), entry]));
  const names = Object.keys(INPUT_FILES) as InputName[];
  const missing = names.filter((name) => !entries.has(INPUT_FILES[name]));
  if (missing.length > 0) {
    throw new InputErrors(missing.map((name) => folderError(INPUT_FILES[name], `ontbreekt in de map ${dir}`)));
  }
  const texts = names.map((name) => [name, decode(readFileSync(resolve(dir, entries.get(INPUT_FILES[name])!)))]);
  return Object.fromEntries(texts) as InputTexts;
}

function folderError(file: string, message: string): InputError {
  return {file, line: null, column: null, value: null, message};
}

// Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252, not UTF-8.
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The 2020 report's own published figures and texts (data/published/), by file name. */
export function readPublishedFiles<const N extends string>(names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((name) => [name, readFileSync(resolve(PUBLISHED_DIR, name), "utf8")])) as Record<N, string>;
}

/**
 * A build cache entry (node_modules/.cache/nadere-ogen/<kind>/<key>.json): results that are expensive
 * and follow from their key alone, shared by the build's processes. Written whole or not at all.
 */
export function buildCache(kind: string, key: string): {read(): string | null; write(text: string): void} {
  const dir = resolve(CACHE_DIR, kind);
  const file = resolve(dir, `${key}.json`);
  return {
    read: () => (statSync(file, {throwIfNoEntry: false})?.isFile() ? readFileSync(file, "utf8") : null),
    write: (text) => {
      mkdirSync(dir, {recursive: true});
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
  };
}
