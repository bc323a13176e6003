// The disclosure model's vocabulary: a published number is a linear expression over base variables
// (the atoms, see atoms.ts) together with the form in which it is published. Pure data, no solver.

import {createHash} from "node:crypto";
import {updateWithJson} from "../jsonDigest.js";

/** coefficient × variable. */
export interface Term {
  variable: number;
  coefficient: number;
}

/**
 * How a number is published, and what that tells a reader about its true value:
 * - exact: the value itself (a shown 0 says 0);
 * - hidden: withheld, with the mark shown and the interval the mark implies under the publishing
 *   rules (every hidden count reads "·": ≥ 1 for a hidden nonzero, 0 for a hidden zero; read
 *   as saying nothing, 0 … ∞);
 * - rounded: a rounded percentage, read back as the interval of counts it allows given the known
 *   denominator (see roundedCount);
 * - perturbed: a noisy value whose true count lies in [lo, hi] (the explorer's cell-key method:
 *   loaders/cube/ptable.ts `consistentRange`).
 */
export type Form =
  | {kind: "exact"; value: number}
  | {kind: "hidden"; mark: string; lo: number; hi: number}
  | {kind: "rounded"; shown: number; lo: number; hi: number}
  | {kind: "perturbed"; shown: number; lo: number; hi: number};

export type Unit = "pupils" | "trajectories";

/** One published number. `value` is the true count: internal, never written to an output file. */
export interface PublishedCell {
  /** Output file, as in the site's archive (e.g. "schools.json", "factsheets/de-kring.json"). */
  file: string;
  /** Where in the file, with rows named by their keys: `tabel6[schoolId=S01].years[year=2019].pupils`. */
  path: string;
  unit: Unit;
  terms: Term[];
  form: Form;
  value: number;
}

/** A relation every dataset satisfies that is not a published number (pupils ≤ their trajectories). */
export interface Relation {
  name: string;
  terms: Term[];
  lo: number;
  hi: number;
}

/** Everything the audit needs: variables (≥ 0, integer), published cells and structural relations. */
export interface DisclosureSystem {
  variables: number;
  /** The true value of each variable (atom sizes): a point every published form must admit. */
  truth: number[];
  cells: PublishedCell[];
  relations: Relation[];
}

/** The interval of counts k with round(factor·k/denominator, decimals) = shown (half up). */
export function roundedCount(shown: number, denominator: number, decimals: number, factor = 100): {lo: number; hi: number} {
  const step = 10 ** -decimals / 2;
  // factor·k/d ∈ [shown − step, shown + step)
  const lo = Math.max(0, Math.ceil(((shown - step) * denominator) / factor - 1e-9));
  const hi = Math.ceil(((shown + step) * denominator) / factor - 1e-9) - 1;
  return {lo, hi: Math.max(lo, hi)};
}

/** The interval a form admits for its expression. */
export function formBounds(form: Form): {lo: number; hi: number} {
  return form.kind === "exact" ? {lo: form.value, hi: form.value} : {lo: form.lo, hi: form.hi};
}

/** Readable cell name: file and path. */
export function cellName(cell: Pick<PublishedCell, "file" | "path">): string {
  return `${cell.file} ${cell.path}`;
}

/** An expression's value at a point (atom sizes). */
export function evaluate(terms: readonly Term[], point: ArrayLike<number>): number {
  let sum = 0;
  for (const t of terms) sum += t.coefficient * point[t.variable];
  return sum;
}

/** A short key for a system and its options: the cache key of what follows from them alone. */
export function systemKey(value: unknown): string {
  const hash = createHash("sha256");
  updateWithJson(hash, value);
  return hash.digest("hex").slice(0, 24);
}

/** Same expression (same atoms and coefficients), as a key. */
export function termsKey(terms: readonly Term[]): string {
  return [...terms]
    .sort((a, b) => a.variable - b.variable)
    .map((t) => `${t.variable}*${t.coefficient}`)
    .join("+");
}
