// The build's one path from input folder to publishable numbers: load and validate the folder
// (contract), compute every table (report), pass everything through the suppression rule
// (publish). Site loaders and `npm run tables` call this and nothing below it.

import {setTimeout as sleep} from "node:timers/promises";
import type {ScopeReport} from "./contract.js";
import {buildCache, type BuildCacheEntry, progressLine, readRegion, reportFingerprint, resolveDataDir, timedProgressLine} from "./io.js";
import {loadFromEnvironment, type LoadOptions} from "./load.js";
import {inputFacts, type InputFacts} from "./site.js";
import {publishReport, type PublicReport} from "./publish.js";
import {computeReport, reportMeta} from "./report.js";
import {schoolSlugs} from "../src/lib/slug.js";
import {countCube} from "./cube/count.js";
import {publishCube} from "./cube/publish.js";
import {configuredDefinition, cubeGrid} from "./cube/grid.js";
import type {Dataset} from "./model.js";
import {buildScope, type Scope} from "./tables/scope.js";
import {factsheetSchools} from "./tables/factsheet.js";
import {schoolYearCounts} from "./tables/schools.js";
import {schoolRef} from "./tables/common.js";
import {deriveAtoms, type Atoms} from "./disclosure/atoms.js";
import {openCounts, openPublish} from "./disclosure/unitCounts.js";
import {definitionalAlias} from "./disclosure/leaves.js";
import {cubeWithholdings, decisionIds, reportWithholdings, secondaryPattern, withholdingOf, type SecondaryPattern} from "./disclosure/withholding.js";
import {registerReport, seal, type Registry, type SealedFiles} from "./disclosure/registry.js";
import {auditFailure, auditRelease, cachedAudit, disclosureSystem, formatAudit, privacySummary, type ReleaseAudit, type ReleaseContext} from "./disclosure/release.js";
import {auditRegion, regionSystem, type RegionPart} from "./disclosure/region.js";
import {InputErrors} from "./errors.js";
import {memberSettings, municipalitySlug, regionTables, REGION_REPORT_FILE, type RegionMember, type RegionReport} from "./region.js";
import {attackedFiles, attackPublishedCube, type CubeAttack} from "./disclosure/cubeAttack.js";
import {startTask} from "./workerPool.js";
import {CubeMembership, cubeDisclosure, cubeOverride, leaveOutSchoolAndBoardCuts, leftOutOfCube, prepareTieCheck, withholdSchoolAndBoardQuantities, withholdTiedQuantities} from "./disclosure/cubeCells.js";

export interface PublicBuild {
  report: PublicReport;
  scope: ScopeReport;
  /** The validated input the report was computed from, for what a page needs beyond the report. */
  dataset: Dataset;
}

/** The released report (rules and the release-wide secondary suppression), as the site publishes it. */
export async function publicReportFromEnvironment(options: LoadOptions = {}): Promise<PublicBuild> {
  const {dataset, scope} = loadFromEnvironment(options);
  return {report: (await releasedReport(dataset)).report, scope, dataset};
}

/** The released report as the site's pages read it from data/rapport/*.json: plain JSON. */
export type PageReport = Record<string, any>;

/** One fingerprint per input folder and process: it reads every input file (a country's: 250 MB). */
const fingerprints = new Map<string, string>();
function fingerprintOf(dataDir: string): string {
  let fingerprint = fingerprints.get(dataDir);
  if (fingerprint === undefined) fingerprints.set(dataDir, (fingerprint = reportFingerprint(dataDir)));
  return fingerprint;
}

/**
 * A result some loader of this build left in the build cache (`hit`), with the input's facts for the
 * pages (site.ts): a page loader that finds both need not read and validate a country's input again
 * (10–20 s each, eleven loaders). The fingerprint covers every input file, so the same facts mean the
 * same input, validated once. Otherwise the input is read and validated, its facts are cached, and a
 * missing result is computed from it.
 */
