// @vitest-environment jsdom
import {expect, it} from "vitest";
import {FunnelHighlight, FunnelPlot, placeLabels, funnelColumns, funnelData, funnelFinding, funnelLines, funnelOutside, funnelSentences} from "../../src/components/FunnelPlot.js";
import {toCsv} from "../../src/lib/csv.js";
import {fourSchools, WITHHELD} from "../fixtures/growthSchools.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

// Municipal proportion 87/510. Limits computed with exact fractions (Spiegelhalter's interpolation):
// Zon    35 of 100:  95% 9,47–24,25%,  99,8% 6,02–29,00%  → above both
// Beuk   36 of 200:  95% 11,74–22,19%, 99,8% 9,09–25,46% → inside
// Cirkel 15 of 150:  95% 10,90–22,97%, 99,8% 7,93–26,80% → below 95% only (10% < 10,90%)

it("funnelData takes the municipal proportion from the latest year's counts and leaves withheld schools out", () => {
  const data = funnelData(fourSchools);
  expect(data.year).toBe(2019);
  expect(data.p).toBeCloseTo(87 / 510, 12);
  expect(data.withheld).toEqual([{schoolId: "D4", name: "Duin"}]);
  expect(data.points.map((d) => [d.name, d.enrolled, d.pupils, d.outside95, d.outside998])).toEqual([
    ["Cirkel", 150, 15, "onder", null],
    ["Beuk", 200, 36, null, null],
    ["Zon", 100, 35, "boven", "boven"]
  ]);
  expect(data.points[1].pct).toBeCloseTo(18, 12);
});

it("funnelData draws nothing when the municipal count is withheld", () => {
  const hidden = {...fourSchools, total: {...fourSchools.total, years: [{year: 2019, enrolled: 510, pupils: WITHHELD, pct: WITHHELD}]}};
  const data = funnelData(hidden);
  expect(data.p).toBeNull();
  expect(data.points).toEqual([]);
  expect(FunnelPlot(hidden).textContent).toBe("Geen trechter: het percentage van de gemeente of van de scholen is afgeschermd.");  // Only Duin's own count is withheld; the others are not, and the title claims nothing about them.
  expect(data.withheld).toEqual([{schoolId: "D4", name: "Duin"}]);
  expect(funnelFinding(data)).toBe("Geen trechter voor 2019: het percentage van de gemeente is afgeschermd");
});

it("funnelLines gives both limits in percent for every whole school size", () => {
  const lines = funnelLines(87 / 510, 100, 101);
  expect(lines.map((l) => [l.n, l.coverage])).toEqual([
    [100, 0.95],
    [101, 0.95],
    [100, 0.998],
    [101, 0.998]
  ]);
  expect(lines[0].upper).toBeCloseTo(24.2532223694, 8);
  expect(lines[2].lower).toBeCloseTo(6.0246233900, 8);
});

it("funnelOutside names the schools above and below each limit", () => {
  expect(funnelOutside(funnelData(fourSchools).points)).toEqual([
    {coverage: 0.95, above: ["Zon"], below: ["Cirkel"]},
    {coverage: 0.998, above: ["Zon"], below: []}
  ]);
});

it("funnelSentences say how many schools lie outside each limit and how wide the funnel is for the smallest school", () => {
  expect(funnelSentences(funnelData(fourSchools))).toEqual([
    "2 van de 3 scholen liggen buiten de 95%-grenzen: boven de grens Zon; onder de grens Cirkel. " +
      "Door toeval alleen ligt gemiddeld al 1 op de 20 scholen buiten deze grenzen.",
    "1 school ligt buiten de 99,8%-grenzen: boven de grens Zon. Zo'n verschil verklaart toeval bijna nooit.",
    "Een kleine school heeft een groot verschil nodig voordat het iets zegt. Bij 100 leerlingen ligt de 95%-grens tussen 9,5% en 24,3%; de gemeente zit op 17,06%."
  ]);
});

