// The columns of plain CSV files as dictionary codes, read from their bytes without making a string
// per cell (issue 13 item 2). "Plain" is what columnarRead.ts's plainFile vouched for: ASCII, no
// quote, no lone CR, no blank line but at the end, a first line that is exactly the header. In such
// a file a cell is the bytes between two delimiters or line ends, so this is not a CSV parser:
// anything else (a row with a cell too many or too few) is refused, and the contract's text reader
// (csv.ts) then reads the file and reports it in Dutch.
//
// Why not DuckDB: it did this in a child process (read_csv, DISTINCT, a join per column) in 7,2 s
// for the national input, of which its CSV reader alone took 4,1 s; walking the bytes here and
// numbering them in open-addressing hash tables takes 4–5 s in the build's own process, with no
// process, temp file or reply to decode (bench/README.md). From WORKER_BYTES on, the files after the
// first are numbered in a worker thread at the same time (3,2–3,8 s nationally): its texts are then
// numbered again into this thread's numberings in their order, so every number is what one walk
// over the files in order would give.

import {grown} from "./typedArrays.js";
import {startTask, type Handled} from "./workerPool.js";

export interface PlainColumnsRequest {
  /** Each file's bytes (the header on its first line), delimiter and header (the columns in the file's order). */
  files: {bytes: Uint8Array; delimiter: string; columns: string[]}[];
  /** Columns numbered together, as [file index, column]: one dictionary each. */
  dictionaries: [number, string][][];
  /** Columns expected to differ in every row (ids), as [file index, column]: their texts in row order. */
  uniqueColumns: [number, string][];
}

export interface PlainColumnsOptions {
  /**
   * Number the files after the first in a worker thread while this thread numbers the first (the
   * machine's second core). Default: when those files hold WORKER_BYTES or more. The result is the
   * same either way.
   */
  worker?: boolean;
  /** How long to wait for the worker before numbering its files here (default: workerTimeoutMs, long enough for a busy machine). */
  waitMs?: number;
}

export interface PlainColumns {
  /** Data rows per file. */
  rows: number[];
  /** Per dictionary, its distinct texts (an empty cell is "") in the order they first appear, file by file. */
  dictionaries: string[][];
  /** Per file and column, each row's index into its dictionary. */
  codes: Record<string, Int32Array>[];
  /** Per unique column, its texts in row order and how many distinct ones there are. */
  unique: {texts: string[]; distinct: number}[];
}

