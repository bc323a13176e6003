// The explorer's cube attacked as a reader would, from the published files alone: the cell files,
// the public perturbation table (verstoring.csv), the units (eenheden.csv) and Tabel 6. No atoms, no
// registry, no keys. The build runs it on what it is about to publish and stops when it pins a count
// (pipeline.ts); the LP audit (audit.ts) leaves the cube's perturbed cells out for time.
//
// What the reader knows from the files' meaning, as relations (propagation.ts):
//  - schools add up to their board and boards to the municipality (a pupil sits at one school a year);
//  - a total over ages or care types lies between its largest part and the sum of its parts;
//  - pupils without dyslexia care are a subset of all pupils, and in a care type other than dyslexia
//    care they are the same pupils; without dyslexia care, dyslexia care is empty;
//  - a row's pupils are at most its trajectories;
// and per published value: a missing row is a published 0; an empty field ("·") is 0 or more (the
// cube withholds empty cells beside tied ones, cubeCells.ts), and 1 or more where Tabel 6 withholds
// the same school-year (the report never hides a zero); a pupil count the table never gives (1 … roundBelow − 1) is the report's exact count; a row's
// trajectories may be raised to its pupils; Tabel 6's shown counts are exact.

import {csvParse} from "d3";
import {CELL_COLUMNS, compactName, variantFileNames} from "../cube/publish.js";
import {compactRows, type CompactVariant} from "../../src/lib/cube.js";
import {pinned, propagate, type Interval, type Relation} from "./propagation.js";

type Row = Record<string, string>;
const DIMS = CELL_COLUMNS.slice(0, 7);
const key = (r: Row) => DIMS.map((d) => r[d]).join("|");

export interface CubeAttack {
  /** Counts the reader proves to be 1 or more within fewer than minCount values. */
  pinned: {name: string; lo: number; hi: number}[];
  variables: number;
  relations: number;
  /** Counts the relations narrowed below what their own published value says. */
  narrowed: number;
}

/** The published table read back: the true counts each published value can come from. */
function readTable(text: string): (published: number) => [number, number] | null {
  const rows = new Map<number, Map<number, number>>();
  let stationaryFrom = 0;
  for (const r of csvParse(text)) {
    const n = Number(r.werkelijk);
    if (!rows.has(n)) rows.set(n, new Map());
    rows.get(n)!.set(Number(r.gepubliceerd), Number(r.kans_op_65536));
    if (r.ook_hoger === "ja") stationaryFrom = n;
  }
  const canPublish = (count: number, published: number) => {
    const base = Math.min(count, stationaryFrom);
    return (rows.get(base)!.get(published - (count - base)) ?? 0) > 0;
  };
  const widest = Math.max(...[...rows].flatMap(([n, row]) => [...row.keys()].map((v) => Math.abs(v - n))));
  const memo = new Map<number, [number, number] | null>();
  return (published) => {
    if (!memo.has(published)) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let n = Math.max(0, published - widest); n <= published + widest; n++) {
        if (canPublish(n, published)) [lo, hi] = [Math.min(lo, n), Math.max(hi, n)];
      }
      memo.set(published, lo === Infinity ? null : [lo, hi]);
    }
    return memo.get(published)!;
  };
}

/**
 * `files`: the site's archive members by name (the cube under `verkennen/`, and `schools.json`).
 * `minCount`: a count narrower than this that may be small is pinned.
 */
