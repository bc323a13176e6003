// loaders/csvColumns.ts: DuckDB, in a child process, numbers the distinct texts of CSV columns.
// Checked on two tiny files whose columns are written out by hand: decoding each row's number
// through its dictionary must give the cell back, in file order, and a shared dictionary must
// number equal texts in both files alike. The dictionaries' own order is DuckDB's, so the test
// does not rely on it.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, expect, it} from "vitest";
import {CsvColumnsUnavailable, readCsvColumns} from "../../loaders/csvColumns.js";

const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-csv-columns-"));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

function file(name: string, text: string): string {
  const at = path.join(scratch, name);
  writeFileSync(at, text);
  return at;
}

it("numbers each column's texts, shared where asked, in file order", () => {
  // An empty cell reads as "", and an odd number of bytes in the texts tests the padding before the codes.
  const pupils = file("pupils.csv", "pupil;school\nP1;S1\nP22;S1\nP1;\nP333;S2\n");
  const care = file("care.csv", "id,pupil\nT1,P22\nT2,P4\nT3,P22\n");
  const columns = readCsvColumns({
    files: [
      {path: pupils, delimiter: ";", columns: ["pupil", "school"]},
      {path: care, delimiter: ",", columns: ["id", "pupil"]}
    ],
    dictionaries: [
      [
        [0, "pupil"],
        [1, "pupil"]
      ],
      [[0, "school"]]
    ],
    uniqueColumns: [[1, "id"]]
  });
  expect(columns.rows).toEqual([4, 3]);
  const [pupilTexts, schoolTexts] = columns.dictionaries;
  expect([...pupilTexts].sort()).toEqual(["P1", "P22", "P333", "P4"]);
  expect([...schoolTexts].sort()).toEqual(["", "S1", "S2"]);
  const decode = (codes: Int32Array, texts: string[]) => Array.from(codes, (code) => texts[code]);
  expect(decode(columns.codes[0].pupil, pupilTexts)).toEqual(["P1", "P22", "P1", "P333"]);
  expect(decode(columns.codes[0].school, schoolTexts)).toEqual(["S1", "S1", "", "S2"]);
  expect(decode(columns.codes[1].pupil, pupilTexts)).toEqual(["P22", "P4", "P22"]);
  // The same pupil, the same number in both files.
  expect(columns.codes[1].pupil[0]).toBe(columns.codes[0].pupil[1]);
  expect(columns.codes[1].id).toBeUndefined();
  expect(columns.unique).toEqual([{texts: ["T1", "T2", "T3"], distinct: 3}]);
});

it("a unique column with a repeated text says so in its count", () => {
  const care = file("twice.csv", "id;pupil\nT1;P1\nT1;P2\n");
  const columns = readCsvColumns({files: [{path: care, delimiter: ";", columns: ["id", "pupil"]}], dictionaries: [[[0, "pupil"]]], uniqueColumns: [[0, "id"]]});
  expect(columns.unique).toEqual([{texts: ["T1", "T1"], distinct: 1}]);
});

it("a row with a cell too few is DuckDB's refusal, not a guess", () => {
  const short = file("short.csv", "pupil;school\nP1;S1\nP2\n");
  expect(() => readCsvColumns({files: [{path: short, delimiter: ";", columns: ["pupil", "school"]}], dictionaries: [[[0, "pupil"]]], uniqueColumns: []})).toThrow(CsvColumnsUnavailable);
});
