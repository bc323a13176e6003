// The single entry point for build code: the configured input folder → a validated Dataset.

import {formatScopeReport, loadDataset, type LoadedDataset} from "./contract.js";
import {InputErrors} from "./errors.js";
import {readInputFolder, resolveDataDir} from "./io.js";
import {formatQualityReport} from "./quality.js";

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the scope summary goes; stderr, because a loader's stdout is its output file. */
  log?: (message: string) => void;
}

function toStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Throws InputErrors when the folder breaks the contract; run it inside exitOnInputError. */
export function loadFromEnvironment({env = process.env, log = toStderr}: LoadOptions = {}): LoadedDataset {
  const dir = resolveDataDir(env);
  const loaded = loadDataset(readInputFolder(dir));
  log(`Invoermap: ${dir}\n${formatScopeReport(loaded.scope)}\n${formatQualityReport(loaded.quality)}`);
  return loaded;
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
