// The release-wide secondary suppression, applied: which published counts to withhold on top of
// the rules (secondary.ts chooses them over the disclosure system), and how that choice reaches the
// Publisher (publish.ts `Withholding`), by the numbers it gives its counts.

import {buildCache, committedPatterns, progressLine, timedProgressLine} from "../io.js";
import {PROBE_BASE, type PublicReport, type Withholding} from "../publish.js";
import type {Atoms} from "./atoms.js";
import {countLeaves, leafKey, reportContents} from "./leaves.js";
import {cellName, systemKey, termsKey, type DisclosureSystem, type Form, type PublishedCell} from "./model.js";
import {CUBE_FILE} from "./cubeCells.js";
import {HIDDEN_MARK, hiddenForm, type Registry} from "./registry.js";
import {disclosureSystem, type ReleaseContext} from "./release.js";
import {secondarySuppression, type SecondaryOptions, type SecondaryResult} from "./secondary.js";
import {searchInWorker, searchProgress} from "./secondaryTask.js";
import {joinedPoints, largeSystem, packPointList, type PointList} from "./packedSystem.js";
import {writeStepInWorker} from "./stepCacheTask.js";
import {schoolBlocks, withBlockMethod, type SchoolBlocks} from "./blocks.js";
import type {SparsePoint} from "./pool.js";

/**
 * The report's key figures: the municipal totals per year (Tabel 6's total row) and the kerngetallen
 * built from them. They are withheld only when nothing else protects a small count (secondary.ts),
 * and every one withheld so is reported (`SecondaryPattern.keyFigures`).
 */
export function isKeyFigure(cell: Pick<PublishedCell, "file" | "path">): boolean {
  return cell.file === "kerngetallen.json" || (cell.file === "schools.json" && cell.path.startsWith("total."));
}

/**
 * Tabel 6's school counts carry the report's main comparison (the funnel, the growth patterns, the
 * statistics, every factsheet's item 1): withholding one costs ten times its value, so the finer
 * tables give way first. A key figure costs more than any other count can (values stay far below
 * KEY_FIGURE_WEIGHT / SCHOOL_YEAR_WEIGHT), so it goes only when no other count binds.
 */
const SCHOOL_YEAR_WEIGHT = 10;
const KEY_FIGURE_WEIGHT = 1e9;
export function withholdingCost(cell: Pick<PublishedCell, "file" | "path" | "value">): number {
  if (isKeyFigure(cell)) return cell.value * KEY_FIGURE_WEIGHT;
  const schoolYear = (cell.file === "schools.json" && cell.path.startsWith("tabel6[")) || (cell.file.startsWith("factsheets/") && cell.path.startsWith("years["));
  return cell.value * (schoolYear ? SCHOOL_YEAR_WEIGHT : 1);
}

/** "leerlingen met jeugdhulp in 2023": a key figure in words, for the build log and the FG page. */
export function keyFigureLabel(cell: Pick<PublishedCell, "path">): string {
  const what = cell.path.includes("cohortPupils") ? "leerlingen in het cohort" : cell.path.endsWith("trajectories") ? "trajecten" : "leerlingen met jeugdhulp";
  const year = /year=(\d+)/.exec(cell.path)?.[1];
  return year ? `${what} in ${year}` : cell.path.startsWith("latest.") ? `${what} in het laatste jaar` : what;
}

/**
 * The counts that are key figures by their quantity: a count that repeats one (the cohort's pupils in
 * status.json and costs.json, a year's trajectories in dbc.json Tabel 2) takes the key figure along
 * when it is withheld, so it costs as much and is reported as one. Only counts of a key figure's
 * unit and value are compared by their atoms.
 */
export function keyFigureCounts(cells: readonly PublishedCell[]): Set<PublishedCell> {
  const keys = cells.filter((cell) => isKeyFigure(cell));
  const sizes = new Set(keys.map((cell) => `${cell.unit}:${cell.value}`));
  const quantities = new Set(keys.map(quantityOf));
  return new Set(cells.filter((cell) => isKeyFigure(cell) || (sizes.has(`${cell.unit}:${cell.value}`) && quantities.has(quantityOf(cell)))));
}
const quantityOf = (cell: PublishedCell) => `${cell.unit}:${termsKey(cell.terms)}`;

