// loaders/plainColumns.ts: the distinct texts of plain CSV columns numbered from the files' bytes.
// Checked on tiny files whose dictionaries are written out by hand (texts in the order they first
// appear, file by file), and on a file of 5 000 ids, where decoding every row's number must give the
// cell back after the tables have grown many times. Where there are two files, both ways: the second
// file numbered after the first in this thread, and in a worker thread while this one numbers the
// first (the national input's way); the same dictionaries and codes, written out once.
import {expect, it} from "vitest";
import {readPlainColumns, UnevenRow} from "../../loaders/plainColumns.js";

const bytes = (text: string) => Buffer.from(text, "latin1");

it.each([false, true])("numbers each column's texts in the order they first appear, shared over files where asked (worker: %s)", (worker) => {
  // An empty cell is "", a CRLF line end is not part of the last cell, and the second file's last
  // line has no line end.
  const pupils = bytes("pupil;school\r\nP1;S1\r\nP22;S1\r\nP1;\r\nP333;S2\r\n");
  const care = bytes("id,pupil\nT1,P22\nT2,P4\nT3,P22");
  const columns = readPlainColumns({
    files: [
      {bytes: pupils, delimiter: ";", columns: ["pupil", "school"]},
      {bytes: care, delimiter: ",", columns: ["id", "pupil"]}
    ],
    dictionaries: [
      [
        [0, "pupil"],
        [1, "pupil"]
      ],
      [[0, "school"]]
    ],
    uniqueColumns: [[1, "id"]]
  }, {worker});
  expect(columns.rows).toEqual([4, 3]);
  expect(columns.dictionaries).toEqual([
    ["P1", "P22", "P333", "P4"],
    ["S1", "", "S2"]
  ]);
  expect(Array.from(columns.codes[0].pupil)).toEqual([0, 1, 0, 2]);
  expect(Array.from(columns.codes[0].school)).toEqual([0, 0, 1, 2]);
  // The same pupil, the same number in both files.
  expect(Array.from(columns.codes[1].pupil)).toEqual([1, 3, 1]);
  expect(columns.codes[1].id).toBeUndefined();
  expect(columns.unique).toEqual([{texts: ["T1", "T2", "T3"], distinct: 3}]);
});

it("a unique column with a repeated text says so in its count, and keeps its texts in row order", () => {
  const care = bytes("id;pupil\nT1;P1\nT2;P2\nT1;P3\n");
  const columns = readPlainColumns({files: [{bytes: care, delimiter: ";", columns: ["id", "pupil"]}], dictionaries: [[[0, "pupil"]]], uniqueColumns: [[0, "id"]]});
  expect(columns.unique).toEqual([{texts: ["T1", "T2", "T1"], distinct: 2}]);
});

it("blank lines at the end are no rows; a file with only its header has none", () => {
  const trailing = readPlainColumns({files: [{bytes: bytes("a;b\nx;y\n\n\r\n"), delimiter: ";", columns: ["a", "b"]}], dictionaries: [[[0, "b"]]], uniqueColumns: []});
  expect(trailing.rows).toEqual([1]);
  expect(trailing.dictionaries).toEqual([["y"]]);
  const empty = readPlainColumns({files: [{bytes: bytes("a;b\n"), delimiter: ";", columns: ["a", "b"]}], dictionaries: [[[0, "b"]]], uniqueColumns: []});
  expect(empty.rows).toEqual([0]);
  expect(empty.dictionaries).toEqual([[]]);
});

it("a row with a cell too few or too many is refused, not guessed", () => {
  const read = (text: string) => () => readPlainColumns({files: [{bytes: bytes(text), delimiter: ";", columns: ["pupil", "school"]}], dictionaries: [[[0, "pupil"]]], uniqueColumns: []});
  expect(read("pupil;school\nP1;S1\nP2\n")).toThrow(UnevenRow);
  expect(read("pupil;school\nP1;S1;x\nP2;S2\n")).toThrow(UnevenRow);
  expect(read("pupil;school\nP1;S1\nP2;S2;\n")).toThrow(UnevenRow);
  expect(read("pupil;school\nP1;S1\nP2;S2\n")).not.toThrow();
});

