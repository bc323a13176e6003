import {writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, test} from "vitest";
import {formatScopeReport, INPUT_FILES, loadDataset, type InputTexts} from "../../loaders/contract.js";
import {formatInputError, formatInputErrors, InputErrors, type InputError} from "../../loaders/errors.js";
import {decodeInput} from "../../loaders/encoding.js";
import {readInputFolder, resolveDataDir} from "../../loaders/io.js";
import {SCHOLEN, settings, ZORGVORMEN} from "../helpers/inputFolder.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

// 007 lives here; L2 too (woongemeente in lower case); L3 lives in Zeist.
const LEERLINGEN = `leerling_id;school_id;peildatum;geboortemaand;woongemeente
007;0012;01-10-2018;03-2010;Heuvelrug
007;0012;01-10-2019;03-2010;Heuvelrug
L2;0034;01-10-2019;11-2011;heuvelrug
L3;0034;01-10-2019;05-2012;Zeist
`;


// T3 starts before the study years; T4 is care of a non-resident; T5's pupil has no enrolment.
const TRAJECTEN = `traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten
T1;007;54;54001;Aanbieder A;01-01-2018;30-06-2018;1.234,56
T2;007;45;45A02;Aanbieder B;15-03-2019;;800
T3;L2;54;54D01;Aanbieder A;01-09-2017;31-01-2018;2500,00
T4;L3;45;;Aanbieder B;01-02-2019;;100
T5;L9;45;;Aanbieder B;01-02-2019;;100
`;

function folder(overrides: Partial<InputTexts> = {}): InputTexts {
  return {
    instellingen: JSON.stringify(settings),
    scholen: SCHOLEN,
    leerlingen: LEERLINGEN,
    zorgvormen: ZORGVORMEN,
    trajecten: TRAJECTEN,
    ...overrides
  };
}

const withLines = (csv: string, ...lines: string[]) => csv + lines.map((line) => `${line}\n`).join("");
const settingsWith = (changes: Record<string, unknown>) => JSON.stringify({...settings, ...changes});

function caught(texts: InputTexts | (() => unknown)): InputErrors {
  try {
    if (typeof texts === "function") texts();
    else loadDataset(texts);
  } catch (error) {
    if (error instanceof InputErrors) return error;
    throw error;
  }
  throw new Error("expected InputErrors");
}

const messages = (texts: InputTexts) => caught(texts).errors.map(formatInputError);

