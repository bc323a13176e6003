// HiGHS (the `highs` package, WebAssembly) for the disclosure model: one model of the published
// system, re-solved with changing objectives (audit.ts) and loosened rows (secondary.ts). Keeping
// the model between solves lets the simplex start from the previous basis.

import loadHighs from "highs";
import type {Term} from "./model.js";

/** One constraint lo ≤ Σ c·x ≤ hi, named for the reader of the audit. */
export interface Row {
  terms: Term[];
  lo: number;
  hi: number;
  source: string;
}

export type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | null = null;
export function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export function modelData(h: Highs, variables: number, rows: readonly Row[]) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    // A row that only says "0 or more" of a sum of variables ≥ 0 (a withheld cell whose mark allows 0)
    // binds nothing, and a loosened row never tightens again: it stays in the model, empty, so that
    // row indices remain cell indices, and the simplex does not carry its terms. The cube's withheld
    // cells are thousands of these.
    if (row.lo <= 0 && row.hi === Infinity && row.terms.every((t) => t.coefficient >= 0)) {
      starts.push(indices.length);
      continue;
    }
    // One entry per variable and row (HiGHS refuses duplicates).
    const merged = new Map<number, number>();
    for (const t of row.terms) merged.set(t.variable, (merged.get(t.variable) ?? 0) + t.coefficient);
    for (const [variable, coefficient] of merged) {
      indices.push(variable);
      values.push(coefficient);
    }
    starts.push(indices.length);
  }
  return {
    numCols: variables,
    numRows: rows.length,
    sense: h.constants.objectiveSense.minimize,
    colCost: new Float64Array(variables),
    colLower: new Float64Array(variables),
    colUpper: new Float64Array(variables).fill(h.infinity),
    rowLower: Float64Array.from(rows, (r) => (r.lo === -Infinity ? -h.infinity : r.lo)),
    rowUpper: Float64Array.from(rows, (r) => (r.hi === Infinity ? h.infinity : r.hi)),
    matrix: {format: "csr" as const, numRows: rows.length, numCols: variables, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values)}
  };
}

export function setCosts(model: {changeColsCost: (s: {kind: "range"; from: number; to: number}, c: Float64Array) => unknown}, variables: number, terms: readonly Term[]): void {
  const costs = new Float64Array(variables);
  for (const t of terms) costs[t.variable] += t.coefficient;
  model.changeColsCost({kind: "range", from: 0, to: variables - 1}, costs);
}

type Model = ReturnType<Highs["createModel"]>;

/** Optimises one expression over a kept model (its basis carries over) and returns HiGHS's status. */
export function optimise(h: Highs, model: Model, variables: number, terms: readonly Term[], sense: "min" | "max") {
  model.changeObjectiveSense(sense === "min" ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize);
  setCosts(model, variables, terms);
  model.run();
  return model.getModelStatus();
}

/**
 * Whether HiGHS found no bound in the objective's direction. The true point satisfies every row, so
 * these systems are never infeasible: "unbounded or infeasible" is unbounded.
 */
export function isUnbounded(h: Highs, status: ReturnType<typeof optimise>): boolean {
  return status === h.constants.modelStatus.unbounded || status === h.constants.modelStatus.unboundedOrInfeasible;
}

/** The rows with a nonzero dual: the constraints that hold the optimum where it is. */
export function bindingRowIndices(rowDual: Float64Array): number[] {
  const out: number[] = [];
  rowDual.forEach((d, r) => {
    if (Math.abs(d) > 1e-9) out.push(r);
  });
  return out;
}

export function bindingRows(rowDual: Float64Array, rows: readonly Row[]): string[] {
  return bindingRowIndices(rowDual).map((r) => rows[r].source);
}
