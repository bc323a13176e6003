// publishReport: the only way a report leaves loaders/. Every count of pupils or trajectories with
// youth care goes through the suppression rule, and everything derived from such a count is
// suppressed with it. The PublicReport type is the same shape as the Report with every sensitive
// field typed Public<…>: a bare number does not compile there.

import type {Settings} from "./model.js";
import {withoutAbsent, type PartialReport, type Report, type ReportOf} from "./report.js";
import {
  isSuppressed,
  suppressCount,
  suppressCountFrom,
  suppressDerived,
  suppressParts,
  withheldCount,
  type Public,
  type PublicSource
} from "./suppression.js";
import type {AgeCount, AgeTables} from "./tables/ages.js";
import type {CareTypeRow, CareTypeTables, ProviderRow, YearCount} from "./tables/careTypes.js";
import {compositeKey} from "./tables/common.js";
import {LORENZ, type CostBandRow, type CostTable} from "./tables/costs.js";
import type {DbcTables} from "./tables/dbc.js";
import {factorTables, type CrossTable, type FactorTables, type SchoolFactors} from "./tables/factors.js";
import type {Factsheet} from "./tables/factsheet.js";
import {schoolExtreme, type Kerngetallen} from "./tables/kerngetallen.js";
import type {OutflowTable} from "./tables/outflow.js";
import {growthPatternGroups, type MunicipalYear, type SchoolRow, type SchoolTables} from "./tables/schools.js";
import type {ScopeTable} from "./tables/scope.js";
import type {StatusTables} from "./tables/status.js";
import {publishStatistics} from "./publishStatistics.js";

export type PublicReport = ReportOf<"public">;

type Sources = [PublicSource, ...PublicSource[]];

/** Per school and year, the published pupil and trajectory counts; shared by Tabel 6 and the factsheets. */
interface SchoolCounts {
  pupils(schoolId: string, year: number): Public<number>;
  trajectories(schoolId: string, year: number): Public<number>;
}

/**
 * Counts withheld on top of the rules, chosen over the whole release (loaders/disclosure/secondary.ts).
 * The Publisher numbers every count it decides, in the order it decides them; that order follows the
 * report's structure, not its values, so a number names the same count in every run. A `probe` run
 * publishes those numbers in place of the counts (PROBE_BASE + n): read back by path, they say which
 * number to withhold for which published count (loaders/disclosure/withholding.ts).
 */
export type Withholding = {kind: "probe"} | {kind: "withhold"; counts: ReadonlySet<number>};

export const PROBE_BASE = 1_000_000_000;

class Publisher {
  private decided = 0;

  constructor(
    private readonly settings: Settings,
    private readonly withholding?: Withholding
  ) {}

  /** Every published count passes here once, after its rule. */
  private decide(n: number, ruled: Public<number>): Public<number> {
    const id = this.decided++;
    if (this.withholding?.kind === "probe") return (PROBE_BASE + id) as Public<number>;
    if (this.withholding?.counts.has(id) && !isSuppressed(ruled)) return withheldCount(this.settings);
    return ruled;
  }

  count(n: number): Public<number> {
    return this.decide(n, suppressCount(n, this.settings));
  }

  parts(parts: number[]): Public<number>[] {
    return suppressParts(parts, this.settings).map((ruled, i) => this.decide(parts[i], ruled));
  }

  /** A count that also reveals other counts (e.g. raw minus restarts): hidden when they are. */
  countFrom(n: number, sources: PublicSource[]): Public<number> {
    return this.decide(n, suppressCountFrom(n, sources, this.settings));
  }

  yearCounts(rows: YearCount[]): YearCount<"public">[] {
    return rows.map(({year, pupils}) => ({year, pupils: this.count(pupils)}));
  }

  careTypeRows(rows: CareTypeRow[]): CareTypeRow<"public">[] {
    return rows.map((row) => ({...row, perYear: this.yearCounts(row.perYear)}));
  }

  /**
   * Providers keep their order by total, except that those with a hidden total move to the end by
   * name: among themselves the order by size would rank the hidden counts.
   */
  providerRows(rows: ProviderRow[]): ProviderRow<"public">[] {
    const published = rows.map((row) => ({...row, perYear: this.yearCounts(row.perYear), total: this.count(row.total)}));
    const hidden = (r: ProviderRow<"public">) => isSuppressed(r.total);
    return [...published.filter((r) => !hidden(r)), ...published.filter(hidden).sort((a, b) => a.provider.localeCompare(b.provider, "nl"))];
  }

