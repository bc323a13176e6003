// npm run bench:pages — what one factsheet page (/scholen/<slug>) costs to build, at 22 schools (the
// default data), 500 or 7 000 (issue 13 item 4). A national build runs the release's disclosure step,
// which does not finish at this size yet (bench/README.md, scale benchmark), so the page work is
// measured apart from it, in three parts:
//
// 1. report: read, validate, scope, every table and the suppression rules (publish.ts) — once per
//    build, not per page. Rules only: the site's release withholds more (loaders/disclosure/), which
//    changes which cells show "·", not the size or shape of a page.
// 2. shared: what every page shares, once per build (factsheetContext): the spread, the funnel's data
//    and the all-schools funnel as one SVG file and one CSV.
// 3. render: scripts/factsheet-pages.ts's factsheetBody for every school (the components in the build-time DOM, scripts/buildDom.ts) —
//    what the page loader does in one process per build.
// 4. pages: `observable build` of the factsheet template (once, in a scratch project with the real
//    components and style.css), then each school's page as postbuild writes it (schoolPages.mjs
//    fillFactsheet: the template with the school's title and body) and its size.
//
// Usage: npx tsx bench/pages.ts [--schools 22|500|7000] [--dir <input folder>] [--render N] [--keep]
//        --schools 22 (the default) uses data/default; other counts write a synthetic municipality with
//        bench:schools' shape (260 pupils and 80 trajectories per school); --dir reads a folder as is
//        (bench/scale.ts --national --dir <folder> writes the national one); --render N renders only the
//        first N schools' pages (the total is then extrapolated).
import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {loadDataset} from "../loaders/contract.js";
import {readInputSources} from "../loaders/io.js";
import {publishReport, type PublicReport} from "../loaders/publish.js";
import {computeReport} from "../loaders/report.js";
import {buildScope} from "../loaders/tables/scope.js";
import {schoolSlugs} from "../src/lib/slug.js";
import {factsheetBody, factsheetContext, factsheetTemplate} from "../scripts/factsheet-pages.js";
import {factsheetTitle} from "../src/lib/slug.js";
import {INDEX_FILE} from "../scripts/schoolPages.mjs";
import {writeMunicipality} from "./municipality.js";
import {peakRssMb, resetPeak} from "./rss.js";

type Sheet = import("../src/components/factsheetTypes.js").Sheet;