/** A row with another number of cells than the header: the text reader must judge the file. */
export class UnevenRow extends Error {
  override name = "UnevenRow";
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * From this size on the files after the first are numbered in a worker thread. A tiny input through
 * one takes 0,25–0,26 s on an idle machine (a thread, and tsx compiling this module there); the
 * national trajecten.csv (71 MB) takes 2–3 s.
 */
export const WORKER_BYTES = 16 * 2 ** 20;
const WORKER = new URL("./plainColumns.worker.ts", import.meta.url);

export function readPlainColumns(request: PlainColumnsRequest, {worker, waitMs}: PlainColumnsOptions = {}): PlainColumns {
  const {files, dictionaries, uniqueColumns} = request;
  const slots = numberingSlots(request);
  // One numbering per dictionary, then one per unique column: slots index this list.
  const numberings = Array.from({length: slots.count}, () => new Numbering());
  const later = files.slice(1);
  const inWorker = later.length > 0 && (worker ?? later.reduce((sum, file) => sum + file.bytes.length, 0) >= WORKER_BYTES);
  const task = inWorker ? startTask<WorkerInput, WorkerOutput>(WORKER, workerInput(later, slots.ofFile.slice(1), slots.count)) : null;
  const walked: Walked[] = [];
  try {
    walked.push(numberCells(files[0].bytes, files[0].delimiter.charCodeAt(0), slots.ofFile[0].map((slot) => (slot >= 0 ? numberings[slot] : null)), 0));
    const answer = task?.wait(waitMs ?? workerTimeoutMs(later));
    if (answer) walked.push(...absorbed(answer, numberings, slots.ofFile.slice(1)));
    else later.forEach((file, k) => walked.push(numberCells(file.bytes, file.delimiter.charCodeAt(0), slots.ofFile[k + 1].map((slot) => (slot >= 0 ? numberings[slot] : null)), k + 1)));
  } catch (error) {
    task?.stop();
    // The worker's UnevenRow comes as an Error of that name.
    throw error instanceof Error && error.name === "UnevenRow" && !(error instanceof UnevenRow) ? new UnevenRow(error.message) : error;
  }
  const codes: Record<string, Int32Array>[] = files.map((file, k) => {
    const byColumn: Record<string, Int32Array> = {};
    file.columns.forEach((column, c) => {
      if (slots.ofFile[k][c] >= 0 && slots.ofFile[k][c] < dictionaries.length) byColumn[column] = walked[k].codes[c]!;
    });
    return byColumn;
  });
  return {
    rows: walked.map((file) => file.rows),
    dictionaries: numberings.slice(0, dictionaries.length).map((numbering) => numbering.texts()),
    codes,
    unique: uniqueColumns.map(([file, column], u) => {
      const texts = numberings[dictionaries.length + u].texts();
      const inRows = walked[file].codes[files[file].columns.indexOf(column)]!;
      // Every text new in its row: the dictionary is the column in row order.
      return {texts: texts.length === inRows.length ? texts : Array.from(inRows, (code) => texts[code]), distinct: texts.length};
    })
  };
}

/** Per file and column, the numbering its cells go into (−1: not asked for): dictionaries first, then unique columns. */
function numberingSlots({files, dictionaries, uniqueColumns}: PlainColumnsRequest): {count: number; ofFile: number[][]} {
  const ofFile = files.map((file, k) =>
    file.columns.map((column) => {
      const dictionary = dictionaries.findIndex((members) => members.some(([f, c]) => f === k && c === column));
      if (dictionary >= 0) return dictionary;
      const unique = uniqueColumns.findIndex(([f, c]) => f === k && c === column);
      return unique >= 0 ? dictionaries.length + unique : -1;
    })
  );
  return {count: dictionaries.length + uniqueColumns.length, ofFile};
}

/** One file walked: its data rows, and per column the numbers of its cells (null: not asked for). */
interface Walked {
  rows: number;
  codes: (Int32Array | null)[];
}

/** What the worker numbers: the files after the first, their bytes in memory both threads see. */
interface WorkerInput {
  files: {bytes: Uint8Array; delimiter: number; slots: number[]}[];
  numberings: number;
  /** The first file's index in the request (named in UnevenRow's message). */
  firstFile: number;
}

interface WorkerOutput {
  walked: Walked[];
  /** Per numbering, what the worker's files put in it (null: none of their columns). */
  numberings: (NumberingParts | null)[];
}

function workerInput(files: PlainColumnsRequest["files"], slots: number[][], numberings: number): WorkerInput {
  return {
    // Memory the worker can read: io.ts reads the inputs into shared memory, other bytes (the tests')
    // are copied once (the national trajecten.csv would take 0,26–0,38 s).
    files: files.map((file, k) => ({bytes: shared(file.bytes), delimiter: file.delimiter.charCodeAt(0), slots: slots[k]})),
    numberings,
    firstFile: 1
  };
}

function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/** Long enough for a busy machine; past it this thread numbers the files itself (a worker that died costs time, not the result). */
function workerTimeoutMs(files: PlainColumnsRequest["files"]): number {
  return 30_000 + files.reduce((sum, file) => sum + file.bytes.length, 0) / 5_000;
}

/** In the worker (plainColumns.worker.ts): the files numbered into numberings of their own. */
export function numberInWorker({files, numberings: count, firstFile}: WorkerInput): Handled<WorkerOutput> {
  const numberings = Array.from({length: count}, () => new Numbering());
  const used = new Set(files.flatMap((file) => file.slots.filter((slot) => slot >= 0)));
  const walked = files.map((file, k) => numberCells(file.bytes, file.delimiter, file.slots.map((slot) => (slot >= 0 ? numberings[slot] : null)), firstFile + k));
  const parts = numberings.map((numbering, slot) => (used.has(slot) ? numbering.parts() : null));
  const transfer = [
    ...walked.flatMap((file) => file.codes.flatMap((codes) => (codes ? [codes.buffer as ArrayBuffer] : []))),
    ...parts.flatMap((part) => (part ? [part.arena.buffer as ArrayBuffer, part.starts.buffer as ArrayBuffer] : []))
  ];
  return {output: {walked, numberings: parts}, transfer};
}

/** The worker's files as if this thread had numbered them after the first: its texts taken into this thread's numberings, its cells renumbered. */
function absorbed({walked, numberings: parts}: WorkerOutput, numberings: Numbering[], slots: number[][]): Walked[] {
  parts.forEach((part, slot) => {
    if (part === null) return;
    const renumber = numberings[slot].absorb(part);
    if (renumber === null) return;
    walked.forEach((file, k) =>
      slots[k].forEach((s, c) => {
        if (s !== slot) return;
        const codes = file.codes[c]!;
        for (let row = 0; row < codes.length; row++) codes[row] = renumber[codes[row]];
      })
    );
  });
  return walked;
}

/** One walk over a file's data lines: each asked-for cell's number in its numbering, per column. */
function numberCells(bytes: Uint8Array, delimiter: number, into: (Numbering | null)[], file: number): Walked {
  let at = bytes.indexOf(LF) + 1;
  if (at === 0) at = bytes.length;
  // A blank line may only end the file (plainFile): the rows end with the last line that has text.
  let end = bytes.length;
  while (end > at && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end--;
  let rows = 0;
  if (end > at) {
    rows = 1;
    for (let i = bytes.indexOf(LF, at); i >= 0 && i < end; i = bytes.indexOf(LF, i + 1)) rows++;
  }
  const codes = into.map((numbering) => (numbering ? new Int32Array(rows) : null));
  const last = into.length - 1;
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c <= last; c++) {
      const from = at;
      let hash = FNV_OFFSET;
      let byte = -1;
      // FNV-1a over the cell while looking for its end (a CR comes only before an LF: plainFile).
      while (at < end && (byte = bytes[at]) !== delimiter && byte !== LF && byte !== CR) {
        hash = fnvStep(hash, byte);
        at++;
      }
      const to = at;
      const endsRow = at >= end || byte !== delimiter;
      if (endsRow !== (c === last)) throw new UnevenRow(`file ${file}, data row ${row + 1}: not ${into.length} cells`);
      if (byte === CR) at++;
      at++;
      const numbering = into[c];
      if (numbering !== null) (codes[c] as Int32Array)[row] = numbering.number(bytes, from, to, hash);
    }
  }
  return {rows, codes};
}

