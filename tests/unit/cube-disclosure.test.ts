// A disclosure audit of the explorer's published cube on the default data, read back from the files
// the site serves and checked without the code that perturbed it: the only key to reading the counts
// is the published perturbation table (verstoring.csv), parsed here on its own.
import {csvParse} from "d3";
import {beforeAll, describe, expect, test} from "vitest";
import {compactName, variantFileNames} from "../../loaders/cube/publish.js";
import {compactRows, Cube, type CompactVariant} from "../../src/lib/cube.js";
import {siteFilesFromEnvironment} from "../../loaders/pipeline.js";
import {attackPublishedCube} from "../../loaders/disclosure/cubeAttack.js";

type Row = Record<string, string>;
const MIN = 5;
/** Counts 1 … 14 are published as 0 or 15 (suppression.cubeRoundBelow, default 3·minCount). */
const ROUNDED = 15;
let cells: Row[];
let byKey: Map<string, Row>;
let enrolled: Map<string, number>;
let units: Row[];
let files: Map<string, string>;
let site: ReadonlyMap<string, string>;
/** From verstoring.csv: true count → published value → weight out of 2^16. */
let ptable: Map<number, Map<number, number>>;
let stationaryFrom: number;

const DIMS = ["jaar", "eenheid", "leeftijd", "zorgvorm", "dyslexie", "dbc_correctie", "definitie"] as const;
const key = (r: Row) => DIMS.map((d) => r[d]).join("|");
/** A missing row reads 0; an empty field (withheld) reads NaN, so no sum passes over it unnoticed. */
const value = (r: Row | undefined, field: "jeugdhulp" | "trajecten" = "jeugdhulp") => (r === undefined ? 0 : r[field] === "" ? NaN : Number(r[field]));

/** P(published | true) > 0 under the published table; rows from stationaryFrom on are shifted. */
function canPublish(count: number, published: number): boolean {
  const base = Math.min(count, stationaryFrom);
  return (ptable.get(base)!.get(published - (count - base)) ?? 0) > 0;
}

/** The true counts a published value can come from, as [lowest, highest]. */
function consistent(published: number): [number, number] | null {
  const counts = Array.from({length: published + 20}, (_, n) => n).filter((n) => canPublish(n, published));
  return counts.length === 0 ? null : [counts[0], counts[counts.length - 1]];
}

beforeAll(async () => {
  // The explorer's members of the site's archive, by their own names.
  site = await siteFilesFromEnvironment({env: {}, log: () => {}});
  files = new Map([...site].flatMap(([name, text]) => (name.startsWith("verkennen/") ? [[name.slice("verkennen/".length), text]] : [])));
  // The report's own Tabel 6, for the check against it.
  files.set("schools.json", site.get("schools.json")!);
  cells = variantFileNames().flatMap((name) => csvParse(files.get(name)!));
  byKey = new Map(cells.map((r) => [key(r), r]));
  enrolled = new Map(csvParse(files.get("leerlingen.csv")!).map((r) => [`${r.jaar}|${r.eenheid}|${r.leeftijd}`, Number(r.leerlingen)]));
  units = csvParse(files.get("eenheden.csv")!);
  ptable = new Map();
  for (const r of csvParse(files.get("verstoring.csv")!)) {
    const n = Number(r.werkelijk);
    if (!ptable.has(n)) ptable.set(n, new Map());
    ptable.get(n)!.set(Number(r.gepubliceerd), Number(r.kans_op_65536));
    if (r.ook_hoger === "ja") stationaryFrom = n;
  }
}, 120_000);

