// The report's pages publish some of the cube's cells already (Tabel 6, Tabel 3, the factsheets'
// care types) with their own complementary choices. Were the cube to show a count the report hides
// to protect a small one, the two together would give the small one away; so those cells start
// hidden in the cube.

import type {PublicReport} from "../publish.js";
import {isSuppressed} from "../suppression.js";
import type {YearCount} from "../tables/careTypes.js";
import {ALL, configuredDefinition, DEFINITIONS, type CubeGrid} from "./grid.js";

export function hiddenInReport(report: PublicReport, grid: CubeGrid): (index: number) => boolean {
  const {dims} = grid;
  const hidden = new Set<number>();
  const definition = DEFINITIONS.indexOf(configuredDefinition(report.meta.youthCareDefinition));
  const unitOfSchool = (schoolId: string) => dims.units.findIndex((u) => u.schoolId === schoolId);
  const mark = (unit: number, careType: string, rows: {year: number; pupils: unknown}[]) => {
    for (const {year, pupils} of rows) {
      if (!isSuppressed(pupils)) continue;
      const cell = {year: dims.years.indexOf(year), unit, age: 0, careType: dims.careTypes.indexOf(careType), dyslexia: 0, dbc: 0, definition};
      if (cell.year >= 0 && cell.unit >= 0 && cell.careType >= 0) hidden.add(grid.index(cell));
    }
  };
  mark(0, ALL, report.schools.total.years);
  for (const row of report.schools.tabel6) mark(unitOfSchool(row.schoolId), ALL, row.years);
  for (const row of report.careTypes.tabel3) mark(0, row.careType, row.perYear as YearCount<"public">[]);
  for (const sheet of report.factsheets) {
    for (const row of sheet.careTypes) mark(unitOfSchool(sheet.schoolId), row.careType, row.perYear);
  }
  return (index) => hidden.has(index);
}