  /** Bands partition the pupils counted, so they are suppressed as parts of that total. */
  costBands(rows: CostBandRow[], total: Public<number>): CostBandRow<"public">[] {
    const pupils = this.partsOf(total, rows.map((r) => r.pupils));
    return rows.map((row, i) => ({lower: row.lower, upper: row.upper, label: row.label, pupils: pupils[i], pct: suppressDerived(row.pct, [pupils[i], total])}));
  }

  histogram(rows: AgeCount[]): AgeCount<"public">[] {
    const pupils = this.parts(rows.map((r) => r.pupils));
    return rows.map((row, i) => ({age: row.age, pupils: pupils[i]}));
  }

  ages(tables: AgeTables): AgeTables<"public"> {
    return {
      ages: tables.ages,
      years: tables.years.map((y) => ({
        year: y.year,
        withDyslexia: this.histogram(y.withDyslexia),
        withoutDyslexia: this.histogram(y.withoutDyslexia),
        perCareType: y.perCareType.map((c) => ({...c, ages: this.histogram(c.ages)})),
        // Enrolment counts are not sensitive: they pass as they are.
        ...(y.enrolled ? {enrolled: y.enrolled} : {})
      }))
    };
  }

  scope(table: ScopeTable): ScopeTable<"public"> {
    const [inScope, startedBeforeWindow, startedAfterWindow, startedWithoutEnrolment] = this.parts([
      table.inScope,
      table.startedBeforeWindow,
      table.startedAfterWindow,
      table.startedWithoutEnrolment
    ]);
    return {
      ...table,
      trajectories: this.count(table.trajectories),
      inScope,
      startedBeforeWindow,
      startedAfterWindow,
      startedWithoutEnrolment
    };
  }

  dbc(table: DbcTables): DbcTables<"public"> {
    const total = this.count(table.tabel1Total);
    const restarts = this.parts(table.tabel1.map((r) => r.restarts));
    return {
      transitionYear: table.transitionYear,
      tabel1: table.tabel1.map((row, i) => ({...row, restarts: restarts[i]})),
      tabel1Total: total,
      tabel2: table.tabel2.map((row) => {
        const raw = this.count(row.raw);
        // Raw minus corrected is the number of restarts, so a corrected count hides with them.
        const corrected = row.corrected === row.raw ? this.count(row.corrected) : this.countFrom(row.corrected, [raw, total]);
        return {year: row.year, raw, corrected};
      })
    };
  }

  careTypes(tables: CareTypeTables): CareTypeTables<"public"> {
    return {
      tabel3: this.careTypeRows(tables.tabel3),
      providers: this.providerRows(tables.providers),
      providerCount: tables.providerCount
    };
  }

  status(tables: StatusTables): StatusTables<"public"> {
    const cohort = this.count(tables.cohortPupils);
    const statusPupils = this.parts(tables.figuur1.map((r) => r.pupils));
    const bandPupils = this.parts(tables.tabel4.map((r) => r.pupils));
    return {
      statusDate: tables.statusDate,
      cohortPupils: cohort,
      figuur1: tables.figuur1.map((row, i) => ({
        ...row,
        pupils: statusPupils[i],
        pct: suppressDerived(row.pct, [statusPupils[i], cohort])
      })),
      tabel4: tables.tabel4.map((row, i) => ({...row, pupils: bandPupils[i]}))
    };
  }

  costs(table: CostTable): CostTable<"public"> {
    const pupils = this.count(table.pupils);
    const expensive = this.count(table.concentration.pupils);
    return {
      pupils,
      bands: this.costBands(table.bands, pupils),
      concentration: {
        threshold: table.concentration.threshold,
        pupils: expensive,
        pctPupils: suppressDerived(table.concentration.pctPupils, [expensive, pupils]),
        pctCost: suppressDerived(table.concentration.pctCost, [expensive, pupils])
      },
      extreme: {threshold: table.extreme.threshold, pupils: this.count(table.extreme.pupils)},
      // The curve's steps each hold enough pupils (LORENZ); on a small cohort it is withheld whole,
      // marked with the cohort size it needs.
      lorenz: suppressDerived(table.lorenz, [suppressCount(table.pupils, {suppression: {minCount: LORENZ.minPupils}})])
    };
  }

