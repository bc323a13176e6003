// @vitest-environment jsdom
import {expect, it} from "vitest";
import {ErrataTable, erratumAnchor, type Erratum} from "../../src/components/ErrataTable.js";

const errata: Erratum[] = [
  {
    id: "E06",
    reportSays: "EKG is 34%; 68 van de 100 kregen een tweede traject.",
    inconsistency: "100 min 34 is 66.",
    handling: "Wij controleren alleen de 34%.",
    sourceLine: "847-849"
  },
  {
    id: "E08",
    reportSays: "Klassen '€ 0 tot € 10.000' en '€ 10.000 tot € 20.000'.",
    inconsistency: "€ 10.000 staat in twee klassen.",
    handling: "Ondergrens erbij, bovengrens niet.",
    sourceLine: "814-826"
  }
];

const rows = (table: HTMLTableElement) =>
  [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent));

it("ErrataTable lists each erratum as a row: number, what the report says, what is wrong, what the site does", () => {
  expect(rows(ErrataTable(errata, {caption: "Errata"}))).toEqual([
    ["E06", "EKG is 34%; 68 van de 100 kregen een tweede traject.", "100 min 34 is 66.", "Wij controleren alleen de 34%."],
    ["E08", "Klassen '€ 0 tot € 10.000' en '€ 10.000 tot € 20.000'.", "€ 10.000 staat in twee klassen.", "Ondergrens erbij, bovengrens niet."]
  ]);
});

it("ErrataTable has a caption, Dutch column headers and the erratum number as row header", () => {
  const table = ErrataTable(errata, {caption: "Fouten in het rapport van 2020"});
  expect(table.caption?.textContent).toBe("Fouten in het rapport van 2020");
  const headers = [...table.tHead!.rows[0].cells] as HTMLTableCellElement[];
  expect(headers.map((th) => [th.textContent, th.scope])).toEqual([
    ["Nr.", "col"],
    ["Wat het rapport zegt", "col"],
    ["Wat niet klopt", "col"],
    ["Wat deze site doet", "col"]
  ]);
  const rowHeader = table.tBodies[0].rows[1].cells[0] as HTMLTableCellElement;
  expect([rowHeader.tagName, rowHeader.scope, rowHeader.textContent]).toEqual(["TH", "row", "E08"]);
});

it("ErrataTable gives every row a lower-case anchor so another page can link to one erratum", () => {
  const table = ErrataTable(errata, {caption: "Errata"});
  expect([...table.tBodies[0].rows].map((row) => row.id)).toEqual(["erratum-e06", "erratum-e08"]);
  expect(erratumAnchor("E17")).toBe("erratum-e17");
});

it("ErrataTable with no errata is an empty table that still has its headers", () => {
  const table = ErrataTable([], {caption: "Errata"});
  expect(table.tBodies[0].rows).toHaveLength(0);
  expect(table.tHead!.rows[0].cells).toHaveLength(4);
});