function keyFiguresWithheld(cells: readonly PublishedCell[], result: Pick<SecondaryResult, "hide" | "protects">, keyFigures: ReadonlySet<PublishedCell>): SecondaryPattern["keyFigures"] {
  const seen = new Map<string, SecondaryPattern["keyFigures"][number]>();
  result.hide.forEach((r, k) => {
    const cell = cells[r];
    const quantity = quantityOf(cell);
    if (!keyFigures.has(cell) || seen.has(quantity)) return;
    // Tabel 6's total row names the year; the kerngetallen's "latest" does not.
    const named = cells.find((c) => isKeyFigure(c) && c.path.includes("year=") && quantityOf(c) === quantity) ?? cell;
    seen.set(quantity, {name: cellName(cell), label: keyFigureLabel(named), protects: cellName(cells[result.protects[k]])});
  });
  return [...seen.values()];
}

/** Per published count (leafKey), the number the Publisher gave it: read from a probe run. */
export function decisionIds(probe: PublicReport, slugOf: (schoolId: string) => string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [file, content] of reportContents(probe as never, slugOf)) {
    for (const leaf of countLeaves(content)) {
      if (typeof leaf.value === "number" && leaf.value >= PROBE_BASE) ids.set(leafKey(file, leaf.path), leaf.value - PROBE_BASE);
    }
  }
  return ids;
}

export function withholdingOf(keys: readonly string[], ids: ReadonlyMap<string, number>): Withholding {
  return {kind: "withhold", counts: new Set(keys.map((key) => ids.get(key) as number))};
}

/** One step of the secondary suppression: its choice, cached and committed under its system's hash. */
export interface SecondaryStep {
  /** leafKeys of the counts to withhold on top of the rules (and the steps before). */
  withhold: string[];
  /** The key figures among them, each with the small count it protects (names: file and path) and,
   *  in Dutch without its value, which figure it is; one entry per quantity (the kerngetallen repeat
   *  Tabel 6's total row). */
  keyFigures: {name: string; label: string; protects: string}[];
  unresolved: SecondaryResult["unresolved"];
  solves: number;
  milps: number;
  milliseconds: number;
  /** Feasible points that prove small counts protected (secondary.ts `witnesses`), as they differ
   *  from the true point: the audit checks each against the released system and solves only what
   *  they leave unproven. (Patterns kept from before this field have none.) */
  witnesses?: PointList;
  /** Read from the build cache or the repository's patterns (the same system was solved before). */
  cached: boolean;
  /** The system's hash: the name of its pattern in the build cache and in data/afscherming/. */
  key: string;
}

/** The whole choice: the steps' withholdings together, and each step as it is kept. */
export interface SecondaryPattern extends Omit<SecondaryStep, "witnesses" | "key"> {
  witnesses: PointList;
  steps: SecondaryStep[];
}

/**
 * What a reader concludes from the one mark, for the secondary choice (registry.ts decides it). A
 * cube cell withheld takes the empty cells of its family along (cubeCells.ts), so there "·" says
 * 0 or more.
 */
const withheld = (cell: PublishedCell): Form => (cell.file === CUBE_FILE ? {kind: "hidden", mark: HIDDEN_MARK, lo: 0, hi: Infinity} : hiddenForm(cell.value));

/** The explorer's cells give way before the report's: the report is what the site is for. */
const CUBE_WEIGHT = 0.5;
const cost = (cell: PublishedCell) => (cell.file === CUBE_FILE ? CUBE_WEIGHT * cell.value : withholdingCost(cell));

/** The counts of a pattern the Publisher withholds (the report's), and the cube's cells it withholds. */
export function reportWithholdings(keys: readonly string[]): string[] {
  return keys.filter((key) => !key.startsWith(leafKey(CUBE_FILE, "")));
}
export function cubeWithholdings(keys: readonly string[]): Set<string> {
  return new Set(keys.filter((key) => key.startsWith(leafKey(CUBE_FILE, ""))));
}

/**
 * Chooses the counts to withhold, over the release as registered with the rules alone, in two steps:
 *  1. the report's small counts, over the report's counts (its system and hash as before the cube
 *     joined, so the patterns kept for it stay valid);
 *  2. with the explorer's cube beside the report as step 1 leaves it (`cubeAsPublished`): the cube's
 *     cells withheld at schools and boards are small counts of their own, which the report's exact
 *     counts alone could narrow (the full audit pinned one at 1 … 1), and its perturbed cells bound
 *     others (the report's small counts too, which step 1 protected without the cube); this step
 *     protects every small count again, by withholding more counts: the cube's perturbed cells too.
 * Each step follows from its system (cells, forms, true values, relations) and the options, so it is
 * cached by their hash: the site loader and the factsheet pages solve it once per input.
 */
