// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {
  CrossTable,
  CrossTableSummary,
  crossTableElement,
  crossTableFinding,
  crossTableTitle,
  exclusionNote,
  factorsFinding,
  rowSchools,
  testSentence,
  type CrossCell,
  type CrossTableData,
  type ExactTest
} from "../../src/components/CrossTable.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const ref = (id: string) => ({schoolId: id, name: `School ${id}`});

// Nine schools: klein A (laag), B C (hoog), D (afgeschermd); middel E F G (gemiddeld), H (hoog); groot I (laag).
const members: Record<string, Record<string, string[]>> = {
  klein: {laag: ["A"], hoog: ["B", "C"], afgeschermd: ["D"]},
  middel: {gemiddeld: ["E", "F", "G"], hoog: ["H"]},
  groot: {laag: ["I"]},
  onbekend: {}
};
const test = (fields: Partial<ExactTest> = {}): ExactTest => ({pValue: 0.42, untestable: null, schools: 8, withheld: 1, unknownFactor: 0, ...fields});

function omvang(exactTest: ExactTest = test()): CrossTableData {
  const rows = [
    {key: "klein", label: "Klein (minder dan 200)"},
    {key: "middel", label: "Middel (200 t/m 300)"},
    {key: "groot", label: "Groot (meer dan 300)"},
    {key: "onbekend", label: "Onbekend"}
  ];
  const columns = [
    {key: "laag", label: "Laag"},
    {key: "gemiddeld", label: "Gemiddeld"},
    {key: "hoog", label: "Hoog"},
    {key: "afgeschermd", label: "Afgeschermd (kleine aantallen)"}
  ];
  const cells = rows.flatMap((row) =>
    columns.map((column) => {
      const ids = members[row.key][column.key] ?? [];
      return {row: row.key, column: column.key as CrossCell["column"], schools: ids.length, members: ids.map(ref)};
    })
  );
  return {factor: "omvang", label: "Omvang van de school (leerlingen)", rows, columns, cells, exactTest};
}

const texts = (nodes: Iterable<Element>) => [...nodes].map((n) => n.textContent);

describe("the exact test in words", () => {
  it("a large p reads as 'vaak' and 'geen aanwijzing', with the p-value in nl-NL", () => {
    expect(testSentence(test({pValue: 0.42}))).toBe("Zo'n verdeling komt bij toeval vaak voor (p = 0,42): geen aanwijzing voor een verband.");
  });

  it("p between 0,05 and 0,2 is at most a weak indication; below 0,05 an indication, with three decimals under 0,1", () => {
    expect(testSentence(test({pValue: 0.0633}))).toBe(
      "Zo'n verdeling komt bij toeval af en toe voor (p = 0,063): hooguit een zwakke aanwijzing voor een verband."
    );
    expect(testSentence(test({pValue: 0.0109}))).toBe("Zo'n verdeling komt bij toeval zelden voor (p = 0,011): een aanwijzing voor een verband.");
    expect(testSentence(test({pValue: 0.0004}))).toMatch(/\(p < 0,001\)/);
  });

  it("says so when the test cannot be run", () => {
    expect(testSentence(test({pValue: null, untestable: "one_category"}))).toBe(
      "Niet te toetsen: de getoetste scholen vallen allemaal in één categorie."
    );
  });

  it("names the schools the test leaves out, singular and plural", () => {
    expect(exclusionNote(test({withheld: 1}))).toBe("Niet in de toets: 1 school met een afgeschermd jeugdhulpgebruik.");
    expect(exclusionNote(test({withheld: 2, unknownFactor: 1}))).toBe(
      "Niet in de toets: 2 scholen met een afgeschermd jeugdhulpgebruik en 1 school waarvan de factor onbekend is."
    );
    expect(exclusionNote(test({withheld: 0}))).toBe("");
  });
});

describe("the finding", () => {
  it("the title counts the middle group with average use (the report's claim): 3 of the 4 middelgrote scholen", () => {
    expect(crossTableTitle(omvang())).toBe("Middelgrote scholen (200 t/m 300 leerlingen): 3 van de 4 hebben gemiddeld jeugdhulpgebruik");
  });

  it("compares the middle group with all tested schools (afgeschermd not counted) and then gives the test", () => {
    expect(crossTableFinding(omvang())).toBe(
      "Ter vergelijking: van alle 8 getoetste scholen hebben er 3 gemiddeld gebruik. " +
        "Zo'n verdeling komt bij toeval vaak voor (p = 0,42): geen aanwijzing voor een verband. Getoetst over 8 scholen."
    );
  });

  it("a factor without a middle-group claim gets the test's conclusion as its title", () => {
    expect(crossTableTitle({...omvang(test({pValue: 0.96})), factor: "ib_ervaring", label: "Ervaringsjaren IB'er"})).toBe(
      "Ervaringsjaren IB'er: geen aanwijzing voor een verband met het jeugdhulpgebruik"
    );
  });
});