  outflow(table: OutflowTable): OutflowTable<"public"> {
    const steps: OutflowTable<"public">["steps"] = [];
    let continuing: Public<number> | null = null;
    for (const step of table.steps) {
      // The pupils at step k + 1 are the pupils with a next trajectory at step k.
      const pupils: Public<number> = continuing === null ? this.count(step.pupils) : this.countFrom(step.pupils, [continuing]);
      const outcomes = this.parts(step.outcomes.map((o) => o.pupils));
      const first: Public<number> = steps.length === 0 ? pupils : steps[0].pupils;
      steps.push({
        step: step.step,
        pupils,
        per100: suppressDerived(step.per100, [pupils, first]),
        outcomes: step.outcomes.map((o, i) => ({
          ...o,
          pupils: outcomes[i],
          pct: suppressDerived(o.pct, [outcomes[i], pupils])
        }))
      });
      continuing = outcomes[step.outcomes.findIndex((o) => o.outcome === "volgend_traject")];
    }
    const uitstroom = steps[0].outcomes.find((o) => o.outcome === "uitstroom");
    return {steps, ekg: uitstroom ? suppressDerived(table.ekg, [uitstroom.pupils, steps[0].pupils]) : null};
  }

  /** Per year, the schools' counts are parts of the municipal total. */
  schoolCounts(years: number[], schools: Factsheet[]): SchoolCounts {
    const pupils = new Map<string, Public<number>>();
    const trajectories = new Map<string, Public<number>>();
    years.forEach((year, y) => {
      const pupilParts = this.parts(schools.map((f) => f.years[y].pupils));
      const trajectoryParts = this.parts(schools.map((f) => f.years[y].trajectories));
      schools.forEach((f, i) => {
        pupils.set(compositeKey(f.schoolId, year), pupilParts[i]);
        trajectories.set(compositeKey(f.schoolId, year), trajectoryParts[i]);
      });
    });
    // A school without a factsheet has no pupils in any study year: nothing to hide.
    const lookup = (map: Map<string, Public<number>>) => (schoolId: string, year: number) =>
      map.get(compositeKey(schoolId, year)) ?? this.count(0);
    return {pupils: lookup(pupils), trajectories: lookup(trajectories)};
  }

  municipalYears(years: MunicipalYear[]): MunicipalYear<"public">[] {
    return years.map((y) => {
      const pupils = this.count(y.pupils);
      const trajectories = this.count(y.trajectories);
      return {
        year: y.year,
        enrolled: y.enrolled,
        pupils,
        pct: suppressDerived(y.pct, [pupils]),
        trajectories,
        trajectoriesPerPupil: suppressDerived(y.trajectoriesPerPupil, [trajectories, pupils])
      };
    });
  }

  schoolRow(row: SchoolRow, counts: SchoolCounts): SchoolRow<"public"> {
    const pupilsIn = (year: number) => counts.pupils(row.schoolId, year);
    const all = row.years.map((y) => pupilsIn(y.year)) as Sources;
    return {
      schoolId: row.schoolId,
      name: row.name,
      enrolledLatestYear: row.enrolledLatestYear,
      years: row.years.map((y) => ({
        year: y.year,
        enrolled: y.enrolled,
        pupils: pupilsIn(y.year),
        pct: suppressDerived(y.pct, [pupilsIn(y.year)])
      })),
      growth: row.growth.map((g) => ({...g, category: suppressDerived(g.category, [pupilsIn(g.from), pupilsIn(g.to)])})),
      growthPattern: suppressDerived(row.growthPattern, all),
      useCategory: suppressDerived(row.useCategory, [all[all.length - 1]])
    };
  }

  /**
   * Tabel 6 keeps its order, except that schools whose latest percentage is hidden move to the end
   * (by name): their place between two published percentages would give the hidden one away.
   */
  schools(tables: SchoolTables, counts: SchoolCounts): SchoolTables<"public"> {
    const rows = tables.tabel6.map((row) => this.schoolRow(row, counts));
    const hiddenLatest = (r: SchoolRow<"public">) => isSuppressed(r.years[r.years.length - 1].pct);
    const tabel6 = [...rows.filter((r) => !hiddenLatest(r)), ...rows.filter(hiddenLatest).sort((a, b) => a.name.localeCompare(b.name, "nl"))];
    return {
      tabel6,
      total: {enrolledLatestYear: tables.total.enrolledLatestYear, years: this.municipalYears(tables.total.years)},
      growthPatterns: growthPatternGroups(tabel6)
    };
  }