async function cachedOrComputed<T>(hit: T | null, options: LoadOptions, compute: (dataset: Dataset) => Promise<T>): Promise<{value: T; facts: InputFacts}> {
  const known = hit === null ? null : perInputCache("invoer", options).read();
  if (hit !== null && known !== null) return {value: hit, facts: JSON.parse(known) as InputFacts};
  const {dataset} = loadFromEnvironment(options);
  const facts = inputFacts(dataset);
  perInputCache("invoer", options).write(JSON.stringify(facts));
  return {value: hit ?? (await compute(dataset)), facts};
}

/**
 * A build-cache entry per input folder and code (io.ts reportFingerprint): for results that several
 * page loaders of one build need, each in its own process. NADERE_OGEN_FRESH_REPORT=1 ignores what is
 * there (the reproducibility test's second build computes afresh).
 */
function perInputCache(kind: string, options: LoadOptions): BuildCacheEntry {
  const cache = buildCache(kind, fingerprintOf(resolveDataDir(options.env)));
  const fresh = (options.env ?? process.env).NADERE_OGEN_FRESH_REPORT === "1";
  return {...cache, read: () => (fresh ? null : cache.read()), readBytes: () => (fresh ? null : cache.readBytes())};
}

/**
 * The audited site in the build cache: a first line of JSON (the build log, each file's name and
 * length in bytes), then the files' bytes one after another. As one JSON text a country's site
 * (9 M cube cells) is longer than V8's longest string.
 */
export function writeSiteCache(cache: BuildCacheEntry, files: SealedFiles, log: string): void {
  const contents = [...files].map(([name, text]): [string, Buffer] => [name, Buffer.from(text)]);
  const header = JSON.stringify({log, files: contents.map(([name, bytes]) => [name, bytes.length])});
  cache.writeParts([`${header}\n`, ...contents.map(([, bytes]) => bytes)]);
}

export function readSiteCache(bytes: Buffer): {files: SealedFiles; log: string} {
  const end = bytes.indexOf(0x0a);
  const {log, files} = JSON.parse(bytes.toString("utf8", 0, end)) as {log: string; files: [string, number][]};
  let at = end + 1;
  const read = new Map<string, string>();
  for (const [name, length] of files) {
    read.set(name, bytes.toString("utf8", at, at + length));
    at += length;
  }
  if (at !== bytes.length) throw new Error(`Bouwcache: de site heeft ${bytes.length - at} bytes na het laatste bestand.`);
  // Written only after seal() accepted every file and the audit passed (auditedSite).
  return {files: read as unknown as SealedFiles, log};
}

/**
 * The released report for a page written at build time (scripts/staticPage.ts, the factsheets), as
 * plain JSON, and the input's facts. The first loader of a build computes it with the audited site
 * (auditedSite), the others read it (perInputCache).
 */
export async function pageReportFromEnvironment(options: LoadOptions = {}): Promise<{report: PageReport; facts: InputFacts}> {
  // The audited site, not the released report alone: the build needs it anyway (the archive and
  // /verantwoording), and whichever loader comes first computes it for all (a country's release
  // took about half an hour, and was computed twice).
  const {value, facts} = await cachedOrComputed(perInputCache("rapport", options).read(), options, async (dataset) => (await auditedSite(dataset, options)).reportText);
  return {report: JSON.parse(value) as PageReport, facts};
}

/**
 * Whether a loader of this build has written the released report for this input and code to the
 * build cache at or after `since` (ms since the epoch). The first page loader writes it before its
 * audit (auditedSite); scripts/preload-pages.mjs starts the other page loaders then, since the pages
 * read the report; the archive and the pages that state the audit's figures wait for the audit
 * (auditedSiteFromEnvironment).
 */
export function releasedReportWrittenSince(since: number, options: LoadOptions = {}): boolean {
  const at = buildCache("rapport", fingerprintOf(resolveDataDir(options.env))).writtenAt();
  return at !== null && at >= since;
}

/**
 * The site's structure only — its schools (id, name) and meta — for the Framework config, which
 * cannot wait for the release. Counts in it are the rules' alone: never publish them from here.
 */
export function siteStructureFromEnvironment(options: LoadOptions = {}): SiteStructure {
  return siteStructure(loadFromEnvironment(options).dataset);
}

export type SiteStructure = Pick<PublicReport, "meta"> & {schools: {schoolId: string; name: string}[]};

