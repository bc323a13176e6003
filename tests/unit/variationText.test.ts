// The issue-12 statistics in words, on hand-made published values: the verdict follows the
// over-dispersed funnel, "ook na correctie voor leeftijd" only when O/E agrees, a withheld value
// gives the "cannot be shown" sentence, and Holm decides whether a change is beyond noise.
import {describe, expect, test} from "vitest";
import {testConclusion, testSentence} from "../../src/components/CrossTable.js";
import {
  changeSummary,
  factorTestsSentences,
  factorTestsVerdict,
  funnelComparison,
  phiSentences,
  schoolVariationSentences,
  specialSchoolsTitle,
  type SchoolVariation,
  type Statistics,
  type YearVariation
} from "../../src/components/variationText.js";

const hidden = {suppressed: true, minCount: 5} as const;
const ratio = (position: "boven" | "onder" | "binnen", expected = 20) => ({expected, ratio: 1, lower: 0.5, upper: 1.5, position});

// Published JSON carries no brand: the hand-made values are cast as the pages read them.
function school(name: string, fields: Record<string, unknown>): SchoolVariation {
  return {schoolId: name, name, enrolled: 200, share: 0.1, binomial: ["binnen", "binnen"], overdispersed: ["binnen", "binnen"], standardised: ratio("binnen"), ...fields} as unknown as SchoolVariation;
}

const year: YearVariation = {
  year: 2019,
  overdispersion: {p0: 0.085, units: 4, chiSquare: 9, degreesOfFreedom: 3, pValue: 0.03, phi: 2.2, tau2: 0.0005},
  schoolsInEstimate: 4,
  schools: [
    school("Anemoon", {binomial: ["boven", "binnen"], overdispersed: ["boven", "binnen"], standardised: ratio("boven")}),
    school("Berk", {binomial: ["boven", "binnen"], overdispersed: ["boven", "binnen"], standardised: ratio("binnen")}),
    school("Ceder", {binomial: ["onder", "binnen"], standardised: ratio("binnen", 6)}),
    school("Den", {share: hidden, binomial: hidden, overdispersed: hidden, standardised: hidden})
  ]
};

describe("a school's sentence", () => {
  test("outside the over-dispersed limits and above by age: higher, also after correcting for age", () => {
    expect(schoolVariationSentences(year.schools[0], 2019)).toBe("Vergeleken met de andere scholen ligt het percentage in 2019 hoger dan verwacht, ook na correctie voor leeftijd.");
  });
  test("outside, but not by age: the qualifier says so", () => {
    expect(schoolVariationSentences(year.schools[1], 2019)).toContain("hoger dan verwacht, maar niet meer na correctie voor leeftijd");
  });
  test("outside the binomial limits only: within the expected spread, and with few expected pupils mostly noise", () => {
    expect(schoolVariationSentences(year.schools[2], 2019)).toBe(
      "Vergeleken met de andere scholen ligt het percentage in 2019 binnen de verwachte spreiding. Het gaat om weinig leerlingen: dan is een percentage vooral toeval."
    );
  });
  test("withheld: it cannot be shown", () => {
    expect(schoolVariationSentences(year.schools[3], 2019)).toMatch(/kunnen we niet laten zien/);
    expect(schoolVariationSentences(undefined, 2019)).toMatch(/kunnen we niet laten zien/);
  });
});

test("the funnels compared: three schools by chance alone, two beyond the usual spread; the withheld school is never named", () => {
  expect(funnelComparison(year)).toBe(
    "Met alleen toeval als maat vallen 3 scholen buiten de 95%-grenzen: Anemoon, Berk en Ceder. " +
      "Rekent u de gewone verschillen tussen scholen mee, dan blijven 2 scholen over: Anemoon en Berk."
  );
  expect(funnelComparison(year, {withYear: true})).toMatch(/^In 2019: met alleen toeval als maat vallen 3 scholen buiten/);
  expect(specialSchoolsTitle(year)).toBe("In 2019 vallen 2 scholen buiten de gewone verschillen tussen scholen: Anemoon en Berk");
  expect(specialSchoolsTitle({...year, overdispersion: null})).toMatch(/niet te zeggen/);
});

