// The explorer in the browser: cells looked up from the cube files, and the filter state in the URL.
import {describe, expect, test} from "vitest";
import {compactRows, Cube, decodeVariant, encodeVariant, type CubeMeta} from "../../src/lib/cube.js";
import {comparedUnits, defaultState, parseState, referenceUnits, serializeState} from "../../src/lib/explorerState.js";
import {ageRows, careTypeYears, funnelTables, trajectoriesPerPupil} from "../../src/lib/explorerViews.js";

const meta: CubeMeta = {
  municipality: "Heuvelrug",
  synthetic: true,
  minCount: 5,
  years: [2018, 2019],
  ages: [{key: "alle", label: "alle leeftijden"}, {key: "6-7", label: "6–7 jaar"}, {key: "8-9", label: "8–9 jaar"}],
  careTypes: [{key: "alle", label: "alle zorgvormen"}, {key: "basis_ggz", label: "Basis GGZ"}, {key: "dyslexie", label: "Dyslexiezorg"}],
  dyslexiaCareType: "dyslexie",
  dbcTransitionYear: 2018,
  definition: "gestart",
  perturbation: {roundBelow: 10, maxDeviation: 9, roundedDeviation: 4, largeDeviation: 3, stationaryFrom: 16}
};
const units = [
  {code: "g", niveau: "gemeente", naam: "Heuvelrug", onderdeel_van: "", school_id: ""},
  {code: "b:1", niveau: "bestuur", naam: "Bestuur Een", onderdeel_van: "g", school_id: ""},
  {code: "b:2", niveau: "bestuur", naam: "Bestuur Twee", onderdeel_van: "g", school_id: ""},
  {code: "s:A1", niveau: "school", naam: "Akker", onderdeel_van: "b:1", school_id: "A1"},
  {code: "s:B2", niveau: "school", naam: "Beuk", onderdeel_van: "b:2", school_id: "B2"}
];
const enrolled = [
  {jaar: "2019", eenheid: "g", leeftijd: "alle", leerlingen: "400"},
  {jaar: "2019", eenheid: "s:A1", leeftijd: "alle", leerlingen: "150"},
  {jaar: "2019", eenheid: "s:A1", leeftijd: "6-7", leerlingen: "40"},
  {jaar: "2019", eenheid: "s:B2", leeftijd: "alle", leerlingen: "250"}
];
const row = (jaar: string, eenheid: string, leeftijd: string, zorgvorm: string, jeugdhulp: string, trajecten = jeugdhulp) => ({
  jaar, eenheid, leeftijd, zorgvorm, dyslexie: "met", dbc_correctie: "uit", definitie: "gestart", jeugdhulp, trajecten
});
const cells = [
  row("2019", "g", "alle", "alle", "36", "50"),
  row("2019", "s:A1", "alle", "alle", "12", "15"),
  row("2019", "s:A1", "6-7", "alle", "5"),
  row("2019", "s:A1", "alle", "basis_ggz", "6", "7"),
  row("2019", "s:B2", "alle", "alle", "24", "30")
];
const cube = new Cube(meta, units, enrolled, cells);

describe("the page's compact variant file", () => {
  const dims = {years: [2018, 2019], units: ["g", "s:A1"], ages: ["alle", "6-7"], careTypes: ["alle", "basis_ggz"]};
  const rows = [
    {jaar: "2019", eenheid: "s:A1", leeftijd: "6-7", zorgvorm: "alle", jeugdhulp: "5", trajecten: "6"},
    {jaar: "2018", eenheid: "g", leeftijd: "alle", zorgvorm: "basis_ggz", jeugdhulp: "", trajecten: ""}
  ];
  test("positions ((year · 2 + unit) · 2 + age) · 2 + care type, ascending, as differences; withheld is null", () => {
    // 2018 g alle basis_ggz: ((0·2 + 0)·2 + 0)·2 + 1 = 1; 2019 s:A1 6-7 alle: ((1·2 + 1)·2 + 1)·2 + 0 = 14.
    const file = encodeVariant(rows, dims);
    expect([file.cel, file.jeugdhulp, file.trajecten]).toEqual([[1, 13], [null, 5], [null, 6]]);
    expect(Array.from(decodeVariant(file, dims).cells)).toEqual([1, 14]);
    expect(compactRows(file, dims.units)).toEqual([rows[1], rows[0]]);
  });

  test("a file made for other dimensions is refused", () => {
    expect(() => decodeVariant(encodeVariant(rows, dims), {...dims, ages: ["alle", "8-9"]})).toThrow("passen niet");
  });
});