describe("CrossTable", () => {
  it("shows per cell the number of schools and their names, with totals; an empty Onbekend row is left out", () => {
    const table = crossTableElement(omvang());
    expect(table.caption?.textContent).toBe("Omvang van de school (leerlingen) en jeugdhulpgebruik: aantal scholen");
    expect(texts(table.querySelectorAll("thead th"))).toEqual(["Omvang van de school (leerlingen)", "Laag", "Gemiddeld", "Hoog", "Afgeschermd (kleine aantallen)", "Totaal"]);
    expect(texts(table.querySelectorAll("tbody th[scope=row]"))).toEqual(["Klein (minder dan 200)", "Middel (200 t/m 300)", "Groot (meer dan 300)"]);
    const klein = table.tBodies[0].rows[0];
    expect(texts(klein.querySelectorAll("td > strong"))).toEqual(["1", "0", "2", "1"]);
    expect(texts(klein.cells[3].querySelectorAll("li"))).toEqual(["School B", "School C"]);
    expect(texts(table.tFoot!.rows[0].cells)).toEqual(["Totaal", "2", "3", "3", "1", "9"]);
  });

  it("marks the chosen school, and only that one", () => {
    const table = crossTableElement(omvang(), {highlight: "H"});
    const marked = table.querySelectorAll("td[data-highlighted]");
    expect(marked).toHaveLength(1);
    expect(marked[0].querySelector("mark")?.textContent).toBe("School H");
    expect(crossTableElement(omvang(), {highlight: null}).querySelectorAll("mark")).toHaveLength(0);
  });

  it("frames the table with the finding as title, the test under it and a CSV row per cell", async () => {
    const figure = CrossTable(omvang(), {year: 2019});
    expect(figure.querySelector("h3")?.textContent).toBe(crossTableTitle(omvang()));
    expect(figure.querySelector(".chart-description")?.textContent).toBe(
      "Aantal scholen per categorie, naar jeugdhulpgebruik in 2019 (laag, gemiddeld of hoog)."
    );
    expect(figure.querySelector(".cross-table-test")?.textContent).toContain("(p = 0,42)");
    expect(figure.querySelector("figcaption")?.textContent).toContain("Niet in de toets: 1 school met een afgeschermd jeugdhulpgebruik.");
    // 3 visible rows × 4 columns in "Toon tabel".
    expect(figure.querySelectorAll("details tbody tr")).toHaveLength(12);
    await expectSvgSnapshot(figure, "cross-table");
  });
});

describe("CrossTableSummary", () => {
  it("lists each factor with the schools tested, the p-value and its reading", () => {
    const summary = CrossTableSummary(
      [omvang(), {...omvang(test({pValue: 0.011, schools: 20})), label: "SOT"}, {...omvang(test({pValue: null, untestable: "one_category", schools: 3})), label: "X"}],
      {caption: "Alle toetsen"}
    );
    const rows = [...summary.tBodies[0].rows].map((tr) => texts(tr.cells));
    expect(rows).toEqual([
      ["Omvang van de school (leerlingen)", "8", "0,42", "geen aanwijzing voor een verband"],
      ["SOT", "20", "0,011", "een aanwijzing voor een verband"],
      ["X", "3", "–", "niet te toetsen"]
    ]);
  });
});

describe("factorsFinding", () => {
  const factor = (label: string, pValue: number | null) => ({...omvang(test({pValue})), label});

  it("counts and names the factors with an indication, as the summary table reads them", () => {
    // The slide's case: 0,063 (weak), 0,76 (none), 0,011 (an indication).
    expect(factorsFinding([factor("Omvang", 0.063), factor("SES", 0.76), factor("SOT", 0.011)])).toBe(
      "Een aanwijzing voor een verband bij 1 van de 3 kenmerken: SOT"
    );
    expect(factorsFinding([factor("Omvang", 0.01), factor("SES", 0.76), factor("SOT", 0.011)])).toBe(
      "Een aanwijzing voor een verband bij 2 van de 3 kenmerken: Omvang en SOT"
    );
    expect(factorsFinding([factor("Omvang", 0.01), factor("SOT", 0.02)])).toBe("Een aanwijzing voor een verband bij alle 2 kenmerken");
  });

  it("never claims a relation when no p-value is below 0,05, and leaves out factors that cannot be tested", () => {
    expect(factorsFinding([factor("Omvang", 0.063), factor("SES", 0.76), factor("X", null)])).toBe(
      "Geen duidelijk verband bij de 2 kenmerken; hooguit een zwakke aanwijzing bij Omvang"
    );
    expect(factorsFinding([factor("SES", 0.76)])).toBe("Geen aanwijzing voor een verband bij het kenmerk");
    expect(factorsFinding([factor("X", null)])).toBe("De kenmerken zijn niet te toetsen");
  });
});

describe("rowSchools", () => {
  it("counts a row's schools in every column, the withheld one too: klein 4 (A, B, C, D), middel 4, groot 1, onbekend 0", () => {
    const table = omvang();
    expect(["klein", "middel", "groot", "onbekend"].map((key) => rowSchools(table, key))).toEqual([4, 4, 1, 0]);
  });
});
