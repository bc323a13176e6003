// Plain CSV files read by DuckDB into dictionary codes, synchronously: the contract (contract.ts)
// is synchronous and called from many places, and DuckDB's Node API is asynchronous. So DuckDB runs
// in a child process (csvColumns.child.mjs) that this one waits for. On the national input
// (3,6 M + 1 M rows) the two files are read and numbered on both cores in about 7 s, where
// splitting and hashing their cells here took most of the contract's 22 s.

import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

export interface CsvColumnsRequest {
  /** Each file's path, delimiter and header (the columns in the file's order). */
  files: {path: string; delimiter: string; columns: string[]}[];
  /** Columns numbered together, as [file index, column]: one dictionary each. */
  dictionaries: [number, string][][];
  /** Columns expected to differ in every row (ids), as [file index, column]: their texts in row order. */
  uniqueColumns: [number, string][];
}

export interface CsvColumns {
  /** Data rows per file. */
  rows: number[];
  /** Per dictionary, its distinct texts (an empty cell is ""). */
  dictionaries: string[][];
  /** Per file and column, each row's index into its dictionary. */
  codes: Record<string, Int32Array>[];
  /** Per unique column, its texts in row order and how many distinct ones there are. */
  unique: {texts: string[]; distinct: number}[];
}

/** DuckDB could not read the files (not installed, or a file it refuses); the message says why, in English. */
export class CsvColumnsUnavailable extends Error {}

/** The national input takes about 7 s; a reply this late means the child is stuck. */
const WAIT_MS = 10 * 60 * 1000;
const CHILD = fileURLToPath(new URL("./csvColumns.child.mjs", import.meta.url));

export function readCsvColumns(request: CsvColumnsRequest): CsvColumns {
  // No flags of this process (tsx's loader, a heap limit): the child is plain JavaScript.
  const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-kolommen-"));
  let out: Buffer;
  try {
    const output = path.join(scratch, "codes.bin");
    const child = spawnSync(process.execPath, [CHILD], {input: JSON.stringify({...request, output}), timeout: WAIT_MS, stdio: ["pipe", "ignore", "pipe"]});
    if (child.error || child.status !== 0) {
      const why = child.error?.message ?? `exit code ${child.status}${child.signal ? `, ${child.signal}` : ""}: ${child.stderr.toString().trim().split("\n")[0]}`;
      throw new CsvColumnsUnavailable(`the DuckDB process failed (${why})`);
    }
    out = readFileSync(output);
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
  const headerLength = out.readUInt32LE(0);
  type Header = {rows: number[]; dictionaries: number; distinct: number[]; texts: number[]; codes: {file: number; column: string; length: number}[]};
  const header = JSON.parse(out.toString("utf8", 4, 4 + headerLength)) as Header | {error: string};
  if ("error" in header) throw new CsvColumnsUnavailable(header.error);
  let at = 4 + headerLength;
  const texts = header.texts.map((length) => {
    const text = out.toString("latin1", at, at + length);
    at += length;
    return text.split("\n");
  });
  // The child padded the file to a multiple of four bytes before the codes.
  at += (4 - (at % 4)) % 4;
  const codes: Record<string, Int32Array>[] = header.rows.map(() => ({}));
  for (const {file, column, length} of header.codes) {
    const offset = out.byteOffset + at;
    // A view where the bytes lie on a multiple of four (a file this large has a buffer of its own), else a copy.
    codes[file][column] = offset % 4 === 0 ? new Int32Array(out.buffer, offset, length) : new Int32Array(out.buffer.slice(offset, offset + length * 4));
    at += length * 4;
  }
  return {
    rows: header.rows,
    dictionaries: texts.slice(0, header.dictionaries),
    codes,
    unique: header.distinct.map((distinct, u) => ({texts: texts[header.dictionaries + u], distinct}))
  };
}
