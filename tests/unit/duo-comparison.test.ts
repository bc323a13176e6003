// Issue 14 item 5: leerlingen.csv against DUO's pupils per location per age, on the data-quality page
// and in the build log. Invented data: three schools of Heuvelrug and one elsewhere; every expected
// comparison is worked out by hand in the comments.
import {spawnSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import {describe, expect, test} from "vitest";
import {compareWithDuo, type DuoCount} from "../../loaders/import/duo.js";
import {loadFromEnvironment} from "../../loaders/load.js";
import {formatDuoComparison} from "../../loaders/quality.js";
import {runCli} from "../../scripts/cli.js";
import {SCHOLEN, settings, ZORGVORMEN} from "../helpers/inputFolder.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

describe("compareWithDuo", () => {
  // DUO: A 2018 12 … 15 (11 known, one age "<5"), A 2019 exactly 10, B 2019 2 … 8 (two ages "<5"),
  // C 2019 7, X (not ours) 2018 60. Ours: A 10 in 2018 and 2019, B 1 in 2018 and 4 in 2019, C none.
  const duo: DuoCount[] = [
    {schoolId: "A", year: 2018, known: 11, masked: 1},
    {schoolId: "A", year: 2019, known: 10, masked: 0},
    {schoolId: "B", year: 2019, known: 0, masked: 2},
    {schoolId: "C", year: 2019, known: 7, masked: 0},
    {schoolId: "X", year: 2018, known: 60, masked: 0}
  ];
  const enrol = (schoolId: string, year: number, n: number) => Array.from({length: n}, () => ({schoolId, year}));
  const ours = [...enrol("A", 2018, 10), ...enrol("A", 2019, 10), ...enrol("B", 2018, 1), ...enrol("B", 2019, 4)];

  test("differences to the nearest end of DUO's range, schools missing on either side, years DUO lacks", () => {
    const result = compareWithDuo(duo, ours, ["A", "B", "C"], [2017, 2018, 2019], 10, ["telling-leeftijd.csv"]);
    expect(result.years).toEqual([2018, 2019]);
    expect(result.yearsWithoutDuo).toEqual([2017]);
    expect(result.rows).toEqual([
      // 10 below 12: −2, 2/12 = 0,167 > 0,10.
      {schoolId: "A", year: 2018, ours: 10, duo: {low: 12, high: 15}, difference: -2, share: 2 / 12, flagged: true},
      {schoolId: "A", year: 2019, ours: 10, duo: {low: 10, high: 10}, difference: 0, share: 0, flagged: false},
      // DUO has no row for B in 2018.
      {schoolId: "B", year: 2018, ours: 1, duo: null, difference: null, share: null, flagged: true},
      // 4 inside 2 … 8.
      {schoolId: "B", year: 2019, ours: 4, duo: {low: 2, high: 8}, difference: 0, share: 0, flagged: false},
      // C is not in leerlingen.csv: −7 of 7. C in 2018 is in neither and left out; X is not one of ours.
      {schoolId: "C", year: 2019, ours: 0, duo: {low: 7, high: 7}, difference: -7, share: 1, flagged: true}
    ]);
  });

  test("the margin is a setting: at 20% A's 16,7% in 2018 is within it", () => {
    const result = compareWithDuo(duo, ours, ["A"], [2018], 20);
    expect(result.rows.map((row) => row.flagged)).toEqual([false]);
    expect(result.marginPercent).toBe(20);
  });

  test("exactly at the margin is within it: 107 against DUO's 100 at 7 %, 108 is not", () => {
    // 7/100 is 7 %, not more than 7 %; 8/100 is. As a float, 0,07 · 100 = 7,000000000000001 would flag 107.
    const rows = compareWithDuo(
      [{schoolId: "E", year: 2018, known: 100, masked: 0}, {schoolId: "F", year: 2018, known: 100, masked: 0}],
      [...enrol("E", 2018, 107), ...enrol("F", 2018, 108)],
      ["E", "F"],
      [2018],
      7
    ).rows;
    expect(rows.map((row) => [row.schoolId, row.difference, row.flagged])).toEqual([
      ["E", 7, false],
      ["F", 8, true]
    ]);
  });

  test("more than DUO's upper end, and DUO counting none", () => {
    // 17 above 15: +2, 2/15 = 0,133 > 0,10; D: DUO counts 0, ours 3.
    const rows = compareWithDuo(
      [{schoolId: "A", year: 2018, known: 11, masked: 1}, {schoolId: "D", year: 2018, known: 0, masked: 0}],
      [...enrol("A", 2018, 17), ...enrol("D", 2018, 3)],
      ["A", "D"],
      [2018]
    ).rows;
    expect(rows.map(({difference, share, flagged}) => ({difference, share, flagged}))).toEqual([
      {difference: 2, share: 2 / 15, flagged: true},
      {difference: 3, share: Infinity, flagged: true}
    ]);
    expect(formatDuoComparison({files: ["d.csv"], marginPercent: 10, years: [2018], yearsWithoutDuo: [], rows}).slice(2)).toEqual([
      "  ! A, 2018: leerlingen.csv 17, DUO 12 tot 15, verschil +2 (+13%): meer dan 10% verschil.",
      "  ! D, 2018: leerlingen.csv 3, DUO 0, verschil +3 (DUO telt er geen): meer dan 10% verschil."
    ]);
  });
});

// The same comparison from an input folder: scholen.csv has De Linde (0012), De Es (0034) and
// De Wilg (0056). DUO's file (Windows-1252, ";") has PEILJAAR and three age columns:
//   0012 2018: 5 + 6 + "<5" → 12 … 15; leerlingen.csv has 10 (9 of Heuvelrug, 1 of Zeist): −2, 2/12 → −17%, flagged.
//   0012 2019: 4 + 6 + 0 = 10; leerlingen.csv 10 → 0%.
//   0034 2018: no DUO row; leerlingen.csv 1 → "niet in de telling van DUO", flagged.
//   0034 2019: "<5" + "<5" → 2 … 8; leerlingen.csv 4 → 0%.
//   0056 2019: 3 + 4 = 7; not in leerlingen.csv → flagged. 0056 has no pupil of Heuvelrug in 2019, so
//   it is not in Tabel 6: the page names it only as one other school.
//   99AA ('t Hoekje, elsewhere) is not in scholen.csv and is left out.
const DUO_FILE = "01.-leerlingen-po-totaal-leeftijd.csv";
const duoText =
  "PEILJAAR;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;LEEFTIJD 4;LEEFTIJD 5;LEEFTIJD 6\r\n" +
  "2018;00;12;De Linde;5;6;<5\r\n" +
  "2019;00;12;De Linde;4;6;0\r\n" +
  "2019;00;34;De Es;<5;<5;\r\n" +
  "2019;00;56;De Wilg;3;4;\r\n" +
  "2018;99;AA;\u2019t Hoekje;20;20;20\r\n";

function inputFolder(withDuo: boolean): string {
  const dir = scratchFolder("nadere-ogen-duo-");
  const pupil = (id: string, school: string, year: number, woont = "Heuvelrug") => `${id};${school};01-10-${year};03-2011;${woont}\n`;
  const leerlingen =
    "leerling_id;school_id;peildatum;geboortemaand;woongemeente\n" +
    Array.from({length: 9}, (_, i) => pupil(`L${i}`, "0012", 2018)).join("") +
    pupil("Z1", "0012", 2018, "Zeist") +
    Array.from({length: 10}, (_, i) => pupil(`L${i}`, "0012", 2019)).join("") +
    pupil("M1", "0034", 2018) +
    Array.from({length: 4}, (_, i) => pupil(`M${i + 1}`, "0034", 2019)).join("");
  const files: Record<string, string | Uint8Array> = {
    "instellingen.json": JSON.stringify(settings),
    "scholen.csv": `${SCHOLEN}0056;De Wilg;Bestuur B;openbaar;;laag;0;nee;;;;\n`,
    "zorgvormen.csv": ZORGVORMEN,
    "leerlingen.csv": leerlingen,
    "trajecten.csv":
      "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\n" +
      "T1;L1;54;54001;Zorg A;01-02-2018;30-06-2018;100\nT2;L2;45;;Zorg B;15-03-2019;;800\n"
  };
  if (withDuo) files[DUO_FILE] = iconv.encode(duoText, "win1252");
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe("an input folder with DUO's count beside leerlingen.csv", () => {
  test("the build log gives the exact counts of every school and year, the flagged ones marked", () => {
    let log = "";
    loadFromEnvironment({env: {NADERE_OGEN_DATA: inputFolder(true)}, log: (text) => (log = text)});
    const lines = log.split("\n");
    const at = lines.indexOf(`Vergelijking met DUO (${DUO_FILE}; marge 10%, instelling duoMarginPercent):`);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 8)).toEqual([
      "- 2018 (aantallen scholen): vergeleken 1, binnen de marge 0, meer verschil 1, niet in de telling van DUO 1, niet in leerlingen.csv 0.",
      "- 2019 (aantallen scholen): vergeleken 2, binnen de marge 2, meer verschil 0, niet in de telling van DUO 0, niet in leerlingen.csv 1.",
      "  ! De Linde (0012), 2018: leerlingen.csv 10, DUO 12 tot 15, verschil −2 (−17%): meer dan 10% verschil.",
      "    De Linde (0012), 2019: leerlingen.csv 10, DUO 10, verschil 0 (0%): binnen de marge.",
      "  ! De Es (0034), 2018: leerlingen.csv 1, DUO geen: niet in de telling van DUO.",
      "    De Es (0034), 2019: leerlingen.csv 4, DUO 2 tot 8, verschil 0 (0%): binnen de marge.",
      "  ! De Wilg (0056), 2019: leerlingen.csv 0, DUO 7, verschil −7 (−100%): niet in leerlingen.csv."
    ]);
  });

  test("without a DUO file the log says no comparison was possible", () => {
    let log = "";
    loadFromEnvironment({env: {NADERE_OGEN_DATA: inputFolder(false)}, log: (text) => (log = text)});
    expect(log).toContain("Een vergelijking met DUO was niet mogelijk");
    expect(log).not.toContain("Vergelijking met DUO (");
  });

  test("the data-quality page shows shares and flags of Tabel 6's schools only, no count of pupils", () => {
    const env = {...process.env, NADERE_OGEN_DATA: inputFolder(true)};
    const result = spawnSync("npx", ["tsx", "src/verantwoording/datakwaliteit.md.ts"], {encoding: "utf8", env});
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const html = result.stdout;
    const num = (text: string) => `<td style="text-align: right;">${text}</td>`;
    expect(html).toContain(`<tr><th scope="row">2018</th>${["1", "0", "1", "1", "0"].map(num).join("")}</tr>`);
    expect(html).toContain(`<tr><th scope="row">2019</th>${["2", "2", "0", "0", "1"].map(num).join("")}</tr>`);
    // Sorted by name: De Es before De Linde; flagged cells in bold.
    expect(html).toContain(
      `<tr><th scope="row">De Es</th>${num("<strong>niet in de telling van DUO</strong>")}${num("0%")}</tr>\n` +
        `    <tr><th scope="row">De Linde</th>${num("<strong>−17%: meer dan 10% verschil</strong>")}${num("0%")}</tr>`
    );
    expect(html).toContain("bij 3 scholen en jaren verschillen leerlingen.csv en DUO meer dan 10%");
    expect(html).toContain("Van één andere school uit scholen.csv, niet in Tabel 6, staat de vergelijking alleen in het verslag van de bouw (één school en jaar met meer verschil).");
    // De Wilg is not in Tabel 6; no count of either side reaches the page.
    expect(html).not.toContain("De Wilg");
    for (const count of ["12 tot 15", "−2", "−7", "2 tot 8"]) expect(html).not.toContain(count);
  });
});

test("nadere-ogen check prints the same comparison, and the notice about a font token it ignores (issue 14 item 8)", async () => {
  const dir = inputFolder(true);
  mkdirSync(path.join(dir, "inhoud"));
  writeFileSync(path.join(dir, "inhoud", "huisstijl.json"), JSON.stringify({utrecht: {document: {color: "#000000", "font-family": "Noto Sans"}}}));
  let out = "";
  const code = await runCli(["check", dir], {out: (text) => void (out += text), err: () => {}, cwd: process.cwd()});
  expect(code).toBe(0);
  expect(out).toContain("  ! De Linde (0012), 2018: leerlingen.csv 10, DUO 12 tot 15, verschil −2 (−17%): meer dan 10% verschil.\n");
  expect(out).toContain("Huisstijl: de site gebruikt het lettertype uit de design tokens niet: Noto Sans (utrecht.document.font-family in inhoud/huisstijl.json).");
});
