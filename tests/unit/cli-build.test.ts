// `nadere-ogen build` stops before Framework runs when the folder or --out is wrong, and leaves
// nothing behind; so does `build <map> --regio` (issue 13 item 1) when the region's folder is wrong. A real
// build is not run here: it takes minutes (npm run bench:region times a region of five).
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";
import {writeFixtureMunicipality} from "../fixtures/municipalities.js";
import {REGION_MUNICIPALITIES} from "../fixtures/region.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

const run = async (...args: string[]) => {
  const io = {out: "", err: ""};
  const code = await runCli(args, {out: (t) => void (io.out += t), err: (t) => void (io.err += t), cwd: process.cwd()});
  return {code, ...io};
};

test("build refuses an --out folder that holds something other than an earlier build, and leaves it alone", async () => {
  const out = scratchFolder("nadere-ogen-out-");
  writeFileSync(path.join(out, "notities.txt"), "van mij\n");
  const {code, err} = await run("build", "data/default", "--out", out);
  expect(code).toBe(1);
  expect(err).toBe(`${out} bestaat al en is geen eerdere bouw van de site (geen index.html); kies een lege of nieuwe map voor --out.\n`);
  expect(readdirSync(out)).toEqual(["notities.txt"]);
});

test("build on a folder that breaks the contract reports every error and writes no site", async () => {
  const base = scratchFolder("nadere-ogen-build-");
  await run("init", path.join(base, "in"));
  const out = path.join(base, "site");
  const {code, err} = await run("build", path.join(base, "in"), "--out", out);
  expect(code).toBe(1);
  expect(err).toContain("De invoerbestanden bevatten 2 fouten.");
  expect(existsSync(out)).toBe(false);
});

test("build --regio without regio.json says what the file must hold", async () => {
  const dir = scratchFolder("nadere-ogen-regio-");
  const out = path.join(dir, "site");
  const {code, err} = await run("build", dir, "--regio", "--out", out);
  expect(code).toBe(1);
  expect(err).toContain(`regio.json ontbreekt in ${dir}: zet daar de naam van de regio en de mappen van de gemeenten in`);
  expect(existsSync(out)).toBe(false);
});

test("build --regio refuses municipalities whose small-count limits differ, naming both", async () => {
  const dir = scratchFolder("nadere-ogen-regio-");
  const [a, b] = REGION_MUNICIPALITIES;
  writeFixtureMunicipality(dir, a);
  const other = writeFixtureMunicipality(dir, b);
  const settings = JSON.parse(readFileSync(path.join(other, "instellingen.json"), "utf8"));
  settings.suppression.minCount = 6;
  writeFileSync(path.join(other, "instellingen.json"), JSON.stringify(settings));
  writeFileSync(path.join(dir, "regio.json"), JSON.stringify({naam: "Proef", gemeenten: [a.key, b.key]}));
  const out = path.join(dir, "site");
  const {code, err} = await run("build", dir, "--regio", "--out", out);
  expect(code).toBe(1);
  expect(err).toContain("Vlietbergen en Eikenrode hebben een andere waarde voor de grens voor kleine aantallen (suppression.minCount): 5 en 6.");
  expect(existsSync(out)).toBe(false);
});

test("check --regio reports every municipality's folder and says when the region is in order", async () => {
  const dir = scratchFolder("nadere-ogen-regio-");
  const [a, b, c] = REGION_MUNICIPALITIES;
  writeFixtureMunicipality(dir, a);
  writeFixtureMunicipality(dir, b);
  writeFileSync(path.join(dir, "regio.json"), JSON.stringify({naam: "Proef", gemeenten: [a.key, b.key]}));
  const ok = await run("check", dir, "--regio");
  expect(ok.code).toBe(0);
  expect(ok.out).toContain("In orde: de regio en de map van elke gemeente voldoen aan het datacontract.");
  // A third folder that is missing, listed before a good one: both folders are still reported on.
  writeFileSync(path.join(dir, "regio.json"), JSON.stringify({naam: "Proef", gemeenten: [c.key, a.key]}));
  const missing = await run("check", dir, "--regio");
  expect(missing.code).toBe(1);
  expect(missing.err).toContain(`Invoermap: ${path.join(dir, c.key)}`);
  expect(missing.out).toContain(`Invoermap: ${path.join(dir, a.key)}`);
});
