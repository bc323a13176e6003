// The shapes of the input files: a row shape per CSV file (a value parser per column plus rules
// across columns) and a zod schema for instellingen.json. zod's own English messages never reach
// people: every issue is rewritten into a Dutch InputError.

import {defaultCubeRoundBelow} from "./cube/ptable.js";
import {evaluate, parse as parseJsonTree, type DocumentNode, type ValueNode} from "@humanwhocodes/momoa";
import * as z from "zod";
import type {InputError} from "./errors.js";
import type {CsvHeader} from "./csv.js";
import {ageInYears} from "./definitions.js";
import type {IbExperience, SesCategory, Settings} from "./model.js";
import {
  formatDutchDate,
  nonNegative,
  optional,
  parseAmount,
  parseChoice,
  parseDate,
  parseInteger,
  parseText,
  parseYearMonth,
  type Parsed,
  type Parser
} from "./values.js";

const count = new Intl.NumberFormat("nl-NL");
const SES_CATEGORIES = ["laag", "midden", "hoog"] as const satisfies readonly SesCategory[];
const IB_EXPERIENCE = ["<2", "2-5", ">5"] as const satisfies readonly IbExperience[];
const anyText: Parser<string> = (text) => ({ok: true, value: text});

export type Parsers = Record<string, Parser<unknown>>;
export type RowOf<P extends Parsers> = {[K in keyof P]: P[K] extends Parser<infer T> ? T : never};
export interface RowIssue {
  column: string;
  message: string;
}

/**
 * The shape of one CSV file's rows: a parser per required column (the header names) and rules
 * that involve more than one column. Rows are validated by plain parser calls, not by zod: for a
 * million trajectory rows, safeParse per row took 9–10 s of CPU, the same parsers called directly
 * 2.3–2.9 s (2-core build machine).
 */
export interface RowShape<P extends Parsers> {
  parsers: P;
  /** Runs only on rows whose cells all parsed. */
  check: (row: RowOf<P>) => RowIssue[];
  /**
   * Columns a file may leave out altogether (then null in every row), in groups that are present or
   * absent together. A column that is there is filled in every row: a half-filled column is an error.
   */
  omittable?: readonly (readonly string[])[];
}

function rowShape<P extends Parsers>(
  parsers: P,
  check: (row: RowOf<P>) => RowIssue[] = () => [],
  omittable: RowShape<P>["omittable"] = []
): RowShape<P> {
  return {parsers, check, omittable};
}

/** Plausibility bounds: a value outside them is an export or typing error, never a real pupil. */
export const PLAUSIBLE = {
  /** Earliest date in any date column (youth care and enrolment data of a current report). */
  firstDate: "1990-01-01",
  /** Ages on the teldatum of a pupil in primary school (special schools keep pupils until 14). */
  minAge: 3,
  maxAge: 14,
  /** One trajectory's cost in euros; more is a decimal separator read wrongly. */
  maxCost: 10_000_000,
  /** Latest year of a begindatum or peildatum (start) and of an einddatum (end), after the statusDate's year. */
  yearsAfterStatusDate: {start: 5, end: 15}
} as const;

const EARLY_DATE = `ligt vóór ${formatDutchDate(PLAUSIBLE.firstDate)}; controleer het jaartal`;

export const enrolmentRow = rowShape({
  leerling_id: parseText,
  school_id: parseText,
  peildatum: parseDate,
  geboortemaand: parseYearMonth,
  woongemeente: parseText
});

/**
 * An enrolment no primary school can have: a teldatum before 1990, a birth month after it, an age
 * outside 3–14. Run after the teldatum's upper bound, so that 2099 is called a wrong year and not
 * an age of 89.
 */
