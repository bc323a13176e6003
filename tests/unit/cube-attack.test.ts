// The build's check of the explorer's cube from its files (loaders/disclosure/cubeAttack.ts), on a
// hand-made cube: one year, a municipality, a board with schools A and B, no age or care-type detail.
// School A is withheld in Tabel 6 and in the cube ("·": 1 or more, the report hides no zero); the
// board shows 0. Under a table where 0 means 0 … 4, A is pinned to 1 … 4 and the build must stop;
// where 0 means 0 … 14, A is 1 … 14 and it goes on.
import {describe, expect, test} from "vitest";
import {csvParse} from "d3";
import {compactName, variantFileNames, CELL_COLUMNS} from "../../loaders/cube/publish.js";
import {encodeVariant} from "../../src/lib/cube.js";
import {attackPublishedCube} from "../../loaders/disclosure/cubeAttack.js";
import {auditFailure, type ReleaseAudit} from "../../loaders/disclosure/release.js";

/** A public table in verstoring.csv's columns: true counts 1 … s − 1 give 0 or s; from s on, the count itself. */
function table(s: number): string {
  const rows = ["werkelijk,gepubliceerd,ruis,kans,kans_op_65536,ook_hoger", "0,0,0,1,65536,nee"];
  for (let n = 1; n < s; n++) rows.push(`${n},0,${-n},0.5,32768,nee`, `${n},${s},${s - n},0.5,32768,nee`);
  rows.push(`${s},${s},0,1,65536,ja`);
  return rows.join("\n");
}

/** The fixture's dimensions, in the order of eenheden.csv: positions in the page's copies count over them. */
const dims = {years: [2019], units: ["g", "b:1", "s:A", "s:B"], ages: ["alle"], careTypes: ["alle"]};

const tabel6WithholdsA = {tabel6: [{schoolId: "A", years: [{year: 2019, pupils: {suppressed: true, minCount: 5}}]}]};

function files(s: number, cells: string[], schools: object = tabel6WithholdsA): Map<string, string> {
  const header = CELL_COLUMNS.join(",");
  const out = new Map<string, string>(variantFileNames().map((name) => [`verkennen/${name}`, header]));
  out.set("verkennen/jeugdhulp-met-uit-gestart.csv", [header, ...cells].join("\n"));
  out.set("verkennen/eenheden.csv", "code,niveau,naam,onderdeel_van,school_id\ng,gemeente,G,,\nb:1,bestuur,B,g,\ns:A,school,A,b:1,A\ns:B,school,B,b:1,B");
  out.set("verkennen/verstoring.csv", table(s));
  out.set("verkennen/meta.json", JSON.stringify({dyslexiaCareType: "dyslexie", definition: "gestart", years: [2019], ages: [{key: "alle"}], careTypes: [{key: "alle"}]}));
  out.set("schools.json", JSON.stringify(schools));
  // The page's copy of each variant, the same cells as columns.
  for (const name of variantFileNames()) out.set(`verkennen/${compactName(name)}`, JSON.stringify(encodeVariant(csvParse(out.get(`verkennen/${name}`)!), dims)));
  return out;
}

// School A is withheld; the board, the municipality and school B have no row: each shows 0.
const leaking = ["2019,s:A,alle,alle,met,uit,gestart,,"];

describe("attackPublishedCube", () => {
  test("0 means 0 … 4: the withheld school is pinned to 1 … 4, and the build stops naming it", () => {
    const attack = attackPublishedCube(files(5, leaking), 5);
    expect(attack.pinned.map((p) => [p.name, p.lo, p.hi])).toContainEqual(["2019|s:A|alle|alle|met|uit|gestart|jeugdhulp", 1, 4]);
    const failure = auditFailure({cubeAttack: attack, width: 5} as unknown as ReleaseAudit);
    expect(failure).toMatch(/^De bouw stopt: uit de bestanden van \/verkennen samen met Tabel 6 valt voor \d+ aantallen te bewijzen/);
    // The board and the municipality hold A, so they are 1 … 4 too; the message names the first.
    expect(attack.pinned.map((p) => p.name.split("|")[1])).toEqual(expect.arrayContaining(["s:A", "b:1", "g"]));
    expect(failure).toContain(`${attack.pinned[0].name.replaceAll("|", " ")}: 1 … 4`);
  });

  test("a cube '·' that Tabel 6 does not repeat may be 0 (the cube withholds empty cells too): nothing pinned", () => {
    expect(attackPublishedCube(files(5, leaking, {tabel6: []}), 5).pinned).toEqual([]);
  });

  test("0 means 0 … 14: the same files pin nothing", () => {
    const attack = attackPublishedCube(files(15, leaking), 5);
    expect(attack.pinned).toEqual([]);
    // 1 year × 4 units × 1 age × 1 care type × 8 variants (meta.json's grid, rows or not) × pupils and trajectories.
    expect(attack.variables).toBe(64);
  });

  test("a school's missing row is 0 in the report's configuration, and unknown outside it (the files leave it out)", () => {
    // Under a table where 0 means 0 … 4, the board shows 15 (exactly) and neither of its schools has a row.
    const board = (variant: string) => [`2019,g,alle,alle,${variant},15,15`, `2019,b:1,alle,alle,${variant},15,15`];
    // DBC correction on is outside the configuration: the schools are 0 or more, and nothing is pinned.
    const outside = files(5, []);
    outside.set("verkennen/jeugdhulp-met-aan-gestart.csv", [CELL_COLUMNS.join(","), ...board("met,aan,gestart")].join("\n"));
    outside.set("verkennen/jeugdhulp-met-aan-gestart.json", JSON.stringify(encodeVariant(csvParse(outside.get("verkennen/jeugdhulp-met-aan-gestart.csv")!), dims)));
    expect(attackPublishedCube(outside, 5).pinned).toEqual([]);
    // In the configuration the same rows say each school has 0 … 4 pupils, which cannot make 15.
    const inside = files(5, board("met,uit,gestart"), {tabel6: []});
    expect(() => attackPublishedCube(inside, 5)).toThrow(/Kubuscontrole: \d+ aantallen zonder mogelijke waarde/);
  });

  test("a page copy (.json) that shows other cells than its CSV stops the build", () => {
    const changed = files(15, leaking);
    // The CSV withholds school A; a copy that shows 15 pupils there is not the same release.
      changed.set("verkennen/jeugdhulp-met-uit-gestart.json", JSON.stringify(encodeVariant([{jaar: 2019, eenheid: "s:A", leeftijd: "alle", zorgvorm: "alle", jeugdhulp: 15, trajecten: 15}], dims)));
    expect(() => attackPublishedCube(changed, 5)).toThrow("Kubuscontrole: verkennen/jeugdhulp-met-uit-gestart.json toont andere cellen dan verkennen/jeugdhulp-met-uit-gestart.csv.");
  });

  test("a missing file is a clear error", () => {
    const incomplete = files(15, leaking);
    incomplete.delete("verkennen/verstoring.csv");
    expect(() => attackPublishedCube(incomplete, 5)).toThrow("Kubuscontrole: verkennen/verstoring.csv ontbreekt.");
  });
});
