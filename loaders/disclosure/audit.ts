// The build's disclosure audit, in the manner of τ-ARGUS: for every sensitive published cell (a true
// count of 1 … minCount − 1) the interval of values a reader can prove from everything published.
// The cell is protected when that interval is at least `width` wide (hi − lo ≥ width).
//
// Order of work, cheapest first:
// 1. the cell's own form (a shown small count, or a mark that already pins it);
// 2. bound propagation over all rows (an outer bound: narrow here ⇒ narrow for the attacker too);
// 3. a pool of feasible points (the true atom sizes, the secondary suppression's witnesses once each
//    is checked against every row, and every LP solution found so far): cells whose values over the
//    pool already spread wide enough are proven protected without a solve;
// 4. LP min and max with HiGHS over all rows; the nonzero duals name the published numbers that pin
//    a narrow cell;
// 5. MILP (integer atoms) only where the LP interval lies within 1 of the threshold.

import {bindingRows, highs, isUnbounded, modelData, optimise, type Row} from "./lp.js";
import {cellName, formBounds, type DisclosureSystem, type Term} from "./model.js";
import {isIntegral, SparseEvaluator, spreadObjectives, SpreadPool, type SparsePoint} from "./pool.js";
import type {PointList} from "./packedSystem.js";
import {localTerms, partModel, RowIndex, searchParts, wholePoint} from "./parts.js";

export interface AuditOptions {
  minCount: number;
  /** Required interval width (settings.suppression.auditWidth; default minCount). */
  width: number;
  /** Seconds per MILP solve before it counts as unresolved (and so as a violation). */
  milpSeconds?: number;
  /** Solve every open cell instead of accepting a wide spread over the pool of feasible points (the
   *  pool proves protection but reports an inner bound of the interval). */
  exactIntervals?: boolean;
  /** Seconds for all solves together; cells left when it runs out are unresolved (not proven
   *  protected). Default: no limit. */
  budgetSeconds?: number;
  /** Solves with all open cells in one random-signed objective before the per-cell solves (default 4). */
  spreadRounds?: number;
  /** Points offered as feasible (the secondary suppression's witnesses): each one that satisfies every
   *  row joins the pool, the others are dropped. A proof, checked here, not a verdict taken on trust. */
  witnesses?: PointList;
  /** Per variable, its blocks of schools (blocks.ts): a cell the witnesses leave unproven is solved
   *  in its part first (parts.ts), and over the whole system only when the part leaves it narrow. */
  blocks?: readonly (readonly number[])[];
}

export type Proof = "shown" | "form" | "propagation" | "pool" | "lp" | "milp" | "unresolved";

export interface CellFinding {
  /** Index into system.cells. */
  cell: number;
  name: string;
  value: number;
  lo: number;
  hi: number;
  protected: boolean;
  proof: Proof;
  /** The published numbers (and relations) that bind the interval, from the LP's duals. */
  pinnedBy: string[];
}

export interface AuditResult {
  cells: number;
  hidden: number;
  sensitive: number;
  protected: number;
  violations: CellFinding[];
  findings: CellFinding[];
  /** The narrowest interval among protected sensitive cells (null when none is protected): for the
   *  benchmark's log only (bench/disclosure.ts). It depends on the audit's path (a cell the witness points prove stops at their
   *  spread, an inner bound; one solved by LP has its LP interval), so the site does not state it. */
  narrowest: {lo: number; hi: number; name: string} | null;
  solves: {lp: number; milp: number};
  /** Witness points offered and those that satisfied every row. */
  witnesses: {offered: number; feasible: number};
  milliseconds: {propagation: number; solve: number; total: number};
}

/** Whether a point satisfies every row and keeps every variable ≥ 0 (with the LP's tolerance). */
export function isFeasible(point: ArrayLike<number>, variables: number, rows: readonly Row[]): boolean {
  if (point.length !== variables) return false;
  for (let j = 0; j < variables; j++) if (!(point[j] >= -FEASIBILITY)) return false;
  for (const row of rows) {
    let sum = 0;
    for (const t of row.terms) sum += t.coefficient * point[t.variable];
    if (sum < row.lo - FEASIBILITY || sum > row.hi + FEASIBILITY) return false;
  }
  return true;
}
const FEASIBILITY = 1e-6;

