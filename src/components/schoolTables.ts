// The public form of data/rapport/schools.json (Tabel 6, the municipal row and the growth-pattern
// groups), as the growth chart, the funnel plot and the Tabel 6 table read it, plus the few facts about
// it that the groeipatronen page states in words. Shapes mirror ReportOf<"public"> in loaders/.

import {formatCount, formatDecimal, formatPercent, isSuppressedValue, type SuppressedValue} from "../lib/format.js";

export type Published<T> = T | SuppressedValue;
export type GrowthCategory = "++" | "+" | "0" | "-" | "--";
export type UseCategory = "laag" | "gemiddeld" | "hoog";

export interface SchoolRef {
  schoolId: string;
  name: string;
}

export interface SchoolYear {
  year: number;
  enrolled: number;
  pupils: Published<number>;
  /** Whole percent; null in a year without enrolment. */
  pct: Published<number | null>;
}

export interface GrowthStep {
  from: number;
  to: number;
  category: Published<GrowthCategory | null>;
}

export interface SchoolRow extends SchoolRef {
  enrolledLatestYear: number;
  years: SchoolYear[];
  growth: GrowthStep[];
  growthPattern: Published<string | null>;
  useCategory: Published<UseCategory | null>;
}

export interface MunicipalYear {
  year: number;
  enrolled: number;
  pupils: Published<number>;
  /** Two decimals (8.55). */
  pct: Published<number | null>;
}

export interface GrowthPatternGroup {
  pattern: Published<string | null>;
  schools: SchoolRef[];
}

export interface SchoolTables {
  tabel6: SchoolRow[];
  total: {enrolledLatestYear: number; years: MunicipalYear[]};
  growthPatterns: GrowthPatternGroup[];
}

const SYMBOLS: Record<GrowthCategory, string> = {"++": "++", "+": "+", "0": "0", "-": "−", "--": "−−"};
const WORDS: Record<GrowthCategory, string> = {
  "++": "sterke stijging",
  "+": "stijging",
  "0": "ongeveer gelijk",
  "-": "daling",
  "--": "sterke daling"
};

/** "--" → "−−": the report's symbols, with a real minus sign so that "−−" does not read as a dash. */
export function growthSymbol(category: GrowthCategory): string {
  return SYMBOLS[category];
}

export function growthWords(category: GrowthCategory): string {
  return WORDS[category];
}

function isCategory(text: string): text is GrowthCategory {
  return Object.hasOwn(SYMBOLS, text);
}

/** As a noun phrase after "eerst"/"daarna": "een stijging", "ongeveer gelijk". */
const NOUNS: Record<GrowthCategory, string> = {
  "++": "een sterke stijging",
  "+": "een stijging",
  "0": "ongeveer gelijk",
  "-": "een daling",
  "--": "een sterke daling"
};
/** As the verb of "het aandeel …": the adverbs ("eerst", "twee jaar op rij") go between verb and "sterk". */
const VERBS: Record<GrowthCategory, [verb: string, rest: string]> = {
  "++": ["steeg", "sterk"],
  "+": ["steeg", ""],
  "0": ["bleef", "ongeveer gelijk"],
  "-": ["daalde", ""],
  "--": ["daalde", "sterk"]
};
const COUNT_WORDS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

/** "0/0/+" → [{category: "0", steps: 2}, {category: "+", steps: 1}]: equal steps in a row read as one. */
function runs(steps: GrowthCategory[]): {category: GrowthCategory; steps: number}[] {
  const out: {category: GrowthCategory; steps: number}[] = [];
  for (const category of steps) {
    const last = out[out.length - 1];
    if (last?.category === category) last.steps++;
    else out.push({category, steps: 1});
  }
  return out;
}

function inARow(steps: number): string {
  return steps < 2 ? "" : `${COUNT_WORDS[steps] ?? String(steps)} jaar op rij`;
}

/** "eerst", "toen", "daarna": the order words of one run among `count`. */
function orderWord(i: number, count: number): string {
  return count < 2 ? "" : i === 0 ? "eerst" : i === count - 1 ? "daarna" : "toen";
}

const words = (...parts: string[]) => parts.filter(Boolean).join(" ");

/** "A", "A en B", "A, B en C". */
function joinClauses(clauses: string[]): string {
  return clauses.length < 2 ? (clauses[0] ?? "") : `${clauses.slice(0, -1).join(", ")} en ${clauses[clauses.length - 1]}`;
}

/**
 * A growth pattern in symbols and in plain Dutch. `words` stands alone (a table's meaning column):
 * "twee jaar op rij ongeveer gelijk", "eerst een stijging, daarna een daling". `verbs` follows "het
 * aandeel leerlingen met jeugdhulp": "bleef twee jaar op rij ongeveer gelijk", "steeg eerst en daalde
 * daarna". Equal steps in a row are told once, with how many years they lasted.
 */
export function describePattern(pattern: string): {symbols: string; words: string; verbs: string} {
  const steps = pattern.split("/").filter(isCategory);
  const grouped = runs(steps);
  const n = grouped.length;
  return {
    symbols: steps.map(growthSymbol).join(" / "),
    words: grouped.map((r, i) => words(orderWord(i, n), inARow(r.steps), NOUNS[r.category])).join(", "),
    verbs: joinClauses(
      grouped.map((r, i) => {
        const [verb, rest] = VERBS[r.category];
        return words(verb, orderWord(i, n), inARow(r.steps), rest);
      })
    )
  };
}

export function latestYear(row: SchoolRow): SchoolYear {
  return row.years[row.years.length - 1];
}

/** A school is drawn only when every percentage and its use category are published. */
export function isShown(row: SchoolRow): boolean {
  return !isSuppressedValue(row.useCategory) && row.years.every((y) => !isSuppressedValue(y.pct));
}

