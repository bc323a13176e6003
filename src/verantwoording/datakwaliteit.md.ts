// Page loader for /verantwoording/datakwaliteit: what reading the input folder found, written into
// the page at build time (no JavaScript needed to read it). The counts are of pupils, trajectories
// and rows and are not in the disclosure model (loaders/disclosure/), so the page rounds every one
// to tens and shows dates by month; the exact figures and the first repaired cell are only in the
// build log, which is not published.
import {exitOnInputError, loadFromEnvironment} from "../../loaders/load.js";
import {qualityFacts} from "../../loaders/quality.js";
import {escapeText, QualityDates, QualityFiles, QualityYears} from "../components/QualityTables.js";
import {formatMonth, formatRoughCount} from "../lib/format.js";

await exitOnInputError(() => {
  // The site's data loader prints the same report in the build log already.
  const {dataset, quality} = loadFromEnvironment({log: () => {}});
  const facts = qualityFacts(quality, {count: formatRoughCount, date: formatMonth});
  const {years} = dataset.settings;
  const municipality = escapeText(dataset.settings.municipality);
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

## Waarschuwingen

${
    warnings === 0
      ? "De bouw gaf geen waarschuwingen."
      : `De bouw gaf ${warnings === 1 ? "één waarschuwing" : `${warnings} waarschuwingen`}: iets om na te kijken dat de bouw niet stopt, zoals een school zonder leerlingen in een onderzoeksjaar. Welke, staat in het verslag van de bouw.`
  }
`);
});
