// Page loader for / (the summary): index.md.in with the answer, the key figures and the table per year
// written at build time (scripts/staticPage.ts), so the summary reads completely without JavaScript.
// The content folder's passages replace the neutral question and answer.
import {writeStaticPage} from "../scripts/staticPage.js";

const {KeyFigures} = await import("./components/KeyFigures.js");
const {YearTable} = await import("./components/YearTable.js");
const {factorTestsVerdict} = await import("./components/variationText.js");
const {formatDate, formatPercent, formatShare, isSuppressedValue, monthsText} = await import("./lib/format.js");
const {withheldNote} = await import("./components/chartParts.js");
const text = await import("./components/reportText.js");

await writeStaticPage(import.meta.url, ({meta, kerngetallen, scope, statistics, dbc}) => {
  const started = meta.youthCareDefinition === "started";
  const {latest, enrolledLatestYear: enrolled} = kerngetallen;
  const range = text.schoolRange(kerngetallen);
  const spread =
    range === null
      ? "dat verschilde per school"
      : range[0] === range[1]
        ? `bij elke school met een getoond percentage was het ${formatPercent(range[0])}`
        : `dat liep per school uiteen van ${formatPercent(range[0])} tot ${formatPercent(range[1])}`;
  // The verb follows the definition Tabel 6 counts by (loaders/tables/scope.ts): a start in the year, or
  // care running in it.
  const answer =
    typeof latest.pupils === "number"
      ? `In ${meta.latestYear} ${started ? "begon" : "kreeg"} ${formatShare(latest.pupils, enrolled, 1)} van de leerlingen ${started ? "aan jeugdhulp" : "jeugdhulp"}, maar ${spread}.`
      : `In ${meta.latestYear} is het deel van de leerlingen met jeugdhulp afgeschermd; ${spread}.`;
  // The mark's one legend under the year table, when a year's count is withheld (a key figure can be).
  const yearLegend = withheldNote(kerngetallen.perYear.flatMap((y: Record<string, unknown>) => [y.pupils, y.pct, y.trajectories, y.trajectoriesPerPupil]));
  const months = monthsText(meta.rules.zorgpadMonths);
  const ekg = kerngetallen.ekg;
  // The DBC transition inflates one year's starts; said only when it falls in the study years after the
  // first and its restarts are published.
  const transition = meta.rules.dbcTransitionYear;
  const restarts = dbc.tabel1Total;
  const dbcSentence =
    meta.years.includes(transition) && transition > meta.years[0] && !isSuppressedValue(restarts) && restarts > 0
      ? `Een deel van de starts in ${transition} is administratief: ${text.countNoun(restarts, "lopend GGZ-traject", "lopende GGZ-trajecten")} ${restarts === 1 ? "werd" : "werden"} eind ${transition - 1} afgesloten en in januari opnieuw geopend, omdat de productcodes veranderden.`
      : "";
  return {
    blocks: {
      kerngetallen: KeyFigures(kerngetallen, {youthCareDefinition: meta.youthCareDefinition, zorgpadMonths: meta.rules.zorgpadMonths}).outerHTML,
      perJaar: YearTable(kerngetallen.perYear, {caption: "Leerlingen met jeugdhulp per jaar"}).outerHTML + (yearLegend ? `<p class="note">${yearLegend}</p>` : "")
    },
    text: {
      municipality: meta.municipality,
      period: text.periodText(meta.years),
      answer,
      ekg:
        typeof ekg === "number"
          ? `Na het eerste traject was ${formatPercent(ekg)} van de kinderen klaar zonder binnen ${months} nieuwe hulp`
          : `Hoeveel kinderen na het eerste traject klaar waren zonder binnen ${months} nieuwe hulp, is afgeschermd`,
      counted: started ? "begon" : "liep",
      dbc: dbcSentence,
      scope: text.scopeSentences(scope, meta.years),
      statusDate: formatDate(meta.statusDate)
    },
    passageText: {
      factorVerdict: factorTestsVerdict(statistics),
      ekgPercent: formatPercent(ekg),
      transitionYear: transition,
      yearBeforeTransition: transition - 1
    }
  };
});
