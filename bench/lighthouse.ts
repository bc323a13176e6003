// npm run bench:lighthouse — Lighthouse 12 (mobile default config: simulated slow 4G and a 4× slower
// CPU) on the built site, in Debian's Chromium, offline: every page of the report, the school index,
// a few factsheets, /presentatie and /verkennen. Each page runs --runs times (default 3) and the table
// shows the median run (by performance score) with its metrics, so one noisy run on a shared machine
// does not decide. Prints the table in Markdown, ready for bench/README.md, with date, machine and load.
// Asserts nothing: the targets are in bench/README.md, the cheap layout-shift check in
// tests/browser/layout-shift.test.ts.
//
// Usage: npx tsx bench/lighthouse.ts [--build] [--runs 3] [--pages /,/scholen/dolfijn] [--details]
//   Builds only when dist/ is missing (or with --build). --details prints, per page, what shifts and
//   where the main thread spends its time (Lighthouse's layout-shifts and bootup-time audits).
//   Full JSON reports go to tmp/lighthouse/<name of the dist folder>/.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import {serveDist} from "../scripts/serveDist.js";

const projectDir = path.resolve(import.meta.dirname, "..");



const {values: options} = parseArgs({
  options: {
    build: {type: "boolean", default: false},
    runs: {type: "string", default: "3"},
    pages: {type: "string"},
    details: {type: "boolean", default: false},
    /** Another built site, e.g. a copy of dist/ from before a change. */
    dist: {type: "string"}
  }
});

// The narrative pages are the sidebar's report pages (observablehq.config.ts); the factsheets are the
// school with the most care types (tallest charts), a small one and one with a hidden latest figure.
const NARRATIVE = [
  "/",
  "/onderzoek",
  "/data-analyse/feiten",
  "/data-analyse/eerste-keer-goed",
  "/data-analyse/groeipatronen",
  "/data-analyse/spreiding",
  "/data-analyse/factoren",
  "/in-de-school",
  "/rondom-de-school",
  "/conclusies",
  "/aanbevelingen",
  "/verantwoording",
  "/verantwoording/datakwaliteit"
];
const FACTSHEETS = ["/scholen/dolfijn", "/scholen/de-wegwijzer", "/scholen/meander", "/scholen/wilhelmina"];
const distDir = path.resolve(options.dist ?? path.join(projectDir, "dist"));
const PAGES = options.pages?.split(",") ?? [...NARRATIVE, "/scholen/", ...FACTSHEETS, "/presentatie", "/verkennen"];

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

