// The issue-12 statistics in words, for every page that speaks of them (the spreiding page, the
// growth patterns, the factsheets, the slides): one place for each verdict, read from the published
// statistics.json only, so no sentence says more than the numbers behind it.

import {formatP} from "./CrossTable.js";
import {joinNames} from "./schoolTables.js";
import {formatCount, formatDecimal, formatPercent, isSuppressedValue, SUPPRESSED_DERIVED, type SuppressedValue} from "../lib/format.js";
import type {Spread} from "../lib/funnel.js";

// Type-only: erased when Framework transpiles this file, so no loader code reaches the browser.
import type {PublicSchoolVariation, PublicStatistics, PublicYearChange, PublicYearVariation} from "../../loaders/tables/statistics.js";

export type Statistics = PublicStatistics;
export type YearVariation = PublicYearVariation;
export type SchoolVariation = PublicSchoolVariation;
export type YearChange = PublicYearChange;

/**
 * Below this many expected pupils with youth care a school's percentage is mostly noise: the exact
 * 95 % interval of observed/expected then runs from under half to about twice the expected value.
 */
export const FEW_EXPECTED = 10;

/** The value, or null when it is withheld or absent. */
export function shown<T>(value: T | SuppressedValue | null | undefined): T | null {
  return value === null || value === undefined || isSuppressedValue(value) ? null : value;
}

/** "·" for a withheld value, else the text. */
export function orWithheld<T>(value: T | SuppressedValue | null | undefined, text: (v: T) => string, absent = "–"): string {
  if (isSuppressedValue(value)) return SUPPRESSED_DERIVED;
  return value === null || value === undefined ? absent : text(value as T);
}

export function latestVariation(statistics: Statistics): YearVariation | null {
  return statistics.years.at(-1) ?? null;
}

/** The over-dispersion of a year as the funnel plot's Spread, or null when it was not estimated. */
export function spreadOf(statistics: Statistics, year: YearVariation | null): Spread | null {
  const od = year?.overdispersion;
  return od ? {tau2: od.tau2, coverages: statistics.coverages, z: statistics.z} : null;
}

/** φ, its test and what they mean, in two or three sentences. */
export function phiSentences(year: YearVariation, alpha: number): string[] {
  const od = year.overdispersion;
  if (od === null) return [`Voor ${year.year} is de spreiding tussen scholen niet te schatten: er zijn te weinig scholen met zichtbare cijfers.`];
  const test = `χ² = ${formatDecimal(od.chiSquare, 1)} bij ${formatCount(od.degreesOfFreedom)} vrijheidsgraden, ${formatP(od.pValue)}`;
  const sentences =
    od.pValue < alpha && od.phi > 1
      ? [
          `In ${year.year} verschillen de scholen meer van elkaar dan toeval alleen verklaart: de spreiding is ${formatDecimal(od.phi, 1)} keer zo groot als bij puur toeval (φ; toets: ${test}).`,
          "Dat is normaal: scholen verschillen in hun leerlingen, hun buurt en hun aanpak. Een school is pas bijzonder als ze ook buiten die gewone verschillen valt."
        ]
      : [`In ${year.year} verschillen de scholen niet duidelijk meer van elkaar dan toeval alleen verklaart (φ = ${formatDecimal(od.phi, 1)}; toets: ${test}).`];
  if (od.tau2 > 0) {
    sentences.push(`Los van het toeval ligt het percentage van een school meestal tot zo'n ${formatDecimal(100 * Math.sqrt(od.tau2), 1)} procentpunt boven of onder het gemeentelijke (τ).`);
  }
  if (year.schoolsInEstimate < year.schools.length) {
    sentences.push(`Gerekend over ${formatCount(year.schoolsInEstimate)} van de ${formatCount(year.schools.length)} scholen; van de andere is het aantal afgeschermd.`);
  }
  return sentences;
}

export type FunnelKind = "binomial" | "overdispersed";

