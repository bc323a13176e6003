// Factsheet items 5 and 7 besides the chart they share with /data-analyse/feiten (CareTypeChart): the
// top three care types of the last year, and the notes on care types that are empty in some years for
// the whole municipality (a booking change, not a change at the school). The school's largest provider
// per care type is not published (issue 10): per school those counts are almost all small.

import type {Column} from "../lib/csv.js";
import {careTypeGaps, type CareTypeRow} from "./CareTypeChart.js";
import {DataTable} from "./ChartFigure.js";
import type {SheetTopCareType} from "./factsheetTypes.js";

export const topCareTypeColumns: Column<SheetTopCareType>[] = [
  {label: "Zorgvorm", value: (t) => t.label},
  {label: "Leerlingen", value: (t) => t.pupils, kind: "count"}
];

export function FactsheetTopCareTypes(top: SheetTopCareType[], {year}: {year: number}): HTMLTableElement {
  return DataTable(topCareTypeColumns, top, {caption: `De grootste zorgvormen van ${year}`});
}

/** Where the municipal figures by provider and by age are: the headings' anchors on /data-analyse/feiten. */
export const MUNICIPAL_DETAIL = {
  providers: "../data-analyse/feiten#zorgvormen-en-aanbieders",
  ages: "../data-analyse/feiten#leeftijd-van-de-leerlingen-met-jeugdhulp",
  explorer: "../verkennen"
};

/**
 * In place of the per-school figures by provider and by age (issue 10): why they are not here, and
 * where the municipal figures (and the explorer's lightly perturbed cuts) are. Links are relative to
 * /scholen/<slug>.
 */
export function FactsheetWithheldDetail(): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "factsheet-withheld-detail";
  const link = (href: string, text: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  };
  p.append(
    "Aantallen per aanbieder en per leeftijd zijn per school te klein om te tonen zonder dat leerlingen herkenbaar worden: zie de cijfers van de hele gemeente (",
    link(MUNICIPAL_DETAIL.providers, "aanbieders"),
    ", ",
    link(MUNICIPAL_DETAIL.ages, "leeftijd"),
    ") en, licht verstoord, de leeftijden per school in ",
    link(MUNICIPAL_DETAIL.explorer, "Verkennen"),
    "."
  );
  return p;
}

const DYSLEXIA = "dyslexie";

/**
 * One sentence per care type of the school that the whole municipality lacks in some years. Dyslexia
 * before the DBC year has a known cause: it was booked as specialistische GGZ.
 */
export function careTypeNotes(school: CareTypeRow[], municipal: CareTypeRow[], {dbcTransitionYear}: {dbcTransitionYear: number}): string[] {
  const atSchool = new Set(school.map((r) => r.careType));
  return careTypeGaps(municipal)
    .filter((gap) => atSchool.has(gap.careType))
    .map((gap) => {
      const years = gap.years.join(" en ");
      if (gap.careType === DYSLEXIA && gap.years.every((y) => y < dbcTransitionYear)) {
        return `In ${years} werd dyslexiezorg nog geboekt als specialistische GGZ; daarom staat er dan geen dyslexiezorg.`;
      }
      return `${gap.label} komt in ${years} bij geen enkele school in de gemeente voor: de zorg werd toen anders geboekt.`;
    });
}
