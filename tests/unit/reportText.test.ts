// The data chapters' sentences (src/components/reportText.ts) on small hand-made values: other years
// than 2017–2019, one against many, none, and withheld values. Every expected sentence is written out
// by hand here.
import {describe, expect, test} from "vitest";
import {joinNames} from "../../src/components/schoolTables.js";
import {
  chanceSentences,
  changesSentence,
  costShareSentence,
  ekgShortSentence,
  firstTrajectorySentences,
  fragileSentence,
  perPupilSentence,
  ratingCountsSentence,
  restartsSentence,
  stableAverageSchools,
  stableAverageSentence,
  concentrationSentence,
  countNoun,
  dbcCountSentence,
  dbcRuleSentence,
  dbcSentences,
  dbcTitle,
  ekgSentence,
  extremeCostSentence,
  outcomeSentences,
  patternsSentence,
  periodText,
  providersSentence,
  scopeSentences,
  rangeSentence,
  summarySentence,
  uptakeSentence,
  withheldStepsSentence
} from "../../src/components/reportText.js";
import {monthsText} from "../../src/lib/format.js";

const hidden = {suppressed: true, minCount: 5} as const;

describe("words for counts and spans", () => {
  test("none, one, many and withheld", () => {
    expect(countNoun(0, "leerling", "leerlingen")).toBe("geen leerlingen");
    expect(countNoun(1, "leerling", "leerlingen")).toBe("1 leerling");
    expect(countNoun(1234, "leerling", "leerlingen")).toBe("1.234 leerlingen");
    expect(countNoun(hidden, "leerling", "leerlingen")).toBe("een afgeschermd aantal leerlingen");
  });

  test("the follow-up window as a reader says it", () => {
    expect(monthsText(6)).toBe("een half jaar");
    expect(monthsText(12)).toBe("een jaar");
    expect(monthsText(24)).toBe("2 jaar");
    expect(monthsText(1)).toBe("1 maand");
    expect(monthsText(9)).toBe("9 maanden");
  });

  test("one year or a span", () => {
    expect(periodText([2023])).toBe("2023");
    expect(periodText([2021, 2022, 2023, 2024])).toBe("2021–2024");
  });
});

describe("Kerngetallen", () => {
  test("share from the counts, singular verb for one pupil, geen for none, withheld without a number", () => {
    expect(uptakeSentence(2024, 37, 400)).toBe("In 2024 kregen 37 van de 400 leerlingen jeugdhulp: 9,3%.");
    expect(uptakeSentence(2022, 1, 80)).toBe("In 2022 kreeg 1 van de 80 leerlingen jeugdhulp: 1,3%.");
    expect(uptakeSentence(2022, 0, 80)).toBe("In 2022 kreeg geen van de 80 leerlingen jeugdhulp.");
    expect(uptakeSentence(2022, hidden, 80)).toBe("In 2022 is het aantal leerlingen met jeugdhulp afgeschermd, van 80 leerlingen in totaal.");
  });
});

