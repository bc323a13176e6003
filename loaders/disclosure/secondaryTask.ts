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
import {joinedPoints, packLevel, packPointList, packPoints, packSystem, pointsOf, searchRows, unpackLevel, unpackSystem, type PackedLevel, type PackedPoints, type PackedSystem, type PointList} from "./packedSystem.js";
import {RowIndex} from "./parts.js";
import {secondarySuppression, type SecondaryOptions, type SecondaryResult} from "./secondary.js";

const WORKER = new URL("./secondary.worker.ts", import.meta.url);

/** What the build prints of a search: which step, and the size of the blocks at each level. */
export interface SearchLabel {
  step: number;
  /** Which share of the search (secondary.ts `share`), when it runs in shares. */
  share?: {index: number; of: number};
  /** Schools per part at each level (blocks.ts), finest first. */
  levelSchools?: readonly number[];
}

/** The search's progress lines (NADERE_OGEN_PROGRESS), the same from either thread. */
export function searchProgress({step, share, levelSchools}: SearchLabel): Pick<SecondaryOptions, "progress" | "retry"> {
  const report = progressLine();
  if (!report) return {};
  const name = share ? `stap ${step}, deel ${share.index + 1} van ${share.of}` : `stap ${step}`;
  return {
    progress: (done, of, solves, withheld) => report(`${name}: ${done} van ${of} kleine aantallen, ${solves} LP's, ${withheld} afgeschermd`),
    retry: (counts, level, done, solves) =>
      report(`${name}: ${done} van ${counts} kleine aantallen opnieuw, ${level === "all" ? "over alle groepen die ze raken" : `per ${levelSchools?.[level]} scholen`}, ${solves} LP's`)
  };
}

/**
 * A large step 1 is searched in this many shares side by side (secondary.ts `share`), each in a worker
 * of its own: a country's search was one thread of LPs for four to five minutes, beside a build's
 * thread that had work for under three. Fixed, not the machine's cores: the pattern follows from the
 * input alone, and the step's key names it.
 */
export const SEARCH_SHARES = 2;

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

export type SearchOutput = Omit<SecondaryResult, "witnesses"> & {witnesses: PackedPoints};

/**
 * The search started in a worker thread: the caller's thread goes on until it awaits the result.
 * Progress lines come from the worker, straight to stderr's descriptor (io.ts progressLine).
 */
export function searchInWorker(system: DisclosureSystem, options: SecondaryOptions, label: SearchLabel, shares = 1): Promise<Omit<SecondaryResult, "witnesses"> & {witnesses: PointList}> {
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
  lap?.(`stap ${label.step}: stelsel ingepakt voor ${shares === 1 ? "een werkdraad" : `${shares} werkdraden`}`);
  // Every share but the last gets a copy; the last one the buffers themselves.
  const tasks = Array.from({length: shares}, (_, index) => {
    const share = shares === 1 ? undefined : {index, of: shares};
    const moved = index === shares - 1 ? [...transfer, ...levels.flatMap((l) => [l.start.buffer, l.part.buffer] as ArrayBuffer[])] : [];
    return startTask<SearchInput, SearchOutput>(WORKER, {...input, label: {...label, share}}, moved);
  });
  // The witness points stay packed: the audit's worker reads them packed, and the build cache gets
  // them from a worker of its own (stepCacheTask.ts).
  return Promise.all(tasks.map((task) => task.done())).then(joinedShares);
}

/**
 * The shares' results as one: their withholdings in share order (a count two shares withheld, once,
 * with the first one's reason), and their witness points packed together.
 */
export function joinedShares(outputs: readonly SearchOutput[]): Omit<SecondaryResult, "witnesses"> & {witnesses: PointList} {
  if (outputs.length === 1) return {...outputs[0], witnesses: pointsOf(outputs[0].witnesses)};
  const hide: number[] = [];
  const protects: number[] = [];
  const seen = new Set<number>();
  for (const output of outputs) {
    output.hide.forEach((r, k) => {
      if (seen.has(r)) return;
      seen.add(r);
      hide.push(r);
      protects.push(output.protects[k]);
    });
  }
  const sum = (f: (output: SearchOutput) => number) => outputs.reduce((total, output) => total + f(output), 0);
  return {
    hide,
    protects,
    unresolved: outputs.flatMap((output) => output.unresolved),
    solves: sum((output) => output.solves),
    milps: sum((output) => output.milps),
    // The shares ran side by side: the search took as long as the longest.
    milliseconds: Math.max(...outputs.map((output) => output.milliseconds)),
    witnesses: pointsOf(packPointList(joinedPoints(outputs.map((output) => pointsOf(output.witnesses)))).packed)
  };
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
      share: input.label.share,
      ...searchProgress(input.label)
    },
    {rows, index}
  );
  const {packed, transfer} = packPoints(result.witnesses);
  return {output: {...result, witnesses: packed}, transfer};
}
