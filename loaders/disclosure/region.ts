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
import {cellName, formBounds, type DisclosureSystem, type Form, type PublishedCell, type Term} from "./model.js";
import {auditResult, type AuditResult, type CellFinding} from "./audit.js";
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
export interface RegionSystem {
  system: DisclosureSystem;
  /** The region file's counts alone, for sealing its file. */
  registry: Registry;
  /** Each region cell (index in system.cells) and the municipal cells it sums (part, index in that part's system). */
  sourcesOf: {cell: number; parts: {part: number; cell: number}[]}[];
}

export function regionSystem(parts: RegionPart[], file: string, content: unknown, sources: Map<string, RegionSource[]>, minCount: number, width: number): RegionSystem {
  const cells: PublishedCell[] = [];
  const relations: DisclosureSystem["relations"] = [];
  const truth: number[] = [];
  const bySource = new Map<string, PublishedCell & {part: number; index: number}>();
  const sourcesOf: RegionSystem["sourcesOf"] = [];
  const shift = (terms: Term[], offset: number) => terms.map((t) => ({variable: t.variable + offset, coefficient: t.coefficient}));
  for (const [part, {slug, system}] of parts.entries()) {
    const offset = truth.length;
    for (const [index, cell] of system.cells.entries()) {
      const shifted = {...cell, file: `${slug}/${cell.file}`, terms: shift(cell.terms, offset)};
      cells.push(shifted);
      bySource.set(`${slug}\u0000${leafKey(cell.file, cell.path)}`, {...shifted, part, index});
    }
    for (const r of system.relations) relations.push({...r, name: `${slug}/${r.name}`, terms: shift(r.terms, offset)});
    for (const size of system.truth) truth.push(size);
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
    sourcesOf.push({cell: cells.length, parts: parts.map(({part, index}) => ({part, cell: index}))});
    cells.push({...registered, terms: parts.flatMap((c) => c.terms)});
  }
  return {system: {variables: truth.length, truth, cells, relations}, registry, sourcesOf};
}

/**
 * The audit of the union, by blocks where that is exact. A region row whose interval contains the sum
 * of its parts' own intervals (an exact sum of exact counts; "·" ≥ 1 over a part that reads "·" ≥ 1
 * itself) is implied by those parts' rows: without it the feasible set is the same, and the union falls
 * apart into the municipalities' systems, which share no variable. Each is then audited on its own —
 * the same system as its own site's build, so its cached verdict — and a small region count, the sum of
 * parts in independent blocks, spreads at least as wide as any one part: it is protected when one of its
 * small parts is. When a region row is not implied, the whole union is solved as one (`solveWhole`).
 */
export async function auditRegion(
  parts: RegionPart[],
  union: RegionSystem,
  minCount: number,
  auditOne: (system: DisclosureSystem) => Promise<AuditResult>
): Promise<AuditResult & {decomposed: boolean}> {
  const {system, sourcesOf} = union;
  const implied = sourcesOf.every(({cell, parts: from}) => {
    const own = formBounds(system.cells[cell].form);
    const fromParts = from.reduce((s, {part, cell: i}) => {
      const b = formBounds(parts[part].system.cells[i].form);
      return {lo: s.lo + b.lo, hi: s.hi + b.hi};
    }, {lo: 0, hi: 0});
    return own.lo <= fromParts.lo && fromParts.hi <= own.hi;
  });
  if (!implied) return {...(await auditOne(system)), decomposed: false};

  const start = performance.now();
  const audits: AuditResult[] = [];
  for (const part of parts) audits.push(await auditOne(part.system));
  const offsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    offsets.push(offset);
    offset += part.system.cells.length;
  }
  const findings: CellFinding[] = audits.flatMap((a, p) => a.findings.map((f) => ({...f, cell: f.cell + offsets[p], name: `${parts[p].slug}/${f.name}`})));
  const byPartCell = (part: number, cell: number) => audits[part].findings.find((f) => f.cell === cell);
  for (const {cell, parts: from} of sourcesOf) {
    const own = system.cells[cell];
    if (own.value < 1 || own.value >= minCount) continue;
    // The widest small part; the others held at their true values (a feasible point in their blocks).
    const small = from.map((s) => ({s, f: byPartCell(s.part, s.cell)})).filter((x): x is {s: typeof x.s; f: CellFinding} => x.f !== undefined);
    const best = small.sort((a, b) => b.f.hi - b.f.lo - (a.f.hi - a.f.lo))[0];
    const rest = own.value - (best ? best.f.value : 0);
    findings.push({
      cell,
      name: cellName(own),
      value: own.value,
      lo: best ? rest + best.f.lo : own.value,
      hi: best ? rest + best.f.hi : own.value,
      protected: best?.f.protected ?? false,
      proof: best?.f.proof ?? "unresolved",
      pinnedBy: best ? [`${parts[best.s.part].slug}/${best.f.name}`, ...best.f.pinnedBy] : []
    });
  }
  const solves = {lp: sum(audits.map((a) => a.solves.lp)), milp: sum(audits.map((a) => a.solves.milp))};
  const milliseconds = {propagation: sum(audits.map((a) => a.milliseconds.propagation)), solve: sum(audits.map((a) => a.milliseconds.solve)), total: performance.now() - start};
  return {...auditResult(system, findings, solves, milliseconds), decomposed: true};
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
