// @vitest-environment jsdom
import {expect, it} from "vitest";
import {KeyFigures, type KeyFiguresData} from "../../src/components/KeyFigures.js";

const school = (schoolId: string, name: string) => ({schoolId, name});
const data: KeyFiguresData = {
  latestYear: 2019,
  enrolledLatestYear: 4550,
  latest: {pupils: 389, pct: 8.55, trajectoriesPerPupil: 1.27},
  lowestSchools: {pct: 4, schools: [school("17NC", "Dolfijn")]},
  highestSchools: {pct: 16, schools: [school("16MH", "Wilhelmina")]},
  extremesAmong: 20,
  ekg: 34
};

const texts = (element: HTMLElement) => [...element.querySelectorAll(".big")].map((e) => e.textContent);

it("KeyFigures(data) shows the five headline numbers in nl-NL formats", () => {
  expect(texts(KeyFigures(data))).toEqual(["4.550", "8,5%", "4% tot 16%", "1,27", "34%"]);
});

it("KeyFigures(data) names the year and the number of pupils in the notes", () => {
  const element = KeyFigures(data);
  expect(element.querySelector("h2")?.textContent).toBe("Leerlingen 2019");
  expect(element.textContent).toContain("389 leerlingen begonnen in 2019 aan jeugdhulp");
  expect(element.getAttribute("aria-label")).toBe("Kerngetallen 2019");
  expect(element.textContent).toContain("van de 20 scholen waarvan het percentage getoond wordt");
});

it("KeyFigures(data) shows a withheld count and a withheld percentage as a dot", () => {
  const withheld = {suppressed: true as const, minCount: 5};
  const element = KeyFigures({...data, latest: {pupils: withheld, pct: withheld, trajectoriesPerPupil: withheld}});
  expect(texts(element).slice(1, 2)).toEqual(["·"]);
  // The note states no number it does not have, and the mark's one legend follows the cards.
  expect(element.textContent).not.toContain("· leerlingen");
  expect(element.textContent).toContain("het aantal leerlingen dat in 2019 aan jeugdhulp begon, is afgeschermd");
  expect(element.lastElementChild?.textContent).toMatch(/^„·” = niet gepubliceerd: een klein aantal \(1 tot en met 4 leerlingen\)/);
});

it("KeyFigures(data) shows a range with a withheld end as one dot, not '· tot 16%'", () => {
  const withheld = {suppressed: true as const, minCount: 5};
  expect(texts(KeyFigures({...data, lowestSchools: withheld}))[2]).toBe("·");
  // Nothing withheld, no legend: the cards alone.
  expect(KeyFigures(data).className).toBe("grid");
});

it("KeyFigures lays the cards out as a wrapping row whose cards grow, so a short last row leaves no empty slot", () => {
  const element = KeyFigures(data);
  expect([element.style.display, element.style.flexWrap]).toEqual(["flex", "wrap"]);
  const cards = [...element.querySelectorAll<HTMLElement>(".key-figure")];
  expect(cards).toHaveLength(5);
  for (const card of cards) expect(card.style.flexGrow).toBe("1");
  // The range is one figure and never breaks.
  expect(cards[2].querySelector<HTMLElement>(".big")!.style.whiteSpace).toBe("nowrap");
});

it("KeyFigures words its notes after the build's rules: youth care running in the year, a zorgpad of 3 months", () => {
  const notes = [...KeyFigures(data, {youthCareDefinition: "active", zorgpadMonths: 3}).querySelectorAll(".key-figure p")].map((p) => p.textContent);
  expect(notes[1]).toBe("389 leerlingen kregen in 2019 jeugdhulp");
  expect(notes[4]).toBe("kreeg na het eerste traject binnen 3 maanden geen nieuw traject");
});
