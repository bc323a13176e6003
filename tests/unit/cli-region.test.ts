// `nadere-ogen build <map> --regio` (issue 13 item 1) stops before any site is built when the region's
// folder is wrong, with a Dutch message, and leaves nothing behind. The five-municipality build itself
// takes minutes: npm run bench:region times it.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";
import {writeFixtureMunicipality} from "../fixtures/municipalities.js";
import {REGION_MUNICIPALITIES} from "../fixtures/region.js";

const run = async (...args: string[]) => {
  const io = {out: "", err: ""};
  const code = await runCli(args, {out: (t) => void (io.out += t), err: (t) => void (io.err += t), cwd: process.cwd()});
  return {code, ...io};
};

test("build --regio without regio.json says what the file must hold", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-regio-"));
  const out = path.join(dir, "site");
  const {code, err} = await run("build", dir, "--regio", "--out", out);
  expect(code).toBe(1);
  expect(err).toContain(`regio.json ontbreekt in ${dir}: zet daar de naam van de regio en de mappen van de gemeenten in`);
  expect(existsSync(out)).toBe(false);
});

test("build --regio refuses municipalities whose small-count limits differ, naming both", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-regio-"));
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
