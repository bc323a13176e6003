// Every page of the offline build in headless Chromium: it must load from 127.0.0.1 alone, without
// console errors or failed requests, in Dutch, zoomable, without serious accessibility problems in the
// light and the dark theme, print on A4 without navigation or anything wider than the paper, and
// answer a change of its first select. One load per page does all of it: loading a page is most of
// the cost, and CI has two cores (issue 11: the suite within 8 minutes).
import http from "node:http";
import {createRequire} from "node:module";
import path from "node:path";
import type {AxeResults} from "axe-core";
import {type Browser, type BrowserContext, type Page} from "playwright-core";
import {builtPages, launchChromium, offlineBuild} from "./chromium.js";
import {afterAll, afterEach, beforeAll, describe, expect, test} from "vitest";

const build = offlineBuild();
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);
const SCHEMES = ["light", "dark"] as const;
// A4 is 210 mm wide; with 15 mm margins 180 mm ≈ 680 CSS pixels remain at 96 dpi.
const PRINTABLE_WIDTH_PX = 680;

interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `urlPath` in a fresh context and waits until the page and its cells have settled. */
async function visit(urlPath: string, colorScheme: (typeof SCHEMES)[number] = "light"): Promise<Visit> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme, locale: "nl-NL"});
  contexts.push(context);
  const result: Omit<Visit, "page"> = {consoleErrors: [], failedRequests: [], externalRequests: []};
  // Anything not on 127.0.0.1 is recorded and never leaves the machine, even where a network exists.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    result.externalRequests.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => message.type() === "error" && result.consoleErrors.push(message.text()));
  page.on("pageerror", (error) => result.consoleErrors.push(`${error.name}: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (LOCAL_HOSTS.has(new URL(request.url()).hostname)) result.failedRequests.push(`${request.failure()?.errorText} ${request.url()}`);
  });
  page.on("response", (response) => response.status() >= 400 && result.failedRequests.push(`${response.status()} ${response.url()}`));
  await page.goto(new URL(urlPath, build.baseUrl!).href, {waitUntil: "networkidle"});
  // Inline ${…} expressions show an <observablehq-loading> placeholder until their value arrives.
  await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, null, {timeout: 30_000});
  return {page, ...result};
}

/** axe over the whole page; `rules` limits the run (the dark theme changes colours only). */
async function seriousAxeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({path: axeSource});
  const violations = await page.evaluate(async (rules) => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<AxeResults>}}).axe;
    const results = await axe.run(document, rules ? {runOnly: {type: "rule", values: rules}} : {});
    return results.violations.map(({id, impact, help, nodes}) => ({id, impact, help, targets: nodes.map((n) => n.target.join(" "))}));
  }, rules);
  for (const v of violations) console.info(`axe ${v.impact} ${v.id}: ${v.help} (${v.targets.join(", ")})`);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} [${v.targets.join(", ")}]`);
}

const pages = builtPages(build.distDir);

test("the offline build produced pages and a server for them", () => {
  expect(build.baseUrl, `the build failed; see ${build.logFile}`).not.toBeNull();
  expect(pages).toContain("/");
});

// Rules whose outcome depends on colour: the dark theme is checked against these.
const COLOUR_RULES = ["color-contrast", "link-in-text-block", "svg-img-alt"];