export function attackPublishedCube(files: ReadonlyMap<string, string>, minCount: number): CubeAttack {
  const read = (name: string) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`Kubuscontrole: ${name} ontbreekt.`);
    return text;
  };
  const cells = variantFileNames().flatMap((name) => csvParse(read(`verkennen/${name}`)));
  const byKey = new Map(cells.map((r) => [key(r), r]));
  const units = csvParse(read("verkennen/eenheden.csv"));
  // The page reads each variant's cells from its JSON copy: the attack on the CSVs covers those only
  // when they show exactly the same cells.
  for (const name of variantFileNames()) {
    const csv = csvParse(read(`verkennen/${name}`));
    const copy = compactRows(JSON.parse(read(`verkennen/${compactName(name)}`)) as CompactVariant, units.map((u) => u.code));
    const shown = (r: Record<string, string>) => `${r.jaar}|${r.eenheid}|${r.leeftijd}|${r.zorgvorm}|${r.jeugdhulp}|${r.trajecten}`;
    const expected = new Set(csv.map(shown));
    if (copy.length !== csv.length || !copy.every((r) => expected.has(shown(r)))) {
      throw new Error(`Kubuscontrole: verkennen/${compactName(name)} toont andere cellen dan verkennen/${name}.`);
    }
  }
  const consistent = readTable(read("verkennen/verstoring.csv"));
  const {dyslexiaCareType: dyslexiaCare, definition} = JSON.parse(read("verkennen/meta.json")) as {dyslexiaCareType: string; definition: string};
  const zero = consistent(0) ?? [0, 0];
  const trajectoryRange = (shown: number): [number, number] => {
    let highest = -Infinity;
    for (let v = 0; v <= shown; v++) highest = Math.max(highest, consistent(v)?.[1] ?? -Infinity);
    return [consistent(shown)?.[0] ?? 0, highest];
  };

  const values = (d: string) => [...new Set(cells.map((r) => r[d]))];
  const [years, ages, careTypes] = [values("jaar"), values("leeftijd"), values("zorgvorm")];
  const variants = values("dyslexie").flatMap((dyslexie) => values("dbc_correctie").flatMap((dbc) => values("definitie").map((definitie) => [dyslexie, dbc, definitie])));
  const partsOf = new Map<string, string[]>();
  for (const u of units) if (u.onderdeel_van) partsOf.set(u.onderdeel_van, [...(partsOf.get(u.onderdeel_van) ?? []), u.code]);

  const start = new Map<string, Interval>();
  const relations: Relation[] = [];
  const name = (r: Row, field: string) => `${key(r)}|${field}`;
  for (const jaar of years)
    for (const {code: eenheid} of units)
      for (const leeftijd of ages)
        for (const zorgvorm of careTypes)
          for (const [dyslexie, dbc_correctie, definitie] of variants) {
            const r: Row = {jaar, eenheid, leeftijd, zorgvorm, dyslexie, dbc_correctie, definitie};
            const row = byKey.get(key(r));
            const emptyByDefinition = dyslexie === "zonder" && zorgvorm === dyslexiaCare;
            for (const field of ["jeugdhulp", "trajecten"]) {
              const shown = row?.[field];
              const [lo, hi] = emptyByDefinition
                ? [0, 0]
                : shown === undefined
                  ? zero
                  : shown === ""
                    ? [0, Infinity]
                    : field === "trajecten"
                      ? trajectoryRange(Number(shown))
                      : (consistent(Number(shown)) ?? [Number(shown), Number(shown)]);
              start.set(name(r, field), {lo, hi});
              const other = (change: Row) => name({...r, ...change}, field);
              const parts = partsOf.get(eenheid);
              if (parts) relations.push({kind: "sum", total: name(r, field), parts: parts.map((u) => other({eenheid: u}))});
              const ageParts = ages.filter((a) => a !== "alle");
              const careParts = careTypes.filter((c) => c !== "alle");
              if (leeftijd === "alle" && ageParts.length > 0) relations.push({kind: "union", total: name(r, field), parts: ageParts.map((a) => other({leeftijd: a}))});
              if (zorgvorm === "alle" && careParts.length > 0) relations.push({kind: "union", total: name(r, field), parts: careParts.map((c) => other({zorgvorm: c}))});
              if (dyslexie === "zonder") {
                relations.push({kind: "subset", part: name(r, field), total: other({dyslexie: "met"})});
                if (zorgvorm !== "alle" && zorgvorm !== dyslexiaCare) relations.push({kind: "subset", part: other({dyslexie: "met"}), total: name(r, field)});
              }
            }
            relations.push({kind: "subset", part: name(r, "jeugdhulp"), total: name(r, "trajecten")});
          }

  // A count the report also shows is the same in the cube (the page says so): a school's year in the
  // report's variant (with dyslexia care, no DBC correction, the configured definition) that carries
  // Tabel 6's number is that number, exactly; one withheld in both is 1 or more.
  const schools = JSON.parse(read("schools.json")) as {tabel6: {schoolId: string; years: {year: number; pupils: unknown}[]}[]};
  for (const row of schools.tabel6) {
    for (const y of row.years) {
      const r = {jaar: String(y.year), eenheid: `s:${row.schoolId}`, leeftijd: "alle", zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: definition};
      const shown = byKey.get(key(r))?.jeugdhulp;
      if (typeof y.pupils === "number" && shown === String(y.pupils)) start.set(name(r, "jeugdhulp"), {lo: y.pupils, hi: y.pupils});
      else if (typeof y.pupils !== "number" && shown === "") start.set(name(r, "jeugdhulp"), {lo: 1, hi: Infinity});
    }
  }

  const bounds = propagate(start, relations);
  const empty = [...bounds].filter(([, v]) => v.lo > v.hi);
  // The relations hold for the true counts; an empty interval means the attack misreads the files.
  if (empty.length > 0) throw new Error(`Kubuscontrole: ${empty.length} aantallen zonder mogelijke waarde, bv. ${empty[0][0]}.`);
  const narrowed = [...bounds].filter(([k, v]) => v.hi - v.lo < start.get(k)!.hi - start.get(k)!.lo).length;
  return {pinned: pinned(bounds, minCount), variables: start.size, relations: relations.length, narrowed};
}
