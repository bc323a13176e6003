// Contract files given as Excel workbooks (.xlsx, read with @e965/xlsx). The workbooks are built
// here from rows written out in the test; dates are stored as Excel does, as serial numbers with a
// date format: 44470 = 01-10-2021 (44197 = 01-01-2021, + 273 days of January–September), 44835 = 01-10-2022.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import {afterAll, describe, expect, test} from "vitest";
import {formatInputError, InputErrors} from "../../loaders/errors.js";
import {importFolder} from "../../loaders/import/folder.js";
import {loadFromEnvironment} from "../../loaders/load.js";
import {serialToDate} from "../../loaders/import/xlsx.js";
import {readTable} from "../../loaders/import/table.js";
import {ENV, fixtureFiles, text, withFiles, importErrors} from "../helpers/importFolder.js";

const files = fixtureFiles("bron", "xml");

type Cell = string | number | XLSX.CellObject;
const date = (serial: number): XLSX.CellObject => ({t: "n", v: serial, z: "dd-mm-yyyy"});

function workbook(sheets: Record<string, Cell[][]>, date1904 = false): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  if (date1904) book.Workbook = {...book.Workbook, WBProps: {date1904: true}};
  return new Uint8Array(XLSX.write(book, {type: "array", bookType: "xlsx"}) as ArrayBuffer);
}

/** leerlingen.csv of the fixture as sheet rows: BSN as a number, peildatum as a serial date. */
function pupilRows(shift = 0): Cell[][] {
  const csv = text(files, "leerlingen.csv").trim().split("\n").map((line) => line.split(";"));
  return [
    csv[0],
    ...csv.slice(1).map(([bsn, school, peildatum, month, gemeente]) => [Number(bsn), school, date((peildatum.endsWith("2021") ? 44470 : 44835) - shift), month, gemeente])
  ];
}


describe("Excel serial dates", () => {
  test.each([
    [44470, false, "01-10-2021"],
    [44835, false, "01-10-2022"],
    [61, false, "01-03-1900"],
    [0, true, "01-01-1904"],
    [43008, true, "01-10-2021"] // 44470 − 1462, the days between 1900 and 1904 in Excel's count
  ])("%s (1904 system: %s) → %s", (serial, date1904, expected) => expect(serialToDate(serial, date1904)).toBe(expected));
});

describe("leerlingen as a workbook", () => {
  const fromCsv = importFolder(files, ENV).files;

  test("gives the same contract folder as the CSV file", () => {
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": workbook({Blad1: pupilRows()})});
    expect(importFolder(changed, ENV).files).toEqual(fromCsv);
  });

  test("in the 1904 date system (Excel for Mac) too", () => {
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": workbook({Blad1: pupilRows(1462)}, true)});
    expect(importFolder(changed, ENV).files).toEqual(fromCsv);
  });

  test("a named sheet (importBladen in instellingen.json)", () => {
    const settings = {...JSON.parse(text(files, "instellingen.json")), importBladen: {leerlingen: "Inschrijvingen"}};
    const book = workbook({Toelichting: [["Export van de leerplichtadministratie"]], Inschrijvingen: pupilRows()});
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": book, "instellingen.json": JSON.stringify(settings)});
    const result = importFolder(changed, ENV).files;
    expect(result["leerlingen.csv"]).toEqual(fromCsv["leerlingen.csv"]);
    expect(result["instellingen.json"]).not.toContain("importBladen");
  });

  test("a sheet that is not there names the sheets that are", () => {
    const settings = {...JSON.parse(text(files, "instellingen.json")), importBladen: {leerlingen: "Leerlingen"}};
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": workbook({Blad1: pupilRows()}), "instellingen.json": JSON.stringify(settings)});
    expect(importErrors(changed)).toEqual(['leerlingen.xlsx heeft geen blad "Leerlingen" (wel: "Blad1").']);
  });

  test("an Excel error value names sheet, row and cell", () => {
    const rows = pupilRows();
    rows[2][2] = {t: "e", v: 0x2a, w: "#N/A"};
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": workbook({Blad1: rows})});
    expect(importErrors(changed)).toEqual([
      'leerlingen.xlsx, blad "Blad1", regel 3, kolom "peildatum, cel C3": "#N/A" is een foutwaarde van Excel (een formule die niet uitkomt); vul de cel met een waarde.'
    ]);
  });

  test("a contract error in a converted sheet names the source sheet, row and cell", () => {
    const rows = pupilRows();
    rows[3][2] = "31-02-2021";
    rows[5][3] = {t: "n", v: 41000}; // a plain number where a month belongs
    const changed = withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": workbook({Blad1: rows})});
    expect(importErrors(changed)).toEqual([
      'leerlingen.xlsx, blad "Blad1", regel 4, kolom "peildatum, cel C4": "31-02-2021" is geen geldige datum (verwacht dd-mm-jjjj).',
      'leerlingen.xlsx, blad "Blad1", regel 6, kolom "geboortemaand, cel D6": "41000" is geen geldige maand (verwacht mm-jjjj).'
    ]);
  });
});

