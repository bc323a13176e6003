import {expect, test} from "vitest";
import {formatInputError} from "../../loaders/errors.js";
import {parseCsv, sniffDelimiter} from "../../loaders/csv.js";

const table = (text: string) => {
  const {table, errors} = parseCsv(text, "test.csv");
  if (!table) throw new Error(`no table: ${errors.map(formatInputError).join(" ")}`);
  return {...table, errors: errors.map(formatInputError)};
};

test("a semicolon header makes ; the delimiter, even with commas in the cells", () => {
  const t = table("naam;kosten\nDe Linde;1234,56\n");
  expect(t.delimiter).toBe(";");
  expect(t.rows).toEqual([{line: 2, cells: ["De Linde", "1234,56"]}]);
});

test("a comma header makes , the delimiter", () => {
  const t = table("naam,kosten\nDe Linde,1234.56\n");
  expect(t.delimiter).toBe(",");
  expect(t.rows[0].cells).toEqual(["De Linde", "1234.56"]);
});

test("sniffDelimiter ignores delimiters inside quotes and finds none in a single name", () => {
  expect(sniffDelimiter('"a;b",c,d')).toBe(",");
  expect(sniffDelimiter("leerling_id")).toBeNull();
});

test("a UTF-8 BOM does not end up in the first column name", () => {
  expect(table("\ufeffleerling_id;school_id\nL1;S1").columns).toEqual(["leerling_id", "school_id"]);
});

test("header names are trimmed and lower-cased, cells are trimmed", () => {
  const t = table(" Leerling_ID ; School_Id \n  L1 ;\tS1  \n");
  expect(t.columns).toEqual(["leerling_id", "school_id"]);
  expect(t.rows[0].cells).toEqual(["L1", "S1"]);
});

test("line numbers count empty lines and Windows line ends", () => {
  const t = table("a;b\r\n1;2\r\n\r\n3;4\r\n");
  expect(t.rows).toEqual([
    {line: 2, cells: ["1", "2"]},
    {line: 4, cells: ["3", "4"]}
  ]);
});

test("a row of empty cells is skipped without an error", () => {
  const t = table("a;b\n1;2\n;\n ; \n3;4");
  expect(t.rows.map((row) => row.line)).toEqual([2, 5]);
  expect(t.errors).toEqual([]);
});

test("quoted cells may hold the delimiter, quotes and a line break; later rows keep their own line", () => {
  const t = table('naam;toelichting\n"De Linde; Doorn";"twee\nregels"\n"Zei ""ja""";x\n');
  expect(t.rows).toEqual([
    {line: 2, cells: ["De Linde; Doorn", "twee\nregels"]},
    {line: 4, cells: ['Zei "ja"', "x"]}
  ]);
});

test("a quote inside an unquoted cell is kept as text", () => {
  expect(table('aanbieder;code\nStichting "De Hoop";1\n').rows[0].cells).toEqual(['Stichting "De Hoop"', "1"]);
});

test("a file with and without quotes gives the same rows and lines, also with mixed line ends", () => {
  const expected = [
    {line: 3, cells: ["1", "2"]},
    {line: 4, cells: ["3", "4"]}
  ];
  expect(table("a;b\n\n1;2\r\n3;4\n").rows).toEqual(expected);
  expect(table('a;b\n\n"1";2\r\n3;"4"\n').rows).toEqual(expected);
});

test("a quoted cell with a Windows line break counts as one extra line", () => {
  const t = table('a;b\r\n"x\r\ny";1\r\n2;3\r\n');
  expect(t.rows.map((row) => row.line)).toEqual([2, 4]);
});

test("old Mac line ends (\\r only) are read as lines", () => {
  expect(table("a;b\r1;2\r3;4\r").rows.map((row) => row.line)).toEqual([2, 3]);
});

test("a row with the wrong number of cells is an error naming file and line, and is not returned", () => {
  const t = table("a;b;c\n1;2;3\n4;5\n6;7;8;9\n");
  expect(t.rows.map((row) => row.line)).toEqual([2]);
  expect(t.errors).toEqual([
    "test.csv, regel 3 heeft 2 cellen, maar de kopregel heeft 3 kolommen.",
    "test.csv, regel 4 heeft 4 cellen, maar de kopregel heeft 3 kolommen."
  ]);
});

test("an empty file and a header without ; or , are errors", () => {
  expect(parseCsv("\ufeff\n  \n", "leeg.csv").errors.map(formatInputError)).toEqual([
    "leeg.csv is leeg; verwacht een kopregel met kolomnamen."
  ]);
  expect(parseCsv("a\tb\n1\t2", "tab.csv").errors.map(formatInputError)).toEqual([
    "tab.csv heeft geen ; of , tussen de kolomnamen; sla het bestand op als CSV met ; of , als scheidingsteken."
  ]);
});

test("a quote that is never closed is reported on the line where it opens", () => {
  const {errors} = parseCsv('a;b\n1;2\n"3;4\n5;6\n', "q.csv");
  expect(errors.map(formatInputError)).toEqual(['q.csv, regel 3 heeft een aanhalingsteken (") dat niet wordt gesloten.']);
});

test("a column name that appears twice in the header is an error", () => {
  expect(table("a;b;A\n1;2;3").errors).toEqual(['test.csv, regel 1, kolom "a" staat twee keer in de kopregel.']);
});