describe.each(pages)("page %s", (urlPath) => {
  test("loads from 127.0.0.1 alone without errors, in Dutch, zoomable, accessible in both themes, prints on A4 and answers its first select", async () => {
    const {page, consoleErrors, failedRequests, externalRequests} = await visit(urlPath, "light");
    const lang = await page.getAttribute("html", "lang");
    const viewport = await page.getAttribute('meta[name="viewport"]', "content");
    const cellErrors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
    const axe: Record<(typeof SCHEMES)[number], string[]> = {light: await seriousAxeViolations(page), dark: []};
    await page.emulateMedia({colorScheme: "dark"});
    axe.dark = await seriousAxeViolations(page, COLOUR_RULES);
    console.info(JSON.stringify({urlPath, consoleErrors, failedRequests, externalRequests, cellErrors, axe}));

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(cellErrors).toEqual([]);
    expect(lang).toBe("nl");
    expect(viewport).not.toMatch(/maximum-scale|user-scalable/);
    expect(axe).toEqual({light: [], dark: []});

    // Print: no sidebar or table of contents, nothing wider than A4, and Chromium renders a PDF.
    await page.setViewportSize({width: PRINTABLE_WIDTH_PX, height: 1000});
    await page.emulateMedia({media: "print", colorScheme: "light"});
    const layout = await page.evaluate((limit) => {
      const hidden = (selector: string) => {
        const element = document.querySelector(selector);
        return !element || getComputedStyle(element).display === "none";
      };
      const tooWide = [...document.querySelectorAll("#observablehq-main svg, #observablehq-main table, #observablehq-main figure")]
        .filter((element) => element.getBoundingClientRect().width > 0)
        .filter((element) => element.getBoundingClientRect().right > limit + 1)
        .map((element) => `${element.tagName.toLowerCase()} ${Math.round(element.getBoundingClientRect().right)}px`);
      return {sidebarHidden: hidden("#observablehq-sidebar"), tocHidden: hidden("#observablehq-toc"), tooWide};
    }, PRINTABLE_WIDTH_PX);
    expect(layout).toEqual({sidebarHidden: true, tocHidden: true, tooWide: []});
    const pdf = await page.pdf({format: "A4", preferCSSPageSize: true});
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // Back on screen: the first select of the page changes what the page shows, without errors.
    await page.emulateMedia({media: "screen"});
    await page.setViewportSize({width: 1280, height: 900});
    const select = page.locator("main select").first();
    if ((await select.count()) > 0) {
      const options = await select.locator("option").evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
      const current = await select.inputValue();
      const before = await page.innerHTML("main");
      await select.selectOption(options.find((value) => value !== current) ?? current);
      await page.waitForFunction((html) => document.querySelector("main")!.innerHTML !== html, before, {timeout: 10_000});
      expect(await page.$$(".observablehq--error")).toHaveLength(0);
    }
    expect(consoleErrors).toEqual([]);
  });
});

describe("Framework's interface, offline and in Dutch", () => {
  test("the sidebar toggle is titled in Dutch once the client script has run", async () => {
    const {page} = await visit("/");
    expect(await page.getAttribute("#observablehq-sidebar-toggle", "title")).toMatch(/^Zijbalk tonen of verbergen Alt-B$/);
  });

  test("search finds the home page by a word of its title and counts in Dutch", async () => {
    const {page, consoleErrors, failedRequests} = await visit("/");
    await page.fill("#observablehq-search input", "nadere");
    const results = page.locator("#observablehq-search-results");
    await results.locator("li a").first().waitFor({timeout: 10_000});
    expect(await results.locator("div").first().textContent()).toMatch(/^\d+ (resultaat|resultaten)$/);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});

describe("scripts/serve-dist.mjs", () => {
  const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(new URL(urlPath, build.baseUrl!), {headers});

  test("serves /index and / as index.html, and a missing page as 404", async () => {
    const [root, clean, missing] = await Promise.all([get("/"), get("/index"), get("/bestaat-niet")]);
    expect([root.status, clean.status, missing.status]).toEqual([200, 200, 404]);
    expect(clean.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await clean.text()).toBe(await root.text());
  });

  test("answers a byte range with 206 and exactly those bytes", async () => {
    const response = await get("/", {range: "bytes=0-14"});
    expect(response.status).toBe(206);
    expect(await response.text()).toBe("<!DOCTYPE html>");
  });

  test("refuses an encoded ../ that would leave dist/", async () => {
    // fetch() would normalize the path; node:http sends it as written.
    const status = await new Promise((resolve, reject) =>
      http.get(new URL(build.baseUrl!), {path: "/..%2fpackage.json"}, (res) => resolve(res.resume().statusCode)).on("error", reject)
    );
    expect(status).toBe(404);
  });
});
