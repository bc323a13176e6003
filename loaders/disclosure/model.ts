// The disclosure model's vocabulary: a published number is a linear expression over base variables
// (the atoms, see atoms.ts) together with the form in which it is published. Pure data, no solver.

import {createHash, type Hash} from "node:crypto";
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

/**
 * A short key for a system and what else decides a result from it (options, a version, the blocks):
 * the cache key of what follows from them alone.
 */
export function systemKey({system, ...rest}: {system: DisclosureSystem} & Record<string, unknown>): string {
  const hash = createHash("sha256");
  updateWithJson(hash, {...rest, variables: system.variables});
  updateWithSystem(hash, system);
  return hash.digest("hex").slice(0, 24);
}

/** Terms gathered before they are handed to the hash as bytes. */
const TERMS_PER_PIECE = 1 << 18;

/**
 * A system into a hash: the true point and the terms as bytes, the rest as JSON text. As one JSON
 * text, a country's 19 M terms took 12 s to hash; as bytes about a tenth (bench/README.md). What
 * each row is comes first (its description and how many terms it has), then every row's terms in
 * order, so no two systems give the same input to the hash.
 */
function updateWithSystem(hash: Hash, system: DisclosureSystem): void {
  hash.update(new Uint8Array(Float64Array.from(system.truth).buffer));
  updateWithJson(hash, [
    system.cells.map((cell) => [cell.file, cell.path, cell.unit, cell.form, cell.value, cell.terms.length]),
    system.relations.map((relation) => [relation.name, relation.lo, relation.hi, relation.terms.length])
  ]);
  const variable = new Int32Array(TERMS_PER_PIECE);
  const coefficient = new Float64Array(TERMS_PER_PIECE);
  let n = 0;
  const flush = () => {
    hash.update(new Uint8Array(variable.buffer, 0, 4 * n));
    hash.update(new Uint8Array(coefficient.buffer, 0, 8 * n));
    n = 0;
  };
  for (const rows of [system.cells, system.relations]) {
    for (const {terms} of rows) {
      for (const t of terms) {
        variable[n] = t.variable;
        coefficient[n++] = t.coefficient;
        if (n === TERMS_PER_PIECE) flush();
      }
    }
  }
  flush();
}

/** Same expression (same atoms and coefficients), as a key. */
export function termsKey(terms: readonly Term[]): string {
  return [...terms]
    .sort((a, b) => a.variable - b.variable)
    .map((t) => `${t.variable}*${t.coefficient}`)
    .join("+");
}
