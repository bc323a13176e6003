// @vitest-environment jsdom
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {SlideDeck, counterText, deckAction, slideFromHash, targetIndex, type SlideDeckController} from "../../src/components/SlideDeck.js";

describe("slideFromHash", () => {
  it("reads '#5' as the fifth slide, index 4", () => {
    expect(slideFromHash("#5", 12)).toBe(4);
  });

  it("opens the last slide for a number past the end ('#99' of 12 → index 11)", () => {
    expect(slideFromHash("#99", 12)).toBe(11);
  });

  it("opens the first slide for '#0' and '#-3'", () => {
    expect(slideFromHash("#0", 12)).toBe(0);
    expect(slideFromHash("#-3", 12)).toBe(0);
  });

  it("is null for an empty hash, a heading anchor or a number with other characters", () => {
    expect(slideFromHash("", 12)).toBeNull();
    expect(slideFromHash("#inhoud", 12)).toBeNull();
    expect(slideFromHash("#5a", 12)).toBeNull();
    expect(slideFromHash("#2.5", 12)).toBeNull();
  });

  it("is null in a deck without slides", () => {
    expect(slideFromHash("#1", 0)).toBeNull();
  });
});

describe("deckAction", () => {
  it("maps the presenter's keys to actions", () => {
    const keys = ["ArrowRight", "PageDown", " ", "ArrowLeft", "PageUp", "Home", "End", "f", "F", "n", "N"];
    expect(keys.map((key) => deckAction({key}))).toEqual([
      "next", "next", "next", "previous", "previous", "first", "last", "fullscreen", "fullscreen", "notes", "notes"
    ]);
  });

  it("goes back on Shift+space", () => {
    expect(deckAction({key: " ", shiftKey: true})).toBe("previous");
  });

  it("leaves other keys and browser shortcuts (Ctrl, Cmd, Alt) alone", () => {
    expect(deckAction({key: "a"})).toBeNull();
    expect(deckAction({key: "Enter"})).toBeNull();
    expect(deckAction({key: "ArrowDown"})).toBeNull();
    expect(deckAction({key: "f", ctrlKey: true})).toBeNull();
    expect(deckAction({key: "ArrowLeft", altKey: true})).toBeNull();
    expect(deckAction({key: "End", metaKey: true})).toBeNull();
  });

  it("ignores keys typed into an input, a textarea, a select or an element inside a contenteditable", () => {
    const input = document.createElement("input");
    const textarea = document.createElement("textarea");
    const select = document.createElement("select");
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    const inner = editable.appendChild(document.createElement("span"));
    for (const target of [input, textarea, select, inner]) {
      expect(deckAction({key: "ArrowRight", target})).toBeNull();
      expect(deckAction({key: "n", target})).toBeNull();
    }
  });

  it("leaves the space bar to a focused button, but the arrows still turn the slide", () => {
    const focused = document.createElement("button");
    expect(deckAction({key: " ", target: focused})).toBeNull();
    expect(deckAction({key: "ArrowRight", target: focused})).toBe("next");
  });
});

describe("targetIndex and counterText", () => {
  it("moves one slide and stays inside a deck of 12", () => {
    expect(targetIndex("next", 4, 12)).toBe(5);
    expect(targetIndex("previous", 4, 12)).toBe(3);
    expect(targetIndex("next", 11, 12)).toBe(11);
    expect(targetIndex("previous", 0, 12)).toBe(0);
    expect(targetIndex("first", 7, 12)).toBe(0);
    expect(targetIndex("last", 0, 12)).toBe(11);
  });

  it("counts from 1 for people: index 4 of 12 reads '5 / 12'", () => {
    expect(counterText(4, 12)).toBe("5 / 12");
  });
});

