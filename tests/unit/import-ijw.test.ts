// iJw messages → trajecten.csv: the hand-made XML messages (tests/fixtures/import/xml) and their
// hand-made flat dump (…/csv) hold the same five toewijzingen; both must give the same rows and the
// same report. Expected values are worked out by hand from the fixtures:
//   TW001 P1 45/45A01 toewijzing 01-02…31-12-2021, JW305 15-02-2021, JW307 30-06-2021, JW323 50000 D + 25050 D = € 750,50
//   TW002 P2 54/54001 toewijzing 01-03…31-08-2021, no JW305/307, JW323 120000 D − 20000 C = € 1.000,00
//   TW003 P3 54/54D01 toewijzing from 10-01-2022 (no end), JW305 17-01-2022, no JW307, no JW323 = € 0
//   TW004 P1 45/45B02 toewijzing 01-04…30-09-2022, JW305 01-04-2022, JW307 31-07-2022, JW323 30000 D = € 300,00
//   TW005 P4 41/41A01 toewijzing 01-05-2022…30-04-2023, JW305 02-05-2022, no JW307, JW323 2 × 100000 D = € 2.000,00
import {createHmac} from "node:crypto";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, test} from "vitest";
import {loadDataset, type InputTexts} from "../../loaders/contract.js";
import {importFolder} from "../../loaders/import/folder.js";
import {readIjwXml, toTrajecten} from "../../loaders/import/ijw.js";
import {pseudonymiser} from "../../loaders/import/bsn.js";
import {formatInputError} from "../../loaders/errors.js";
import {readSourceFolder} from "../../loaders/io.js";
import {computeReport} from "../../loaders/report.js";
import {BSN, ENV, fixtureFiles, KEY, text, withFiles, importErrors} from "../helpers/importFolder.js";

// The pupil id the specification asks for: "L" + the first 20 hex digits of HMAC-SHA256(key, BSN),
// each written as a letter (0 → a … f → p).
const id = (bsn: string) =>
  `L${[...createHmac("sha256", KEY).update(bsn).digest("hex").slice(0, 20)].map((digit) => "abcdefghijklmnop"[parseInt(digit, 16)]).join("")}`;

const EXPECTED_TRAJECTEN = [
  "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten",
  `TW001;${id(BSN.P1)};45;45A01;12345678;15-02-2021;30-06-2021;750,50`,
  `TW002;${id(BSN.P2)};54;54001;87654321;01-03-2021;31-08-2021;1000,00`,
  `TW003;${id(BSN.P3)};54;54D01;87654321;17-01-2022;;0,00`,
  `TW004;${id(BSN.P1)};45;45B02;12345678;01-04-2022;31-07-2022;300,00`,
  `TW005;${id(BSN.P4)};41;41A01;11223344;02-05-2022;30-04-2023;2000,00`
];

const fromXml = fixtureFiles("bron", "xml");
const fromCsv = fixtureFiles("bron", "csv");
const lines = (csv: string) => csv.replace(/^\ufeff/, "").trimEnd().split("\n");

function contractTexts(files: Record<string, string>): InputTexts {
  return {
    instellingen: files["instellingen.json"],
    scholen: files["scholen.csv"],
    leerlingen: files["leerlingen.csv"],
    zorgvormen: files["zorgvormen.csv"],
    trajecten: files["trajecten.csv"]
  };
}


