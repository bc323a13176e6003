// A slide deck made of the page's own sections: the page writes <section class="slide"> blocks (with
// an optional <aside class="notes"> each) inside one root element, and SlideDeck turns that root into
// a deck. One slide shows at a time; keys, buttons and the URL (#5) move between them. Without the
// script, or on paper, every slide simply shows, one after another.

/** What a key asks the deck to do. */
export type DeckAction = "next" | "previous" | "first" | "last" | "fullscreen" | "notes";

/** The parts of a KeyboardEvent the deck looks at (a plain object in tests). */
export interface DeckKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

export interface SlideDeckController {
  /** Number of slides. */
  readonly count: number;
  /** The slide shown, counted from 0. */
  readonly index: number;
  /** Shows slide `index` (clamped to the deck) and writes its number into the URL. */
  go(index: number): void;
  /** Shows or hides the speaker notes (toggles without an argument); returns whether they show. */
  toggleNotes(show?: boolean): boolean;
  /** Removes the listeners on window and document, and the controls. */
  destroy(): void;
}

export interface SlideDeckOptions {
  /** The window whose keys and URL drive the deck; the root's own window by default. */
  window?: Window;
}

/** Elements whose keys belong to themselves: typing or choosing must never turn a slide. */
function ownsKeys(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const element = target as HTMLElement;
  return element.isContentEditable || element.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") !== null;
}

/** Elements that a space bar activates: there the space is theirs, not the deck's. */
function pressable(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  return (target as Element).closest("button, a[href], summary, [role='button']") !== null;
}

/** The deck's action for a key press, or null when the key is not the deck's to handle. */
export function deckAction(event: DeckKey): DeckAction | null {
  // Ctrl/Cmd/Alt combinations are the browser's (Ctrl+Home, Alt+←, Cmd+F).
  if (event.ctrlKey || event.metaKey || event.altKey || ownsKeys(event.target)) return null;
  switch (event.key) {
    case "ArrowRight":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "PageUp":
      return "previous";
    case " ":
    case "Spacebar":
      if (pressable(event.target)) return null;
      return event.shiftKey ? "previous" : "next";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "f":
    case "F":
      return "fullscreen";
    case "n":
    case "N":
      return "notes";
    default:
      return null;
  }
}

/** The slide an action leads to from `current` (0-based), staying inside the deck. */
export function targetIndex(action: "next" | "previous" | "first" | "last", current: number, count: number): number {
  const last = Math.max(0, count - 1);
  const target = action === "next" ? current + 1 : action === "previous" ? current - 1 : action === "first" ? 0 : last;
  return Math.min(last, Math.max(0, target));
}

/**
 * The slide a URL hash asks for, 0-based: "#5" → 4. A number past the end opens the last slide, one
 * below 1 the first. Anything else ("", "#inhoud") is not a slide number: null.
 */
export function slideFromHash(hash: string, count: number): number | null {
  const match = /^#?(-?\d+)$/.exec(hash.trim());
  if (!match || count === 0) return null;
  const number = Number(match[1]);
  return Math.min(count, Math.max(1, number)) - 1;
}

/** "5 / 12": the visible counter. */
export function counterText(index: number, count: number): string {
  return `${index + 1} / ${count}`;
}

function button(className: string, text: string, title: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  element.title = title;
  return element;
}

