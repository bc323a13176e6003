// loaders/columnarRead.ts (issue 13 item 2): leerlingen.csv and trajecten.csv read from their bytes into
// dictionary codes must give the contract exactly what its own text readers give (the whole
// LoadedDataset, quality report included), on a folder worked out by hand and on the default data.
// A folder it cannot vouch for goes to the text readers: same dataset, or the same Dutch errors.
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {columnarReader} from "../../loaders/columnarRead.js";
import {loadDataset, type LoadedDataset} from "../../loaders/contract.js";
import {InputErrors} from "../../loaders/errors.js";
import {readInputSources} from "../../loaders/io.js";
import {largeFileReader} from "../../loaders/load.js";
import {ENROLMENTS, SCHOOLS, TRAJECTORIES as NATIVE_TRAJECTORIES} from "../fixtures/handFolder.js";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-columnar-"));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

// The hand folder (native.test.ts's) with T10: a pupil without any enrolment. 13 enrolment rows, of
// which P3's 3 live in Zeist; 10 trajectory rows: T4 of P3, T10 of P9 without an enrolment, T7 before
// the study years (kept).
const TRAJECTORIES = [...NATIVE_TRAJECTORIES, "T10;P9;54;54001;Aanbieder 1;01-06-2019;;1000"];

function folder(name: string, files: {leerlingen?: string[] | string; trajecten?: string[] | string} = {}): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  const text = (lines: string[] | string) => (typeof lines === "string" ? lines : lines.join("\n") + "\n");
  writeFileSync(path.join(dir, "scholen.csv"), text(SCHOOLS));
  writeFileSync(path.join(dir, "leerlingen.csv"), text(files.leerlingen ?? ENROLMENTS));
  writeFileSync(path.join(dir, "trajecten.csv"), text(files.trajecten ?? TRAJECTORIES));
  for (const file of ["zorgvormen.csv", "instellingen.json"]) copyFileSync(path.join(root, "data/default", file), path.join(dir, file));
  return dir;
}

/** The folder through the columnar reader (and why it declined, if it did), and through the text readers alone. */
function bothWays(dir: string): {columnar: LoadedDataset | InputErrors; text: LoadedDataset | InputErrors; declined: string[]} {
  const {texts} = readInputSources(dir);
  const declined: string[] = [];
  const reader = columnarReader({leerlingen: texts.leerlingen as Uint8Array, trajecten: texts.trajecten as Uint8Array}, (reason) => declined.push(reason));
  const attempt = (run: () => LoadedDataset) => {
    try {
      return run();
    } catch (error) {
      if (error instanceof InputErrors) return error;
      throw error;
    }
  };
  return {columnar: attempt(() => loadDataset(texts, {largeFiles: reader})), text: attempt(() => loadDataset(texts)), declined};
}

