// Plain CSV files read by DuckDB into dictionary codes, synchronously: the contract (contract.ts)
// is synchronous and called from many places, and DuckDB's Node API is asynchronous. So DuckDB runs
// in a worker (csvColumns.worker.mjs) and this thread waits for its reply. On the national input
// (3,6 M + 1 M rows) the two files are read and numbered on both cores in a few seconds, where
// splitting and hashing their cells here took most of the contract's 20 s.

import {MessageChannel, Worker, receiveMessageOnPort} from "node:worker_threads";

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

/** The national input takes 6–7 s; a reply this late means the worker is gone. */
const WAIT_MS = 10 * 60 * 1000;

export function readCsvColumns(request: CsvColumnsRequest): CsvColumns {
  const {port1, port2} = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./csvColumns.worker.mjs", import.meta.url), {
    workerData: {port: port2, signal, request},
    transferList: [port2],
    // The worker needs no loader of ours: plain JavaScript.
    execArgv: []
  });
  try {
    // A worker that dies without raising the signal (killed from outside) must not hang the build.
    if (Atomics.wait(signal, 0, 0, WAIT_MS) === "timed-out") throw new CsvColumnsUnavailable(`no reply from the DuckDB worker in ${WAIT_MS / 1000} s`);
    type Joined = Omit<CsvColumns, "dictionaries" | "unique"> & {dictionaries: string[]; unique: {texts: string; distinct: number}[]};
    const reply = receiveMessageOnPort(port1)?.message as Joined | {error: string} | undefined;
    if (reply === undefined) throw new CsvColumnsUnavailable("the DuckDB worker ended without a reply");
    if ("error" in reply) throw new CsvColumnsUnavailable(reply.error);
    const split = (joined: string) => joined.split("\n");
    return {...reply, dictionaries: reply.dictionaries.map(split), unique: reply.unique.map(({texts, distinct}) => ({texts: split(texts), distinct}))};
  } finally {
    port1.close();
    void worker.terminate();
  }
}
