// @vitest-environment jsdom
// The explorer's filters in the browser history: a change pushes one entry once the filters rest,
// a burst of changes pushes one, and Back restores the filters and the figures from the address.
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";
import {ExplorerFilters} from "../../src/components/ExplorerFilters.js";
import {ExplorerView} from "../../src/components/ExplorerView.js";
import {Cube} from "../../src/lib/cube.js";
import {explorerMeta, explorerUnits} from "../fixtures/explorerCube.js";
import {explorerHistory, type HistoryWindow} from "../../src/lib/explorerHistory.js";
import {parseState} from "../../src/lib/explorerState.js";

const meta = explorerMeta;
const units = explorerUnits;
const enrolled = ["g", "b:1", "s:A1", "s:B2"].flatMap((eenheid) =>
  ["2018", "2019"].flatMap((jaar) => ["alle", "6-7"].map((leeftijd) => ({jaar, eenheid, leeftijd, leerlingen: "200"})))
);
const row = (eenheid: string, jeugdhulp: string, leeftijd = "alle") => ({
  jaar: "2019", eenheid, leeftijd, zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: "gestart",
  jeugdhulp, jeugdhulp_afgeschermd: "", trajecten: jeugdhulp, trajecten_afgeschermd: ""
});

/** A window with a history stack: pushState adds an entry, back() moves and fires popstate. */
function fakeWindow(search = "") {
  const entries = [search];
  let index = 0;
  const listeners: (() => void)[] = [];
  const location = {pathname: "/verkennen", search, hash: ""};
  const pushState = vi.fn((_: unknown, __: string, url: string) => {
    entries.splice(index + 1, Infinity, new URL(url, "http://x").search);
    index++;
    location.search = entries[index];
  });
  const go = (delta: number) => {
    index += delta;
    location.search = entries[index];
    listeners.forEach((l) => l());
  };
  const win: HistoryWindow = {
    history: {pushState},
    location,
    addEventListener: (_, listener) => listeners.push(listener),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (id) => window.clearTimeout(id)
  };
  return {win, pushState, location, back: () => go(-1), forward: () => go(1), entries: () => entries.length};
}

function setUp(search = "") {
  const cube = new Cube(meta, units, enrolled, [row("g", "20"), row("s:A1", "12"), row("s:B2", "8"), row("g", "6", "6-7")]);
  const fake = fakeWindow(search);
  const form = ExplorerFilters(cube, parseState(search, cube).state);
  const sync = explorerHistory(cube, form, fake.win, {delay: 500});
  const view = ExplorerView(cube, form, {loadVariant: async () => [], onState: sync.changed});
  return {cube, form, view, ...fake};
}

function change(form: HTMLFormElement, selector: string, update: (el: HTMLInputElement & HTMLSelectElement) => void): void {
  const el = form.querySelector(selector) as HTMLInputElement & HTMLSelectElement;
  update(el);
  el.dispatchEvent(new Event("change", {bubbles: true}));
}

const title = (view: HTMLElement) => view.querySelector(".chart-title")?.textContent;

describe("explorerHistory", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("a change pushes one entry once the filters rest for the delay, not before", () => {
    const {form, pushState} = setUp();
    change(form, "select[name=school]", (s) => ((s.options[0] as HTMLOptionElement).selected = true));
    vi.advanceTimersByTime(499);
    expect(pushState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(pushState).toHaveBeenCalledTimes(1);
    expect(pushState).toHaveBeenLastCalledWith(null, "", "/verkennen?school=A1");
  });

  test("a burst of changes within the delay is one entry", () => {
    const {form, pushState} = setUp();
    change(form, "select[name=leeftijd]", (s) => (s.value = "6-7"));
    vi.advanceTimersByTime(200);
    change(form, "select[name=school]", (s) => ((s.options[1] as HTMLOptionElement).selected = true));
    vi.advanceTimersByTime(200);
    change(form, "input[name=jaar][value='2018']", (b) => (b.checked = false));
    vi.advanceTimersByTime(600);
    expect(pushState).toHaveBeenCalledTimes(1);
    expect(pushState).toHaveBeenLastCalledWith(null, "", "/verkennen?jaar=2019&school=B2&leeftijd=6-7");
  });

  test("Back restores the earlier filters and figures; Forward the later ones; neither pushes", () => {
    const {form, view, pushState, location, back, forward} = setUp();
    expect(title(view)).toBe("In 2019: Heuvelrug 10,0% van de leerlingen met jeugdhulp");
    change(form, "select[name=school]", (s) => ((s.options[0] as HTMLOptionElement).selected = true));
    vi.advanceTimersByTime(600);
    // Akker: 12 of 200.
    expect(title(view)).toBe("In 2019: Akker 6,0% van de leerlingen met jeugdhulp");
    change(form, "select[name=leeftijd]", (s) => (s.value = "6-7"));
    vi.advanceTimersByTime(600);
    expect(location.search).toBe("?school=A1&leeftijd=6-7");
    expect(pushState).toHaveBeenCalledTimes(2);

    back();
    expect(location.search).toBe("?school=A1");
    expect(form.value.age).toBe("alle");
    expect((form.querySelector("select[name=leeftijd]") as HTMLSelectElement).value).toBe("alle");
    expect(view.dataset.state).toBe("school=A1");
    expect(title(view)).toBe("In 2019: Akker 6,0% van de leerlingen met jeugdhulp");
    back();
    expect(form.value.schools).toEqual([]);
    expect(title(view)).toBe("In 2019: Heuvelrug 10,0% van de leerlingen met jeugdhulp");
    forward();
    expect(form.value.schools).toEqual(["s:A1"]);
    vi.advanceTimersByTime(2000);
    // Restoring is no new choice: history keeps its three entries and its place.
    expect(pushState).toHaveBeenCalledTimes(2);
  });

  test("a link with unknown parts: going back to it restores its filters without pushing a clean copy", () => {
    const {form, pushState, back} = setUp("?zorgvorm=onbekend");
    change(form, "select[name=leeftijd]", (s) => (s.value = "6-7"));
    vi.advanceTimersByTime(600);
    expect(pushState).toHaveBeenCalledTimes(1);
    back();
    expect(form.value.age).toBe("alle");
    vi.advanceTimersByTime(2000);
    expect(pushState).toHaveBeenCalledTimes(1);
  });
});