describe("the explorer's cube on the default data", () => {
  test("repeats the report where it publishes the same count: Tabel 2's pupils per year exactly, trajectories within ± 3", () => {
    const g = (jaar: number, dbc: string, field: "jeugdhulp" | "trajecten") => value(byKey.get(`${jaar}|g|alle|alle|met|${dbc}|gestart`), field);
    // Trajectories are the cube's own (perturbed): Tabel 2 has 519, 686, 494 and 555 (2018, DBC-corrected).
    const trajectories = [g(2017, "uit", "trajecten"), g(2018, "uit", "trajecten"), g(2019, "uit", "trajecten"), g(2018, "aan", "trajecten")];
    [519, 686, 494, 555].forEach((exact, i) => expect(Math.abs(trajectories[i] - exact)).toBeLessThanOrEqual(3));
    // 8,38% / 10,58% / 8,55% of the enrolled pupils (Tabel 6 totals): 382, 482 and 389 pupils, as in the report.
    expect([2017, 2018, 2019].map((jaar) => g(jaar, "uit", "jeugdhulp"))).toEqual([382, 482, 389]);
  });

  test("the page's copies (jeugdhulp-*.json) show exactly the CSVs' cells, and the page reads Tabel 2's 389 pupils of 2019 from them", () => {
    const codes = units.map((u) => u.code);
    for (const name of variantFileNames()) {
      const csv = csvParse(files.get(name)!).map(({jaar, eenheid, leeftijd, zorgvorm, jeugdhulp, trajecten}) => ({jaar, eenheid, leeftijd, zorgvorm, jeugdhulp, trajecten}));
      expect(compactRows(JSON.parse(files.get(compactName(name))!) as CompactVariant, codes)).toEqual(csv);
    }
    const cube = new Cube(JSON.parse(files.get("meta.json")!), units, csvParse(files.get("leerlingen.csv")!));
    cube.addVariant("met-uit-gestart", JSON.parse(files.get("jeugdhulp-met-uit-gestart.json")!) as CompactVariant);
    const filter = {age: "alle", careType: "alle", dyslexia: "met", dbc: "uit", definition: "gestart"} as const;
    expect(cube.cell(2019, "g", filter).pupils).toBe(389);
  });

  test("holds no pupil or trajectory id, no key and no names other than schools, boards and the municipality", () => {
    const text = [...files].filter(([name]) => name !== "schools.json").map(([, t]) => t).join("\n");
    expect(text).not.toMatch(/\bLL[0-9A-Z]{8}\b/);
    expect(text).not.toMatch(/\bTR\d{6}\b/);
    // No secret or key: nothing that looks like a hash, and not the setting's name.
    expect(text).not.toMatch(/[0-9a-f]{16}|cellKeySecret/i);
    expect(new Set(units.map((u) => u.niveau))).toEqual(new Set(["gemeente", "bestuur", "school"]));
  });

  test("the cell files hold counts only: every one a whole number, never 1 … 4, or empty (withheld) for pupils and trajectories together; 5 … 14 only where the report shows that count", () => {
    expect(Object.keys(cells[0])).toEqual([...DIMS, "jeugdhulp", "trajecten"]);
    const bad = cells.filter((r) => [r.jeugdhulp, r.trajecten].some((t) => t !== "" && (!/^\d+$/.test(t) || (Number(t) >= 1 && Number(t) < MIN))));
    expect(bad).toEqual([]);
    // The table never publishes 5 … 14, so such a value is a report count repeated exactly: pupils only
    // (the report's trajectory counts are not the cube's), and the cube has some (a school's care type).
    const exactSmall = cells.filter((r) => Number(r.jeugdhulp) >= MIN && Number(r.jeugdhulp) < ROUNDED);
    expect(exactSmall.length).toBeGreaterThan(0);
    expect(cells.filter((r) => Number(r.trajecten) >= 1 && Number(r.trajecten) < ROUNDED && Number(r.trajecten) !== Number(r.jeugdhulp))).toEqual([]);
    expect(cells.filter((r) => (r.jeugdhulp === "") !== (r.trajecten === ""))).toEqual([]);
    expect(cells.filter((r) => r.jeugdhulp === "").length).toBeGreaterThan(0);
  });

  test("the published table: rows of 2^16, unbiased, no 1 … 14, and every value the cube shows consistent with counts ≥ 5 apart", () => {
    for (const [n, row] of ptable) {
      const weights = [...row.values()];
      expect(weights.reduce((s, w) => s + w, 0)).toBe(2 ** 16);
      const mean = [...row].reduce((s, [v, w]) => s + v * w, 0) / 2 ** 16;
      // Up to the quantisation: half a unit of 2^-16 on the value 15.
      expect(Math.abs(mean - n)).toBeLessThan(ROUNDED / 2 ** 17);
      expect([...row.keys()].filter((v) => v >= 1 && v < ROUNDED)).toEqual([]);
    }
    // 5 … 14 are the report's exact counts (previous test), not the table's.
    const shown = new Set(cells.filter((r) => r.jeugdhulp !== "").flatMap((r) => [value(r), value(r, "trajecten")]).filter((v) => v < MIN || v >= ROUNDED));
    const narrow = [...shown].filter((v) => {
      const range = consistent(v);
      return range === null || range[1] - range[0] < MIN;
    });
    expect(narrow).toEqual([]);
    // A cube 0 around the report's "·" (1 or more) leaves 1 … 14, not 1 … 5.
    expect(consistent(0)).toEqual([0, 14]);
  });

  test("the same pupils give the same value: a care type other than dyslexia care, with and without dyslexia care", () => {
    const differ = cells.filter((r) => {
      if (r.dyslexie !== "zonder" || r.zorgvorm === "alle") return false;
      const met = byKey.get(key({...r, dyslexie: "met"}));
      return !Object.is(value(met), value(r)) || !Object.is(value(met, "trajecten"), value(r, "trajecten"));
    });
    expect(differ).toEqual([]);
    // And a board with one school shows what its school shows, in every cell.
    const only = units.filter((b) => b.niveau === "bestuur" && units.filter((u) => u.onderdeel_van === b.code).length === 1);
    expect(only.length).toBeGreaterThan(0);
    for (const board of only) {
      const school = units.find((u) => u.onderdeel_van === board.code)!.code;
      const mismatch = cells.filter((r) => r.eenheid === board.code && !Object.is(value(byKey.get(key({...r, eenheid: school}))), value(r)));
      expect(mismatch).toEqual([]);
    }
  });

  test("below the municipality only the report's configuration: no other school or board row is in the files", () => {
    // The report's configuration: all ages, no DBC correction, "gestart", with dyslexia care or within
    // one care type. A school's or a board's row outside it is left out, empty or not, also where it
    // counts the very pupils of a count the report shows (a school's total of 2017 with the
    // correction on: DBC restarts pair December 2017 with January 2018).
    const inConfiguration = (r: Row) => r.leeftijd === "alle" && r.dbc_correctie === "uit" && r.definitie === "gestart" && (r.dyslexie === "met" || r.zorgvorm !== "alle");
    expect(cells.filter((r) => r.eenheid !== "g" && !inConfiguration(r))).toEqual([]);
    // Inside it every school has its rows: Tabel 6's count or "·", every year.
    const schools = units.filter((u) => u.niveau === "school");
    for (const year of ["2017", "2018", "2019"]) {
      for (const school of schools) expect(byKey.has(key({jaar: year, eenheid: school.code, leeftijd: "alle", zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: "gestart"})), `${year} ${school.code}`).toBe(true);
    }
    // The municipality keeps perturbed cells of its own: an age group of 2019 is shown.
    expect(value(byKey.get(key({jaar: "2019", eenheid: "g", leeftijd: "8-9", zorgvorm: "alle", dyslexie: "met", dbc_correctie: "uit", definitie: "actief"})))).toBeGreaterThan(50);
  });

  test("the page reads a missing school row as 0 inside the report's configuration, and as withheld outside it", () => {
    const meta = JSON.parse(files.get("meta.json")!);
    const cube = new Cube(meta, units, csvParse(files.get("leerlingen.csv")!), cells);
    // A school and a care type without youth care in 2019, in the report's configuration: no row.
    const cut = {year: "2019", age: "alle", dyslexia: "met", dbc: "uit", definition: "gestart"} as const;
    const empty = units
      .filter((u) => u.niveau === "school")
      .flatMap((u) => meta.careTypes.map((c: {key: string}) => [u.code, c.key]))
      .find(([unit, careType]) => !byKey.has(key({jaar: cut.year, eenheid: unit, leeftijd: "alle", zorgvorm: careType, dyslexie: "met", dbc_correctie: "uit", definitie: "gestart"})));
    expect(empty).toBeDefined();
    const [unit, careType] = empty!;
    expect(cube.cell(2019, unit, {...cut, careType}).pupils).toBe(0);
    // The same school by age group is left out: "·", whatever its count.
    expect(cube.cell(2019, unit, {...cut, careType, age: "8-9"}).pupils).toEqual({suppressed: true, minCount: MIN});
    expect(cube.cell(2019, unit, {...cut, careType: "alle", age: "8-9"}).pupils).toEqual({suppressed: true, minCount: MIN});
    // The municipality's missing row is 0, in any cut.
    const munEmpty = meta.careTypes.map((c: {key: string}) => c.key).find((c: string) => !byKey.has(key({jaar: "2019", eenheid: "g", leeftijd: "tm5", zorgvorm: c, dyslexie: "met", dbc_correctie: "aan", definitie: "actief"})));
    expect(munEmpty).toBeDefined();
    expect(cube.cell(2019, "g", {age: "tm5", careType: munEmpty, dyslexia: "met", dbc: "aan", definition: "actief"}).pupils).toBe(0);
  });

  // Every withheld count reads "·" (1 or more), small or withheld to protect one. The cube shows the
  // same quantity the same way: a school Tabel 6 withholds is withheld in the cube too (no perturbed
  // 0 beside the report's "·", which together said 1 … 5), and a school it shows has its exact count.
  test("Tabel 6 and the cube agree school by school: the same count, or withheld in both", () => {
    const schools = JSON.parse(files.get("schools.json")!) as {tabel6: {schoolId: string; years: {year: number; pupils: number | object}[]}[]};
    const disagree: string[] = [];
    let hidden = 0;
    for (const row of schools.tabel6) {
      for (const y of row.years) {
        const cell = byKey.get(`${y.year}|s:${row.schoolId}|alle|alle|met|uit|gestart`);
        if (typeof y.pupils === "number") {
          if (value(cell) !== y.pupils) disagree.push(`${y.year} ${row.schoolId}: ${y.pupils} / ${cell?.jeugdhulp}`);
        } else {
          hidden++;
          if (cell?.jeugdhulp !== "") disagree.push(`${y.year} ${row.schoolId}: · / ${cell?.jeugdhulp}`);
        }
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(disagree).toEqual([]);
  });
});

// The reader who adds up everything the explorer and Tabel 6 publish (loaders/disclosure/cubeAttack.ts:
// from the files alone, no atoms or registry), on the default data; the build runs the same check.
describe("an attacker who adds up the whole cube with Tabel 6", () => {
  test("pins no count of 1 … 4: every count it proves to be 1 or more stays at least 5 wide", () => {
    const attack = attackPublishedCube(site, MIN);
    // Every cell of 3 years × 33 units × 6 age values × 9 care types × 8 variants, pupils and
    // trajectories, as meta.json lists them: also where the files have no row.
    expect(attack.variables).toBe(3 * units.length * 6 * 9 * 8 * 2);
    expect(attack.relations).toBeGreaterThan(100_000);
    // It does learn something: many counts narrower than their own published value says.
    expect(attack.narrowed).toBeGreaterThan(1000);
    expect(attack.pinned).toEqual([]);
  });
});