describe("a valid folder", () => {
  const {dataset, scope} = loadDataset(folder());

  test("schools get typed fields, and nulls for a school that was not interviewed", () => {
    expect(dataset.schools).toEqual([
      {
        id: "0012",
        name: "De Linde",
        board: "Bestuur A",
        denomination: "openbaar",
        concept: "Jenaplan",
        sesNeighbourhood: "midden",
        sotTrajectories: 4,
        participated: true,
        ibCount: 2,
        ibExperience: "2-5",
        dorpsteamRating: 3,
        sesSelfReported: "hoog"
      },
      {
        id: "0034",
        name: "De Es",
        board: "Bestuur B",
        denomination: "katholiek",
        concept: null,
        sesNeighbourhood: "laag",
        sotTrajectories: 0,
        participated: false,
        ibCount: null,
        ibExperience: null,
        dorpsteamRating: null,
        sesSelfReported: null
      }
    ]);
  });

  test("enrolments keep leading-zero ids as text and take the year from the teldatum", () => {
    expect(dataset.enrolments[0]).toEqual({
      pupilId: "007",
      schoolId: "0012",
      date: "2018-10-01",
      year: 2018,
      birthMonth: "2010-03",
      municipality: "Heuvelrug"
    });
  });

  test("trajectories get ISO dates, euro amounts and the care type of their product", () => {
    expect(dataset.trajectories[0]).toEqual({
      id: "T1",
      pupilId: "007",
      productCategory: "54",
      productCode: "54001",
      careType: "ggz",
      provider: "Aanbieder A",
      start: "2018-01-01",
      end: "2018-06-30",
      cost: 1234.56
    });
  });

  test("a product code without its own row falls back to the category row with an empty code", () => {
    const t2 = dataset.trajectories.find((t) => t.id === "T2");
    expect(t2).toMatchObject({productCode: "45A02", careType: "begeleiding", end: null, cost: 800});
  });

  test("product mappings keep an empty code as null", () => {
    expect(dataset.productMappings).toEqual([
      {productCategory: "54", productCode: "54001", careType: "ggz"},
      {productCategory: "54", productCode: "54D01", careType: "dyslexie"},
      {productCategory: "45", productCode: null, careType: "begeleiding"}
    ]);
  });

  test("settings come through with the status date as ISO", () => {
    expect(dataset.settings.statusDate).toBe("2020-01-01");
    expect(dataset.settings.years).toEqual([2018, 2019]);
  });

  test("the enrolment in another municipality is left out of the dataset but counted", () => {
    expect(dataset.enrolments.map((e) => e.pupilId)).toEqual(["007", "007", "L2"]);
    expect(scope).toMatchObject({enrolmentsRead: 4, enrolmentsOutsideMunicipality: 1, enrolmentsKept: 3, enrolmentsOutsideYears: 0});
  });

  test("care of a non-resident and of a pupil without enrolment is left out and counted per reason", () => {
    expect(dataset.trajectories.map((t) => t.id)).toEqual(["T1", "T2", "T3"]);
    expect(scope).toMatchObject({
      trajectoriesRead: 5,
      trajectoriesWithoutEnrolment: 1,
      trajectoriesOfNonResidents: 1,
      trajectoriesKept: 3
    });
  });

  test("a trajectory that starts before the study years is kept and counted", () => {
    expect(scope.trajectoriesOutsideYears).toBe(1);
  });

  test("the scope report reads as Dutch lines with nl-NL numbers", () => {
    expect(formatScopeReport({...scope, trajectoriesRead: 1234567})).toContain("1.234.567 trajecten gelezen, 3 gebruikt");
    expect(formatScopeReport(scope)).toContain("1 weggelaten (woont in een andere gemeente)");
  });
});

describe("file formats", () => {
  test("comma-separated files with a BOM and upper-case headers load like the semicolon ones", () => {
    const commas = (csv: string) => `\ufeff${csv.replace(/;/g, ",").replace(/^[^\n]+/, (header) => header.toUpperCase())}`;
    const trajecten = commas(TRAJECTEN.replace("1.234,56", "1234.56").replace("2500,00", "2500.00"));
    const {dataset} = loadDataset(folder({scholen: commas(SCHOLEN), leerlingen: commas(LEERLINGEN), trajecten}));
    expect(dataset.schools.map((s) => s.id)).toEqual(["0012", "0034"]);
    expect(dataset.trajectories.map((t) => t.cost)).toEqual([1234.56, 800, 2500]);
  });

  test("extra columns are allowed and their order does not matter", () => {
    const leerlingen = `woongemeente;opmerking;geboortemaand;peildatum;school_id;leerling_id
Heuvelrug;nieuw;03-2010;01-10-2018;0012;007
Heuvelrug;;03-2010;01-10-2019;0012;007
`;
    const {dataset} = loadDataset(folder({leerlingen, trajecten: TRAJECTEN.split("\n").slice(0, 3).join("\n")}));
    expect(dataset.enrolments).toEqual([
      {pupilId: "007", schoolId: "0012", date: "2018-10-01", year: 2018, birthMonth: "2010-03", municipality: "Heuvelrug"},
      {pupilId: "007", schoolId: "0012", date: "2019-10-01", year: 2019, birthMonth: "2010-03", municipality: "Heuvelrug"}
    ]);
  });
});

const BASE = {scholen: SCHOLEN, leerlingen: LEERLINGEN, zorgvormen: ZORGVORMEN, trajecten: TRAJECTEN};

