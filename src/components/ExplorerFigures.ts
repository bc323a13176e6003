// Everything the explorer shows for one filter state: the trend of the compared units, the funnel of
// all schools, care types and age groups of the first compared unit, and the table of the selection.
// Each chart sits in the report's ChartFigure (title, table, CSV); the report's funnel plot and
// care-type chart are reused as they are. Each figure comes with the key of its inputs, so
// ExplorerView builds only the ones a filter change touches.

import {toCsv, type Column} from "../lib/csv.js";
import type {Cube, CubeCell} from "../lib/cube.js";
import {comparedUnits, serializeState, type ExplorerState} from "../lib/explorerState.js";
import {
  ageRows,
  careTypeYears,
  focusUnit,
  focusYear,
  funnelTables,
  schoolTests,
  spreadTest,
  standardised,
  trajectoriesPerPupil,
  trendCells,
  type AgeRow,
  type SchoolTest,
  type ShownCell
} from "../lib/explorerViews.js";
import {formatCount, formatDecimal, formatPercent} from "../lib/format.js";
import {withheldNote} from "./chartParts.js";
import {CareTypeChart, careTypeColumns} from "./CareTypeChart.js";
import {ChartFigure, DataTable, downloadButton} from "./ChartFigure.js";
import {ExplorerAges} from "./ExplorerAges.js";
import {ExplorerTrend, undrawnUnits} from "./ExplorerTrend.js";
import {COVERAGES, coverageLabel, FunnelPlot, funnelColumns, funnelData, funnelFinding, MAX_LABELS, type FunnelData, type FunnelPoint} from "./FunnelPlot.js";
import type {Overdispersion, Spread} from "../lib/funnel.js";
import {formatP, pValueText} from "./CrossTable.js";
import {joinNames} from "./schoolTables.js";

const CELL_COLUMNS: Column<ShownCell>[] = [
  {label: "Eenheid", value: (c) => c.unit.name},
  {label: "Jaar", value: (c) => c.year},
  {label: "Leerlingen", value: (c) => c.enrolled, kind: "count"},
  {label: "Met jeugdhulp", value: (c) => c.pupils, kind: "count"},
  {label: "Percentage", value: (c) => c.crude, kind: "percent", decimals: 1},
  {label: "Trajecten", value: (c) => c.trajectories, kind: "count"},
  {label: "Trajecten per leerling", value: (c) => trajectoriesPerPupil(c), kind: "number", decimals: 2}
];

/** Beside the crude percentage under "percentages=leeftijd": what the age mix predicts, and the ratio. */
const STANDARDISED_COLUMNS: Column<ShownCell>[] = [
  {label: "Verwacht bij deze leeftijden", value: (c) => c.standardised?.expected ?? null, kind: "number", decimals: 1},
  {label: "Waargenomen / verwacht", value: (c) => c.standardised?.ratio ?? null, kind: "number", decimals: 2},
  {label: "Percentage gecorrigeerd voor leeftijd", value: (c) => c.standardised?.pct ?? null, kind: "percent", decimals: 1}
];

function cellColumns(state: ExplorerState): Column<ShownCell>[] {
  return state.rates === "ruw" ? CELL_COLUMNS : [...CELL_COLUMNS.slice(0, 5), ...STANDARDISED_COLUMNS, ...CELL_COLUMNS.slice(5)];
}

/** Next to every statistic computed from the cube: its counts are perturbed. */
export const PERTURBED_CAVEAT = "Berekend op de aantallen van deze pagina, die voor een deel licht verstoord zijn: lees het als een benadering.";

const AGE_COLUMNS: Column<AgeRow>[] = [
  {label: "Leeftijd", value: (r) => r.label},
  {label: "Jaar", value: (r) => r.year},
  {label: "Leerlingen", value: (r) => r.enrolled, kind: "count"},
  {label: "Met jeugdhulp", value: (r) => r.pupils, kind: "count"},
  {label: "Per 100 leerlingen", value: (r) => r.per100, kind: "number", decimals: 1}
];

/**
 * The filters in words, for titles and the CSV: "basis GGZ, 8–9 jaar, zonder dyslexiezorg". A figure
 * that shows every care type or age group omits that filter (it is kept when only that filter changes).
 */