/** The slide's title as read out: its first heading's text, without Framework's anchor sign. */
function slideTitle(slide: Element): string {
  return (slide.querySelector("h1, h2, h3")?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function SlideDeck(root: HTMLElement, options: SlideDeckOptions = {}): SlideDeckController {
  const view = options.window ?? root.ownerDocument.defaultView ?? window;
  const slides = [...root.querySelectorAll<HTMLElement>(".slide")];
  const count = slides.length;
  let index = 0;

  root.classList.add("deck");
  root.setAttribute("role", "region");
  if (!root.hasAttribute("aria-label")) root.setAttribute("aria-label", "Presentatie");
  slides.forEach((slide, i) => {
    slide.setAttribute("aria-roledescription", "dia");
    slide.setAttribute("aria-label", `Dia ${i + 1} van ${count}`);
    slide.dataset.slide = String(i + 1);
    slide.querySelector(".notes")?.setAttribute("aria-label", "Sprekersnotities");
  });

  const previous = button("deck-previous", "← Vorige", "Vorige dia (←)");
  const counter = document.createElement("span");
  counter.className = "deck-counter";
  const next = button("deck-next", "Volgende →", "Volgende dia (→ of spatie)");
  const notes = button("deck-notes", "Notities", "Sprekersnotities tonen of verbergen (N)");
  notes.setAttribute("aria-pressed", "false");
  const fullscreen = button("deck-fullscreen", "Volledig scherm", "Volledig scherm aan of uit (F)");
  const controls = document.createElement("nav");
  controls.className = "deck-controls";
  controls.setAttribute("aria-label", "Dia's");
  controls.append(previous, counter, next, notes, fullscreen);
  // Screen readers hear which slide is shown; the counter itself stays a quiet "5 / 12".
  const status = document.createElement("p");
  status.className = "deck-status";
  status.setAttribute("aria-live", "polite");
  root.append(controls, status);

  function show(target: number, announce: boolean): void {
    index = Math.min(Math.max(0, count - 1), Math.max(0, target));
    slides.forEach((slide, i) => {
      slide.hidden = i !== index;
      if (i === index) slide.setAttribute("aria-current", "true");
      else slide.removeAttribute("aria-current");
    });
    counter.textContent = count === 0 ? "0 / 0" : counterText(index, count);
    previous.disabled = index === 0;
    next.disabled = index >= count - 1;
    if (announce && count > 0) status.textContent = `Dia ${index + 1} van ${count}: ${slideTitle(slides[index])}`;
    // replaceState: walking through twelve slides should not leave twelve entries in the history.
    const hash = `#${index + 1}`;
    if (count > 0 && view.location.hash !== hash) view.history.replaceState(view.history.state, "", hash);
  }

  function toggleNotes(force?: boolean): boolean {
    const shown = root.classList.toggle("deck-notes-shown", force);
    notes.setAttribute("aria-pressed", String(shown));
    return shown;
  }

  function toggleFullscreen(): void {
    const doc = root.ownerDocument;
    // Not every browser (or a test's DOM) has the Fullscreen API; then F does nothing.
    const request = doc.fullscreenElement ? doc.exitFullscreen?.bind(doc) : root.requestFullscreen?.bind(root);
    request?.()?.catch?.(() => undefined);
  }

  /** A hash that is a slide number, or the id of an element inside a slide (a heading's anchor). */
  function slideForHash(hash: string): number | null {
    const numbered = slideFromHash(hash, count);
    if (numbered !== null) return numbered;
    let id = hash.replace(/^#/, "");
    try {
      id = decodeURIComponent(id);
    } catch {
      return null;
    }
    const element = id ? root.ownerDocument.getElementById(id) : null;
    const slide = element?.closest<HTMLElement>(".slide");
    return slide ? slides.indexOf(slide) : null;
  }

  function onKey(event: KeyboardEvent): void {
    const action = deckAction(event);
    if (action === null) return;
    event.preventDefault();
    if (action === "notes") toggleNotes();
    else if (action === "fullscreen") toggleFullscreen();
    else show(targetIndex(action, index, count), true);
  }

  function onHashChange(): void {
    const target = slideForHash(view.location.hash);
    if (target !== null) show(target, true);
  }

  previous.addEventListener("click", () => show(index - 1, true));
  next.addEventListener("click", () => show(index + 1, true));
  notes.addEventListener("click", () => toggleNotes());
  fullscreen.addEventListener("click", toggleFullscreen);
  view.document.addEventListener("keydown", onKey);
  view.addEventListener("hashchange", onHashChange);

  show(slideForHash(view.location.hash) ?? 0, false);

  return {
    count,
    get index() {
      return index;
    },
    go: (target: number) => show(target, true),
    toggleNotes,
    destroy() {
      view.document.removeEventListener("keydown", onKey);
      view.removeEventListener("hashchange", onHashChange);
      controls.remove();
      status.remove();
    }
  };
}