export async function secondaryPattern(
  context: ReleaseContext & {atoms: Atoms},
  ids: ReadonlyMap<string, number>,
  cubeAsPublished?: (registry: Registry) => NonNullable<ReleaseContext["cube"]>,
  /** Work that needs no step's answer, done while step 1 searches in a worker (secondaryTask.ts). */
  meanwhile: () => void = () => {}
): Promise<SecondaryPattern> {
  const registry: Registry = context.registry;
  const options = {minCount: registry.minCount, width: registry.width};
  const blocksOf = (system: DisclosureSystem) => schoolBlocks(system, context.dataset.schools, context.slugOf);
  // What the preparation of each step costs, for a country's build (minutes there, unseen before).
  const lap = timedProgressLine() ?? (() => {});
  // Started before `meanwhile`: a search in a worker runs beside it.
  const writes: Promise<void>[] = [];
  const reportStep = secondaryStep(disclosureSystem(context, context.atoms).system, {version: 6, options}, ids, blocksOf, false, writes);
  meanwhile();
  const report = await reportStep;
  lap(`stap 1: ${report.cached ? "patroon van eerder" : "gezocht"}`);
  const steps = [report];
  let seeds: PointList | undefined;
  if (cubeAsPublished) {
    const hidden = new Set(report.withhold);
    const afterReport: Registry = {...registry, cells: registry.cells.map((cell) => (hidden.has(leafKey(cell.file, cell.path)) ? {...cell, form: hiddenForm(cell.value)} : cell))};
    const cube = cubeAsPublished(afterReport);
    lap("stap 2: kubus zoals gepubliceerd na stap 1");
    const {system} = disclosureSystem({...context, registry: afterReport, cube}, context.atoms, true);
    // A large cube step starts from step 1's witnesses: the cube changes few of the report's rows, so
    // most of them still prove their small counts, and the parts they prove are not solved again
    // (a country: 89 000 LPs, two minutes). The result then depends on them, so the key names step 1.
    // A small system keeps its search as it was, and with it the repository's patterns (a fresh
    // clone's step 1 comes from data/afscherming/, without witnesses).
    seeds = largeSystem(system) && (report.witnesses?.length ?? 0) > 0 ? report.witnesses : undefined;
    steps.push(await secondaryStep(system, {version: 3, step: "kubus", options, ...(seeds ? {seededBy: report.key} : {})}, ids, blocksOf, true, writes, seeds));
    lap(`stap 2: ${steps[1].cached ? "patroon van eerder" : "gezocht"}`);
  }
  // Long written by now (a country's step 1: seconds, beside step 2's minutes).
  await Promise.all(writes);
  const sum = (f: (step: SecondaryStep) => number) => steps.reduce((total, step) => total + f(step), 0);
  return {
    withhold: steps.flatMap((step) => step.withhold),
    keyFigures: steps.flatMap((step) => step.keyFigures),
    unresolved: steps.flatMap((step) => step.unresolved),
    solves: sum((step) => step.solves),
    milps: sum((step) => step.milps),
    milliseconds: sum((step) => step.milliseconds),
    // A seeded cube step's witnesses hold every point of step 1's that still proves a small count in
    // the cube's system (it protects them all again): step 1's own list would only repeat them.
    witnesses: joinedPoints((seeds ? steps.slice(1) : steps).map((step) => step.witnesses ?? [])),
    cached: steps.every((step) => step.cached),
    steps
  };
}