export function selectionText(cube: Cube, state: ExplorerState, {omit}: {omit?: "careType" | "age"} = {}): string {
  const careType = cube.meta.careTypes.find((c) => c.key === state.careType)!.label;
  const age = cube.meta.ages.find((a) => a.key === state.age)!.label;
  return [
    omit === "careType" ? null : careType.toLocaleLowerCase("nl").replace("ggz", "GGZ"),
    omit === "age" ? null : age,
    state.dyslexia === "zonder" ? "zonder dyslexiezorg" : null,
    state.dbc === "aan" ? "met DBC-correctie" : null,
    state.definition === "actief" ? "in zorg tijdens het jaar" : "traject gestart in het jaar"
  ]
    .filter((p) => p !== null)
    .join(", ");
}

export function trendTitle(cells: (CubeCell & Partial<Pick<ShownCell, "standardised">>)[], compared: string[]): string {
  const last = cells.filter((c) => compared.includes(c.unit.code) && c.year === Math.max(...cells.map((x) => x.year)));
  const shown = last.filter((c) => typeof c.pct === "number");
  if (shown.length === 0) {
    return `In ${last[0].year} is het percentage van ${joinNames(last.map((c) => c.unit.name))} afgeschermd`;
  }
  const parts = shown.map((c) => `${c.unit.name} ${formatPercent(c.pct as number, 1)}`);
  const standardisedRates = shown.some((c) => c.standardised);
  return `In ${last[0].year}: ${parts.join(", ")} van de leerlingen met jeugdhulp${standardisedRates ? ", gecorrigeerd voor leeftijd" : ""}`;
}

/** One figure of the results: `key` holds everything it depends on, so an unchanged figure is kept. */
export interface ExplorerFigure {
  name: string;
  key: string;
  build: () => HTMLElement;
}

/** The funnel's coverages with the normal quantile of each, and the report's α (statistics.json `coverages`, `z`, `alpha`). */
export type Quantiles = Pick<Spread, "coverages" | "z"> & {alpha?: number};

/** φ, its χ² test and τ² of the funnel's schools (perturbed counts, so φ reads a little high), or null. */
export function funnelSpread(data: FunnelData, quantiles: Quantiles | undefined): {test: Overdispersion; spread: Spread | null} | null {
  if (data.p === null) return null;
  const test = spreadTest(data.points.map((d) => ({r: d.pupils, n: d.enrolled})), data.p);
  if (test === null) return null;
  return {test, spread: quantiles ? {tau2: test.tau2, coverages: quantiles.coverages, z: quantiles.z} : null};
}

/** φ and its test in words (the verdict at the report's α, when known), with the caveat that the counts are perturbed. */
export function spreadSentence(test: Overdispersion, alpha?: number): string {
  const verdict =
    alpha === undefined ? "" : `: de scholen verschillen ${test.pValue < alpha ? "meer" : "niet duidelijk meer"} dan toeval alleen geeft`;
  return (
    `Spreiding tussen de ${formatCount(test.units)} scholen: φ = ${formatDecimal(test.phi, 2)} (1 = alleen toeval); ` +
    `χ² = ${formatDecimal(test.chiSquare, 1)} bij ${formatCount(test.degreesOfFreedom)} vrijheidsgraden, ${formatP(test.pValue)}${verdict}. ` +
    `${PERTURBED_CAVEAT} De verstoring zelf voegt wat spreiding toe, dus φ is eerder iets te hoog.`
  );
}

/**
 * The per-school tests in words: how many schools differ from the centre at α, raw or, with
 * "correctie=holm", after Holm over all of them (the table lists each school's p-values).
 */
export function testsSentence(tests: Map<string, SchoolTest>, state: Pick<ExplorerState, "rates" | "tests">, alpha: number | undefined): string | null {
  if (tests.size === 0 || alpha === undefined) return null;
  const values = [...tests.values()];
  const below = (field: keyof SchoolTest) => values.filter((t) => t[field] < alpha).length;
  const against = state.rates === "leeftijd" ? "waargenomen tegen verwacht" : "tegen het midden van de trechter";
  const raw = `Toets per school (exact, ${against}): bij ${formatCount(below("pValue"))} van de ${formatCount(tests.size)} scholen is p kleiner dan ${formatDecimal(alpha, 2)}`;
  return state.tests === "holm"
    ? `${raw}; na de correctie van Holm voor ${formatCount(tests.size)} toetsen nog bij ${formatCount(below("holmP"))}.`
    : `${raw} (zonder correctie voor het aantal toetsen).`;
}

/** How the age-standardised percentages are made, and that they rest on perturbed counts. */
export const STANDARDISED_NOTE =
  "Gecorrigeerd voor leeftijd: per school het aantal dat te verwachten is als elke leeftijdsgroep even vaak jeugdhulp kreeg " +
  "als in de hele gemeente (indirecte standaardisatie). Het percentage is waargenomen / verwacht × het percentage van de gemeente. " +
  PERTURBED_CAVEAT;

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "explorer-note";
  p.textContent = text;
  return p;
}