const projectDir = path.resolve(import.meta.dirname, "..");
const {values: options} = parseArgs({
  options: {
    schools: {type: "string", default: "22"},
    dir: {type: "string"},
    render: {type: "string"},
    keep: {type: "boolean", default: false}
  }
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function timed<T>(run: () => T): {result: T; ms: number; cpuMs: number; peakMb: number} {
  resetPeak();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const {user, system} = process.cpuUsage(cpu);
  return {result, ms: performance.now() - started, cpuMs: (user + system) / 1000, peakMb: peakRssMb()};
}

/** `observable build` of the factsheet template as `slug`'s page in a scratch project: wall and CPU time (user + system of the whole tree). */
function frameworkBuild(root: string, template: string, slug: string): {ms: number; cpuMs: number} {
  mkdirSync(path.join(root, "src/scholen"), {recursive: true});
  // The template imports ../components/ChartFigure.js, which imports ../lib/.
  for (const dir of ["components", "lib"]) symlinkSync(path.join(projectDir, "src", dir), path.join(root, "src", dir));
  cpSync(path.join(projectDir, "src/style.css"), path.join(root, "src/style.css"));
  writeFileSync(path.join(root, "src/scholen", `${slug}.md`), template);
  writeFileSync(path.join(root, "observablehq.config.js"), `export default {root: "src", output: "dist", title: "bench", style: "style.css", pages: [], search: false};\n`);
  const observable = path.join(projectDir, "node_modules/.bin/observable");
  return timedRun(observable, ["build"], root);
}

/** A command's wall time and CPU (user + system of the whole tree). */
function timedRun(command: string, args: string[], cwd: string): {ms: number; cpuMs: number} {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S", command, ...args], {cwd, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, encoding: "utf8"});
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`${path.basename(command)}: exit ${run.status}\n${run.stderr.slice(-2000)}`);
  const [user, system] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return {ms: wall, cpuMs: (user + system) * 1000};
}

const schoolCount = Number(options.schools);
let dir = options.dir ?? (schoolCount === 22 ? path.join(projectDir, "data/default") : null);
let scratch: string | null = null;
if (dir === null) {
  scratch = dir = mkdtempSync(path.join(tmpdir(), `nadere-ogen-${schoolCount}-pages-`));
  writeMunicipality(dir, {seed: 20200500 + schoolCount, schools: schoolCount, pupils: schoolCount * 260, trajectories: schoolCount * 80, providers: 60});
}
try {
  const report = timed(() => {
    const {dataset} = loadDataset(readInputSources(dir).texts);
    const raw = computeReport(dataset, buildScope(dataset));
    // As the pages read it: plain JSON.
    return JSON.parse(JSON.stringify(publishReport(raw, dataset.settings))) as PublicReport;
  });
  const sheets = report.result.factsheets;
  console.log(
    `input ${dir}: ${sheets.length} factsheets; report (read, validate, scope, tables, rules) ${seconds(report.ms)} wall, ` +
      `${seconds(report.cpuMs)} CPU, peak RSS ${report.peakMb.toFixed(0)} MB — once per build`
  );

  const slugs = schoolSlugs(sheets);
  // Once per build: the numbers every page shares and the all-schools funnel (file and CSV).
  const shared = timed(() => factsheetContext(report.result));
  const context = shared.result;
  console.log(
    `shared (funnel of all schools, its file and CSV): ${seconds(shared.ms)} wall, ${seconds(shared.cpuMs)} CPU; ` +
      `${kb(Buffer.byteLength(context.funnel?.svg ?? ""))} SVG, ${kb(Buffer.byteLength(context.funnel?.csv ?? ""))} CSV — once per build`
  );
  const times: number[] = [];
  const bodies = new Map<string, {title: string; body: string}>();
  const rendered = sheets.slice(0, Number(options.render ?? sheets.length)) as unknown as Sheet[];
  const render = timed(() => {
    for (const sheet of rendered) {
      const started = performance.now();
      const slug = slugs.get(sheet.schoolId)!;
      bodies.set(slug, {title: factsheetTitle(sheet.name), body: factsheetBody(context, sheet, slug)});
      times.push(performance.now() - started);
    }
  });
  const sorted = [...times].sort((a, b) => a - b);
  const meanMs = render.cpuMs / rendered.length;
  console.log(
    `render (factsheetBody, ${rendered.length} of ${sheets.length} pages): ${seconds(render.ms)} wall, ${seconds(render.cpuMs)} CPU, peak RSS ${render.peakMb.toFixed(0)} MB; ` +
      `per page ${ms(meanMs)} CPU (median ${ms(sorted[sorted.length >> 1])}, p95 ${ms(sorted[Math.floor(sorted.length * 0.95)])} wall)`
  );

  // Framework builds the template once (as the first school's page); postbuild writes every school's
  // page from it and then applies its rules to every page, as in the site's build.
  const root = mkdtempSync(path.join(tmpdir(), "nadere-ogen-pages-"));
  let templateCpuMs: number;
  let assembleMs: number;
  try {
    const folder = "0";
    const framework = frameworkBuild(root, factsheetTemplate(folder), [...bodies.keys()][0]);
    const source = path.join(root, "factsheets", folder);
    mkdirSync(source, {recursive: true});
    const files = context.funnel ? [context.funnel.svgName, context.funnel.csvName] : [];
    if (context.funnel) for (const [name, text] of [[context.funnel.svgName, context.funnel.svg], [context.funnel.csvName, context.funnel.csv]]) writeFileSync(path.join(source, name), text);
    for (const [slug, {body}] of bodies) writeFileSync(path.join(source, `${slug}.html`), body);
    writeFileSync(path.join(source, INDEX_FILE), JSON.stringify({pages: [...bodies].map(([slug, {title}]) => ({slug, title})), files}));
    const post = timedRun("node", [path.join(projectDir, "scripts/postbuild.mjs"), path.join(root, "dist"), path.join(root, "factsheets")], projectDir);
    const pages = readdirSync(path.join(root, "dist/scholen")).filter((name) => name.endsWith(".html"));
    if (pages.length !== bodies.size) throw new Error(`postbuild: ${pages.length} of ${bodies.size} pages`);
    const sizes = pages.map((name) => statSync(path.join(root, "dist/scholen", name)).size);
    assembleMs = post.cpuMs / bodies.size;
    templateCpuMs = framework.cpuMs;
    console.log(
      `framework (observable build of the template, once): ${seconds(framework.ms)} wall / ${seconds(framework.cpuMs)} CPU; ` +
        `postbuild (every page from the template, then its rules on every page): ${seconds(post.ms)} wall, ${seconds(post.cpuMs)} CPU, per page ${assembleMs.toFixed(2)} ms CPU; ` +
        `page ${kb(sizes.reduce((a, b) => a + b, 0) / sizes.length)} on average, largest ${kb(Math.max(...sizes))}`
    );
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
  const total = shared.cpuMs + templateCpuMs + sheets.length * (meanMs + assembleMs);
  console.log(
    `pages of this input${rendered.length < sheets.length ? " (extrapolated)" : ""}: ${seconds(shared.cpuMs)} shared + ${seconds(templateCpuMs)} template + ` +
      `${sheets.length} × (${ms(meanMs)} render + ${assembleMs.toFixed(2)} ms page) = ${seconds(total)} CPU (${(total / 60000).toFixed(1)} min), besides the report and the disclosure step`
  );
} finally {
  if (scratch && !options.keep) rmSync(scratch, {recursive: true, force: true});
  else if (scratch) console.log(`input kept in ${scratch}`);
}