describe("an iJw XML fixture and its CSV dump", () => {
  const xml = importFolder(fromXml, ENV);
  const csv = importFolder(fromCsv, ENV);

  test("give the trajecten rows worked out by hand", () => {
    expect(lines(xml.files["trajecten.csv"])).toEqual(EXPECTED_TRAJECTEN);
    expect(lines(csv.files["trajecten.csv"])).toEqual(EXPECTED_TRAJECTEN);
  });

  test("give the same contract folder, byte for byte", () => {
    expect(csv.files).toEqual(xml.files);
  });

  test("give the same report tables, with Tabel 6 as worked out by hand", () => {
    const reportXml = computeReport(loadDataset(contractTexts(xml.files)).dataset);
    const reportCsv = computeReport(loadDataset(contractTexts(csv.files)).dataset);
    expect(reportCsv).toEqual(reportXml);
    // De Esdoorn (00AA00: P1, P2, P5): starts 2021 P1, P2; 2022 P1. 't Gravenhof (00BB00: P3, P4, P6): 2022 P3, P4.
    const years = (schoolId: string) =>
      reportXml.schools.tabel6.find((row) => row.schoolId === schoolId)!.years.map(({year, enrolled, pupils, pct}) => ({year, enrolled, pupils, pct}));
    expect(years("00AA00")).toEqual([
      {year: 2021, enrolled: 3, pupils: 2, pct: 67},
      {year: 2022, enrolled: 3, pupils: 1, pct: 33}
    ]);
    expect(years("00BB00")).toEqual([
      {year: 2021, enrolled: 3, pupils: 0, pct: 0},
      {year: 2022, enrolled: 3, pupils: 2, pct: 67}
    ]);
    expect(reportXml.schools.total.years.map((y) => [y.year, y.pupils, y.trajectories])).toEqual([
      [2021, 2, 2],
      [2022, 3, 3]
    ]);
  });

  test("say in the report where dates and costs came from (JW305/JW307 missing → toewijzing)", () => {
    for (const result of [xml, csv]) {
      expect(result.report).toContain("iJw: 5 toewijzingen (JW301) → 5 trajecten; 7 declaratieregels (JW323).");
      expect(result.report).toContain("- begindatum: 4 uit een startmelding (JW305), 1 zonder JW305: ingangsdatum van de toewijzing gebruikt.");
      expect(result.report).toContain(
        "- einddatum: 2 uit een stopmelding (JW307), 2 zonder JW307: einddatum van de toewijzing gebruikt (de geplande einddatum), 1 zonder einddatum (lopend)."
      );
    }
  });
});

describe("bad iJw input is a Dutch error naming file, element or row, and value", () => {
  const jw305 = text(fromXml, "jw305-aanbieder-b.xml");
  const jw323 = text(fromCsv, "jw323.csv");

  test("XML that is not well-formed names its line", () => {
    const broken = jw305.replace("</Begindatum>", "</Begin>");
    expect(importErrors(withFiles(fromXml, {"jw305-aanbieder-b.xml": broken}))).toEqual([
      "jw305-aanbieder-b.xml, regel 24 is geen geldige XML: een element wordt niet (goed) gesloten of heeft een ongeldige naam (teken 31); lever het bericht opnieuw aan."
    ]);
  });

  test("a start for an unknown toewijzing names the element path", () => {
    const errors = importErrors(withFiles(fromXml, {"jw305-aanbieder-b.xml": jw305.replace("TW003", "TW999")}));
    expect(errors).toEqual([
      'jw305-aanbieder-b.xml, element "Bericht/Client[1]/StartProducten/StartProduct[1]": "TW999" hoort bij geen toewijzing (JW301) in de bronmap; ' +
        "deze startmelding (JW305) kan niet aan een traject worden gekoppeld."
    ]);
  });

  test("an amount with a decimal comma in a dump names row and column", () => {
    const errors = importErrors(withFiles(fromCsv, {"jw323.csv": jw323.replace("25050;D", "250,50;D")}));
    expect(errors).toEqual([
      'jw323.csv, regel 3, kolom "totaalbedrag": "250,50" is geen bedrag in eurocenten (een geheel getal zonder komma of punt, zoals 123456 voor € 1.234,56).'
    ]);
  });

  test("a debet/credit mark other than D or C, and more credit than debet", () => {
    const errors = importErrors(withFiles(fromCsv, {"jw323.csv": jw323.replace("30000;D", "30000;X").replace("120000;D", "12000;D")}));
    expect(errors).toEqual([
      'jw323.csv, regel 4, kolom "debetcredit": "X" moet D (debet) of C (credit) zijn.',
      'jw301.csv, regel 4, kolom "toewijzingnummer": "TW002" heeft meer credit dan debet in de declaraties (JW323): samen 80,00 euro negatief.'
    ]);
  });

  test("BerichtCode and namespace of different messages", () => {
    const errors = importErrors(withFiles(fromXml, {"jw305-aanbieder-b.xml": jw305.replace("<BerichtCode>438", "<BerichtCode>440")}));
    expect(errors).toEqual(['jw305-aanbieder-b.xml, element "Bericht/Header/BerichtCode" heeft BerichtCode van JW307, maar de namespace van JW305.']);
  });

  test("a toewijzing sent twice with other data", () => {
    const jw301 = text(fromCsv, "jw301.csv");
    const errors = importErrors(withFiles(fromCsv, {"jw301.csv": `${jw301}TW002;999990019;2013-07-21;54;54001;87654321;2021-03-01;2021-09-30\n`}));
    expect(errors).toEqual([
      'jw301.csv, regel 7, kolom "toewijzingnummer": "TW002" komt al voor met andere gegevens (jw301.csv, regel 4); lever één versie van de toewijzing aan.'
    ]);
  });
});