// Each case appends rows to one valid file; the rows land on the lines right after the fixture's.
const appendedRowCases: {name: string; file: keyof typeof BASE; rows: string[]; expected: string[]}[] = [
  {
    name: "an impossible end date",
    file: "trajecten",
    rows: ["T6;007;54;54001;Aanbieder A;01-01-2019;31-02-2019;10"],
    expected: ['trajecten.csv, regel 7, kolom "einddatum": "31-02-2019" is geen geldige datum (verwacht dd-mm-jjjj).']
  },
  {
    name: "an end date before the start date",
    file: "trajecten",
    rows: ["T6;007;54;54001;Aanbieder A;01-03-2019;28-02-2019;10"],
    expected: ['trajecten.csv, regel 7, kolom "einddatum": "28-02-2019" ligt vóór de begindatum (01-03-2019).']
  },
  {
    name: "a negative cost and an unreadable amount",
    file: "trajecten",
    rows: ["T6;007;54;54001;Aanbieder A;01-03-2019;;-125,00", "T7;007;54;54001;Aanbieder A;01-03-2019;;twaalf"],
    expected: [
      'trajecten.csv, regel 7, kolom "kosten": "-125,00" is negatief; verwacht 0 of meer.',
      'trajecten.csv, regel 8, kolom "kosten": "twaalf" is geen geldig bedrag (verwacht bijvoorbeeld 1234,56 of 1.234,56).'
    ]
  },
  {
    name: "an unknown school, also when it differs only by leading zeros",
    file: "leerlingen",
    rows: ["L4;12;01-10-2019;05-2012;Heuvelrug"],
    expected: ['leerlingen.csv, regel 6, kolom "school_id": "12" staat niet in scholen.csv.']
  },
  {
    name: "a duplicate traject_id",
    file: "trajecten",
    rows: ["T2;007;54;54001;Aanbieder A;01-03-2019;;10"],
    expected: ['trajecten.csv, regel 7, kolom "traject_id": "T2" komt dubbel voor (ook op regel 3).']
  },
  {
    name: "a duplicate school_id",
    file: "scholen",
    rows: ["0012;De Linde 2;Bestuur A;openbaar;;hoog;1;nee;;;;"],
    expected: ['scholen.csv, regel 4, kolom "school_id": "0012" komt dubbel voor (ook op regel 2).']
  },
  {
    name: "a pupil twice in the same year, at the same school or at two schools",
    file: "leerlingen",
    rows: ["007;0012;01-10-2019;03-2010;Heuvelrug", "L2;0012;02-10-2019;11-2011;Heuvelrug"],
    expected: [
      'leerlingen.csv, regel 6, kolom "leerling_id": "007" staat twee keer in peiljaar 2019 (ook op regel 3).',
      'leerlingen.csv, regel 7, kolom "leerling_id": "L2" staat in peiljaar 2019 op twee scholen: 0034 (ook op regel 4) en 0012.'
    ]
  },
  {
    // The 2018 row of 007 is not the pupil's latest (2019 is): the check must look further back.
    name: "a pupil twice in an earlier year than its latest",
    file: "leerlingen",
    rows: ["007;0034;01-10-2018;03-2010;Heuvelrug"],
    expected: ['leerlingen.csv, regel 6, kolom "leerling_id": "007" staat in peiljaar 2018 op twee scholen: 0012 (ook op regel 2) en 0034.']
  },
  {
    name: "a product without a mapping in zorgvormen.csv",
    file: "trajecten",
    rows: ["T6;007;54;54009;Aanbieder A;01-03-2019;;10", "T7;007;41;;Aanbieder C;01-03-2019;;10"],
    expected: [
      'trajecten.csv, regel 7, kolom "productcode": "54009" heeft geen zorgvorm: voeg productcategorie 54, productcode 54009 toe aan zorgvormen.csv.',
      'trajecten.csv, regel 8, kolom "productcategorie": "41" heeft geen zorgvorm: voeg productcategorie 41 toe aan zorgvormen.csv.'
    ]
  },
  {
    name: "a mapping to a care type that instellingen.json does not declare, and a mapping listed twice",
    file: "zorgvormen",
    rows: ["43;;verblijf", "45;;ggz"],
    expected: [
      'zorgvormen.csv, regel 5, kolom "zorgvorm": "verblijf" is geen zorgvorm uit careTypes in instellingen.json (ggz, dyslexie, begeleiding).',
      'zorgvormen.csv, regel 6, kolom "productcode": "45 (hele categorie)" komt dubbel voor (ook op regel 4).'
    ]
  },
  {
    name: "interview answers for a school that did not take part",
    file: "scholen",
    rows: ["0056;De Eik;Bestuur B;openbaar;;hoog;1;nee;2;;;"],
    expected: [
      'scholen.csv, regel 4, kolom "aantal_ib": "2" is ingevuld, maar deelname_interview is nee; laat dit leeg of zet deelname_interview op ja.'
    ]
  },
  {
    name: "an empty required cell",
    file: "scholen",
    rows: ["0056;De Eik;;openbaar;;hoog;1;nee;;;;"],
    expected: ['scholen.csv, regel 4, kolom "bestuur" is leeg, maar dit veld is verplicht.']
  }
];