describe("a small folder worked out by hand", () => {
  it("is read columnar, with the scope counted by hand", () => {
    const {columnar, declined} = bothWays(folder("hand"));
    expect(declined).toEqual([]);
    const {dataset, scope, quality} = columnar as LoadedDataset;
    expect(scope).toMatchObject({
      enrolmentsRead: 13,
      enrolmentsOutsideMunicipality: 3,
      enrolmentsKept: 10,
      enrolmentsOutsideYears: 0,
      trajectoriesRead: 10,
      trajectoriesWithoutEnrolment: 1,
      trajectoriesOfNonResidents: 1,
      trajectoriesOutsideYears: 1,
      trajectoriesKept: 8
    });
    expect(dataset.enrolments.map((e) => `${e.pupilId} ${e.schoolId} ${e.year}`)).toEqual([
      "P1 17NC 2017",
      "P1 17NC 2018",
      "P1 17NC 2019",
      "P2 17NC 2017",
      "P2 93UU 2018",
      "P2 93UU 2019",
      "P4 93UU 2017",
      "P4 93UU 2018",
      "P4 93UU 2019",
      "P5 17NC 2019"
    ]);
    expect(dataset.enrolments[9]).toEqual({pupilId: "P5", schoolId: "17NC", date: "2019-10-01", year: 2019, birthMonth: "2012-05", municipality: "Utrechtse Heuvelrug"});
    expect(dataset.nonResidentEnrolments!.map((e) => e.pupilId)).toEqual(["P3", "P3", "P3"]);
    expect(dataset.trajectories.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T5", "T6", "T7", "T8", "T9"]);
    expect(dataset.trajectories[1]).toEqual({
      id: "T2",
      pupilId: "P1",
      productCategory: "54",
      productCode: "54D01",
      careType: "dyslexie",
      provider: "Aanbieder 2",
      start: "2017-09-01",
      end: null,
      cost: 200
    });
    expect(dataset.trajectories[2].cost).toBe(300.5);
    // Pupils numbered in the order they first appear in leerlingen.csv: P1 0, P2 1, P3 2 (Zeist), P4 3, P5 4.
    expect(dataset.pupilCodes!.count).toBe(5);
    expect([...dataset.pupilCodes!.enrolments]).toEqual([0, 0, 0, 1, 1, 1, 3, 3, 3, 4]);
    expect([...dataset.pupilCodes!.nonResidentEnrolments]).toEqual([2, 2, 2]);
    expect([...dataset.pupilCodes!.trajectories]).toEqual([0, 0, 1, 3, 4, 0, 3, 1]);
    expect(quality.files.filter((f) => f.file !== "instellingen.json").map((f) => [f.file, f.encoding, f.rowsRead, f.rowsAccepted])).toEqual([
      ["scholen.csv", "UTF-8", 2, 2],
      ["leerlingen.csv", "UTF-8", 13, 13],
      ["zorgvormen.csv", "UTF-8", expect.any(Number), expect.any(Number)],
      ["trajecten.csv", "UTF-8", 10, 10]
    ]);
  });

  it("gives what the text readers give, quality report included", () => {
    const {columnar, text} = bothWays(folder("same"));
    expect(columnar).toEqual(text);
  });

  it("a BOM, Windows line ends and columns in another order stay columnar, with the same result", () => {
    const reordered = ENROLMENTS.map((line) => {
      const [id, school, date, month, municipality] = line.split(";");
      return [municipality, school, date, month, id].join(";");
    });
    const {columnar, text, declined} = bothWays(folder("bom", {leerlingen: "\ufeff" + reordered.join("\r\n") + "\r\n"}));
    expect(declined).toEqual([]);
    expect((columnar as LoadedDataset).quality.files.find((f) => f.file === "leerlingen.csv")!.encoding).toBe("UTF-8 met BOM");
    expect(columnar).toEqual(text);
  });
});

describe("a folder it cannot vouch for goes to the text readers", () => {
  const cases: [string, {leerlingen?: string[] | string; trajecten?: string[] | string}, RegExp][] = [
    ["a quoted cell", {trajecten: TRAJECTORIES.map((l) => l.replace(";Aanbieder 2;", ';"Aanbieder 2";'))}, /not plain ASCII without quotes/],
    ["a blank line", {leerlingen: [...ENROLMENTS.slice(0, 4), "", ...ENROLMENTS.slice(4)]}, /blank line/],
    ["a space the reader trims", {leerlingen: ENROLMENTS.map((l) => l.replace("P5;", "P5 ;"))}, /whitespace/],
    ["a cost with a point", {trajecten: TRAJECTORIES.map((l) => l.replace(";900", ";900.50"))}, /cost with a point/],
    ["one cost written two ways", {trajecten: [...TRAJECTORIES, "T11;P4;54;54001;Aanbieder 3;01-12-2019;;100"]}, /kosten written two ways/]
  ];
  for (const [what, files, reason] of cases) {
    it(`${what}: the same dataset`, () => {
      const {columnar, text, declined} = bothWays(folder(what.replaceAll(" ", "-"), files));
      expect(declined).toEqual([expect.stringMatching(reason)]);
      expect(columnar).toBeInstanceOf(Object);
      expect(columnar).not.toBeInstanceOf(InputErrors);
      expect(columnar).toEqual(text);
    });
  }

  const errors: [string, {leerlingen?: string[]; trajecten?: string[]}, RegExp, string][] = [
    ["a pupil at two schools in one year", {leerlingen: [...ENROLMENTS, "P5;93UU;01-10-2019;05-2012;Utrechtse Heuvelrug"]}, /twice in a year/, "staat in peiljaar 2019 op twee scholen"],
    ["a traject_id twice", {trajecten: [...TRAJECTORIES, "T1;P2;54;54001;Aanbieder 1;01-07-2019;;50"]}, /traject_id twice/, "komt dubbel voor (ook op regel 2)"],
    ["the same trajectory under a second id", {trajecten: [...TRAJECTORIES, "T11;P2;54;54001;Aanbieder 1;01-06-2019;;900"]}, /two ids/, "is hetzelfde traject als T9 op regel 10"],
    ["a product without a care type", {trajecten: [...TRAJECTORIES, "T11;P2;99;99001;Aanbieder 1;01-06-2019;;900"]}, /without a care type/, "heeft geen zorgvorm"],
    ["a school not in scholen.csv", {leerlingen: [...ENROLMENTS, "P6;00XX;01-10-2019;05-2012;Utrechtse Heuvelrug"]}, /not in scholen/, "staat niet in scholen.csv"],
    ["an impossible date", {trajecten: TRAJECTORIES.map((l) => l.replace("10-05-2018", "31-02-2018"))}, /does not parse/, '"31-02-2018" is geen geldige datum'],
    ["a peildatum years too late", {leerlingen: [...ENROLMENTS, "P6;17NC;01-10-2099;05-2090;Utrechtse Heuvelrug"]}, /late peildatum/, "controleer het jaartal"],
    ["a row with a cell too few", {leerlingen: [...ENROLMENTS.slice(0, 3), "P9;17NC;01-10-2017;09-2010", ...ENROLMENTS.slice(3)]}, /data row 3: not 5 cells/, "regel 4 heeft 4 cellen"]
  ];
  for (const [what, files, reason, message] of errors) {
    it(`${what}: the contract's own Dutch error`, () => {
      const {columnar, text, declined} = bothWays(folder(what.replaceAll(" ", "-"), files));
      expect(declined).toEqual([expect.stringMatching(reason)]);
      expect(columnar).toBeInstanceOf(InputErrors);
      expect((columnar as InputErrors).message).toContain(message);
      expect((columnar as InputErrors).message).toBe((text as InputErrors).message);
    });
  }
});

it("the default data: the columnar read gives the text readers' dataset", () => {
  const {columnar, text, declined} = bothWays(path.join(root, "data/default"));
  expect(declined).toEqual([]);
  expect(columnar).toEqual(text);
});

it("the build reads the files' bytes columnar at any size, and never a workbook's text", () => {
  const bytes = (n: number) => new Uint8Array(n);
  expect(largeFileReader({texts: {leerlingen: bytes(10), trajecten: bytes(10)} as never})).toBeTypeOf("function");
  expect(largeFileReader({texts: {leerlingen: "a;b", trajecten: bytes(10)} as never})).toBeUndefined();
  expect(largeFileReader({texts: {leerlingen: bytes(10)} as never})).toBeUndefined();
});
