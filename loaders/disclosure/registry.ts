// The release's one registry of published numbers. Every count of pupils or trajectories in every
// output file is registered here with its published form (exact, or hidden with the mark and what
// the mark implies), and the archive writer only takes files sealed against it (`seal`): a file
// with a count the registry does not know, or knows in another form, stops the build. The
// explorer's cube is written by its own step (loaders/disclosure/cubeCells.ts decides its forms)
// and stays a declared seam here for what that step leaves out (see SEAMS).
//
// The registry is cheap (no atoms): the audit (audit.ts) adds the atoms (atoms.ts) when it runs.

import type {Settings} from "../model.js";
import type {PublicReport} from "../publish.js";
import {countLeaves, leafKey, reportContents} from "./leaves.js";
import {termsKey, type Form, type PublishedCell, type Unit} from "./model.js";

/** Published numbers the registry does not model yet, each with the reason. */
export const SEAMS: {prefix: string; reason: string}[] = [
  {
    prefix: "verkennen/",
    reason:
      "Van de kubus van /verkennen zitten alle aantallen leerlingen in de controle: gelijk aan het rapport, afgeschermd of verstoord (loaders/disclosure/cubeCells.ts). Niet erin zitten de aantallen trajecten en de cellen die geen hele basiscellen zijn: die zijn alleen verstoord met de cell-key-methode (loaders/cube/ptable.ts). De bouw telt ze daarom ook als aanvaller op uit de bestanden zelf, met Tabel 6 (loaders/disclosure/cubeAttack.ts), en stopt als daarbij een klein aantal te smal vastligt."
  }
];

/** The one mark every withheld count shows. */
export const HIDDEN_MARK = "·";

/**
 * What a reader can conclude from a hidden count: every one reads "·", small or not. The rules never
 * hide a zero as small, and rarely hide one at all (only a zero that repeats a hidden count), so the
 * reader may take "·" to mean 1 or more. Read conservatively, the attacker is given the branch the
 * true value is in: [1, ∞) for a hidden nonzero count, [0, 0] for a hidden zero.
 */
export function hiddenForm(value: number): Form {
  return value > 0 ? {kind: "hidden", mark: HIDDEN_MARK, lo: 1, hi: Infinity} : {kind: "hidden", mark: HIDDEN_MARK, lo: 0, hi: 0};
}

export interface RegisteredCell extends Omit<PublishedCell, "terms"> {
  /** The form's mark, where the rules say the mark means something the true value does not fit. */
  markMismatch?: true;
}

export interface Registry {
  minCount: number;
  width: number;
  cells: RegisteredCell[];
  index: Map<string, number>;
  /** Files registered cell by cell. */
  files: Set<string>;
}

export function auditWidth(settings: Pick<Settings, "suppression">): number {
  return settings.suppression.auditWidth ?? settings.suppression.minCount;
}

/**
 * Registers every count of the published report, file by file, with its true value (from the same
 * report unsuppressed, `open`, matched by file and path).
 */
export function registerReport(
  published: PublicReport,
  open: Map<string, {value: number; unit: Unit}>,
  slugOf: (schoolId: string) => string,
  settings: Pick<Settings, "suppression">
): Registry {
  const minCount = settings.suppression.minCount;
  const registry: Registry = {minCount, width: auditWidth(settings), cells: [], index: new Map(), files: new Set()};
  for (const [file, content] of reportContents(published as never, slugOf)) {
    registry.files.add(file);
    for (const leaf of countLeaves(content)) {
      const key = leafKey(file, leaf.path);
      const truth = open.get(key);
      if (!truth) throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} heeft geen ware waarde in het onafgeschermde rapport.`);
      let form: Form = typeof leaf.value === "number" ? {kind: "exact", value: leaf.value} : hiddenForm(truth.value);
      const cell: RegisteredCell = {file, path: leaf.path, unit: leaf.unit, form, value: truth.value};
      if (form.kind === "exact" && form.value !== truth.value) throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} toont ${form.value}, de ware waarde is ${truth.value}.`);
      if (form.kind === "hidden" && (truth.value < form.lo || truth.value > form.hi)) {
        form = {...form, lo: 0, hi: Infinity} as Form;
        cell.form = form;
        cell.markMismatch = true;
      }
      registry.index.set(key, registry.cells.length);
      registry.cells.push(cell);
    }
  }
  return registry;
}

/** Output files that passed the registry: the only input the archive writer accepts. */
export type SealedFiles = ReadonlyMap<string, string> & {readonly __sealed: true};

/**
 * Checks every output file against the registry: each count in a JSON file must be registered
 * with the same form; files outside the registry must fall under a declared seam. Throws a Dutch
 * message naming the first unregistered number.
 */
export function seal(files: Map<string, string>, registry: Registry): SealedFiles {
  for (const [file, text] of files) {
    if (SEAMS.some((s) => file.startsWith(s.prefix))) continue;
    if (!file.endsWith(".json")) throw new Error(`Openbaarmakingsmodel: ${file} is geen geregistreerd bestand.`);
    const leaves = countLeaves(JSON.parse(text));
    if (!registry.files.has(file) && leaves.length > 0) throw new Error(`Openbaarmakingsmodel: ${file} bevat aantallen maar is niet geregistreerd.`);
    for (const leaf of leaves) {
      const i = registry.index.get(leafKey(file, leaf.path));
      const cell = i === undefined ? undefined : registry.cells[i];
      const same = cell && (typeof leaf.value === "number" ? cell.form.kind === "exact" && cell.form.value === leaf.value : cell.form.kind === "hidden");
      if (!same) throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} is niet (zo) geregistreerd; de bouw stopt.`);
    }
  }
  return files as unknown as SealedFiles;
}

/** Item 5: the same quantity (the same atoms) published in different forms. */
export function inconsistentForms(cells: readonly PublishedCell[]): {cells: string[]; forms: string[]}[] {
  const groups = new Map<string, PublishedCell[]>();
  for (const cell of cells) {
    if (cell.terms.length === 0) continue;
    const key = `${cell.unit}:${termsKey(cell.terms)}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const out: {cells: string[]; forms: string[]}[] = [];
  for (const group of groups.values()) {
    const forms = new Set(group.map((c) => (c.form.kind === "exact" ? `${c.form.value}` : c.form.kind === "hidden" ? "verborgen" : c.form.kind)));
    if (forms.size > 1) out.push({cells: group.map((c) => `${c.file} ${c.path}`), forms: [...forms]});
  }
  return out;
}
