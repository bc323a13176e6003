// A folder that breaks the contract stops the site's data loader: exit code 1, a Dutch message
// naming file, row, column and value on stderr, and nothing on stdout (so no half-built output).
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, expect, it} from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const folder = mkdtempSync(path.join(tmpdir(), "nadere-ogen-bad-"));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

it("a malformed trajecten.csv stops the site's loader with a Dutch error naming file, row and column", () => {
  cpSync(path.join(root, "data/default"), folder, {recursive: true});
  const file = path.join(folder, "trajecten.csv");
  const lines = readFileSync(file, "utf8").split("\r\n");
  const cells = lines[14].split(";"); // line 15 of the file
  cells[6] = "31-02-2019";
  lines[14] = cells.join(";");
  writeFileSync(file, lines.join("\r\n"));

  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["src/data/rapport.zip.ts"], {
    cwd: root,
    env: {...process.env, NADERE_OGEN_DATA: folder},
    encoding: "buffer"
  });
  expect(run.status).toBe(1);
  expect(run.stdout.length).toBe(0);
  expect(run.stderr.toString("utf8")).toContain('trajecten.csv, regel 15, kolom "einddatum": "31-02-2019" is geen geldige datum');
});