describe("the DBC restarts, told about the years the data has", () => {
  const tabel2 = (rows: [number, number][]) => rows.map(([year, raw]) => ({year, raw, corrected: raw}));

  test("a transition outside the study years says so and tells no peak", () => {
    const dbc = {transitionYear: 2018, tabel1Total: 0, tabel2: tabel2([[2021, 300], [2022, 250], [2023, 280], [2024, 310]])};
    expect(dbcSentences(dbc)).toBe(
      "Op 1 januari 2018 kreeg de GGZ nieuwe productcodes. Dat valt buiten de onderzoeksjaren (2021–2024): in deze cijfers zitten geen trajecten die alleen daardoor opnieuw begonnen."
    );
    expect(dbcSentences(dbc)).not.toMatch(/pieken|stijgen/);
    expect(dbcTitle(dbc)).toBe("Geen herstarts op papier in 2021–2024");
  });

  test("a rise into the transition year is told with both counts and the restarts", () => {
    const dbc = {transitionYear: 2018, tabel1Total: 131, tabel2: tabel2([[2017, 519], [2018, 686], [2019, 494]])};
    expect(dbcSentences(dbc)).toMatch(/^In 2018 lijkt het aantal trajecten te stijgen, van 519 in 2017 naar 686\. 131 daarvan zijn geen nieuwe hulp\. Op 1 januari 2018 /);
    expect(dbcTitle(dbc)).toBe("131 van de 686 trajecten in 2018 waren een herstart op papier");
  });

  test("no rise, one restart: no peak, singular", () => {
    // 2022 is the lowest year here: nothing seems to rise.
    const dbc = {transitionYear: 2022, tabel1Total: 1, tabel2: tabel2([[2021, 40], [2022, 30], [2023, 45]])};
    expect(dbcSentences(dbc)).toMatch(/^In 2022 begonnen 30 trajecten\. 1 daarvan is geen nieuwe hulp\. Op 1 januari 2022 .* eind december 2021 afgesloten/);
    expect(dbcSentences(dbc)).not.toContain("stijgen");
    expect(dbcTitle(dbc)).toBe("1 van de 30 trajecten in 2022 was een herstart op papier");
  });

  test("withheld restarts are named as withheld, no restarts as none", () => {
    const withheld = {transitionYear: 2018, tabel1Total: hidden, tabel2: tabel2([[2017, 50], [2018, 60]])};
    expect(dbcSentences(withheld)).toContain("Een afgeschermd aantal daarvan is geen nieuwe hulp.");
    expect(dbcTitle(withheld)).toBe("Een deel van de trajecten in 2018 was een herstart op papier");
    const none = {transitionYear: 2018, tabel1Total: 0, tabel2: tabel2([[2017, 50], [2018, 60]])};
    expect(dbcSentences(none)).toMatch(/In deze gegevens begon geen enkel traject zo opnieuw: de correctie verandert niets\.$/);
  });

  test("Eerste Keer Goed's rule in or outside the years", () => {
    expect(dbcRuleSentence(2018, [2017, 2018, 2019])).toBe("Eind 2017 werden lopende GGZ-trajecten afgesloten en in januari 2018 opnieuw geopend. Dat is één traject, geen tweede.");
    expect(dbcRuleSentence(2018, [2021, 2022])).toBe(
      "Een GGZ-traject dat eind 2017 werd afgesloten en in januari 2018 opnieuw geopend (nieuwe productcodes), is één traject. In 2021–2022 komt dat niet voor."
    );
  });
});

describe("Feiten: providers and costs", () => {
  test("one provider, many with a tail, none", () => {
    expect(providersSentence(1, "2023", false)).toBe("In 2023 gaf 1 aanbieder jeugdhulp aan deze leerlingen.");
    expect(providersSentence(0, "2023", false)).toBe("In 2023 gaf geen enkele aanbieder jeugdhulp aan deze leerlingen.");
    expect(providersSentence(42, "2021–2024", true)).toBe(
      "In 2021–2024 gaven 42 aanbieders jeugdhulp aan deze leerlingen. Behalve de grootste aanbieders, die apart in de grafiek staan, is er een lange rij kleine aanbieders."
    );
  });

  test("pupils above the extreme threshold", () => {
    expect(extremeCostSentence(0, "€ 200.000")).toBe("Geen enkele leerling had meer dan € 200.000 aan jeugdhulp.");
    expect(extremeCostSentence(1, "€ 200.000")).toBe("1 leerling had meer dan € 200.000 aan jeugdhulp.");
    expect(extremeCostSentence(7, "€ 200.000")).toBe("7 leerlingen hadden meer dan € 200.000 aan jeugdhulp.");
    expect(extremeCostSentence(hidden, "€ 200.000")).toBe("Het aantal leerlingen met meer dan € 200.000 aan jeugdhulp is afgeschermd.");
  });
});

describe("Eerste Keer Goed", () => {
  test("three outcomes; a missing one is 0%, a withheld one has no number", () => {
    const sentences = outcomeSentences(
      [
        {outcome: "uitstroom", pct: 40},
        {outcome: "nog_in_zorg", pct: hidden}
      ],
      "2025-01-01"
    );
    expect(sentences).toEqual({
      uitstroom: "40% stroomt uit.",
      volgend: "0% krijgt een volgend traject binnen hetzelfde zorgpad.",
      nogInZorg: "Een afgeschermd deel is nog in zorg: het eerste traject liep op 1 januari 2025 nog."
    });
  });
});