test("the same message twice (resent) counts once", () => {
  const message = text(fromXml, "jw301-aanbieder-c.xml");
  const once = readIjwXml(message, "a.xml").records;
  const twice = {...once, toewijzingen: [...once.toewijzingen, ...readIjwXml(message, "b.xml").records.toewijzingen]};
  const pseudonym = pseudonymiser(KEY);
  expect(toTrajecten(twice, pseudonym).rows).toEqual(toTrajecten(once, pseudonym).rows);
  expect(toTrajecten(twice, pseudonym).rows).toHaveLength(1);
});

test("an XML message with a DOCTYPE is refused (no entity expansion)", () => {
  const message = text(fromXml, "jw305-aanbieder-b.xml").replace("<Bericht", '<!DOCTYPE Bericht [<!ENTITY a "aaaa">]>\n<Bericht');
  expect(importErrors(withFiles(fromXml, {"jw305-aanbieder-b.xml": message}))).toEqual([
    "jw305-aanbieder-b.xml, regel 2 bevat een DOCTYPE; een iJw-bericht heeft er geen. Lever het bericht opnieuw aan."
  ]);
});

test("messages in sub-folders of the source folder are read too", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-bron-"));
  try {
    for (const file of fromXml) {
      const where = file.name.endsWith(".xml") ? path.join(dir, "ijw", file.name.slice(0, 5)) : dir;
      mkdirSync(where, {recursive: true});
      writeFileSync(path.join(where, file.name), file.bytes);
    }
    const read = readSourceFolder(dir);
    expect(read.map((file) => file.name)).toContain("ijw/jw301/jw301-aanbieder-a.xml");
    expect(importFolder(read, ENV).files).toEqual(importFolder(fromXml, ENV).files);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("a ready trajecten.csv beside iJw messages is an error: which one is current cannot be known", () => {
  const trajecten = "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\nT1;L1;45;45A01;A;01-02-2021;;10\n";
  expect(importErrors(withFiles(fromCsv, {"trajecten.csv": trajecten}))).toEqual([
    "trajecten.csv staat in de bronmap naast jw301.csv, waar de import dit bestand van maakt; laat één van beide staan."
  ]);
});

test("a contract error in a converted trajectory names the toewijzing it came from", () => {
  // Without the 41 row in zorgvormen.csv, TW005 (41/41A01: jw301-aanbieder-c.xml, first client and product; jw301.csv line 6) has no zorgvorm.
  const zorgvormen = text(fromXml, "zorgvormen.csv").replace("41;;dagbehandeling\n", "");
  const message = '"41A01" heeft geen zorgvorm: voeg productcategorie 41, productcode 41A01 toe aan zorgvormen.csv.';
  expect(importErrors(withFiles(fromXml, {"zorgvormen.csv": zorgvormen}))).toEqual([
    `jw301-aanbieder-c.xml, element "Bericht/Client[1]/ToegewezenProducten/ToegewezenProduct[1]/Product/Code": ${message}`
  ]);
  expect(importErrors(withFiles(fromCsv, {"zorgvormen.csv": zorgvormen}))).toEqual([`jw301.csv, regel 6, kolom "productcode": ${message}`]);
});

test("an error in a value the trajectory derives (a planned end in 2099) names the toewijzing and the trajectory's column", () => {
  const jw301 = text(fromCsv, "jw301.csv").replace("2022-01-10;", "2022-01-10;2099-12-31");
  expect(importErrors(withFiles(fromCsv, {"jw301.csv": jw301}))).toEqual([
    'jw301.csv, regel 5, kolom "toewijzingnummer": "31-12-2099" ligt na 31-12-2038, te ver na de statusDate in instellingen.json; ' +
      "controleer het jaartal (kolom einddatum van het traject)."
  ]);
});

test("a dump without a required column lists the columns it has", () => {
  const jw305 = "toewijzingnummer;startdatum\nTW001;2021-02-15\n";
  expect(importErrors(withFiles(fromCsv, {"jw305.csv": jw305}))).toEqual([
    'jw305.csv, kolom "begindatum" ontbreekt (gevonden kolommen: toewijzingnummer, startdatum).'
  ]);
});

test("a claim whose amount is called IngediendBedrag counts the same", () => {
  const renamed = text(fromXml, "jw323-aanbieder-b.xml").replace(/TotaalBedrag>/g, "IngediendBedrag>");
  expect(importFolder(withFiles(fromXml, {"jw323-aanbieder-b.xml": renamed}), ENV).files).toEqual(importFolder(fromXml, ENV).files);
  const missing = text(fromXml, "jw323-aanbieder-b.xml").replace(/<TotaalBedrag>[\s\S]*?<\/TotaalBedrag>/, "");
  expect(importErrors(withFiles(fromXml, {"jw323-aanbieder-b.xml": missing}))).toEqual([
    'jw323-aanbieder-b.xml, element "Bericht/Client[1]/Prestaties/Prestatie[1]/TotaalBedrag/Bedrag" ontbreekt of is leeg, maar is verplicht.'
  ]);
});

test("a client born in another month than leerlingen.csv says is a warning (a BSN typed wrong links care to another child)", () => {
  expect(importFolder(fromCsv, ENV).report).toContain("Geboortemaand in JW301 en leerlingen vergeleken: 0 toewijzingen met een andere maand.");
  // TW005's client (P4, 999990032) is born 05-2012 in leerlingen.csv.
  const jw301 = text(fromCsv, "jw301.csv").replace("TW005;999990032;2012-05-30", "TW005;999990032;2012-06-30");
  const result = importFolder(withFiles(fromCsv, {"jw301.csv": jw301}), ENV);
  expect(result.warnings.map(formatInputError)).toContain(
    'jw301.csv, regel 6, kolom "toewijzingnummer": "TW005" heeft een client geboren in 06-2012, maar leerlingen.csv geeft dezelfde leerling geboortemaand 05-2012; controleer het BSN.'
  );
  const xml = text(fromXml, "jw301-aanbieder-c.xml").replace("<jw301:Datum>2012-05-30", "<jw301:Datum>2012-06-30");
  expect(importFolder(withFiles(fromXml, {"jw301-aanbieder-c.xml": xml}), ENV).warnings.map((w) => [w.file, w.value])).toContainEqual(["jw301-aanbieder-c.xml", "TW005"]);
});