test("numbers keep their digits, not Excel's float noise or display format", () => {
  const book = workbook({Blad1: [["kosten", "code"], [{t: "n", v: 0.1 + 0.2, z: "€ #,##0.00"}, "0012"], [1234.5, "45A01"]]});
  const {table} = readTable(book, "trajecten.xlsx");
  expect(table!.rows.map((row) => row.cells)).toEqual([
    ["0.3", "0012"],
    ["1234.5", "45A01"]
  ]);
});

describe("the build reads a contract file given as .xlsx", () => {
  const contract = importFolder(files, ENV).files;
  const csvRows = contract["trajecten.csv"].replace(/^\ufeff/, "").trim().split("\n").map((line) => line.split(";"));
  // TW001's begindatum 15-02-2021 as Excel stores it: 44197 (01-01-2021) + 31 + 14 = 44242; amounts as numbers.
  const sheetRows = (): Cell[][] => [
    csvRows[0],
    ...csvRows.slice(1).map((cells, i) => [...cells.slice(0, 5), i === 0 ? date(44242) : cells[5], cells[6], Number(cells[7].replace(",", "."))])
  ];
  const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-xlsx-"));
  afterAll(() => rmSync(scratch, {recursive: true, force: true}));
  const folder = (trajecten: Record<string, string | Uint8Array>) => {
    const dir = mkdtempSync(path.join(scratch, "map-"));
    for (const [name, content] of Object.entries({...contract, "trajecten.csv": undefined, ...trajecten})) {
      if (content !== undefined) writeFileSync(path.join(dir, name), content);
    }
    return dir;
  };
  const load = (dir: string) => loadFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: () => {}});
  const errors = (dir: string) => {
    try {
      load(dir);
    } catch (error) {
      if (error instanceof InputErrors) return error.errors.map(formatInputError);
      throw error;
    }
    throw new Error("expected InputErrors");
  };

  test("the same trajectories as from trajecten.csv", () => {
    const fromCsv = load(folder({"trajecten.csv": contract["trajecten.csv"]})).dataset;
    const logged: string[] = [];
    const dir = folder({"trajecten.xlsx": workbook({Blad1: sheetRows()})});
    const fromXlsx = loadFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: (line) => logged.push(line)}).dataset;
    expect(logged.join("\n")).toContain('- trajecten.xlsx, blad "Blad1": gelezen als Excel-werkmap, 5 rijen gelezen, 5 geldig');
    expect(fromXlsx.trajectories).toEqual(fromCsv.trajectories);
    expect(fromXlsx.trajectories.map((t) => [t.id, t.start, t.cost])).toEqual([
      ["TW001", "2021-02-15", 750.5],
      ["TW002", "2021-03-01", 1000],
      ["TW003", "2022-01-17", 0],
      ["TW004", "2022-04-01", 300],
      ["TW005", "2022-05-02", 2000]
    ]);
  });

  test("a contract error names the workbook, sheet, row and cell", () => {
    const rows = sheetRows();
    rows[2][5] = "31-02-2021";
    expect(errors(folder({"trajecten.xlsx": workbook({Blad1: rows})}))).toEqual([
      'trajecten.xlsx, blad "Blad1", regel 3, kolom "begindatum, cel F3": "31-02-2021" is geen geldige datum (verwacht dd-mm-jjjj).'
    ]);
  });

  test("trajecten.csv beside trajecten.xlsx is an error", () => {
    const dir = folder({"trajecten.csv": contract["trajecten.csv"], "trajecten.xlsx": workbook({Blad1: sheetRows()})});
    expect(errors(dir)).toEqual([
      "trajecten.csv staat twee keer in de map: als trajecten.csv en als trajecten.xlsx; verwijder of hernoem het bestand dat niet gelezen moet worden."
    ]);
  });
});

describe("files that are not a workbook", () => {
  const asWorkbook = (bytes: Uint8Array) => importErrors(withFiles(files, {"leerlingen.csv": null, "leerlingen.xlsx": bytes}));

  test("a CSV file renamed to .xlsx", () => {
    expect(asWorkbook(new TextEncoder().encode(text(files, "leerlingen.csv")))).toEqual([
      "leerlingen.xlsx is geen Excel-werkmap (.xlsx); sla het opnieuw op als Excel-werkmap of als CSV."
    ]);
  });

  test("an old .xls renamed to .xlsx (a Compound File: D0 CF 11 E0)", () => {
    expect(asWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual([
      "leerlingen.xlsx is een oud Excel-bestand (.xls); sla het op als Excel-werkmap (.xlsx) of als CSV."
    ]);
  });

  test("a damaged ZIP", () => {
    expect(asWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).toEqual([
      "leerlingen.xlsx is geen leesbaar Excel-bestand (.xlsx); sla het opnieuw op als Excel-werkmap of als CSV."
    ]);
  });

  test("an empty sheet", () => {
    expect(asWorkbook(workbook({Blad1: []}))).toEqual(['leerlingen.xlsx, blad "Blad1" is leeg; verwacht een kopregel met kolomnamen.']);
  });
});