describe("Groeipatronen", () => {
  test("patterns: none, one, many, with withheld schools in singular and plural", () => {
    expect(patternsSentence(0, 0)).toBe("Bij de scholen met zichtbare cijfers is geen patroon te zien.");
    expect(patternsSentence(1, 1)).toBe("Alle scholen met zichtbare cijfers hebben hetzelfde patroon. Van 1 school is het patroon afgeschermd.");
    expect(patternsSentence(8, 5)).toBe("Bij de scholen met zichtbare cijfers komen 8 verschillende patronen voor. Van 5 scholen is het patroon afgeschermd.");
  });

  test("changes beyond chance: none of one step, one of many, two of many, nothing to compare", () => {
    expect(changesSentence({shown: 1, beyond: []}, joinNames)).toBe("Van de ene stap van een school van het ene jaar naar het volgende is die niet groter dan toeval, na correctie voor het aantal scholen");
    expect(changesSentence({shown: 12, beyond: [{name: "A", from: 2022, to: 2023}]}, joinNames)).toBe(
      "Van de 12 stappen van een school van het ene jaar naar het volgende is er 1 groter dan toeval (A, 2022–2023), na correctie voor het aantal scholen"
    );
    expect(
      changesSentence({shown: 12, beyond: [{name: "A", from: 2022, to: 2023}, {name: "B", from: 2021, to: 2022}]}, joinNames)
    ).toContain("zijn er 2 groter dan toeval (A, 2022–2023 en B, 2021–2022)");
    expect(changesSentence({shown: 0, beyond: []}, joinNames)).toBe("Van geen enkele school zijn twee opeenvolgende jaren met zichtbare aantallen te vergelijken.");
  });

  test("withheld steps", () => {
    expect(withheldStepsSentence(0)).toBe("");
    expect(withheldStepsSentence(1)).toBe("Bij 1 stap is het aantal afgeschermd; die telt niet mee in de correctie.");
    expect(withheldStepsSentence(10)).toBe("Bij 10 stappen is het aantal afgeschermd; die tellen niet mee in de correctie.");
  });
});

describe("Onderzoek: scope, DBC counts and the concentration of costs", () => {
  test("which trajectories count: none, one, withheld, and all others from the study years", () => {
    const scope = {trajectories: 120, inScope: 100, startedBeforeWindow: 0, startedAfterWindow: 15, startedWithoutEnrolment: 5};
    expect(scopeSentences(scope, [2021, 2022, 2023, 2024])).toBe(
      "Van de 120 trajecten van leerlingen uit de inschrijving tellen er 100 mee. Van de andere begonnen er geen vóór 2021, 15 na 2024 en 5 in een jaar waarin de leerling niet op een school in de gemeente stond."
    );
    expect(scopeSentences({...scope, trajectories: 100, startedAfterWindow: 0, startedWithoutEnrolment: 0}, [2023])).toBe(
      "Alle 100 trajecten van leerlingen uit de inschrijving tellen mee: ze begonnen in de onderzoeksjaren, terwijl de leerling in de gemeente op school zat."
    );
    expect(scopeSentences({...scope, trajectories: 1, inScope: 1, startedAfterWindow: 0, startedWithoutEnrolment: 0}, [2023])).toBe(
      "Het ene traject van een leerling uit de inschrijving telt mee: het begon in de onderzoeksjaren, terwijl de leerling in de gemeente op school zat."
    );
    expect(scopeSentences({...scope, startedWithoutEnrolment: hidden}, [2021, 2024])).toContain("15 na 2024 en een afgeschermd aantal in een jaar");
  });

  test("the DBC correction: its year in the data, outside them, none and withheld", () => {
    const tabel2 = [
      {year: 2021, raw: 40, corrected: 40},
      {year: 2022, raw: 57, corrected: 50}
    ];
    expect(dbcCountSentence({transitionYear: 2022, tabel1Total: 7, tabel2})).toBe("In 2022 ging het om 7 trajecten. Zonder correctie telt 2022 57 trajecten, met correctie 50.");
    expect(dbcCountSentence({transitionYear: 2018, tabel1Total: 0, tabel2})).toBe("In de onderzoeksjaren (2021–2022) komt dat niet voor.");
    expect(dbcCountSentence({transitionYear: 2022, tabel1Total: 0, tabel2})).toBe("In 2022 kwam dat in deze gegevens niet voor. Zonder correctie telt 2022 57 trajecten, met correctie 50.");
    expect(dbcCountSentence({transitionYear: 2022, tabel1Total: hidden, tabel2: [{year: 2022, raw: 57, corrected: hidden}]})).toBe("In 2022 ging het om een afgeschermd aantal trajecten.");
  });

  test("the pupils with the highest costs: shares, none, withheld", () => {
    expect(concentrationSentence({threshold: 10000, pctPupils: 12.5, pctCost: 54})).toBe(
      "Het gaat dan om leerlingen met € 10.000 of meer. Die waren samen 12,5% van de leerlingen en gebruikten 54% van het geld."
    );
    expect(concentrationSentence({threshold: 10000, pctPupils: 0, pctCost: 0})).toBe("Het gaat dan om leerlingen met € 10.000 of meer. Zulke leerlingen zijn er in deze gegevens niet.");
    expect(concentrationSentence({threshold: 10000, pctPupils: hidden, pctCost: 54})).toBe(
      "Het gaat dan om leerlingen met € 10.000 of meer. Welk deel van de leerlingen en van het geld dat is, is afgeschermd."
    );
  });
});

