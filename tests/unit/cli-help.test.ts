// The command-line tool speaks Dutch, also where commander writes the text, and `npx nadere-ogen`
// finds it through package.json's bin.
import {spawnSync} from "node:child_process";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";

const npx = (...args: string[]) => {
  const result = spawnSync("npx", ["--no-install", "nadere-ogen", ...args], {encoding: "utf8", env: {...process.env, FORCE_COLOR: "0"}});
  return {code: result.status, out: result.stdout, err: result.stderr};
};

/** In-process: the same program, without npx's start-up per call. */
const run = async (...args: string[]) => {
  const io = {out: "", err: ""};
  const code = await runCli(args, {out: (t) => void (io.out += t), err: (t) => void (io.err += t), cwd: process.cwd()});
  return {code, ...io};
};

const ENGLISH = /\b(Usage|Options|Commands|Arguments|display help|output the version|error:|Did you mean|\[options\])/;

test("npx nadere-ogen --help is Dutch and names the five commands", () => {
  const {code, out} = npx("--help");
  expect(code).toBe(0);
  expect(out).not.toMatch(ENGLISH);
  expect(out).toMatch(/^Gebruik: nadere-ogen <opdracht> \[opties\]/);
  for (const line of ["Opties:", "Opdrachten:", "  init <map> ", "  import <bronmap> <doelmap> ", "  check <map> [opties] ", "  build <map> [opties] ", "  tables <map> [opties] "]) {
    expect(out).toContain(line);
  }
});

test("each command's help is Dutch", async () => {
  for (const command of ["init", "import", "check", "build", "tables"]) {
    const {code, out} = await run(command, "--help");
    expect(code).toBe(0);
    expect(out).not.toMatch(ENGLISH);
    expect(out).toContain("Argumenten:");
  }
  expect((await run("help", "build")).out).toContain("--out <map>  waar de site komt (standaard: dist/ in deze repository)");
});

test("mistakes on the command line get Dutch messages and exit code 1", async () => {
  expect(await run("chek", "map")).toEqual({code: 1, out: "", err: 'fout: onbekende opdracht "chek"\n(bedoelt u check?)\n'});
  expect(await run("check")).toEqual({code: 1, out: "", err: "fout: het argument <map> ontbreekt\n"});
  expect(await run("check", "map", "--snel")).toEqual({code: 1, out: "", err: 'fout: onbekende optie "--snel"\n'});
});
