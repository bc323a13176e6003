// npm run bench:explorer — how fast /verkennen answers, in headless Chromium on the built site:
// the time from a filter change to the redrawn figures (p50/p95 over 100 changes of every kind of
// filter), the page's load time, heap and weight, and the first SQL query (DuckDB start included).
// Runs on the default data and, when tmp/national-cube exists (npx tsx bench/nationalCube.ts), on a
// national cube of about 7 000 schools served in place of the default cube files. Also weighs
// /presentatie. Prints figures; asserts nothing.
//
// Usage: npx tsx bench/explorer.ts [--no-build] [--changes 100] [--national-dir tmp/national-cube]
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import path from "node:path";
import {parseArgs} from "node:util";
import type {Browser, Page} from "playwright-core";
import {launchChromium} from "../scripts/chromium.js";
import {serveDist} from "../scripts/serveDist.js";
import {NATIONAL_CUBE_DIR} from "./nationalCube.js";

const projectDir = path.resolve(import.meta.dirname, "..");
const {values: options} = parseArgs({
  options: {
    "no-build": {type: "boolean", default: false},
    changes: {type: "string", default: "100"},
    "national-dir": {type: "string", default: NATIONAL_CUBE_DIR},
    /** Only the national cube (it takes minutes). */
    "national-only": {type: "boolean", default: false}
  }
});

/** The kinds of change, taken in turn: every filter of the page. */
const KINDS = ["leeftijd", "zorgvorm", "dbc", "school", "definitie", "dyslexie", "bestuur", "jaar"] as const;
type Kind = (typeof KINDS)[number];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => `${n.toFixed(1).replace(".", ",")} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2).replace(".", ",")} MB`;

/** One filter change in the page, timed from the change event to the new figures in the DOM. */
async function change(page: Page, kind: Kind, seed: number): Promise<{domMs: number; frameMs: number; board: boolean}> {
  return page.evaluate(
    async ({kind, seed}) => {
      let state = seed * 2654435761;
      const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
      const form = document.querySelector(".explorer-filters") as HTMLFormElement;
      const field = <T extends Element>(selector: string) => form.querySelector(selector) as T;
      const pickOther = (select: HTMLSelectElement) => {
        const others = [...select.options].filter((o) => !o.selected);
        select.value = others[Math.floor(random() * others.length)].value;
        return select;
      };
      let target: HTMLElement;
      if (kind === "leeftijd" || kind === "zorgvorm" || kind === "bestuur") target = pickOther(field<HTMLSelectElement>(`select[name=${kind}]`));
      else if (kind === "school") {
        const select = field<HTMLSelectElement>("select[name=school]");
        const count = 1 + Math.floor(random() * 3);
        for (const option of select.options) option.selected = false;
        for (let i = 0; i < count; i++) select.options[Math.floor(random() * select.options.length)].selected = true;
        target = select;
      } else if (kind === "definitie") {
        const other = form.querySelector("input[name=definitie]:not(:checked)") as HTMLInputElement;
        other.checked = true;
        target = other;
      } else if (kind === "jaar") {
        const boxes = [...form.querySelectorAll("input[name=jaar]")] as HTMLInputElement[];
        const box = boxes[Math.floor(random() * boxes.length)];
        box.checked = !box.checked;
        if (!boxes.some((b) => b.checked)) (boxes.find((b) => b !== box) as HTMLInputElement).checked = true;
        target = box;
      } else {
        let box = field<HTMLInputElement>(`input[name=${kind}]`);
        if (box.disabled) box = field<HTMLInputElement>("input[name=dbc]");
        box.checked = !box.checked;
        target = box;
      }
      // The figures are drawn inside the change event; the wait only covers a page that draws later.
      const results = () => document.querySelector(".explorer-results") as HTMLElement;
      const before = results().dataset.state;
      const started = performance.now();
      target.dispatchEvent(new Event("change", {bubbles: true}));
      // A change that never draws (an error in the page) ends after 120 s instead of hanging.
      await new Promise<void>((resolve) => {
        const finish = () => {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        };
        const check = () => {
          if (results()?.dataset.state === before) return;
          results().getBoundingClientRect(); // layout included
          finish();
        };
        const observer = new MutationObserver(check);
        const timer = setTimeout(finish, 120_000);
        observer.observe(document.body, {attributes: true, childList: true, subtree: true});
        check();
      });
      const domMs = performance.now() - started;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      // Whether the view after the change shows one board's schools or all of them.
      return {domMs, frameMs: performance.now() - started, board: field<HTMLSelectElement>("select[name=bestuur]").value !== ""};
    },
    {kind, seed}
  );
}