export function implausibleEnrolment(row: EnrolmentRow): RowIssue | null {
  if (row.peildatum < PLAUSIBLE.firstDate) return {column: "peildatum", message: EARLY_DATE};
  // "2019-10" > "2019-10-01" is false and "2019-11" > "2019-10-01" true: no slice per row needed.
  if (row.geboortemaand > row.peildatum) {
    return {column: "geboortemaand", message: `ligt na de peildatum (${formatDutchDate(row.peildatum)})`};
  }
  const age = ageInYears(row.geboortemaand, row.peildatum);
  if (age >= PLAUSIBLE.minAge && age <= PLAUSIBLE.maxAge) return null;
  const peildatum = formatDutchDate(row.peildatum);
  const expected = `op de basisschool verwacht ${PLAUSIBLE.minAge} tot en met ${PLAUSIBLE.maxAge} jaar`;
  return {column: "geboortemaand", message: `geeft een leeftijd van ${age} jaar op de peildatum (${peildatum}); ${expected}`};
}

export const trajectoryRow = rowShape(
  {
    traject_id: parseText,
    leerling_id: parseText,
    productcategorie: parseText,
    productcode: anyText,
    aanbieder: parseText,
    begindatum: parseDate,
    einddatum: optional(parseDate),
    kosten: nonNegative(parseAmount)
  },
  (row) => {
    const issues: RowIssue[] = [];
    if (row.begindatum < PLAUSIBLE.firstDate) issues.push({column: "begindatum", message: EARLY_DATE});
    if (row.einddatum !== null && row.einddatum < row.begindatum) {
      issues.push({column: "einddatum", message: `ligt vóór de begindatum (${formatDutchDate(row.begindatum)})`});
    }
    if (row.kosten > PLAUSIBLE.maxCost) {
      const message = `is meer dan € ${count.format(PLAUSIBLE.maxCost)} voor één traject; controleer het decimaalteken`;
      issues.push({column: "kosten", message});
    }
    return issues;
  }
);

const INTERVIEW_COLUMNS = ["aantal_ib", "ib_ervaring", "dorpsteam_categorie", "ses_zelfgerapporteerd"] as const;

/**
 * A column that may be left out of the file, but once there is filled in every row: an empty cell
 * would silently drop a school from the analysis the column feeds.
 */
function everyRow<T>(parse: Parser<T>, feeds: string): Parser<T | null> {
  return (text) => (text === "" ? {ok: false, reason: `is leeg; vul de kolom bij elke school in, of laat de kolom helemaal weg (dan ${feeds})`} : parse(text));
}

const WITHOUT_FACTORS = "vervalt de analyse van factoren";

export const schoolRow = rowShape(
  {
    school_id: parseText,
    naam: parseText,
    bestuur: parseText,
    denominatie: parseText,
    concept: optional(parseText),
    ses_wijk: everyRow(parseChoice(SES_CATEGORIES), WITHOUT_FACTORS),
    sot_trajecten: everyRow(nonNegative(parseInteger), WITHOUT_FACTORS),
    deelname_interview: everyRow(parseChoice(["ja", "nee"]), "gaat de site ervan uit dat er geen interviews waren"),
    aantal_ib: optional(nonNegative(parseInteger)),
    ib_ervaring: optional(parseChoice(IB_EXPERIENCE)),
    dorpsteam_categorie: optional(parseChoice(["1", "2", "3"])),
    ses_zelfgerapporteerd: optional(parseChoice(SES_CATEGORIES))
  },
  // Interview answers of a school that was not interviewed point at a mix-up between rows.
  (row) =>
    row.deelname_interview === "ja"
      ? []
      : INTERVIEW_COLUMNS.filter((column) => row[column] !== null).map((column) => ({
          column,
          message:
            row.deelname_interview === "nee"
              ? "is ingevuld, maar deelname_interview is nee; laat dit leeg of zet deelname_interview op ja"
              : "is ingevuld, maar de kolom deelname_interview ontbreekt; voeg die toe (ja of nee) of laat dit leeg"
        })),
  // Factors (ses_wijk with sot_trajecten) and interviews are the study's own material: a municipality
  // without them still gets its whole data report, without the factor analysis.
  [["ses_wijk", "sot_trajecten"], ["deelname_interview"], ...INTERVIEW_COLUMNS.map((column) => [column])]
);

