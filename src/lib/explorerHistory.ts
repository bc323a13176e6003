// The explorer's filters in the browser history. A deliberate change gets its own history entry, so
// Back returns to the filters before it; changes that follow each other within `delay` ms (a
// keyboard running through a list, several clicks in a row) become one entry, so history is not
// flooded and Chromium's ~15 ms per pushState does not slow every redraw. Back and Forward restore
// the filters, and with them the figures, from the address.

import type {Cube} from "./cube.js";
import {parseState, serializeState, type ExplorerState} from "./explorerState.js";

/** The part of the filter form this needs (ExplorerFilters' form). */
export interface StateForm {
  value: ExplorerState;
  setState: (state: ExplorerState) => void;
}

/** The part of `window` this needs: a test can pass a fake. */
export interface HistoryWindow {
  history: Pick<History, "pushState">;
  location: Pick<Location, "pathname" | "search" | "hash">;
  addEventListener: (type: "popstate", listener: () => void) => void;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export interface ExplorerHistory {
  /** Call after every change of the filters (ExplorerView's onState). */
  changed: (state: ExplorerState) => void;
}

export function explorerHistory(cube: Cube, form: StateForm, win: HistoryWindow, {delay = 600}: {delay?: number} = {}): ExplorerHistory {
  /** The filters of the current history entry, as a query: what Back would leave. */
  let current = serializeState(parseState(win.location.search, cube).state, cube);
  let timer: number | undefined;

  win.addEventListener("popstate", () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    const {state} = parseState(win.location.search, cube);
    const query = serializeState(state, cube);
    // A change of only the #fragment keeps the filters.
    if (query === current && query === serializeState(form.value, cube)) return;
    current = query;
    form.setState(state);
  });

  return {
    changed: (state) => {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        timer = undefined;
        const query = serializeState(state, cube);
        if (query === current) return;
        current = query;
        win.history.pushState(null, "", `${win.location.pathname}${query ? `?${query}` : ""}${win.location.hash}`);
      }, delay);
    }
  };
}