/**
 * Bytes the page fetched so far, counted per distinct URL (a variant loaded twice counts once):
 * transferred (gzip) and decoded. From the network events, so DuckDB's worker and wasm, which the
 * page's own resource timing does not see, are counted too.
 */
function trackWeight(page: Page): () => Promise<{transfer: number; decoded: number}> {
  const sizes = new Map<string, Promise<{transfer: number; decoded: number}>>();
  page.on("requestfinished", (request) => {
    if (sizes.has(request.url()) || request.url().startsWith("blob:") || request.url().startsWith("data:")) return;
    sizes.set(
      request.url(),
      Promise.all([request.sizes(), request.response()]).then(async ([s, response]) => ({
        transfer: s.responseBodySize + s.responseHeadersSize,
        decoded: (await response?.body().catch(() => null))?.length ?? s.responseBodySize
      }))
    );
  });
  return async () => {
    const all = await Promise.all(sizes.values());
    return {transfer: all.reduce((n, s) => n + s.transfer, 0), decoded: all.reduce((n, s) => n + s.decoded, 0)};
  };
}

async function measureExplorer(browser: Browser, baseUrl: string, label: string, cubeDir: string | null): Promise<void> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  // tsx names inner functions with a __name helper that does not exist in the page.
  await context.addInitScript({content: "window.__name = (f) => f;"});
  if (cubeDir) {
    await context.route(/\/_file\/data\/rapport\/verkennen\/(jeugdhulp-[a-z-]+|leerlingen|eenheden)\.[0-9a-f]+\.(csv|json)$/, (route) => {
      const [, name, extension] = /verkennen\/([\w-]+)\.[0-9a-f]+\.(csv|json)$/.exec(route.request().url())!;
      return route.fulfill({path: path.join(cubeDir, `${name}.${extension}`), contentType: extension === "csv" ? "text/csv" : "application/json"});
    });
  }
  const page = await context.newPage();
  const weight = trackWeight(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text().slice(0, 300)));
  const started = Date.now();
  await page.goto(new URL("verkennen", baseUrl).href);
  await page.waitForSelector(".explorer-results", {state: "attached", timeout: 300_000});
  const loadMs = Date.now() - started;
  await page.waitForLoadState("networkidle");
  const loaded = await weight();
  const heap = await page.evaluate(() => (performance as unknown as {memory?: {usedJSHeapSize: number}}).memory?.usedJSHeapSize ?? 0);

  // The main thread's CPU time per change (Chromium's ThreadTime): wall times on a loaded machine
  // include the time the renderer waited for a core; this does not.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const threadTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")!.value * 1000;
  const cpu: number[] = [];
  const dom: number[] = [];
  const frame: number[] = [];
  const byKind = new Map<Kind, number[]>();
  const byScope = {all: [] as number[], board: [] as number[]};
  const count = Number(options.changes);
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const cpuBefore = await threadTime();
    const t = await change(page, kind, i + 1);
    cpu.push((await threadTime()) - cpuBefore);
    dom.push(t.domMs);
    frame.push(t.frameMs);
    byKind.set(kind, [...(byKind.get(kind) ?? []), t.domMs]);
    byScope[t.board ? "board" : "all"].push(t.domMs);
  }
  dom.sort((a, b) => a - b);
  frame.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);

  const sqlStarted = Date.now();
  await page.click("button:has-text('Percentage per school')");
  await page.waitForFunction(() => /rij|fout/.test(document.querySelector(".sql-status")?.textContent ?? ""), null, {timeout: 600_000});
  const sqlMs = Date.now() - sqlStarted;
  const sqlStatus = await page.textContent(".sql-status");
  const afterSql = await weight();

  console.log(`\n## /verkennen — ${label}`);
  console.log(`eerste weergave na navigatie: ${ms(loadMs)}; JS-heap ${mb(heap)}`);
  console.log(`paginagewicht bij laden: ${mb(loaded.transfer)} over het net (gzip), ${mb(loaded.decoded)} uitgepakt`);
  console.log(`filterwijziging → nieuwe figuren in de DOM (${count}×): p50 ${ms(percentile(dom, 50))}, p95 ${ms(percentile(dom, 95))}, max ${ms(dom.at(-1)!)}`);
  console.log(`filterwijziging → volgend frame getekend:           p50 ${ms(percentile(frame, 50))}, p95 ${ms(percentile(frame, 95))}, max ${ms(frame.at(-1)!)}`);
  console.log(`filterwijziging, CPU-tijd van de hoofdthread (ThreadTime):  p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}, max ${ms(cpu.at(-1)!)}`);
  console.log(
    `per soort filter (mediaan / max, DOM): ${[...byKind].map(([k, v]) => `${k} ${v.sort((a, b) => a - b)[Math.floor(v.length / 2)].toFixed(0)}/${Math.max(...v).toFixed(0)}`).join(", ")}`
  );
  for (const [scope, values] of Object.entries(byScope)) {
    const sorted = values.sort((a, b) => a - b);
    if (sorted.length > 0) console.log(`  ${scope === "all" ? "alle scholen in beeld" : "één bestuur in beeld"} (${sorted.length}×): p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}`);
  }
  console.log(`eerste SQL-query (DuckDB starten + kubus inlezen + query): ${ms(sqlMs)} — ${sqlStatus}`);
  console.log(`paginagewicht na ${count} filterwijzigingen en de eerste query: ${mb(afterSql.transfer)} over het net, ${mb(afterSql.decoded)} uitgepakt (elk bestand één keer geteld)`);
  if (errors.length > 0) console.log(`fouten in de pagina: ${errors.join("; ")}`);
  await context.close();
}