describe("SlideDeck", () => {
  let root: HTMLElement;
  let deck: SlideDeckController | null = null;

  const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
    target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, ...init}));
  const visible = () => [...root.querySelectorAll<HTMLElement>(".slide")].filter((s) => !s.hidden).map((s) => s.querySelector("h2")?.textContent);
  const counter = () => root.querySelector(".deck-counter")?.textContent;

  beforeEach(() => {
    history.replaceState(null, "", "/presentatie");
    root = document.createElement("div");
    root.innerHTML = ["Een", "Twee", "Drie", "Vier"]
      .map((title, i) => `<section class="slide"><h2 id="dia-${i + 1}">${title}</h2><aside class="notes"><p>Notitie ${title}</p></aside></section>`)
      .join("");
    document.body.append(root);
  });

  afterEach(() => {
    deck?.destroy();
    deck = null;
    root.remove();
  });

  it("shows only the first slide, counts '1 / 4' and writes #1 when the URL has no slide number", () => {
    deck = SlideDeck(root);
    expect(visible()).toEqual(["Een"]);
    expect(counter()).toBe("1 / 4");
    expect(location.hash).toBe("#1");
    expect((root.querySelector(".deck-previous") as HTMLButtonElement).disabled).toBe(true);
  });

  it("opens the slide the URL names: #3 shows 'Drie'", () => {
    history.replaceState(null, "", "/presentatie#3");
    deck = SlideDeck(root);
    expect(visible()).toEqual(["Drie"]);
    expect(counter()).toBe("3 / 4");
  });

  it("opens the last slide for #99", () => {
    history.replaceState(null, "", "/presentatie#99");
    deck = SlideDeck(root);
    expect(visible()).toEqual(["Vier"]);
    expect(location.hash).toBe("#4");
  });

  it("walks with →, space, ← and End/Home, and keeps the hash and the counter in step", () => {
    deck = SlideDeck(root);
    const seen: [string | null | undefined, string | null | undefined, string][] = [];
    const note = () => seen.push([visible()[0], counter(), location.hash]);
    press("ArrowRight"), note();
    press(" "), note();
    press("ArrowLeft"), note();
    press("End"), note();
    press("ArrowRight"), note(); // already at the end
    press("Home"), note();
    expect(seen).toEqual([
      ["Twee", "2 / 4", "#2"],
      ["Drie", "3 / 4", "#3"],
      ["Twee", "2 / 4", "#2"],
      ["Vier", "4 / 4", "#4"],
      ["Vier", "4 / 4", "#4"],
      ["Een", "1 / 4", "#1"]
    ]);
  });

  it("cancels the browser's own action for a key it handles (space would scroll) and not for others", () => {
    deck = SlideDeck(root);
    expect(press(" ")).toBe(false);
    expect(press("a")).toBe(true);
  });

  it("does not turn the slide for a key typed in an input", () => {
    const input = document.createElement("input");
    root.querySelector(".slide")!.append(input);
    deck = SlideDeck(root);
    press("ArrowRight", {}, input);
    expect(visible()).toEqual(["Een"]);
  });

  it("follows a hash change: #2 shows 'Twee', a heading's anchor shows its slide, an unknown id changes nothing", () => {
    deck = SlideDeck(root);
    location.hash = "#2";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(visible()).toEqual(["Twee"]);
    location.hash = "#dia-4";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(visible()).toEqual(["Vier"]);
    expect(location.hash).toBe("#4");
    location.hash = "#bestaat-niet";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(visible()).toEqual(["Vier"]);
  });

  it("toggles the notes with N and with the button, and reports the state in aria-pressed", () => {
    deck = SlideDeck(root);
    const button = root.querySelector<HTMLButtonElement>(".deck-notes")!;
    expect(root.classList.contains("deck-notes-shown")).toBe(false);
    press("n");
    expect(root.classList.contains("deck-notes-shown")).toBe(true);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    button.click();
    expect(root.classList.contains("deck-notes-shown")).toBe(false);
    expect(button.getAttribute("aria-pressed")).toBe("false");
    expect(deck.toggleNotes(true)).toBe(true);
  });

  it("turns slides with the previous and next buttons, disabling next on the last slide", () => {
    deck = SlideDeck(root);
    const next = root.querySelector<HTMLButtonElement>(".deck-next")!;
    next.click(), next.click(), next.click();
    expect(visible()).toEqual(["Vier"]);
    expect(next.disabled).toBe(true);
    root.querySelector<HTMLButtonElement>(".deck-previous")!.click();
    expect(visible()).toEqual(["Drie"]);
  });

  it("announces the slide number and title after a move, not on opening", () => {
    deck = SlideDeck(root);
    const status = root.querySelector(".deck-status")!;
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("");
    press("End");
    expect(status.textContent).toBe("Dia 4 van 4: Vier");
  });

  it("does nothing on F where the Fullscreen API is missing (jsdom has none)", () => {
    deck = SlideDeck(root);
    expect(() => press("f")).not.toThrow();
    expect(visible()).toEqual(["Een"]);
  });

  it("asks for full screen on F where the API exists, and leaves it on a second F", () => {
    let requested = 0;
    let exited = 0;
    root.requestFullscreen = () => (requested++, Object.defineProperty(document, "fullscreenElement", {value: root, configurable: true}), Promise.resolve());
    document.exitFullscreen = () => (exited++, Object.defineProperty(document, "fullscreenElement", {value: null, configurable: true}), Promise.resolve());
    deck = SlideDeck(root);
    press("F");
    press("F");
    expect([requested, exited]).toEqual([1, 1]);
    Reflect.deleteProperty(document, "fullscreenElement");
    Reflect.deleteProperty(document, "exitFullscreen");
  });

  it("stops listening after destroy()", () => {
    deck = SlideDeck(root);
    deck.destroy();
    press("End");
    expect(visible()).toEqual(["Een"]);
    expect(root.querySelector(".deck-controls")).toBeNull();
    deck = null;
  });
});
