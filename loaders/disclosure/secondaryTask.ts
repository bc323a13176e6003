// The secondary suppression's search (secondary.ts) in a worker thread, for a large system. The search
// is one thread of LPs for minutes at a country's scale (bench/README.md), while the build's own
// thread has work that does not need its answer: the explorer's cube is counted meanwhile
// (withholding.ts `secondaryPattern`). And the search's garbage is collected in the worker's small
// heap, not in the build's, which holds the whole release.
//
// The worker runs the same search on the same system, unpacked from flat arrays (packedSystem.ts), so
// its pattern is the pattern the build's own thread would find: the options that are functions of a
// cell are evaluated here for every cell and read there by the cell's index.

import {progressLine, timedProgressLine} from "../io.js";
import {startTask, type Handled} from "../workerPool.js";
import type {Form, PublishedCell, DisclosureSystem} from "./model.js";
import {packLevel, packPoints, packSystem, pointsOf, searchRows, unpackLevel, unpackSystem, type PackedLevel, type PackedPoints, type PackedSystem, type PointList} from "./packedSystem.js";
import {RowIndex} from "./parts.js";
import {secondarySuppression, type SecondaryOptions, type SecondaryResult} from "./secondary.js";

const WORKER = new URL("./secondary.worker.ts", import.meta.url);

/** What the build prints of a search: which step, and the size of the blocks at each level. */
export interface SearchLabel {
  step: number;
  /** Schools per part at each level (blocks.ts), finest first. */
  levelSchools?: readonly number[];
}

/** The search's progress lines (NADERE_OGEN_PROGRESS), the same from either thread. */
export function searchProgress({step, levelSchools}: SearchLabel): Pick<SecondaryOptions, "progress" | "retry"> {
  const report = progressLine();
  if (!report) return {};
  return {
    progress: (done, of, solves, withheld) => report(`stap ${step}: ${done} van ${of} kleine aantallen, ${solves} LP's, ${withheld} afgeschermd`),
    retry: (counts, level, done, solves) =>
      report(`stap ${step}: ${done} van ${counts} kleine aantallen opnieuw, ${level === "all" ? "over alle groepen die ze raken" : `per ${levelSchools?.[level]} scholen`}, ${solves} LP's`)
  };
}

interface SearchInput {
  system: PackedSystem;
  levels: PackedLevel[];
  minCount: number;
  width: number;
  maxPerCell?: number;
  /** The options' verdicts per cell (1: yes). */
  keep: Uint8Array;
  keyFigure: Uint8Array;
  withholdPerturbed: Uint8Array;
  cost: Float64Array;
  /** The form a withheld count takes, for every count the search may withhold (null for the others). */
  withheld: (Form | null)[];
  label: SearchLabel;
}

type SearchOutput = Omit<SecondaryResult, "witnesses"> & {witnesses: PackedPoints};

/**
 * The search started in a worker thread: the caller's thread goes on until it awaits the result.
 * Progress lines come from the worker, straight to stderr's descriptor (io.ts progressLine).
 */
export function searchInWorker(system: DisclosureSystem, options: SecondaryOptions, label: SearchLabel): Promise<Omit<SecondaryResult, "witnesses"> & {witnesses: PointList}> {
  const lap = timedProgressLine();
  const {cells} = system;
  const flags = (test: ((cell: PublishedCell) => boolean) | undefined) => Uint8Array.from(cells, (cell) => (test?.(cell) ? 1 : 0));
  const keep = flags(options.keep);
  const withholdPerturbed = flags(options.withholdPerturbed);
  // Only exact counts not kept and perturbed ones the options allow can be withheld (secondary.ts).
  const withheld = cells.map((cell, i) => ((cell.form.kind === "exact" && !keep[i]) || (cell.form.kind === "perturbed" && withholdPerturbed[i]) ? options.withheld(cell) : null));
  const {packed, transfer} = packSystem(system);
  const levels = [options.blocks, ...(options.wider ?? [])].flatMap((level) => (level ? [packLevel(level)] : []));
  const input: SearchInput = {
    system: packed,
    levels,
    minCount: options.minCount,
    width: options.width,
    maxPerCell: options.maxPerCell,
    keep,
    keyFigure: flags(options.keyFigure),
    withholdPerturbed,
    cost: Float64Array.from(cells, (cell) => options.cost?.(cell) ?? cell.value),
    withheld,
    label
  };
  lap?.(`stap ${label.step}: stelsel ingepakt voor een werkdraad`);
  const task = startTask<SearchInput, SearchOutput>(WORKER, input, [...transfer, ...levels.flatMap((l) => [l.start.buffer, l.part.buffer] as ArrayBuffer[])]);
  // The witness points stay packed: the audit's worker reads them packed, and the build cache gets
  // them from a worker of its own (stepCacheTask.ts).
  return task.done().then((output) => ({...output, witnesses: pointsOf(output.witnesses)}));
}

/** In the worker: the search over the unpacked system, its witness points packed for the way back. */
export async function searchTask(input: SearchInput): Promise<Handled<SearchOutput>> {
  const lap = timedProgressLine();
  const system = unpackSystem(input.system);
  const rows = searchRows(input.system, system);
  const index = new RowIndex(system.variables, input.system, input.system.truth);
  lap?.(`stap ${input.label.step}: stelsel uitgepakt in een werkdraad, met zijn index`);
  const at = new Map(system.cells.map((cell, i) => [cell, i]));
  const of = (cell: PublishedCell) => at.get(cell) as number;
  const [blocks, ...wider] = input.levels.map(unpackLevel);
  const result = await secondarySuppression(
    system,
    {
      minCount: input.minCount,
      width: input.width,
      maxPerCell: input.maxPerCell,
      keep: (cell) => input.keep[of(cell)] === 1,
      keyFigure: (cell) => input.keyFigure[of(cell)] === 1,
      withholdPerturbed: (cell) => input.withholdPerturbed[of(cell)] === 1,
      cost: (cell) => input.cost[of(cell)],
      withheld: (cell) => input.withheld[of(cell)] as Form,
      blocks,
      wider: blocks ? wider : undefined,
      ...searchProgress(input.label)
    },
    {rows, index}
  );
  const {packed, transfer} = packPoints(result.witnesses);
  return {output: {...result, witnesses: packed}, transfer};
}