/** The names of the schools outside a funnel's limit (coverage index 0: 95 %, 1: 99,8 %). */
export function outsideNames(year: YearVariation, kind: FunnelKind, coverage: number): {above: string[]; below: string[]} {
  const side = (s: SchoolVariation) => shown(s[kind])?.[coverage] ?? "binnen";
  return {
    above: year.schools.filter((s) => side(s) === "boven").map((s) => s.name),
    below: year.schools.filter((s) => side(s) === "onder").map((s) => s.name)
  };
}

/** Which schools each funnel calls special at 95 %, and the difference in one paragraph. */
export function funnelComparison(year: YearVariation, {withYear = false}: {withYear?: boolean} = {}): string {
  const [binomial, overdispersed] = (["binomial", "overdispersed"] as const).map((kind) => outsideNames(year, kind, 0));
  const count = (o: {above: string[]; below: string[]}) => o.above.length + o.below.length;
  const names = (o: {above: string[]; below: string[]}) => joinNames([...o.above, ...o.below]);
  // A chapter's summary puts the year in front: "In 2019: met alleen toeval …".
  const lead = withYear ? `In ${year.year}: met alleen toeval als maat` : "Met alleen toeval als maat";
  const first =
    count(binomial) === 0
      ? `${lead} valt geen enkele school buiten de 95%-grenzen.`
      : `${lead} ${count(binomial) === 1 ? "valt 1 school" : `vallen ${formatCount(count(binomial))} scholen`} buiten de 95%-grenzen: ${names(binomial)}.`;
  const second =
    count(overdispersed) === 0
      ? "Rekent u de gewone verschillen tussen scholen mee, dan valt geen enkele school erbuiten."
      : count(overdispersed) === 1
        ? `Rekent u de gewone verschillen tussen scholen mee, dan blijft alleen ${names(overdispersed)} over.`
        : `Rekent u de gewone verschillen tussen scholen mee, dan blijven ${formatCount(count(overdispersed))} scholen over: ${names(overdispersed)}.`;
  return `${first} ${second}`;
}

/** The slide's finding: which schools fall outside the usual spread between schools (95 %). */
export function specialSchoolsTitle(year: YearVariation): string {
  if (year.overdispersion === null) return `In ${year.year} is niet te zeggen welke scholen buiten de gewone verschillen vallen`;
  const {above, below} = outsideNames(year, "overdispersed", 0);
  const names = [...above, ...below];
  if (names.length === 0) return `In ${year.year} valt geen enkele school buiten de gewone verschillen tussen scholen`;
  if (names.length === 1) return `In ${year.year} valt alleen ${names[0]} buiten de gewone verschillen tussen scholen`;
  return `In ${year.year} vallen ${formatCount(names.length)} scholen buiten de gewone verschillen tussen scholen: ${joinNames(names)}`;
}

export type Verdict = "afgeschermd" | "onbekend" | "binnen" | "hoger" | "hoger_leeftijd" | "lager" | "lager_leeftijd";

/** A school's year against the over-dispersed funnel (95 %), qualified by its age-standardised O/E. */
export function schoolVerdict(s: SchoolVariation): Verdict {
  const funnel = shown(s.overdispersed);
  const ratio = shown(s.standardised);
  if (isSuppressedValue(s.overdispersed) || isSuppressedValue(s.standardised)) return "afgeschermd";
  if (funnel === null) return "onbekend";
  if (funnel[0] === "boven") return ratio?.position === "boven" ? "hoger_leeftijd" : "hoger";
  if (funnel[0] === "onder") return ratio?.position === "onder" ? "lager_leeftijd" : "lager";
  return "binnen";
}

export const VERDICT_WORDS: Record<Verdict, string> = {
  afgeschermd: "niet te tonen (kleine aantallen)",
  onbekend: "niet te beoordelen",
  binnen: "binnen de verwachte spreiding",
  hoger: "hoger dan verwacht, maar niet meer na correctie voor leeftijd",
  hoger_leeftijd: "hoger dan verwacht, ook na correctie voor leeftijd",
  lager: "lager dan verwacht, maar niet meer na correctie voor leeftijd",
  lager_leeftijd: "lager dan verwacht, ook na correctie voor leeftijd"
};

