// @vitest-environment jsdom
// The explorer's form and results in a DOM: the form's value follows its controls, and the view
// draws the state, rebuilds only the figures whose inputs changed and loads a missing variant first.
import {describe, expect, test, vi} from "vitest";
import {ExplorerFilters} from "../../src/components/ExplorerFilters.js";
import {ExplorerView} from "../../src/components/ExplorerView.js";
import {Cube} from "../../src/lib/cube.js";
import {explorerMeta, explorerUnits} from "../fixtures/explorerCube.js";
import {defaultState} from "../../src/lib/explorerState.js";

const meta = explorerMeta;
const units = explorerUnits;
const enrolled = ["g", "b:1", "s:A1", "s:B2"].flatMap((eenheid) =>
  ["2018", "2019"].map((jaar) => ({jaar, eenheid, leeftijd: "alle", leerlingen: eenheid.startsWith("s:") ? "100" : "200"}))
);
const row = (jaar: string, eenheid: string, jeugdhulp: string, dbc = "uit") => ({
  jaar, eenheid, leeftijd: "alle", zorgvorm: "alle", dyslexie: "met", dbc_correctie: dbc, definitie: "gestart",
  jeugdhulp, trajecten: jeugdhulp
});

function setUp() {
  const cube = new Cube(meta, units, enrolled, [row("2018", "g", "20"), row("2019", "g", "16"), row("2019", "s:A1", "10"), row("2019", "s:B2", "6")]);
  const form = ExplorerFilters(cube, defaultState(cube));
  const loadVariant = vi.fn(async (key: string) => (key === "met-aan-gestart" ? [row("2019", "g", "12", "aan")] : []));
  const view = ExplorerView(cube, form, {loadVariant});
  return {cube, form, view, loadVariant};
}

function change(form: HTMLFormElement, selector: string, update: (el: HTMLInputElement & HTMLSelectElement) => void): void {
  const el = form.querySelector(selector) as HTMLInputElement & HTMLSelectElement;
  update(el);
  el.dispatchEvent(new Event("change", {bubbles: true}));
}

