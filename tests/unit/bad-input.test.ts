// A folder that breaks the contract stops the build: the site's data loader and the Framework config
// (which reads the folder first) exit non-zero with the Dutch message naming file, row, column and
// value on stderr, nothing on stdout, no output folder, and no English "Unexpected error" around it.
// The variants of bad input are in bad-input-corpus.test.ts; this is the end-to-end check of one.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, expect, it} from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "nadere-ogen-bad-"));
const folder = path.join(scratch, "invoer");
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

const DUTCH = 'trajecten.csv, regel 15, kolom "einddatum": "31-02-2019" is geen geldige datum';

beforeAll(() => {
  cpSync(path.join(root, "data/default"), folder, {recursive: true});
  const file = path.join(folder, "trajecten.csv");
  const lines = readFileSync(file, "utf8").split("\r\n");
  const cells = lines[14].split(";"); // line 15 of the file
  cells[6] = "31-02-2019";
  lines[14] = cells.join(";");
  writeFileSync(file, lines.join("\r\n"));
});

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(path.join(root, "node_modules/.bin", command), args, {
    cwd: root,
    env: {...process.env, NADERE_OGEN_DATA: folder, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env},
    encoding: "buffer"
  });

it("a malformed trajecten.csv stops the site's loader with a Dutch error naming file, row and column", () => {
  const loader = run("tsx", ["src/data/rapport.zip.ts"]);
  expect(loader.status).toBe(1);
  expect(loader.stdout.length).toBe(0);
  expect(loader.stderr.toString("utf8")).toContain(DUTCH);
});

it("the build stops in the Framework config with only the Dutch message and leaves no output folder", () => {
  const output = path.join(scratch, "dist");
  const build = run("observable", ["build"], {NADERE_OGEN_OUTPUT: output});
  const stderr = build.stderr.toString("utf8");
  expect(build.status).toBe(1);
  expect(stderr).toContain(DUTCH);
  expect(stderr).not.toContain("Unexpected error");
  expect(existsSync(output)).toBe(false);
});
