// The explorer's filter form. Its `value` is an ExplorerState and it fires "input" on every change,
// so a page can `view()` it. Plain form controls with labels: keyboard and screen readers work as
// in any form, and a select of thousands of schools stays one element.

import type {Cube} from "../lib/cube.js";
import {defaultState, type ExplorerState} from "../lib/explorerState.js";

export type ExplorerForm = HTMLFormElement & {
  value: ExplorerState;
  /** Shows a state in the controls and redraws as if the reader chose it (reset, Back and Forward). */
  setState: (state: ExplorerState) => void;
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelled(text: string, control: HTMLElement, hint?: string): HTMLElement {
  const label = element("label", {className: "explorer-field"}, element("span", {className: "explorer-label"}, text), control);
  if (hint) label.append(element("span", {className: "explorer-hint"}, hint));
  return label;
}

function options(select: HTMLSelectElement, entries: [string, string][], selected: (value: string) => boolean): void {
  select.replaceChildren(...entries.map(([value, text]) => element("option", {value, textContent: text, selected: selected(value)})));
}

export function ExplorerFilters(cube: Cube, initial: ExplorerState): ExplorerForm {
  const form = element("form", {className: "explorer-filters", ariaLabel: "Filters"}) as ExplorerForm;
  form.addEventListener("submit", (event) => event.preventDefault());

  const years = element("fieldset", {className: "explorer-years"}, element("legend", {textContent: "Jaren"}));
  const yearBoxes = cube.meta.years.map((year) => {
    const box = element("input", {type: "checkbox", name: "jaar", value: String(year)});
    years.append(element("label", {}, box, ` ${year}`));
    return box;
  });

  const board = element("select", {name: "bestuur"});
  options(board, [["", "Alle besturen"], ...cube.unitsAt("bestuur").map((u): [string, string] => [u.code, u.name])], () => false);
  const schools = element("select", {name: "school", multiple: true, size: 8});
  const careType = element("select", {name: "zorgvorm"});
  options(careType, cube.meta.careTypes.map((c): [string, string] => [c.key, c.label]), () => false);
  const age = element("select", {name: "leeftijd"});
  options(age, cube.meta.ages.map((a): [string, string] => [a.key, a.label]), () => false);
  const dyslexia = element("input", {type: "checkbox", name: "dyslexie"});
  const dbc = element("input", {type: "checkbox", name: "dbc"});
  const spread = element("input", {type: "checkbox", name: "grenzen"});
  const rates = element("input", {type: "checkbox", name: "percentages"});
  const tests = element("input", {type: "checkbox", name: "correctie"});
  const definition = element("fieldset", {className: "explorer-definition"}, element("legend", {textContent: "Jeugdhulp in een jaar"}));
  const definitionRadios = (
    [
      ["gestart", "traject gestart in het jaar"],
      ["actief", "in zorg tijdens het jaar"]
    ] as const
  ).map(([value, text]) => {
    const radio = element("input", {type: "radio", name: "definitie", value});
    definition.append(element("label", {}, radio, ` ${text}`));
    return radio;
  });
  const reset = element("button", {type: "button", textContent: "Standaardweergave"});

  // Rebuilt only when the board changes, and otherwise only the options whose choice changes are
  // touched: a national cube offers thousands of schools.
  let schoolsOfBoard: string | null = null;
  let optionOf = new Map<string, HTMLOptionElement>();
  let selectedCodes = new Set<string>();
  const fillSchools = (selected: string[]) => {
    const chosen = new Set(selected);
    if (schoolsOfBoard !== board.value) {
      schoolsOfBoard = board.value;
      options(schools, cube.unitsAt("school", board.value || null).map((u): [string, string] => [u.code, u.name]), (code) => chosen.has(code));
      optionOf = new Map([...schools.options].map((o) => [o.value, o]));
    } else {
      for (const code of selectedCodes) if (!chosen.has(code) && optionOf.has(code)) optionOf.get(code)!.selected = false;
      for (const code of chosen) if (optionOf.has(code)) optionOf.get(code)!.selected = true;
    }
    selectedCodes = chosen;
  };

  const show = (state: ExplorerState) => {
    yearBoxes.forEach((box) => (box.checked = state.years.includes(Number(box.value))));
    board.value = state.board ?? "";
    fillSchools(state.schools);
    careType.value = state.careType;
    age.value = state.age;
    dyslexia.checked = state.dyslexia === "met";
    dyslexia.disabled = state.careType === cube.meta.dyslexiaCareType;
    dbc.checked = state.dbc === "aan";
    definitionRadios.forEach((radio) => (radio.checked = radio.value === state.definition));
    spread.checked = state.limits === "overdispersie";
    rates.checked = state.rates === "leeftijd";
    tests.checked = state.tests === "holm";
    form.value = state;
  };

  const read = (): ExplorerState => {
    const chosenYears = yearBoxes.filter((b) => b.checked).map((b) => Number(b.value));
    const chosenCareType = careType.value;
    const dyslexiaCare = chosenCareType === cube.meta.dyslexiaCareType || dyslexia.checked;
    return {
      // Without any year nothing can be shown: the last year unticked comes back.
      years: chosenYears.length > 0 ? chosenYears : [...form.value.years],
      board: board.value || null,
      schools: [...schools.selectedOptions].map((o) => o.value),
      careType: chosenCareType,
      age: age.value,
      dyslexia: dyslexiaCare ? "met" : "zonder",
      dbc: dbc.checked ? "aan" : "uit",
      definition: definitionRadios.find((r) => r.checked)?.value === "actief" ? "actief" : "gestart",
      limits: spread.checked ? "overdispersie" : "binomiaal",
      rates: rates.checked ? "leeftijd" : "ruw",
      tests: tests.checked ? "holm" : "ruw"
    };
  };

  const changed = () => {
    show(read());
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  form.addEventListener("change", (event) => {
    // A new board offers other schools; the chosen ones of the old board no longer apply.
    if (event.target === board) schools.selectedIndex = -1;
    changed();
  });
  form.setState = (state) => {
    show(state);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  reset.addEventListener("click", () => form.setState(defaultState(cube)));

  form.append(
    years,
    labelled("Schoolbestuur", board),
    labelled("Scholen vergelijken", schools, "Ctrl- of Cmd-klik kiest meer scholen."),
    labelled("Zorgvorm", careType),
    labelled("Leeftijd (op 1 juli)", age),
    element("label", {className: "explorer-check"}, dyslexia, " dyslexiezorg meetellen"),
    element("label", {className: "explorer-check"}, dbc, " DBC-correctie toepassen"),
    definition,
    element("label", {className: "explorer-check"}, spread, " trechter: gewone verschillen tussen scholen meerekenen"),
    element("label", {className: "explorer-check"}, rates, " percentages gecorrigeerd voor leeftijd"),
    element("label", {className: "explorer-check"}, tests, " toets per school: correctie van Holm"),
    reset
  );
  // Stop the form's own "input" events (every keystroke in a select) from reaching view() early:
  // the state changes on "change", and only then is "input" re-fired with the new value.
  form.addEventListener("input", (event) => {
    if (event.target !== form) event.stopImmediatePropagation();
  }, {capture: true});
  show(initial);
  return form;
}
