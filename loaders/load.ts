// The single entry point for build code: the configured input folder → a validated Dataset.

import {formatScopeReport, loadDataset, type LoadedDataset} from "./contract.js";
import {InputErrors} from "./errors.js";
import {readInputFolder, resolveDataDir} from "./io.js";

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
  log(`Invoermap: ${dir}\n${formatScopeReport(loaded.scope)}`);
  return loaded;
}

/** Runs the build step; contract errors become a Dutch message on stderr and exit code 1. */
export async function exitOnInputError<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