test("a change is beyond noise on its Holm-adjusted p-value; withheld changes are counted apart", () => {
  const change = (name: string, pValue: unknown, holmP: unknown) => ({schoolId: name, name, from: 2018, to: 2019, pValue, holmP});
  const statistics = {alpha: 0.05, changes: [change("A", 0.01, 0.03), change("B", 0.02, 0.06), change("C", hidden, hidden)]} as unknown as Statistics;
  const summary = changeSummary(statistics);
  expect([summary.shown, summary.withheld, summary.beyond.map((c) => c.name)]).toEqual([2, 1, ["A"]]);
});

test("a factor test's conclusion follows the Holm-adjusted p-value when there is one", () => {
  const exact = {pValue: 0.011, untestable: null, schools: 20, withheld: 2, unknownFactor: 0};
  expect(testConclusion(exact)).toBe("een aanwijzing voor een verband");
  expect(testConclusion(exact, 0.077)).toBe("hooguit een zwakke aanwijzing voor een verband");
  expect(testSentence(exact, 0.077)).toBe(
    "Zo'n verdeling komt bij toeval zelden voor (p = 0,011). Omdat er meer factoren getoetst zijn, telt de gecorrigeerde waarde (Holm: p = 0,077): hooguit een zwakke aanwijzing voor een verband."
  );
});

test("φ in words: its test with p in the house style, τ as percentage points, and over how many schools", () => {
  const sentences = phiSentences({...year, overdispersion: {...year.overdispersion!, pValue: 0.0004}, schoolsInEstimate: 3}, 0.05);
  expect(sentences[0]).toBe(
    "In 2019 verschillen de scholen meer van elkaar dan toeval alleen verklaart: de spreiding is 2,2 keer zo groot als bij puur toeval (φ; toets: χ² = 9,0 bij 3 vrijheidsgraden, p < 0,001)."
  );
  // τ = √0,0005 = 0,02236: 2,2 procentpunt
  expect(sentences[2]).toContain("zo'n 2,2 procentpunt");
  expect(sentences[3]).toBe("Gerekend over 3 van de 4 scholen; van de andere is het aantal afgeschermd.");
  expect(phiSentences({...year, overdispersion: {...year.overdispersion!, pValue: 0.3, phi: 1.1}}, 0.05)[0]).toMatch(/niet duidelijk meer/);
});

describe("the factor tests together", () => {
  // As on the default data after the release-wide suppression: size 0,023 and SOT 0,024 under 0,05 raw;
  // Holm over 3 tests here: 3 · 0,023 = 0,069, max(0,069, 2 · 0,024) = 0,069, 0,57 stays: none left.
  const factor = (label: string, raw: number, holm: number) => ({factor: label, label, pValues: {rapport: raw}, holmP: {rapport: holm}, fragile: false});
  const statistics = (factors: unknown[]) => ({alpha: 0.05, sensitivity: {variants: [], factors}}) as unknown as Statistics;
  const none = statistics([factor("Omvang", 0.023, 0.069), factor("SOT", 0.024, 0.069), factor("SES", 0.57, 0.57)]);

  test("raw results under α are named with their p; the conclusion follows Holm", () => {
    expect(factorTestsSentences(none)).toEqual([
      "Zonder correctie komen 2 toetsen onder de 0,05: Omvang (p = 0,023) en SOT (p = 0,024).",
      "Na de correctie van Holm voor 3 toetsen blijft daar niets van over: geen enkele factor hangt aantoonbaar samen met het jeugdhulpgebruik."
    ]);
    expect(factorTestsVerdict(none)).toBe("Opnieuw getoetst, met een correctie voor het aantal toetsen, is geen van die verbanden aan te tonen.");
  });

  test("a factor that survives Holm is named in both", () => {
    const one = statistics([factor("Omvang", 0.001, 0.003), factor("SES", 0.57, 0.57)]);
    expect(factorTestsSentences(one)[1]).toBe("Na de correctie van Holm voor 2 toetsen blijft 1 factor over: Omvang (p = 0,003).");
    expect(factorTestsVerdict(one)).toBe("Opnieuw getoetst, met een correctie voor het aantal toetsen, blijft een verband over bij omvang.");
  });
});
