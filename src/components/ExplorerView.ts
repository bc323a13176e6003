// The explorer's results area: draws the figures for the filter form's value, again on every change
// of the form and of its own width. It draws synchronously inside the form's event, and rebuilds only
// the figures whose inputs changed (the age curve does not depend on the age filter, the funnel not
// on the years before the last): a filter change costs only what it changes.

import type {Cube} from "../lib/cube.js";
import {serializeState, type ExplorerState} from "../lib/explorerState.js";
import type {ExplorerForm} from "./ExplorerFilters.js";
import {explorerFigures} from "./ExplorerResults.js";

export interface ExplorerViewOptions {
  /** Called after every redraw caused by the form (the page writes the URL from it). */
  onState?: (state: ExplorerState) => void;
}

/** Narrower than this the charts stop being readable; the page scrolls instead. */
const MIN_WIDTH = 320;

export function ExplorerView(cube: Cube, form: ExplorerForm, {onState}: ExplorerViewOptions = {}): HTMLElement {
  const root = document.createElement("div");
  root.className = "explorer-results";
  const shown = new Map<string, {key: string; element: HTMLElement}>();
  let width = 0;

  const draw = () => {
    const figures = explorerFigures(cube, form.value, {width: Math.max(MIN_WIDTH, width || 640)});
    const elements = figures.map((figure) => {
      const current = shown.get(figure.name);
      if (current?.key === figure.key) return current.element;
      const element = figure.build();
      shown.set(figure.name, {key: figure.key, element});
      return element;
    });
    // Kept figures stay in place; only the rebuilt ones are swapped in.
    elements.forEach((element, i) => {
      const present = root.children[i];
      if (present !== element) (present ? present.replaceWith(element) : root.append(element));
    });
    // The tests and the benchmark wait for this: the view of exactly this state is drawn.
    root.dataset.state = serializeState(form.value, cube);
  };

  form.addEventListener("input", () => {
    draw();
    onState?.(form.value);
  });
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(([entry]) => {
      const observed = Math.floor(entry.contentRect.width);
      if (observed !== width) {
        width = observed;
        draw();
      }
    }).observe(root);
  }
  draw();
  return root;
}