describe("key figures that may be withheld (issue 10): no number the release does not have", () => {
  const low = {pct: 3, schools: []};
  const high = {pct: 12, schools: []};
  test("the summary's first sentence", () => {
    expect(summarySentence(2024, 40, 800, "started", low, high)).toBe("In 2024 begon 5,0% van de leerlingen aan jeugdhulp, maar dat liep per school uiteen van 3% tot 12%.");
    expect(summarySentence(2024, 40, 800, "active", hidden, high)).toBe("In 2024 kreeg 5,0% van de leerlingen jeugdhulp, maar dat verschilde per school.");
    expect(summarySentence(2024, hidden, 800, "started", low, high)).toBe("Hoeveel leerlingen in 2024 aan jeugdhulp begonnen, is afgeschermd; dat liep per school uiteen van 3% tot 12%.");
  });
  test("the range between schools", () => {
    expect(rangeSentence(low, high)).toBe("Per school liep het percentage uiteen van 3% tot 12%");
    expect(rangeSentence(low, low)).toBe("Bij elke school met een getoond percentage was het 3%");
    expect(rangeSentence(hidden, high)).toBe("Het percentage verschilde per school; het laagste en het hoogste zijn afgeschermd");
  });
  test("Eerste Keer Goed", () => {
    expect(ekgSentence(34, "12 maanden")).toBe("Na het eerste traject was 34% van de kinderen klaar zonder binnen 12 maanden nieuwe hulp");
    expect(ekgSentence(hidden, "12 maanden")).toBe("Hoeveel kinderen na het eerste traject klaar waren zonder binnen 12 maanden nieuwe hulp, is afgeschermd");
  });
});

