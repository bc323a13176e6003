// Factsheet items 5–7 besides the charts they share with /data-analyse/feiten (CareTypeChart,
// ProviderChart): the top three care types of the last year with their largest provider, and the notes
// on care types that are empty in some years for the whole municipality (a booking change, not a
// change at the school).

import type {Column} from "../lib/csv.js";
import {careTypeGaps, type CareTypeRow} from "./CareTypeChart.js";
import {DataTable} from "./ChartFigure.js";
import type {SheetTopCareType} from "./factsheetTypes.js";

export const topCareTypeColumns: Column<SheetTopCareType>[] = [
  {label: "Zorgvorm", value: (t) => t.label},
  {label: "Leerlingen", value: (t) => t.pupils, kind: "count"},
  {label: "Aanbieder met de meeste leerlingen", value: (t) => t.provider},
  {label: "Leerlingen bij die aanbieder", value: (t) => t.providerPupils, kind: "count"}
];

export function FactsheetTopCareTypes(top: SheetTopCareType[], {year}: {year: number}): HTMLTableElement {
  return DataTable(topCareTypeColumns, top, {caption: `De grootste zorgvormen van ${year} en hun grootste aanbieder`});
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
