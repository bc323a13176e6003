import {expect, it} from "vitest";
import {describePattern, growthFinding, growthNoiseSentence, growthSummary, joinNames, sortSchools, totalGrowth} from "../../src/components/schoolTables.js";
import {beuk, cirkel, duin, fourSchools, zon} from "../fixtures/growthSchools.js";

const names = (rows: {name: string}[]) => rows.map((r) => r.name);

it("sortSchools orders by latest percentage (highest first), by name, or by points gained", () => {
  const rows = [cirkel, beuk, zon];
  expect(names(sortSchools(rows, "pct"))).toEqual(["Zon", "Beuk", "Cirkel"]); // 35, 18, 10
  expect(names(sortSchools(rows, "name"))).toEqual(["Beuk", "Cirkel", "Zon"]);
  expect(names(sortSchools(rows, "growth"))).toEqual(["Zon", "Cirkel", "Beuk"]); // +30, 0, −7
});

it("sortSchools puts a school without a published latest percentage last and breaks ties by name", () => {
  const twin = {...cirkel, schoolId: "A0", name: "Aster"};
  expect(names(sortSchools([duin, cirkel, twin], "pct"))).toEqual(["Aster", "Cirkel", "Duin"]);
});

it("totalGrowth is the last minus the first published whole percentage", () => {
  expect(totalGrowth(zon)).toBe(30);
  expect(totalGrowth(beuk)).toBe(-7);
  // Duin has only 2018 published: no growth to speak of.
  expect(totalGrowth(duin)).toBeNull();
});

it("describePattern spells the symbols with real minus signs and in words", () => {
  expect(describePattern("0/--")).toEqual({
    symbols: "0 / −−",
    words: "eerst ongeveer gelijk, daarna een sterke daling",
    verbs: "bleef eerst ongeveer gelijk en daalde daarna sterk"
  });
  expect(describePattern("++/+")).toEqual({
    symbols: "++ / +",
    words: "eerst een sterke stijging, daarna een stijging",
    verbs: "steeg eerst sterk en steeg daarna"
  });
});

it("describePattern tells equal steps in a row once, with how many years they lasted", () => {
  expect(describePattern("0/0").words).toBe("twee jaar op rij ongeveer gelijk");
  expect(describePattern("0/0").verbs).toBe("bleef twee jaar op rij ongeveer gelijk");
  expect(describePattern("-/-").verbs).toBe("daalde twee jaar op rij");
  expect(describePattern("++/++/++").verbs).toBe("steeg drie jaar op rij sterk");
  expect(describePattern("+/+/0").words).toBe("eerst twee jaar op rij een stijging, daarna ongeveer gelijk");
  expect(describePattern("+/0/-").verbs).toBe("steeg eerst, bleef toen ongeveer gelijk en daalde daarna");
  expect(describePattern("+").words).toBe("een stijging");
});

const CATEGORIES = ["++", "+", "0", "-", "--"];
const combinations = (length: number): string[] =>
  length === 0 ? [""] : combinations(length - 1).flatMap((head) => CATEGORIES.map((c) => (head ? `${head}/${c}` : c)));

it.each([2, 3])("describePattern gives every pattern of %i steps its own text, without a phrase said twice in a row", (length) => {
  const patterns = combinations(length);
  expect(patterns).toHaveLength(5 ** length);
  const words = patterns.map((p) => describePattern(p).words);
  const verbs = patterns.map((p) => describePattern(p).verbs);
  // Different patterns never read alike.
  expect(new Set(words).size).toBe(patterns.length);
  expect(new Set(verbs).size).toBe(patterns.length);
  for (const text of [...words, ...verbs]) {
    // "eerst ongeveer gelijk, dan ongeveer gelijk": the same meaning in two clauses one after the other.
    const clauses = text.split(/, | en (?=steeg|bleef|daalde)/).map((c) => c.replace(/^(eerst|toen|daarna) /, "").replace(/ (eerst|toen|daarna)( |$)/, "$2"));
    clauses.slice(1).forEach((c, i) => expect(c, text).not.toBe(clauses[i]));
    expect(text).not.toMatch(/\bdan\b|  |^ | $|,$/);
  }
});

it("growthSummary counts shown and withheld schools, published patterns and rises and falls per step", () => {
  expect(growthSummary(fourSchools)).toEqual({
    years: [2017, 2018, 2019],
    shown: 3,
    withheld: [{schoolId: "D4", name: "Duin"}],
    patterns: 3,
    withheldPatternSchools: 1,
    steps: [
      {from: 2017, to: 2018, rise: 1, equal: 2, fall: 0},
      {from: 2018, to: 2019, rise: 1, equal: 1, fall: 1}
    ],
    peak: {year: 2019, pct: 17.06}
  });
});

it("growthFinding names the last step and says 'daalde' when falls are at least as many as rises", () => {
  expect(growthFinding(growthSummary(fourSchools))).toBe("Van 2018 naar 2019 daalde het percentage duidelijk op 1 van de 3 scholen");
});

it("joinNames writes Dutch lists", () => {
  expect(joinNames([])).toBe("");
  expect(joinNames(["Zon"])).toBe("Zon");
  expect(joinNames(["Zon", "Beuk", "Cirkel"])).toBe("Zon, Beuk en Cirkel");
});

it("growthNoiseSentence warns that small schools' changes are mostly chance, with the smallest school's size", () => {
  // fourSchools: the smallest (Duin) has 60 pupils in the latest year: 1 pupil = 100/60 = 1,67 points.
  expect(growthNoiseSentence(fourSchools)).toBe(
    "Let op: op een kleine school vallen de meeste verschillen van jaar tot jaar binnen het toeval. " +
      "Bij 60 leerlingen verschuift één leerling meer of minder het percentage al 1,7 procentpunt. " +
      "Lees een patroon daarom niet als een trend."
  );
  expect(growthNoiseSentence({...fourSchools, tabel6: []})).toBeNull();
});