  /** Each school's factors with its use category as Tabel 6 publishes it. */
  factorSchools(tables: FactorTables, schools: SchoolTables<"public">): SchoolFactors<"public">[] {
    const useOf = new Map(schools.tabel6.map((r) => [r.schoolId, r.useCategory]));
    return tables.schools.map((s) => ({...s, useCategory: useOf.get(s.schoolId) ?? null}));
  }

  factors(tables: FactorTables, schools: SchoolTables<"public">): FactorTables<"public"> {
    if (tables.schools.length === 0) return factorTablesOfNoSchool(this.settings);
    return withoutInterviewAnswers(factorTables(this.settings, this.factorSchools(tables, schools)));
  }

  kerngetallen(k: Kerngetallen, parts: Pick<PublicReport, "schools" | "outflow" | "status">): Kerngetallen<"public"> {
    // The extremes compare only the schools whose latest percentage is published: a withheld
    // school's value stays unknown (including it could reveal its count), and the published range
    // says over how many schools it runs.
    const shown = parts.schools.tabel6.filter((r) => !isSuppressed(r.years[r.years.length - 1].pct));
    const shownCounts = shown.map((r) => r.years[r.years.length - 1].pupils);
    const extremeSources = (shownCounts.length > 0 ? shownCounts : [null]) as Sources;
    // Published percentages are the raw whole percentages of those schools (branded, not changed).
    const rawRows = shown.map((r) => ({schoolId: r.schoolId, name: r.name, years: r.years as unknown as SchoolRow["years"]}));
    const perYear = parts.schools.total.years;
    return {
      latestYear: k.latestYear,
      enrolledLatestYear: k.enrolledLatestYear,
      latest: perYear[perYear.length - 1],
      lowestSchools: suppressDerived(schoolExtreme(rawRows, 1), extremeSources),
      highestSchools: suppressDerived(schoolExtreme(rawRows, -1), extremeSources),
      extremesAmong: shown.length,
      ekg: parts.outflow.ekg,
      cohortPupils: parts.status.cohortPupils,
      providerCount: k.providerCount,
      pctInCareAtStatusDate: parts.status.figuur1.find((r) => r.status === "in_zorg")?.pct ?? null,
      perYear
    };
  }

  /**
   * Parts of a total that may itself be hidden (by the rule or to protect another school's count
   * in the municipal total): parts that all show would add up to it.
   */
  partsOf(total: Public<number>, parts: number[]): Public<number>[] {
    return suppressParts(parts, this.settings, isSuppressed(total)).map((ruled, i) => this.decide(parts[i], ruled));
  }

  /**
   * The members of a union (pupils per care type against the year's pupils): when only one member
   * holds pupils it equals the union, so it hides with it.
   */
  unionMembers(union: Public<number>, members: number[]): Public<number>[] {
    const sole = members.filter((n) => n > 0).length === 1;
    return members.map((n) => (sole && n > 0 ? this.countFrom(n, [union]) : this.count(n)));
  }

  /** A union (the school's cohort over its years) equals its only member that holds pupils. */
  unionOf(n: number, members: {raw: number; published: Public<number>}[]): Public<number> {
    const holding = members.filter((m) => m.raw > 0);
    return holding.length === 1 ? this.countFrom(n, [holding[0].published]) : this.count(n);
  }

  /** Per year, a factsheet's care-type rows as members of the year's pupils. */
  perYearMembers<R extends {perYear: YearCount[]}>(rows: R[], pupilsIn: (year: number) => Public<number>): YearCount<"public">[][] {
    const published = rows.map((row) => row.perYear.map(({year}) => ({year, pupils: this.count(0)})));
    rows[0]?.perYear.forEach(({year}, y) => {
      const cells = this.unionMembers(pupilsIn(year), rows.map((row) => row.perYear[y].pupils));
      cells.forEach((cell, r) => (published[r][y].pupils = cell));
    });
    return published;
  }

  /**
   * Item 7 repeats item 5's cell of the latest year. Like Tabel 6 and the providers, the care types
   * with a hidden count move to the end (by label): their place between published counts would
   * bound them.
   */
  topCareTypes(rows: Factsheet["topCareTypes"], cellOf: (careType: string) => Public<number>): Factsheet<"public">["topCareTypes"] {
    const published = rows.map((t) => ({...t, pupils: cellOf(t.careType)}));
    const hidden = (t: (typeof published)[number]) => isSuppressed(t.pupils);
    return [...published.filter((t) => !hidden(t)), ...published.filter(hidden).sort((a, b) => a.label.localeCompare(b.label, "nl"))];
  }