/**
 * The funnel's table and CSV: as in the report, and under age standardisation the observed and
 * expected counts and their ratio instead of a (no longer whole) count of pupils.
 */
function explorerFunnelColumns(cube: Cube, state: ExplorerState, funnel: FunnelData, tests: Map<string, SchoolTest>): Column<FunnelPoint>[] {
  const p = (field: keyof SchoolTest) => (d: FunnelPoint) => {
    const test = tests.get(d.schoolId);
    return test ? pValueText(test[field]) : "–";
  };
  const testColumns: Column<FunnelPoint>[] = [
    {label: "p-waarde", value: p("pValue")},
    ...(state.tests === "holm" ? [{label: "Na Holm-correctie", value: p("holmP")}] : [])
  ];
  const columns = [...funnelColumns(funnel), ...testColumns];
  if (state.rates === "ruw") return columns;
  const year = focusYear(state);
  const of = (d: FunnelPoint) => standardised(cube, year, d.schoolId, state);
  return columns.flatMap((column): Column<FunnelPoint>[] => {
    if (column.label === "Met jeugdhulp") {
      return [
        {label: "Met jeugdhulp", value: (d) => of(d)?.observed ?? null, kind: "count"},
        {label: "Verwacht bij deze leeftijden", value: (d) => of(d)?.expected ?? null, kind: "number", decimals: 1},
        {label: "Waargenomen / verwacht", value: (d) => of(d)?.ratio ?? null, kind: "number", decimals: 2}
      ];
    }
    return column.label === "Percentage" ? [{...column, label: "Percentage gecorrigeerd voor leeftijd"}] : [column];
  });
}

