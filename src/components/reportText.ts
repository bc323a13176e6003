// Sentences of the data chapters (Feiten, Eerste Keer Goed, Groeipatronen, Scholen) written from the
// released report, for any municipality, any years and any settings: one or many, "geen" for none, no
// hole when a value is withheld or absent, and no story of the 2017–2019 data told about other years.
// Plain text: the build puts it into the page (scripts/staticPage.ts escapes it).
import {formatCount, formatDate, formatDecimal, formatEuros, formatPercent, formatShare, isSuppressedValue, type SuppressedValue} from "../lib/format.js";

type Count = number | SuppressedValue | null | undefined;

/** "geen leerlingen", "1 leerling", "4.550 leerlingen", "een afgeschermd aantal leerlingen". */
export function countNoun(n: Count, singular: string, plural: string): string {
  if (isSuppressedValue(n)) return `een afgeschermd aantal ${plural}`;
  if (n === null || n === undefined || n === 0) return `geen ${plural}`;
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}


interface SchoolExtremes {
  lowestSchools: {pct: number} | SuppressedValue | null;
  highestSchools: {pct: number} | SuppressedValue | null;
}

/** The lowest and highest published percentage of a school in the latest year; null when either is
 *  withheld or there is none. */
export function schoolRange({lowestSchools, highestSchools}: SchoolExtremes): [number, number] | null {
  const shown = (e: SchoolExtremes["lowestSchools"]) => (e === null || isSuppressedValue(e) ? null : e.pct);
  const [lowest, highest] = [shown(lowestSchools), shown(highestSchools)];
  return lowest === null || highest === null ? null : [lowest, highest];
}

/** Kerngetallen: how far the schools' percentages lie apart. */
export function spreadSentence(kerngetallen: SchoolExtremes): string {
  const range = schoolRange(kerngetallen);
  if (range === null) return "Per school verschilt het percentage. Het laagste en hoogste percentage zijn afgeschermd, omdat bij een school een klein aantal hoort.";
  const [lowest, highest] = range;
  return lowest === highest
    ? `Bij elke school met een getoond percentage was het ${formatPercent(lowest)}.`
    : `Per school liep het percentage uiteen van ${formatPercent(lowest)} tot ${formatPercent(highest)}.`;
}