const FNV_OFFSET = 0x011c9dc5;

/** FNV-1a's step, kept in V8's small-integer range: a heap number in numberCells' loop deoptimised it. */
function fnvStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, 0x01000193) & 0x3fffffff;
}

/** A numbering's texts as bytes, to move between threads. */
interface NumberingParts {
  /** The texts' bytes, one after another. */
  arena: Uint8Array;
  /** Per number (as many as there are texts), where its bytes start in the arena (they end where the next one's start, the last at the arena's end). */
  starts: Int32Array;
}

/**
 * Distinct byte strings numbered 0, 1, 2 … in the order they are first met: an open-addressing
 * hash table whose slots hold what a lookup compares (hash, length, place in the arena), so that a
 * miss touches one slot; each string's bytes are kept once in an arena.
 */
class Numbering {
  private count = 0;
  private arena: Uint8Array = new Uint8Array(1 << 12);
  private used = 0;
  /** Per number, where its bytes start in the arena (they end where the next one's start). */
  private starts: Int32Array = new Int32Array(1 << 10);
  /** Per slot: hash, number + 1 (0: a free slot), start in the arena, length; null once a worker's numbering was taken whole (absorb). */
  private table: Int32Array | null = new Int32Array(1 << 12);

  number(bytes: Uint8Array, from: number, to: number, fnv: number): number {
    const hash = mix(fnv);
    const table = this.table;
    if (table === null) throw new Error("internal: a numbering taken whole from a worker numbers no more texts");
    const mask = (table.length >> 2) - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = 4 * slot;
      if (table[entry + 1] === 0) return this.add(bytes, from, to, hash, slot);
      if (table[entry] !== hash || table[entry + 3] !== length) continue;
      const start = table[entry + 2];
      let k = 0;
      while (k < length && this.arena[start + k] === bytes[from + k]) k++;
      if (k === length) return table[entry + 1] - 1;
    }
  }

  private add(bytes: Uint8Array, from: number, to: number, hash: number, slot: number): number {
    const code = this.count++;
    if (code + 1 > this.starts.length) this.starts = grown(this.starts, this.starts.length * 2);
    if (this.used + to - from > this.arena.length) this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.used + to - from));
    // Byte by byte: a subarray per new text (2,5 M nationally) was a second of garbage collection.
    for (let k = from; k < to; k++) this.arena[this.used + k - from] = bytes[k];
    this.starts[code] = this.used;
    const table = this.table!;
    const entry = 4 * slot;
    table[entry] = hash;
    table[entry + 1] = code + 1;
    table[entry + 2] = this.used;
    table[entry + 3] = to - from;
    this.used += to - from;
    // At most half full, so that a search meets a free slot soon.
    if (2 * this.count > table.length >> 2) this.rehash();
    return code;
  }

  /**
   * Takes in another thread's numbering, as if its texts had been numbered here in their order.
   * Returns its numbers' new numbers, or null when they stay: this numbering was empty, so it
   * becomes that one, without a hash table (the worker's files were the last; only texts() follows).
   */
  absorb(other: NumberingParts): Int32Array | null {
    const count = other.starts.length;
    const ends = (code: number) => (code + 1 < count ? other.starts[code + 1] : other.arena.length);
    if (this.count === 0) {
      this.count = count;
      this.arena = other.arena;
      this.used = other.arena.length;
      this.starts = other.starts;
      this.table = null;
      return null;
    }
    const renumber = new Int32Array(count);
    for (let code = 0; code < count; code++) renumber[code] = this.number(other.arena, other.starts[code], ends(code), fnvOf(other.arena, other.starts[code], ends(code)));
    return renumber;
  }

  /** The texts as bytes, trimmed to what is used (moved to another thread, the numbering is spent). */
  parts(): NumberingParts {
    return {arena: this.arena.slice(0, this.used), starts: this.starts.slice(0, this.count)};
  }

  private rehash(): void {
    const old = this.table!;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 2) - 1;
    for (let entry = 0; entry < old.length; entry += 4) {
      if (old[entry + 1] === 0) continue;
      let slot = old[entry] & mask;
      while (table[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
      for (let k = 0; k < 4; k++) table[4 * slot + k] = old[entry + k];
    }
    this.table = table;
  }

  /** The strings by number (the files are ASCII, so latin1 decodes them). */
  texts(): string[] {
    const all = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.used).toString("latin1");
    const texts = new Array<string>(this.count);
    for (let code = 0; code < this.count; code++) texts[code] = all.slice(this.starts[code], code + 1 < this.count ? this.starts[code + 1] : this.used);
    return texts;
  }
}

function fnvOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let k = from; k < to; k++) hash = fnvStep(hash, bytes[k]);
  return hash;
}

/** MurmurHash3's finaliser: FNV-1a's low bits alone cluster ids that differ in their last digits. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & 0x3fffffff;
}
