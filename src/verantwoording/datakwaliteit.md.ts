// Page loader for /verantwoording/datakwaliteit: what reading the input folder found, written into
// the page at build time (no JavaScript needed to read it). The counts are of pupils, trajectories
// and rows and are not in the disclosure model (loaders/disclosure/), so the page rounds every one
// to tens and shows dates by month; the exact figures and the first repaired cell are only in the
// build log, which is not published.
import {exitOnInputError, loadFromEnvironment} from "../../loaders/load.js";
import {duoFacts, NO_DUO_COMPARISON, qualityFacts, type QualityReport} from "../../loaders/quality.js";
import type {Dataset} from "../../loaders/model.js";
import {buildScope} from "../../loaders/tables/scope.js";
import {schoolTables, schoolYearCounts} from "../../loaders/tables/schools.js";
import {QualityDates, QualityDuoSchools, QualityDuoYears, QualityFiles, QualityYears} from "../components/QualityTables.js";
import {escapeMarkdownHtml} from "../lib/html.js";
import {formatMonth, formatRoughCount} from "../lib/format.js";

await exitOnInputError(() => {
  // The site's data loader prints the same report in the build log already.
  const {dataset, quality} = loadFromEnvironment({log: () => {}});
  const facts = qualityFacts(quality, {count: formatRoughCount, date: formatMonth});
  const {years} = dataset.settings;
  const municipality = escapeMarkdownHtml(dataset.settings.municipality);
  const warnings = quality.warnings.length;
  process.stdout.write(`---
title: Datakwaliteit
---

# Datakwaliteit

<p class="lead">Wat de bouw las uit de invoerbestanden van ${municipality}: hoeveel rijen, wat hij zelf
herstelde, wat hij wegliet en over welke jaren en datums de gegevens gaan.</p>

Alle aantallen op deze pagina zijn **afgerond op tientallen** („ongeveer 4.550”); een aantal van 1 tot
en met 9 staat er als „minder dan 10”, nul als „geen”. Het zijn aantallen leerlingen, trajecten en
regels, en een klein aantal kinderen mag niet herkenbaar zijn. Om dezelfde reden staan datums hier per
maand en noemt de pagina geen enkele regel uit de bestanden. De precieze aantallen staan alleen in het
verslag van de bouw, dat niet wordt gepubliceerd.

## Per invoerbestand

Een regel met een fout stopt de bouw: dan komt er geen site. Daarom is op deze pagina elke gelezen
regel goedgekeurd. Twee dingen herstelt de bouw zelf (onzichtbare tekens en harde spaties, zie
[wat de bouw controleert](/verantwoording#wat-de-bouw-controleert)); die staan bij „Cellen hersteld”.
Goedgekeurde regels die buiten het onderzoek vallen, laat de bouw weg; die staan bij „Rijen weggelaten”.

${QualityFiles(facts)}

## Per onderzoeksjaar

Leerlingen die in ${municipality} wonen en op de teldatum van dat jaar ingeschreven staan, en hun
trajecten die in dat jaar beginnen. Dat is vóór de afbakening van het rapport: tabel 2 telt alleen
trajecten van leerlingen die dat jaar in de gemeente op school zaten.

${QualityYears(facts)}

## Datums

De eerste en de laatste datum in elke datumkolom, van de regels die meetellen. Het onderzoek gaat
over ${years[0]} tot en met ${years[years.length - 1]}.

${QualityDates(facts)}

## Vergelijking met DUO

${duoSection(dataset, quality)}

## Waarschuwingen

${
    warnings === 0
      ? "De bouw gaf geen waarschuwingen."
      : `De bouw gaf ${warnings === 1 ? "één waarschuwing" : `${warnings} waarschuwingen`}: iets om na te kijken dat de bouw niet stopt, zoals een school zonder leerlingen in een onderzoeksjaar. Welke, staat in het verslag van de bouw.`
  }
`);
});

/**
 * leerlingen.csv against DUO's count. Published: shares and flags of the schools in Tabel 6 (whose
 * enrolment the report publishes exactly anyway) and counts of schools; no count of pupils, so
 * nothing here needs the disclosure model. The exact counts are in the build log.
 */
function duoSection(dataset: Dataset, quality: QualityReport): string {
  const duo = quality.duo ?? null;
  if (duo === null) {
    return `${NO_DUO_COMPARISON} Zet u dat bestand uit de open onderwijsdata van DUO naast leerlingen.csv, dan vergelijkt de bouw per school en jaar het aantal inschrijvingen met de telling van DUO.`;
  }
  const scope = buildScope(dataset);
  const listed = new Set(schoolTables(scope, schoolYearCounts(scope)).tabel6.map((row) => row.schoolId));
  const names = new Map(dataset.schools.map((school) => [school.id, school.name]));
  const facts = duoFacts(duo, names, listed);
  const files = facts.files.map((file) => `<code>${escapeMarkdownHtml(file)}</code>`).join(", ");
  const municipality = escapeMarkdownHtml(dataset.settings.municipality);
  const parts = [
    `De bouw vergeleek per school en jaar het aantal inschrijvingen in leerlingen.csv (alle leerlingen van de school, ook van buiten ${municipality}, zoals DUO telt) met de telling van DUO in ${files}. ` +
      "DUO schermt een klein aantal per leeftijd af („&lt;5”): zo'n aantal telt hier als 1 tot 4, en alleen een verschil buiten dat bereik telt als verschil. " +
      `Een verschil van meer dan ${facts.margin} (de instelling \`duoMarginPercent\` in instellingen.json) en een school die maar aan één kant voorkomt, staan **vet**.`
  ];
  if (facts.years.length === 0) parts.push("Geen van de onderzoeksjaren staat in de telling van DUO; er is niets vergeleken.");
  else {
    const n = facts.flagged;
    parts.push(
      n === 0
        ? `Nergens verschillen leerlingen.csv en DUO meer dan ${facts.margin}.`
        : `**Let op:** bij ${n === 1 ? "één school en jaar" : `${n} scholen en jaren`} verschillen leerlingen.csv en DUO meer dan ${facts.margin}, of staat de school maar aan één kant. ` +
            "Kijk dan of de export compleet is en dezelfde teldatum heeft als DUO (1 oktober). Het rapport rekent altijd met leerlingen.csv, nooit met de telling van DUO.",
      QualityDuoYears(facts),
      "Per school het verschil als deel van de telling van DUO, afgerond op hele procenten (− = minder in leerlingen.csv). " +
        "Alleen de scholen uit Tabel 6, waarvan het rapport het aantal leerlingen al publiceert; de aantallen zelf staan alleen in het verslag van de bouw.",
      QualityDuoSchools(facts)
    );
    const {schools, flagged} = facts.unlisted;
    if (schools > 0) {
      parts.push(
        `Van ${schools === 1 ? "één andere school" : `${schools} andere scholen`} uit scholen.csv, niet in Tabel 6, staat de vergelijking alleen in het verslag van de bouw` +
          (flagged === 0 ? "." : ` (${flagged === 1 ? "één school en jaar" : `${flagged} scholen en jaren`} met meer verschil).`)
      );
    }
  }
  if (facts.yearsWithoutDuo.length > 0) parts.push(`Voor ${facts.yearsWithoutDuo.join(", ")} staat er geen telling in het bestand van DUO.`);
  return parts.join("\n\n");
}
