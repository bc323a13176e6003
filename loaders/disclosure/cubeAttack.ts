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
// and per published value: a missing row is a published 0, except in a school's or a board's cut
// outside the report's configuration, which the files leave out (0 or more); an empty field ("·") is 0 or more (the
// cube withholds empty cells beside tied ones, cubeCells.ts), and 1 or more where Tabel 6 withholds
// the same school-year (the report never hides a zero); a pupil count the table never gives (1 … roundBelow − 1) is the report's exact count; a row's
// trajectories may be raised to its pupils; Tabel 6's shown counts are exact.

import {csvParse} from "d3";
import {CELL_COLUMNS, compactName, variantFileNames, type CubeMeta} from "../cube/publish.js";
import {DBC, DEFINITIONS, DYSLEXIA} from "../cube/grid.js";
import {cellPosition, decodeVariant, leftOutOfFiles, WITHHELD, type CompactVariant} from "../../src/lib/cube.js";
import {isPinned, propagateIndexed, RelationList} from "./propagation.js";

type Row = Record<string, string>;
/** A cell's published value where the files have no row (a 0), and where they show "·". */
const NOT_SHOWN = -1;
const WITHHELD_SHOWN = -2;
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
 * Whether a variant's page copy (the compact JSON) shows exactly the cells of its CSV: as many, each at
 * a place of the copy's own lists where the CSV has a row, with the same two counts ("" withheld). By
 * position and number rather than as rows written out: a country's cube has 9 M of them, and their
 * strings were most of the attack's time, in garbage collection.
 */
function copyShowsSameCells(csv: readonly Row[], copy: CompactVariant, units: string[]): boolean {
  const dims = {years: copy.jaren, units, ages: copy.leeftijden, careTypes: copy.zorgvormen};
  const {cells, pupils, trajectories} = decodeVariant(copy, dims);
  if (cells.length !== csv.length) return false;
  const position = cellPosition(dims);
  const rowAt = new Int32Array(dims.years.length * units.length * dims.ages.length * dims.careTypes.length).fill(-1);
  for (let k = 0; k < csv.length; k++) {
    const r = csv[k];
    const at = position(Number(r.jaar), r.eenheid, r.leeftijd, r.zorgvorm);
    if (at < 0 || rowAt[at] !== -1) return false;
    rowAt[at] = k;
  }
  const same = (field: string, count: number) => (field === "" ? count === WITHHELD : field === String(count));
  for (let i = 0; i < cells.length; i++) {
    const k = rowAt[cells[i]];
    if (k === -1 || !same(csv[k].jeugdhulp, pupils[i]) || !same(csv[k].trajecten, trajectories[i])) return false;
  }
  return true;
}

/** The archive members the attack reads: the cube under `verkennen/`, and Tabel 6 in `schools.json`. */
export function attackedFiles(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files].filter(([name]) => name.startsWith("verkennen/") || name === "schools.json"));
}

/**
 * `files`: the site's archive members by name (at least attackedFiles).
 * `minCount`: a count narrower than this that may be small is pinned.
 */
