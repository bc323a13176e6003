// Page loader for /onderzoek: onderzoek.md.in with every rule's numbers as this build sets them (the
// settings in meta.rules) and the counts of these data, written at build time (scripts/staticPage.ts), so
// the definitions read completely without JavaScript. The content folder's passages replace the neutral
// introduction.
import {writeStaticPage} from "../scripts/staticPage.js";
import {addDays, addMonths} from "./lib/dates.js";
import {formatCount, formatDate, formatDecimal, formatEuros, formatPercent, isSuppressedValue, monthsText} from "./lib/format.js";
import {concentrationSentence, countNoun, dbcCountSentence, periodText, scopeSentences} from "./components/reportText.js";

await writeStaticPage(import.meta.url, ({meta, kerngetallen, scope, status, costs, dbc, factors}) => {
  const {rules, years} = meta;
  const [firstYear, latestYear] = [years[0], meta.latestYear];
  const started = meta.youthCareDefinition === "started";
  const lastEndUitstroom = addMonths(meta.statusDate, -rules.statusRuleMonths);
  const lastEndStopZorg = addDays(lastEndUitstroom, 1);
  const statusMonths = monthsText(rules.statusRuleMonths);
  const {lowBelow, highAbove} = rules.useCategories;
  const {moderate, strong} = rules.growthCategories;
  const latest = kerngetallen.latest;
  const schools: {participated: boolean}[] = factors?.schools ?? [];
  const participants = schools.filter((s) => s.participated).length;
  const [firstBand, secondBand] = costs.bands;
  const shown = (value: unknown) => typeof value === "number";
  return {
    conditions: {gestart: started, kostenklassen: secondBand !== undefined},
    text: {
      municipality: meta.municipality,
      period: periodText(years),
      firstYear,
      secondYear: firstYear + 1,
      latestYear,
      windowStart: formatDate(scope.window.start),
      windowEnd: formatDate(scope.window.end),
      scope: scopeSentences(scope, years),
      participation:
        participants === 0
          ? "In de gegevens van deze site staat geen school als deelnemer aan de interviews."
          : `In de gegevens van deze site ${participants === 1 ? "staat" : "staan"} ${formatCount(participants)} van de ${countNoun(schools.length, "school", "scholen")} als deelnemer aan de interviews.`,
      definitionChoice: !started
        ? "Deze versie van de site is gebouwd met de instelling 'lopend in het jaar'; de getallen wijken daardoor af van het rapport."
        : [latest.trajectories, latest.pupils, latest.trajectoriesPerPupil, latest.pct].every(shown)
          ? `In ${latestYear} begonnen ${countNoun(latest.trajectories, "traject", "trajecten")} bij ${countNoun(latest.pupils, "leerling", "leerlingen")}: ${formatDecimal(latest.trajectoriesPerPupil, 2)} traject per leerling, ${formatPercent(latest.pct, 2)} van alle leerlingen.`
          : `In ${latestYear} is een deel van deze getallen afgeschermd.`,
      statusDate: formatDate(meta.statusDate),
      statusMonths,
      statusMonthsCapital: statusMonths.replace(/^./, (c) => c.toUpperCase()),
      lastEndUitstroom: formatDate(lastEndUitstroom),
      uitstroomPlusMonths: formatDate(addMonths(lastEndUitstroom, rules.statusRuleMonths)),
      lastEndStopZorg: formatDate(lastEndStopZorg),
      afterStopZorg: formatDate(addMonths(lastEndStopZorg, rules.statusRuleMonths)),
      durationBands: status.tabel4.filter((b: any) => b.key !== "in_zorg").map((b: any) => b.label).join(", "),
      zorgpadMonths: monthsText(rules.zorgpadMonths),
      ekg: isSuppressedValue(kerngetallen.ekg) || kerngetallen.ekg === null
        ? `In ${meta.municipality} is EKG afgeschermd of niet te berekenen.`
        : `In ${meta.municipality} is EKG ${formatPercent(kerngetallen.ekg)}.`,
      transitionYear: dbc.transitionYear,
      yearBeforeTransition: dbc.transitionYear - 1,
      dbcCounts: dbcCountSentence(dbc),
      strong,
      strongMinusOne: strong - 1,
      moderate,
      moderateMinusOne: moderate - 1,
      lowBelow,
      lowBelowMinusOne: lowBelow - 1,
      highAbove,
      highAbovePlusOne: highAbove + 1,
      costBands: costs.bands.map((b: any) => b.label).join(", "),
      firstBand: firstBand?.label ?? "",
      secondBand: secondBand?.label ?? "",
      secondBandLower: secondBand ? formatEuros(secondBand.lower) : "",
      concentration: concentrationSentence(costs.concentration)
    }
  };
});
