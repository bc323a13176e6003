// BSN never leaves the import step: it is checked with the elfproef, replaced by a keyed hash, and
// appears in no text the import returns. The fixtures' BSNs are invented (999990007 …), each
// passing the elfproef by hand: 9·9 + 9·8 + 9·7 + 9·6 + 9·5 + 0·4 + 0·3 + 0·2 − 7 = 308 = 28 · 11.
import {describe, expect, test} from "vitest";
import {formatInputError} from "../../loaders/errors.js";
import {isValidBsn, pseudonymiser} from "../../loaders/import/bsn.js";
import {importFolder, type SourceFile} from "../../loaders/import/folder.js";
import {BSN, ENV, fixtureFiles, text, withFiles, importErrors} from "../helpers/importFolder.js";

const fromXml = fixtureFiles("bron", "xml");
const fromCsv = fixtureFiles("bron", "csv");


describe("elfproef", () => {
  test.each([
    ["999990007", true],
    ["999990019", true],
    ["111222333", true], // 9 + 8 + 7 + 12 + 10 + 8 + 9 + 6 − 3 = 66 = 6 · 11
    ["12345672", true], // 8 digits, a leading zero lost in Excel: 0 + 8 + 14 + 18 + 20 + 20 + 18 + 14 − 2 = 110 = 10 · 11
    ["999990010", false], // 315 − 0 = 315 = 28 · 11 + 7
    ["123456789", false], // 156 − 9 = 147, not a multiple of 11
    ["000000000", false],
    ["99999000", false], // 0·9 + 9·8 + 9·7 + 9·6 + 9·5 + 9·4 + 0 + 0 − 0 = 270 = 24 · 11 + 6
    ["99999000A", false],
    ["9999900071", false]
  ])("%s → %s", (bsn, valid) => expect(isValidBsn(bsn)).toBe(valid));
});

describe("the key", () => {
  test("without a key the import refuses, in Dutch", () => {
    expect(importErrors(fromXml, {})).toEqual([
      'instellingen.json, veld "importSleutel" heeft geen sleutel om BSN\'s te vervangen: zet een geheime tekst van minstens 16 tekens in de ' +
        "omgevingsvariabele NADERE_OGEN_IMPORTSLEUTEL of in het veld importSleutel. Zonder sleutel zet de import geen BSN om."
    ]);
  });

  test("a short key is refused", () => {
    expect(importErrors(fromXml, {NADERE_OGEN_IMPORTSLEUTEL: "kort"})).toEqual([
      'instellingen.json, veld "importSleutel" is te kort (4 tekens in de omgevingsvariabele NADERE_OGEN_IMPORTSLEUTEL); kies een geheime tekst van minstens 16 tekens.'
    ]);
  });

  test("a key in the source instellingen.json works, and stays out of the contract's instellingen.json", () => {
    const settings = JSON.parse(text(fromXml, "instellingen.json")) as Record<string, unknown>;
    const withKey = withFiles(fromXml, {"instellingen.json": JSON.stringify({...settings, importSleutel: ENV.NADERE_OGEN_IMPORTSLEUTEL})});
    const result = importFolder(withKey, {});
    expect(result.files["trajecten.csv"]).toEqual(importFolder(fromXml, ENV).files["trajecten.csv"]);
    expect(result.files["instellingen.json"]).not.toContain("importSleutel");
    expect(result.files["instellingen.json"]).not.toContain(ENV.NADERE_OGEN_IMPORTSLEUTEL);
  });

  test("another key gives other ids; the same key the same ids", () => {
    const a = pseudonymiser("sleutel-een-0123456789");
    const b = pseudonymiser("sleutel-twee-0123456789");
    expect(a(BSN.P1)).not.toBe(b(BSN.P1));
    expect(a(BSN.P1)).toBe(pseudonymiser("sleutel-een-0123456789")(BSN.P1));
    expect(a("12345672")).toBe(a("012345672"));
  });
});

test("leerlingen.csv and the iJw messages give the same pupil the same leerling_id", () => {
  const {files} = importFolder(fromXml, ENV);
  const pupil = (csv: string, column: number, key: string) =>
    csv.split("\n").find((line) => line.startsWith(key))!.split(";")[column];
  // P1 (999990007) is the first row of leerlingen.csv and the pupil of TW001 and TW004.
  const enrolled = files["leerlingen.csv"].replace(/^\ufeff/, "").split("\n")[1].split(";")[0];
  expect(pupil(files["trajecten.csv"], 1, "TW001")).toBe(enrolled);
  expect(pupil(files["trajecten.csv"], 1, "TW004")).toBe(enrolled);
  expect(enrolled).toMatch(/^L[a-p]{20}$/);
});

describe("no BSN reaches any output", () => {
  const bsns = Object.values(BSN);
  // Every text the import returns: the contract files, the report and the warnings.
  const everything = (files: SourceFile[]) => {
    const result = importFolder(files, ENV);
    return [...Object.values(result.files), ...result.report, ...result.warnings.map(formatInputError)].join("\n");
  };

  test.each([
    ["XML messages", fromXml],
    ["flat dumps", fromCsv]
  ])("%s", (_, files) => {
    const output = everything(files);
    // The fixtures really carry them, so their absence in the output means something.
    const input = files.map((file) => new TextDecoder().decode(file.bytes)).join("\n");
    for (const bsn of bsns) expect(input).toContain(bsn);
    for (const bsn of bsns) expect(output).not.toContain(bsn);
    // Nor as the 8-digit form a spreadsheet makes of a BSN with a leading zero, nor any 9-digit number.
    expect(output).not.toMatch(/(?<!\d)\d{9}(?!\d)/);
  });

  test("an invalid BSN is reported with only its last three digits", () => {
    const leerlingen = text(fromXml, "leerlingen.csv").replace("999990044;00AA00;01-10-2021", "999990045;00AA00;01-10-2021");
    const errors = importErrors(withFiles(fromXml, {"leerlingen.csv": leerlingen}));
    expect(errors).toEqual(['leerlingen.csv, regel 4, kolom "bsn": "…045" is geen geldig BSN (de elfproef klopt niet); controleer het nummer in de bron.']);
    expect(errors.join()).not.toContain("999990045");
    const jw301 = text(fromCsv, "jw301.csv").replace("TW003;999990020", "TW003;999990021");
    expect(importErrors(withFiles(fromCsv, {"jw301.csv": jw301}))).toEqual([
      'jw301.csv, regel 5, kolom "bsn": "…021" is geen geldig BSN (de elfproef klopt niet); controleer het nummer in de bron.'
    ]);
  });

  test("a BSN given as leerling_id in a ready trajecten.csv or leerlingen.csv is refused", () => {
    const trajecten = "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\nT1;999990007;45;45A01;A;01-02-2021;;10\n";
    const withoutMessages = fromXml.filter((file) => !file.name.endsWith(".xml"));
    const errors = importErrors(withFiles(withoutMessages, {"trajecten.csv": trajecten}));
    expect(errors).toEqual([
      'trajecten.csv, regel 2, kolom "leerling_id": "…007" lijkt een BSN (9 cijfers, de elfproef klopt); noem de kolom bsn, dan vervangt de import het door een sleutelcode.'
    ]);
  });
});
