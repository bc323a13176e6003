// /presentatie in Chromium: the presenter walks the deck with the keyboard, every slide shows alone
// with its number in the counter and the URL, a link to #5 opens slide 5, N shows the speaker notes,
// and the handout prints one A4 landscape page per slide.
import {execFileSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import type {AxeResults} from "axe-core";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {launchChromium, openPage} from "./chromium.js";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const outDir = path.resolve(import.meta.dirname, "../../node_modules/.cache/nadere-ogen");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The two projector resolutions the deck must fit without scrolling. */
const SCREENS = [
  {width: 1280, height: 720},
  {width: 1920, height: 1080}
];

/** Opens the deck at projector size and waits until every inline value and the fonts have arrived. */
async function open(hash = "", screen = SCREENS[0]): Promise<{page: Page; consoleErrors: string[]}> {
  const opened = await openPage(browser, `/presentatie${hash}`);
  await opened.page.setViewportSize(screen);
  await opened.page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
  await opened.page.evaluate(() => document.fonts.ready);
  return opened;
}

interface DeckState {
  /** 1-based numbers of the slides a viewer can see. */
  visible: number[];
  counter: string;
  hash: string;
  /** Charts (svg) and tables on the visible slide. */
  charts: number;
  /** Text on the visible slide outside its notes. */
  textLength: number;
  title: string;
  /** Font sizes in CSS pixels: the title, and the smallest of the body text (paragraphs, bullets, table cells). */
  titlePx: number;
  bodyPx: number;
  /** Whether the slide's content is taller than the slide (it would scroll). */
  overflows: boolean;
}

function deckState(page: Page): Promise<DeckState> {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll<HTMLElement>(".deck .slide")];
    const shown = slides.filter((s) => s.getBoundingClientRect().height > 0 && getComputedStyle(s).display !== "none");
    const current = shown[0];
    const text = current ? [...current.children].filter((c) => !c.classList.contains("notes")).map((c) => c.textContent ?? "").join(" ") : "";
    return {
      visible: shown.map((s) => slides.indexOf(s) + 1),
      counter: document.querySelector(".deck-counter")?.textContent ?? "",
      hash: location.hash,
      charts: current ? current.querySelectorAll(":scope > :not(.notes) svg, :scope > :not(.notes) table, :scope > table").length : 0,
      textLength: text.replace(/\s+/g, " ").trim().length,
      title: current?.querySelector("h1, h2")?.textContent?.trim() ?? "",
      titlePx: current ? parseFloat(getComputedStyle(current.querySelector("h1, h2")!).fontSize) : 0,
      bodyPx: current
        ? Math.min(...[...current.querySelectorAll(":scope > p:not(.deck-synthetic), :scope > ul > li, :scope > table td, :scope > table th")].map((e) => parseFloat(getComputedStyle(e).fontSize)))
        : 0,
      overflows: current ? current.scrollHeight > current.clientHeight + 1 : false
    };
  });
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({path: axeSource});
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Element) => Promise<AxeResults>}}).axe;
    const results = await axe.run(document.querySelector(".deck")!);
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

test.each(SCREENS)("the keyboard walks the whole deck at $width × $height: End, Home, → and space forward, ← back; each slide alone, numbered and filled", async (screen) => {
  const {page, consoleErrors} = await open("", screen);
  const count = await page.locator(".deck .slide").count();
  expect(count).toBeGreaterThanOrEqual(10);
  const expectSlide = async (k: number) => {
    const state = await deckState(page);
    expect(state.visible, `slide ${k}`).toEqual([k]);
    expect(state.counter).toBe(`${k} / ${count}`);
    expect(state.hash).toBe(`#${k}`);
    expect(state.title.length, `title of slide ${k}`).toBeGreaterThan(10);
    // Readable from the back of the room at 1280 × 720 (and larger on a larger screen): titles of at
    // least 2.5rem, body text 1.5rem.
    expect(state.titlePx, `title size on slide ${k}`).toBeGreaterThanOrEqual(40);
    if (Number.isFinite(state.bodyPx)) expect(state.bodyPx, `body text size on slide ${k}`).toBeGreaterThanOrEqual(24);
    expect(state.overflows, `slide ${k} fits the screen`).toBe(false);
    // A chart or table, or at least a few lines of text besides the title.
    expect(state.charts > 0 || state.textLength > state.title.length + 60, `content of slide ${k}: ${JSON.stringify(state)}`).toBe(true);
    expect(await seriousAxeViolations(page), `axe on slide ${k}`).toEqual([]);
  };

  await expectSlide(1);
  await page.keyboard.press("End");
  await expectSlide(count);
  await page.keyboard.press("Home");
  await expectSlide(1);
  for (let k = 2; k <= count; k++) {
    await page.keyboard.press(k % 2 === 0 ? "ArrowRight" : "Space");
    await expectSlide(k);
  }
  await page.keyboard.press("ArrowRight");
  await expectSlide(count);
  await page.keyboard.press("ArrowLeft");
  await expectSlide(count - 1);
  expect(consoleErrors).toEqual([]);
});

test("a link to /presentatie#5 opens slide 5, and a hash past the end (#99) the last slide", async () => {
  const {page, consoleErrors} = await open("#5");
  const count = await page.locator(".deck .slide").count();
  let state = await deckState(page);
  expect([state.visible, state.counter, state.hash]).toEqual([[5], `5 / ${count}`, "#5"]);
  await page.evaluate(() => (location.hash = "#99"));
  await page.waitForFunction((n) => location.hash === `#${n}`, count);
  state = await deckState(page);
  expect([state.visible, state.counter]).toEqual([[count], `${count} / ${count}`]);
  expect(consoleErrors).toEqual([]);
});

test("N shows the speaker notes of the slide on screen and hides them again", async () => {
  const {page, consoleErrors} = await open("#4");
  const notes = page.locator(".slide[data-slide='4'] .notes");
  expect(await notes.isVisible()).toBe(false);
  await page.keyboard.press("n");
  expect(await notes.isVisible()).toBe(true);
  expect((await notes.textContent())?.trim().length).toBeGreaterThan(80);
  expect(await page.getAttribute(".deck-notes", "aria-pressed")).toBe("true");
  await page.keyboard.press("N");
  expect(await notes.isVisible()).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test("the handout prints one A4 landscape page per slide, without the controls", async () => {
  const {page, consoleErrors} = await open();
  const count = await page.locator(".deck .slide").count();
  await page.emulateMedia({media: "print"});
  expect(await page.locator(".deck-controls").isVisible()).toBe(false);
  mkdirSync(outDir, {recursive: true});
  const file = path.join(outDir, "presentatie.pdf");
  writeFileSync(file, await page.pdf({preferCSSPageSize: true}));
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "1", file], {encoding: "utf8"});
  expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBe(count);
  // Chromium writes A4 landscape as 841.92 × 594.96 pt; pdfinfo labels it "(A4)" either way round.
  const [, width, height] = /^Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts \(A4\)$/m.exec(info) ?? [];
  expect(Number(width)).toBeGreaterThan(Number(height));
  expect(consoleErrors).toEqual([]);
});
