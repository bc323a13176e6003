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

import {describe, rowsOf} from "./audit.js";
import {bindingRowIndices, highs, modelData, setCosts} from "./lp.js";
import {cellName, formBounds, type DisclosureSystem, type Form, type PublishedCell, type Term} from "./model.js";
import {isIntegral, spreadObjectives, SpreadPool} from "./pool.js";

export interface SecondaryOptions {
  minCount: number;
  /** Required interval width (hi − lo), as in the audit. */
  width: number;
  /** Counts that stay published whatever it costs (the report's key figures). */
  keep: (cell: PublishedCell) => boolean;
  /** What withholding a count costs (default its value: the least information lost). */
  cost?: (cell: PublishedCell) => number;
  /** What a reader can conclude about a count once it is withheld (registry.ts `withheldForm`). */
  withheld: (cell: PublishedCell) => Form;
  /** Withheld counts per small count before it is given up as unprotectable (default 40). */
  maxPerCell?: number;
  /** Progress, for the benchmark. */
  progress?: (done: number, of: number, solves: number, withheld: number) => void;
}

export interface SecondaryResult {
  /** Indices into system.cells of the counts to withhold as well, in the order chosen. */
  hide: number[];
  /** Small counts that no withholding of a published count protects (only kept counts bind them). */
  unresolved: {cell: number; name: string; lo: number; hi: number; pinnedBy: string[]}[];
  solves: number;
  milliseconds: number;
}

const EPS = 1e-7;

export async function secondarySuppression(system: DisclosureSystem, options: SecondaryOptions): Promise<SecondaryResult> {
  const start = performance.now();
  const {minCount, width} = options;
  const rows = rowsOf(system);
  const small = system.cells.flatMap((cell, i) => (cell.value >= 1 && cell.value < minCount ? [i] : []));
  const forms = system.cells.map((cell) => cell.form);
  const result: SecondaryResult = {hide: [], unresolved: [], solves: 0, milliseconds: 0};
  if (small.length === 0) return result;

  // The spread over feasible points seen so far (the truth and every LP vertex): a cell whose values
  // there already lie far enough apart is protected without solving it (pool.ts, as in audit.ts).
  const pool = new SpreadPool(system.cells, small);
  pool.add(system.truth);

  const h = await highs();
  const model = h.createModel(modelData(h, system.variables, rows));
  const bound = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
  try {
    // Presolve off and the primal simplex: between solves only the objective changes (the basis stays
    // primal feasible) or a row loosens. Measured on a copy of the default data's system without its
    // relations: 42 s against 320 s with HiGHS's defaults.
    model.options.set({output_flag: false, presolve: "off", simplex_strategy: 4});
    const solve = (terms: readonly Term[], sense: "min" | "max") => {
      model.changeObjectiveSense(sense === "min" ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize);
      setCosts(model, system.variables, terms);
      model.run();
      result.solves++;
      if (model.getModelStatus() !== h.constants.modelStatus.optimal) return null;
      const solution = model.getSolution();
      pool.add(solution.colValue);
      return {value: model.getObjectiveValue(), integral: isIntegral(solution.colValue), binding: bindingRowIndices(solution.rowDual)};
    };
    // A few solves with all small counts in one objective spread the pool over many cells at once.
    for (const [round, terms] of spreadObjectives(system.cells, small, 4, 20201).entries()) solve(terms, round % 2 === 0 ? "max" : "min");

    const withhold = (r: number) => {
      forms[r] = options.withheld(system.cells[r]);
      const b = formBounds(forms[r]);
      model.changeRowBounds(r, bound(b.lo), bound(b.hi));
      result.hide.push(r);
    };
    for (const [k, i] of small.entries()) {
      if (k % 50 === 0) options.progress?.(k, small.length, result.solves, result.hide.length);
      for (let attempt = 0; ; attempt++) {
        if (pool.proves(i, width)) break;
        const terms = system.cells[i].terms;
        const min = solve(terms, "min");
        const max = solve(terms, "max");
        const lo = min ? Math.ceil(min.value - EPS) : 0;
        const hi = max ? Math.floor(max.value + EPS) : Infinity;
        // A spread of width + 1 over the LP, or of width between two integral vertices, is what the
        // audit accepts without an integer solve (audit.ts): aiming lower would leave the build's
        // audit hundreds of MILPs.
        if (!min || !max || max.value - min.value >= width + 1 - EPS) break;
        if (min.integral && max.integral && hi - lo >= width) break;
        const binding = [...new Set([...min.binding, ...max.binding])].filter((r) => r < system.cells.length);
        const candidates = binding.filter((r) => r !== i && forms[r].kind === "exact" && system.cells[r].value > 0 && !options.keep(system.cells[r]));
        if (candidates.length === 0 || attempt >= (options.maxPerCell ?? 40)) {
          result.unresolved.push({
            cell: i,
            name: cellName(system.cells[i]),
            lo,
            hi,
            pinnedBy: binding.map((r) => describe({...system.cells[r], form: forms[r]}))
          });
          break;
        }
        const cost = (r: number) => options.cost?.(system.cells[r]) ?? system.cells[r].value;
        const cheapest = candidates.reduce((best, r) => (cost(r) < cost(best) || (cost(r) === cost(best) && r < best) ? r : best));
        withhold(cheapest);
      }
    }
  } finally {
    model.dispose();
  }
  result.milliseconds = performance.now() - start;
  return result;
}
