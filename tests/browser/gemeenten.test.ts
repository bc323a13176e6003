// Issue 14, "done means": two invented municipalities (tests/fixtures/municipalities.ts: other names,
// 15 and 35 schools, 2021–2024 and 2013–2015, other care types, a 12- and a 9-month follow-up window,
// no interviews, no content folder) each build a site, and every page of it, rendered in Chromium,
// states nothing false about that municipality: no other municipality's name or schools, no year
// outside its data, no interview claims, no empty slot, no link to a page it does not have.
//
// Each site is built once and kept in node_modules/.cache/nadere-ogen/gemeenten/<hash>/, keyed by the
// fixture's files and the code that builds a site; a second run with unchanged code reads the pages.
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {FIXTURE_MUNICIPALITIES, writeFixtureMunicipality, type FixtureMunicipality} from "../fixtures/municipalities.js";
import {check, type Finding} from "../helpers/siteTruth.js";
import {serveDist, type ServedSite} from "../../scripts/serveDist.js";
import {builtPages, launchChromium} from "./chromium.js";

const projectDir = path.resolve(import.meta.dirname, "../..");
const cacheRoot = path.join(projectDir, "node_modules/.cache/nadere-ogen/gemeenten");
const BUILD_MINUTES = 12;

function filesBelow(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && !entry.parentPath.includes(".observablehq"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** What a built site depends on: the input folder and the code and pages that make a site of it. */
function buildKey(inputDir: string): string {
  const hash = createHash("sha256");
  const code = ["loaders", "src", "scripts"].flatMap((dir) => filesBelow(path.join(projectDir, dir)));
  for (const file of [...filesBelow(inputDir), ...code, path.join(projectDir, "observablehq.config.ts"), path.join(projectDir, "package-lock.json")]) {
    hash.update(path.relative(projectDir, file).startsWith("..") ? path.basename(file) : path.relative(projectDir, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the site of one input folder into `out`, under the build lock like every build. Framework
 * keeps page and data loader output in src/.observablehq/cache by the loader's own date, not by the
 * input folder: everything but the seeded npm packages goes before and after, so neither this build
 * nor the next one of other data reads the other's pages.
 */
function buildSite(inputDir: string, out: string): Promise<{exitCode: number; log: string}> {
  const clear = "find src/.observablehq/cache -mindepth 1 -maxdepth 1 ! -name _npm -exec rm -rf {} +";
  const script = `${clear}; observable build && node scripts/postbuild.mjs "$1"; status=$?; ${clear}; exit $status`;
  const child = spawn("flock", ["node_modules/.build.lock", "sh", "-c", script, "sh", out], {
    cwd: projectDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${path.join(projectDir, "node_modules", ".bin")}:${process.env.PATH}`,
      NADERE_OGEN_DATA: inputDir,
      NADERE_OGEN_OUTPUT: out,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      FORCE_COLOR: "0"
    }
  });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-6000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return new Promise((resolve) => child.on("close", (code) => resolve({exitCode: code ?? -1, log})));
}

async function cachedSite(m: FixtureMunicipality, inputRoot: string): Promise<string> {
  const inputDir = writeFixtureMunicipality(inputRoot, m);
  const dir = path.join(cacheRoot, buildKey(inputDir), m.key);
  if (existsSync(path.join(dir, "index.html"))) return dir;
  mkdirSync(path.dirname(dir), {recursive: true});
  const staging = `${dir}.${process.pid}`;
  const {exitCode, log} = await buildSite(inputDir, staging);
  if (exitCode !== 0) throw new Error(`building ${m.municipality} failed (exit ${exitCode}):\n${log}`);
  rmSync(dir, {recursive: true, force: true});
  renameSync(staging, dir);
  return dir;
}


/** The pages that need a study's content or factor data; none of them may exist without it. */
const CONTENT_PAGES = ["/in-de-school", "/rondom-de-school", "/conclusies", "/aanbevelingen", "/data-analyse/factoren"];

let browser: Browser;
const inputRoot = mkdtempSync(path.join(tmpdir(), "nadere-ogen-gemeenten-"));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(inputRoot, {recursive: true, force: true});
});

describe.each(FIXTURE_MUNICIPALITIES)("$municipality ($schools.length schools)", (m) => {
  let site: string;
  let served: ServedSite;

  beforeAll(async () => {
    site = await cachedSite(m, inputRoot);
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

  test("every page, rendered, states nothing false about it and links only to its own pages", {timeout: 10 * 60_000}, async () => {
    const pages = builtPages(site);
    const existing = new Set(pages);
    const findings: Finding[] = [];
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "nl-NL"});
    try {
      for (const urlPath of pages) {
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
    } finally {
      await context.close();
    }
    expect(findings).toEqual([]);
  });
});
