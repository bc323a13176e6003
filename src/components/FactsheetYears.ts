// Factsheet items 1–4 as compact tables: trajectories and pupils per year, their growth against the
// municipality, trajectories per pupil, and the share of pupils with youth care next to the school's
// board and the municipality. Tables, not charts: three numbers per year read best side by side.

import type {Column} from "../lib/csv.js";
import {formatPoints, isSuppressedValue, NOT_APPLICABLE, SUPPRESSED_DERIVED} from "../lib/format.js";
import {DataTable} from "./ChartFigure.js";
import type {Derived, Sheet, SheetGrowth, SheetShare, SheetYear} from "./factsheetTypes.js";

/** Growth in percent with its sign ("+25%", "−20%"): a rise and a fall must not look alike. */
export function signedPercent(value: Derived): string {
  if (value === null) return NOT_APPLICABLE;
  if (isSuppressedValue(value)) return SUPPRESSED_DERIVED;
  return `${formatPoints(value)}%`;
}

export const yearColumns: Column<SheetYear>[] = [
  {label: "Jaar", value: (d) => String(d.year)},
  {label: "Trajecten", value: (d) => d.trajectories, kind: "count"},
  {label: "Leerlingen met jeugdhulp", value: (d) => d.pupils, kind: "count"},
  {label: "Trajecten per leerling", value: (d) => d.trajectoriesPerPupil, kind: "number", decimals: 2},
  {label: "Gemeente: trajecten per leerling", value: (d) => d.municipalTrajectoriesPerPupil, kind: "number", decimals: 2}
];

export const growthColumns: Column<SheetGrowth>[] = [
  {label: "Periode", value: (d) => `${d.from}–${d.to}`},
  {label: "Trajecten", value: (d) => signedPercent(d.trajectoriesPct)},
  {label: "Gemeente: trajecten", value: (d) => signedPercent(d.municipalTrajectoriesPct)},
  {label: "Leerlingen", value: (d) => signedPercent(d.pupilsPct)},
  {label: "Gemeente: leerlingen", value: (d) => signedPercent(d.municipalPupilsPct)}
];

export const shareColumns: Column<SheetShare>[] = [
  {label: "Jaar", value: (d) => String(d.year)},
  {label: "Leerlingen op school", value: (d) => d.enrolled, kind: "count"},
  {label: "Deze school", value: (d) => d.pct, kind: "percent", decimals: 1},
  {label: "Scholen van het bestuur", value: (d) => d.boardPct, kind: "percent", decimals: 1},
  {label: "Alle scholen", value: (d) => d.municipalPct, kind: "percent", decimals: 1}
];

/** Items 1 and 3. */
export function FactsheetYears(sheet: Sheet): HTMLTableElement {
  return DataTable(yearColumns, sheet.years, {caption: "Trajecten en leerlingen met jeugdhulp per jaar"});
}

/** Item 2. */
export function FactsheetGrowth(sheet: Sheet): HTMLTableElement {
  return DataTable(growthColumns, sheet.growth, {caption: "Groei ten opzichte van het jaar ervoor, school en gemeente"});
}

/** Item 4. */
export function FactsheetShares(sheet: Sheet): HTMLTableElement {
  return DataTable(shareColumns, sheet.shares, {caption: `Percentage leerlingen met jeugdhulp: school, ${sheet.board} en gemeente`});
}