export const mappingRow = rowShape({
  productcategorie: parseText,
  productcode: optional(parseText),
  zorgvorm: parseText
});

export type EnrolmentRow = RowOf<typeof enrolmentRow.parsers>;
export type TrajectoryRow = RowOf<typeof trajectoryRow.parsers>;
export type SchoolRow = RowOf<typeof schoolRow.parsers>;
export type MappingRow = RowOf<typeof mappingRow.parsers>;

/** Required columns absent from the header; each error lists the columns that were found. */
export function missingColumns(header: CsvHeader, shape: {parsers: Parsers; omittable?: RowShape<Parsers>["omittable"]}): InputError[] {
  const found = header.columns.filter((column) => column !== "");
  const error = (column: string, message: string): InputError => ({file: header.file, line: null, column, value: null, message});
  const groups = shape.omittable ?? [];
  const omittable = new Set(groups.flat());
  const missing = Object.keys(shape.parsers)
    .filter((column) => !found.includes(column) && !omittable.has(column))
    .map((column) => error(column, `ontbreekt (gevonden kolommen: ${found.join(", ") || "geen"})`));
  for (const group of groups) {
    const present = group.filter((column) => found.includes(column));
    if (present.length === 0 || present.length === group.length) continue;
    for (const column of group.filter((c) => !found.includes(c))) {
      missing.push(error(column, `ontbreekt, maar ${present.join(", ")} staat er wel; deze kolommen horen samen: geef ze allemaal, of laat ze allemaal weg`));
    }
  }
  return missing;
}

/**
 * Most columns repeat a few values over a million rows (dates, birth months, schools, providers,
 * municipalities): each distinct text is parsed once and every row gets the same result, so the
 * dataset holds one string per distinct value instead of one per cell, and later lookups by it hash
 * a string once. A column whose values keep being new (ids) stops being remembered.
 */
class RepeatedCells {
  private results: Map<string, Parsed<unknown>> | null = new Map();
  private static readonly LIMIT = 20_000;

  parse(text: string, parser: Parser<unknown>): Parsed<unknown> {
    const results = this.results;
    if (results === null) return parser(text);
    let parsed = results.get(text);
    if (parsed === undefined) {
      parsed = parser(text);
      if (results.size < RepeatedCells.LIMIT) results.set(text, (parsed = ownText(parsed)));
      else this.results = null;
    }
    return parsed;
  }
}

/**
 * A cell of 13 characters or more is, in V8, a slice of the file's text, and a slice keeps the whole
 * text alive: one shared "Utrechtse Heuvelrug" or provider name kept 260 MB of the national input's
 * two large files in memory for as long as the dataset lived. A value shared by many rows is copied
 * out of the text (JSON.parse builds a new string); ids are not, one copy per row would cost as much.
 */
function ownText(parsed: Parsed<unknown>): Parsed<unknown> {
  return parsed.ok && typeof parsed.value === "string" && parsed.value.length >= 13 ? {ok: true, value: JSON.parse(JSON.stringify(parsed.value))} : parsed;
}

/**
 * A function that parses one row's cells into the shape's row, or reports every bad cell to
 * `errors` and returns null. Call only when missingColumns found nothing.
 */