describe("errors name file, line, column and value", () => {
  test.each(appendedRowCases)("$name", ({file, rows, expected}) => {
    expect(messages(folder({[file]: withLines(BASE[file], ...rows)}))).toEqual(expected);
  });

  test("a missing required column lists the columns that were found", () => {
    const leerlingen = "leerling_id;school_id;geboortemaand;woongemeente\n007;0012;03-2010;Heuvelrug\n";
    expect(messages(folder({leerlingen}))).toEqual([
      'leerlingen.csv, kolom "peildatum" ontbreekt (gevonden kolommen: leerling_id, school_id, geboortemaand, woongemeente).'
    ]);
  });

  test("an end date on the start date is a one-day trajectory, not an error", () => {
    const trajecten = withLines(TRAJECTEN, "T6;007;54;54001;Aanbieder A;01-03-2019;01-03-2019;10");
    expect(loadDataset(folder({trajecten})).dataset.trajectories.at(-1)).toMatchObject({start: "2019-03-01", end: "2019-03-01"});
  });

  test("every error of every file is collected before the build stops, in file order", () => {
    const trajecten = withLines(TRAJECTEN, "T6;007;54;54001;Aanbieder A;1-13-2019;;10");
    const leerlingen = withLines(LEERLINGEN, "L4;9999;01-10-2019;05-2012;Heuvelrug");
    const instellingen = settingsWith({years: [2017, 2019]});
    expect(messages({...folder({trajecten, leerlingen}), instellingen})).toEqual([
      'instellingen.json, veld "years": "[2017,2019]" moeten opeenvolgende jaren zijn, oplopend, zoals [2017, 2018, 2019].',
      'leerlingen.csv, regel 6, kolom "school_id": "9999" staat niet in scholen.csv.',
      'trajecten.csv, regel 7, kolom "begindatum": "1-13-2019" is geen geldige datum (verwacht dd-mm-jjjj).'
    ]);
  });

  test("a bad row is reported but does not make its school look unknown elsewhere", () => {
    const scholen = withLines(SCHOLEN, "0056;De Eik;Bestuur B;openbaar;;zeer hoog;1;nee;;;;");
    const leerlingen = withLines(LEERLINGEN, "L4;0056;01-10-2019;05-2012;Heuvelrug");
    expect(messages(folder({scholen, leerlingen}))).toEqual([
      'scholen.csv, regel 4, kolom "ses_wijk": "zeer hoog" is geen geldige waarde (kies uit: laag, midden, hoog).'
    ]);
  });
});

