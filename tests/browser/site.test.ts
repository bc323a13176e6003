// Every page of the offline build in headless Chromium: it must load from 127.0.0.1 alone, without
// console errors or failed requests, in Dutch, zoomable, and without serious accessibility problems.
import http from "node:http";
import {createRequire} from "node:module";
import path from "node:path";
import type {AxeResults} from "axe-core";
import {type Browser, type BrowserContext, type Page} from "playwright-core";
import {builtPages, launchChromium} from "./chromium.js";
import {afterAll, afterEach, beforeAll, describe, expect, inject, test} from "vitest";

const build = inject("offlineBuild");
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);
const SCHEMES = ["light", "dark"] as const;

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

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: axeSource});
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document) => Promise<AxeResults>}}).axe;
    const results = await axe.run(document);
    return results.violations.map(({id, impact, help, nodes}) => ({id, impact, help, targets: nodes.map((n) => n.target.join(" "))}));
  });
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

describe.each(pages)("page %s", (urlPath) => {
  test.each(SCHEMES)("loads from 127.0.0.1 alone without errors, in Dutch, zoomable and accessible (%s theme)", async (scheme) => {
    const {page, consoleErrors, failedRequests, externalRequests} = await visit(urlPath, scheme);
    const lang = await page.getAttribute("html", "lang");
    const viewport = await page.getAttribute('meta[name="viewport"]', "content");
    const cellErrors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
    const axe = await seriousAxeViolations(page);
    console.info(JSON.stringify({urlPath, scheme, consoleErrors, failedRequests, externalRequests, cellErrors, axe}));

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(cellErrors).toEqual([]);
    expect(lang).toBe("nl");
    expect(viewport).not.toMatch(/maximum-scale|user-scalable/);
    expect(axe).toEqual([]);
  });

  test("answers a change of its first select without errors", async () => {
    const {page, consoleErrors} = await visit(urlPath);
    const select = page.locator("main select").first();
    if ((await select.count()) === 0) return; // nothing to change on this page
    const options = await select.locator("option").evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    const current = await select.inputValue();
    const before = await page.innerHTML("main");
    await select.selectOption(options.find((value) => value !== current) ?? current);
    await page.waitForFunction((html) => document.querySelector("main")!.innerHTML !== html, before, {timeout: 10_000});
    expect(consoleErrors).toEqual([]);
    expect(await page.$$(".observablehq--error")).toHaveLength(0);
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
