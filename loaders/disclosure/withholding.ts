// The release-wide secondary suppression, applied: which published counts to withhold on top of
// the rules (secondary.ts chooses them over the disclosure system), and how that choice reaches the
// Publisher (publish.ts `Withholding`), by the numbers it gives its counts.

import {buildCache, committedPatterns} from "../io.js";
import {PROBE_BASE, type PublicReport, type Withholding} from "../publish.js";
import type {Atoms} from "./atoms.js";
import {countLeaves, leafKey, reportContents} from "./leaves.js";
import {systemKey, type Form, type PublishedCell} from "./model.js";
import {hiddenForm, type Registry} from "./registry.js";
import {disclosureSystem, type ReleaseContext} from "./release.js";
import {secondarySuppression, type SecondaryResult} from "./secondary.js";

/**
 * The report's key figures stay published whatever it costs: the municipal totals per year (Tabel
 * 6's total row) and the kerngetallen built from them. A small count that only these pin is
 * reported, and the build stops (release.ts).
 */
export function isKeyFigure(cell: Pick<PublishedCell, "file" | "path">): boolean {
  return cell.file === "kerngetallen.json" || (cell.file === "schools.json" && cell.path.startsWith("total."));
}

/**
 * Tabel 6's school counts carry the report's main comparison (the funnel, the growth patterns, the
 * statistics, every factsheet's item 1): withholding one costs ten times its value, so the finer
 * tables give way first.
 */
const SCHOOL_YEAR_WEIGHT = 10;
export function withholdingCost(cell: Pick<PublishedCell, "file" | "path" | "value">): number {
  const schoolYear = (cell.file === "schools.json" && cell.path.startsWith("tabel6[")) || (cell.file.startsWith("factsheets/") && cell.path.startsWith("years["));
  return cell.value * (schoolYear ? SCHOOL_YEAR_WEIGHT : 1);
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

export interface SecondaryPattern {
  /** leafKeys of the counts to withhold on top of the rules. */
  withhold: string[];
  unresolved: SecondaryResult["unresolved"];
  solves: number;
  milliseconds: number;
  /** Read from the build cache or the repository's patterns (the same system was solved before). */
  cached: boolean;
  /** The system's hash: the name of its pattern in the build cache and in data/afscherming/. */
  key: string;
}

/** What a reader concludes from the one mark, for the secondary choice (registry.ts decides it). */
const withheld = (cell: PublishedCell): Form => hiddenForm(cell.value);

/**
 * Chooses the counts to withhold, over the release as registered with the rules alone. The choice
 * follows from the system (cells, forms, true values, relations) and the options, so it is cached
 * by their hash: the site loader and the factsheet pages solve it once per input.
 */
export async function secondaryPattern(context: ReleaseContext & {atoms: Atoms}, ids: ReadonlyMap<string, number>): Promise<SecondaryPattern> {
  const {system} = disclosureSystem(context, context.atoms);
  const registry: Registry = context.registry;
  const options = {minCount: registry.minCount, width: registry.width};
  const key = systemKey({version: 3, options, system});
  const cache = buildCache("afscherming", key);
  const hit = cache.read() ?? committedPatterns.read(key);
  if (hit) return {...(JSON.parse(hit) as Omit<SecondaryPattern, "cached" | "key">), cached: true, key};
  const result = await secondarySuppression(system, {
    ...options,
    // A count the Publisher did not decide cannot be withheld: it is kept. That is the cube's own
    // cells (cubeCells.ts): perturbed, never withheld.
    keep: (cell) => isKeyFigure(cell) || !ids.has(leafKey(cell.file, cell.path)),
    cost: withholdingCost,
    withheld
  });
  const pattern = {
    withhold: result.hide.map((i) => leafKey(system.cells[i].file, system.cells[i].path)),
    unresolved: result.unresolved,
    solves: result.solves,
    milliseconds: result.milliseconds
  };
  cache.write(JSON.stringify(pattern));
  return {...pattern, cached: false, key};
}
