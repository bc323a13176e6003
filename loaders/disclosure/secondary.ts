// Secondary suppression over the whole release at once (issue 10, item 3), in the manner of
// τ-ARGUS's optimal method but greedy: for every small count (1 … minCount − 1) the interval a reader
// can prove from everything published is computed by LP over the disclosure system (audit.ts' model);
// while it is narrower than `width`, the published count that binds it (a nonzero dual) and costs
// least — the smallest value, so the least information — is withheld as well, and the cell is solved
// again.
//
// Withholding a count only loosens its row, so every interval can only grow: a cell proven protected
// stays protected when later cells withhold more, and one pass over the small counts suffices. The
// LP interval is an outer bound of the integer one; the audit (audit.ts) checks the result with MILP
// where the LP lies within 1 of the threshold.
//
// Always a safe pattern: the report's key figures cost so much (`cost`) that they are withheld only
// when no other published count binds the cell. Then nothing else can protect it: the two dual
// solutions are certificates of its bounds built from rows that stay as they are whatever else is
// withheld (key figures, marks, relations), so the interval stays this narrow until one of those
// key figures goes. Each such withholding is returned with the small count it protects. Left
// "unresolved" is only a cell no published count binds (its marks, hidden zeros and the relations
// pin it on their own) or one that needs more than `maxPerCell` withholdings.

import {describe, isFeasible, rowsOf} from "./audit.js";
import {bindingRowIndices, highs, isUnbounded, modelData, optimise, type Highs, type Row} from "./lp.js";
import {cellName, formBounds, type DisclosureSystem, type Form, type PublishedCell, type Term} from "./model.js";
import {localIndex, localTerms, partModel, partPoint, RowIndex, searchParts, widerPart, type PartModel, type SearchPart} from "./parts.js";
import {isIntegral, sparsePoint, spreadObjectives, SpreadPool, type SparsePoint} from "./pool.js";
import type {PackedPoints} from "./packedSystem.js";

export interface SecondaryOptions {
  minCount: number;
  /** Required interval width (hi − lo), as in the audit. */
  width: number;
  /** Counts that cannot be withheld (not decided by the Publisher). */
  keep: (cell: PublishedCell) => boolean;
  /** Perturbed cells that may be withheld as well (the explorer's cube in its own step); by default
   *  only exact counts are. */
  withholdPerturbed?: (cell: PublishedCell) => boolean;
  /** What withholding a count costs (default its value: the least information lost). Key figures
   *  cost so much that any other binding count goes first (withholding.ts `withholdingCost`). */
  cost?: (cell: PublishedCell) => number;
  /** The report's key figures: withheld only when no other published count binds a small count
   *  (and then reported, `protects`); their cost should make them the last choice anyway. */
  keyFigure?: (cell: PublishedCell) => boolean;
  /** What a reader can conclude about a count once it is withheld (registry.ts `withheldForm`). */
  withheld: (cell: PublishedCell) => Form;
  /** Withheld counts per small count and pass before it is given up as unprotectable (default 40). */
  maxPerCell?: number;
  /** Per variable, the blocks it belongs to (blocks.ts `schoolBlocks`, the finest level): each small
   *  count is then searched over the block that holds most of its variables, the rest held at their
   *  true values (parts.ts `searchParts`). Without it, every count is searched over the whole system. */
  blocks?: readonly (readonly number[])[];
  /** Coarser levels of blocks, finest first (blocks.ts `schoolBlocks`): a count its block cannot
   *  protect without a key figure is searched again in its part of the next level; only the last
   *  level may give up a key figure. */
  wider?: readonly (readonly (readonly number[])[])[];
  /** Progress, for the benchmark; `retry` when counts are searched again at a coarser level (its
   *  index in [blocks, ...wider]), or over every part they touch: first with `done` 0, then every
   *  25 counts (a country's retries take minutes). */
  progress?: (done: number, of: number, solves: number, withheld: number) => void;
  retry?: (counts: number, level: number | "all", done: number, solves: number) => void;
  /**
   * Feasible points found before over the same variables, as they differ from the truth (the cube's
   * step gets step 1's witnesses, withholding.ts). Each is offered to the pool of every part of the
   * finest level whose variables hold all its changes, and kept there if it satisfies that part's
   * rows as they stand (audit.ts `isFeasible`, the audit's own test). A part whose small counts these
   * points all prove wide enough is not solved at all. With `blocks` only; in this thread only (the
   * worker's search, secondaryTask.ts, takes none).
   */
  seeds?: PackedPoints;
}

