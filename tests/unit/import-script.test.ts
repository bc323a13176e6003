// scripts/import.ts end to end: a source folder in, a contract folder out (or nothing, with a Dutch
// error and exit code 1).
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, expect, test} from "vitest";
import {KEY} from "../helpers/importFolder.js";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-import-"));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));
const source = path.join(scratch, "bron");
cpSync(path.join(root, "tests/fixtures/import/bron"), source, {recursive: true});
cpSync(path.join(root, "tests/fixtures/import/xml"), path.join(source, "ijw"), {recursive: true});

const run = (target: string, env: NodeJS.ProcessEnv) =>
  spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/import.ts", source, target], {
    cwd: root,
    env: {...process.env, NADERE_OGEN_IMPORTSLEUTEL: "", ...env},
    encoding: "utf8"
  });

test("without a key: exit 1, a Dutch message, no folder written", () => {
  const target = path.join(scratch, "zonder-sleutel");
  const result = run(target, {});
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("De invoerbestanden bevatten 1 fout. Herstel de bestanden en start de import opnieuw.");
  expect(result.stderr).toContain('instellingen.json, veld "importSleutel" heeft geen sleutel');
  expect(existsSync(target)).toBe(false);
});

test("with a key: the five contract files and the import report", () => {
  const target = path.join(scratch, "doel");
  const result = run(target, {NADERE_OGEN_IMPORTSLEUTEL: KEY});
  expect(result.status).toBe(0);
  for (const name of ["instellingen.json", "scholen.csv", "leerlingen.csv", "zorgvormen.csv", "trajecten.csv", "importverslag.txt"]) {
    expect(existsSync(path.join(target, name))).toBe(true);
  }
  const report = readFileSync(path.join(target, "importverslag.txt"), "utf8");
  expect(report).toContain("iJw: 5 toewijzingen (JW301) → 5 trajecten; 7 declaratieregels (JW323).");
  expect(report).toContain('leerlingen.csv, kolom "school_id": "00BB00" heeft in 2022 3 inschrijvingen, DUO telt 10 leerlingen');
  expect(result.stderr).toContain(`Klaar: de map ${target} volgt het datacontract.`);
});

test("the command-line tool's import does the same: `nadere-ogen import <bronmap> <doelmap>`", async () => {
  const {runCli} = await import("../../scripts/cli.js");
  const target = path.join(scratch, "via-cli");
  let err = "";
  const previous = process.env.NADERE_OGEN_IMPORTSLEUTEL;
  process.env.NADERE_OGEN_IMPORTSLEUTEL = KEY;
  try {
    const code = await runCli(["import", source, target], {out: () => {}, err: (text) => (err += text), cwd: root});
    expect(code).toBe(0);
  } finally {
    if (previous === undefined) delete process.env.NADERE_OGEN_IMPORTSLEUTEL;
    else process.env.NADERE_OGEN_IMPORTSLEUTEL = previous;
  }
  expect(err).toContain(`Klaar: de map ${target} volgt het datacontract.`);
  expect(readFileSync(path.join(target, "trajecten.csv"), "utf8")).toBe(readFileSync(path.join(scratch, "doel", "trajecten.csv"), "utf8"));
});
