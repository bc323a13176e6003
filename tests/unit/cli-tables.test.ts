// `nadere-ogen tables <map>` prints what `npm run tables` prints, for the folder given.
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";

const run = async (...args: string[]) => {
  const io = {out: "", err: ""};
  const code = await runCli(args, {out: (t) => void (io.out += t), err: (t) => void (io.err += t), cwd: process.cwd()});
  return {code, ...io};
};

test("tables --tabel tabel2 --csv on the default data gives the 2020 report's Tabel 2", async () => {
  const {code, out, err} = await run("tables", "data/default", "--tabel", "tabel2", "--csv");
  expect(code).toBe(0);
  // The report's Tabel 2 (data/README.md): 519 / 686 / 494 started, 2018 corrected for DBC restarts 555.
  expect(out.split("\n").slice(1)).toEqual(["# tabel2_trajecten_per_jaar", "year,raw,corrected", "2017,519,519", "2018,686,555", "2019,494,494", ""]);
  // The read summary goes to stderr, as with npm run tables.
  expect(err).toContain("Invoermap: ");
});

test("an unknown table name lists the names and exits 2", async () => {
  const {code, err} = await run("tables", "data/default", "--tabel", "tabel99");
  expect(code).toBe(2);
  expect(err).toContain('Onbekende tabel "tabel99". Kies uit: kerngetallen, tabel1_dbc_herstarts');
});