/**
 * A feasibility check for points given by where they differ from a base point (the truth): each
 * row's value at the base once, then per point only the rows over its changed variables.
 */
export function sparseFeasibility(base: ArrayLike<number>, variables: number, rows: readonly Row[]): (point: SparsePoint) => boolean {
  const baseFeasible = isFeasible(base, variables, rows);
  const activity = new SparseEvaluator(rows.map((row) => row.terms), base);
  return (point) => {
    if (!baseFeasible) return false;
    if (point.some(([j, v]) => !(j >= 0 && j < variables) || !(v >= -FEASIBILITY))) return false;
    let feasible = true;
    activity.forEachChanged(point, (r, sum) => (feasible = !(sum < rows[r].lo - FEASIBILITY || sum > rows[r].hi + FEASIBILITY)));
    return feasible;
  };
}

const EPS = 1e-7;

export function rowsOf(system: DisclosureSystem): Row[] {
  return [...system.cells.map((cell) => ({terms: cell.terms, ...cellRow(cell)})), ...system.relations.map((r) => ({terms: r.terms, ...relationRow(r)}))];
}

/** A cell's row without its terms: the bounds its form allows, named for the reader of the audit. */
export const cellRow = (cell: DisclosureSystem["cells"][number]): Omit<Row, "terms"> => ({...formBounds(cell.form), source: describe(cell)});
export const relationRow = (relation: DisclosureSystem["relations"][number]): Omit<Row, "terms"> => ({lo: relation.lo, hi: relation.hi, source: relation.name});

export function describe(cell: DisclosureSystem["cells"][number]): string {
  const form = cell.form;
  const shown =
    form.kind === "exact" ? `${form.value}` : form.kind === "hidden" ? `"${form.mark}"` : `${form.shown} (${form.kind === "rounded" ? "afgerond" : "verstoord"})`;
  return `${cellName(cell)} = ${shown}`;
}

/**
 * Bound propagation on integer variables ≥ 0: each row lo ≤ Σ c·x ≤ hi tightens every variable by
 * the others' bounds, until nothing changes (or a pass limit). Returns the variables' bounds.
 */