describe("ExplorerFilters and ExplorerView", () => {
  test("the default state draws four figures; the first names the municipality's 2019 share (16 of 200)", () => {
    const {view} = setUp();
    expect(view.dataset.state).toBe("");
    expect(view.querySelectorAll("figure.chart-figure")).toHaveLength(4);
    expect(view.querySelector(".chart-title")?.textContent).toBe("In 2019: Heuvelrug 8,0% van de leerlingen met jeugdhulp");
    // The open table: the municipality in 2018 and 2019 (20 and 16 of 200).
    const rows = [...view.querySelectorAll(".explorer-table tbody tr")].map((tr) => [...tr.children].slice(0, 5).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Heuvelrug", "2018", "200", "20", "10,0%"],
      ["Heuvelrug", "2019", "200", "16", "8,0%"]
    ]);
  });

  test("choosing a school compares it, writes the state and keeps the figures that do not depend on it", () => {
    const {form, view} = setUp();
    const [trend, funnel] = [...view.children];
    change(form, "select[name=school]", (s) => ((s.options[0] as HTMLOptionElement).selected = true));
    expect(form.value.schools).toEqual(["s:A1"]);
    expect(view.dataset.state).toBe("school=A1");
    // The school and, for comparison, the municipality (no board chosen): 2 units × 2 years.
    expect(view.querySelectorAll(".explorer-table tbody tr")).toHaveLength(4);
    expect(view.querySelector(".chart-title")?.textContent).toBe("In 2019: Akker 10,0% van de leerlingen met jeugdhulp");
    expect(view.children[0]).not.toBe(trend);
    // The funnel highlights the chosen school, so it is redrawn too; the age filter leaves it alone.
    expect(view.children[1]).not.toBe(funnel);
    const [, funnelNow, careTypesNow, agesNow] = [...view.children];
    change(form, "select[name=leeftijd]", (s) => (s.value = "6-7"));
    expect(view.dataset.state).toBe("school=A1&leeftijd=6-7");
    expect(view.children[1]).not.toBe(funnelNow);
    expect(view.children[2]).not.toBe(careTypesNow);
    // The age curve shows every age group whatever the age filter: the same element stays.
    expect(view.children[3]).toBe(agesNow);
  });

  test("a kept figure's words never go stale: the age and care-type figures leave out their own filter", () => {
    const {form, view} = setUp();
    const description = (i: number) => view.children[i].querySelector(".chart-description")?.textContent;
    change(form, "select[name=leeftijd]", (s) => (s.value = "6-7"));
    expect(description(0)).toBe("Leerlingen met jeugdhulp als percentage van alle leerlingen, per jaar (alle zorgvormen, 6–7 jaar, traject gestart in het jaar).");
    // The age figure was kept: it must not name the age filter at all (it was "alle leeftijden" here).
    expect(description(3)).toBe(
      "Leerlingen met jeugdhulp per 100 leerlingen van die leeftijd op 1 juli (alle leeftijdsgroepen; alle zorgvormen, traject gestart in het jaar)."
    );
    change(form, "select[name=zorgvorm]", (s) => (s.value = "dyslexie"));
    expect(description(2)).toBe("Leerlingen met jeugdhulp per zorgvorm en jaar (alle zorgvormen; 6–7 jaar, traject gestart in het jaar).");
  });

  test("unticking the last year keeps it; a care type of dyslexia disables 'dyslexiezorg meetellen'", () => {
    const {form} = setUp();
    change(form, "input[name=jaar][value='2018']", (b) => (b.checked = false));
    change(form, "input[name=jaar][value='2019']", (b) => (b.checked = false));
    expect(form.value.years).toEqual([2019]);
    change(form, "select[name=zorgvorm]", (s) => (s.value = "dyslexie"));
    expect((form.querySelector("input[name=dyslexie]") as HTMLInputElement).disabled).toBe(true);
    expect(form.value.dyslexia).toBe("met");
  });

  test("the age switch writes percentages=leeftijd and redraws the trend and the funnel, not the age curve", () => {
    const {form, view} = setUp();
    const [trend, funnel, , ages] = [...view.children];
    change(form, "input[name=percentages]", (b) => (b.checked = true));
    expect(form.value.rates).toBe("leeftijd");
    expect(view.dataset.state).toBe("percentages=leeftijd");
    expect(view.children[0]).not.toBe(trend);
    expect(view.children[1]).not.toBe(funnel);
    expect(view.children[3]).toBe(ages);
    // The selection table adds expected, O/E and the standardised percentage beside the crude one.
    const headers = [...view.querySelectorAll(".explorer-table thead th")].map((th) => th.textContent);
    expect(headers.slice(4, 8)).toEqual(["Percentage", "Verwacht bij deze leeftijden", "Waargenomen / verwacht", "Percentage gecorrigeerd voor leeftijd"]);
  });

  test("another DBC choice loads its variant first, then draws it", async () => {
    const {form, view, loadVariant, cube} = setUp();
    change(form, "input[name=dbc]", (b) => (b.checked = true));
    expect(loadVariant).toHaveBeenCalledWith("met-aan-gestart");
    expect(view.getAttribute("aria-busy")).toBe("true");
    expect(view.querySelector(".explorer-status")?.textContent).toBe("Cijfers laden…");
    await vi.waitFor(() => expect(view.dataset.state).toBe("dbc=aan"));
    expect(cube.hasVariant({dyslexia: "met", dbc: "aan", definition: "gestart"})).toBe(true);
    expect(view.querySelector(".chart-title")?.textContent).toBe("In 2019: Heuvelrug 6,0% van de leerlingen met jeugdhulp");
    expect(view.querySelector(".explorer-status")).toBeNull();
  });
});

test("every total is the cube's own cell, never a sum of the shown schools (perturbed or hidden cells need not add up)", () => {
  // The municipality's cell says 19 while its schools show 10 and 6 and the board 17: each figure
  // must show its own cell (a sum would undo hiding, and differs from a perturbed total).
  const cube = new Cube(meta, units, enrolled, [row("2019", "g", "19"), row("2019", "b:1", "17"), row("2019", "s:A1", "10"), row("2019", "s:B2", "6")]);
  const form = ExplorerFilters(cube, {...defaultState(cube), board: "b:1", schools: ["s:A1", "s:B2"]});
  const view = ExplorerView(cube, form, {loadVariant: async () => []});
  const rows = [...view.querySelectorAll(".explorer-table tbody tr")].map((tr) => [...tr.children].slice(0, 4).map((c) => c.textContent));
  expect(rows.filter((r) => r[1] === "2019")).toEqual([
    ["Akker", "2019", "100", "10"],
    ["Beuk", "2019", "100", "6"],
    ["Bestuur Een", "2019", "200", "17"],
    ["Heuvelrug", "2019", "200", "19"]
  ]);
  // The funnel is drawn around the board's own 17 of 200 (8,50%), not around 16 of 200.
  expect([...view.querySelectorAll("text")].map((t) => t.textContent)).toContain("Bestuur Een 8,50%");
});
