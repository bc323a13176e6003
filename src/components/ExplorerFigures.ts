// Everything the explorer shows for one filter state: the trend of the compared units, the funnel of
// all schools, care types and age groups of the first compared unit, and the table of the selection.
// Each chart sits in the report's ChartFigure (title, table, CSV); the report's funnel plot and
// care-type chart are reused as they are. Each figure comes with the key of its inputs, so
// ExplorerView builds only the ones a filter change touches.

import {toCsv, type Column} from "../lib/csv.js";
import type {Cube, CubeCell} from "../lib/cube.js";
import {comparedUnits, serializeState, type ExplorerState} from "../lib/explorerState.js";
import {ageRows, careTypeYears, focusUnit, focusYear, funnelTables, trajectoriesPerPupil, trendCells, type AgeRow} from "../lib/explorerViews.js";
import {formatCount, formatDecimal, formatPercent} from "../lib/format.js";
import {withheldNote} from "./chartParts.js";
import {CareTypeChart, careTypeColumns} from "./CareTypeChart.js";
import {ChartFigure, DataTable, downloadButton} from "./ChartFigure.js";
import {ExplorerAges} from "./ExplorerAges.js";
import {ExplorerTrend, undrawnUnits} from "./ExplorerTrend.js";
import {FunnelPlot, funnelColumns, funnelData, funnelFinding, type FunnelData} from "./FunnelPlot.js";
import {spreadEstimate, type Spread} from "../lib/funnel.js";
import {joinNames} from "./schoolTables.js";

const CELL_COLUMNS: Column<CubeCell>[] = [
  {label: "Eenheid", value: (c) => c.unit.name},
  {label: "Jaar", value: (c) => c.year},
  {label: "Leerlingen", value: (c) => c.enrolled, kind: "count"},
  {label: "Met jeugdhulp", value: (c) => c.pupils, kind: "count"},
  {label: "Percentage", value: (c) => c.pct, kind: "percent", decimals: 1},
  {label: "Trajecten", value: (c) => c.trajectories, kind: "count"},
  {label: "Trajecten per leerling", value: (c) => trajectoriesPerPupil(c), kind: "number", decimals: 2}
];

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

export function trendTitle(cells: CubeCell[], compared: string[]): string {
  const last = cells.filter((c) => compared.includes(c.unit.code) && c.year === Math.max(...cells.map((x) => x.year)));
  const shown = last.filter((c) => typeof c.pct === "number");
  if (shown.length === 0) {
    return `In ${last[0].year} is het percentage van ${joinNames(last.map((c) => c.unit.name))} afgeschermd`;
  }
  const parts = shown.map((c) => `${c.unit.name} ${formatPercent(c.pct as number, 1)}`);
  return `In ${last[0].year}: ${parts.join(", ")} van de leerlingen met jeugdhulp`;
}

/** One figure of the results: `key` holds everything it depends on, so an unchanged figure is kept. */
export interface ExplorerFigure {
  name: string;
  key: string;
  build: () => HTMLElement;
}

/** The funnel's coverages with the normal quantile of each (statistics.json `coverages`, `z`). */
export type Quantiles = Pick<Spread, "coverages" | "z">;

/** φ and τ² of the funnel's schools (perturbed counts, so φ reads a little high), or null. */
export function funnelSpread(data: FunnelData, quantiles: Quantiles | undefined): {phi: number; spread: Spread | null} | null {
  if (data.p === null || data.p <= 0 || data.p >= 1 || data.points.length < 2) return null;
  const {phi, tau2} = spreadEstimate(data.points.map((d) => ({r: d.pupils, n: d.enrolled})), data.p);
  return {phi, spread: quantiles ? {tau2, coverages: quantiles.coverages, z: quantiles.z} : null};
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
      key: key(state.years, compared, state.board, filters),
      build: () => {
        const cells = trendCells(cube, state);
        return ChartFigure(ExplorerTrend(cells, {width, compared}), {
          title: trendTitle(cells, compared),
          description: `Leerlingen met jeugdhulp als percentage van alle leerlingen, per jaar (${selection}).`,
          columns: CELL_COLUMNS,
          rows: cells,
          filename: `verkennen-per-jaar-${slug}.csv`,
          lazy: true,
          note:
            [
              cells.some((c) => !compared.includes(c.unit.code)) ? "Gestippeld: ter vergelijking." : null,
              undrawnUnits(cells).length > 0 ? `Niet getekend (elk jaar afgeschermd): ${joinNames(undrawnUnits(cells))}.` : null,
              withheldNote(cells.map((c) => c.pupils))
            ]
              .filter(Boolean)
              .join(" ") || undefined
        });
      }
    },
    {
      name: "funnel",
      key: key(year, state.board, highlight, filters, state.limits),
      build: () => {
        const tables = funnelTables(cube, state);
        const estimate = funnelSpread(funnelData(tables), quantiles);
        const spread = state.limits === "overdispersie" ? (estimate?.spread ?? null) : null;
        const funnel = funnelData(tables, spread);
        const reference = state.board ? cube.unitByCode.get(state.board)!.name : "gemeente";
        const around = state.board ? reference : "de gemeente";
        const limits = spread ? "de grenzen van toeval plus de gewone verschillen tussen scholen" : "de grenzen van toeval";
        const phi = estimate
          ? ` φ = ${formatDecimal(estimate.phi, 2)}: de scholen verschillen ${formatDecimal(estimate.phi, 1)} keer zo veel als toeval alleen geeft (op de licht verstoorde aantallen, dus iets te hoog).`
          : "";
        return ChartFigure(FunnelPlot(tables, {width, highlight, referenceLabel: reference, spread}), {
          title: funnel.p === null ? `Geen trechter voor ${year}: het percentage van ${around} is afgeschermd` : funnelFinding(funnel),
          description: `Elke school in ${year}: percentage met jeugdhulp tegen het aantal leerlingen, met ${limits} rond ${around} (${selection}).${phi}`,
          columns: funnelColumns(funnel),
          rows: funnel.points,
          filename: `verkennen-trechter-${year}-${slugOf({...state, years: cube.meta.years, schools: highlight ? [highlight] : []})}.csv`,
          lazy: true,
          note:
            funnel.withheld.length > 0
              ? `Niet getekend (afgeschermd): ${formatCount(funnel.withheld.length)} ${funnel.withheld.length === 1 ? "school" : "scholen"}.`
              : undefined
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
      key: key(state.years, compared, state.board, filters),
      build: () => {
        // The selection as an open table: every compared unit and its reference, every chosen year.
        const cells = trendCells(cube, state);
        const section = document.createElement("section");
        section.className = "explorer-table";
        const title = document.createElement("h3");
        title.textContent = "De selectie in een tabel";
        const scroll = document.createElement("div");
        scroll.style.overflowX = "auto";
        scroll.append(DataTable(CELL_COLUMNS, cells, {caption: `Leerlingen met jeugdhulp per eenheid en jaar (${selection})`}));
        section.append(title, scroll, downloadButton(() => toCsv(CELL_COLUMNS, cells), `verkennen-selectie-${slug}.csv`));
        return section;
      }
    }
  ];
}