/** "2019" for one year, "2017–2019" for a span. */
export function periodText(years: number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/** Kerngetallen: how many of the pupils had youth care in the latest year, with the share. */
export function uptakeSentence(year: number, pupils: Count, enrolled: Count): string {
  if (isSuppressedValue(pupils)) return `In ${year} is het aantal leerlingen met jeugdhulp afgeschermd, van ${countNoun(enrolled, "leerling", "leerlingen")} in totaal.`;
  if (!pupils) return `In ${year} kreeg geen van de ${formatCount(enrolled)} leerlingen jeugdhulp.`;
  const verb = pupils === 1 ? "kreeg" : "kregen";
  return `In ${year} ${verb} ${formatCount(pupils)} van de ${formatCount(enrolled)} leerlingen jeugdhulp: ${formatShare(pupils, enrolled, 1)}.`;
}

type Extreme = {pct: number} | SuppressedValue | null;

/** The schools' lowest and highest whole percentage, when both are published (else null). */
export function shownRange(lowest: Extreme, highest: Extreme): {lowest: number; highest: number} | null {
  if (lowest === null || highest === null || isSuppressedValue(lowest) || isSuppressedValue(highest)) return null;
  return {lowest: lowest.pct, highest: highest.pct};
}

/** "Per school liep het percentage uiteen van 4% tot 16%", or what can be said without the ends. */
export function rangeSentence(lowest: Extreme, highest: Extreme): string {
  const range = shownRange(lowest, highest);
  if (range === null) return "Het percentage verschilde per school; het laagste en het hoogste zijn afgeschermd";
  if (range.lowest === range.highest) return `Bij elke school met een getoond percentage was het ${formatPercent(range.lowest)}`;
  return `Per school liep het percentage uiteen van ${formatPercent(range.lowest)} tot ${formatPercent(range.highest)}`;
}

/**
 * The summary's first sentence: the latest year's share with youth care and how it varied, without a
 * number the release withholds (the municipal total is a key figure; withheld only when nothing else
 * protects a small count, issue 10).
 */
export function summarySentence(year: number, pupils: Count, enrolled: Count, definition: "started" | "active", lowest: Extreme, highest: Extreme): string {
  const range = shownRange(lowest, highest);
  const spread = range === null ? "dat verschilde per school" : `dat liep per school uiteen van ${formatPercent(range.lowest)} tot ${formatPercent(range.highest)}`;
  if (isSuppressedValue(pupils) || isSuppressedValue(enrolled)) {
    return `Hoeveel leerlingen in ${year} ${definition === "started" ? "aan jeugdhulp begonnen" : "jeugdhulp kregen"}, is afgeschermd; ${spread}.`;
  }
  const share = formatShare(pupils, enrolled, 1);
  return definition === "started" ? `In ${year} begon ${share} van de leerlingen aan jeugdhulp, maar ${spread}.` : `In ${year} kreeg ${share} van de leerlingen jeugdhulp, maar ${spread}.`;
}

/** Eerste Keer Goed in a sentence: the share, or that it is withheld or does not exist. */
export function ekgSentence(ekg: Count, months: string): string {
  if (isSuppressedValue(ekg)) return `Hoeveel kinderen na het eerste traject klaar waren zonder binnen ${months} nieuwe hulp, is afgeschermd`;
  if (ekg === null || ekg === undefined) return "Eerste Keer Goed valt hier niet te berekenen: geen leerling had een eerste traject";
  return `Na het eerste traject was ${formatPercent(ekg)} van de kinderen klaar zonder binnen ${months} nieuwe hulp`;
}

export interface DbcRow {
  year: number;
  raw: Count;
  corrected: Count;
}

/** Feiten, the DBC section: what the change of GGZ product codes did to these years' counts. */
export function dbcSentences({transitionYear: t, tabel1Total, tabel2}: {transitionYear: number; tabel1Total: Count; tabel2: DbcRow[]}): string {
  const cause = `Op 1 januari ${t} kreeg de GGZ nieuwe productcodes: de oude DBC's vervielen. Lopende trajecten werden daarom eind december ${t - 1} afgesloten en in januari ${t} opnieuw geopend. In de gegevens lijkt dat een nieuw traject, maar de hulp liep gewoon door. Deze site telt zo'n paar als één traject.`;
  const years = tabel2.map((r) => r.year);
  if (!years.includes(t)) return `Op 1 januari ${t} kreeg de GGZ nieuwe productcodes. Dat valt buiten de onderzoeksjaren (${periodText(years)}): in deze cijfers zitten geen trajecten die alleen daardoor opnieuw begonnen.`;
  if (tabel1Total === 0) return `${cause} In deze gegevens begon geen enkel traject zo opnieuw: de correctie verandert niets.`;
  const now = tabel2.find((r) => r.year === t)!;
  const before = tabel2.find((r) => r.year === t - 1);
  const rises = typeof now.raw === "number" && typeof before?.raw === "number" && now.raw > before.raw;
  const restarts = isSuppressedValue(tabel1Total)
    ? `Een afgeschermd aantal daarvan is geen nieuwe hulp.`
    : `${formatCount(tabel1Total)} daarvan ${tabel1Total === 1 ? "is" : "zijn"} geen nieuwe hulp.`;
  const opening = rises
    ? `In ${t} lijkt het aantal trajecten te stijgen, van ${formatCount(before!.raw)} in ${t - 1} naar ${formatCount(now.raw)}. ${restarts}`
    : `In ${t} begonnen ${countNoun(now.raw, "traject", "trajecten")}. ${restarts}`;
  return `${opening} ${cause}`;
}

/** Feiten, the DBC chart's title: the finding, also when there is none. */
export function dbcTitle({transitionYear: t, tabel1Total, tabel2}: {transitionYear: number; tabel1Total: Count; tabel2: DbcRow[]}): string {
  const now = tabel2.find((r) => r.year === t);
  if (!now || tabel1Total === 0) return `Geen herstarts op papier in ${periodText(tabel2.map((r) => r.year))}`;
  if (isSuppressedValue(tabel1Total) || isSuppressedValue(now.raw)) return `Een deel van de trajecten in ${t} was een herstart op papier`;
  return `${formatCount(tabel1Total)} van de ${formatCount(now.raw)} trajecten in ${t} ${tabel1Total === 1 ? "was" : "waren"} een herstart op papier`;
}

/** Eerste Keer Goed, "Zo telt deze site": the DBC rule, told about these years. */
export function dbcRuleSentence(transitionYear: number, years: number[]): string {
  const t = transitionYear;
  return years.includes(t)
    ? `Eind ${t - 1} werden lopende GGZ-trajecten afgesloten en in januari ${t} opnieuw geopend. Dat is één traject, geen tweede.`
    : `Een GGZ-traject dat eind ${t - 1} werd afgesloten en in januari ${t} opnieuw geopend (nieuwe productcodes), is één traject. In ${periodText(years)} komt dat niet voor.`;
}

/** Feiten: how many providers, and whether there is a long tail behind the largest. */
export function providersSentence(count: number, period: string, longTail: boolean): string {
  if (count === 0) return `In ${period} gaf geen enkele aanbieder jeugdhulp aan deze leerlingen.`;
  const first = `In ${period} ${count === 1 ? "gaf 1 aanbieder" : `gaven ${formatCount(count)} aanbieders`} jeugdhulp aan deze leerlingen.`;
  return longTail ? `${first} Behalve de grootste aanbieders, die apart in de grafiek staan, is er een lange rij kleine aanbieders.` : first;
}

/** Feiten, costs: pupils above the extreme threshold. */
export function extremeCostSentence(pupils: Count, threshold: string): string {
  if (isSuppressedValue(pupils)) return `Het aantal leerlingen met meer dan ${threshold} aan jeugdhulp is afgeschermd.`;
  if (!pupils) return `Geen enkele leerling had meer dan ${threshold} aan jeugdhulp.`;
  return `${countNoun(pupils, "leerling", "leerlingen")} ${pupils === 1 ? "had" : "hadden"} meer dan ${threshold} aan jeugdhulp.`.replace(/^./, (c) => c.toUpperCase());
}

export interface OutflowOutcome {
  outcome: "uitstroom" | "volgend_traject" | "nog_in_zorg";
  pct: number | SuppressedValue | null;
}

/** Eerste Keer Goed: the three outcomes of the first trajectory, each a short sentence. */
export function outcomeSentences(outcomes: OutflowOutcome[], statusDate: string): {uitstroom: string; volgend: string; nogInZorg: string} {
  const share = (outcome: OutflowOutcome["outcome"]) => {
    // An outcome without a row has no pupils.
    const pct = outcomes.find((o) => o.outcome === outcome)?.pct ?? 0;
    return isSuppressedValue(pct) ? "Een afgeschermd deel" : formatPercent(pct);
  };
  return {
    uitstroom: `${share("uitstroom")} stroomt uit.`,
    volgend: `${share("volgend_traject")} krijgt een volgend traject binnen hetzelfde zorgpad.`,
    nogInZorg: `${share("nog_in_zorg")} is nog in zorg: het eerste traject liep op ${formatDate(statusDate)} nog.`
  };
}

/** Groeipatronen: how many patterns occur among the shown schools, and of how many it is withheld. */
export function patternsSentence(patterns: number, withheldSchools: number): string {
  const occur =
    patterns === 0
      ? "Bij de scholen met zichtbare cijfers is geen patroon te zien."
      : patterns === 1
        ? "Alle scholen met zichtbare cijfers hebben hetzelfde patroon."
        : `Bij de scholen met zichtbare cijfers komen ${formatCount(patterns)} verschillende patronen voor.`;
  if (withheldSchools === 0) return occur;
  return `${occur} Van ${countNoun(withheldSchools, "school", "scholen")} is het patroon afgeschermd.`;
}

/** Groeipatronen: steps whose count is withheld and so left out of the correction. */
export function withheldStepsSentence(steps: number): string {
  if (steps === 0) return "";
  return steps === 1
    ? "Bij 1 stap is het aantal afgeschermd; die telt niet mee in de correctie."
    : `Bij ${formatCount(steps)} stappen is het aantal afgeschermd; die tellen niet mee in de correctie.`;
}

export interface ChangeCount {
  shown: number;
  beyond: {name: string; from: number; to: number}[];
}

/** Groeipatronen: of the steps from one year to the next, how many are more than chance. */
export function changesSentence({shown, beyond}: ChangeCount, names: (items: string[]) => string): string {
  if (shown === 0) return "Van geen enkele school zijn twee opeenvolgende jaren met zichtbare aantallen te vergelijken.";
  const steps = shown === 1 ? "Van de ene stap" : `Van de ${formatCount(shown)} stappen`;
  const which = beyond.map((c) => `${c.name}, ${c.from}–${c.to}`);
  const verdict =
    beyond.length === 0
      ? shown === 1 ? "is die niet groter dan toeval" : "is er geen enkele groter dan toeval"
      : beyond.length === 1
        ? `is er 1 groter dan toeval (${which[0]})`
        : `zijn er ${formatCount(beyond.length)} groter dan toeval (${names(which)})`;
  return `${steps} van een school van het ene jaar naar het volgende ${verdict}, na correctie voor het aantal scholen`;
}

/** "1.234", "geen", "een afgeschermd aantal": a count inside a sentence that names its noun once. */
function countWord(n: Count): string {
  if (isSuppressedValue(n)) return "een afgeschermd aantal";
  return !n ? "geen" : formatCount(n);
}

export interface ScopeCounts {
  trajectories: Count;
  inScope: Count;
  startedBeforeWindow: Count;
  startedAfterWindow: Count;
  startedWithoutEnrolment: Count;
}

/** Onderzoek, afbakening: which trajectories count and where the others went. */
export function scopeSentences(scope: ScopeCounts, years: number[]): string {
  const all = typeof scope.trajectories === "number" && scope.trajectories > 0 ? `Van de ${countNoun(scope.trajectories, "traject", "trajecten")}` : `Van ${countNoun(scope.trajectories, "traject", "trajecten")}`;
  const counted = isSuppressedValue(scope.inScope)
    ? `${all} van leerlingen uit de inschrijving telt een afgeschermd aantal mee.`
    : `${all} van leerlingen uit de inschrijving ${scope.inScope === 1 ? "telt er 1" : `tellen er ${countWord(scope.inScope)}`} mee.`;
  const others = [
    [scope.startedBeforeWindow, `vóór ${years[0]}`],
    [scope.startedAfterWindow, `na ${years[years.length - 1]}`],
    [scope.startedWithoutEnrolment, "in een jaar waarin de leerling niet op een school in de gemeente stond"]
  ] as const;
  if (others.every(([n]) => n === 0)) {
    return scope.trajectories === 1
      ? "Het ene traject van een leerling uit de inschrijving telt mee: het begon in de onderzoeksjaren, terwijl de leerling in de gemeente op school zat."
      : `Alle ${countNoun(scope.trajectories, "traject", "trajecten")} van leerlingen uit de inschrijving tellen mee: ze begonnen in de onderzoeksjaren, terwijl de leerling in de gemeente op school zat.`;
  }
  const parts = others.map(([n, when]) => `${countWord(n)} ${when}`);
  return `${counted} Van de andere begonnen er ${parts[0]}, ${parts[1]} en ${parts[2]}.`;
}

/** Onderzoek, DBC-correctie: what the correction did in the transition year, or that it is not in these years. */
export function dbcCountSentence({transitionYear: t, tabel1Total, tabel2}: {transitionYear: number; tabel1Total: Count; tabel2: DbcRow[]}): string {
  const row = tabel2.find((r) => r.year === t);
  if (!row) return `In de onderzoeksjaren (${periodText(tabel2.map((r) => r.year))}) komt dat niet voor.`;
  const restarts = isSuppressedValue(tabel1Total)
    ? `In ${t} ging het om een afgeschermd aantal trajecten.`
    : !tabel1Total
      ? `In ${t} kwam dat in deze gegevens niet voor.`
      : `In ${t} ging het om ${countNoun(tabel1Total, "traject", "trajecten")}.`;
  const counts = isSuppressedValue(row.raw) || isSuppressedValue(row.corrected)
    ? ""
    : ` Zonder correctie telt ${t} ${countNoun(row.raw, "traject", "trajecten")}, met correctie ${countWord(row.corrected)}.`;
  return restarts + counts;
}

export interface Concentration {
  threshold: number;
  pctPupils: number | SuppressedValue | null;
  pctCost: number | SuppressedValue | null;
}

/** Onderzoek, kostencategorieën: the share of pupils above the threshold and their share of the money. */
export function concentrationSentence({threshold, pctPupils, pctCost}: Concentration): string {
  const who = `Het gaat dan om leerlingen met ${formatEuros(threshold)} of meer.`;
  if (typeof pctPupils !== "number" || typeof pctCost !== "number") return `${who} Welk deel van de leerlingen en van het geld dat is, is afgeschermd.`;
  if (pctPupils === 0) return `${who} Zulke leerlingen zijn er in deze gegevens niet.`;
  return `${who} Die waren samen ${formatPercent(pctPupils, 1)} van de leerlingen en gebruikten ${formatPercent(pctCost)} van het geld.`;
}

/** Feiten, Conclusies: trajectories per pupil with youth care in the latest year. */
export function perPupilSentence(perPupil: number | SuppressedValue | null | undefined): string {
  if (typeof perPupil === "number") return `Een leerling met jeugdhulp had gemiddeld ${formatDecimal(perPupil, 2)} trajecten.`;
  return isSuppressedValue(perPupil) ? "Het gemiddelde aantal trajecten per leerling met jeugdhulp is afgeschermd." : "";
}

/** Conclusies: what followed the first trajectory, the share that left care and the share with a next
 *  one within the care path's window. */
export function firstTrajectorySentences(ekg: Count, next: Count, months: string): string {
  if (ekg === null || ekg === undefined) return "Geen leerling had een eerste traject, dus er valt niets te zeggen over wat daarna kwam.";
  const left = isSuppressedValue(ekg)
    ? "Hoeveel leerlingen na het eerste traject uitstroomden, is afgeschermd."
    : `Na het eerste traject stroomde ${formatPercent(ekg)} van de leerlingen uit.`;
  // An outcome without a row has no pupils (outcomeSentences reads it the same way).
  const following = isSuppressedValue(next)
    ? `Hoeveel er binnen ${months} een volgend traject kregen, is afgeschermd.`
    : `Binnen ${months} kreeg ${formatPercent(next ?? 0)} een volgend traject.`;
  return `${left} ${following}`;
}

/** Conclusies: the GGZ trajectories closed and reopened only because the product codes changed. */
export function restartsSentence(transitionYear: number, years: number[], restarts: Count): string {
  const t = transitionYear;
  if (!years.includes(t)) return `De overgang naar nieuwe GGZ-productcodes (januari ${t}) valt buiten de onderzoeksjaren (${periodText(years)}): geen traject begon daardoor opnieuw.`;
  const when = `eind ${t - 1} gesloten en in januari ${t} opnieuw geopend`;
  if (isSuppressedValue(restarts)) return `Een afgeschermd aantal GGZ-trajecten werd ${when}.`;
  if (!restarts) return `Geen enkel GGZ-traject werd ${when}.`;
  return `${countNoun(restarts, "GGZ-traject", "GGZ-trajecten")} ${restarts === 1 ? "werd" : "werden"} ${when}.`;
}

/** Conclusies: the share of pupils above the cost threshold and their share of all costs. */
export function costShareSentence({threshold, pctPupils, pctCost}: Concentration): string {
  if (typeof pctPupils !== "number" || typeof pctCost !== "number") return `Welk deel van de leerlingen ${formatEuros(threshold)} of meer kostte, en welk deel van het geld zij samen kregen, is afgeschermd.`;
  if (pctPupils === 0) return `Geen leerling met jeugdhulp kostte ${formatEuros(threshold)} of meer.`;
  return `${formatPercent(pctPupils, 1)} van de leerlingen met jeugdhulp had samen ${formatPercent(pctCost)} van alle kosten.`;
}

interface FactorSchool {
  useCategory: unknown;
  size: unknown;
  ses: unknown;
  sot: unknown;
}

/** Tabel 8's middle class on every axis and average use: the report's "stabiele gemiddelde scholen".
 *  A school whose use category is withheld does not count. */
export function stableAverageSchools(schools: FactorSchool[]): number {
  return schools.filter((s) => s.useCategory === "gemiddeld" && s.size === "middel" && s.ses === "midden" && s.sot === "gemiddeld").length;
}

/** Conclusies: how many such schools these data have. */
export function stableAverageSentence(schools: number): string {
  if (schools === 0) return "In de gegevens van deze site is er geen enkele.";
  return schools === 1 ? "In de gegevens van deze site is het er 1." : `In de gegevens van deze site zijn het er ${formatCount(schools)}.`;
}

/** Conclusies: the factors whose verdict turns with a choice in the calculation. */
export function fragileSentence(fragile: string[], names: (items: string[]) => string): string {
  if (fragile.length === 0) return "Geen enkele uitkomst slaat om door keuzes in de berekening.";
  return `Bij ${names(fragile)} hangt de uitkomst bovendien af van keuzes in de berekening.`;
}

/**
 * Conclusies: how far chance alone moves the smallest school's percentage. A school with the municipal
 * rate p and n pupils scatters by sqrt(p(1 − p)/n); about 95 of 100 such schools land within two of
 * those spreads of p. Null without a school with pupils; without a published rate only the first part.
 */
export function chanceSentences(smallest: number, pupils: Count, enrolled: Count, rate: Count, range: [number, number] | null): string | null {
  if (!(smallest > 0)) return null;
  const first = `De kleinste school heeft ${countNoun(smallest, "leerling", "leerlingen")}. Eén kind meer of minder met jeugdhulp verschuift haar percentage al ${formatDecimal(100 / smallest, 1)} procentpunt.`;
  if (typeof rate !== "number" || typeof pupils !== "number" || typeof enrolled !== "number") return first;
  const p = rate / 100;
  const spread = 100 * Math.sqrt((p * (1 - p)) / smallest);
  const low = Math.max(0, 100 * p - 2 * spread);
  const high = 100 * p + 2 * spread;
  const chance = `Stel dat zo'n school precies het gemiddelde van de gemeente heeft (${formatShare(pupils, enrolled, 1)}). Dan ligt haar percentage door toeval alleen al meestal tussen ${formatPercent(low)} en ${formatPercent(high)}.`;
  if (range === null) return `${first} ${chance}`;
  const schools = `${formatPercent(range[0])} tot ${formatPercent(range[1])}`;
  // "Almost all of the difference" only when chance alone spans at least three quarters of it.
  const comparison =
    high - low >= 0.75 * (range[1] - range[0])
      ? `Dat is bijna het hele verschil tussen de laagste en de hoogste school (${schools}).`
      : `De scholen zelf liepen uiteen van ${schools}.`;
  return `${first} ${chance} ${comparison}`;
}

/** Aanbevelingen: this site's Eerste Keer Goed in a short sentence. */
export function ekgShortSentence(ekg: Count): string {
  if (isSuppressedValue(ekg)) return "Op deze site is het afgeschermd.";
  if (ekg === null || ekg === undefined) return "Op deze site valt het niet te berekenen: geen leerling had een eerste traject.";
  return `Op deze site is het ${formatPercent(ekg)}.`;
}

/** Rondom de school: schools per rating category of Tabel 9. */
export function ratingCountsSentence(rows: {label: string; schools: number}[]): string {
  return rows.map((r) => `${r.label.toLocaleLowerCase("nl")}: ${countNoun(r.schools, "school", "scholen")}`).join("; ");
}