  factsheetCosts(costs: Factsheet["costs"], years: Factsheet["years"], pupilsIn: (year: number) => Public<number>): Factsheet<"public">["costs"] {
    // The cohort's pupils at the school are the union of its years' pupils when youth care counts
    // by start year.
    const pupils =
      this.settings.youthCareDefinition === "started"
        ? this.unionOf(costs.pupils, years.map((y) => ({raw: y.pupils, published: pupilsIn(y.year)})))
        : this.count(costs.pupils);
    // Those still in care and those who are not partition the pupils: the second must not follow.
    const [stillInCare] = this.partsOf(pupils, [costs.stillInCare, costs.pupils - costs.stillInCare]);
    return {
      pupils,
      bands: this.costBands(costs.bands, pupils),
      shareOfMunicipalCostPct: suppressDerived(costs.shareOfMunicipalCostPct, [pupils]),
      stillInCare
    };
  }

  factsheet(f: Factsheet, counts: SchoolCounts, municipal: MunicipalYear<"public">[], boardCounts: (board: string, year: number) => Sources): Factsheet<"public"> {
    const pupilsIn = (year: number) => counts.pupils(f.schoolId, year);
    const trajectoriesIn = (year: number) => counts.trajectories(f.schoolId, year);
    const municipalIn = (year: number) => municipal.find((m) => m.year === year) as MunicipalYear<"public">;
    const boardSources = (year: number) => boardCounts(f.board, year);
    const careTypePerYear = this.perYearMembers(f.careTypes, pupilsIn);
    const careTypes = f.careTypes.map((row, r) => ({...row, perYear: careTypePerYear[r]}));
    const careTypeIn = (careType: string, year: number): Public<number> =>
      careTypes.find((c) => c.careType === careType)?.perYear.find((y) => y.year === year)?.pupils ?? this.count(0);
    const latestYear = f.years[f.years.length - 1].year;
    return {
      schoolId: f.schoolId,
      name: f.name,
      board: f.board,
      years: f.years.map((y) => ({
        year: y.year,
        trajectories: trajectoriesIn(y.year),
        pupils: pupilsIn(y.year),
        trajectoriesPerPupil: suppressDerived(y.trajectoriesPerPupil, [trajectoriesIn(y.year), pupilsIn(y.year)]),
        municipalTrajectoriesPerPupil: municipalIn(y.year).trajectoriesPerPupil
      })),
      growth: f.growth.map((g) => ({
        from: g.from,
        to: g.to,
        trajectoriesPct: suppressDerived(g.trajectoriesPct, [trajectoriesIn(g.from), trajectoriesIn(g.to)]),
        municipalTrajectoriesPct: suppressDerived(g.municipalTrajectoriesPct, [municipalIn(g.from).trajectories, municipalIn(g.to).trajectories]),
        pupilsPct: suppressDerived(g.pupilsPct, [pupilsIn(g.from), pupilsIn(g.to)]),
        municipalPupilsPct: suppressDerived(g.municipalPupilsPct, [municipalIn(g.from).pupils, municipalIn(g.to).pupils])
      })),
      shares: f.shares.map((s) => ({
        year: s.year,
        enrolled: s.enrolled,
        pct: suppressDerived(s.pct, [pupilsIn(s.year)]),
        // Pooled over the board's schools, so any hidden school of the board hides it.
        boardPct: suppressDerived(s.boardPct, boardSources(s.year)),
        municipalPct: suppressDerived(s.municipalPct, [municipalIn(s.year).pupils])
      })),
      careTypes,
      topCareTypes: this.topCareTypes(f.topCareTypes, (careType) => careTypeIn(careType, latestYear)),
      costs: this.factsheetCosts(f.costs, f.years, pupilsIn)
    };
  }
}

/**
 * The factor tables over no school, once per settings: every one-pupil report of the disclosure model
 * (disclosure/unitCounts.ts) has them, and their cross tables and exact tests were about a third of
 * publishing one (1,2 M of them for a country). Keyed by the settings object: openPublish keeps
 * one per settings for exactly this. Frozen, since every such report shares them.
 */
