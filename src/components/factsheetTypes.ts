// The public form of data/rapport/factsheets/<slug>.json as the factsheet components read it. It
// mirrors Factsheet<"public"> in loaders/tables/factsheet.ts with plain published values, so tests can
// write fixtures by hand (tests/unit/factsheetTypes.test.ts checks the two stay assignable).

import type {SuppressedValue} from "../lib/format.js";
import type {Count} from "./chartParts.js";

/** A published derived value: the number, withheld, or null where it does not exist (0 of 0). */
export type Derived = number | SuppressedValue | null;

export interface YearCount {
  year: number;
  pupils: Count;
}

export interface SheetYear {
  year: number;
  trajectories: Count;
  pupils: Count;
  trajectoriesPerPupil: Derived;
  municipalTrajectoriesPerPupil: Derived;
}

export interface SheetGrowth {
  from: number;
  to: number;
  trajectoriesPct: Derived;
  municipalTrajectoriesPct: Derived;
  pupilsPct: Derived;
  municipalPupilsPct: Derived;
}

export interface SheetShare {
  year: number;
  enrolled: number;
  pct: Derived;
  boardPct: Derived;
  municipalPct: Derived;
}

export interface SheetCareType {
  careType: string;
  label: string;
  perYear: YearCount[];
}

export interface SheetTopCareType {
  careType: string;
  label: string;
  pupils: Count;
}

export interface SheetCostBand {
  lower: number;
  upper: number | null;
  label: string;
  pupils: Count;
  pct: Derived;
}

export interface SheetCosts {
  pupils: Count;
  bands: SheetCostBand[];
  shareOfMunicipalCostPct: Derived;
  stillInCare: Count;
}

export interface Sheet {
  schoolId: string;
  name: string;
  board: string;
  years: SheetYear[];
  growth: SheetGrowth[];
  shares: SheetShare[];
  careTypes: SheetCareType[];
  topCareTypes: SheetTopCareType[];
  costs: SheetCosts;
}