export function rowParser<P extends Parsers>(
  header: CsvHeader,
  shape: RowShape<P>,
  errors: InputError[]
): (cells: string[], line: number) => RowOf<P> | null {
  const names = Object.keys(shape.parsers);
  const parsers = names.map((name) => shape.parsers[name]);
  const indexes = names.map((name) => header.columns.indexOf(name));
  const report = (line: number, column: string, value: string, message: string) =>
    errors.push({file: header.file, line, column, value, message});
  const repeated = names.map(() => new RepeatedCells());
  return (cells, line) => {
    const data: Record<string, unknown> = {};
    let valid = true;
    for (let i = 0; i < names.length; i++) {
      // A column left out (missingColumns allowed it): null in every row.
      if (indexes[i] === -1) {
        data[names[i]] = null;
        continue;
      }
      const text = cells[indexes[i]];
      const parsed = repeated[i].parse(text, parsers[i]);
      if (parsed.ok) data[names[i]] = parsed.value;
      else {
        valid = false;
        report(line, names[i], text, parsed.reason);
      }
    }
    if (!valid) return null;
    const row = data as RowOf<P>;
    const issues = shape.check(row);
    for (const {column, message} of issues) report(line, column, cells[indexes[names.indexOf(column)]], message);
    return issues.length === 0 ? row : null;
  };
}

// instellingen.json

const SETTINGS_FILE = "instellingen.json";
const integer = z.number().int();
const share = z.number().min(0);
const date = z.string().transform((text, ctx) => {
  const parsed = parseDate(text.trim());
  if (parsed.ok) return parsed.value;
  ctx.addIssue({code: "custom", message: parsed.reason});
  return z.NEVER;
});

const settingsObject = z.object({
  municipality: z.string().trim().min(1),
  years: z.array(integer.min(1900).max(2100)).min(1),
  statusDate: date,
  statusRuleMonths: integer.min(1),
  zorgpadMonths: integer.min(0),
  youthCareDefinition: z.enum(["started", "active"]),
  useCategories: z.object({lowBelow: share, highAbove: share}),
  growthCategories: z.object({moderate: z.number().positive(), strong: z.number().positive()}),
  durationBands: z.object({widthMonths: integer.min(1), maxMonths: integer.min(1)}),
  costBands: z.array(z.number().min(0)).min(1),
  costConcentrationThreshold: z.number().min(0),
  extremeCostThreshold: z.number().min(0),
  schoolSize: z.object({smallBelow: integer.min(0), largeAbove: integer.min(0)}),
  sotPer100: z.object({lowBelow: share, highAbove: share}),
  // auditWidth: how wide the interval an attacker can prove for a small count must be (default minCount).
  // cubeRoundBelow: the explorer's cube shows counts below it as 0 or as it (default 3·minCount).
  // confirmLowerMinCount: a privacy-weakening threshold must be asked for in so many words.
  suppression: z.object({
    minCount: integer.min(1),
    auditWidth: integer.min(1).optional(),
    cubeRoundBelow: integer.min(1).optional(),
    confirmLowerMinCount: z.boolean().optional()
  }),
  cellKeySecret: z.string().min(16).optional(),
  // leerlingen.csv may differ this many percent from DUO's count per school before the data-quality page flags it.
  duoMarginPercent: z.number().min(0).max(100).optional(),
  dbc: z.object({
    transitionYear: integer,
    sameProvider: z.boolean(),
    equivalentCareTypes: z.array(z.tuple([z.string(), z.string()]))
  }),
  careTypes: z.array(z.object({key: z.string().trim().min(1), label: z.string().trim().min(1)})).min(1),
  dyslexiaCareType: z.string().trim().min(1),
  syntheticData: z.boolean().default(false)
});

type SettingsShape = z.output<typeof settingsObject>;
type Issue = {path: (string | number)[]; message: string};

export const settingsSchema = settingsObject.superRefine((settings, ctx) => {
  for (const issue of crossFieldIssues(settings)) ctx.addIssue({code: "custom", ...issue});
});

/** The suppression threshold the report was designed for; lower needs suppression.confirmLowerMinCount. */
export const DEFAULT_MIN_COUNT = 5;

