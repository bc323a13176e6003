// The explorer's filters as a URL query, so a view can be shared and reopened exactly:
//   /verkennen?jaar=2018,2019&bestuur=2&school=17NC,05TN&zorgvorm=basis_ggz&leeftijd=8-9&dyslexie=zonder&dbc=aan&definitie=actief&grenzen=overdispersie&percentages=leeftijd&correctie=holm
// Only values that differ from the default are written. Values a link gets wrong are dropped and
// reported, never guessed.

import type {CellFilter, Cube} from "./cube.js";

export interface ExplorerState extends CellFilter {
  /** Ascending; at least one. */
  years: number[];
  /** Unit code of a board ("b:2"), or null for the whole municipality. */
  board: string | null;
  /** Unit codes of the schools to compare ("s:17NC"), in the order chosen. */
  schools: string[];
  /** The funnel's limits: chance alone, or widened for the usual spread between schools. */
  limits: "binomiaal" | "overdispersie";
  /** Percentages as counted, or age-standardised against the municipality's rates per age. */
  rates: "ruw" | "leeftijd";
  /** The per-school tests of the funnel: raw p-values, or with Holm's adjusted ones beside them. */
  tests: "ruw" | "holm";
}

export interface ParsedState {
  state: ExplorerState;
  /** "name=value" of every parameter that was not understood. */
  ignored: string[];
}

export const PARAMS = {
  years: "jaar",
  board: "bestuur",
  schools: "school",
  careType: "zorgvorm",
  age: "leeftijd",
  dyslexia: "dyslexie",
  dbc: "dbc",
  definition: "definitie",
  limits: "grenzen",
  rates: "percentages",
  tests: "correctie"
} as const;

export function defaultState(cube: Cube): ExplorerState {
  return {
    years: [...cube.meta.years],
    board: null,
    schools: [],
    careType: "alle",
    age: "alle",
    dyslexia: "met",
    dbc: "uit",
    definition: cube.meta.definition,
    limits: "binomiaal",
    rates: "ruw",
    tests: "ruw"
  };
}

export function parseState(search: string, cube: Cube): ParsedState {
  const params = new URLSearchParams(search);
  const state = defaultState(cube);
  const ignored: string[] = [];
  const known = new Set<string>(Object.values(PARAMS));
  for (const [name, value] of params) if (!known.has(name)) ignored.push(`${name}=${value}`);
  const list = (name: string) => (params.get(name) ?? "").split(",").filter((v) => v !== "");
  const pick = <T extends string>(name: string, allowed: readonly T[], set: (value: T) => void) => {
    const value = params.get(name);
    if (value === null) return;
    if ((allowed as readonly string[]).includes(value)) set(value as T);
    else ignored.push(`${name}=${value}`);
  };

  const years = list(PARAMS.years).map(Number);
  const validYears = years.filter((y) => cube.meta.years.includes(y));
  years.filter((y) => !cube.meta.years.includes(y)).forEach((y) => ignored.push(`${PARAMS.years}=${y}`));
  if (validYears.length > 0) state.years = [...new Set(validYears)].sort((a, b) => a - b);

  pick(PARAMS.board, cube.unitsAt("bestuur").map((u) => u.code.slice(2)), (b) => (state.board = `b:${b}`));
  for (const id of list(PARAMS.schools)) {
    const school = cube.unitByCode.get(`s:${id}`);
    if (!school || school.level !== "school" || (state.board !== null && school.parent !== state.board)) ignored.push(`${PARAMS.schools}=${id}`);
    else if (!state.schools.includes(school.code)) state.schools.push(school.code);
  }
  pick(PARAMS.careType, cube.meta.careTypes.map((c) => c.key), (c) => (state.careType = c));
  pick(PARAMS.age, cube.meta.ages.map((a) => a.key), (a) => (state.age = a));
  pick(PARAMS.dyslexia, ["met", "zonder"] as const, (d) => (state.dyslexia = d));
  pick(PARAMS.dbc, ["uit", "aan"] as const, (d) => (state.dbc = d));
  pick(PARAMS.definition, ["gestart", "actief"] as const, (d) => (state.definition = d));
  pick(PARAMS.limits, ["binomiaal", "overdispersie"] as const, (l) => (state.limits = l));
  pick(PARAMS.rates, ["ruw", "leeftijd"] as const, (r) => (state.rates = r));
  pick(PARAMS.tests, ["ruw", "holm"] as const, (t) => (state.tests = t));
  // Dyslexia care without dyslexia care is empty by definition: keep the care type, drop "zonder".
  if (state.careType === cube.meta.dyslexiaCareType && state.dyslexia === "zonder") {
    state.dyslexia = "met";
    ignored.push(`${PARAMS.dyslexia}=zonder`);
  }
  return {state, ignored};
}

export function serializeState(state: ExplorerState, cube: Cube): string {
  const defaults = defaultState(cube);
  const params = new URLSearchParams();
  if (state.years.join() !== defaults.years.join()) params.set(PARAMS.years, state.years.join(","));
  if (state.board !== null) params.set(PARAMS.board, state.board.slice(2));
  if (state.schools.length > 0) params.set(PARAMS.schools, state.schools.map((s) => s.slice(2)).join(","));
  for (const key of ["careType", "age", "dyslexia", "dbc", "definition", "limits", "rates", "tests"] as const) {
    if (state[key] !== defaults[key]) params.set(PARAMS[key], state[key]);
  }
  // Commas stay readable in a shared link.
  return params.toString().replaceAll("%2C", ",");
}

/** The units whose figures are compared: the chosen schools, else the board, else the municipality. */
export function comparedUnits(state: ExplorerState, cube: Cube): string[] {
  if (state.schools.length > 0) return state.schools;
  return [state.board ?? cube.municipality.code];
}

/** The reference the compared units are read against: the board of a selection, else the municipality. */
export function referenceUnits(state: ExplorerState, cube: Cube): string[] {
  const compared = comparedUnits(state, cube);
  return [...new Set([state.schools.length > 0 && state.board ? state.board : null, cube.municipality.code])].filter(
    (u): u is string => u !== null && !compared.includes(u)
  );
}
