// Region mode (issue 13 item 1): several municipalities in one site. Each municipality keeps its own
// report; the region pages compare them. They publish no count of their own: every count on them is a
// count one municipality's release already publishes, or a sum of such counts, withheld when any of
// its parts is. So a region number tells a reader nothing the municipal pages do not, and the audit
// over the whole release (disclosure/region.ts) proves it rather than assuming it.
//
// Pure: the folder is read by io.ts readRegionFile, the municipalities by the usual pipeline.

import {DECIMALS, percentage} from "./definitions.js";
import {InputErrors, type InputError} from "./errors.js";
import {leafKey} from "./disclosure/leaves.js";
import {auditWidth} from "./disclosure/registry.js";
import type {Settings} from "./model.js";
import type {PublicReport} from "./publish.js";
import {suppressDerived, type Public, type PublicSource} from "./suppression.js";
import {slugify} from "../src/lib/slug.js";

export const REGION_FILE = "regio.json";

/** regio.json: the region's name and its municipalities' data folders (relative to the file's folder). */
export interface RegionSpec {
  name: string;
  /** Absolute data folders, in the order of the file. */
  folders: string[];
}

/** Parses regio.json; every problem in one Dutch report. `resolve` makes a listed folder absolute. */
export function parseRegion(text: string, resolve: (folder: string) => string): RegionSpec {
  const errors: InputError[] = [];
  const fail = (column: string | null, value: string | null, message: string) => errors.push({file: REGION_FILE, line: null, column, value, message});
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputErrors([{file: REGION_FILE, line: null, column: null, value: null, message: "is geen geldige JSON"}]);
  }
  const record = (json ?? {}) as Record<string, unknown>;
  const name = record.naam;
  if (typeof name !== "string" || name.trim() === "") fail("naam", null, "ontbreekt: geef de naam van de regio, bv. \"Zuidoost Utrecht\"");
  const list = record.gemeenten;
  if (!Array.isArray(list) || list.length < 2 || list.some((f) => typeof f !== "string" || f.trim() === "")) {
    fail("gemeenten", null, "moet een lijst zijn van ten minste twee mappen met gegevens, één per gemeente");
  }
  for (const key of Object.keys(record)) if (key !== "naam" && key !== "gemeenten") fail(key, null, "is geen instelling van een regio (wel: naam, gemeenten)");
  if (errors.length > 0) throw new InputErrors(errors);
  const folders = (list as string[]).map((f) => resolve(f.trim()));
  const seen = new Set<string>();
  for (const folder of folders) {
    if (seen.has(folder)) fail("gemeenten", folder, "staat twee keer in de lijst");
    seen.add(folder);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return {name: (name as string).trim(), folders};
}

/** One municipality of the region, as its own release publishes it. */
export interface RegionMember {
  municipality: string;
  report: Pick<PublicReport, "schools" | "meta">;
  /** Settings that must agree across the region for its sums to mean one thing. */
  settings: {minCount: number; auditWidth: number; definition: Settings["youthCareDefinition"]};
}

/** A count on the region pages and the municipal counts it is the sum of (file and path in that release). */
export interface RegionSource {
  slug: string;
  key: string;
}

export interface RegionYear {
  year: number;
  enrolled: number;
  pupils: Public<number>;
  /** 2 decimals, as the municipal total row. */
  pct: Public<number | null>;
}

export interface RegionSchoolRow {
  schoolId: string;
  name: string;
  enrolledLatestYear: number;
  years: {year: number; enrolled: number; pupils: Public<number>; pct: Public<number | null>}[];
  growth: never[];
  growthPattern: null;
  useCategory: null;
}

/** The region's one published file, regio.json: everything the region pages show. */
export interface RegionReport {
  meta: {name: string; years: number[]; latestYear: number; minCount: number; municipalities: {key: string; name: string; years: number[]}[]};
  /** Each municipality's own total row, side by side (its own years). */
  municipalities: {key: string; name: string; years: RegionYear[]}[];
  /** Shaped as a municipality's schools.json, so the funnel plot draws the region as it draws one municipality. */
  schools: {tabel6: RegionSchoolRow[]; total: {enrolledLatestYear: number; years: RegionYear[]}; growthPatterns: never[]};
}

export interface RegionTables {
  report: RegionReport;
  /** Per count in the region file (leafKey("regio.json", path)): the municipal counts it sums. */
  sources: Map<string, RegionSource[]>;
}

export const REGION_REPORT_FILE = "cijfers.json";

/** The municipality's path prefix in the region's site (/<slug>/…). */
export const municipalitySlug = (municipality: string) => slugify(municipality);

/** What decides whether municipalities can form one region: known before anything is built. */
export type RegionFacts = Pick<RegionMember, "municipality" | "settings"> & {years: number[]};

/** The settings a municipality brings to a region, read from its instellingen.json. */
export const memberSettings = (settings: Pick<Settings, "suppression" | "youthCareDefinition">): RegionMember["settings"] => ({
  minCount: settings.suppression.minCount,
  auditWidth: auditWidth(settings),
  definition: settings.youthCareDefinition
});

export const regionFacts = (m: RegionMember): RegionFacts => ({municipality: m.municipality, settings: m.settings, years: m.report.meta.years});