describe("the content chapters' sentences (Conclusies, Aanbevelingen, Rondom de school)", () => {
  test("trajectories per pupil: two decimals, withheld, or nothing to say", () => {
    expect(perPupilSentence(1.2745)).toBe("Een leerling met jeugdhulp had gemiddeld 1,27 trajecten.");
    expect(perPupilSentence(hidden)).toBe("Het gemiddelde aantal trajecten per leerling met jeugdhulp is afgeschermd.");
    expect(perPupilSentence(null)).toBe("");
  });

  test("after the first trajectory: the window in words, a missing outcome is none, withheld parts said so", () => {
    expect(firstTrajectorySentences(34, 44, "een half jaar")).toBe("Na het eerste traject stroomde 34% van de leerlingen uit. Binnen een half jaar kreeg 44% een volgend traject.");
    expect(firstTrajectorySentences(50, undefined, "een jaar")).toBe("Na het eerste traject stroomde 50% van de leerlingen uit. Binnen een jaar kreeg 0% een volgend traject.");
    expect(firstTrajectorySentences(hidden, hidden, "9 maanden")).toBe(
      "Hoeveel leerlingen na het eerste traject uitstroomden, is afgeschermd. Hoeveel er binnen 9 maanden een volgend traject kregen, is afgeschermd."
    );
    expect(firstTrajectorySentences(null, null, "een jaar")).toBe("Geen leerling had een eerste traject, dus er valt niets te zeggen over wat daarna kwam.");
  });

  test("restarts at the DBC transition: many, one, none, withheld, and a transition outside the years", () => {
    expect(restartsSentence(2018, [2017, 2018, 2019], 131)).toBe("131 GGZ-trajecten werden eind 2017 gesloten en in januari 2018 opnieuw geopend.");
    expect(restartsSentence(2018, [2017, 2018], 1)).toBe("1 GGZ-traject werd eind 2017 gesloten en in januari 2018 opnieuw geopend.");
    expect(restartsSentence(2018, [2018, 2019], 0)).toBe("Geen enkel GGZ-traject werd eind 2017 gesloten en in januari 2018 opnieuw geopend.");
    expect(restartsSentence(2018, [2018], hidden)).toBe("Een afgeschermd aantal GGZ-trajecten werd eind 2017 gesloten en in januari 2018 opnieuw geopend.");
    expect(restartsSentence(2018, [2021, 2022, 2023, 2024], 0)).toBe(
      "De overgang naar nieuwe GGZ-productcodes (januari 2018) valt buiten de onderzoeksjaren (2021–2024): geen traject begon daardoor opnieuw."
    );
  });

  test("the costs above the threshold: shares, none, withheld", () => {
    expect(costShareSentence({threshold: 10000, pctPupils: 12.46, pctCost: 54.2})).toBe("12,5% van de leerlingen met jeugdhulp had samen 54% van alle kosten.");
    expect(costShareSentence({threshold: 10000, pctPupils: 0, pctCost: 0})).toBe("Geen leerling met jeugdhulp kostte € 10.000 of meer.");
    expect(costShareSentence({threshold: 10000, pctPupils: hidden, pctCost: 30})).toBe(
      "Welk deel van de leerlingen € 10.000 of meer kostte, en welk deel van het geld zij samen kregen, is afgeschermd."
    );
  });

  test("stable average schools: only the middle class on every axis with average use counts", () => {
    const school = {useCategory: "gemiddeld", size: "middel", ses: "midden", sot: "gemiddeld"};
    const schools = [school, {...school, ses: "hoog"}, {...school, useCategory: hidden}, school, {...school, sot: "veel"}];
    expect(stableAverageSchools(schools)).toBe(2);
    expect(stableAverageSentence(2)).toBe("In de gegevens van deze site zijn het er 2.");
    expect(stableAverageSentence(1)).toBe("In de gegevens van deze site is het er 1.");
    expect(stableAverageSentence(0)).toBe("In de gegevens van deze site is er geen enkele.");
  });

  test("fragile factors named, or none", () => {
    expect(fragileSentence(["Omvang", "SOT"], joinNames)).toBe("Bij Omvang en SOT hangt de uitkomst bovendien af van keuzes in de berekening.");
    expect(fragileSentence([], joinNames)).toBe("Geen enkele uitkomst slaat om door keuzes in de berekening.");
  });

  test("chance on the smallest school: 40 of 400 pupils (10%), 100 pupils: sqrt(0,1 · 0,9 / 100) = 3 points, so 4% to 16%", () => {
    const chance = "De kleinste school heeft 100 leerlingen. Eén kind meer of minder met jeugdhulp verschuift haar percentage al 1,0 procentpunt. Stel dat zo'n school precies het gemiddelde van de gemeente heeft (10,0%). Dan ligt haar percentage door toeval alleen al meestal tussen 4% en 16%.";
    // 12 points of chance against 10 between the schools: at least three quarters.
    expect(chanceSentences(100, 40, 400, 10, [5, 15])).toBe(`${chance} Dat is bijna het hele verschil tussen de laagste en de hoogste school (5% tot 15%).`);
    // 12 against 28: less.
    expect(chanceSentences(100, 40, 400, 10, [2, 30])).toBe(`${chance} De scholen zelf liepen uiteen van 2% tot 30%.`);
    expect(chanceSentences(100, 40, 400, 10, null)).toBe(chance);
    // A withheld municipal rate leaves only the first two sentences; no school with pupils, nothing.
    expect(chanceSentences(1, hidden, 400, hidden, [5, 15])).toBe("De kleinste school heeft 1 leerling. Eén kind meer of minder met jeugdhulp verschuift haar percentage al 100,0 procentpunt.");
    expect(chanceSentences(0, 40, 400, 10, null)).toBeNull();
  });

  test("Eerste Keer Goed in short, and the rating categories of Tabel 9", () => {
    expect(ekgShortSentence(34)).toBe("Op deze site is het 34%.");
    expect(ekgShortSentence(hidden)).toBe("Op deze site is het afgeschermd.");
    expect(ekgShortSentence(null)).toBe("Op deze site valt het niet te berekenen: geen leerling had een eerste traject.");
    expect(ratingCountsSentence([{label: "Categorie 1 (cijfer 3–4)", schools: 5}, {label: "Geen cijfer", schools: 1}, {label: "Categorie 3", schools: 0}])).toBe(
      "categorie 1 (cijfer 3–4): 5 scholen; geen cijfer: 1 school; categorie 3: geen scholen"
    );
  });
});