describe("instellingen.json", () => {
  test("costBands must start at 0 and rise", () => {
    expect(messages(folder({instellingen: settingsWith({costBands: [100, 50]})}))).toEqual([
      'instellingen.json, veld "costBands": "[100,50]" moeten oplopen en beginnen bij 0, zoals [0, 10000, 20000].'
    ]);
  });

  test("the dyslexia care type and every dbc pair must be declared care types", () => {
    const dbc = {...settings.dbc, equivalentCareTypes: [["ggz", "dyslexia"]]};
    expect(messages(folder({instellingen: settingsWith({dyslexiaCareType: "ed", dbc})}))).toEqual([
      'instellingen.json, veld "dyslexiaCareType": "ed" is geen zorgvorm uit careTypes (ggz, dyslexie, begeleiding).',
      'instellingen.json, veld "dbc.equivalentCareTypes[0][1]": "dyslexia" is geen zorgvorm uit careTypes (ggz, dyslexie, begeleiding).'
    ]);
  });

  test("missing fields, wrong types and bad choices are Dutch, never zod's English", () => {
    const {municipality: _, ...rest} = settings;
    const instellingen = JSON.stringify({...rest, statusRuleMonths: "zes", youthCareDefinition: "ooit", suppression: {minCount: 0}});
    expect(messages(folder({instellingen}))).toEqual([
      'instellingen.json, veld "municipality" ontbreekt.',
      'instellingen.json, veld "statusRuleMonths": "zes" moet een getal zijn.',
      'instellingen.json, veld "youthCareDefinition": "ooit" moet een van deze waarden zijn: "started", "active".',
      'instellingen.json, veld "suppression.minCount": "0" moet 1 of meer zijn.'
    ]);
  });

  test("syntheticData is optional and false unless a folder says it is made up", () => {
    const {syntheticData: _, ...rest} = settings as typeof settings & {syntheticData?: boolean};
    expect(loadDataset(folder({instellingen: JSON.stringify(rest)})).dataset.settings.syntheticData).toBe(false);
    expect(loadDataset(folder({instellingen: settingsWith({syntheticData: true})})).dataset.settings.syntheticData).toBe(true);
  });

  test("cellKeySecret is optional, and when given at least 16 characters", () => {
    expect(loadDataset(folder({instellingen: settingsWith({cellKeySecret: "zestien tekens!!"})})).dataset.settings.cellKeySecret).toBe("zestien tekens!!");
    expect(messages(folder({instellingen: settingsWith({cellKeySecret: "kort"})}))).toEqual([
      'instellingen.json, veld "cellKeySecret": "kort" moet minstens 16 tekens lang zijn.'
    ]);
  });

  test("a JSON syntax error names the line", () => {
    const instellingen = '{\n  "municipality": "Heuvelrug",\n  "years": [2018 2019]\n}';
    expect(messages(folder({instellingen}))).toEqual([
      "instellingen.json, regel 3 is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes."
    ]);
  });

  test("comments (// and /* */) are allowed, as init writes them; a trailing comma is still an error", () => {
    const body = JSON.stringify(settings, null, 2).slice(1);
    const commented = `// Instellingen van Heuvelrug\n{\n  /* de drempel */ "suppression": {"minCount": 6}, // strenger\n${body}`;
    // Two suppression blocks would be a duplicate; the fixture's own one is dropped first.
    const text = commented.replace(/\n {2}"suppression": \{[^}]*\},/, "");
    expect(loadDataset(folder({instellingen: text})).dataset.settings.suppression.minCount).toBe(6);
    const trailing = '{\n  // jaren\n  "municipality": "Heuvelrug",\n}';
    expect(messages(folder({instellingen: trailing}))).toEqual([
      "instellingen.json, regel 4 is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes."
    ]);
  });

  test("a status date in dd-mm-jjjj is accepted, an impossible one is not", () => {
    expect(loadDataset(folder({instellingen: settingsWith({statusDate: "01-01-2020"})})).dataset.settings.statusDate).toBe("2020-01-01");
    expect(messages(folder({instellingen: settingsWith({statusDate: "2020-02-30"})}))).toEqual([
      'instellingen.json, veld "statusDate": "2020-02-30" is geen geldige datum (verwacht dd-mm-jjjj).'
    ]);
  });
});

