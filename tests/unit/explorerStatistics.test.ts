// The explorer's own statistics, from a tiny cube: age-standardised percentages (indirect
// standardisation against the municipality's rates per age) and φ with its χ² test. Every expected
// value is worked out by hand below.
import {describe, expect, test} from "vitest";
import {Cube} from "../../src/lib/cube.js";
import {defaultState, parseState} from "../../src/lib/explorerState.js";
import {funnelTables, schoolTests, spreadTest, standardised, trendCells} from "../../src/lib/explorerViews.js";
import {binomialTest, chiSquareSurvival, holm, poissonTest} from "../../src/lib/funnel.js";
import {funnelSpread, spreadSentence, testsSentence} from "../../src/components/ExplorerFigures.js";
import {funnelData} from "../../src/components/FunnelPlot.js";
import {explorerMeta} from "../fixtures/explorerCube.js";

// Two age groups. The municipality: 6–7 jaar 10 of 200 (5 %), 8–9 jaar 30 of 200 (15 %), all ages
// 40 of 400 (10 %). Three schools in one board, together the municipality:
//   Akker   80 young +  20 old, 10 with youth care: expected 80·0,05 +  20·0,15 =  7, O/E = 10/7
//   Beuk    20 young +  80 old, 15 with youth care: expected 20·0,05 +  80·0,15 = 13, O/E = 15/13
//   Cirkel 100 young + 100 old, 15 with youth care: expected  5      +  15      = 20, O/E = 3/4
const meta = {...explorerMeta, years: [2019], ages: [...explorerMeta.ages, {key: "8-9", label: "8–9 jaar"}]};
const units = [
  {code: "g", niveau: "gemeente", naam: "Heuvelrug", onderdeel_van: ""},
  {code: "b:1", niveau: "bestuur", naam: "Bestuur Een", onderdeel_van: "g"},
  {code: "s:A", niveau: "school", naam: "Akker", onderdeel_van: "b:1"},
  {code: "s:B", niveau: "school", naam: "Beuk", onderdeel_van: "b:1"},
  {code: "s:C", niveau: "school", naam: "Cirkel", onderdeel_van: "b:1"}
];
const enrolled = (
  [
    ["g", 400, 200, 200],
    ["b:1", 400, 200, 200],
    ["s:A", 100, 80, 20],
    ["s:B", 100, 20, 80],
    ["s:C", 200, 100, 100]
  ] as const
).flatMap(([eenheid, all, young, old]) =>
  (
    [
      ["alle", all],
      ["6-7", young],
      ["8-9", old]
    ] as const
  ).map(([leeftijd, n]) => ({jaar: "2019", eenheid, leeftijd, leerlingen: String(n)}))
);
const cell = (eenheid: string, leeftijd: string, jeugdhulp: number) => ({
  jaar: "2019", eenheid, leeftijd, zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: "gestart",
  jeugdhulp: String(jeugdhulp), trajecten: String(jeugdhulp)
});
const cube = new Cube(meta, units, enrolled, [
  cell("g", "alle", 40), cell("g", "6-7", 10), cell("g", "8-9", 30),
  cell("b:1", "alle", 40),
  cell("s:A", "alle", 10), cell("s:B", "alle", 15), cell("s:C", "alle", 15)
]);
const ageState = {...defaultState(cube), rates: "leeftijd" as const};

describe("age-standardised percentages", () => {
  test("expected from the municipality's rates per age; O/E; O/E × the municipal 10 %", () => {
    const akker = standardised(cube, 2019, "s:A", ageState)!;
    expect(akker.observed).toBe(10);
    expect(akker.expected).toBeCloseTo(7, 12);
    expect(akker.ratio).toBeCloseTo(10 / 7, 12);
    expect(akker.pct).toBeCloseTo(100 / 7, 12); // 14,29 % against a crude 10 %
    const beuk = standardised(cube, 2019, "s:B", ageState)!;
    expect(beuk.expected).toBeCloseTo(13, 12);
    expect(beuk.pct).toBeCloseTo(150 / 13, 12); // 11,54 % against a crude 15 %
    const cirkel = standardised(cube, 2019, "s:C", ageState)!;
    expect([cirkel.expected, cirkel.ratio, cirkel.pct]).toEqual([20, 0.75, 7.5]);
    // The municipality against itself: 40 observed, 200·0,05 + 200·0,15 = 40 expected.
    expect(standardised(cube, 2019, "g", ageState)!.ratio).toBe(1);
  });

  test("with one age group chosen there is one stratum: the standardised percentage is the crude one", () => {
    const young = {...ageState, age: "6-7"};
    // The municipality: 10 observed of 200·0,05 = 10 expected, so 5 % as counted.
    expect(standardised(cube, 2019, "g", young)).toEqual({observed: 10, expected: 10, ratio: 1, pct: 5});
    // A school's age group is not in the files (only the report's own cuts are, per school): no
    // observed count, so no estimate, also for Beuk, which has no 6–7 row.
    expect(standardised(cube, 2019, "s:B", young)).toBeNull();
    expect(cube.cell(2019, "s:B", young).pupils).toEqual({suppressed: true, minCount: meta.minCount});
  });

  test("the trend and the funnel draw the standardised percentages; the crude ones stay in the table", () => {
    const [akker] = trendCells(cube, {...ageState, schools: ["s:A"]});
    expect(akker.crude).toBe(10);
    expect(akker.pct).toBeCloseTo(100 / 7, 12);
    const points = funnelData(funnelTables(cube, ageState)).points;
    expect(points.map((d) => d.pct.toFixed(4))).toEqual([(100 / 7).toFixed(4), (150 / 13).toFixed(4), "7.5000"]);
  });

  test("the switch is in the address: percentages=leeftijd", () => {
    expect(parseState("?percentages=leeftijd", cube).state.rates).toBe("leeftijd");
    expect(parseState("?percentages=gestandaardiseerd", cube).ignored).toEqual(["percentages=gestandaardiseerd"]);
  });
});