/** One or two plain sentences for a school's factsheet. */
export function schoolVariationSentences(s: SchoolVariation | undefined, year: number): string {
  if (!s || isSuppressedValue(s.standardised) || isSuppressedValue(s.overdispersed)) {
    return `Of het percentage in ${year} meer is dan toeval, kunnen we niet laten zien: het gaat om te weinig leerlingen.`;
  }
  const verdict = schoolVerdict(s);
  if (verdict === "onbekend") return `Voor ${year} is niet te beoordelen of het percentage meer is dan toeval.`;
  const first = `Vergeleken met de andere scholen ligt het percentage in ${year} ${VERDICT_WORDS[verdict]}.`;
  const ratio = shown(s.standardised);
  const few = ratio !== null && ratio.expected < FEW_EXPECTED;
  return few ? `${first} Het gaat om weinig leerlingen: dan is een percentage vooral toeval.` : first;
}

/** A pair of years' change is beyond noise when its Holm-adjusted p-value is below α. */
export function beyondNoise(change: YearChange, alpha: number): boolean | null {
  const p = shown(change.holmP);
  return p === null ? null : p < alpha;
}

/** How many published changes between two years are beyond noise, and whose. */
export function changeSummary(statistics: Statistics): {shown: number; withheld: number; beyond: YearChange[]} {
  const published = statistics.changes.filter((c) => shown(c.holmP) !== null);
  return {
    shown: published.length,
    withheld: statistics.changes.length - published.length,
    beyond: published.filter((c) => beyondNoise(c, statistics.alpha))
  };
}

/** "8,6% (8,1% – 9,1%)": a rate (0…1) with its interval. */
export function rateWithInterval(value: {rate: number; lower: number; upper: number}, decimals = 1): string {
  return `${formatPercent(100 * value.rate, decimals)} (${formatPercent(100 * value.lower, decimals)} – ${formatPercent(100 * value.upper, decimals)})`;
}

/**
 * The factor tests together (factoren, conclusies): which come under α with the report's choices,
 * and what is left after Holm over all of them. With the report's own definitions (`rapport`).
 */
export function factorTestsSentences(statistics: Statistics): string[] {
  const {alpha} = statistics;
  const factors = statistics.sensitivity.factors;
  const alphaText = formatDecimal(alpha, 2);
  const below = (p: number | null) => p !== null && p < alpha;
  const raw = factors.filter((f) => below(f.pValues.rapport));
  const adjusted = factors.filter((f) => below(f.holmP.rapport));
  const named = (fs: typeof factors, p: (f: (typeof factors)[number]) => number | null) => joinNames(fs.map((f) => `${f.label} (${formatP(p(f) as number)})`));
  const tests = `${formatCount(factors.length)} toetsen`;
  return [
    raw.length === 0
      ? `Zonder correctie komt geen enkele toets onder de ${alphaText}.`
      : `Zonder correctie ${raw.length === 1 ? "komt 1 toets" : `komen ${formatCount(raw.length)} toetsen`} onder de ${alphaText}: ${named(raw, (f) => f.pValues.rapport)}.`,
    adjusted.length === 0
      ? `${raw.length > 0 ? `Na de correctie van Holm voor ${tests} blijft daar niets van over` : `Ook na de correctie van Holm voor ${tests} niet`}: geen enkele factor hangt aantoonbaar samen met het jeugdhulpgebruik.`
      : `Na de correctie van Holm voor ${tests} ${adjusted.length === 1 ? "blijft 1 factor" : `blijven ${formatCount(adjusted.length)} factoren`} over: ${named(adjusted, (f) => f.holmP.rapport)}.`
  ];
}

/** The factor tests in one sentence for a summary: what survives Holm over all of them. */
export function factorTestsVerdict(statistics: Statistics): string {
  const left = statistics.sensitivity.factors.filter((f) => f.holmP.rapport !== null && f.holmP.rapport < statistics.alpha);
  return left.length === 0
    ? "Opnieuw getoetst, met een correctie voor het aantal toetsen, is geen van die verbanden aan te tonen."
    : `Opnieuw getoetst, met een correctie voor het aantal toetsen, blijft een verband over bij ${joinNames(left.map((f) => f.label.toLocaleLowerCase("nl")))}.`;
}