/** Why these municipalities cannot form one region, in Dutch; null when they can. */
export function regionMismatch(members: RegionFacts[]): string | null {
  const slugs = new Map<string, string>();
  for (const m of members) {
    const slug = municipalitySlug(m.municipality);
    const other = slugs.get(slug);
    if (other !== undefined) return `${other} en ${m.municipality} krijgen hetzelfde webadres /${slug}/; elke gemeente mag maar één keer in de regio staan.`;
    slugs.set(slug, m.municipality);
  }
  const [first, ...rest] = members;
  for (const m of rest) {
    for (const [key, label] of [["minCount", "de grens voor kleine aantallen (suppression.minCount)"], ["auditWidth", "de controlebreedte (suppression.auditWidth)"], ["definition", "de definitie van jeugdhulp in een jaar (youthCareDefinition)"]] as const) {
      if (m.settings[key] !== first.settings[key]) {
        return `${first.municipality} en ${m.municipality} hebben een andere waarde voor ${label}: ${first.settings[key]} en ${m.settings[key]}. De cijfers van een regio tellen alleen op als die gelijk zijn.`;
      }
    }
  }
  if (commonYears(members).length === 0) return "De gemeenten van de regio hebben geen onderzoeksjaar gemeen; er valt niets samen te tellen.";
  return null;
}

function commonYears(members: Pick<RegionFacts, "years">[]): number[] {
  const [first, ...rest] = members;
  return first.years.filter((y) => rest.every((m) => m.years.includes(y)));
}

/** Adds published counts: the sum, or withheld when any part is (the rule for derived values). */
function sum(parts: Public<number>[]): Public<number> {
  const total = parts.reduce((s: number, p) => s + (typeof p === "number" ? p : 0), 0);
  return suppressDerived(total, parts as unknown as [PublicSource, ...PublicSource[]]);
}

/**
 * The region's tables from its members' released reports. The region's years are the years every
 * municipality has; each municipality's own row keeps all its years.
 */
export function regionTables(name: string, members: RegionMember[]): RegionTables {
  const facts = members.map(regionFacts);
  const mismatch = regionMismatch(facts);
  if (mismatch) throw new InputErrors([{file: REGION_FILE, line: null, column: "gemeenten", value: null, message: mismatch}]);
  const years = commonYears(facts);
  const latestYear = years[years.length - 1];
  const sources = new Map<string, RegionSource[]>();
  const source = (path: string, from: RegionSource[]) => sources.set(leafKey(REGION_REPORT_FILE, path), from);
  const totalKey = (year: number) => leafKey("schools.json", `total.years[year=${year}].pupils`);

  const municipalities = members.map((m) => {
    const key = municipalitySlug(m.municipality);
    const own = m.report.schools.total.years.map((y) => {
      source(`municipalities[key=${key}].years[year=${y.year}].pupils`, [{slug: key, key: totalKey(y.year)}]);
      return {year: y.year, enrolled: y.enrolled, pupils: y.pupils, pct: y.pct};
    });
    return {key, name: m.municipality, years: own};
  });

  const totalYears = years.map((year) => {
    const rows = municipalities.map((m) => m.years.find((y) => y.year === year) as RegionYear);
    const enrolled = rows.reduce((s, r) => s + r.enrolled, 0);
    const pupils = sum(rows.map((r) => r.pupils));
    source(`schools.total.years[year=${year}].pupils`, municipalities.map((m) => ({slug: m.key, key: totalKey(year)})));
    const pct = typeof pupils === "number" ? suppressDerived(percentage(pupils, enrolled, DECIMALS.municipalPercentage), [pupils]) : pupils;
    return {year, enrolled, pupils, pct};
  });

  // Every school with pupils in the region's latest year, named with its municipality.
  const tabel6: RegionSchoolRow[] = [];
  for (const [i, m] of members.entries()) {
    const slug = municipalities[i].key;
    for (const row of m.report.schools.tabel6) {
      const schoolId = `${slug}/${row.schoolId}`;
      const own = row.years.filter((y) => years.includes(y.year));
      const latest = own.find((y) => y.year === latestYear);
      if (!latest || latest.enrolled === 0) continue;
      for (const y of own) {
        source(`schools.tabel6[schoolId=${schoolId}].years[year=${y.year}].pupils`, [{slug, key: leafKey("schools.json", `tabel6[schoolId=${row.schoolId}].years[year=${y.year}].pupils`)}]);
      }
      tabel6.push({
        schoolId,
        name: `${row.name} (${m.municipality})`,
        enrolledLatestYear: latest.enrolled,
        years: own.map((y) => ({year: y.year, enrolled: y.enrolled, pupils: y.pupils, pct: y.pct})),
        growth: [],
        growthPattern: null,
        useCategory: null
      });
    }
  }

  const report: RegionReport = {
    meta: {
      name,
      years,
      latestYear,
      minCount: members[0].settings.minCount,
      municipalities: municipalities.map((m) => ({key: m.key, name: m.name, years: m.years.map((y) => y.year)}))
    },
    municipalities,
    schools: {tabel6, total: {enrolledLatestYear: totalYears[totalYears.length - 1].enrolled, years: totalYears}, growthPatterns: []}
  };
  return {report, sources};
}
