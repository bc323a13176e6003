// A disclosure audit of one factsheet, independent of loaders/publish.ts: it lists the additive
// relations that hold exactly inside a factsheet and reports every count of 1 … minCount − 1 that
// is shown, or that follows from shown values by adding or subtracting within one relation.

import type {Settings} from "../../loaders/model.js";
import {isSuppressed, type Mode} from "../../loaders/suppression.js";
import type {Factsheet} from "../../loaders/tables/factsheet.js";

/** A cell of the factsheet: where it is and what it holds (a number, or Suppressed once published). */
export interface Cell {
  path: string;
  value: unknown;
}

/** A part that exists but is not published at all (e.g. the pupils no longer in care). */
export const UNPUBLISHED = Symbol("unpublished");

/** total = the sum of parts, exactly, for every dataset. */
export interface Relation {
  name: string;
  total: Cell;
  parts: Cell[];
}

export interface Finding {
  kind: "shown-below-threshold" | "part-by-subtraction" | "hidden-sum-below-threshold" | "total-by-addition";
  relation?: string;
  paths: string[];
  /** What an outsider can compute. */
  value: number;
}

/** Keys whose numbers count pupils or trajectories with youth care. */
const COUNT_KEYS = new Set(["pupils", "trajectories", "stillInCare", "total"]);

function isHidden(value: unknown): boolean {
  return value === UNPUBLISHED || isSuppressed(value);
}

/**
 * The relations that hold exactly. Unions are not sums (a pupil can have two care types, or care in
 * two years), so pupils per year against care types and the cohort against the years are listed
 * only where a single member holds pupils; trajectories against pupils never. (The factsheet no
 * longer has counts by provider or by age, issue 10.)
 */
export function factsheetRelations<M extends Mode>(f: Factsheet<M>, settings: Pick<Settings, "youthCareDefinition" | "dyslexiaCareType">): Relation[] {
  const relations: Relation[] = [];
  const costs = f.costs;
  relations.push({
    name: "item 8: cost bands",
    total: {path: "costs.pupils", value: costs.pupils},
    parts: costs.bands.map((b, i) => ({path: `costs.bands[${i}].pupils`, value: b.pupils}))
  });
  relations.push({
    name: "item 8: still in care and the rest",
    total: {path: "costs.pupils", value: costs.pupils},
    parts: [
      {path: "costs.stillInCare", value: costs.stillInCare},
      {path: "costs.(not in care)", value: UNPUBLISHED}
    ]
  });
  // A union is a sum when a single member can hold pupils: hidden cells hold 1 or more, the others show 0.
  const soleMember = (members: Cell[]): Cell[] => {
    const nonZero = members.filter((m) => m.value !== 0);
    return nonZero.length === 1 ? nonZero : [];
  };
  const latest = f.years[f.years.length - 1]?.year;
  const careTypeCell = (careType: string, year: number): Cell | undefined => {
    const r = f.careTypes.findIndex((c) => c.careType === careType);
    const y = r === -1 ? -1 : f.careTypes[r].perYear.findIndex((p) => p.year === year);
    return y === -1 ? undefined : {path: `careTypes[${r}].perYear[${y}].pupils`, value: f.careTypes[r].perYear[y].pupils};
  };
  f.topCareTypes.forEach((t, i) => {
    const cell = careTypeCell(t.careType, latest);
    if (cell) relations.push({name: "item 7 repeats item 5", total: cell, parts: [{path: `topCareTypes[${i}].pupils`, value: t.pupils}]});
  });
  f.years.forEach((row, y) => {
    const total = {path: `years[${y}].pupils`, value: row.pupils};
    const members = (rows: {perYear: {pupils: unknown}[]}[], name: string) =>
      soleMember(rows.map((r, i) => ({path: `${name}[${i}].perYear[${y}].pupils`, value: r.perYear[y].pupils})));
    for (const part of members(f.careTypes, "careTypes")) relations.push({name: `item 5: sole care type ${row.year}`, total, parts: [part]});
  });
  if (settings.youthCareDefinition === "started") {
    const sole = soleMember(f.years.map((row, y) => ({path: `years[${y}].pupils`, value: row.pupils})));
    for (const part of sole) relations.push({name: "item 8: cohort of one year", total: {path: "costs.pupils", value: costs.pupils}, parts: [part]});
  }
  return relations;
}

function shownCounts(value: unknown, path: string, out: Cell[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => shownCounts(v, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null && !isSuppressed(value)) {
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (COUNT_KEYS.has(key) && typeof v === "number") out.push({path: here, value: v});
      else shownCounts(v, here, out);
    }
  }
}

/** Everything a reader of the published factsheet could learn about a group of 1 … minCount − 1. */
export function auditFactsheet(
  f: Factsheet<"public">,
  settings: Pick<Settings, "youthCareDefinition" | "dyslexiaCareType" | "suppression">
): Finding[] {
  const {minCount} = settings.suppression;
  const small = (n: number) => n >= 1 && n < minCount;
  const findings: Finding[] = [];
  const counts: Cell[] = [];
  shownCounts(f, "", counts);
  for (const c of counts) {
    if (small(c.value as number)) findings.push({kind: "shown-below-threshold", paths: [c.path], value: c.value as number});
  }
  for (const r of factsheetRelations(f, settings)) {
    const hidden = r.parts.filter((p) => isHidden(p.value));
    const shownSum = r.parts.filter((p) => !isHidden(p.value)).reduce((s, p) => s + (p.value as number), 0);
    if (isHidden(r.total.value)) {
      if (hidden.length === 0) {
        findings.push({kind: "total-by-addition", relation: r.name, paths: [r.total.path], value: shownSum});
      }
      continue;
    }
    if (hidden.length === 0) continue;
    const rest = (r.total.value as number) - shownSum;
    const unpublishedOnly = hidden.every((p) => p.value === UNPUBLISHED);
    if (hidden.length === 1 && (!unpublishedOnly || small(rest))) {
      findings.push({kind: "part-by-subtraction", relation: r.name, paths: [hidden[0].path], value: rest});
    } else if (hidden.length > 1 && small(rest)) {
      findings.push({kind: "hidden-sum-below-threshold", relation: r.name, paths: hidden.map((p) => p.path), value: rest});
    }
  }
  return findings;
}
