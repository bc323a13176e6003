// Issue 14, "done means": two invented municipalities (tests/fixtures/municipalities.ts: other names,
// 15 and 35 schools, 2021–2024 and 2013–2015, other care types, a 12- and a 9-month follow-up window,
// no interviews, no study content; Lindewaarde has a house style) each build a site, and every page of it, rendered in Chromium,
// states nothing false about that municipality: no other municipality's name or schools, no year
// outside its data, no interview claims, no empty slot, no link to a page it does not have.
//
// Both sites are built in the background while the other browser files run (global-setup.ts,
// tests/helpers/fixtureSites.ts); this file runs last (tests/sequencer.ts) and waits for them.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {FIXTURE_MUNICIPALITIES} from "../fixtures/municipalities.js";
import {fixtureSiteStatus} from "../helpers/fixtureSites.js";
import {check, type Finding} from "../helpers/siteTruth.js";
import {serveDist, type ServedSite} from "../../scripts/serveDist.js";
import {builtPages, launchChromium} from "./chromium.js";

// Both builds, one after the other, after the default site's two builds, on a busy machine.
const BUILD_MINUTES = 15;
const PAGES_AT_ONCE = 3;
const {fixtureStatusDir} = inject("offlineBuild");

async function fixtureSite(key: string): Promise<string> {
  const status = await fixtureSiteStatus(fixtureStatusDir, key, BUILD_MINUTES * 60_000);
  if (status.exitCode !== 0) throw new Error(`building ${key} failed (exit ${status.exitCode}):\n${status.log}`);
  return status.dir;
}

/** The pages that need a study's content or factor data; none of them may exist without it. */
const CONTENT_PAGES = ["/in-de-school", "/rondom-de-school", "/conclusies", "/aanbevelingen", "/data-analyse/factoren"];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(FIXTURE_MUNICIPALITIES)("$municipality ($schools.length schools)", (m) => {
  let site: string;
  let served: ServedSite;

  beforeAll(async () => {
    site = await fixtureSite(m.key);
    served = await serveDist(site);
  }, BUILD_MINUTES * 60_000);

  afterAll(async () => {
    served?.server.kill("SIGTERM");
  });

  test("builds its own pages: one per school, none that needs a study's content", () => {
    const pages = builtPages(site);
    expect(pages.filter((p) => p.startsWith("/scholen/") && p !== "/scholen/")).toHaveLength(m.schools.length);
    expect(pages.filter((p) => CONTENT_PAGES.includes(p))).toEqual([]);
  });

  test.runIf(m.houseStyle !== undefined)("its house style colours the pages in light mode; dark mode keeps the default theme", async () => {
    const colours = async (colorScheme: "light" | "dark") => {
      const context = await browser.newContext({colorScheme, locale: "nl-NL"});
      try {
        const page = await context.newPage();
        await page.goto(new URL("/", served.baseUrl).href, {waitUntil: "load"});
        return await page.evaluate(() => ({
          text: getComputedStyle(document.body).color,
          // A link in running text (the first one is in the synthetic-data notice, which has the text colour).
          link: getComputedStyle(document.querySelector('main p a[href$="eerste-keer-goed"]') as Element).color,
          heading: getComputedStyle(document.querySelector("h1") as Element).color
        }));
      } finally {
        await context.close();
      }
    };
    // The fixture's tokens: text and headings #001a40, links #00568b.
    expect(await colours("light")).toEqual({text: "rgb(0, 26, 64)", link: "rgb(0, 86, 139)", heading: "rgb(0, 26, 64)"});
    const dark = await colours("dark");
    expect(dark.text).not.toBe("rgb(0, 26, 64)");
    expect(dark.link).not.toBe("rgb(0, 86, 139)");
  });

  test("every page, rendered, states nothing false about it and links only to its own pages", {timeout: 10 * 60_000}, async () => {
    const pages = builtPages(site);
    const existing = new Set(pages);
    const findings: Finding[] = [];
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "nl-NL"});
    try {
      // A few pages at a time: most of a page's time is the wait for a quiet network.
      const queue = [...pages];
      const checkPages = async () => {
        for (let urlPath = queue.shift(); urlPath !== undefined; urlPath = queue.shift()) {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
          await page.goto(new URL(urlPath, served.baseUrl).href, {waitUntil: "networkidle"});
          // Cells that wait for a file render after networkidle; Framework marks pending ones.
          await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, {timeout: 30_000}).catch(() => {});
          const {text, links, title} = await page.evaluate(() => ({
            text: document.body.innerText,
            title: document.title,
            links: [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href)
          }));
          for (const error of errors) findings.push({page: urlPath, problem: `page error ${error}`});
          findings.push(...check(m, urlPath, `${title}\n${text}`));
          for (const href of links) {
            const url = new URL(href);
            if (url.origin !== new URL(served.baseUrl).origin || /\.[a-z0-9]+$/i.test(url.pathname)) continue;
            const target = url.pathname.replace(/\/index$/, "/");
            if (!existing.has(target)) findings.push({page: urlPath, problem: `links to ${target}, which this site does not have`});
          }
          await page.close();
        }
      };
      await Promise.all(Array.from({length: PAGES_AT_ONCE}, checkPages));
    } finally {
      await context.close();
    }
    expect(findings.sort((a, b) => a.page.localeCompare(b.page))).toEqual([]);
  });
});