it("FunnelPlot draws one dot per shown school, labels the school outside 99,8% and marks the highlighted one", async () => {
  const plot = FunnelPlot(fourSchools, {width: 640, highlight: "B2"});
  const dots = plot.querySelectorAll('g[aria-label="dot"] circle');
  expect(dots).toHaveLength(3);
  expect(plot.querySelectorAll(".funnel-highlight circle")).toHaveLength(1);
  const texts = [...plot.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toContain("Zon"); // outside 99,8%
  expect(texts).toContain("Beuk"); // highlighted
  expect(texts).not.toContain("Cirkel"); // outside 95% only: not labelled
  expect(texts).toContain("gemeente 17,06%");
  expect(texts).toEqual(expect.arrayContaining(["95%-grens", "99,8%-grens"]));
  await expectSvgSnapshot(plot, "funnel-plot");
});

it("funnelColumns give the table each school's count, percentage and limits", () => {
  const data = funnelData(fourSchools);
  const csv = toCsv(funnelColumns(data), data.points.slice(2));
  expect(csv).toBe(
    "\ufeffSchool;Leerlingen 2019;Met jeugdhulp;Percentage;Ondergrens 95%;Bovengrens 95%;Ondergrens 99,8%;Bovengrens 99,8%;Buiten 95%;Buiten 99,8%\r\n" +
      "Zon;100;35;35,0;9,5;24,3;6,0;29,0;boven;boven\r\n"
  );
});

it("funnelFinding states the widest limit that some school crosses", () => {
  const data = funnelData(fourSchools);
  expect(funnelFinding(data)).toBe("In 2019 ligt 1 school buiten de 99,8%-grenzen: daar speelt meer dan toeval");
  // Without Zon only Cirkel remains outside, and only the 95% limit.
  const withoutZon = {...data, points: data.points.filter((d) => d.name !== "Zon")};
  expect(funnelFinding(withoutZon)).toBe("In 2019 ligt 1 school buiten de 95%-grenzen, maar geen enkele buiten de 99,8%-grenzen");
  const inside = {...data, points: data.points.filter((d) => d.name === "Beuk")};
  // fourSchools withholds one school's count, so "alle scholen" would claim that one too: the title
  // counts the drawn ones.
  expect(data.withheld.length).toBe(1);
  expect(funnelFinding(inside)).toBe("In 2019 ligt de ene getekende school binnen de grenzen van het toeval");
  const twoDrawn = {...inside, points: [...inside.points, {...inside.points[0], schoolId: "B2", name: "Beuk 2"}]};
  expect(funnelFinding(twoDrawn)).toBe("In 2019 liggen alle 2 getekende scholen binnen de grenzen van het toeval");
  expect(funnelFinding({...inside, withheld: []})).toBe("In 2019 liggen alle scholen binnen de grenzen van het toeval");
});

it("funnelSentences say so when no school lies outside the 99,8% limits", () => {
  const data = funnelData(fourSchools);
  const [, narrow] = funnelSentences({...data, points: data.points.filter((d) => d.name !== "Zon")});
  expect(narrow).toBe("Geen enkele school ligt buiten de 99,8%-grenzen, waarbuiten toeval als verklaring bijna is uitgesloten.");
});

it("FunnelPlot of groups of at most 8 pupils still draws its limits (the explorer's small age groups)", () => {
  const tiny = {
    tabel6: [
      {schoolId: "a", name: "A", enrolledLatestYear: 6, years: [{year: 2019, enrolled: 6, pupils: 0, pct: 0}], growth: [], growthPattern: null, useCategory: null},
      {schoolId: "b", name: "B", enrolledLatestYear: 8, years: [{year: 2019, enrolled: 8, pupils: 0, pct: 0}], growth: [], growthPattern: null, useCategory: null}
    ],
    total: {enrolledLatestYear: 100, years: [{year: 2019, enrolled: 100, pupils: 10, pct: 10}]},
    growthPatterns: []
  };
  const plot = FunnelPlot(tiny, {width: 640, referenceLabel: "bestuur X"});
  expect(plot.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(2);
  const texts = [...plot.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toContain("bestuur X 10,00%");
  expect(texts).toEqual(expect.arrayContaining(["95%-grens", "99,8%-grens"]));
});

it("FunnelPlot on a slide names every school outside the 95% limits and colours those dots", () => {
  const plot = FunnelPlot(fourSchools, {width: 640, label: "outside95"});
  const texts = [...plot.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toEqual(expect.arrayContaining(["Zon", "Cirkel"]));
  expect(texts).not.toContain("Beuk"); // inside both limits
  const fills = [...plot.querySelectorAll('g[aria-label="dot"] circle')].map((c) => c.getAttribute("fill"));
  // Zon and Cirkel in colour, Beuk grey.
  expect(fills.filter((f) => f === "#0072B2")).toHaveLength(2);
  expect(fills).toHaveLength(3);
});

it("placeLabels keeps labels apart and inside the plot", () => {
  // Two dots 10 px apart on one height: the second label cannot go right (the first is there), so left.
  expect(placeLabels([{x: 100, y: 100, text: "Alfa"}, {x: 110, y: 100, text: "Beta"}], {width: 400, height: 300})).toEqual(["right", "left"]);
  // A dot at the right edge: its label goes left.
  expect(placeLabels([{x: 395, y: 100, text: "Gamma"}], {width: 400, height: 300})).toEqual(["left"]);
  // Far apart: both right.
  expect(placeLabels([{x: 50, y: 50, text: "A"}, {x: 50, y: 200, text: "B"}], {width: 400, height: 300})).toEqual(["right", "right"]);
});

it("FunnelPlot of a rare care type labels its small percentages once each, with a decimal", () => {
  // 9 of 4 550 pupils (0,2%): the 99,8% limit at 200 pupils is a few percent, so Plot would tick in
  // steps of 0,2 or 0,5 — whole percents printed those as "0% 0% 1% 1% …".
  const school = (id: string, pupils: number) => ({
    schoolId: id, name: id, enrolledLatestYear: 200, years: [{year: 2019, enrolled: 200, pupils, pct: pupils / 2}], growth: [], growthPattern: null, useCategory: null
  });
  const rare = {
    tabel6: [school("A", 0), school("B", 1), school("C", 2)],
    total: {enrolledLatestYear: 4550, years: [{year: 2019, enrolled: 4550, pupils: 9, pct: 0.2}]},
    growthPatterns: []
  };
  const ticks = [...FunnelPlot(rare, {width: 640}).querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
  expect(ticks.length).toBeGreaterThan(3);
  expect(new Set(ticks).size).toBe(ticks.length);
  expect(ticks.slice(0, 2)).toEqual(["0,0%", ticks[1]]);
  expect(ticks[1]).toMatch(/^0,\d%$/);
});

it("FunnelPlot puts a name left of its dot where the right edge would cut it off", () => {
  const school = (id: string, name: string, enrolled: number, pupils: number) => ({
    schoolId: id, name, enrolledLatestYear: enrolled, years: [{year: 2019, enrolled, pupils, pct: (100 * pupils) / enrolled}], growth: [], growthPattern: null, useCategory: null
  });
  const tables = {
    tabel6: [school("a", "Klein", 100, 10), school("b", "De Grote Ontdekkingsreis", 400, 40)],
    total: {enrolledLatestYear: 500, years: [{year: 2019, enrolled: 500, pupils: 50, pct: 10}]},
    growthPatterns: []
  };
  // The largest school sits at the right edge: its highlighted name ends at the dot.
  const plot = FunnelPlot(tables, {width: 640, highlight: "b"});
  const name = [...plot.querySelectorAll("text")].find((t) => t.textContent === "De Grote Ontdekkingsreis")!;
  expect(name.closest("g")!.getAttribute("text-anchor")).toBe("end");
});

it("FunnelPlot of a national funnel: the dots as one path without a circle each, and names for the 25 schools furthest out only", () => {
  // 1 160 schools with 18 of 100 pupils and 40 with 45 … 84 of 100: the centre is
  // (1 160·18 + 2 580) / 120 000 = 19,55%, whose 99,8% limit at 100 pupils is about 32%, so all 40 lie above it.
  const school = (i: number, pupils: number) => ({
    schoolId: `S${i}`,
    name: `School ${i}`,
    enrolledLatestYear: 100,
    years: [{year: 2019, enrolled: 100, pupils, pct: pupils}],
    growth: [],
    growthPattern: null,
    useCategory: null
  });
  const tabel6 = [...Array.from({length: 1160}, (_, i) => school(i, 18)), ...Array.from({length: 40}, (_, j) => school(1160 + j, 45 + j))];
  const tables = {tabel6, total: {enrolledLatestYear: 120_000, years: [{year: 2019, enrolled: 120_000, pupils: 23_460, pct: 19.55}]}, growthPatterns: []};
  const plot = FunnelPlot(tables, {width: 640});
  expect(plot.querySelectorAll("circle")).toHaveLength(0);
  const path = plot.querySelector(".funnel-dots path")!;
  expect(path.getAttribute("d")!.match(/M/g)).toHaveLength(1200);
  const names = [...plot.querySelectorAll("text")].map((t) => t.textContent).filter((t) => t!.startsWith("School"));
  // The furthest out are the 25 with the most pupils: 60 … 84 of 100, schools 1 175 … 1 199.
  expect(names.sort()).toEqual(Array.from({length: 25}, (_, k) => `School ${1175 + k}`).sort());
});

it("FunnelHighlight lays one school's large dot and bold name over the shared plot, on the same spot", () => {
  // fourSchools at 640 × 420: the largest school has 200 pupils, so x runs 0…216 (200 · 1,08) over
  // the 570 px between the margins (50 and 20): Zon's 100 pupils land at 50 + 570 · 100/216 = 313,9 px.
  const data = funnelData(fourSchools);
  const shared = FunnelPlot(fourSchools, {width: 640, highlight: null, data});
  const zon = FunnelHighlight(data, "Z1", {width: 640})!;
  const dot = zon.querySelector(".funnel-highlight circle")!;
  expect(Number(dot.getAttribute("cx"))).toBeCloseTo(313.9, 1);
  // The same place as Zon's dot beneath (its tooltip names it), and the same size as the whole plot.
  const beneath = [...shared.querySelectorAll("circle")].find((c) => c.querySelector("title")?.textContent?.startsWith("Zon"))!;
  expect([dot.getAttribute("cx"), dot.getAttribute("cy")]).toEqual([beneath.getAttribute("cx"), beneath.getAttribute("cy")]);
  expect(zon.getAttribute("viewBox")).toBe(shared.getAttribute("viewBox"));
  // No axes, no other school: only the dot and, for Zon (outside 99,8%, so named beneath as well), its
  // name in bold on the side the shared plot put it, covering the plain one.
  expect(zon.querySelectorAll("circle")).toHaveLength(1);
  const named = (svg: Element) => [...svg.querySelectorAll("text")].filter((t) => t.textContent === "Zon");
  expect(named(zon)).toHaveLength(1);
  const [plain] = named(shared);
  const bold = named(zon)[0].closest("g")!;
  expect(bold.getAttribute("font-weight")).toBe("bold");
  expect(bold.getAttribute("text-anchor") ?? "middle").toBe(plain.closest("g")!.getAttribute("text-anchor") ?? "middle");
  expect(zon.getAttribute("aria-hidden")).toBe("true");
  // Beuk is inside the limits: named only in this layer.
  expect([...shared.querySelectorAll("text")].filter((t) => t.textContent === "Beuk")).toHaveLength(0);
  expect([...FunnelHighlight(data, "B2", {width: 640})!.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["Beuk"]);
  // Duin's count is withheld: not drawn, so no layer.
  expect(FunnelHighlight(data, "D4", {width: 640})).toBeNull();
});

it("FunnelPlot draws the limits of the data it is given: a spread in `data` widens them without a second `spread`", () => {
  // τ² = 0,01 with z 1,96 / 3,09: the 95% band at n = 100 around p = 87/510 is wider than the binomial
  // 9,47–24,25% (it adds 0,01 to the variance p(1−p)/n = 0,00142). Given only in the data, the plot
  // and its description must still say so.
  const spread = {tau2: 0.01, coverages: [0.95, 0.998], z: [1.96, 3.09]};
  const widened = FunnelPlot(fourSchools, {width: 640, data: funnelData(fourSchools, spread)});
  const plain = FunnelPlot(fourSchools, {width: 640});
  expect(widened.getAttribute("aria-label")).toContain("voor overdispersie verbrede grenzen");
  expect(plain.getAttribute("aria-label")).not.toContain("verbrede");
  const paths = (plot: Element) => [...plot.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute("d"));
  expect(paths(widened)).not.toEqual(paths(plain));
  // The middle line's words come from the caller (a school board in the explorer).
  expect(FunnelPlot(fourSchools, {width: 640, around: "het percentage van bestuur X"}).getAttribute("aria-label")).toContain("rond het percentage van bestuur X");
});
