// The data behind the items of the per-school factsheet (Bijlage 3). Item 8 is deliberately not
// the report's "three most expensive pupils" but cost bands, which identify no one. Items 6 (pupils
// per provider), 9 and 10 (pupils per care type and age) and item 7's largest provider are left out
// (issue 10): per school those counts are almost all 1 to 4, and beside the care-type cells, Tabel 6
// and the municipal tables they pinned most of them. The municipal tables keep them (careTypes.ts,
// ages.ts).

import {
  DECIMALS,
  groupBy,
  growthPercentage,
  percentage,
  trajectoriesPerPupil,
  wholePercentage
} from "../definitions.js";
import type {School} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import {careTypeRows, listedCareTypes, pupilOf, type CareTypeRow} from "./careTypes.js";
import {careTypeLabel, countDistinctPupilsByNumber, schoolRef, type SchoolRef} from "./common.js";
import {cohortCents, costBandRows, costPerPupil, type CostBandRow} from "./costs.js";
import type {Attribution, Scope} from "./scope.js";
import {countsFor, municipalCounts, type YearCounts} from "./schools.js";
import {statusOf, type CohortStatuses} from "./status.js";

export interface FactsheetYear<M extends Mode = "raw"> {
  year: number;
  /** Item 1: trajectories started this year. */
  trajectories: Sensitive<M, number>;
  /** Item 1: distinct pupils with youth care this year. */
  pupils: Sensitive<M, number>;
  /** Item 3, 2 decimals. */
  trajectoriesPerPupil: Sensitive<M, number | null>;
  municipalTrajectoriesPerPupil: Sensitive<M, number | null>;
}

export interface FactsheetGrowth<M extends Mode = "raw"> {
  from: number;
  to: number;
  /** Item 2: relative growth in whole percent. */
  trajectoriesPct: Sensitive<M, number | null>;
  municipalTrajectoriesPct: Sensitive<M, number | null>;
  pupilsPct: Sensitive<M, number | null>;
  municipalPupilsPct: Sensitive<M, number | null>;
}

export interface FactsheetShare<M extends Mode = "raw"> {
  year: number;
  enrolled: number;
  /** Item 4: share of pupils with youth care, 1 decimal. */
  pct: Sensitive<M, number | null>;
  /** All pupils of the board's schools in the data taken together (equals pct for a single-school board). */
  boardPct: Sensitive<M, number | null>;
  municipalPct: Sensitive<M, number | null>;
}

export interface TopCareType<M extends Mode = "raw"> {
  careType: string;
  label: string;
  pupils: Sensitive<M, number>;
}

export interface FactsheetCosts<M extends Mode = "raw"> {
  /** Cohort pupils with at least one cohort trajectory while at this school. */
  pupils: Sensitive<M, number>;
  /** Those pupils by the cost of their trajectories while at this school. */
  bands: CostBandRow<M>[];
  /** The school's share of the cohort's total cost, whole percent. */
  shareOfMunicipalCostPct: Sensitive<M, number | null>;
  /** Of those pupils, how many were in care on the peildatum. */
  stillInCare: Sensitive<M, number>;
}

export interface Factsheet<M extends Mode = "raw"> extends SchoolRef {
  board: string;
  years: FactsheetYear<M>[];
  growth: FactsheetGrowth<M>[];
  shares: FactsheetShare<M>[];
  /** Item 5: only the care types that occur at the school. */
  careTypes: CareTypeRow<M>[];
  /** Item 7: up to three care types of the latest year, most pupils first. */
  topCareTypes: TopCareType<M>[];
  costs: FactsheetCosts<M>;
}

interface SchoolAttributions {
  care: Attribution[];
  cohort: Attribution[];
}

const TOP_CARE_TYPES = 3;

function topCareTypes(scope: Scope, care: Attribution[]): TopCareType[] {
  const latest = care.filter((a) => a.year === scope.latestYear);
  const perType = countDistinctPupilsByNumber(latest, (a) => a.careType, scope.careTypes.length, pupilOf, scope.pupils);
  // Positions follow compareCareTypes: the lower one first among equal counts.
  return listedCareTypes(scope, latest, false)
    .sort((a, b) => perType[b] - perType[a] || a - b)
    .slice(0, TOP_CARE_TYPES)
    .map((type) => ({careType: scope.careTypes[type], label: careTypeLabel(scope.settings, scope.careTypes[type]), pupils: perType[type]}));
}