export function propagate(variables: number, rows: readonly Row[], passes = 60): {lower: Float64Array; upper: Float64Array} {
  const lower = new Float64Array(variables);
  const upper = new Float64Array(variables).fill(Infinity);
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const row of rows) {
      // Activity bounds with the infinite contributions counted apart.
      let minAct = 0;
      let maxAct = 0;
      let minInf = 0;
      let maxInf = 0;
      for (const {variable: v, coefficient: c} of row.terms) {
        const a = c > 0 ? c * lower[v] : c * upper[v];
        const b = c > 0 ? c * upper[v] : c * lower[v];
        if (a === -Infinity) minInf++;
        else minAct += a;
        if (b === Infinity) maxInf++;
        else maxAct += b;
      }
      for (const {variable: v, coefficient: c} of row.terms) {
        const own = c > 0 ? c * lower[v] : c * upper[v];
        const ownMax = c > 0 ? c * upper[v] : c * lower[v];
        // Σ others ≥ minOthers, ≤ maxOthers
        const minOthers = own === -Infinity ? (minInf === 1 ? minAct : -Infinity) : minInf > 0 ? -Infinity : minAct - own;
        const maxOthers = ownMax === Infinity ? (maxInf === 1 ? maxAct : Infinity) : maxInf > 0 ? Infinity : maxAct - ownMax;
        // c·x ≤ hi − minOthers, c·x ≥ lo − maxOthers
        const cxMax = row.hi - minOthers;
        const cxMin = row.lo - maxOthers;
        let newLower = lower[v];
        let newUpper = upper[v];
        if (c > 0) {
          if (cxMax < Infinity) newUpper = Math.min(newUpper, Math.floor(cxMax / c + EPS));
          if (cxMin > -Infinity) newLower = Math.max(newLower, Math.ceil(cxMin / c - EPS));
        } else {
          if (cxMax < Infinity) newLower = Math.max(newLower, Math.ceil(cxMax / c - EPS));
          if (cxMin > -Infinity) newUpper = Math.min(newUpper, Math.floor(cxMin / c + EPS));
        }
        if (newLower > lower[v] + EPS || newUpper < upper[v] - EPS) {
          // Keep the activity sums in step with the tightened bounds.
          if (c > 0) {
            if (lower[v] !== newLower) minAct += c * (newLower - lower[v]);
            if (upper[v] === Infinity && newUpper < Infinity) {
              maxInf--;
              maxAct += c * newUpper;
            } else if (upper[v] !== newUpper) maxAct += c * (newUpper - upper[v]);
          } else {
            if (upper[v] === Infinity && newUpper < Infinity) {
              minInf--;
              minAct += c * newUpper;
            } else if (upper[v] !== newUpper) minAct += c * (newUpper - upper[v]);
            if (lower[v] !== newLower) maxAct += c * (newLower - lower[v]);
          }
          lower[v] = newLower;
          upper[v] = newUpper;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return {lower, upper};
}

function expressionBounds(terms: readonly Term[], lower: Float64Array, upper: Float64Array): {lo: number; hi: number} {
  let lo = 0;
  let hi = 0;
  for (const {variable: v, coefficient: c} of terms) {
    lo += c > 0 ? c * lower[v] : c * upper[v];
    hi += c > 0 ? c * upper[v] : c * lower[v];
  }
  return {lo, hi};
}

/** The audit. Sensitive cells: true value 1 … minCount − 1, published in any form. */
export async function auditSystem(system: DisclosureSystem, options: AuditOptions): Promise<AuditResult> {
  const start = performance.now();
  const {minCount, width} = options;
  const rows = rowsOf(system);
  const sensitive = system.cells.flatMap((cell, i) => (cell.value >= 1 && cell.value < minCount ? [i] : []));
  const findings = new Map<number, CellFinding>();
  const finding = (i: number, lo: number, hi: number, proof: Proof, pinnedBy: string[] = []): CellFinding => {
    const cell = system.cells[i];
    // (+ 0 turns a solver's −0 into 0)
    const f = {cell: i, name: cellName(cell), value: cell.value, lo: lo + 0, hi: hi + 0, protected: hi - lo >= width && proof !== "unresolved", proof, pinnedBy};
    findings.set(i, f);
    return f;
  };

  // 1. The cell's own form.
  const open: number[] = [];
  for (const i of sensitive) {
    const cell = system.cells[i];
    const own = formBounds(cell.form);
    if (cell.form.kind === "exact") finding(i, own.lo, own.hi, "shown", [describe(cell)]);
    else if (own.hi - own.lo < width) finding(i, own.lo, own.hi, "form", [describe(cell)]);
    else open.push(i);
  }

  // 2. Bound propagation.
  const t0 = performance.now();
  const {lower, upper} = propagate(system.variables, rows);
  const propagated = new Map<number, {lo: number; hi: number}>();
  const needSolve: number[] = [];
  for (const i of open) {
    const b = expressionBounds(system.cells[i].terms, lower, upper);
    propagated.set(i, b);
    if (b.hi - b.lo < width) finding(i, b.lo, b.hi, "propagation");
    else needSolve.push(i);
  }
  const propagationMs = performance.now() - t0;

  // 3–5. Pool, LP, MILP.
  const t1 = performance.now();
  const solves = {lp: 0, milp: 0};
  const pool = new SpreadPool(system.cells, needSolve);
  pool.add(system.truth);
  const witnesses = {offered: options.witnesses?.length ?? 0, feasible: 0};
  if (options.witnesses?.length) {
    const feasible = sparseFeasibility(system.truth, system.variables, rows);
    for (const point of options.witnesses) {
      if (!feasible(point)) continue;
      pool.addSparse(point, system.truth);
      witnesses.feasible++;
    }
  }
  const poolProves = (i: number) => !options.exactIntervals && pool.proves(i, width);
  if (options.blocks && !options.exactIntervals) {
    const unbounded = (i: number, lo: number) => finding(i, lo, Infinity, "lp");
    solves.lp += await solveInParts(system, rows, needSolve.filter((i) => !poolProves(i)), options.blocks, pool, width, unbounded);
  }
  const explained: number[] = [];
  const settled = (i: number) => findings.has(i) || poolProves(i);
  if (needSolve.some((i) => !settled(i))) {
    const h = await highs();
    const model = h.createModel(modelData(h, system.variables, rows));
    try {
      // Presolve off: between solves only the objective changes, so the simplex starts from the
      // previous basis.
      model.options.set({output_flag: false, presolve: "off", simplex_strategy: 4});
      const deadline = options.budgetSeconds === undefined ? Infinity : performance.now() + options.budgetSeconds * 1000;
      const solve = (terms: readonly Term[], sense: "min" | "max", integer: boolean) => {
        const status = optimise(h, model, system.variables, terms, sense);
        if (integer) solves.milp++;
        else solves.lp++;
        // A count nothing bounds from above (everything around it withheld, as in a very small
        // municipality) has no upper limit an attacker can prove.
        if (isUnbounded(h, status)) {
          return {value: sense === "max" ? Infinity : -Infinity, integral: true, duals: []};
        }
        if (status !== h.constants.modelStatus.optimal) return null;
        const solution = model.getSolution();
        pool.add(solution.colValue);
        // An optimal vertex in whole numbers is an integer point too: its value bounds the integer
        // interval exactly, and no MILP is needed for that side.
        const integral = isIntegral(solution.colValue);
        return {value: model.getObjectiveValue(), integral, duals: integer ? [] : bindingRows(solution.rowDual, rows)};
      };
      // Spread the pool first: a few solves with every open cell in the objective at once push many
      // cells to both ends in one go.
      const unproven = needSolve.filter((i) => !settled(i));
      if (unproven.length > 1) {
        for (const [round, terms] of spreadObjectives(system.cells, unproven, options.spreadRounds ?? 4, 12345).entries()) {
          if (performance.now() >= deadline) break;
          solve(terms, round % 2 === 0 ? "max" : "min", false);
        }
      }
      const milpQueue: {i: number; lp: {lo: number; hi: number}}[] = [];
      for (const i of needSolve) {
        if (settled(i)) continue;
        if (performance.now() > deadline) {
          const b = propagated.get(i) as {lo: number; hi: number};
          finding(i, b.lo, b.hi, "unresolved", ["de tijd voor de controle was op"]);
          continue;
        }
        const terms = system.cells[i].terms;
        const min = solve(terms, "min", false);
        const max = solve(terms, "max", false);
        if (!min || !max) {
          const b = propagated.get(i) as {lo: number; hi: number};
          finding(i, b.lo, b.hi, "unresolved", ["de LP-oplossing faalde"]);
          continue;
        }
        const lo = Math.ceil(min.value - EPS);
        const hi = Math.floor(max.value + EPS);
        if (max.value - min.value >= width + 1 - EPS) finding(i, lo, hi, "lp");
        else if (hi - lo < width) finding(i, lo, hi, "lp", [...new Set([...min.duals, ...max.duals])]);
        else if (min.integral && max.integral) finding(i, lo, hi, "lp");
        else milpQueue.push({i, lp: {lo, hi}});
        explained.push(i);
      }
      if (milpQueue.length > 0) {
        model.changeColsIntegrality({kind: "range", from: 0, to: system.variables - 1}, new Int32Array(system.variables).fill(1) as unknown as Int32Array);
        model.options.set({time_limit: options.milpSeconds ?? 20});
        for (const {i, lp} of milpQueue) {
          if (performance.now() > deadline) {
            finding(i, lp.lo, lp.hi, "unresolved", ["de tijd voor de controle was op"]);
            continue;
          }
          const terms = system.cells[i].terms;
          const min = solve(terms, "min", true);
          const max = solve(terms, "max", true);
          if (!min || !max) finding(i, lp.lo, lp.hi, "unresolved", ["de MILP-oplossing liep niet af"]);
          else finding(i, Math.round(min.value), Math.round(max.value), "milp");
        }
      }
    } finally {
      model.dispose();
    }
  }
  for (const i of needSolve) {
    if (!findings.has(i) && poolProves(i)) {
      const {lo, hi} = pool.interval(i, width);
      finding(i, lo, hi, "pool");
    }
  }
  const solveMs = performance.now() - t1;

  const all = sensitive.map((i) => findings.get(i) as CellFinding);
  return auditResult(system, all, solves, {propagation: propagationMs, solve: solveMs, total: performance.now() - start}, witnesses);
}

/**
 * Solves cells in their parts (parts.ts), the other variables held at their true values; every
 * optimum joins the pool as a point of the whole system, so a cell the part spreads wide is proven
 * as the witnesses prove one. Returns the number of LPs.
 */
async function solveInParts(
  system: DisclosureSystem,
  rows: readonly Row[],
  cells: readonly number[],
  blocks: readonly (readonly number[])[],
  pool: SpreadPool,
  width: number,
  /** A cell with no upper limit in its part has none over the whole system either: proven so. */
  unbounded: (cell: number, lo: number) => void
): Promise<number> {
  if (cells.length === 0) return 0;
  const h = await highs();
  let lps = 0;
  const point = Float64Array.from(system.truth);
  const parts = searchParts(system, cells, blocks);
  // Each part's rows from its own variables: split row by row, every part read every municipal row
  // (hundreds of thousands of terms in a country's cube), minutes per part.
  const index = parts.length > 1 ? new RowIndex(system.variables, rows, system.truth) : undefined;
  for (const part of parts) {
    const m = partModel(system, rows, part.free, index);
    const model = h.createModel(modelData(h, m.variables, m.rows));
    try {
      model.options.set({output_flag: false, presolve: "off", simplex_strategy: 4});
      const solve = (terms: readonly Term[], sense: "min" | "max") => {
        const status = optimise(h, model, m.variables, terms, sense);
        lps++;
        if (status === h.constants.modelStatus.optimal) {
          pool.add(wholePoint(part.free, model.getSolution().colValue, point));
          return model.getObjectiveValue();
        }
        return isUnbounded(h, status) ? (sense === "max" ? Infinity : -Infinity) : null;
      };
      if (part.cells.length > 1) {
        for (const [round, terms] of spreadObjectives(system.cells, part.cells, 4, 12345).entries()) solve(localTerms(m, terms, system.truth).terms, round % 2 === 0 ? "max" : "min");
      }
      for (const i of part.cells) {
        if (pool.proves(i, width)) continue;
        const {terms, held} = localTerms(m, system.cells[i].terms, system.truth);
        const min = solve(terms, "min");
        if (solve(terms, "max") === Infinity && min !== null) unbounded(i, Math.max(0, Math.ceil(min + held - EPS)));
      }
    } finally {
      model.dispose();
    }
  }
  return lps;
}

/** The result from the findings of every sensitive cell of the system. */
export function auditResult(
  system: DisclosureSystem,
  findings: CellFinding[],
  solves: AuditResult["solves"],
  milliseconds: AuditResult["milliseconds"],
  witnesses: AuditResult["witnesses"] = {offered: 0, feasible: 0}
): AuditResult {
  const safe = findings.filter((f) => f.protected);
  const narrowest = safe.reduce<AuditResult["narrowest"]>(
    (best, f) => (best === null || f.hi - f.lo < best.hi - best.lo ? {lo: f.lo, hi: f.hi, name: f.name} : best),
    null
  );
  return {
    cells: system.cells.length,
    hidden: system.cells.filter((c) => c.form.kind !== "exact").length,
    sensitive: findings.length,
    protected: safe.length,
    violations: findings.filter((f) => !f.protected),
    findings,
    narrowest,
    solves,
    witnesses,
    milliseconds
  };
}
