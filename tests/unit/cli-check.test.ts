// `nadere-ogen check`: every problem of a folder in one Dutch report, and the exit code.
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";
import {SCHOLEN, settings, ZORGVORMEN} from "../helpers/inputFolder.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

function capture() {
  const io = {out: "", err: ""};
  return {io, cli: {out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t), cwd: process.cwd()}};
}

// Mistakes in three files: a SES value that is no category (scholen.csv, line 3), a date that does
// not exist (trajecten.csv, line 3) and a pupil at a school that is not in scholen.csv
// (leerlingen.csv, line 4; not reported while scholen.csv itself is wrong).
function brokenFolder(): string {
  const dir = scratchFolder("nadere-ogen-check-");
  const files = {
    "instellingen.json": JSON.stringify(settings),
    "scholen.csv": SCHOLEN.replace("0034;De Es;Bestuur B;katholiek;;laag", "0034;De Es;Bestuur B;katholiek;;gemiddeld"),
    "zorgvormen.csv": ZORGVORMEN,
    "leerlingen.csv": `leerling_id;school_id;peildatum;geboortemaand;woongemeente
L1;0012;01-10-2018;03-2010;Heuvelrug
L1;0012;01-10-2019;03-2010;Heuvelrug
L2;9999;01-10-2019;11-2011;Heuvelrug
`,
    "trajecten.csv": `traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten
T1;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;1.234,56
T2;L1;45;;Aanbieder B;31-02-2019;;800
`
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test("check on a broken folder lists every problem, file by file, and exits 1", async () => {
  const dir = brokenFolder();
  const {io, cli} = capture();
  expect(await runCli(["check", dir], cli)).toBe(1);
  expect(io.out).toBe("");
  // scholen.csv is wrong, so leerlingen.csv's school ids are not checked against it (no echo errors).
  expect(io.err.split("\n").slice(1)).toEqual([
    "De invoerbestanden bevatten 2 fouten. Herstel de bestanden en start de build opnieuw.",
    '- scholen.csv, regel 3, kolom "ses_wijk": "gemiddeld" is geen geldige waarde (kies uit: laag, midden, hoog).',
    '- trajecten.csv, regel 3, kolom "begindatum": "31-02-2019" is geen geldige datum (verwacht dd-mm-jjjj).',
    ""
  ]);
});

test("check --max 1 shows the first problem and counts the rest", async () => {
  const {io, cli} = capture();
  expect(await runCli(["check", brokenFolder(), "--max", "1"], cli)).toBe(1);
  expect(io.err).toContain("De invoerbestanden bevatten 2 fouten.");
  expect(io.err).toContain("… en nog 1 (scholen.csv: 1, trajecten.csv: 1).");
});

test("check reports more than the build's first 20 errors", async () => {
  const dir = brokenFolder();
  // 30 rows with an impossible date: the build's message stops at 20, check shows all 31.
  const rows = Array.from({length: 30}, (_, i) => `T${i + 10};L1;45;;Aanbieder B;32-01-2019;;800`).join("\n");
  writeFileSync(path.join(dir, "trajecten.csv"), `traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\n${rows}\n`);
  const {io, cli} = capture();
  expect(await runCli(["check", dir], cli)).toBe(1);
  expect(io.err).toContain("De invoerbestanden bevatten 31 fouten.");
  expect(io.err.match(/^- /gm)).toHaveLength(31);
  expect(io.err).not.toContain("… en nog");
});

test("check on the default data exits 0 with the read summary", async () => {
  const {io, cli} = capture();
  expect(await runCli(["check", "data/default"], cli)).toBe(0);
  expect(io.err).toBe("");
  // `wc -l` on the files minus the header line: 14 293 enrolments, 1 742 trajectories.
  expect(io.out).toContain("- leerlingen.csv: tekenset UTF-8 met BOM, 14.293 rijen gelezen, 14.293 geldig");
  expect(io.out).toContain("- trajecten.csv: tekenset UTF-8 met BOM, 1.742 rijen gelezen, 1.742 geldig");
  expect(io.out.trimEnd().split("\n").at(-1)).toBe("In orde: de invoermap voldoet aan het datacontract.");
});

test("check on a folder that does not exist says so in Dutch", async () => {
  const {io, cli} = capture();
  expect(await runCli(["check", "/bestaat/niet"], cli)).toBe(1);
  expect(io.err).toContain("/bestaat/niet bestaat niet of is geen map");
});

test("a missing file does not hide the other files' errors", async () => {
  const dir = brokenFolder();
  rmSync(path.join(dir, "zorgvormen.csv"));
  const {io, cli} = capture();
  expect(await runCli(["check", dir], cli)).toBe(1);
  // trajecten.csv's products are not checked against the missing zorgvormen.csv (no echo errors).
  expect(io.err.split("\n").slice(1)).toEqual([
    "De invoerbestanden bevatten 3 fouten. Herstel de bestanden en start de build opnieuw.",
    `- zorgvormen.csv ontbreekt in de map ${dir}.`,
    '- scholen.csv, regel 3, kolom "ses_wijk": "gemiddeld" is geen geldige waarde (kies uit: laag, midden, hoog).',
    '- trajecten.csv, regel 3, kolom "begindatum": "31-02-2019" is geen geldige datum (verwacht dd-mm-jjjj).',
    ""
  ]);
});

test("check reports a house style the build would refuse (inhoud/huisstijl.json)", async () => {
  const dir = brokenFolder();
  writeFileSync(path.join(dir, "scholen.csv"), SCHOLEN);
  writeFileSync(path.join(dir, "leerlingen.csv"), "leerling_id;school_id;peildatum;geboortemaand;woongemeente\nL1;0012;01-10-2018;03-2010;Heuvelrug\nL1;0012;01-10-2019;03-2010;Heuvelrug\n");
  writeFileSync(path.join(dir, "trajecten.csv"), "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\nT1;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;1.234,56\nT2;L1;45;;Aanbieder B;28-02-2019;;800\n");
  mkdirSync(path.join(dir, "inhoud"));
  // #ff0000 on the default white: (1 + 0.05)/(0.2126 + 0.05) = 3.998, below 4.5.
  writeFileSync(path.join(dir, "inhoud", "huisstijl.json"), '{"utrecht": {"link": {"color": {"$value": "#ff0000"}}}}');
  const {io, cli} = capture();
  expect(await runCli(["check", dir], cli)).toBe(1);
  expect(io.err).toContain("De invoerbestanden bevatten 1 fout.");
  expect(io.err).toContain('- inhoud/huisstijl.json, veld "utrecht.link.color": "#ff0000" geeft de links (#ff0000) op de standaardachtergrond van de site (#ffffff) een contrast van 3,99:1;');
});