describe("Cube.cell", () => {
  test("a shown cell: counts and the percentage of the enrolled pupils", () => {
    const c = cube.cell(2019, "s:A1", defaultState(cube));
    expect([c.enrolled, c.pupils, c.trajectories, c.pct]).toEqual([150, 12, 15, 8]);
  });

  test("a perturbed count is read as published; its percentage divides it by the exact enrolment", () => {
    const young = cube.cell(2019, "s:A1", {...defaultState(cube), age: "6-7"});
    expect([young.pupils, young.trajectories, young.pct]).toEqual([5, 5, 12.5]);
    const basis = cube.cell(2019, "s:A1", {...defaultState(cube), careType: "basis_ggz"});
    expect([basis.pupils, basis.trajectories, basis.pct]).toEqual([6, 7, 4]);
  });

  test("a missing row is zero youth care, with the enrolled pupils still known", () => {
    const c = cube.cell(2019, "s:B2", {...defaultState(cube), careType: "dyslexie"});
    expect([c.enrolled, c.pupils, c.trajectories, c.pct]).toEqual([250, 0, 0, 0]);
    expect(cube.cell(2018, "s:B2", defaultState(cube)).pct).toBeNull();
  });

  test("trajectories per pupil from the perturbed counts: 15 / 12 = 1.25, 30 / 24 = 1.25", () => {
    expect(trajectoriesPerPupil(cube.cell(2019, "s:A1", defaultState(cube)))).toBe(1.25);
    expect(trajectoriesPerPupil(cube.cell(2019, "s:B2", defaultState(cube)))).toBe(1.25);
  });
});

describe("the URL state", () => {
  test("the default view has an empty query", () => {
    expect(serializeState(defaultState(cube), cube)).toBe("");
  });

  test("every filter round-trips through the query", () => {
    const state = {years: [2019], board: "b:1", schools: ["s:A1"], careType: "basis_ggz", age: "6-7", dyslexia: "zonder", dbc: "aan", definition: "actief", limits: "overdispersie", rates: "leeftijd", tests: "holm"} as const;
    const query = serializeState({...state, schools: [...state.schools], years: [...state.years]}, cube);
    expect(query).toBe("jaar=2019&bestuur=1&school=A1&zorgvorm=basis_ggz&leeftijd=6-7&dyslexie=zonder&dbc=aan&definitie=actief&grenzen=overdispersie&percentages=leeftijd&correctie=holm");
    expect(parseState(`?${query}`, cube)).toEqual({state: {...state, schools: ["s:A1"], years: [2019]}, ignored: []});
  });

  test("unknown values are dropped and listed, never guessed", () => {
    const {state, ignored} = parseState("?jaar=2016,2019&school=ZZ,A1&zorgvorm=ggz&foo=1", cube);
    expect(state.years).toEqual([2019]);
    expect(state.schools).toEqual(["s:A1"]);
    expect(state.careType).toBe("alle");
    expect(ignored.sort()).toEqual(["foo=1", "jaar=2016", "school=ZZ", "zorgvorm=ggz"]);
  });

  test("a school outside the chosen board is dropped; dyslexia care without dyslexia care is not a view", () => {
    expect(parseState("?bestuur=2&school=A1,B2", cube).state.schools).toEqual(["s:B2"]);
    const {state, ignored} = parseState("?zorgvorm=dyslexie&dyslexie=zonder", cube);
    expect([state.careType, state.dyslexia, ignored]).toEqual(["dyslexie", "met", ["dyslexie=zonder"]]);
  });

  test("compared units: the schools, else the board, else the municipality; the board is the reference of its schools", () => {
    const base = defaultState(cube);
    expect(comparedUnits(base, cube)).toEqual(["g"]);
    expect(comparedUnits({...base, board: "b:1"}, cube)).toEqual(["b:1"]);
    expect(referenceUnits({...base, board: "b:1"}, cube)).toEqual(["g"]);
    expect(referenceUnits({...base, board: "b:1", schools: ["s:A1"]}, cube)).toEqual(["b:1", "g"]);
  });
});

describe("the figures' rows", () => {
  test("the funnel gets every school of the board and the board as reference", () => {
    const tables = funnelTables(cube, {...defaultState(cube), board: "b:2"});
    expect(tables.tabel6.map((r) => [r.name, r.years[0].pupils])).toEqual([["Beuk", 24]]);
    expect(tables.total.years[0]).toMatchObject({year: 2019, enrolled: 0, pupils: 0});
  });

  test("care types leave out dyslexia care when it is not counted; ages are per 100 pupils of the group", () => {
    const state = {...defaultState(cube), schools: ["s:A1"], years: [2019], dyslexia: "zonder" as const};
    expect(() => careTypeYears(cube, state)).toThrow("De cijfers voor zonder-uit-gestart zijn nog niet geladen.");
    cube.addVariant("zonder-uit-gestart", []);
    expect(careTypeYears(cube, state).map((r) => r.careType)).toEqual(["basis_ggz"]);
    const ages = ageRows(cube, {...defaultState(cube), schools: ["s:A1"], years: [2019]});
    expect(ages.map((r) => [r.age, r.enrolled, r.per100])).toEqual([
      ["6-7", 40, 12.5],
      ["8-9", 0, null]
    ]);
  });
});