/** The suppression settings that publish more than the default does (minCount, auditWidth or cubeRoundBelow lower). */
export function weakenedSuppression(suppression: Settings["suppression"]): {path: string[]; value: number; default: number}[] {
  const weaker = [];
  if (suppression.minCount < DEFAULT_MIN_COUNT) {
    weaker.push({path: ["suppression", "minCount"], value: suppression.minCount, default: DEFAULT_MIN_COUNT});
  }
  // auditWidth defaults to minCount (loaders/disclosure/registry.ts auditWidth).
  if (suppression.auditWidth !== undefined && suppression.auditWidth < suppression.minCount) {
    weaker.push({path: ["suppression", "auditWidth"], value: suppression.auditWidth, default: suppression.minCount});
  }
  const roundBelow = defaultCubeRoundBelow(suppression.minCount);
  if (suppression.cubeRoundBelow !== undefined && suppression.cubeRoundBelow < roundBelow) {
    weaker.push({path: ["suppression", "cubeRoundBelow"], value: suppression.cubeRoundBelow, default: roundBelow});
  }
  return weaker;
}

function crossFieldIssues(s: SettingsShape): Issue[] {
  const issues: Issue[] = [];
  const check = (holds: boolean, path: (string | number)[], message: string) => {
    if (!holds) issues.push({path, message});
  };
  check(
    s.years.every((year, i) => i === 0 || year === s.years[i - 1] + 1),
    ["years"],
    "moeten opeenvolgende jaren zijn, oplopend, zoals [2017, 2018, 2019]"
  );
  check(
    s.costBands[0] === 0 && s.costBands.every((edge, i) => i === 0 || edge > s.costBands[i - 1]),
    ["costBands"],
    "moeten oplopen en beginnen bij 0, zoals [0, 10000, 20000]"
  );
  check(s.useCategories.lowBelow <= s.useCategories.highAbove, ["useCategories"], "lowBelow is groter dan highAbove");
  check(s.sotPer100.lowBelow <= s.sotPer100.highAbove, ["sotPer100"], "lowBelow is groter dan highAbove");
  check(s.schoolSize.smallBelow <= s.schoolSize.largeAbove, ["schoolSize"], "smallBelow is groter dan largeAbove");
  const {moderate, strong} = s.growthCategories;
  check(moderate < strong, ["growthCategories"], "moderate moet kleiner zijn dan strong");
  check(
    s.durationBands.maxMonths % s.durationBands.widthMonths === 0,
    ["durationBands"],
    "maxMonths moet een veelvoud zijn van widthMonths"
  );

  const lastDay = `${s.years[s.years.length - 1]}-12-31`;
  check(
    s.statusDate >= lastDay,
    ["statusDate"],
    `ligt vóór het einde van het laatste jaar in years (${formatDutchDate(lastDay)}); de status van trajecten die ` +
      "daarna beginnen is dan niet te bepalen. Kies een peildatum op of na die dag"
  );
  check(
    s.suppression.cubeRoundBelow === undefined || s.suppression.cubeRoundBelow >= s.suppression.minCount,
    ["suppression", "cubeRoundBelow"],
    "is kleiner dan minCount: dan toont de verkenner aantallen die het rapport afschermt"
  );
  if (s.suppression.confirmLowerMinCount !== true) {
    for (const weaker of weakenedSuppression(s.suppression)) {
      check(
        false,
        weaker.path,
        `is lager dan de standaard (${weaker.default}): dan komen kleinere aantallen op de site. Is dat de bedoeling, ` +
          'zet dan "confirmLowerMinCount": true in suppression'
      );
    }
  }

  const keys = s.careTypes.map((careType) => careType.key);
  s.careTypes.forEach(({key}, i) => check(keys.indexOf(key) === i, ["careTypes", i, "key"], "komt twee keer voor"));
  const declared = (key: string, path: (string | number)[]) =>
    check(keys.includes(key), path, `is geen zorgvorm uit careTypes (${keys.join(", ")})`);
  declared(s.dyslexiaCareType, ["dyslexiaCareType"]);
  s.dbc.equivalentCareTypes.forEach((pair, i) =>
    pair.forEach((key, j) => declared(key, ["dbc", "equivalentCareTypes", i, j]))
  );
  return issues;
}

