// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {VerdictTable, type VerdictRow} from "../../src/components/VerdictTable.js";

const row = (section: string, factor: string, verdict: string, inferred: boolean, reason: string): VerdictRow => ({
  section,
  factor,
  verdict,
  inferred,
  reason
});

// Five made-up verdicts over three paragraphs; two are inferred, one factor has an accent and a curly apostrophe.
const verdicts: VerdictRow[] = [
  row("3.2", "VVE", "nee", true, "Bijna geen school heeft VVE-leerlingen."),
  row("3.2", "OPP", "anders", true, "Elke school stelt een OPP op om een andere reden."),
  row("3.3", "Ervaringsjaren IB’ers", "nee", false, "In elke categorie zitten ervaren en nieuwe IB’ers."),
  row("4.2", "Rapportcijfer dorpsteam", "nee", false, "De cijfers zijn gelijk verdeeld over de categorieën."),
  row("4.4", "Samenwerkingsverband", "onbeantwoord", false, "Geen antwoord in de interviews.")
];

const factors = (element: HTMLElement) =>
  [...element.querySelectorAll<HTMLTableRowElement>("tbody tr")]
    .filter((tr) => !tr.hidden && tr.querySelector("th"))
    .map((tr) => tr.querySelector("th")!.textContent);
const cells = (element: HTMLElement, rowIndex: number) =>
  [...element.querySelectorAll("tbody tr")[rowIndex].children].map((cell) => cell.textContent);

function choose(element: HTMLElement, verdict: string) {
  const select = element.querySelector("select")!;
  select.value = verdict;
  select.dispatchEvent(new Event("change"));
}
function type(element: HTMLElement, text: string) {
  const input = element.querySelector<HTMLInputElement>("input[type=search]")!;
  input.value = text;
  input.dispatchEvent(new Event("input"));
}
const liveText = (element: HTMLElement) => element.querySelector("[aria-live]")!.textContent;

describe("VerdictTable", () => {
  it("shows only the rows of the requested paragraphs, in the given order", () => {
    const element = VerdictTable(verdicts, {caption: "Populatie", sections: ["3.2", "4.4"]});
    expect(factors(element)).toEqual(["VVE", "OPP", "Samenwerkingsverband"]);
  });

  it("shows every row when no paragraphs are given", () => {
    expect(factors(VerdictTable(verdicts, {caption: "Alle"}))).toHaveLength(5);
  });

  it("has a caption, column headers with scope and the factor as row header", () => {
    const element = VerdictTable(verdicts, {caption: "Analyse 3.2"});
    expect(element.querySelector("caption")?.textContent).toBe("Analyse 3.2");
    const headers = [...element.querySelectorAll("thead th")];
    expect(headers.map((th) => th.textContent)).toEqual(["Factor", "Verband met jeugdhulpgebruik", "Waarom", "Paragraaf"]);
    expect(headers.every((th) => th.getAttribute("scope") === "col")).toBe(true);
    expect(element.querySelector("tbody th")?.getAttribute("scope")).toBe("row");
  });

  it("writes the verdict as a word and marks an inferred verdict, with the mark explained once below", () => {
    const element = VerdictTable(verdicts, {caption: "Alle"});
    expect(cells(element, 0)).toEqual(["VVE", "Nee* (afgeleid)", "Bijna geen school heeft VVE-leerlingen.", "3.2"]);
    expect(cells(element, 2)[1]).toBe("Nee");
    expect(cells(element, 4)[1]).toBe("Onbeantwoord");
    const notes = element.querySelectorAll(".verdict-note");
    expect(notes).toHaveLength(1);
    expect(notes[0].textContent).toMatch(/^\* Afgeleid uit de opmaak van het rapport/);
    expect(element.querySelector("td[aria-describedby]")?.getAttribute("aria-describedby")).toBe(notes[0].id);
  });

  it("has no footnote when none of the shown verdicts is inferred", () => {
    const element = VerdictTable(verdicts, {caption: "Rondom de school", sections: ["4.2", "4.4"]});
    expect(element.querySelector(".verdict-note")).toBeNull();
    expect(element.textContent).not.toContain("*");
  });

  it("has no controls and no live region unless filterable", () => {
    const element = VerdictTable(verdicts, {caption: "Alle"});
    expect(element.querySelector("select, input, [aria-live]")).toBeNull();
  });
});

describe("VerdictTable with filterable: true", () => {
  it("labels both controls and starts with every row and its count", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    for (const control of element.querySelectorAll("select, input")) {
      const label = element.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent).toBeTruthy();
    }
    expect(factors(element)).toHaveLength(5);
    expect(liveText(element)).toBe("5 van de 5 factoren getoond.");
  });

  it("offers each verdict that occurs once, as words, after 'Alle oordelen'", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    const options = [...element.querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toEqual(["Alle oordelen", "Nee", "Anders", "Onbeantwoord"]);
  });

  it("selecting Nee leaves the three Nee rows and announces 3 of 5", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    choose(element, "nee");
    expect(factors(element)).toEqual(["VVE", "Ervaringsjaren IB’ers", "Rapportcijfer dorpsteam"]);
    expect(liveText(element)).toBe("3 van de 5 factoren getoond.");
    choose(element, "");
    expect(liveText(element)).toBe("5 van de 5 factoren getoond.");
  });

  it("text search looks in factor and reason, ignoring case, accents and the kind of apostrophe", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    type(element, "ib'ers");
    expect(factors(element)).toEqual(["Ervaringsjaren IB’ers"]);
    type(element, "CATEGORIEEN");
    expect(factors(element)).toEqual(["Rapportcijfer dorpsteam"]);
    type(element, "school");
    expect(factors(element)).toEqual(["VVE", "OPP"]);
    expect(liveText(element)).toBe("2 van de 5 factoren getoond.");
  });

  it("combines the verdict filter with the search", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    type(element, "school");
    choose(element, "anders");
    expect(factors(element)).toEqual(["OPP"]);
    expect(liveText(element)).toBe("1 van de 5 factoren getoond.");
  });

  it("says so in the table and in the live region when nothing matches", () => {
    const element = VerdictTable(verdicts, {caption: "Alle factoren", filterable: true});
    type(element, "zwembad");
    expect(factors(element)).toEqual([]);
    const emptyRow = [...element.querySelectorAll<HTMLTableRowElement>("tbody tr")].find((tr) => !tr.hidden);
    expect(emptyRow?.textContent).toBe("Geen factoren die bij deze keuze passen.");
    expect(liveText(element)).toBe("Geen van de 5 factoren past bij deze keuze.");
  });

  it("counts against the rows of the requested paragraphs only", () => {
    const element = VerdictTable(verdicts, {caption: "Populatie", sections: ["3.2"], filterable: true});
    expect(liveText(element)).toBe("2 van de 2 factoren getoond.");
  });
});