interface Run {
  performance: number;
  accessibility: number;
  cls: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  /** Lighthouse's CPU benchmark of this machine at that moment (a quiet desktop scores 1 000–2 000). */
  benchmarkIndex: number;
  /** Lighthouse's own list of failed accessibility audits, so a score below 100 says why. */
  a11yFailures: string[];
  details: string[];
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

function detailsOf(lhr: Lhr): string[] {
  const lines: string[] = [];
  const shifts = lhr.audits["layout-shifts"]?.details as {items?: {score: number; node?: {selector?: string; snippet?: string}}[]} | undefined;
  for (const item of shifts?.items ?? []) {
    lines.push(`  shift ${item.score.toFixed(3)}  ${item.node?.selector ?? "?"}  ${(item.node?.snippet ?? "").slice(0, 90)}`);
  }
  const bootup = lhr.audits["bootup-time"]?.details as {items?: {url: string; total: number; scripting: number}[]} | undefined;
  for (const item of (bootup?.items ?? []).slice(0, 6)) {
    lines.push(`  js ${Math.round(item.total)} ms (scripting ${Math.round(item.scripting)})  ${item.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, "")}`);
  }
  const work = lhr.audits["mainthread-work-breakdown"]?.details as {items?: {groupLabel: string; duration: number}[]} | undefined;
  if (work?.items) lines.push(`  main thread: ${work.items.map((i) => `${i.groupLabel} ${Math.round(i.duration)}`).join(", ")}`);
  const lcp = lhr.audits["largest-contentful-paint-element"]?.details as {items?: {items?: {node?: {selector?: string}}[]}[]} | undefined;
  const lcpNode = lcp?.items?.[0]?.items?.[0]?.node?.selector;
  if (lcpNode) lines.push(`  LCP element: ${lcpNode}`);
  return lines;
}

async function measure(url: string, port: number, file: string): Promise<Run> {
  const result = await lighthouse(url, {port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"]});
  if (!result) throw new Error(`Lighthouse gaf geen resultaat voor ${url}`);
  const {lhr} = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse op ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  writeFileSync(file, typeof result.report === "string" ? result.report : result.report[0]);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const a11yFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    cls: numeric("cumulative-layout-shift"),
    tbtMs: numeric("total-blocking-time"),
    lcpMs: numeric("largest-contentful-paint"),
    fcpMs: numeric("first-contentful-paint"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    a11yFailures,
    details: detailsOf(lhr)
  };
}

const nl = (n: number, digits = 0) => n.toLocaleString("nl-NL", {minimumFractionDigits: digits, maximumFractionDigits: digits});
const seconds = (ms: number) => `${nl(ms / 1000, 1)} s`;

if (options.dist && !existsSync(path.join(distDir, "index.html"))) throw new Error(`${distDir} is geen gebouwde site`);
if (options.build || !existsSync(path.join(distDir, "index.html"))) {
  console.error("dist/ ontbreekt: npm run build …");
  const build = spawnSync("npm", ["run", "build"], {cwd: projectDir, stdio: ["ignore", "ignore", "inherit"]});
  if (build.status !== 0) throw new Error("npm run build failed");
}
const reportDir = path.join(projectDir, "tmp", "lighthouse", path.basename(distDir));
mkdirSync(reportDir, {recursive: true});

const runs = Number(options.runs);
// gzip, as every static host serves HTML, JS and CSS: without it Lighthouse measures the transfer of
// uncompressed bundles on slow 4G, which no reader gets.
const site = await serveDist(distDir, {gzip: true});
const chrome = await chromeLauncher.launch({chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS});
const started = new Date();
const loadBefore = os.loadavg();
const cpu = os.cpus();
const chromium = (spawnSync("/usr/bin/chromium", ["--version"]).stdout ?? "").toString().trim();
console.log(
  `Lighthouse 12.2.3, mobile default config, ${runs} runs per page, median run by performance score. ` +
    `${started.toISOString().slice(0, 16).replace("T", " ")} UTC; ${cpu.length} × ${cpu[0]?.model.trim()}, ` +
    `${nl(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${chromium}; load average ${nl(loadBefore[0], 1)} at the start.\n`
);
// Each row as soon as its page is done: a long run under load still leaves its finished rows.
console.log("| page | performance | accessibility | CLS | TBT | LCP | FCP | performance of each run | CPU benchmark index |");
console.log("|---|---|---|---|---|---|---|---|---|");
try {
  for (const page of PAGES) {
    const url = new URL(page.replace(/^\//, ""), site.baseUrl).href;
    const all: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const file = path.join(reportDir, `${page.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "index"}-${i + 1}.json`);
      all.push(await measure(url, chrome.port, file));
    }
    const median = [...all].sort((a, b) => a.performance - b.performance || a.tbtMs - b.tbtMs)[Math.floor(all.length / 2)];
    console.error(`${page}: performance ${all.map((r) => r.performance).join("/")}, CLS ${all.map((r) => nl(r.cls, 3)).join("/")}, TBT ${all.map((r) => Math.round(r.tbtMs)).join("/")} ms`);
    if (options.details) console.error(median.details.join("\n"));
    const r = median;
    console.log(
      `| ${page} | ${r.performance} | ${r.accessibility}${r.a11yFailures.length ? ` (${r.a11yFailures.join(", ")})` : ""} | ${nl(r.cls, 3)} | ${nl(Math.round(r.tbtMs))} ms | ${seconds(r.lcpMs)} | ${seconds(r.fcpMs)} | ${all.map((x) => x.performance).join(", ")} | ${Math.round(r.benchmarkIndex)} |`
    );
  }
} finally {
  chrome.kill();
  site.server.kill();
}

console.log(`\nLoad average ${nl(os.loadavg()[0], 1)} at the end, ${Math.round((Date.now() - started.getTime()) / 60_000)} min after the start.`);
