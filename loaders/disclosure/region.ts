// One disclosure system for a region's whole release (issue 13 item 1): every municipality's own
// system side by side — its atoms are its own pupils, so the variables are disjoint — plus the region
// file's counts, each the sum of the municipal counts it adds up (loaders/region.ts `sources`). The
// municipalities' systems are built exactly as for a site of their own; nothing here changes them.
//
// Why the region adds no risk, and why it is still audited: a region count is either a count a
// municipality publishes (same atoms, same form) or a sum of counts published exactly, withheld as
// soon as one part is withheld. A sum of exact numbers is known to anyone who reads the municipal
// pages, and "·" (≥ 1) over a sum with a withheld part says no more than that part's own "·". So the
// union's intervals equal the municipalities' own. The audit over the union checks this instead of
// trusting it: a region count that broke the rule (a sum shown with a withheld part) would pin that part.

import {leafKey, countLeaves} from "./leaves.js";
import {hiddenForm, type Registry, type RegisteredCell} from "./registry.js";
import type {DisclosureSystem, Form, PublishedCell, Term} from "./model.js";
import type {RegionSource} from "../region.js";

export interface RegionPart {
  /** The municipality's path prefix in the site (loaders/region.ts municipalitySlug). */
  slug: string;
  system: DisclosureSystem;
}

/**
 * The union: each part's cells under its own prefix (`<slug>/schools.json`), its variables and
 * relations shifted past the parts before it, then the region file's cells. Throws when a region
 * count has no source among the municipal cells, or shows a value its sources do not give.
 */
export function regionSystem(parts: RegionPart[], file: string, content: unknown, sources: Map<string, RegionSource[]>, minCount: number, width: number): {system: DisclosureSystem; registry: Registry} {
  const cells: PublishedCell[] = [];
  const relations: DisclosureSystem["relations"] = [];
  const truth: number[] = [];
  const bySource = new Map<string, PublishedCell>();
  const shift = (terms: Term[], offset: number) => terms.map((t) => ({variable: t.variable + offset, coefficient: t.coefficient}));
  for (const {slug, system} of parts) {
    const offset = truth.length;
    for (const cell of system.cells) {
      const shifted = {...cell, file: `${slug}/${cell.file}`, terms: shift(cell.terms, offset)};
      cells.push(shifted);
      bySource.set(`${slug}\u0000${leafKey(cell.file, cell.path)}`, shifted);
    }
    for (const r of system.relations) relations.push({...r, name: `${slug}/${r.name}`, terms: shift(r.terms, offset)});
    truth.push(...system.truth);
  }

  const registry: Registry = {minCount, width, cells: [], index: new Map(), files: new Set([file])};
  for (const leaf of countLeaves(content)) {
    const key = leafKey(file, leaf.path);
    const from = sources.get(key);
    if (!from || from.length === 0) throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} is geen aantal dat een gemeente publiceert of een som daarvan; de bouw stopt.`);
    const parts = from.map((s) => {
      const cell = bySource.get(`${s.slug}\u0000${s.key}`);
      if (!cell) throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} telt ${s.slug}/${s.key.replace("\u0000", " ")} op, maar dat aantal staat niet in de release van die gemeente.`);
      return cell;
    });
    const value = parts.reduce((s, c) => s + c.value, 0);
    const exact = parts.every((c) => c.form.kind === "exact");
    const form: Form = exact ? {kind: "exact", value} : hiddenForm(value);
    const shown = typeof leaf.value === "number" ? leaf.value : null;
    if (exact ? shown !== value : shown !== null) {
      throw new Error(`Openbaarmakingsmodel: ${file} ${leaf.path} toont ${shown ?? "·"}, maar de gemeenten publiceren ${exact ? value : "een afgeschermd deel"}; de bouw stopt.`);
    }
    const registered: RegisteredCell = {file, path: leaf.path, unit: leaf.unit, form, value};
    registry.index.set(key, registry.cells.length);
    registry.cells.push(registered);
    cells.push({...registered, terms: parts.flatMap((c) => c.terms)});
  }
  return {system: {variables: truth.length, truth, cells, relations}, registry};
}
