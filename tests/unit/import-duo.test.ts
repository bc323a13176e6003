// DUO open onderwijsdata: the school register (";", Windows-1252) → scholen.csv rows, and pupils per
// location per age as a cross-check of leerlingen.csv. Fixture: tests/fixtures/import/bron, three
// locations of which two in Zonnedal; every expected value below is read off those files.

import path from "node:path";
import {describe, expect, test} from "vitest";
import iconv from "iconv-lite";
import {formatInputError} from "../../loaders/errors.js";
import {crossCheck, duoPupils, duoSchoolId, duoSchools} from "../../loaders/import/duo.js";
import {importFolder} from "../../loaders/import/folder.js";
import {readTable} from "../../loaders/import/table.js";
import {writeContractFolder} from "../../loaders/io.js";
import {loadFromEnvironment} from "../../loaders/load.js";
import {ENV, fixtureFiles, withFiles, importErrors} from "../helpers/importFolder.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

const files = fixtureFiles("bron", "xml");
const REGISTER = "02.-alle-schoolvestigingen-basisonderwijs.csv";
const bytes = (name: string) => files.find((file) => file.name === name)!.bytes;
const table = (content: Uint8Array | string, name: string) => readTable(content, name).table!;


describe("the school register", () => {
  test("school_id from INSTELLINGSCODE + VESTIGINGSCODE, in both spellings DUO uses", () => {
    expect(duoSchoolId("00AA", "00")).toBe("00AA00");
    expect(duoSchoolId("00BB", "00BB00")).toBe("00BB00");
    expect(duoSchoolId("12ab", "01")).toBe("12AB01");
  });

  test("the municipality's locations, Windows-1252 ’ read right, other municipalities left out", () => {
    const {rows, errors, outside} = duoSchools(table(bytes(REGISTER), REGISTER), "Zonnedal");
    expect(errors).toEqual([]);
    expect(outside).toBe(1);
    expect(rows).toEqual([
      ["00AA00", "De Esdoorn", "Bevoegd gezag 41000", "openbaar", "", "", "", "", "", "", "", ""],
      ["00BB00", "Basisschool \u2019t Gravenhof", "Bevoegd gezag 41001", "rooms-katholiek", "", "", "", "", "", "", "", ""]
    ]);
  });

  test("schoolkenmerken fills in what DUO lacks", () => {
    const supplement = table(bytes("schoolkenmerken.csv"), "schoolkenmerken.csv");
    const {rows} = duoSchools(table(bytes(REGISTER), REGISTER), "zonnedal", supplement);
    expect(rows[1]).toEqual(["00BB00", "Basisschool \u2019t Gravenhof", "Bevoegd gezag 41001", "rooms-katholiek", "Montessori", "laag", "5", "nee", "", "", "", ""]);
  });

  test("a municipality that is not in the register is an error naming the ones that are", () => {
    const {errors} = duoSchools(table(bytes(REGISTER), REGISTER), "Zonendal");
    expect(errors.map(formatInputError)).toEqual([
      `${REGISTER}, kolom "gemeentenaam": "Zonendal" komt niet voor (wel: "Zonnedal", "Buurdorp"); controleer municipality in instellingen.json.`
    ]);
  });

  test("without schoolkenmerken scholen.csv has no factor or interview columns, and the import succeeds", () => {
    const {files: contract} = importFolder(withFiles(files, {"schoolkenmerken.csv": null}), ENV);
    expect(contract["scholen.csv"].replace(/^\uFEFF/, "").split("\n")[0]).toBe("school_id;naam;bestuur;denominatie;concept");
  });

  test("a schoolkenmerken row for a school outside the register is an error", () => {
    const extra = "school_id;ses_wijk;sot_trajecten;deelname_interview\n00AA00;midden;3;nee\n00BB00;laag;5;nee\n00CC00;hoog;1;nee\n";
    expect(importErrors(withFiles(files, {"schoolkenmerken.csv": extra}))).toEqual([
      'schoolkenmerken.csv, kolom "school_id": "00CC00" staat niet in het DUO-scholenbestand van deze gemeente.'
    ]);
  });
});