export function attackPublishedCube(files: ReadonlyMap<string, string>, minCount: number): CubeAttack {
  const read = (name: string) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`Kubuscontrole: ${name} ontbreekt.`);
    return text;
  };
  let variantRows = variantFileNames().map((name) => ({name, csv: csvParse(read(`verkennen/${name}`))}));
  let cells = variantRows.flatMap(({csv}) => csv);
  const units = csvParse(read("verkennen/eenheden.csv"));
  // The page reads each variant's cells from its JSON copy: the attack on the CSVs covers those only
  // when they show exactly the same cells.
  for (const {name, csv} of variantRows) {
    if (!copyShowsSameCells(csv, JSON.parse(read(`verkennen/${compactName(name)}`)) as CompactVariant, units.map((u) => u.code))) {
      throw new Error(`Kubuscontrole: verkennen/${compactName(name)} toont andere cellen dan verkennen/${name}.`);
    }
  }
  const consistent = readTable(read("verkennen/verstoring.csv"));
  const meta = JSON.parse(read("verkennen/meta.json")) as Pick<CubeMeta, "dyslexiaCareType" | "definition" | "years" | "ages" | "careTypes">;
  const {dyslexiaCareType: dyslexiaCare, definition} = meta;
  const zero = consistent(0) ?? [0, 0];
  const unknown: [number, number] = [0, Infinity];
  const trajectoryRange = (shown: number): [number, number] => {
    let highest = -Infinity;
    for (let v = 0; v <= shown; v++) highest = Math.max(highest, consistent(v)?.[1] ?? -Infinity);
    return [consistent(shown)?.[0] ?? 0, highest];
  };

  // The grid as meta.json lists it: a value without any row (an age group without youth care, whose
  // school cells the files leave out) is still a count the reader reasons about.
  const [years, ages, careTypes] = [meta.years.map(String), meta.ages.map((a) => a.key), meta.careTypes.map((c) => c.key)];
  const variants = DYSLEXIA.flatMap((dyslexie) => DBC.flatMap((dbc) => DEFINITIONS.map((definitie) => [dyslexie, dbc, definitie])));
  const unitCodes = units.map((u) => u.code);
  const partsOf = new Map<string, string[]>();
  for (const u of units) if (u.onderdeel_van) partsOf.set(u.onderdeel_van, [...(partsOf.get(u.onderdeel_van) ?? []), u.code]);

  // Every count numbered by its place in the grid the loops below walk (year, unit, age, care type,
  // variant; pupils then trajectories): a country's cube has 18 M of them, too many to name as
  // strings (the names are made for the counts pinned).
  const dims = [years, unitCodes, ages, careTypes, variants.map((v) => v.join("|"))];
  const positions = dims.map((list) => new Map(list.map((value, i) => [value, i])));
  const FIELDS = ["jeugdhulp", "trajecten"] as const;
  const cellCount = dims.reduce((n, list) => n * list.length, 1);
  const cellOf = (coordinates: readonly number[]) => coordinates.reduce((cell, c, d) => cell * dims[d].length + c, 0);
  /** A row's cell in the grid, or undefined where one of its values is not in it. */
  const cellAt = (r: Row) => {
    const coordinates = [r.jaar, r.eenheid, r.leeftijd, r.zorgvorm, `${r.dyslexie}|${r.dbc_correctie}|${r.definitie}`].map((value, d) => positions[d].get(value));
    return coordinates.every((c) => c !== undefined) ? cellOf(coordinates as number[]) : undefined;
  };
  // Each cell's two published values as numbers (NOT_SHOWN: no row, that is 0; WITHHELD_SHOWN: "·"),
  // and the rows let go: 9 M objects of strings kept the garbage collector busy for the rest.
  const shownAt = FIELDS.map(() => new Float64Array(cellCount).fill(NOT_SHOWN));
  for (const r of cells) {
    const cell = cellAt(r);
    // A row of a unit eenheden.csv does not list is read by nothing, as before.
    if (cell !== undefined) FIELDS.forEach((field, f) => (shownAt[f][cell] = r[field] === "" ? WITHHELD_SHOWN : Number(r[field])));
  }
  [cells, variantRows] = [[], []];
  // Counts a relation names outside the grid (a variant the files never show): 0 or more, numbered after it.
  const outside = new Map<string, number>();
  const outsideNames: string[] = [];
  const gridCounts = cellCount * FIELDS.length;
  const numberOf = (r: Row, field: (typeof FIELDS)[number]) => {
    const cell = cellAt(r);
    if (cell !== undefined) return cell * FIELDS.length + FIELDS.indexOf(field);
    const name = `${key(r)}|${field}`;
    let n = outside.get(name);
    if (n === undefined) outside.set(name, (n = gridCounts + outsideNames.push(name) - 1));
    return n;
  };
  const nameOf = (n: number) => {
    if (n >= gridCounts) return outsideNames[n - gridCounts];
    let cell = Math.floor(n / FIELDS.length);
    const coordinates: string[] = [];
    for (let d = dims.length - 1; d >= 0; d--) {
      coordinates[d] = dims[d][cell % dims[d].length];
      cell = Math.floor(cell / dims[d].length);
    }
    return `${coordinates.join("|")}|${FIELDS[n % FIELDS.length]}`;
  };

  let lo = new Float64Array(gridCounts);
  let hi = new Float64Array(gridCounts);
  const relations = new RelationList();
  const ageParts = ages.filter((a) => a !== "alle");
  const careParts = careTypes.filter((c) => c !== "alle");
  // The same count in another unit, age, care type or with dyslexia care: by the grid's strides where
  // the value is in the grid, else by name.
  const strides = dims.map((_, d) => dims.slice(d + 1).reduce((n, list) => n * list.length, 1) * FIELDS.length);
  // A relation's parts as offsets from its total's number, made once: the walk below adds some 30 M
  // relations in a country's cube.
  const partOffsets = unitCodes.map((code, u) => (partsOf.has(code) ? Int32Array.from(partsOf.get(code)!, (part) => (positions[1].get(part)! - u) * strides[1]) : null));
  const ageOffsets = Int32Array.from(ageParts, (age) => (positions[2].get(age)! - positions[2].get("alle")!) * strides[2]);
  const careOffsets = Int32Array.from(careParts, (care) => (positions[3].get(care)! - positions[3].get("alle")!) * strides[3]);
  const itself = Int32Array.of(0);
  const withDyslexiaCare = variants.map(([, dbc_correctie, definitie]) => positions[4].get(`met|${dbc_correctie}|${definitie}`));
  // The walk goes through the grid in its own order: the cell is a running number.
  let cell = -1;
  years.forEach((jaar, y) =>
    unitCodes.forEach((eenheid, u) =>
      ages.forEach((leeftijd, a) =>
        careTypes.forEach((zorgvorm, c) =>
          variants.forEach(([dyslexie, dbc_correctie, definitie], v) => {
            cell++;
            const emptyByDefinition = dyslexie === "zonder" && zorgvorm === dyslexiaCare;
            const missing = leftOutOfFiles(units[u].niveau, {age: leeftijd, careType: zorgvorm, dyslexia: dyslexie, dbc: dbc_correctie, definition: definitie}, definition) ? unknown : zero;
            FIELDS.forEach((field, f) => {
              const shown = shownAt[f][cell];
              const [low, high] = emptyByDefinition
                ? [0, 0]
                : shown === NOT_SHOWN
                  ? missing
                  : shown === WITHHELD_SHOWN
                    ? unknown
                    : field === "trajecten"
                      ? trajectoryRange(shown)
                      : (consistent(shown) ?? [shown, shown]);
              const self = cell * FIELDS.length + f;
              lo[self] = low;
              hi[self] = high;
              const parts = partOffsets[u];
              if (parts) relations.addShifted("sum", self, parts, self);
              if (leeftijd === "alle" && ageParts.length > 0) relations.addShifted("union", self, ageOffsets, self);
              if (zorgvorm === "alle" && careParts.length > 0) relations.addShifted("union", self, careOffsets, self);
              if (dyslexie === "zonder") {
                const met = withDyslexiaCare[v];
                const withCare = met === undefined ? numberOf({jaar, eenheid, leeftijd, zorgvorm, dyslexie: "met", dbc_correctie, definitie}, field) : self + (met - v) * strides[4];
                relations.addShifted("subset", withCare, itself, self);
                if (zorgvorm !== "alle" && zorgvorm !== dyslexiaCare) relations.addShifted("subset", self, itself, withCare);
              }
            });
            relations.addShifted("subset", cell * FIELDS.length + 1, itself, cell * FIELDS.length);
          })
        )
      )
    )
  );

  // A count the report also shows is the same in the cube (the page says so): a school's year in the
  // report's variant (with dyslexia care, no DBC correction, the configured definition) that carries
  // Tabel 6's number is that number, exactly; one withheld in both is 1 or more.
  const known = new Set<number>();
  const exactly = new Map<number, [number, number]>();
  const schools = JSON.parse(read("schools.json")) as {tabel6: {schoolId: string; years: {year: number; pupils: unknown}[]}[]};
  for (const row of schools.tabel6) {
    for (const y of row.years) {
      const r = {jaar: String(y.year), eenheid: `s:${row.schoolId}`, leeftijd: "alle", zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: definition};
      const at = cellAt(r);
      const shown = at === undefined ? NOT_SHOWN : shownAt[0][at];
      const interval: [number, number] | null = typeof y.pupils === "number" && shown === y.pupils ? [y.pupils, y.pupils] : typeof y.pupils !== "number" && shown === WITHHELD_SHOWN ? [1, Infinity] : null;
      if (interval === null) continue;
      const n = numberOf(r, "jeugdhulp");
      if (n >= gridCounts) known.add(n);
      exactly.set(n, interval);
    }
  }
  const total = gridCounts + outsideNames.length;
  if (total > lo.length) {
    // Counts outside the grid start as 0 or more.
    const [wider, widerHi] = [new Float64Array(total), new Float64Array(total).fill(Infinity)];
    wider.set(lo);
    widerHi.set(hi);
    [lo, hi] = [wider, widerHi];
  }
  for (const [n, [low, high]] of exactly) [lo[n], hi[n]] = [low, high];
  const [startLo, startHi] = [lo.slice(), hi.slice()];
  propagateIndexed(lo, hi, relations.relations());
  const pinnedCounts: CubeAttack["pinned"] = [];
  let narrowed = 0;
  let empty = 0;
  let firstEmpty = -1;
  for (let n = 0; n < total; n++) {
    if (lo[n] > hi[n] && empty++ === 0) firstEmpty = n;
    if (hi[n] - lo[n] < startHi[n] - startLo[n]) narrowed++;
    if (isPinned({lo: lo[n], hi: hi[n]}, minCount)) pinnedCounts.push({name: nameOf(n), lo: lo[n], hi: hi[n]});
  }
  // The relations hold for the true counts; an empty interval means the attack misreads the files.
  if (empty > 0) throw new Error(`Kubuscontrole: ${empty} aantallen zonder mogelijke waarde, bv. ${nameOf(firstEmpty)}.`);
  // A count only Tabel 6 names (outside the grid) is one of the reader's own as well.
  return {pinned: pinnedCounts, variables: gridCounts + known.size, relations: relations.length, narrowed};
}
