// The explorer's results area: draws ExplorerResults for the filter form's value, again on every
// change of the form and of its own width. It draws synchronously inside the form's event, so a
// filter change costs only the figures themselves — no wait for a reactive cell or a resize frame.

import type {Cube} from "../lib/cube.js";
import type {ExplorerState} from "../lib/explorerState.js";
import type {ExplorerForm} from "./ExplorerFilters.js";
import {ExplorerResults} from "./ExplorerResults.js";

export interface ExplorerViewOptions {
  /** Called after every redraw caused by the form (the page writes the URL from it). */
  onState?: (state: ExplorerState) => void;
}

/** Narrower than this the charts stop being readable; the page scrolls instead. */
const MIN_WIDTH = 320;

export function ExplorerView(cube: Cube, form: ExplorerForm, {onState}: ExplorerViewOptions = {}): HTMLElement {
  const box = document.createElement("div");
  box.className = "explorer-view";
  let width = 0;
  const draw = () => box.replaceChildren(ExplorerResults(cube, form.value, {width: Math.max(MIN_WIDTH, width || 640)}));
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
    }).observe(box);
  }
  draw();
  return box;
}