describe("φ and its χ² test for the explorer's selection", () => {
  test("crude: z² = 0, 25/9 and 25/18 around 10 %; χ² = 25/6 on 2 df, p = exp(−χ²/2)", () => {
    // Akker 10/100, Beuk 15/100 (z = 0,05/0,03 = 5/3), Cirkel 15/200 (z = −0,025/√(0,09/200) = −5√2/6,
    // z² = 50/36). χ² = 25/9 + 50/36 = 150/36 = 25/6; three units, none winsorised: φ = 25/18.
    const test = spreadTest([{r: 10, n: 100}, {r: 15, n: 100}, {r: 15, n: 200}], 0.1)!;
    expect(test.chiSquare).toBeCloseTo(25 / 6, 12);
    expect(test.degreesOfFreedom).toBe(2);
    expect(test.phi).toBeCloseTo(25 / 18, 12);
    // χ² on 2 df is exponential: P(X ≥ x) = e^(−x/2) = e^(−25/12) = e^(−2)·e^(−1/12) = 0,135335 · 0,920044 = 0,124514.
    expect(test.pValue).toBeCloseTo(0.124514, 6);
  });

  test("standardised: the funnel's rates 1/7, 3/26 and 3/40 around the municipality's 1/10", () => {
    // z = (3/70)/(3/100) = 10/7 and (1/65)/(3/100) = 20/39 for the schools of 100; for Cirkel (200)
    // z² = (1/40)²/(0,09/200) = 25/18. χ² = 100/49 + 400/1521 + 25/18 ≈ 3,69 on 2 df.
    const spread = funnelSpread(funnelData(funnelTables(cube, ageState)), undefined)!;
    expect(spread.test.chiSquare).toBeCloseTo(100 / 49 + 400 / 1521 + 25 / 18, 10);
    expect(spread.test.pValue).toBeCloseTo(Math.exp(-(100 / 49 + 400 / 1521 + 25 / 18) / 2), 12);
  });

  test("the sentence gives φ, χ², df and p in Dutch, and says the counts are perturbed", () => {
    const test = spreadTest([{r: 10, n: 100}, {r: 15, n: 100}, {r: 15, n: 200}], 0.1)!;
    expect(spreadSentence(test, 0.05)).toMatch(
      /^Spreiding tussen de 3 scholen: φ = 1,39 \(1 = alleen toeval\); χ² = 4,2 bij 2 vrijheidsgraden, p = 0,12: de scholen verschillen niet duidelijk meer dan toeval alleen geeft. Berekend op de aantallen van deze pagina, die voor een deel licht verstoord zijn/
    );
  });

  test("the χ² tail against table values: 3,841 on 1 df and 5,991 on 2 df are the 5 % points; 31,41 on 20 df too", () => {
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 7);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 7);
    expect(chiSquareSurvival(31.41043, 20)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe("the funnel's test per school, raw and after Holm", () => {
  test("exact two-sided tests against hand values", () => {
    // 9 of 10 at p = 1/2: P(X ≥ 9) = (10 + 1)/1024, doubled = 22/1024.
    expect(binomialTest(9, 10, 0.5)).toBeCloseTo(22 / 1024, 12);
    expect(binomialTest(5, 10, 0.5)).toBe(1);
    // 0 observed where 2 are expected: P(X ≤ 0) = e^(−2) = 0,135335, doubled = 0,270671.
    expect(poissonTest(0, 2)).toBeCloseTo(0.270671, 6);
    // Holm on 0,01, 0,04, 0,03: 3 · 0,01 = 0,03; 2 · 0,03 = 0,06; 1 · 0,04 = 0,04 → running maximum 0,06.
    const adjusted = holm([0.01, 0.04, 0.03]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
  });

  test("crude: each school's count against the funnel's 10 %; age-standardised: observed against expected", () => {
    const crude = schoolTests(cube, defaultState(cube), [{schoolId: "s:A", pupils: 10, enrolled: 100}], 0.1);
    expect(crude.get("s:A")!.pValue).toBeCloseTo(binomialTest(10, 100, 0.1), 15);
    // Cirkel under age standardisation: 15 observed, 20 expected (see the cube above).
    const aged = schoolTests(cube, ageState, [{schoolId: "s:C", pupils: 0, enrolled: 200}], 0.1);
    expect(aged.get("s:C")!.pValue).toBeCloseTo(poissonTest(15, 20), 15);
  });

  test("the sentence counts the schools under α, raw and after Holm", () => {
    const tests = new Map(
      [0.01, 0.04, 0.03].map((p, i) => [`s:${i}`, {pValue: p, holmP: holm([0.01, 0.04, 0.03])[i]}])
    );
    expect(testsSentence(tests, {rates: "ruw", tests: "ruw"}, 0.05)).toBe(
      "Toets per school (exact, tegen het midden van de trechter): bij 3 van de 3 scholen is p kleiner dan 0,05 (zonder correctie voor het aantal toetsen)."
    );
    expect(testsSentence(tests, {rates: "ruw", tests: "holm"}, 0.05)).toBe(
      "Toets per school (exact, tegen het midden van de trechter): bij 3 van de 3 scholen is p kleiner dan 0,05; na de correctie van Holm voor 3 toetsen nog bij 1."
    );
  });
});