export type SchoolOrder = "pct" | "name" | "growth";

const byName = (a: SchoolRef, b: SchoolRef) => a.name.localeCompare(b.name, "nl") || a.schoolId.localeCompare(b.schoolId);

function shownPct(y: SchoolYear | undefined): number | null {
  return y === undefined || isSuppressedValue(y.pct) ? null : y.pct;
}

/** Points from the first to the last year with a percentage; null with fewer than two. */
export function totalGrowth(row: SchoolRow): number | null {
  const pcts = row.years.map(shownPct).filter((p): p is number => p !== null);
  return pcts.length < 2 ? null : pcts[pcts.length - 1] - pcts[0];
}

/**
 * Orders schools for the growth chart: "pct" by latest whole percentage, highest first; "name"
 * alphabetically; "growth" by the points gained over the study years, largest rise first. Ties and
 * missing values fall back to the name, so the order never depends on the input's order.
 */
export function sortSchools<Row extends SchoolRow>(rows: Row[], order: SchoolOrder): Row[] {
  const descending = (value: (r: Row) => number | null) => (a: Row, b: Row) =>
    (value(b) ?? -Infinity) - (value(a) ?? -Infinity) || byName(a, b);
  const compare =
    order === "name" ? byName : order === "growth" ? descending(totalGrowth) : descending((r) => shownPct(latestYear(r)));
  return [...rows].sort(compare);
}

export interface GrowthSummary {
  years: number[];
  /** Schools whose percentages are all published, and the others. */
  shown: number;
  withheld: SchoolRef[];
  /** Distinct published growth patterns, and the schools in the withheld group. */
  patterns: number;
  withheldPatternSchools: number;
  /** Per step between years: shown schools with a rise (+, ++), about equal (0) and a fall (−, −−). */
  steps: {from: number; to: number; rise: number; equal: number; fall: number}[];
  /** The year with the highest municipal percentage and that percentage, when every year's is published. */
  peak: {year: number; pct: number} | null;
}

export function growthSummary(tables: SchoolTables): GrowthSummary {
  const shownRows = tables.tabel6.filter(isShown);
  const first = shownRows[0] ?? tables.tabel6[0];
  const steps = (first?.growth ?? []).map(({from, to}, i) => {
    const categories = shownRows.map((r) => r.growth[i].category);
    const count = (...cs: GrowthCategory[]) => categories.filter((c) => cs.includes(c as GrowthCategory)).length;
    return {from, to, rise: count("+", "++"), equal: count("0"), fall: count("-", "--")};
  });
  const totals = tables.total.years.map((y) => y.pct);
  const published = totals.every((p): p is number => typeof p === "number");
  const highest = published ? Math.max(...(totals as number[])) : null;
  return {
    years: tables.total.years.map((y) => y.year),
    shown: shownRows.length,
    withheld: tables.tabel6.filter((r) => !isShown(r)).map(({schoolId, name}) => ({schoolId, name})),
    patterns: tables.growthPatterns.filter((g) => typeof g.pattern === "string").length,
    withheldPatternSchools: tables.growthPatterns.filter((g) => isSuppressedValue(g.pattern)).reduce((n, g) => n + g.schools.length, 0),
    steps,
    peak: highest === null ? null : {year: tables.total.years[totals.indexOf(highest)].year, pct: highest}
  };
}

export const ORDER_LABELS: Record<SchoolOrder, (latestYear: number) => string> = {
  pct: (year) => `Percentage ${year} (hoog naar laag)`,
  growth: () => "Groei over alle jaren (grootste stijging eerst)",
  name: () => "Naam (A–Z)"
};

/** The smallest school's enrolment in the latest year (schools with pupils), or null without any. */
export function smallestSchoolSize(tables: Pick<SchoolTables, "tabel6">): number | null {
  const sizes = tables.tabel6.map((r) => r.enrolledLatestYear).filter((n) => n > 0);
  return sizes.length === 0 ? null : Math.min(...sizes);
}

/**
 * The caveat with growth patterns, from the smallest school's size: on a small school one pupil moves
 * the percentage a lot, so most changes from year to year are within chance. Null without schools.
 */
export function growthNoiseSentence(tables: SchoolTables): string | null {
  const smallest = smallestSchoolSize(tables);
  if (smallest === null) return null;
  return (
    "Let op: op een kleine school vallen de meeste verschillen van jaar tot jaar binnen het toeval. " +
    `Bij ${formatCount(smallest)} leerlingen verschuift één leerling meer of minder het percentage al ${formatDecimal(100 / smallest, 1)} procentpunt. ` +
    "Lees een patroon daarom niet als een trend."
  );
}

/** "A", "A en B", "A, B en C". */
export function joinNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

/** The chart's title: what happened in the last step, in one sentence. */
export function growthFinding(summary: GrowthSummary): string {
  const step = summary.steps[summary.steps.length - 1];
  if (!step) return "Jeugdhulpgebruik per school per jaar";
  const [verb, count] = step.fall >= step.rise ? ["daalde", step.fall] : ["steeg", step.rise];
  return `Van ${step.from} naar ${step.to} ${verb} het percentage duidelijk op ${count} van de ${summary.shown} scholen`;
}

/** Legend labels with this build's thresholds (meta.rules.useCategories): "laag (< 7%)", "gemiddeld (7–11%)". */
export function useCategoryLabels({lowBelow, highAbove}: {lowBelow: number; highAbove: number}): Record<UseCategory, string> {
  return {
    laag: `laag (< ${formatPercent(lowBelow)})`,
    gemiddeld: `gemiddeld (${lowBelow}–${formatPercent(highAbove)})`,
    hoog: `hoog (> ${formatPercent(highAbove)})`
  };
}