export interface SecondaryResult {
  /** Indices into system.cells of the counts to withhold as well, in the order chosen. */
  hide: number[];
  /** Per entry of `hide`, the small count (index into system.cells) it was withheld to protect. */
  protects: number[];
  /** Small counts that no withholding of a published count protects (nothing withholdable binds them). */
  unresolved: {cell: number; name: string; lo: number; hi: number; pinnedBy: string[]}[];
  solves: number;
  /** Integer solves for cells the LP left within 1 of the width. */
  milps: number;
  milliseconds: number;
  /** Feasible points that prove the small counts the search proved without an integer solve
   *  (pool.ts `witnesses`): what the audit of the released system checks first. */
  witnesses: SparsePoint[];
}

const EPS = 1e-7;
/** Seconds per integer solve, as the audit's default (audit.ts `milpSeconds`). */
const MILP_SECONDS = 20;

/**
 * `prepared`: the system's rows and row index as a worker thread unpacks them (secondaryTask.ts),
 * the same as those built here from the system.
 */
export async function secondarySuppression(system: DisclosureSystem, options: SecondaryOptions, prepared?: {rows: readonly Row[]; index: RowIndex}): Promise<SecondaryResult> {
  const start = performance.now();
  const {minCount} = options;
  const rows = prepared?.rows ?? rowsOf(system);
  const small = system.cells.flatMap((cell, i) => (cell.value >= 1 && cell.value < minCount ? [i] : []));
  const result: SecondaryResult = {hide: [], protects: [], unresolved: [], solves: 0, milps: 0, milliseconds: 0, witnesses: []};
  if (small.length === 0) return result;
  const search: Search = {h: await highs(), system, rows, forms: system.cells.map((cell) => cell.form), options, result, index: options.blocks ? (prepared?.index ?? new RowIndex(system.variables, rows, system.truth)) : undefined};
  if (!options.blocks) {
    await protectPart(search, {free: null, cells: small}, true, (k) => {
      if (k % 50 === 0) options.progress?.(k, small.length, result.solves, result.hide.length);
    });
  } else {
    // Each count in its block first. Where coarser levels follow, a count its part cannot protect
    // without a key figure (or within maxPerCell withholdings) is searched again in its part of the
    // next level; only the last level may give up a key figure. What is left then is tried over every
    // part of the last level its variables are in.
    let done = 0;
    const levels = [options.blocks, ...(options.wider ?? [])];
    const parts = searchParts(system, small, options.blocks);
    if (options.seeds) search.seedsOf = seedsByPart(parts, options.blocks, options.seeds);
    let left = await protectParts(search, parts, levels.length === 1, (k) => {
      if ((done + k) % 50 === 0) options.progress?.(done + k, small.length, result.solves, result.hide.length);
    }, (part) => (done += part.cells.length));
    // Told when counts are searched again, and every 25 of them.
    const retrying = (counts: number, level: number | "all") => {
      let retried = 0;
      options.retry?.(counts, level, 0, result.solves);
      return () => {
        if (++retried % 25 === 0) options.retry?.(counts, level, retried, result.solves);
      };
    };
    for (let level = 1; level < levels.length && left.length > 0; level++) {
      left = await protectParts(search, searchParts(system, left, levels[level]), level === levels.length - 1, retrying(left.length, level));
    }
    if (left.length > 0) await protectPart(search, widerPart(system, left, levels[levels.length - 1]), true, retrying(left.length, "all"));
  }
  result.milliseconds = performance.now() - start;
  return result;
}

/** What every part of one search shares. */
interface Search {
  h: Highs;
  system: DisclosureSystem;
  rows: readonly Row[];
  /** Every count's form as the search has it now (withheld ones loosened). */
  forms: Form[];
  options: SecondaryOptions;
  result: SecondaryResult;
  index?: RowIndex;
  /** Per part of the finest level, the seeds (indices into options.seeds) offered to its pool. */
  seedsOf?: Map<SearchPart, number[]>;
}

/** Per part (of one level), the seed points whose changed variables all lie in its block. */
function seedsByPart(parts: readonly SearchPart[], blocks: readonly (readonly number[])[], {start, variable}: PackedPoints): Map<SearchPart, number[]> {
  const partOf = new Map<number, SearchPart>();
  for (const part of parts) if (part.block !== undefined) partOf.set(part.block, part);
  const seedsOf = new Map<SearchPart, number[]>();
  for (let k = 0; k + 1 < start.length; k++) {
    if (start[k] === start[k + 1]) continue;
    // Without a list per pair: a country's step 1 leaves 36 M of them.
    for (const b of blocks[variable[start[k]]] ?? []) {
      const part = partOf.get(b);
      let inBlock = part !== undefined;
      for (let e = start[k] + 1; e < start[k + 1] && inBlock; e++) inBlock = (blocks[variable[e]] ?? []).includes(b);
      if (!part || !inBlock) continue;
      const list = seedsOf.get(part);
      if (list) list.push(k);
      else seedsOf.set(part, [k]);
    }
  }
  return seedsOf;
}

