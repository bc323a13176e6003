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
// process, temp file or reply to decode (bench/README.md).

import {grown} from "./typedArrays.js";

export interface PlainColumnsRequest {
  /** Each file's bytes (the header on its first line), delimiter and header (the columns in the file's order). */
  files: {bytes: Uint8Array; delimiter: string; columns: string[]}[];
  /** Columns numbered together, as [file index, column]: one dictionary each. */
  dictionaries: [number, string][][];
  /** Columns expected to differ in every row (ids), as [file index, column]: their texts in row order. */
  uniqueColumns: [number, string][];
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
export class UnevenRow extends Error {}

const LF = 0x0a;
const CR = 0x0d;

export function readPlainColumns({files, dictionaries, uniqueColumns}: PlainColumnsRequest): PlainColumns {
  const numberings = dictionaries.map(() => new Numbering());
  const uniques = uniqueColumns.map(() => new Numbering());
  const rows: number[] = [];
  const codes: Record<string, Int32Array>[] = [];
  const uniqueCodes: Int32Array[] = [];
  for (const [k, file] of files.entries()) {
    // Per column of the file, its dictionary or unique column (−1: not asked for), found once.
    const dictionaryOf = file.columns.map((column) => dictionaries.findIndex((members) => members.some(([f, c]) => f === k && c === column)));
    const uniqueOf = file.columns.map((column) => uniqueColumns.findIndex(([f, c]) => f === k && c === column));
    const into = file.columns.map((_, c) => (dictionaryOf[c] >= 0 ? numberings[dictionaryOf[c]] : uniqueOf[c] >= 0 ? uniques[uniqueOf[c]] : null));
    const columnCodes = numberCells(file.bytes, file.delimiter.charCodeAt(0), into, k);
    rows.push(columnCodes.rows);
    codes.push({});
    file.columns.forEach((column, c) => {
      if (dictionaryOf[c] >= 0) codes[k][column] = columnCodes.codes[c]!;
      else if (uniqueOf[c] >= 0) uniqueCodes[uniqueOf[c]] = columnCodes.codes[c]!;
    });
  }
  return {
    rows,
    dictionaries: numberings.map((numbering) => numbering.texts()),
    codes,
    unique: uniques.map((numbering, u) => {
      const texts = numbering.texts();
      const inRows = uniqueCodes[u];
      // Every text new in its row: the dictionary is the column in row order.
      return {texts: texts.length === inRows.length ? texts : Array.from(inRows, (code) => texts[code]), distinct: texts.length};
    })
  };
}

/** One walk over a file's data lines: each asked-for cell's number in its numbering, per column. */
function numberCells(bytes: Uint8Array, delimiter: number, into: (Numbering | null)[], file: number): {rows: number; codes: (Int32Array | null)[]} {
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
      let hash = 0x011c9dc5;
      let byte = -1;
      // FNV-1a over the cell while looking for its end (a CR comes only before an LF: plainFile).
      while (at < end && (byte = bytes[at]) !== delimiter && byte !== LF && byte !== CR) {
        // Kept in V8's small-integer range: a heap number here deoptimised the loop.
        hash = Math.imul(hash ^ byte, 0x01000193) & 0x3fffffff;
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

/**
 * Distinct byte strings numbered 0, 1, 2 … in the order they are first met: an open-addressing
 * hash table whose slots hold what a lookup compares (hash, length, place in the arena), so that a
 * miss touches one slot; each string's bytes are kept once in an arena.
 */
class Numbering {
  private count = 0;
  private arena = new Uint8Array(1 << 12);
  private used = 0;
  /** Per number, where its bytes start in the arena (they end where the next one's start). */
  private starts: Int32Array = new Int32Array(1 << 10);
  /** Per slot: hash, number + 1 (0: a free slot), start in the arena, length. */
  private table = new Int32Array(1 << 12);

  number(bytes: Uint8Array, from: number, to: number, fnv: number): number {
    const hash = mix(fnv);
    const table = this.table;
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
    const entry = 4 * slot;
    this.table[entry] = hash;
    this.table[entry + 1] = code + 1;
    this.table[entry + 2] = this.used;
    this.table[entry + 3] = to - from;
    this.used += to - from;
    // At most half full, so that a search meets a free slot soon.
    if (2 * this.count > this.table.length >> 2) this.rehash();
    return code;
  }

  private rehash(): void {
    const old = this.table;
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

/** MurmurHash3's finaliser: FNV-1a's low bits alone cluster ids that differ in their last digits. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & 0x3fffffff;
}