describe("the error report", () => {
  const error = (line: number): InputError => ({file: "trajecten.csv", line, column: "kosten", value: "x", message: "is fout"});

  test("lists the first 20 errors and the total per file", () => {
    const errors = [...Array.from({length: 24}, (_, i) => error(i + 2)), {...error(2), file: "leerlingen.csv"}];
    const lines = formatInputErrors(errors).split("\n");
    expect(lines[0]).toBe("De invoerbestanden bevatten 25 fouten. Herstel de bestanden en start de build opnieuw.");
    expect(lines).toHaveLength(22);
    expect(lines[1]).toBe('- trajecten.csv, regel 2, kolom "kosten": "x" is fout.');
    expect(lines[21]).toBe("… en nog 5 (trajecten.csv: 24, leerlingen.csv: 1).");
  });

  test("InputErrors carries the formatted report as its message", () => {
    expect(new InputErrors([error(14)]).message).toBe(
      'De invoerbestanden bevatten 1 fout. Herstel de bestanden en start de build opnieuw.\n- trajecten.csv, regel 14, kolom "kosten": "x" is fout.'
    );
  });

  test("200.000 bad rows are all collected without overflowing the call stack", () => {
    const rows = Array.from({length: 200_000}, (_, i) => `X${i};007;54;54001;A;01-01-2019;;-1`);
    const trajecten = `${TRAJECTEN}${rows.join("\n")}\n`;
    const report = caught(folder({trajecten}));
    expect(report.errors).toHaveLength(200_000);
    expect(report.message).toContain("… en nog 199.980 (trajecten.csv: 200.000).");
  });
});

describe("the input folder", () => {
  const writeFolder = (files: Record<string, string | Buffer>) => {
    const dir = scratchFolder("nadere-ogen-");
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return dir;
  };

  test("NADERE_OGEN_DATA is resolved from the working directory, and data/default is the default", () => {
    expect(resolveDataDir({NADERE_OGEN_DATA: "mijn-gemeente"})).toBe(path.resolve("mijn-gemeente"));
    expect(resolveDataDir({})).toBe(path.resolve(import.meta.dirname, "../../data/default") + path.sep);
  });

  test("every missing file is named with the folder", () => {
    const dir = writeFolder({"scholen.csv": SCHOLEN, "zorgvormen.csv": ZORGVORMEN});
    expect(caught(() => readInputFolder(dir)).errors.map(formatInputError)).toEqual([
      `instellingen.json ontbreekt in de map ${dir}.`,
      `leerlingen.csv ontbreekt in de map ${dir}.`,
      `trajecten.csv ontbreekt in de map ${dir}.`
    ]);
  });

  test("a folder that does not exist is an error", () => {
    const dir = path.join(tmpdir(), "bestaat-niet-7f3a");
    expect(caught(() => readInputFolder(dir)).errors.map(formatInputError)).toEqual([
      `${dir} bestaat niet of is geen map; controleer NADERE_OGEN_DATA.`
    ]);
  });

  test("file names match without case and a Windows-1252 export is decoded, ’ – € included", () => {
    const naam = Buffer.from("school_id;naam\n0012;Caf\xe9 De L\xefnde \x92t \x96 \x80\n", "latin1");
    const dir = writeFolder({
      "Instellingen.json": "{}",
      "SCHOLEN.csv": naam,
      "leerlingen.csv": LEERLINGEN,
      "zorgvormen.csv": ZORGVORMEN,
      "Trajecten.CSV": "\ufeff" + TRAJECTEN
    });
    const texts = readInputFolder(dir);
    expect(Object.keys(texts).sort()).toEqual(Object.keys(INPUT_FILES).sort());
    expect(decodeInput(texts.scholen as Uint8Array)).toEqual({text: "school_id;naam\n0012;Café De Lïnde ’t – €\n", encoding: "Windows-1252"});
    expect(decodeInput(texts.leerlingen as Uint8Array)).toEqual({text: LEERLINGEN, encoding: "UTF-8"});
  });

  test("the default folder meets the contract", () => {
    const {dataset, scope} = loadDataset(readInputFolder(resolveDataDir({})));
    expect(dataset.schools.length).toBeGreaterThan(0);
    expect(scope.trajectoriesKept).toBe(dataset.trajectories.length);
  });
});
