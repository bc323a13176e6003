// The report's headline numbers as cards: pupils, share with youth care, spread between schools,
// trajectories per pupil, Eerste Keer Goed. Reads the public kerngetallen.json; formats in nl-NL.

import {formatCount, formatDecimal, formatPercent, formatShare, isSuppressedValue, monthsText, SUPPRESSED_DERIVED, withheldLegend, type SuppressedValue} from "../lib/format.js";
import {shownRange} from "./reportText.js";

type Published<T> = T | SuppressedValue | null;

interface SchoolExtreme {
  pct: number;
  schools: {schoolId: string; name: string}[];
}

export interface KeyFiguresData {
  latestYear: number;
  enrolledLatestYear: number;
  latest: {pupils: Published<number>; pct: Published<number>; trajectoriesPerPupil: Published<number>};
  lowestSchools: Published<SchoolExtreme>;
  highestSchools: Published<SchoolExtreme>;
  /** Schools compared for the range: those whose percentage is published. */
  extremesAmong: number;
  ekg: Published<number>;
}

function card(title: string, value: string, note: string): HTMLElement {
  const element = document.createElement("div");
  element.className = "card key-figure";
  // Each card grows to fill its row, so a short last row has no empty slot beside it.
  element.style.flex = "1 1 11rem";
  element.style.margin = "0";
  const heading = document.createElement("h2");
  heading.textContent = title;
  const big = document.createElement("span");
  big.className = "big";
  big.textContent = value;
  // "4% tot 16%" is one figure: never split over two lines.
  big.style.whiteSpace = "nowrap";
  const small = document.createElement("p");
  // Framework's "muted" grey is below 4.5:1 on a card's background (axe color-contrast).
  small.style.color = "var(--theme-foreground-alt)";
  small.style.margin = "0.25rem 0 0";
  small.textContent = note;
  element.append(heading, big, small);
  return element;
}

/** "4% tot 16%"; one mark when either end is withheld, "–" when no school's percentage is shown. */
function rangeText(lowest: Published<SchoolExtreme>, highest: Published<SchoolExtreme>): string {
  const range = shownRange(lowest, highest);
  if (range !== null) return `${formatPercent(range.lowest)} tot ${formatPercent(range.highest)}`;
  return isSuppressedValue(lowest) || isSuppressedValue(highest) ? SUPPRESSED_DERIVED : formatPercent(null);
}

/** The build's definitions the notes depend on (meta.json): what counts as youth care in a year, and
 *  the window of Eerste Keer Goed. */
export interface KeyFiguresRules {
  youthCareDefinition: "started" | "active";
  zorgpadMonths: number;
}

/** The cards, and below them the mark's one legend when a card shows it. */
export function KeyFigures(data: KeyFiguresData, rules: KeyFiguresRules = {youthCareDefinition: "started", zorgpadMonths: 6}): HTMLElement {
  const year = data.latestYear;
  const started = rules.youthCareDefinition === "started";
  const grid = document.createElement("div");
  grid.className = "grid";
  // Five cards wrap by width. A flex row, not Framework's grid: its rows are all as tall as the tallest
  // card (grid-auto-rows: 1fr) and a last row of two leaves an empty column.
  grid.style.display = "flex";
  grid.style.flexWrap = "wrap";
  grid.style.alignItems = "stretch";
  grid.setAttribute("aria-label", `Kerngetallen ${year}`);
  grid.setAttribute("role", "group");
  grid.append(
    card(`Leerlingen ${year}`, formatCount(data.enrolledLatestYear), "wonen in de gemeente en gaan er naar de basisschool"),
    card(
      "Met jeugdhulp",
      formatShare(data.latest.pupils, data.enrolledLatestYear, 1),
      isSuppressedValue(data.latest.pupils)
        ? `het aantal leerlingen dat in ${year} ${started ? "aan jeugdhulp begon" : "jeugdhulp kreeg"}, is afgeschermd`
        : started
          ? `${formatCount(data.latest.pupils)} leerlingen begonnen in ${year} aan jeugdhulp`
          : `${formatCount(data.latest.pupils)} leerlingen kregen in ${year} jeugdhulp`
    ),
    card(
      "Verschil tussen scholen",
      rangeText(data.lowestSchools, data.highestSchools),
      `laagste en hoogste percentage in ${year}, van de ${data.extremesAmong} scholen waarvan het percentage getoond wordt`
    ),
    card(
      "Trajecten per leerling",
      formatDecimal(data.latest.trajectoriesPerPupil, 2),
      `gemiddeld aantal trajecten per leerling met jeugdhulp in ${year}`
    ),
    card(
      "Eerste Keer Goed",
      formatPercent(data.ekg),
      `kreeg na het eerste traject binnen ${monthsText(rules.zorgpadMonths)} geen nieuw traject`
    )
  );
  // Plot-free (this is the landing page): the legend straight from format.ts, not chartParts.
  const mark = [data.latest.pupils, data.latest.trajectoriesPerPupil, data.lowestSchools, data.highestSchools, data.ekg].find(isSuppressedValue);
  if (mark === undefined) return grid;
  const figure = document.createElement("div");
  const note = document.createElement("p");
  note.style.color = "var(--theme-foreground-alt)";
  note.textContent = withheldLegend(mark.minCount);
  figure.append(grid, note);
  return figure;
}
