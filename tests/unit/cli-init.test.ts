// `nadere-ogen init` and what `check` then says about the untouched templates.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {expect, test} from "vitest";
import {runCli} from "../../scripts/cli.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

function capture(cwd: string) {
  const io = {out: "", err: "", cwd};
  return {io, cli: {out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t), cwd}};
}

const fresh = () => scratchFolder("nadere-ogen-init-");

test("init creates the five contract files: each CSV a header in data/README.md's order and one example row", async () => {
  const base = fresh();
  const {io, cli} = capture(base);
  expect(await runCli(["init", "mijn-gemeente"], cli)).toBe(0);
  const dir = path.join(base, "mijn-gemeente");
  expect(readdirSync(dir).sort()).toEqual(["instellingen.json", "leerlingen.csv", "scholen.csv", "trajecten.csv", "zorgvormen.csv"]);
  const lines = (name: string) => readFileSync(path.join(dir, name), "utf8").trimEnd().split("\n");
  // The headers as data/README.md documents them.
  expect(lines("leerlingen.csv")).toEqual(["leerling_id;school_id;peildatum;geboortemaand;woongemeente", "LL28BQSS95;17NC;01-10-2019;09-2010;Voorbeeldgemeente"]);
  expect(lines("trajecten.csv")[0]).toBe("traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten");
  expect(lines("scholen.csv")[0]).toBe(
    "school_id;naam;bestuur;denominatie;concept;ses_wijk;sot_trajecten;deelname_interview;aantal_ib;ib_ervaring;dorpsteam_categorie;ses_zelfgerapporteerd"
  );
  expect(lines("zorgvormen.csv")).toEqual(["productcategorie;productcode;zorgvorm", "54;54D01;dyslexie"]);
  for (const csv of ["leerlingen.csv", "trajecten.csv", "scholen.csv", "zorgvormen.csv"]) expect(lines(csv)).toHaveLength(2);
  // Every setting explained in a comment above it: 18 settings, and the optional secret.
  const settings = readFileSync(path.join(dir, "instellingen.json"), "utf8");
  expect(settings.match(/^ {2}"\w+":/gm)).toHaveLength(18);
  expect(settings).toContain('// Naam van de gemeente');
  expect(io.out).toContain("Controleer daarna met: npx nadere-ogen check mijn-gemeente");
});

test("init refuses a folder that is not empty and leaves its files alone", async () => {
  const dir = fresh();
  writeFileSync(path.join(dir, "leerlingen.csv"), "mijn eigen bestand\n");
  const {io, cli} = capture(dir);
  expect(await runCli(["init", dir], cli)).toBe(1);
  expect(io.err).toBe(`${dir} is niet leeg; init overschrijft niets. Kies een nieuwe of lege map.\n`);
  expect(readdirSync(dir)).toEqual(["leerlingen.csv"]);
  expect(readFileSync(path.join(dir, "leerlingen.csv"), "utf8")).toBe("mijn eigen bestand\n");
});

test("check on a fresh template says it is the example and names what to fill in (the years without data)", async () => {
  const base = fresh();
  await runCli(["init", "nieuw"], capture(base).cli);
  const {io, cli} = capture(base);
  expect(await runCli(["check", "nieuw"], cli)).toBe(1);
  // The example rows are all in 2019; the template's years are 2017–2019.
  expect(io.err.split("\n")).toEqual([
    "Let op: instellingen.json, scholen.csv, leerlingen.csv, zorgvormen.csv, trajecten.csv zijn nog precies het voorbeeld van init; vul uw eigen gegevens in.",
    `Invoermap: ${path.join(base, "nieuw")}`,
    "De invoerbestanden bevatten 2 fouten. Herstel de bestanden en start de build opnieuw.",
    '- instellingen.json, veld "years[0]": "2017" heeft geen leerlingen in leerlingen.csv (peildatum in 2017, wonend in Voorbeeldgemeente) en geen trajecten in trajecten.csv die in 2017 beginnen.',
    '- instellingen.json, veld "years[1]": "2018" heeft geen leerlingen in leerlingen.csv (peildatum in 2018, wonend in Voorbeeldgemeente) en geen trajecten in trajecten.csv die in 2018 beginnen.',
    ""
  ]);
});

test("a template with its years set to 2019 passes check: the example rows agree with each other", async () => {
  const base = fresh();
  await runCli(["init", "nieuw"], capture(base).cli);
  const file = path.join(base, "nieuw", "instellingen.json");
  writeFileSync(file, readFileSync(file, "utf8").replace('"years": [2017, 2018, 2019]', '"years": [2019]'));
  const {io, cli} = capture(base);
  expect(await runCli(["check", "nieuw"], cli)).toBe(0);
  expect(io.out).toContain("- leerlingen.csv: 1 inschrijvingen gelezen, 1 gebruikt");
  expect(io.out).toContain("Per jaar (inwoners): 2019: 1 leerlingen, 1 trajecten met die begindatum.");
  expect(io.out.trimEnd().split("\n").at(-1)).toBe("In orde: de invoermap voldoet aan het datacontract.");
});
