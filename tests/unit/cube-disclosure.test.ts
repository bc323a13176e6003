// A disclosure audit of the explorer's published cube on the default data, read back from the files
// the site serves and checked without the code that protected it: every shown count, every sum a
// reader can form along schools, boards and age groups, and every difference with a wider cell.
import {csvParse} from "d3";
import {beforeAll, describe, expect, test} from "vitest";
import {variantFileNames} from "../../loaders/cube/publish.js";
import {siteFilesFromEnvironment} from "../../loaders/pipeline.js";

type Row = Record<string, string>;
const MIN = 5;
let cells: Row[];
let byKey: Map<string, Row>;
let enrolled: Map<string, number>;
let units: Row[];
let files: Map<string, string>;

const DIMS = ["jaar", "eenheid", "leeftijd", "zorgvorm", "dyslexie", "dbc_correctie", "definitie"] as const;
const key = (r: Row) => DIMS.map((d) => r[d]).join("|");
const shown = (r: Row | undefined) => (r === undefined ? 0 : r.jeugdhulp === "" ? null : Number(r.jeugdhulp));
const small = (n: number) => n >= 1 && n < MIN;

beforeAll(() => {
  // The explorer's members of the site's archive, by their own names.
  files = new Map(
    [...siteFilesFromEnvironment({env: {}, log: () => {}})].flatMap(([name, text]) => (name.startsWith("verkennen/") ? [[name.slice("verkennen/".length), text]] : []))
  );
  cells = variantFileNames().flatMap((name) => csvParse(files.get(name)!));
  byKey = new Map(cells.map((r) => [key(r), r]));
  enrolled = new Map(csvParse(files.get("leerlingen.csv")!).map((r) => [`${r.jaar}|${r.eenheid}|${r.leeftijd}`, Number(r.leerlingen)]));
  units = csvParse(files.get("eenheden.csv")!);
}, 60_000);

describe("the explorer's cube on the default data", () => {
  test("reproduces the report: Tabel 2 raw and corrected, pupils with youth care per year", () => {
    const g = (jaar: number, dbc: string, field: "jeugdhulp" | "trajecten") =>
      Number(byKey.get(`${jaar}|g|alle|alle|met|${dbc}|gestart`)![field]);
    expect([g(2017, "uit", "trajecten"), g(2018, "uit", "trajecten"), g(2019, "uit", "trajecten")]).toEqual([519, 686, 494]);
    expect(g(2018, "aan", "trajecten")).toBe(555);
    // 8,38% / 10,58% / 8,55% of the enrolled pupils (Tabel 6 totals).
    for (const [year, pct] of [[2017, 8.38], [2018, 10.58], [2019, 8.55]]) {
      expect(Math.round((10000 * g(year, "uit", "jeugdhulp")) / enrolled.get(`${year}|g|alle`)!) / 100).toBe(pct);
    }
  });

  test("holds no pupil or trajectory id and no names other than schools, boards and the municipality", () => {
    const text = [...files.values()].join("\n");
    expect(text).not.toMatch(/\bLL[0-9A-Z]{8}\b/);
    expect(text).not.toMatch(/\bTR\d{6}\b/);
    expect(new Set(units.map((u) => u.niveau))).toEqual(new Set(["gemeente", "bestuur", "school"]));
  });

  test("every shown count of pupils is 0 or at least 5, and so is every shown trajectory count", () => {
    expect(cells.filter((r) => r.jeugdhulp !== "" && small(Number(r.jeugdhulp)))).toEqual([]);
    expect(cells.filter((r) => r.trajecten !== "" && small(Number(r.trajecten)))).toEqual([]);
    expect(cells.filter((r) => r.jeugdhulp === "" && r.jeugdhulp_afgeschermd === "")).toEqual([]);
  });

  test("no sum over schools, boards or age groups gives away a hidden count", () => {
    const partsOf = new Map<string, string[]>();
    for (const u of units) if (u.onderdeel_van) partsOf.set(u.onderdeel_van, [...(partsOf.get(u.onderdeel_van) ?? []), u.code]);
    const ages = [...new Set(cells.map((r) => r.leeftijd))].filter((a) => a !== "alle");
    const problems: string[] = [];
    const check = (total: Row | undefined, parts: (Row | undefined)[], label: string) => {
      const t = shown(total);
      if (t === null) return;
      const hiddenParts = parts.filter((p) => shown(p) === null);
      const hiddenSum = t - parts.reduce((s, p) => s + (shown(p) ?? 0), 0);
      if (hiddenParts.length === 1 || (hiddenParts.length > 1 && hiddenSum < MIN)) problems.push(`${label}: ${hiddenParts.length} verborgen, som ${hiddenSum}`);
    };
    for (const r of cells) {
      const base = {...r};
      const row = (fields: Row) => byKey.get(key({...base, ...fields}));
      const children = partsOf.get(r.eenheid);
      if (children) check(r, children.map((eenheid) => row({eenheid})), `${key(r)} over eenheden`);
      if (r.leeftijd === "alle") check(r, ages.map((leeftijd) => row({leeftijd})), `${key(r)} over leeftijden`);
    }
    expect(problems).toEqual([]);
  });

  test("no shown cell differs by 1 to 4 from a shown wider cell (one filter set back)", () => {
    const wider: [string, string][] = [["zorgvorm", "alle"], ["dyslexie", "met"], ["dbc_correctie", "uit"], ["definitie", "gestart"]];
    const problems: string[] = [];
    for (const r of cells) {
      const n = shown(r);
      if (n === null) continue;
      for (const [dim, value] of wider) {
        if (r[dim] === value) continue;
        const w = shown(byKey.get(key({...r, [dim]: value})));
        if (w !== null && small(Math.abs(w - n))) problems.push(`${key(r)} vs ${dim}=${value}: ${w} − ${n}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the pupils without youth care in a cell are never 1 to 4 when its count is shown", () => {
    const problems = cells.filter((r) => {
      const n = shown(r);
      return n !== null && n > 0 && small(enrolled.get(`${r.jaar}|${r.eenheid}|${r.leeftijd}`)! - n);
    });
    expect(problems.map(key)).toEqual([]);
  });
});