function factsheetCosts(scope: Scope, cohort: Attribution[], statuses: CohortStatuses, municipalCents: number): FactsheetCosts {
  const costs = costPerPupil(cohort);
  const schoolCents = [...costs.values()].reduce((s, c) => s + c, 0);
  return {
    pupils: costs.size,
    bands: costBandRows(costs.values(), scope.settings),
    shareOfMunicipalCostPct: wholePercentage(schoolCents, municipalCents),
    stillInCare: [...costs.keys()].filter((pupil) => statusOf(statuses, pupil) === "in_zorg").length
  };
}

/** Each school's attributions, by the school's position in scope.schools. */
function attributionsBySchool(scope: Scope): SchoolAttributions[] {
  const result = scope.schools.map((): SchoolAttributions => ({care: [], cohort: []}));
  for (const a of scope.care) result[a.school].care.push(a);
  for (const pupil of scope.cohort) for (const a of pupil.attributions) result[a.school].cohort.push(a);
  return result;
}

/** Pooled share of pupils with youth care over a set of schools, per year. */
function pooledPct(counts: Map<string, YearCounts>, schools: School[], year: number): number | null {
  let pupils = 0;
  let enrolled = 0;
  for (const s of schools) {
    const c = countsFor(counts, s.id, year);
    pupils += c.pupils;
    enrolled += c.enrolled;
  }
  return percentage(pupils, enrolled, DECIMALS.factsheetPercentage);
}

/** Factsheets of every school with pupils in at least one study year, by name. */
/** The schools that get a factsheet (and a page): those with enrolled pupils in some study year. */
export function factsheetSchools(scope: Pick<Scope, "schools" | "years">, counts: Map<string, YearCounts>): School[] {
  return scope.schools.filter((school) => scope.years.some((year) => countsFor(counts, school.id, year).enrolled > 0));
}

export function factsheets(scope: Scope, counts: Map<string, YearCounts>, statuses: CohortStatuses): Factsheet[] {
  const municipal = municipalCounts(scope, counts);
  const municipalYear = (year: number) => municipal.get(year) as YearCounts;
  const boards = groupBy(scope.schools, (s) => s.board);
  // Once per board and year, not once per school: a board may run hundreds of schools.
  const boardPcts = new Map(
    [...boards].map(([board, schools]) => [board, new Map(scope.years.map((year) => [year, pooledPct(counts, schools, year)]))])
  );
  const bySchool = attributionsBySchool(scope);
  const municipalCents = cohortCents(scope).reduce((s, c) => s + c, 0);
  const steps = scope.years.slice(1).map((to, i) => ({from: scope.years[i], to}));

  return factsheetSchools(scope, counts).map((school) => {
      const attributions = bySchool[scope.schoolPosition.get(school.id)!];
      // Each year's counts looked up once: the items below read them a dozen times a year, for every
      // school of every one-pupil report (disclosure/atoms.ts).
      const ofYear = new Map(scope.years.map((year) => [year, countsFor(counts, school.id, year)]));
      const at = (year: number) => ofYear.get(year) ?? countsFor(counts, school.id, year);
      return {
        ...schoolRef(school),
        board: school.board,
        years: scope.years.map((year) => ({
          year,
          trajectories: at(year).trajectories,
          pupils: at(year).pupils,
          trajectoriesPerPupil: trajectoriesPerPupil(at(year).trajectories, at(year).pupils),
          municipalTrajectoriesPerPupil: trajectoriesPerPupil(municipalYear(year).trajectories, municipalYear(year).pupils)
        })),
        growth: steps.map(({from, to}) => ({
          from,
          to,
          trajectoriesPct: growthPercentage(at(from).trajectories, at(to).trajectories),
          municipalTrajectoriesPct: growthPercentage(municipalYear(from).trajectories, municipalYear(to).trajectories),
          pupilsPct: growthPercentage(at(from).pupils, at(to).pupils),
          municipalPupilsPct: growthPercentage(municipalYear(from).pupils, municipalYear(to).pupils)
        })),
        shares: scope.years.map((year) => ({
          year,
          enrolled: at(year).enrolled,
          pct: percentage(at(year).pupils, at(year).enrolled, DECIMALS.factsheetPercentage),
          boardPct: boardPcts.get(school.board)?.get(year) ?? null,
          municipalPct: percentage(municipalYear(year).pupils, municipalYear(year).enrolled, DECIMALS.factsheetPercentage)
        })),
        careTypes: careTypeRows(scope, attributions.care, false),
        topCareTypes: topCareTypes(scope, attributions.care),
        costs: factsheetCosts(scope, attributions.cohort, statuses, municipalCents)
      };
    });
}
