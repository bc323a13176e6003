// The hand-made import fixtures (tests/fixtures/import/): a source folder is the common files in
// bron/ plus the iJw messages as XML (xml/) or as flat dumps (csv/).

import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {formatInputError, InputErrors} from "../../loaders/errors.js";
import {importFolder, type SourceFile} from "../../loaders/import/folder.js";

const root = path.resolve(import.meta.dirname, "../fixtures/import");

export const KEY = "sleutel-van-de-gemeente-zonnedal";
export const ENV = {NADERE_OGEN_IMPORTSLEUTEL: KEY};

/** The invented BSNs of the fixtures (all pass the elfproef), by pupil. */
export const BSN = {P1: "999990007", P2: "999990019", P3: "999990020", P4: "999990032", P5: "999990044", P6: "999990056"};

export function fixtureFiles(...folders: string[]): SourceFile[] {
  return folders.flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .sort()
      .map((name) => ({name, bytes: new Uint8Array(readFileSync(path.join(root, folder, name)))}))
  );
}

/** The fixture folder with files replaced (by name) or added. */
export function withFiles(files: SourceFile[], changes: Record<string, string | Uint8Array | null>): SourceFile[] {
  const kept = files.filter((file) => !(file.name in changes));
  const added = Object.entries(changes).flatMap(([name, content]) =>
    content === null ? [] : [{name, bytes: typeof content === "string" ? new TextEncoder().encode(content) : content}]
  );
  return [...kept, ...added];
}

export const text = (files: SourceFile[], name: string) => new TextDecoder().decode(files.find((file) => file.name === name)!.bytes);

/** The Dutch messages of an import that must fail. */
export function importErrors(files: SourceFile[], env: NodeJS.ProcessEnv = ENV): string[] {
  try {
    importFolder(files, env);
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map(formatInputError);
    throw error;
  }
  throw new Error("expected InputErrors");
}