const noSchoolFactors = new WeakMap<Settings, FactorTables<"public">>();
function factorTablesOfNoSchool(settings: Settings): FactorTables<"public"> {
  let tables = noSchoolFactors.get(settings);
  if (tables === undefined) noSchoolFactors.set(settings, (tables = deepFreeze(withoutInterviewAnswers(factorTables(settings, [])))));
  return tables;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Per board and year, its schools' published pupil counts (the sources of each school's board share),
 * made once per board and year: asked per school, a board of n schools cost n² lookups (a country's
 * synthetic boards hold up to 1 592 schools: 21 M a publishing).
 */
function boardCountsOf(factsheets: readonly Factsheet[], counts: SchoolCounts): (board: string, year: number) => Sources {
  const schoolsOf = new Map<string, string[]>();
  for (const f of factsheets) {
    const schools = schoolsOf.get(f.board);
    if (schools) schools.push(f.schoolId);
    else schoolsOf.set(f.board, [f.schoolId]);
  }
  const made = new Map<string, Map<number, Sources>>();
  return (board, year) => {
    let byYear = made.get(board);
    if (!byYear) made.set(board, (byYear = new Map()));
    let sources = byYear.get(year);
    if (!sources) byYear.set(year, (sources = (schoolsOf.get(board) ?? []).map((id) => counts.pupils(id, year)) as Sources));
    return sources;
  };
}

/**
 * What schools told the researchers (the dorpsteam grade, the IB'ers' experience and number, the
 * school's own estimate of its families' SES) is confidential: the 2020 report printed only counts.
 * The public report keeps the counts per cell and drops the per-school answers and the school
 * names in those tables. Size, neighbourhood SES and SOT come from registers and stay named.
 */
function withoutInterviewAnswers(tables: FactorTables<"public">): FactorTables<"public"> {
  const anonymous = (table: CrossTable): CrossTable => ({...table, cells: table.cells.map((cell) => ({...cell, members: []}))});
  return {
    ...tables,
    schools: tables.schools.map((s) => ({...s, dorpsteamRating: null, ibExperience: null, ibCount: null, sesSelfReported: null})),
    tabel9: anonymous(tables.tabel9),
    interviews: tables.interviews.map(anonymous)
  };
}

export function publishReport(report: Report, settings: Settings, withholding?: Withholding): PublicReport {
  return publishReportParts(report, settings, withholding) as PublicReport;
}

/**
 * publishReport on the parts a report has (computeReportParts in report.ts), each by the same rules.
 * The Publisher numbers the counts in the order it decides them (Withholding), so the parts a report
 * leaves out shift that numbering: withholding is for whole reports only.
 */
export function publishReportParts(report: PartialReport, settings: Settings, withholding?: Withholding): PartialReport<"public"> {
  const p = new Publisher(settings, withholding);
  const counts = report.factsheets && p.schoolCounts(report.meta.years, report.factsheets);
  const schools = report.schools && p.schools(report.schools, needed(counts, "factsheets"));
  const parts = {
    scope: report.scope && p.scope(report.scope),
    dbc: report.dbc && p.dbc(report.dbc),
    careTypes: report.careTypes && p.careTypes(report.careTypes),
    status: report.status && p.status(report.status),
    costs: report.costs && p.costs(report.costs),
    outflow: report.outflow && p.outflow(report.outflow),
    schools,
    factors: report.factors && p.factors(report.factors, needed(schools, "schools")),
    ages: report.ages && p.ages(report.ages)
  };
  const boardCounts = report.factsheets && boardCountsOf(report.factsheets, needed(counts, "factsheets"));
  return withoutAbsent({
    meta: report.meta,
    kerngetallen:
      report.kerngetallen &&
      p.kerngetallen(report.kerngetallen, {schools: needed(schools, "schools"), outflow: needed(parts.outflow, "outflow"), status: needed(parts.status, "status")}),
    ...parts,
    factsheets:
      report.factsheets &&
      report.factsheets.map((f) => p.factsheet(f, needed(counts, "factsheets"), needed(schools, "schools").total.years, needed(boardCounts, "factsheets"))),
    statistics:
      report.statistics &&
      publishStatistics(report.statistics, {
        pupils: needed(counts, "factsheets").pupils,
        factorSchools: p.factorSchools(needed(report.factors, "factors"), needed(schools, "schools")),
        municipal: {raw: needed(report.schools, "schools").total.years, published: needed(schools, "schools").total.years},
        settings
      })
  });
}

/** A part that another part is published with (computeReportParts computes them together). */
function needed<T>(part: T | undefined, name: string): T {
  if (part === undefined) throw new Error(`publishReportParts: het rapportdeel ${name} ontbreekt`);
  return part;
}