/** Offers a part's seeds to its pool (those its rows admit as they stand); returns how many it kept. */
function offerSeeds(search: Search, part: SearchPart, m: PartModel, pool: SpreadPool): number {
  const offered = search.seedsOf?.get(part);
  const seeds = search.options.seeds;
  if (!offered || !seeds) return 0;
  const {start, variable, value} = seeds;
  const truth = partPoint(m, search.system.truth);
  let kept = 0;
  for (const k of offered) {
    const point = truth.slice();
    let inPart = true;
    for (let e = start[k]; e < start[k + 1] && inPart; e++) {
      const j = localIndex(m.localVariable, variable[e]);
      if (j < 0) inPart = false;
      else point[j] = value[e];
    }
    if (!inPart || !isFeasible(point, m.variables, m.rows)) continue;
    pool.add(point);
    kept++;
  }
  return kept;
}

/** Parts in turn: returns the counts they left unresolved (for a wider part). */
async function protectParts(search: Search, parts: readonly SearchPart[], last: boolean, progress: (k: number) => void, after: (part: SearchPart) => void = () => {}): Promise<number[]> {
  const left: number[] = [];
  for (const part of parts) {
    await protectPart(search, part, last, progress);
    after(part);
    left.push(...search.result.unresolved.map((u) => u.cell));
    search.result.unresolved = [];
  }
  return left;
}

/**
 * The greedy search of one part: protects its small counts, withholding more as it goes. In the
 * `last` part a key figure may go, and a count left unprotected is unresolved; in the others such a
 * count is handed back (as unresolved) for a wider part.
 */