async function measurePresentation(browser: Browser, baseUrl: string): Promise<void> {
  const page = await browser.newPage({viewport: {width: 1280, height: 720}});
  const weight = trackWeight(page);
  const started = Date.now();
  await page.goto(new URL("presentatie", baseUrl).href, {waitUntil: "networkidle"});
  const loadMs = Date.now() - started;
  const loaded = await weight();
  console.log(`\n## /presentatie`);
  console.log(`geladen (network idle): ${ms(loadMs)}; paginagewicht ${mb(loaded.transfer)} over het net (gzip), ${mb(loaded.decoded)} uitgepakt`);
  await page.close();
}

if (!options["no-build"]) {
  const build = spawnSync("npm", ["run", "build"], {cwd: projectDir, stdio: ["ignore", "ignore", "inherit"]});
  if (build.status !== 0) throw new Error("npm run build failed");
}
// gzip: what a static host sends; transfer sizes below are compressed, as a reader gets them.
const server = await serveDist(path.join(projectDir, "dist"), {gzip: true});
const browser = await launchChromium();
try {
  if (!options["national-only"]) await measureExplorer(browser, server.baseUrl, "standaardgegevens (22 scholen)", null);
  const nationalDir = path.resolve(options["national-dir"]);
  if (existsSync(path.join(nationalDir, "jeugdhulp-met-uit-gestart.csv"))) await measureExplorer(browser, server.baseUrl, `landelijke kubus (${nationalDir})`, nationalDir);
  else console.log(`\n(geen landelijke kubus in ${nationalDir}: npx tsx bench/nationalCube.ts)`);
  if (!options["national-only"]) await measurePresentation(browser, server.baseUrl);
} finally {
  await browser.close();
  server.server.kill();
}
