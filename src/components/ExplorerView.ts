// The explorer's results area: draws the figures for the filter form's value, again on every change
// of the form and of its own width. It draws synchronously inside the form's event, and rebuilds only
// the figures whose inputs changed (the age curve does not depend on the age filter, the funnel not
// on the years before the last): a filter change costs only what it changes. A variant of the cube
// not yet in memory (another DBC, dyslexia or definition choice) is loaded first; as many are kept
// as fit a budget of rows.

import {variantKey, type CompactVariant, type Cube} from "../lib/cube.js";
import {serializeState, type ExplorerState} from "../lib/explorerState.js";
import type {ExplorerForm} from "./ExplorerFilters.js";
import {explorerFigures, type Quantiles} from "./ExplorerFigures.js";

export interface ExplorerViewOptions {
  /** The cells of one variant ("met-uit-gestart"): its compact file (or CSV rows, in tests). */
  loadVariant: (key: string) => Promise<CompactVariant | Record<string, string>[]>;
  /** Called after every redraw caused by the form (the page writes the URL from it). */
  onState?: (state: ExplorerState) => void;
  /** Cells kept in memory (12 bytes each as typed columns): all eight variants of a municipality
   *  and of a national cube (some 170 000 cells a variant); a bigger cube drops the oldest. */
  keepRows?: number;
  /** The funnel's coverages and their normal quantiles (statistics.json), for the over-dispersed limits; its α for the verdict on φ. */
  quantiles?: Quantiles;
}

/** Narrower than this the charts stop being readable; the page scrolls instead. */
const MIN_WIDTH = 320;

export function ExplorerView(cube: Cube, form: ExplorerForm, {loadVariant, onState, keepRows = 4_000_000, quantiles}: ExplorerViewOptions): HTMLElement {
  const root = document.createElement("div");
  root.className = "explorer-results";
  root.setAttribute("aria-busy", "false");
  const status = document.createElement("p");
  status.className = "explorer-status";
  status.setAttribute("role", "status");
  const shown = new Map<string, {key: string; element: HTMLElement}>();
  let width = 0;
  let loading: Promise<void> | null = null;

  const render = () => {
    const figures = explorerFigures(cube, form.value, {width: Math.max(MIN_WIDTH, width || 640), quantiles});
    const elements = figures.map((figure) => {
      const current = shown.get(figure.name);
      if (current?.key === figure.key) return current.element;
      const element = figure.build();
      shown.set(figure.name, {key: figure.key, element});
      return element;
    });
    status.remove();
    // Kept figures stay in place; only the rebuilt ones are swapped in.
    elements.forEach((element, i) => {
      const present = root.children[i];
      if (present !== element) (present ? present.replaceWith(element) : root.append(element));
    });
    // The tests and the benchmark wait for this: the view of exactly this state is drawn.
    root.dataset.state = serializeState(form.value, cube);
  };

  const load = async (key: string) => {
    root.setAttribute("aria-busy", "true");
    status.textContent = "Cijfers laden…";
    root.prepend(status);
    try {
      cube.addVariant(key, await loadVariant(key));
      // The oldest variants go first; the one just loaded always stays.
      for (const old of cube.loadedVariants().slice(0, -1)) {
        if (cube.loadedVariants().reduce((n, k) => n + cube.variantRows(k), 0) <= keepRows) break;
        cube.dropVariant(old);
      }
    } catch (error) {
      status.textContent = `De cijfers konden niet worden geladen: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      root.setAttribute("aria-busy", "false");
    }
  };

  /** Draws now when the variant is in memory, else after loading it (the latest state wins). */
  const draw = () => {
    const key = variantKey(form.value);
    if (cube.hasVariant(form.value)) return render();
    loading ??= load(key).finally(() => (loading = null));
    // A failed load is shown in the status line; the next filter change tries again.
    loading.then(() => (cube.hasVariant(form.value) ? render() : draw()), () => {});
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
        if (cube.hasVariant(form.value)) render();
      }
    }).observe(root);
  }
  draw();
  return root;
}
