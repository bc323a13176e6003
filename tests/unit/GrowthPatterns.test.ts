// @vitest-environment jsdom
import {expect, it} from "vitest";
import {GrowthPatterns} from "../../src/components/GrowthPatterns.js";
import {fourSchools, WITHHELD} from "../fixtures/growthSchools.js";

const rows = (table: HTMLTableElement) => [...table.tBodies[0].rows].map((r) => [...r.children].map((c) => c.textContent));

it("GrowthPatterns lists each pattern with its symbols, its meaning and its schools", () => {
  const table = GrowthPatterns(fourSchools.growthPatterns, {caption: "Groeipatronen"});
  expect(table.caption?.textContent).toBe("Groeipatronen");
  expect(rows(table)).toEqual([
    ["++ / ++", "twee jaar op rij een sterke stijging", "1", "Zon"],
    ["0 / −−", "eerst ongeveer gelijk, daarna een sterke daling", "1", "Beuk"],
    ["0 / 0", "twee jaar op rij ongeveer gelijk", "1", "Cirkel"],
    ["·", "afgeschermd", "1", "Duin"]
  ]);
  expect(table.tBodies[0].rows[0].children[0].tagName).toBe("TH");
});

it("GrowthPatterns counts the schools of a group and sets the highlighted school in bold", () => {
  const groups = [{pattern: "0/0", schools: [{schoolId: "A", name: "Aster"}, {schoolId: "B", name: "Beuk"}]}, {pattern: WITHHELD, schools: []}];
  const table = GrowthPatterns(groups, {caption: "Groeipatronen", highlight: "B"});
  expect(rows(table)[0]).toEqual(["0 / 0", "twee jaar op rij ongeveer gelijk", "2", "Aster, Beuk"]);
  expect(table.querySelector("strong")?.textContent).toBe("Beuk");
});
