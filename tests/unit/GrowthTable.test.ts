// @vitest-environment jsdom
import {expect, it} from "vitest";
import {GrowthTable} from "../../src/components/GrowthTable.js";
import {fourSchools} from "../fixtures/growthSchools.js";

const cells = (row: Element) => [...row.children].map((c) => c.textContent);

it("GrowthTable has a caption, column headers per year and step, and one row per school in Tabel 6 order", () => {
  const element = GrowthTable(fourSchools, {caption: "Tabel 6"});
  const table = element.querySelector("table")!;
  expect(table.caption?.textContent).toBe("Tabel 6");
  expect(cells(table.tHead!.rows[0])).toEqual(["School", "Leerlingen 2019", "% 2017", "2017→2018", "% 2018", "2018→2019", "% 2019", "Gebruik 2019"]);
  expect([...table.tHead!.querySelectorAll("th")].every((th) => th.scope === "col")).toBe(true);
  expect([...table.tBodies[0].rows].map(cells)).toEqual([
    ["Cirkel", "150", "10%", "0", "10%", "0", "10%", "gemiddeld"],
    ["Beuk", "200", "25%", "0", "25%", "−−", "18%", "hoog"],
    ["Zon", "100", "5%", "++", "10%", "++", "35%", "hoog"],
    ["Duin", "60", "·", "·", "10%", "·", "·", "·"]
  ]);
  expect(table.tBodies[0].rows[0].children[0].tagName).toBe("TH");
});

it("GrowthTable closes with the municipal row, percentages with two decimals", () => {
  const table = GrowthTable(fourSchools, {caption: "Tabel 6"}).querySelector("table")!;
  expect(cells(table.tFoot!.rows[0])).toEqual(["Gemeente", "510", "14,12%", "", "15,88%", "", "17,06%", ""]);
});

it("GrowthTable gives each growth symbol its meaning for screen readers and explains the dot", () => {
  const element = GrowthTable(fourSchools, {caption: "Tabel 6"});
  const symbols = [...element.querySelectorAll('span[role="img"]')].map((s) => [s.textContent, s.getAttribute("aria-label")]);
  expect(symbols).toContainEqual(["−−", "sterke daling"]);
  expect(symbols).toContainEqual(["++", "sterke stijging"]);
  expect(element.querySelector(".growth-table-legend")?.textContent).toMatch(/^„·” = niet gepubliceerd: een klein aantal \(1 tot en met 4 leerlingen\), .* \+\+ sterke stijging; \+ stijging;/);
});

it("GrowthTable(…, {highlight}) sets the chosen school's row in bold", () => {
  const table = GrowthTable(fourSchools, {caption: "Tabel 6", highlight: "Z1"}).querySelector("table")!;
  const bold = [...table.querySelectorAll("tr.growth-table-highlight")];
  expect(bold.map((tr) => tr.children[0].textContent)).toEqual(["Zon"]);
});

it("GrowthTable aligns every cell of a row on one baseline and keeps the use category on one line", () => {
  const element = GrowthTable(fourSchools, {caption: "Tabel 6"});
  const rows = [...element.querySelector("tbody")!.rows];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect([...row.cells].map((c) => c.style.verticalAlign)).toEqual([...row.cells].map(() => "baseline"));
    expect(row.cells[row.cells.length - 1].style.whiteSpace).toBe("nowrap");
  }
});