/** The text of instellingen.json → Settings, or Dutch errors naming the field. */
export function parseSettings(text: string): {settings: Settings; errors: []} | {settings: null; errors: InputError[]} {
  const source = text.replace(/^\ufeff/, "");
  let tree: DocumentNode;
  try {
    // JSONC: `npx nadere-ogen init` explains every setting in // comments beside it, and a
    // municipality may keep its own notes there; plain JSON parses the same.
    tree = parseJsonTree(source, {mode: "jsonc"});
  } catch (error) {
    return {settings: null, errors: [jsonSyntaxError(error)]};
  }
  // JSON.parse would keep the last of two equal keys without a word; a second "suppression" block
  // once set minCount to 1. The syntax tree still has both.
  const duplicates = duplicateKeys(tree);
  if (duplicates.length > 0) return {settings: null, errors: duplicates};
  const json: unknown = evaluate(tree.body);
  const result = settingsSchema.safeParse(json);
  if (result.success) {
    const settings: Settings = result.data;
    return {settings, errors: []};
  }
  return {settings: null, errors: result.error.issues.map((issue) => settingsIssue(issue, json))};
}

function duplicateKeys(tree: DocumentNode): InputError[] {
  const errors: InputError[] = [];
  const walk = (node: ValueNode, path: (string | number)[]) => {
    if (node.type === "Array") node.elements.forEach((element, i) => walk(element.value, [...path, i]));
    if (node.type !== "Object") return;
    const firstLine = new Map<string, number>();
    for (const member of node.members) {
      const key = member.name.type === "String" ? member.name.value : member.name.name;
      const line = member.loc.start.line;
      const first = firstLine.get(key);
      if (first === undefined) firstLine.set(key, line);
      else {
        const message = `staat twee keer in het bestand (ook op regel ${first}); alleen de laatste zou gelden. Houd er één over`;
        errors.push({file: SETTINGS_FILE, line, column: fieldPath([...path, key]), value: null, message});
      }
      walk(member.value, [...path, key]);
    }
  };
  walk(tree.body, []);
  return errors;
}

function jsonSyntaxError(error: unknown): InputError {
  // momoa's errors carry the 1-based line of the offending token.
  const line = error !== null && typeof error === "object" && "line" in error && typeof error.line === "number" ? error.line : null;
  const message = "is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes";
  return {file: SETTINGS_FILE, line, column: null, value: null, message};
}

function settingsIssue(issue: z.core.$ZodIssue, json: unknown): InputError {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  const found = path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    json
  );
  return {
    file: SETTINGS_FILE,
    line: null,
    column: path.length === 0 ? null : fieldPath(path),
    value: found === undefined ? null : typeof found === "string" ? found : JSON.stringify(found),
    message: found === undefined && issue.code === "invalid_type" ? "ontbreekt" : dutchMessage(issue)
  };
}

/** ["dbc", "equivalentCareTypes", 0, 1] → dbc.equivalentCareTypes[0][1] */
function fieldPath(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

const TYPE_NAMES: Record<string, string> = {
  number: "een getal",
  int: "een geheel getal",
  string: "tekst",
  boolean: "true of false",
  array: "een lijst [...]",
  object: "een object {...}",
  tuple: "een paar [..., ...]"
};

function dutchMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "custom":
      return issue.message;
    case "invalid_type":
      return `moet ${TYPE_NAMES[issue.expected] ?? issue.expected} zijn`;
    case "invalid_value":
      return `moet een van deze waarden zijn: ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) > 1 ? `moet minstens ${issue.minimum} tekens lang zijn` : "mag niet leeg zijn";
      if (issue.origin === "array") return `moet minstens ${issue.minimum} elementen hebben`;
      return issue.inclusive ? `moet ${issue.minimum} of meer zijn` : `moet groter zijn dan ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `mag hoogstens ${issue.maximum} elementen hebben`;
      return issue.inclusive ? `moet ${issue.maximum} of minder zijn` : `moet kleiner zijn dan ${issue.maximum}`;
    default:
      return "heeft een ongeldige waarde";
  }
}