async function protectPart(search: Search, part: SearchPart, last: boolean, progress: (k: number) => void): Promise<void> {
  const {h, system, rows, forms, options, result} = search;
  const {width} = options;
  const bounds = (r: number) => (r < forms.length ? formBounds(forms[r]) : rows[r]);
  const m = partModel(system, rows, part.free, search.index, bounds);
  // The spread over feasible points seen so far (the truth and every LP vertex, the held variables at
  // their true values): a cell whose values there already lie far enough apart is protected without
  // solving it (pool.ts, as in audit.ts). The pool holds the part's values only: a part of a
  // country's search is a few schools of a million variables.
  const watched = part.cells.map((i) => localTerms(m, system.cells[i].terms, system.truth));
  const pool = new SpreadPool(watched, watched.map((_, k) => k), true);
  pool.add(partPoint(m, system.truth));
  const keepWitnesses = () => {
    for (const witness of pool.witnesses(width)) result.witnesses.push(sparsePoint(witness, system.truth, part.free));
  };
  // Proven by earlier points alone: no model, no solve (a country's cube step: most of its parts).
  if (offerSeeds(search, part, m, pool) > 0 && part.cells.every((_, k) => pool.proves(k, width))) {
    part.cells.forEach((_, k) => progress(k));
    return keepWitnesses();
  }

  const model = h.createModel(modelData(h, m.variables, m.rows));
  const bound = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
  try {
    // Presolve off and the primal simplex: between solves only the objective changes (the basis stays
    // primal feasible) or a row loosens. Measured on a copy of the default data's system without its
    // relations: 42 s against 320 s with HiGHS's defaults.
    model.options.set({output_flag: false, presolve: "off", simplex_strategy: 4});
    const solve = (terms: readonly Term[], sense: "min" | "max") => {
      const status = optimise(h, model, m.variables, terms, sense);
      result.solves++;
      if (status !== h.constants.modelStatus.optimal) return null;
      const solution = model.getSolution();
      pool.add(solution.colValue);
      return {value: model.getObjectiveValue(), integral: isIntegral(solution.colValue), binding: bindingRowIndices(solution.rowDual).map((r) => m.globalRow[r])};
    };
    // A few solves with all small counts in one objective spread the pool over many cells at once.
    for (const [round, terms] of spreadObjectives(system.cells, part.cells, 4, 20201).entries()) solve(localTerms(m, terms, system.truth).terms, round % 2 === 0 ? "max" : "min");

    const withhold = (r: number, protecting: number) => {
      forms[r] = options.withheld(system.cells[r]);
      const b = formBounds(forms[r]);
      const held = m.shift.get(r) as number;
      model.changeRowBounds(m.localRow.get(r) as number, bound(b.lo - held), bound(b.hi - held));
      result.hide.push(r);
      result.protects.push(protecting);
    };
    const cost = (r: number) => options.cost?.(system.cells[r]) ?? system.cells[r].value;
    const withholdable = (r: number) =>
      forms[r].kind === "exact" ? !options.keep(system.cells[r]) : forms[r].kind === "perturbed" && (options.withholdPerturbed?.(system.cells[r]) ?? false);
    const isKey = (r: number) => options.keyFigure?.(system.cells[r]) ?? false;
    // Protects small count i (the k-th of the part). In the first pass a cell that only key figures
    // bind, or whose withholdings ran out, is deferred: the other cells' withholdings may yet widen it.
    // In the final pass it is first decided in whole numbers where the LP leaves it wide enough (an
    // integer solve, not a key figure, for a margin the audit's MILP grants); only then, and only in
    // the last part, does a key figure go.
    const protect = async (k: number, final: boolean): Promise<"done" | "deferred"> => {
      const i = part.cells[k];
      for (let attempt = 0; ; attempt++) {
        if (pool.proves(k, width)) return "done";
        const {terms, held} = watched[k];
        const min = solve(terms, "min");
        const max = solve(terms, "max");
        const lo = min ? Math.ceil(min.value + held - EPS) : 0;
        const hi = max ? Math.floor(max.value + held + EPS) : Infinity;
        // A spread of width + 1 over the LP, or of width between two integral vertices, is what the
        // audit accepts without an integer solve (audit.ts): aiming lower would leave the build's
        // audit hundreds of MILPs.
        if (!min || !max || max.value - min.value >= width + 1 - EPS) return "done";
        if (min.integral && max.integral && hi - lo >= width) return "done";
        const binding = [...new Set([...min.binding, ...max.binding])].filter((r) => r < system.cells.length);
        // A small count shown as it is (the rules left it) is its own cheapest protection.
        const candidates = binding.filter((r) => system.cells[r].value > 0 && withholdable(r));
        const others = candidates.filter((r) => !isKey(r));
        const exhausted = attempt >= (options.maxPerCell ?? 40);
        if (others.length === 0 || exhausted) {
          if (!final) return "deferred";
          if (hi - lo >= width) {
            result.milps += 2;
            // The part's rows as the withholdings so far leave them (rare: only the final pass).
            if ((await integerWidth(h, m.variables, partModel(system, rows, part.free, search.index, bounds).rows, terms)) >= width) return "done";
          }
          if (candidates.length === 0 || exhausted || !last) {
            result.unresolved.push({cell: i, name: cellName(system.cells[i]), lo, hi, pinnedBy: binding.map((r) => describe({...system.cells[r], form: forms[r]}))});
            return "done";
          }
        }
        const choice = others.length > 0 ? others : candidates;
        withhold(
          choice.reduce((best, r) => (cost(r) < cost(best) || (cost(r) === cost(best) && r < best) ? r : best)),
          i
        );
      }
    };
    const deferred: number[] = [];
    for (let k = 0; k < part.cells.length; k++) {
      progress(k);
      if ((await protect(k, false)) === "deferred") deferred.push(k);
    }
    for (const k of deferred) await protect(k, true);
  } finally {
    model.dispose();
  }
  keepWitnesses();
}

/**
 * The integer interval's width of one expression over the system with the given forms (a fresh
 * model: the LP model keeps its basis for the greedy). A solve that does not finish counts as 0:
 * not proven wide.
 */
async function integerWidth(h: Highs, variables: number, rows: readonly Row[], terms: readonly Term[]): Promise<number> {
  const model = h.createModel(modelData(h, variables, rows));
  try {
    model.changeColsIntegrality({kind: "range", from: 0, to: variables - 1}, new Int32Array(variables).fill(1) as unknown as Int32Array);
    model.options.set({output_flag: false, time_limit: MILP_SECONDS});
    const solve = (sense: "min" | "max") => {
      const status = optimise(h, model, variables, terms, sense);
      if (isUnbounded(h, status)) return sense === "max" ? Infinity : -Infinity;
      return status === h.constants.modelStatus.optimal ? Math.round(model.getObjectiveValue()) : null;
    };
    const lo = solve("min");
    const hi = solve("max");
    return lo === null || hi === null ? 0 : hi - lo;
  } finally {
    model.dispose();
  }
}
