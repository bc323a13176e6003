// `nadere-ogen build` stops before Framework runs when the folder or --out is wrong, and leaves
// nothing behind. A real build is not run here: it takes minutes.
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";

const run = async (...args: string[]) => {
  const io = {out: "", err: ""};
  const code = await runCli(args, {out: (t) => void (io.out += t), err: (t) => void (io.err += t), cwd: process.cwd()});
  return {code, ...io};
};

test("build refuses an --out folder that holds something other than an earlier build, and leaves it alone", async () => {
  const out = mkdtempSync(path.join(tmpdir(), "nadere-ogen-out-"));
  writeFileSync(path.join(out, "notities.txt"), "van mij\n");
  const {code, err} = await run("build", "data/default", "--out", out);
  expect(code).toBe(1);
  expect(err).toBe(`${out} bestaat al en is geen eerdere bouw van de site (geen index.html); kies een lege of nieuwe map voor --out.\n`);
  expect(readdirSync(out)).toEqual(["notities.txt"]);
});

test("build on a folder that breaks the contract reports every error and writes no site", async () => {
  const base = mkdtempSync(path.join(tmpdir(), "nadere-ogen-build-"));
  await run("init", path.join(base, "in"));
  const out = path.join(base, "site");
  const {code, err} = await run("build", path.join(base, "in"), "--out", out);
  expect(code).toBe(1);
  expect(err).toContain("De invoerbestanden bevatten 2 fouten.");
  expect(existsSync(out)).toBe(false);
});