/**
 * What the Framework config needs of the input (schoolPaths.ts siteFacts): its structure and its
 * facts, read and validated once per input and code (perInputCache). A build reads the config twice
 * (scripts/preload-pages.mjs, then `observable build`); for a country each read took 12 s (the input
 * 7,8 s, the structure 3,9 s). Written only after the input passed validation.
 */
export function configFactsFromEnvironment(options: LoadOptions = {}): {structure: SiteStructure; facts: InputFacts} {
  const cache = perInputCache("structuur", options);
  const hit = cache.read();
  if (hit !== null) return JSON.parse(hit) as {structure: SiteStructure; facts: InputFacts};
  const {dataset} = loadFromEnvironment(options);
  const value = {structure: siteStructure(dataset), facts: inputFacts(dataset)};
  cache.write(JSON.stringify(value));
  return value;
}

/**
 * siteStructureFromEnvironment for an input already loaded. The school list and meta only, not every
 * table: the config needs no more, and on the national input every table cost 29 s of CPU.
 */
export function siteStructure(dataset: Dataset): SiteStructure {
  const scope = buildScope(dataset);
  return {meta: reportMeta(dataset.settings, scope), schools: factsheetSchools(scope, schoolYearCounts(scope)).map(schoolRef)};
}

/** The report as separate JSON files, so a page loads only the part it shows. Factsheets are named by
 *  the school's URL slug: the page /scholen/<slug> attaches factsheets/<slug>.json. */
export function reportFiles(report: PublicReport): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const {factsheets, ...parts} = report;
  for (const [name, part] of Object.entries(parts)) files.set(`${name}.json`, part);
  const slugs = schoolSlugs(factsheets);
  for (const sheet of factsheets) files.set(`factsheets/${slugs.get(sheet.schoolId)}.json`, sheet);
  // The /scholen/ index links each school to its page by this list, not by slugging names again.
  files.set("factsheets.json", factsheets.map(({schoolId, name}) => ({schoolId, name, slug: slugs.get(schoolId)})));
  return files;
}

/**
 * Every file of the site's data loader (src/data/rapport.zip.ts): the report's parts as JSON and the
 * explorer's cube under verkennen/. The folder is read, validated and scoped once for both. Every
 * count in the files is registered in the disclosure model (loaders/disclosure/registry.ts) and the
 * files are sealed against it: the archive writer takes nothing else.
 */
export async function siteReleaseFromEnvironment(options: LoadOptions = {}): Promise<SiteRelease> {
  return siteRelease(loadFromEnvironment(options).dataset);
}

/** The site's archive as it is published, and what the build prints of its audit. */
export interface AuditedSite {
  /** every file of the archive, privacy.json (privacySummary) included, sealed */
  files: SealedFiles;
  /** the audit's report for the build log (formatAudit) */
  log: string;
  /** why the build must stop (auditFailure), or null */
  failure: string | null;
}

/**
 * The site's archive (src/data/rapport.zip.ts) and the pages that state its privacy figures
 * (/verantwoording) need the same audited release; each runs in its own process, the pages first.
 * The audit solves every small count, the cube's included (auditSiteRelease; cached by the system's
 * hash, like the secondary suppression's choice). A release that passed its audit is kept per input and code (perInputCache), so
 * the second caller reads it instead of counting the cube and the atoms again, and the input's facts
 * instead of the input (cachedOrComputed).
 */
export async function auditedSiteFromEnvironment(options: LoadOptions = {}): Promise<AuditedSite & {facts: InputFacts}> {
  const site = perInputCache("site", options);
  let hit = site.readBytes();
  if (hit === null && (await whileAnotherLoaderAudits(options))) hit = site.readBytes();
  const {value, facts} = await cachedOrComputed<AuditedSite>(hit && {...readSiteCache(hit), failure: null}, options, (dataset) => auditedSite(dataset, options));
  return {files: value.files, log: value.log, failure: value.failure, facts};
}

/**
 * The audited site of one dataset, written to the build cache for the other loaders: the site when
 * it passed its audit, and the released report (as pageReportFromEnvironment reads it) either way —
 * the build stops at the archive when the audit failed.
 */