it("the worker's rows are refused as this thread's would be, and this thread's while the worker runs", () => {
  const read = (first: string, second: string) => () =>
    readPlainColumns(
      {
        files: [
          {bytes: bytes(first), delimiter: ";", columns: ["pupil", "school"]},
          {bytes: bytes(second), delimiter: ";", columns: ["id", "pupil"]}
        ],
        dictionaries: [[[0, "pupil"], [1, "pupil"]]],
        uniqueColumns: []
      },
      {worker: true}
    );
  expect(read("pupil;school\nP1;S1\n", "id;pupil\nT1;P1\nT2\n")).toThrow(new UnevenRow("file 1, data row 2: not 2 cells"));
  expect(read("pupil;school\nP1;S1;x\n", "id;pupil\nT1;P1\n")).toThrow(new UnevenRow("file 0, data row 1: not 2 cells"));
  expect(read("pupil;school\nP1;S1\n", "id;pupil\nT1;P1\n")).not.toThrow();
});

it.each([
  ["this thread", {worker: false}],
  ["a worker", {worker: true}],
  // A worker cannot start in 0 ms: this thread gives up on it and numbers the second file itself.
  ["a worker that does not answer in time", {worker: true, waitMs: 0}]
])("two files of thousands of ids: the second's texts join the first's numbering after it (%s)", (_, options) => {
  // The first file has P0 … P2999, the second P2000 … P4999 (a thousand known, two thousand new) with a
  // column of its own and a unique id: its numbering is taken into this thread's, renumbered and whole.
  const first = Array.from({length: 3000}, (_, k) => `P${k};S${k % 7}\n`).join("");
  const second = Array.from({length: 3000}, (_, k) => `T${k};P${2000 + k};C${k % 11}\n`).join("");
  const columns = readPlainColumns(
    {
      files: [
        {bytes: bytes("pupil;school\n" + first), delimiter: ";", columns: ["pupil", "school"]},
        {bytes: bytes("id;pupil;care\n" + second), delimiter: ";", columns: ["id", "pupil", "care"]}
      ],
      dictionaries: [[[0, "pupil"], [1, "pupil"]], [[0, "school"]], [[1, "care"]]],
      uniqueColumns: [[1, "id"]]
    },
    options
  );
  const [pupils, schools, care] = columns.dictionaries;
  expect(columns.rows).toEqual([3000, 3000]);
  expect(pupils).toEqual(Array.from({length: 5000}, (_, k) => `P${k}`));
  expect(schools).toEqual(["S0", "S1", "S2", "S3", "S4", "S5", "S6"]);
  expect(care).toEqual(Array.from({length: 11}, (_, k) => `C${k}`));
  expect(Array.from(columns.codes[0].pupil)).toEqual(Array.from({length: 3000}, (_, k) => k));
  expect(Array.from(columns.codes[1].pupil)).toEqual(Array.from({length: 3000}, (_, k) => 2000 + k));
  expect(Array.from(columns.codes[1].care)).toEqual(Array.from({length: 3000}, (_, k) => k % 11));
  expect(columns.unique).toEqual([{texts: Array.from({length: 3000}, (_, k) => `T${k}`), distinct: 3000}]);
});

it("5 000 ids and 50 schools decode back to their cells after the tables have grown", () => {
  // Ids that differ only in their last digits, and two lengths of the same digits (P7 and P07).
  const ids = Array.from({length: 5000}, (_, k) => (k % 2 === 0 ? `P${k}` : `P0${k}`));
  const schools = ids.map((_, k) => `S${(k * 7) % 50}`);
  const text = "pupil;school\n" + ids.map((id, k) => `${id};${schools[k]}\n`).join("") + ids.map((id, k) => `${id};${schools[(k + 1) % ids.length]}\n`).join("");
  const columns = readPlainColumns({
    files: [{bytes: bytes(text), delimiter: ";", columns: ["pupil", "school"]}],
    dictionaries: [[[0, "pupil"]], [[0, "school"]]],
    uniqueColumns: []
  });
  const [pupilTexts, schoolTexts] = columns.dictionaries;
  expect(columns.rows).toEqual([10_000]);
  expect(pupilTexts).toEqual(ids);
  expect(schoolTexts).toHaveLength(50);
  const decode = (codes: Int32Array, texts: string[]) => Array.from(codes, (code) => texts[code]);
  expect(decode(columns.codes[0].pupil, pupilTexts)).toEqual([...ids, ...ids]);
  expect(decode(columns.codes[0].school, schoolTexts)).toEqual([...schools, ...schools.slice(1), schools[0]]);
});
