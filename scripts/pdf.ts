// npm run pdf — every school factsheet of the built site as an A4 PDF (pdf/<slug>.pdf) plus all of
// them in one file (pdf/alle-scholen.pdf), printed by Debian's Chromium from dist/, with no network.
//
// The combined file needs no PDF library: Chromium cannot print several pages into one document, so
// the script builds that document itself. It opens the first factsheet and appends the rendered
// content of every other one (charts are inline SVG, so the copied DOM prints the same), each
// starting on a new sheet.
//
// Usage: npx tsx scripts/pdf.ts [--dist dist] [--out pdf] [--only slug,slug]
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launchChromium} from "./chromium.js";
import {serveDist} from "./serveDist.js";

const projectDir = path.resolve(import.meta.dirname, "..");

/** A4 minus 15 mm margins at 96 dpi: charts are drawn at the width they will be printed at. */
const PRINT_WIDTH_PX = 680;
export const COMBINED_NAME = "alle-scholen";

/** Slugs of the built school pages: dist/scholen/<slug>.html, the index excluded. */
export function schoolSlugs(distDir: string): string[] {
  const dir = path.join(distDir, "scholen");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".html") && name !== "index.html")
    .map((name) => name.slice(0, -".html".length))
    .sort();
}

/**
 * A private copy of the built site, taken under the build lock (package.json's `build`): a build that
 * is running finishes first, and no later build can empty dist/ while the factsheets are printed.
 * The project's own dist/ is built first if it is missing.
 */
function snapshotSite(distDir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), "nadere-ogen-pdf-"));
  const buildIfMissing = distDir === path.join(projectDir, "dist") ? 'test -f "$1/index.html" || npm run build:locked || exit 1;' : "";
  const script = `${buildIfMissing} test -f "$1/index.html" || { echo "$1 bevat geen gebouwde site" >&2; exit 1; }; cp -R "$1/." "$2"`;
  const lock = path.join(projectDir, "node_modules/.build.lock");
  const result = spawnSync("flock", [lock, "sh", "-c", script, "sh", distDir, copy], {cwd: projectDir, stdio: "inherit"});
  if (result.status !== 0) {
    rmSync(copy, {recursive: true, force: true});
    throw new Error(`geen gebouwde site om af te drukken (exitcode ${result.status})`);
  }
  return copy;
}

/**
 * A browser context that can only reach the local server: every other request is aborted and
 * remembered, so the run fails instead of quietly printing a page that missed something.
 */
async function offlineContext(browser: Browser, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({viewport: {width: PRINT_WIDTH_PX, height: 1000}});
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    }
  );
  return context;
}

/** Opens a factsheet and waits until every cell has rendered (Framework's loading markers are gone). */
async function openFactsheet(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${url}: ${error}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${url}: ${message.text()}`);
  });
  const response = await page.goto(url, {waitUntil: "load"});
  if (!response?.ok()) throw new Error(`${url} gaf HTTP ${response?.status()}`);
  await page.emulateMedia({media: "print"});
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 30_000});
  // A failed cell shows its error in place instead of the chart; such a sheet must not be printed.
  const cellErrors = await page.locator(".observablehq--error").allTextContents();
  if (cellErrors.length > 0) errors.push(...cellErrors.map((text) => `${url}: ${text}`));
  // The shipped fonts must be in before the sheets are laid out: with font-display: swap a sheet
  // printed earlier is set in the fallback. Print media only now asks for faces the screen did not
  // use (the italic, say), hence after emulateMedia and after a layout that requests them.
  await page.evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
  // Charts drawn from a ResizeObserver appear one frame after the cells settle.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page;
}

function printPdf(page: Page): Promise<Buffer> {
  return page.pdf({format: "A4", preferCSSPageSize: true, printBackground: true});
}

/** Appends the rendered main content of `source` to `target`, starting on a new sheet. */
async function appendFactsheet(target: Page, source: Page): Promise<void> {
  const html = await source.evaluate(() => document.querySelector("#observablehq-main")!.innerHTML);
  await target.evaluate((content) => {
    const section = document.createElement("section");
    section.className = "pdf-factsheet";
    section.style.breakBefore = "page";
    section.innerHTML = content;
    document.querySelector("#observablehq-main")!.append(section);
  }, html);
}

export interface PdfRun {
  slugs: string[];
  outDir: string;
  milliseconds: number;
}

export async function renderPdfs(options: {distDir: string; outDir: string; only?: string[]}): Promise<PdfRun> {
  const started = performance.now();
  const site = snapshotSite(options.distDir);
  try {
    return await printSite(site, options.outDir, options.only, started);
  } finally {
    rmSync(site, {recursive: true, force: true});
  }
}

async function printSite(site: string, outDir: string, only: string[] | undefined, started: number): Promise<PdfRun> {
  const slugs = schoolSlugs(site).filter((slug) => !only || only.includes(slug));
  if (slugs.length === 0) throw new Error("de gebouwde site heeft geen schoolpagina's (scholen/*.html)");

  mkdirSync(outDir, {recursive: true});
  // Last run's files go, so a school that left the data leaves no stale PDF; nothing else is touched.
  for (const name of readdirSync(outDir)) if (name.endsWith(".pdf")) rmSync(path.join(outDir, name));
  const {server, baseUrl} = await serveDist(site);
  const browser = await launchChromium();
  const blocked: string[] = [];
  const errors: string[] = [];
  try {
    const context = await offlineContext(browser, blocked);
    let combined: Page | null = null;
    for (const slug of slugs) {
      const page = await openFactsheet(context, new URL(`scholen/${slug}`, baseUrl).href, errors);
      writeFileSync(path.join(outDir, `${slug}.pdf`), await printPdf(page));
      if (combined) {
        await appendFactsheet(combined, page);
        await page.close();
      } else {
        combined = page;
      }
      console.log(`${path.relative(projectDir, outDir)}/${slug}.pdf`);
    }
    writeFileSync(path.join(outDir, `${COMBINED_NAME}.pdf`), await printPdf(combined!));
    console.log(`${path.relative(projectDir, outDir)}/${COMBINED_NAME}.pdf`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
  if (blocked.length > 0) throw new Error(`verzoeken buiten 127.0.0.1 geblokkeerd:\n${[...new Set(blocked)].join("\n")}`);
  if (errors.length > 0) throw new Error(`fouten in de browser:\n${errors.join("\n")}`);
  return {slugs, outDir, milliseconds: performance.now() - started};
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const {values} = parseArgs({
    options: {dist: {type: "string", default: "dist"}, out: {type: "string", default: "pdf"}, only: {type: "string"}}
  });
  try {
    const run = await renderPdfs({
      distDir: path.resolve(values.dist),
      outDir: path.resolve(values.out),
      only: values.only?.split(",")
    });
    console.log(`${run.slugs.length} scholen + 1 gebundeld bestand in ${(run.milliseconds / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`npm run pdf: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