export function explorerFigures(cube: Cube, state: ExplorerState, {width = 640, quantiles}: {width?: number; quantiles?: Quantiles} = {}): ExplorerFigure[] {
  const selection = selectionText(cube, state);
  const compared = comparedUnits(state, cube);
  // A file name from the filters a figure depends on: a kept figure keeps a name that fits it.
  const slugOf = (s: ExplorerState) => serializeState(s, cube).replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "standaard";
  const slug = slugOf(state);
  const focusState = {...state, schools: state.schools.slice(0, 1)};
  const filters = [state.age, state.careType, state.dyslexia, state.dbc, state.definition];
  const year = focusYear(state);
  const unit = cube.unitByCode.get(focusUnit(cube, state))!;
  const highlight = compared.find((c) => c.startsWith("s:")) ?? null;
  const key = (...parts: unknown[]) => JSON.stringify([width, ...parts]);

  return [
    {
      name: "trend",
      key: key(state.years, compared, state.board, filters, state.rates),
      build: () => {
        const cells = trendCells(cube, state);
        return ChartFigure(ExplorerTrend(cells, {width, compared}), {
          title: trendTitle(cells, compared),
          description: `Leerlingen met jeugdhulp als percentage van alle leerlingen${state.rates === "leeftijd" ? ", gecorrigeerd voor leeftijd" : ""}, per jaar (${selection}).`,
          columns: cellColumns(state),
          rows: cells,
          filename: `verkennen-per-jaar-${slug}.csv`,
          lazy: true,
          note:
            [
              cells.some((c) => !compared.includes(c.unit.code)) ? "Gestippeld: ter vergelijking." : null,
              undrawnUnits(cells).length > 0 ? `Niet getekend (elk jaar afgeschermd): ${joinNames(undrawnUnits(cells))}.` : null,
              withheldNote(cells.map((c) => c.pupils)),
              state.rates === "leeftijd" ? STANDARDISED_NOTE : null
            ]
              .filter(Boolean)
              .join(" ") || undefined
        });
      }
    },
    {
      name: "funnel",
      key: key(year, state.board, highlight, filters, state.limits, state.rates, state.tests),
      build: () => {
        const tables = funnelTables(cube, state);
        const binomial = funnelData(tables);
        const estimate = funnelSpread(binomial, quantiles);
        const spread = state.limits === "overdispersie" ? (estimate?.spread ?? null) : null;
        const funnel = spread ? funnelData(tables, spread) : binomial;
        const tests = schoolTests(cube, state, funnel.points, funnel.p);
        const reference = state.board ? cube.unitByCode.get(state.board)!.name : "gemeente";
        const around = state.board ? reference : "de gemeente";
        const limits = spread ? "de grenzen van toeval plus de gewone verschillen tussen scholen" : "de grenzen van toeval";
        const rates = state.rates === "leeftijd" ? "percentage met jeugdhulp, gecorrigeerd voor leeftijd," : "percentage met jeugdhulp";
        const pointTitle =
          state.rates === "leeftijd"
            ? (d: FunnelPoint) => {
                const s = standardised(cube, year, d.schoolId, state);
                return `${d.name}\n${formatPercent(d.pct, 1)} gecorrigeerd voor leeftijd${s ? ` (waargenomen ${formatCount(s.observed)}, verwacht ${formatDecimal(s.expected, 1)})` : ""}`;
              }
            : undefined;
        return ChartFigure(FunnelPlot(tables, {width, highlight, referenceLabel: reference, around: state.board ? `het percentage van ${reference}` : undefined, pointTitle, data: funnel}), {
          title: funnel.p === null ? `Geen trechter voor ${year}: het percentage van ${around} is afgeschermd` : funnelFinding(funnel),
          description: `Elke school in ${year}: ${rates} tegen het aantal leerlingen, met ${limits} rond ${around} (${selection}).`,
          columns: explorerFunnelColumns(cube, state, funnel, tests),
          rows: funnel.points,
          filename: `verkennen-trechter-${year}-${slugOf({...state, years: cube.meta.years, schools: highlight ? [highlight] : []})}.csv`,
          lazy: true,
          note:
            [
              testsSentence(tests, state, quantiles?.alpha),
              estimate ? spreadSentence(estimate.test, quantiles?.alpha) : null,
              state.rates === "leeftijd" ? STANDARDISED_NOTE : null,
              funnel.withheld.length > 0 ? `Niet getekend (afgeschermd): ${formatCount(funnel.withheld.length)} ${funnel.withheld.length === 1 ? "school" : "scholen"}.` : null,
              funnel.points.filter((d) => d.outside998 !== null).length > MAX_LABELS
                ? `Met naam in de grafiek: de ${MAX_LABELS} scholen die het verst buiten de ${coverageLabel(COVERAGES[1])}-grenzen liggen. De tabel toont alle scholen.`
                : null
            ]
              .filter(Boolean)
              .join(" ") || undefined
        });
      }
    },
    {
      name: "careTypes",
      key: key(unit.code, state.years, state.age, state.dyslexia, state.dbc, state.definition),
      build: () => {
        const careTypes = careTypeYears(cube, state);
        return ChartFigure(CareTypeChart(careTypes, {width}), {
          title: `Zorgvormen bij ${unit.name}`,
          description: `Leerlingen met jeugdhulp per zorgvorm en jaar (alle zorgvormen; ${selectionText(cube, state, {omit: "careType"})}).`,
          columns: careTypeColumns(careTypes),
          rows: careTypes,
          filename: `verkennen-zorgvormen-${slugOf({...focusState, careType: "alle"})}.csv`,
          lazy: true,
          note: withheldNote(careTypes.flatMap((r) => r.perYear.map((y) => y.pupils)))
        });
      }
    },
    {
      name: "ages",
      key: key(unit.code, state.years, state.careType, state.dyslexia, state.dbc, state.definition),
      build: () => {
        const ages = ageRows(cube, state);
        return ChartFigure(ExplorerAges(ages, {width}), {
          title: `Jeugdhulp naar leeftijd bij ${unit.name}`,
          description: `Leerlingen met jeugdhulp per 100 leerlingen van die leeftijd op 1 juli (alle leeftijdsgroepen; ${selectionText(cube, state, {omit: "age"})}).`,
          columns: AGE_COLUMNS,
          rows: ages,
          filename: `verkennen-leeftijden-${slugOf({...focusState, age: "alle"})}.csv`,
          lazy: true,
          note: withheldNote(ages.map((r) => r.pupils))
        });
      }
    },
    {
      name: "table",
      key: key(state.years, compared, state.board, filters, state.rates),
      build: () => {
        // The selection as an open table: every compared unit and its reference, every chosen year.
        const cells = trendCells(cube, state);
        const section = document.createElement("section");
        section.className = "explorer-table";
        const title = document.createElement("h3");
        title.textContent = "De selectie in een tabel";
        const scroll = document.createElement("div");
        scroll.style.overflowX = "auto";
        const columns = cellColumns(state);
        scroll.append(DataTable(columns, cells, {caption: `Leerlingen met jeugdhulp per eenheid en jaar (${selection})`}));
        section.append(title, scroll, downloadButton(() => toCsv(columns, cells), `verkennen-selectie-${slug}.csv`));
        if (state.rates === "leeftijd") section.append(paragraph(STANDARDISED_NOTE));
        return section;
      }
    }
  ];
}