async function auditedSite(dataset: Dataset, options: LoadOptions): Promise<AuditedSite & {reportText: string}> {
  const busy = perInputCache(AUDITING, options);
  busy.write(String(process.pid));
  try {
    return await releasedAndAudited(dataset, options);
  } finally {
    busy.remove();
  }
}

/** The build-cache entry that names the process computing this input's audited site (auditedSite). */
const AUDITING = "bezig";

/**
 * Waits while another live process computes this input's audited site (it wrote its pid to the
 * AUDITING entry): scripts/preload-pages.mjs starts the other pages once the released report is
 * written, before the audit, and a page that states the audit's figures (/verantwoording, /verkennen)
 * would otherwise compute the whole release again beside it. Says whether it waited. `npm run clean`
 * removes the entries a stopped build left.
 */
async function whileAnotherLoaderAudits(options: LoadOptions): Promise<boolean> {
  const busy = perInputCache(AUDITING, options);
  let waited = false;
  for (let pid = Number(busy.read()); pid > 0 && pid !== process.pid && isAlive(pid); pid = Number(busy.read())) {
    waited = true;
    await sleep(1000);
  }
  return waited;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function releasedAndAudited(dataset: Dataset, options: LoadOptions): Promise<AuditedSite & {reportText: string}> {
  const released = await releasedReport(dataset);
  // Written before the cube's files: the other pages need the report alone (preload-pages.mjs starts
  // them now), and those that need the files wait for the audited site.
  const reportText = JSON.stringify(released.report);
  perInputCache("rapport", options).write(reportText);
  const context = publishedContext(released);
  const {secondary} = released;
  const {audit, files} = await auditedFiles(context, secondary, () => releaseFiles(dataset, released.report, context));
  const all = new Map(files);
  all.set("privacy.json", JSON.stringify(privacySummary(audit, context.registry, secondary)));
  const site = {files: seal(all, context.registry), log: formatAudit(audit, secondary), failure: auditFailure(audit, secondary)};
  if (!site.failure) writeSiteCache(perInputCache("site", options), site.files, site.log);
  return {...site, reportText};
}

/**
 * The build's audit of a release: every published count, the cube's withheld and perturbed cells
 * included, solved as one system (the secondary suppression's witnesses checked first, so that only
 * what they leave unproven is solved), and the cube attacked from its files as well.
 */
export async function auditSiteRelease({files, context, secondary}: SiteRelease): Promise<ReleaseAudit> {
  return (await auditedFiles(context, secondary, () => files)).audit;
}

/**
 * The audit started first, then the files made (`makeFiles`) and the cube attacked from them: the audit
 * needs the release's system alone, and a large one runs in a worker thread (auditTask.ts), so the
 * files are made beside it (national build 20: the audit's system waited 51 s for them).
 */
async function auditedFiles(context: SiteRelease["context"], secondary: SiteRelease["secondary"], makeFiles: () => SealedFiles): Promise<{audit: ReleaseAudit; files: SealedFiles}> {
  const progress = progressLine();
  const auditing = auditRelease(context, undefined, true, secondary.witnesses);
  // Awaited below; marked handled now, so that a failure while the files are made does not also
  // report the audit's as unhandled.
  auditing.catch(() => {});
  const files = makeFiles();
  const attack = cubeAttackOf(files, context.registry.width);
  const audited = await auditing;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  const {milliseconds} = audited.audit;
  progress?.(
    `controle: ${audited.audit.protected} van ${audited.audit.sensitive} kleine aantallen beschermd, ${audited.audit.solves.lp} LP's; ` +
      `propagatie ${seconds(milliseconds.propagation)}, getuigen en LP's ${seconds(milliseconds.solve)}, in alles ${seconds(milliseconds.total)}`
  );
  const cubeAttack = attack();
  progress?.(`kubusaanval: ${cubeAttack.variables} aantallen, ${cubeAttack.pinned.length} vastgelegd`);
  return {audit: {...audited, cubeAttack}, files};
}

/** From this many characters of cube files on, the attack runs in a worker thread beside the audit. */
const ATTACK_IN_WORKER_FROM_CHARS = 20_000_000;
/** The longest the build waits for the attack's worker before it attacks in its own thread. */
const ATTACK_WORKER_MINUTES = 30;
const ATTACK_WORKER = new URL("./disclosure/cubeAttack.worker.ts", import.meta.url);

/**
 * The cube attack (cubeAttack.ts) on the files, started now and read when called. A large cube is
 * attacked in a worker thread while this thread audits: it needs the files alone, and in the build's
 * heap, which holds the whole release, a country's attack took 151 s against 60 s in a heap of its
 * own. The result is the same either way.
 */
function cubeAttackOf(files: SealedFiles, minCount: number): () => CubeAttack {
  const cube = attackedFiles(files);
  let chars = 0;
  for (const text of cube.values()) chars += text.length;
  if (chars < ATTACK_IN_WORKER_FROM_CHARS) return () => attackPublishedCube(files, minCount);
  const task = startTask<{files: ReadonlyMap<string, string>; minCount: number}, CubeAttack>(ATTACK_WORKER, {files: cube, minCount});
  return () => task.wait(ATTACK_WORKER_MINUTES * 60_000) ?? attackPublishedCube(files, minCount);
}

export interface SiteRelease {
  files: SealedFiles;
  /** The released report the files were written from. */
  report: PublicReport;
  context: ReleaseContext & {atoms: Atoms};
  secondary: SecondaryPattern;
  /** The registry under the rules alone, before the secondary suppression (for the benchmark). */
  ruled: Registry;
}

/**
 * What the release starts from: the report before any suppression, the rules' report, the school
 * slugs and every count of the unsuppressed report (by leafKey). `atomsOf` derives the disclosure
 * model's atoms from it (bench/atoms.ts times that step alone).
 */
export function releaseBasis(dataset: Dataset) {
  const scope = buildScope(dataset);
  const raw = computeReport(dataset, scope);
  const ruled = publishReport(raw, dataset.settings);
  const slugs = schoolSlugs(ruled.factsheets);
  const slugOf = (schoolId: string) => slugs.get(schoolId) ?? schoolId;
  const open = openCounts(openPublish(raw, dataset.settings), slugOf, true);
  return {scope, raw, ruled, slugOf, open};
}

export function atomsOf(dataset: Dataset, {scope, raw, slugOf, open}: ReturnType<typeof releaseBasis>, options?: Parameters<typeof deriveAtoms>[6]): Promise<Atoms> {
  return deriveAtoms(dataset, scope, open, slugOf, definitionalAlias(slugOf, scope.latestYear), raw.factors, {progress: progressLine(), ...options});
}

/**
 * The published report of one validated dataset: the rules first (publish.ts), then the counts the
 * release-wide secondary suppression withholds on top (loaders/disclosure/secondary.ts), chosen over
 * everything the rules let through and applied by the Publisher, so that whatever derives from a
 * withheld count is withheld with it.
 */
export async function releasedReport(dataset: Dataset): Promise<Omit<SiteRelease, "files"> & {counted: NonNullable<ReleaseContext["cube"]>}> {
  const basis = releaseBasis(dataset);
  const {scope, raw, ruled, slugOf, open} = basis;
  const atoms = await atomsOf(dataset, basis);
  const ids = decisionIds(publishReport(raw, dataset.settings, {kind: "probe"}), slugOf);
  const ruledContext = {dataset, scope, registry: registerReport(ruled, open, slugOf, dataset.settings), open, slugOf, atoms};
  // The explorer's cube is part of the release even where a page does not publish it: the secondary
  // suppression protects its small cells with the report's counts (withholding.ts, step 2), and every
  // page must show the same choice. Step 1 does not need it: it is counted while step 1 searches, and
  // so is the span that step 2's tie check needs (cubeCells.ts).
  let cube: NonNullable<ReleaseContext["cube"]> | undefined;
  const countedCube = () => (cube ??= explorerCube(ruledContext));
  const meanwhile = () => {
    countedCube();
    const lap = timedProgressLine();
    prepareTieCheck(ruledContext.registry, atoms);
    lap?.("spanning van alle aantallen voor de koppelingscontrole van de kubus");
  };
  const secondary = await secondaryPattern(ruledContext, ids, (registry) => cubeAsPublished(countedCube(), {...ruledContext, registry}), meanwhile);
  const counted = countedCube();
  if (reportWithholdings(secondary.withhold).length === 0) return {report: ruled, context: ruledContext, secondary, ruled: ruledContext.registry, counted};
  const report = publishReport(raw, dataset.settings, withholdingOf(reportWithholdings(secondary.withhold), ids));
  const released = registerReport(report, open, slugOf, dataset.settings);
  for (const key of reportWithholdings(secondary.withhold)) {
    const cell = released.cells[released.index.get(key) as number];
    if (cell?.form.kind !== "hidden") throw new Error(`Openbaarmakingsmodel: ${key.replace("\u0000", " ")} zou worden afgeschermd, maar staat er nog.`);
  }
  return {report, context: {...ruledContext, registry: released}, secondary, ruled: ruledContext.registry, counted};
}

/**
 * The cube's cells as they are published against a registry: the own quantities that a withheld
 * report count ties are withheld, and so is every own quantity of a school's or a board's pupils
 * where a published cell carries it (cubeCells.ts; explorerCube left the rest out already). Against the rules' registry (the secondary suppression's system) fewer are tied
 * than against the released one; withholding more only loosens the system, so what the secondary
 * suppression proved stays proven.
 */
function cubeAsPublished(counted: NonNullable<ReleaseContext["cube"]>, context: ReleaseContext & {atoms: Atoms}, secondary?: Pick<SecondaryPattern, "withhold">): NonNullable<ReleaseContext["cube"]> {
  const {grid} = counted.counts;
  const tied = withholdTiedQuantities(counted.disclosure, context.registry, context.atoms, grid, cubeWithholdings(secondary?.withhold ?? []));
  return {...counted, disclosure: withholdSchoolAndBoardQuantities(tied, grid)};
}

/** The release of one validated dataset: its files, sealed, and what the audit needs. */
export async function siteRelease(dataset: Dataset): Promise<SiteRelease> {
  const released = await releasedReport(dataset);
  const context = publishedContext(released);
  const {report, secondary, ruled} = released;
  return {files: releaseFiles(dataset, report, context), report, context, secondary, ruled};
}

/** The released report's context with the cube as published against it: what the audit needs. */
function publishedContext(released: Awaited<ReturnType<typeof releasedReport>>): SiteRelease["context"] & {cube: NonNullable<ReleaseContext["cube"]>} {
  const context = {...released.context, cube: cubeAsPublished(released.counted, released.context, released.secondary)};
  progressLine()?.("kubus zoals gepubliceerd");
  return context;
}

/** The report's parts and the cube's files, sealed. */
function releaseFiles(dataset: Dataset, report: PublicReport, context: ReturnType<typeof publishedContext>): SealedFiles {
  const files = new Map([...reportFiles(report)].map(([name, part]): [string, string] => [name, JSON.stringify(part)]));
  const {counts, disclosure} = context.cube;
  const cubeFiles = publishCube(counts, dataset.settings, cubeOverride(counts, disclosure, context.registry, dataset.settings));
  for (const [name, text] of cubeFiles) files.set(`verkennen/${name}`, text);
  return seal(files, context.registry);
}

export async function siteFilesFromEnvironment(options: LoadOptions = {}): Promise<SealedFiles> {
  return (await siteReleaseFromEnvironment(options)).files;
}

/**
 * The explorer's cube (/verkennen), counted from the same input, with the atoms of each pupil count
 * (loaders/disclosure/cubeCells.ts): a cell that repeats a report count shows what the report shows;
 * the cube's own cells are perturbed by the cell-key method (loaders/cube/ptable.ts) and built as
 * perturbed cells of the disclosure system (the secondary suppression's second step and the audit add them).
 */
export function explorerCube(context: ReleaseContext & {atoms: Atoms}): NonNullable<ReleaseContext["cube"]> {
  const {dataset, atoms} = context;
  const progress = timedProgressLine();
  const membership = new CubeMembership(atoms.pupilAtomOf);
  // The grid countCube makes too: here to know which cells the files leave out, whose pupils the
  // membership need not record.
  const leftOut = leftOutOfCube(cubeGrid(dataset.settings, context.scope.schools), configuredDefinition(dataset.settings.youthCareDefinition));
  const counts = countCube(dataset, context.scope, undefined, (pupilId, cell) => {
    if (!leftOut(cell)) membership.visit(pupilId, cell);
  });
  progress?.(`kubus geteld: ${counts.grid.size} cellen`);
  const {system} = disclosureSystem(context, atoms);
  progress?.(`stelsel van het rapport: ${system.cells.length} tellingen`);
  const disclosure = leaveOutSchoolAndBoardCuts(cubeDisclosure(counts, membership, atoms, system.cells, dataset.settings), counts, leftOut);
  progress?.(`kubus in het stelsel: ${disclosure.cells.length} eigen grootheden; ${disclosure.leftOutCells} cellen van scholen en besturen weggelaten`);
  return {counts, disclosure};
}

/** A region's release (issue 13 item 1): its one file, sealed, and its audit over the whole release. */
export interface RegionRelease {
  report: RegionReport;
  files: SealedFiles;
  /** The municipalities' folders, in the order of regio.json. */
  folders: string[];
  /** The audit's figures for the build log, in Dutch. */
  log: string;
  /** Why the build must stop (auditFailure), or null. */
  failure: string | null;
  /** The municipalities' one definition of youth care in a year. */
  definition: Dataset["settings"]["youthCareDefinition"];
  /** Every municipality's data are made up (their pages say so; the region's too). */
  synthetic: boolean;
}

/**
 * The region pages' numbers: each municipality's released report exactly as its own site publishes it
 * (releasedReport; its secondary pattern comes from the build cache once its site is built), the region
 * file summed from them (loaders/region.ts), and one audit over the union of the municipalities'
 * systems and the region's counts (disclosure/region.ts). Throws InputErrors for a broken folder.
 */
export async function regionRelease(regionDir: string, log: (message: string) => void = () => {}): Promise<RegionRelease> {
  const spec = readRegion(regionDir);
  const members: RegionMember[] = [];
  let synthetic = true;
  const parts: RegionPart[] = [];
  for (const folder of spec.folders) {
    const {dataset} = loadFromEnvironment({env: {...process.env, NADERE_OGEN_DATA: folder}, log});
    const released = await releasedReport(dataset);
    const {settings} = dataset;
    synthetic &&= settings.syntheticData;
    members.push({
      municipality: settings.municipality,
      report: released.report,
      settings: memberSettings(settings)
    });
    // The municipality's whole release, its cube included: the system its own build audits.
    const withCube = {...released.context, cube: cubeAsPublished(released.counted, released.context, released.secondary)};
    parts.push({slug: municipalitySlug(settings.municipality), system: disclosureSystem(withCube, released.context.atoms, true).system});
  }
  const {report, sources} = regionTables(spec.name, members);
  const regionText = JSON.stringify(report);
  const {minCount, auditWidth: width} = members[0].settings;
  const union = regionSystem(parts, REGION_REPORT_FILE, JSON.parse(regionText), sources, minCount, width);
  const {registry} = union;
  const audit = await auditRegion(parts, union, minCount, (system) => cachedAudit(system, {minCount, width}));
  const files = seal(new Map([[REGION_REPORT_FILE, regionText]]), registry);
  const nl = (n: number) => n.toLocaleString("nl-NL");
  const summary = [
    `Openbaarmakingscontrole van de regio ${spec.name} (${nl(parts.length)} gemeenten en de regiopagina's samen): ${nl(audit.cells)} gepubliceerde aantallen, ${nl(audit.sensitive)} kleine aantallen (1 tot en met ${minCount - 1}).`,
    `  beschermd: ${nl(audit.protected)} van ${nl(audit.sensitive)}; ${nl(audit.solves.lp)} LP's, ${nl(audit.solves.milp)} MILP's, ${nl(Math.round(audit.milliseconds.total))} ms${audit.decomposed ? "; elke regel van de regio volgt uit die van de gemeenten, dus per gemeente opgelost (uitkomst van haar eigen bouw)" : "; als één stelsel opgelost"}.`
  ].join("\n");
  return {report, files, folders: spec.folders, log: summary, failure: auditFailure({audit, width}), definition: members[0].settings.definition, synthetic};
}