describe("pupils per location per age", () => {
  const name = "01.-leerlingen-po-leeftijd-2022.csv";
  const counts = duoPupils(table(bytes(name), name), name);

  test("the year from the file name, masked ages counted apart", () => {
    expect(counts.errors).toEqual([]);
    expect(counts.counts).toEqual([
      {schoolId: "00AA00", year: 2022, known: 0, masked: 2},
      {schoolId: "00BB00", year: 2022, known: 10, masked: 0},
      {schoolId: "00CC00", year: 2022, known: 12, masked: 0}
    ]);
  });

  test("a count that is not a number names row and column", () => {
    const text = "INSTELLINGSCODE;VESTIGINGSCODE;LEEFTIJD 4;LEEFTIJD 5\n00AA;00;3;vijf\n";
    const {errors} = duoPupils(table(text, "telling-2021.csv"), "telling-2021.csv");
    expect(errors.map(formatInputError)).toEqual(['telling-2021.csv, regel 2, kolom "leeftijd 5": "vijf" is geen aantal (verwacht een geheel getal, leeg of "<5").']);
  });

  test("a warning when leerlingen.csv differs from DUO by more than the margin", () => {
    // 00AA00: 3 enrolments against 2 masked ages (2 … 8 pupils): within. 00BB00: 3 against 10: not
    // within 10 % (9 … 11). 00CC00 has no enrolments: not compared.
    const enrolments = [
      ...Array.from({length: 3}, () => ({schoolId: "00AA00", year: 2022})),
      ...Array.from({length: 3}, () => ({schoolId: "00BB00", year: 2022}))
    ];
    expect(crossCheck(counts.counts, enrolments).map(formatInputError)).toEqual([
      'leerlingen.csv, kolom "school_id": "00BB00" heeft in 2022 3 inschrijvingen, DUO telt 10 leerlingen (verschil meer dan 10%); controleer of de export compleet is en dezelfde teldatum heeft.'
    ]);
    // 9 enrolments at 00AA00 are more than 8 · 1,1 = 8,8; 10 at 00BB00 are within.
    const more = [...Array.from({length: 9}, () => ({schoolId: "00AA00", year: 2022})), ...Array.from({length: 10}, () => ({schoolId: "00BB00", year: 2022}))];
    expect(crossCheck(counts.counts, more).map((w) => w.value)).toEqual(["00AA00"]);
    expect(crossCheck(counts.counts, more)[0].message).toContain("DUO telt 2 tot 8 leerlingen");
  });

  test("the import flags the same boundary as the build: 107 against 100 at 7 % is within, 108 is not", () => {
    const duo = [{schoolId: "00EE00", year: 2022, known: 100, masked: 0}];
    const at = (n: number) => Array.from({length: n}, () => ({schoolId: "00EE00", year: 2022}));
    expect(crossCheck(duo, at(107), 7)).toEqual([]);
    expect(crossCheck(duo, at(93), 7)).toEqual([]);
    expect(crossCheck(duo, at(108), 7).map((w) => w.message)).toEqual([
      "heeft in 2022 108 inschrijvingen, DUO telt 100 leerlingen (verschil meer dan 7%); controleer of de export compleet is en dezelfde teldatum heeft"
    ]);
  });

  test("the import reports the cross-check and does not stop", () => {
    const result = importFolder(files, ENV);
    expect(result.warnings.map((w) => w.value)).toEqual(["00BB00"]);
    expect(result.report).toContain(`DUO-leerlingtelling ${name}: 3 vestigingen × jaren vergeleken met leerlingen.csv, 1 met meer dan 10% verschil.`);
  });

  test("the count goes into the contract folder, so that the build compares it too (data-quality page)", () => {
    const result = importFolder(files, ENV);
    const dir = scratchFolder("nadere-ogen-import-duo-");
    writeContractFolder(dir, result.files);
    let log = "";
    loadFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: (text) => (log = text)});
    // The same finding as the import's warning: 00BB00 has 3 enrolments in 2022 against DUO's 10
    // (−7, 70%); 2021 is a study year the file does not count.
    expect(log).toContain(`Vergelijking met DUO (${name}; marge 10%, instelling duoMarginPercent):`);
    expect(log).toContain("leerlingen.csv 3, DUO 10, verschil −7 (−70%): meer dan 10% verschil.");
    expect(log).toContain("- Geen DUO-telling voor 2021.");
  });

  test("duoMarginPercent in the source folder's settings steers the import's warnings as well", () => {
    const source = JSON.parse(new TextDecoder().decode(bytes("instellingen.json")));
    const wide = withFiles(files, {"instellingen.json": JSON.stringify({...source, duoMarginPercent: 75})});
    // 3 against 10 is 70% off: within 75%.
    expect(importFolder(wide, ENV).warnings).toEqual([]);
  });
});

test("the register in UTF-8 reads the same as in Windows-1252", () => {
  const utf8 = iconv.decode(Buffer.from(bytes(REGISTER)), "win1252");
  expect(duoSchools(table(utf8, REGISTER), "Zonnedal").rows).toEqual(duoSchools(table(bytes(REGISTER), REGISTER), "Zonnedal").rows);
});

test("a ready scholen.csv beside the DUO register is an error", () => {
  const scholen = "school_id;naam;bestuur;denominatie;concept;ses_wijk;sot_trajecten;deelname_interview;aantal_ib;ib_ervaring;dorpsteam_categorie;ses_zelfgerapporteerd\n";
  expect(importErrors(withFiles(files, {"scholen.csv": scholen}))).toEqual([
    `scholen.csv staat in de bronmap naast ${REGISTER}, waar de import dit bestand van maakt; laat één van beide staan.`
  ]);
});

describe("the other layouts of the pupil counts", () => {
  test("a total column counts instead of the ages", () => {
    const text = "PEILDATUM;INSTELLINGSCODE;VESTIGINGSCODE;LEEFTIJD_4_JAAR;LEEFTIJD_5_JAAR;TOTAAL\n01-10-2021;00AA;00;3;4;9\n";
    expect(duoPupils(table(text, "telling.csv"), "telling.csv").counts).toEqual([{schoolId: "00AA00", year: 2021, known: 9, masked: 0}]);
  });

  test("one row per location and age, added up per location and year", () => {
    const text = "PEILJAAR;INSTELLINGSCODE;VESTIGINGSCODE;LEEFTIJD;AANTAL LEERLINGEN\n2022;00AA;00;4;12\n2022;00AA;00;5;<5\n2022;00BB;00;4;7\n2021;00AA;00;4;10\n";
    expect(duoPupils(table(text, "telling.csv"), "telling.csv").counts).toEqual([
      {schoolId: "00AA00", year: 2022, known: 12, masked: 1},
      {schoolId: "00BB00", year: 2022, known: 7, masked: 0},
      {schoolId: "00AA00", year: 2021, known: 10, masked: 0}
    ]);
  });

  test('"12 jaar en ouder" is an age column too', () => {
    const text = "INSTELLINGSCODE;VESTIGINGSCODE;4 jaar;12 jaar en ouder\n00AA;00;2;3\n";
    expect(duoPupils(table(text, "telling-2020.csv"), "telling-2020.csv").counts).toEqual([{schoolId: "00AA00", year: 2020, known: 5, masked: 0}]);
  });
});