async function secondaryStep(
  system: DisclosureSystem,
  keyed: {options: {minCount: number; width: number}} & Record<string, unknown>,
  ids: ReadonlyMap<string, number>,
  blocksOf: (system: DisclosureSystem) => SchoolBlocks | null,
  cubeStep: boolean,
  /** Where a step written in the background leaves its promise (secondaryPattern awaits them). */
  writes: Promise<void>[],
  /** Feasible points of the step before (secondary.ts `seeds`). */
  seeds?: PointList
): Promise<SecondaryStep> {
  const blocks = blocksOf(system);
  const key = systemKey(withBlockMethod({...keyed, system}, blocks, blocks?.levels.map((level) => level.schools)));
  const report = progressLine();
  report?.(`stap ${cubeStep ? 2 : 1}: ${system.cells.length} tellingen, ${system.variables} variabelen, sleutel ${key}`);
  const cache = buildCache(CACHE_KIND, key);
  const hit = cache.read() ?? committedPatterns.read(key);
  if (hit) return {...(JSON.parse(hit) as Omit<SecondaryStep, "cached" | "key">), cached: true, key};
  const keyFigures = keyFigureCounts(system.cells);
  const label = {step: cubeStep ? 2 : 1, levelSchools: blocks?.levels.map((level) => level.schools)};
  const options: SecondaryOptions = {
    ...keyed.options,
    // A count the Publisher did not decide cannot be withheld as a report count: the cube's cells
    // (cubeCells.ts) are withheld only by the cube's step, through withholdPerturbed below.
    keep: (cell) => !ids.has(leafKey(cell.file, cell.path)),
    cost: (cell) => (keyFigures.has(cell) ? cell.value * KEY_FIGURE_WEIGHT : cost(cell)),
    keyFigure: (cell) => keyFigures.has(cell),
    withheld,
    // In the cube's step, a perturbed cell of the cube may go too: beside the report's marks, the
    // cube's own perturbed totals (with and without dyslexia care, say) can bound a small count that
    // no withholdable report count binds any more.
    withholdPerturbed: cubeStep ? (cell) => cell.file === CUBE_FILE : undefined,
    blocks: blocks?.levels[0].parts,
    wider: blocks?.levels.slice(1).map((level) => level.parts),
    seeds: seeds && (seeds.packed ?? packPointList(seeds).packed),
    ...searchProgress(label)
  };
  // The same search either way. Step 1's, when large, in a worker thread, so that the caller can count
  // the cube meanwhile; step 2 has nothing beside it, and the worker's start and the way back cost
  // more than its own heap saves (national build 18: 160 s against 135 s in this thread).
  const result = await (!cubeStep && largeSystem(system) ? searchInWorker(system, options, label) : secondarySuppression(system, options));
  const step: Omit<SecondaryStep, "cached" | "key"> & {witnesses: PointList} = {
    withhold: result.hide.map((i) => leafKey(system.cells[i].file, system.cells[i].path)),
    keyFigures: keyFiguresWithheld(system.cells, result, keyFigures),
    unresolved: result.unresolved,
    solves: result.solves,
    milps: result.milps,
    milliseconds: result.milliseconds,
    witnesses: result.witnesses
  };
  const leftOut = (witnessesLeftOut: boolean) => {
    if (witnessesLeftOut) process.stderr.write(`Afscherming: het patroon staat in de bouwcache zonder zijn ${step.witnesses.length} getuigenpunten (te groot voor één tekst); een volgende controle rekent die cellen opnieuw na.\n`);
  };
  const {witnesses, ...head} = step;
  if (witnesses.packed) {
    // Packed by the search's worker: written by a worker of its own while this thread goes on.
    const written = writeStepInWorker(CACHE_KIND, key, head, witnesses.packed, label.step).then(({witnessesLeftOut}) => leftOut(witnessesLeftOut));
    // Awaited by secondaryPattern; marked handled now, so that a failure is told there, not as a
    // rejection no one handled while step 2 runs.
    written.catch(() => {});
    writes.push(written);
  } else {
    const cached = stepCacheText({...head, witnesses: Array.isArray(witnesses) ? witnesses : [...witnesses]});
    leftOut(cached.witnessesLeftOut);
    cache.write(cached.text);
  }
  return {...step, cached: false, key};
}

/** The build cache's entries of the steps (withholding patterns), by their systems' hashes. */
const CACHE_KIND = "afscherming";

/**
 * A step as the build cache keeps it: whole, or without its witness points when they make it longer
 * than one string can be (V8: about 512 MB; the 500-school cube step had thousands of points, each
 * thousands of variables). The pattern is what a later build needs; without the witnesses its audit
 * solves the cells they would have proven.
 */
export function stepCacheText(step: {witnesses: readonly unknown[]}, stringify: (value: unknown) => string = JSON.stringify): {text: string; witnessesLeftOut: boolean} {
  try {
    return {text: stringify(step), witnessesLeftOut: false};
  } catch (error) {
    if (!(error instanceof RangeError) || step.witnesses.length === 0) throw error;
    return {text: stringify({...step, witnesses: []}), witnessesLeftOut: true};
  }
}
