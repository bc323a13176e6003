// Issue 14 item 6: bad input never becomes a wrong report. Every variant below is made in memory from
// one small, valid, invented folder and must end as either a Dutch error naming file, row, column and
// value, or a load with the documented, counted repair (or the encoding that was detected). The
// expected lines, columns and values are read off the fixture by hand and written out here.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import {afterAll, describe, expect, test} from "vitest";
import {loadDataset, type InputName, type InputTexts, type LoadedDataset} from "../../loaders/contract.js";
import {formatInputError, InputErrors, type InputError} from "../../loaders/errors.js";
import {readInputFolder} from "../../loaders/io.js";
import {formatQualityReport, type Repair} from "../../loaders/quality.js";
import {csvCell} from "../../src/lib/csv.js";
import {SCHOLEN, settings as SETTINGS, ZORGVORMEN} from "../helpers/inputFolder.js";

// Line numbers as an editor shows them: the header is line 1. L3 lives in Zeist (out of scope, counted).
const LEERLINGEN = `leerling_id;school_id;peildatum;geboortemaand;woongemeente
L1;0012;01-10-2018;03-2010;Heuvelrug
L1;0012;01-10-2019;03-2010;Heuvelrug
L2;0034;01-10-2018;11-2011;Heuvelrug
L2;0034;01-10-2019;11-2011;Heuvelrug
L3;0034;01-10-2019;05-2012;Zeist
`;

const TRAJECTEN = `traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten
T1;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;1234,56
T2;L1;45;45A02;Aanbieder B;15-03-2019;;800
T3;L2;54;54D01;Aanbieder A;01-09-2018;31-01-2019;2500,00
T4;L2;45;;Aanbieder B;01-02-2019;;100
`;

type Folder = Record<InputName, string | Uint8Array>;

function valid(): Folder {
  return {
    instellingen: JSON.stringify(SETTINGS, null, 2),
    scholen: SCHOLEN,
    leerlingen: LEERLINGEN,
    zorgvormen: ZORGVORMEN,
    trajecten: TRAJECTEN
  };
}

const CSV_COLUMNS = {
  scholen: SCHOLEN.split("\n")[0].split(";"),
  leerlingen: LEERLINGEN.split("\n")[0].split(";"),
  zorgvormen: ZORGVORMEN.split("\n")[0].split(";"),
  trajecten: TRAJECTEN.split("\n")[0].split(";")
} as const;
type CsvName = keyof typeof CSV_COLUMNS;

/** The fixture with one cell replaced: file, line (header = 1), column name, new text. */
function cell(name: CsvName, line: number, column: string, value: string): (folder: Folder) => void {
  return (folder) => {
    const lines = (folder[name] as string).split("\n");
    const cells = lines[line - 1].split(";");
    cells[CSV_COLUMNS[name].indexOf(column)] = value;
    lines[line - 1] = cells.join(";");
    folder[name] = lines.join("\n");
  };
}

const settings = (changes: Record<string, unknown>) => (folder: Folder) => {
  folder.instellingen = JSON.stringify({...SETTINGS, ...changes}, null, 2);
};
const text = (name: InputName, edit: (text: string) => string) => (folder: Folder) => {
  folder[name] = edit(folder[name] as string);
};
const headerOnly = (name: CsvName) => text(name, (csv) => `${csv.split("\n")[0]}\n`);
const encoded = (name: InputName, encoding: string, bom = true, edit: (text: string) => string = (t) => t) => (folder: Folder) => {
  folder[name] = iconv.encode(edit(folder[name] as string), encoding, {addBOM: bom});
};
const both = (...changes: ((folder: Folder) => void)[]) => (folder: Folder) => changes.forEach((change) => change(folder));

/** The 1-based line of the first line of `text` that contains `fragment` (for the JSON cases). */
const lineOf = (text: string, fragment: string, from = 0) => text.slice(0, text.indexOf(fragment, from)).split("\n").length;

function attempt(change: (folder: Folder) => void): {loaded: LoadedDataset | null; errors: readonly InputError[]} {
  const folder = valid();
  change(folder);
  try {
    return {loaded: loadDataset(folder as InputTexts), errors: []};
  } catch (error) {
    if (error instanceof InputErrors) return {loaded: null, errors: error.errors};
    throw error;
  }
}

interface ErrorCase {
  name: string;
  change: (folder: Folder) => void;
  /** file, line, column, value exactly; message: a part of the Dutch sentence. */
  error: {file: string; line: number | null; column: string | null; value: string | null; message: string};
}

const PRETTY_SETTINGS = JSON.stringify(SETTINGS, null, 2);
const DUPLICATE_SUPPRESSION = PRETTY_SETTINGS.replace('"dyslexiaCareType": "dyslexie"', '"dyslexiaCareType": "dyslexie",\n  "suppression": {"minCount": 1}');
const MIN_COUNT_TWICE = PRETTY_SETTINGS.replace('"minCount": 5', '"minCount": 5,\n    "minCount": 1');
const KEY_TWICE = PRETTY_SETTINGS.replace('"label": "GGZ"', '"label": "GGZ",\n      "key": "dyslexie"');
const settingsText = (json: string) => (folder: Folder) => {
  folder.instellingen = json;
};

const ERRORS: ErrorCase[] = [
  // Files with a header and nothing else.
  ...(["scholen", "leerlingen", "zorgvormen", "trajecten"] as const).map((name) => ({
    name: `${name}.csv with only a header`,
    change: headerOnly(name),
    error: {file: `${name}.csv`, line: 1, column: null, value: null, message: "heeft alleen een kopregel en geen gegevens"}
  })),
  // The municipality's name in the settings and in the files.
  {
    name: "municipality spelt differently in the settings",
    change: settings({municipality: "Heuvelrug-Oost"}),
    error: {file: "instellingen.json", line: null, column: "municipality", value: "Heuvelrug-Oost", message: 'komt in leerlingen.csv niet voor als woongemeente (wel: "Heuvelrug" (4), "Zeist" (1))'}
  },
  {
    name: "municipality spelt differently in leerlingen.csv",
    change: text("leerlingen", (csv) => csv.replaceAll(";Heuvelrug", ";Utrechtse Heuvelrug")),
    error: {file: "instellingen.json", line: null, column: "municipality", value: "Heuvelrug", message: '(wel: "Utrechtse Heuvelrug" (4), "Zeist" (1))'}
  },
  // Years in the settings without data.
  {
    name: "a settings year after the data",
    change: settings({years: [2018, 2019, 2020], statusDate: "2021-01-01"}),
    error: {
      file: "instellingen.json",
      line: null,
      column: "years[2]",
      value: "2020",
      message: "heeft geen leerlingen in leerlingen.csv (peildatum in 2020, wonend in Heuvelrug) en geen trajecten in trajecten.csv die in 2020 beginnen"
    }
  },
  {
    name: "a settings year before the data",
    change: settings({years: [2017, 2018, 2019]}),
    error: {file: "instellingen.json", line: null, column: "years[0]", value: "2017", message: "heeft geen leerlingen in leerlingen.csv (peildatum in 2017"}
  },
  {
    name: "a year with pupils but no trajectory starts",
    change: both(cell("trajecten", 3, "begindatum", "15-03-2018"), cell("trajecten", 5, "begindatum", "01-02-2018")),
    error: {file: "instellingen.json", line: null, column: "years[1]", value: "2019", message: "heeft geen trajecten in trajecten.csv die in 2019 beginnen"}
  },
  // New years with the old status date.
  {
    name: "new years, old statusDate",
    change: settings({years: [2019, 2020]}),
    error: {file: "instellingen.json", line: null, column: "statusDate", value: "2020-01-01", message: "ligt vóór het einde van het laatste jaar in years (31-12-2020)"}
  },
  {
    name: "statusDate inside the last year",
    change: settings({statusDate: "30-06-2019"}),
    error: {file: "instellingen.json", line: null, column: "statusDate", value: "30-06-2019", message: "ligt vóór het einde van het laatste jaar in years (31-12-2019)"}
  },
  // Birth months and ages.
  {
    name: "a birth month after the teldatum",
    change: cell("leerlingen", 2, "geboortemaand", "03-2019"),
    error: {file: "leerlingen.csv", line: 2, column: "geboortemaand", value: "03-2019", message: "ligt na de peildatum (01-10-2018)"}
  },
  {
    name: "a pupil aged 2",
    change: cell("leerlingen", 4, "geboortemaand", "05-2016"),
    error: {file: "leerlingen.csv", line: 4, column: "geboortemaand", value: "05-2016", message: "geeft een leeftijd van 2 jaar op de peildatum (01-10-2018); op de basisschool verwacht 3 tot en met 14 jaar"}
  },
  {
    name: "a pupil aged 19",
    change: cell("leerlingen", 5, "geboortemaand", "2000-05"),
    error: {file: "leerlingen.csv", line: 5, column: "geboortemaand", value: "2000-05", message: "geeft een leeftijd van 19 jaar"}
  },
  {
    name: "a pupil aged 0 (birth month in the teldatum's month)",
    change: cell("leerlingen", 3, "geboortemaand", "10-2019"),
    error: {file: "leerlingen.csv", line: 3, column: "geboortemaand", value: "10-2019", message: "geeft een leeftijd van 0 jaar"}
  },
  // Dates far in the past or the future.
  {
    name: "a teldatum before 1990",
    change: cell("leerlingen", 2, "peildatum", "01-10-1989"),
    error: {file: "leerlingen.csv", line: 2, column: "peildatum", value: "01-10-1989", message: "ligt vóór 01-01-1990; controleer het jaartal"}
  },
  {
    name: "a teldatum in 2099",
    change: cell("leerlingen", 3, "peildatum", "01-10-2099"),
    error: {file: "leerlingen.csv", line: 3, column: "peildatum", value: "01-10-2099", message: "ligt na 31-12-2025, te ver na de statusDate in instellingen.json"}
  },
  {
    name: "a begindatum in 2099",
    change: cell("trajecten", 3, "begindatum", "15-03-2099"),
    error: {file: "trajecten.csv", line: 3, column: "begindatum", value: "15-03-2099", message: "ligt na 31-12-2025"}
  },
  {
    name: "an einddatum in 2099",
    change: cell("trajecten", 2, "einddatum", "31-12-2099"),
    error: {file: "trajecten.csv", line: 2, column: "einddatum", value: "31-12-2099", message: "ligt na 31-12-2035"}
  },
  {
    name: "a begindatum in 1985",
    change: cell("trajecten", 4, "begindatum", "1985-09-01"),
    error: {file: "trajecten.csv", line: 4, column: "begindatum", value: "1985-09-01", message: "ligt vóór 01-01-1990"}
  },
  {
    name: "an impossible date",
    change: cell("trajecten", 2, "einddatum", "31-02-2018"),
    error: {file: "trajecten.csv", line: 2, column: "einddatum", value: "31-02-2018", message: "is geen geldige datum (verwacht dd-mm-jjjj)"}
  },
  {
    name: "an end before the start",
    change: cell("trajecten", 4, "einddatum", "31-08-2018"),
    error: {file: "trajecten.csv", line: 4, column: "einddatum", value: "31-08-2018", message: "ligt vóór de begindatum (01-09-2018)"}
  },
  // Amounts.
  {
    name: "a billion euros",
    change: cell("trajecten", 3, "kosten", "1.000.000.000,00"),
    error: {file: "trajecten.csv", line: 3, column: "kosten", value: "1.000.000.000,00", message: "is meer dan € 10.000.000 voor één traject; controleer het decimaalteken"}
  },
  {
    name: "three decimals with a comma",
    change: cell("trajecten", 2, "kosten", "1234,567"),
    error: {file: "trajecten.csv", line: 2, column: "kosten", value: "1234,567", message: "heeft meer dan twee cijfers achter de komma"}
  },
  {
    name: "three decimals with a point",
    change: cell("trajecten", 5, "kosten", "1000.125"),
    error: {file: "trajecten.csv", line: 5, column: "kosten", value: "1000.125", message: "heeft meer dan twee cijfers achter de komma"}
  },
  {
    name: "three decimals after a thousands point",
    change: cell("trajecten", 4, "kosten", "€ 2.500,000"),
    error: {file: "trajecten.csv", line: 4, column: "kosten", value: "€ 2.500,000", message: "heeft meer dan twee cijfers achter de komma"}
  },
  {
    name: "a thousands point in a file whose decimal mark is a point",
    change: both(cell("trajecten", 2, "kosten", "1234.56"), cell("trajecten", 4, "kosten", "2.500")),
    error: {file: "trajecten.csv", line: 4, column: "kosten", value: "2.500", message: 'is dubbelzinnig: op regel 2 ("1234.56") is de punt een decimaalteken'}
  },
  {
    name: "a negative amount",
    change: cell("trajecten", 3, "kosten", "-12,50"),
    error: {file: "trajecten.csv", line: 3, column: "kosten", value: "-12,50", message: "is negatief"}
  },
  // The same trajectory twice.
  {
    name: "the same trajectory under a new id",
    change: text("trajecten", (csv) => `${csv}T9;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;1234,56\n`),
    error: {file: "trajecten.csv", line: 6, column: "traject_id", value: "T9", message: "is hetzelfde traject als T1 op regel 2: alle kolommen behalve traject_id zijn gelijk"}
  },
  {
    name: "the same trajectory under a new id, amount written differently",
    change: text("trajecten", (csv) => `${csv}T10;L2;45;;Aanbieder B;01-02-2019;;100,00\n`),
    error: {file: "trajecten.csv", line: 6, column: "traject_id", value: "T10", message: "is hetzelfde traject als T4 op regel 5"}
  },
  {
    // These two providers give rows T8 and T9 the same 32-bit content hash (found by search): the
    // loader must compare the fields, keep both, and still find T10 as a copy of T9.
    name: "the same trajectory under a new id, behind a hash collision",
    change: text(
      "trajecten",
      (csv) =>
        csv +
        "T8;L2;45;;Aanbieder 1479599;01-02-2019;;100\n" +
        "T9;L2;45;;Aanbieder 1662382;01-02-2019;;100\n" +
        "T10;L2;45;;Aanbieder 1662382;01-02-2019;;100\n"
    ),
    error: {file: "trajecten.csv", line: 8, column: "traject_id", value: "T10", message: "is hetzelfde traject als T9 op regel 7"}
  },
  {
    name: "a traject_id twice",
    change: text("trajecten", (csv) => `${csv}T2;L2;45;;Aanbieder C;01-03-2019;;50\n`),
    error: {file: "trajecten.csv", line: 6, column: "traject_id", value: "T2", message: "komt dubbel voor (ook op regel 3)"}
  },
  // A title line above the header.
  {
    name: "a title above the header of leerlingen.csv",
    change: text("leerlingen", (csv) => `Export leerlingen Heuvelrug 2019\n${csv}`),
    error: {file: "leerlingen.csv", line: 1, column: null, value: "Export leerlingen Heuvelrug 2019", message: "staat boven de kopregel (regel 2)"}
  },
  {
    name: "Excel's sep=; above the header",
    change: text("trajecten", (csv) => `sep=;\r\n${csv}`),
    error: {file: "trajecten.csv", line: 1, column: null, value: "sep=;", message: "staat boven de kopregel (regel 2)"}
  },
  {
    name: "a title and an empty line above the header of scholen.csv",
    change: text("scholen", (csv) => `Scholen;;;\n\n${csv}`),
    error: {file: "scholen.csv", line: 1, column: null, value: "Scholen;;;", message: "staat boven de kopregel (regel 3)"}
  },
  // Duplicated keys in instellingen.json.
  {
    name: "a second suppression block",
    change: settingsText(DUPLICATE_SUPPRESSION),
    error: {
      file: "instellingen.json",
      line: lineOf(DUPLICATE_SUPPRESSION, '"suppression": {"minCount": 1}'),
      column: "suppression",
      value: null,
      message: `staat twee keer in het bestand (ook op regel ${lineOf(DUPLICATE_SUPPRESSION, '"suppression"')}); alleen de laatste zou gelden`
    }
  },
  {
    name: "minCount twice inside suppression",
    change: settingsText(MIN_COUNT_TWICE),
    error: {
      file: "instellingen.json",
      line: lineOf(MIN_COUNT_TWICE, '"minCount": 1'),
      column: "suppression.minCount",
      value: null,
      message: `staat twee keer in het bestand (ook op regel ${lineOf(MIN_COUNT_TWICE, '"minCount": 5')})`
    }
  },
  {
    name: "a key twice inside a list item",
    change: settingsText(KEY_TWICE),
    error: {
      file: "instellingen.json",
      line: lineOf(KEY_TWICE, '"key": "dyslexie"'),
      column: "careTypes[0].key",
      value: null,
      message: `staat twee keer in het bestand (ook op regel ${lineOf(KEY_TWICE, '"key": "ggz"')})`
    }
  },
  // Settings that weaken privacy.
  {
    name: "minCount below the default without confirmation",
    change: settings({suppression: {minCount: 3}}),
    error: {file: "instellingen.json", line: null, column: "suppression.minCount", value: "3", message: 'is lager dan de standaard (5): dan komen kleinere aantallen op de site. Is dat de bedoeling, zet dan "confirmLowerMinCount": true in suppression'}
  },
  {
    name: "auditWidth below minCount without confirmation",
    change: settings({suppression: {minCount: 5, auditWidth: 2}}),
    error: {file: "instellingen.json", line: null, column: "suppression.auditWidth", value: "2", message: "is lager dan de standaard (5)"}
  },
  {
    name: "confirmation that is not true",
    change: settings({suppression: {minCount: 2, confirmLowerMinCount: "ja"}}),
    error: {file: "instellingen.json", line: null, column: "suppression.confirmLowerMinCount", value: "ja", message: "moet true of false zijn"}
  },
  // NUL characters.
  {
    name: "a NUL in a provider",
    change: cell("trajecten", 2, "aanbieder", "Aanbieder\u0000A"),
    error: {file: "trajecten.csv", line: 2, column: "aanbieder", value: "Aanbieder\u0000A", message: "bevat een NUL-teken (U+0000)"}
  },
  {
    name: "a NUL in a school code",
    change: cell("leerlingen", 5, "school_id", "0034\u0000"),
    error: {file: "leerlingen.csv", line: 5, column: "school_id", value: "0034\u0000", message: "bevat een NUL-teken"}
  },
  // Rows that break the contract in the ordinary ways, as a control.
  {
    name: "a school that is not in scholen.csv",
    change: cell("leerlingen", 4, "school_id", "0099"),
    error: {file: "leerlingen.csv", line: 4, column: "school_id", value: "0099", message: "staat niet in scholen.csv"}
  },
  {
    name: "a month that does not exist",
    change: cell("leerlingen", 2, "geboortemaand", "13-2010"),
    error: {file: "leerlingen.csv", line: 2, column: "geboortemaand", value: "13-2010", message: "is geen geldige maand"}
  },
  {
    name: "a product without a care type",
    change: cell("trajecten", 4, "productcategorie", "41"),
    error: {file: "trajecten.csv", line: 4, column: "productcode", value: "54D01", message: "heeft geen zorgvorm"}
  },
  {
    name: "a missing column",
    change: text("zorgvormen", (csv) => csv.replace("zorgvorm\n", "soort\n")),
    error: {file: "zorgvormen.csv", line: null, column: "zorgvorm", value: null, message: "ontbreekt (gevonden kolommen: productcategorie, productcode, soort)"}
  }
];

describe("malformed exports stop with a Dutch error naming file, row, column and value", () => {
  test.each(ERRORS)("$name", ({change, error}) => {
    const {loaded, errors} = attempt(change);
    expect(loaded).toBeNull();
    const {message, ...where} = error;
    const found = errors.find((e) => e.file === where.file && e.column === where.column && e.line === where.line);
    expect(found, errors.map(formatInputError).join("\n")).toMatchObject(where);
    expect(found!.message).toContain(message);
  });

  test("the message people read names the invisible character", () => {
    const {errors} = attempt(cell("trajecten", 2, "aanbieder", "Aanbieder\u0000A"));
    expect(errors.map(formatInputError)).toContain(
      'trajecten.csv, regel 2, kolom "aanbieder": "Aanbieder<U+0000>A" bevat een NUL-teken (U+0000); dat hoort niet in een tekstbestand. Exporteer het bestand opnieuw als CSV.'
    );
  });
});

interface LoadCase {
  name: string;
  change: (folder: Folder) => void;
  check: (loaded: LoadedDataset) => void;
}

const repairOf = (loaded: LoadedDataset, file: string, rule: Repair["rule"]) => loaded.quality.repairs.find((r) => r.file === file && r.rule === rule);
const encodingOf = (loaded: LoadedDataset, file: string) => loaded.quality.files.find((f) => f.file === file)?.encoding;

const LOADS: LoadCase[] = [
  // Encodings: detected, decoded, reported.
  {
    name: "trajecten.csv in Windows-1252 with ’ – €",
    change: both(cell("trajecten", 2, "aanbieder", "Zorg’s – € A"), encoded("trajecten", "win1252", false)),
    check: (loaded) => {
      expect(loaded.dataset.trajectories.find((t) => t.id === "T1")?.provider).toBe("Zorg’s – € A");
      expect(encodingOf(loaded, "trajecten.csv")).toBe("Windows-1252");
    }
  },
  {
    name: "scholen.csv in UTF-16 LE with BOM (Notepad's 'Unicode')",
    change: both(cell("scholen", 2, "naam", "Café ’t Linde"), encoded("scholen", "utf16le")),
    check: (loaded) => {
      expect(loaded.dataset.schools[0].name).toBe("Café ’t Linde");
      expect(encodingOf(loaded, "scholen.csv")).toBe("UTF-16 LE");
    }
  },
  {
    name: "scholen.csv in UTF-16 BE with BOM",
    change: encoded("scholen", "utf16be"),
    check: (loaded) => expect([encodingOf(loaded, "scholen.csv"), loaded.dataset.schools.length]).toEqual(["UTF-16 BE", 2])
  },
  {
    name: "leerlingen.csv in UTF-16 LE without BOM",
    change: encoded("leerlingen", "utf16le", false),
    check: (loaded) => expect([encodingOf(loaded, "leerlingen.csv"), loaded.dataset.enrolments.length]).toEqual(["UTF-16 LE", 4])
  },
  {
    name: "zorgvormen.csv in UTF-16 BE without BOM",
    change: encoded("zorgvormen", "utf16be", false),
    check: (loaded) => expect([encodingOf(loaded, "zorgvormen.csv"), loaded.dataset.productMappings.length]).toEqual(["UTF-16 BE", 3])
  },
  {
    name: "trajecten.csv in UTF-8 with BOM",
    change: encoded("trajecten", "utf8"),
    check: (loaded) => expect([encodingOf(loaded, "trajecten.csv"), loaded.dataset.trajectories.length]).toEqual(["UTF-8 met BOM", 4])
  },
  {
    name: "instellingen.json in UTF-16 LE with BOM",
    change: encoded("instellingen", "utf16le"),
    check: (loaded) => expect([encodingOf(loaded, "instellingen.json"), loaded.dataset.settings.municipality]).toEqual(["UTF-16 LE", "Heuvelrug"])
  },
  {
    name: "a municipality with ’ in Windows-1252, in the settings and in leerlingen.csv",
    change: both(
      settings({municipality: "’s-Heuvelrug"}),
      text("leerlingen", (csv) => csv.replaceAll(";Heuvelrug", ";’s-Heuvelrug")),
      encoded("instellingen", "win1252", false),
      encoded("leerlingen", "win1252", false)
    ),
    check: (loaded) => {
      expect(loaded.dataset.enrolments.length).toBe(4);
      expect([encodingOf(loaded, "instellingen.json"), encodingOf(loaded, "leerlingen.csv")]).toEqual(["Windows-1252", "Windows-1252"]);
    }
  },
  // Invisible characters: removed, counted, first example kept.
  {
    name: "a zero-width space in a pupil id (the pupil's care would be lost)",
    change: cell("trajecten", 2, "leerling_id", "L\u200b1"),
    check: (loaded) => {
      expect(loaded.dataset.trajectories.filter((t) => t.pupilId === "L1").length).toBe(2);
      expect(repairOf(loaded, "trajecten.csv", "invisible")).toEqual({
        file: "trajecten.csv",
        rule: "invisible",
        count: 1,
        first: {line: 2, column: "leerling_id", value: "L\u200b1", repaired: "L1"}
      });
    }
  },
  {
    name: "a hard space in a provider (an extra provider)",
    change: both(cell("trajecten", 2, "aanbieder", "Aanbieder\u00a0A"), cell("trajecten", 4, "aanbieder", "Aanbieder\u00a0A")),
    check: (loaded) => {
      expect(new Set(loaded.dataset.trajectories.map((t) => t.provider))).toEqual(new Set(["Aanbieder A", "Aanbieder B"]));
      expect(repairOf(loaded, "trajecten.csv", "nbsp")).toEqual({
        file: "trajecten.csv",
        rule: "nbsp",
        count: 2,
        first: {line: 2, column: "aanbieder", value: "Aanbieder\u00a0A", repaired: "Aanbieder A"}
      });
    }
  },
  {
    name: "a narrow no-break space in a woongemeente",
    change: cell("leerlingen", 3, "woongemeente", "Heuvelrug\u202f"),
    check: (loaded) => {
      expect(loaded.dataset.enrolments.length).toBe(4);
      expect(repairOf(loaded, "leerlingen.csv", "nbsp")?.count).toBe(1);
    }
  },
  {
    name: "a BOM inside a school name",
    change: cell("scholen", 3, "naam", "De\ufeff Es"),
    check: (loaded) => {
      expect(loaded.dataset.schools[1].name).toBe("De Es");
      expect(repairOf(loaded, "scholen.csv", "invisible")?.first).toEqual({line: 3, column: "naam", value: "De\ufeff Es", repaired: "De Es"});
    }
  },
  {
    name: "a zero-width joiner in a woongemeente (the pupil would be out of scope)",
    change: cell("leerlingen", 4, "woongemeente", "Heuvel\u200drug"),
    check: (loaded) => {
      expect(loaded.scope.enrolmentsOutsideMunicipality).toBe(1);
      expect(repairOf(loaded, "leerlingen.csv", "invisible")?.count).toBe(1);
    }
  },
  {
    name: "a zero-width non-joiner in a school code",
    change: cell("leerlingen", 5, "school_id", "00\u200c34"),
    check: (loaded) => expect(repairOf(loaded, "leerlingen.csv", "invisible")?.first).toEqual({line: 5, column: "school_id", value: "00\u200c34", repaired: "0034"})
  },
  {
    name: "a soft hyphen in a provider",
    change: cell("trajecten", 3, "aanbieder", "Aan\u00adbieder B"),
    check: (loaded) => expect(new Set(loaded.dataset.trajectories.map((t) => t.provider)).size).toBe(2)
  },
  {
    name: "a zero-width space in a column name",
    change: text("leerlingen", (csv) => csv.replace("school_id;", "school_id\u200b;")),
    check: (loaded) =>
      expect(repairOf(loaded, "leerlingen.csv", "invisible")?.first).toEqual({line: 1, column: "kopregel", value: "school_id\u200b", repaired: "school_id"})
  },
  {
    name: "both repairs in one file, counted per rule",
    change: both(cell("trajecten", 2, "aanbieder", "Aanbieder\u00a0A\u200b"), cell("trajecten", 5, "aanbieder", "Aanbieder\u00a0B")),
    check: (loaded) => {
      expect(repairOf(loaded, "trajecten.csv", "invisible")?.count).toBe(1);
      expect(repairOf(loaded, "trajecten.csv", "nbsp")?.count).toBe(2);
    }
  },
  // Documented readings and warnings.
  {
    name: "a thousands point in a file with decimal commas reads as thousands",
    change: cell("trajecten", 4, "kosten", "12.500"),
    check: (loaded) => expect(loaded.dataset.trajectories.find((t) => t.id === "T3")?.cost).toBe(12500)
  },
  {
    name: "two trajectories that differ only in cost are two trajectories",
    change: text("trajecten", (csv) => `${csv}T9;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;99\n`),
    check: (loaded) => expect(loaded.dataset.trajectories.length).toBe(5)
  },
  {
    name: "two different trajectories with the same content hash are both kept",
    change: text("trajecten", (csv) => `${csv}T8;L2;45;;Aanbieder 1479599;01-02-2019;;100\nT9;L2;45;;Aanbieder 1662382;01-02-2019;;100\n`),
    check: (loaded) => expect(loaded.dataset.trajectories.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T8", "T9"])
  },
  {
    name: "a school without any pupils is a warning",
    change: text("scholen", (csv) => `${csv}0056;De Eik;Bestuur B;openbaar;;hoog;1;nee;;;;\n`),
    check: (loaded) =>
      expect(loaded.quality.warnings.map(formatInputError)).toEqual([
        'scholen.csv, regel 4, kolom "school_id": "0056" (De Eik) heeft in geen enkel jaar leerlingen in leerlingen.csv die in Heuvelrug wonen; de school ontbreekt in het rapport.'
      ])
  },
  {
    name: "a school without pupils in one year is a warning",
    change: text("leerlingen", (csv) => csv.replace("L2;0034;01-10-2018;11-2011;Heuvelrug\n", "")),
    check: (loaded) =>
      expect(loaded.quality.warnings).toEqual([
        {
          file: "scholen.csv",
          line: 3,
          column: "school_id",
          value: "0034",
          message: "(De Es) heeft in 2018 geen leerlingen in leerlingen.csv die in Heuvelrug wonen; de school ontbreekt in die jaren in het rapport"
        }
      ])
  },
  {
    name: "a confirmed lower minCount loads and is logged as a warning",
    change: settings({suppression: {minCount: 3, confirmLowerMinCount: true}}),
    check: (loaded) => {
      expect(loaded.dataset.settings.suppression.minCount).toBe(3);
      expect(loaded.quality.warnings.map(formatInputError)).toEqual([
        'instellingen.json, veld "suppression.minCount": "3" is lager dan de standaard (5), bevestigd met confirmLowerMinCount: kleinere aantallen komen op de site.'
      ]);
    }
  },
  {
    name: "a formula in a school name loads as text (neutralised where CSVs are written)",
    change: cell("scholen", 2, "naam", '=HYPERLINK("http://x.example","klik")'),
    check: (loaded) => {
      const name = loaded.dataset.schools[0].name;
      expect(name).toBe('=HYPERLINK("http://x.example","klik")');
      expect(csvCell(name)).toBe(`"'=HYPERLINK(""http://x.example"",""klik"")"`);
    }
  }
];

describe("input that loads: detected encodings, counted repairs, documented readings", () => {
  test("the fixture itself loads without repairs or warnings", () => {
    const {loaded} = attempt(() => {});
    expect(loaded!.dataset.trajectories.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4"]);
    expect(loaded!.quality.repairs).toEqual([]);
    expect(loaded!.quality.warnings).toEqual([]);
    expect(loaded!.quality.files.find((f) => f.file === "trajecten.csv")).toEqual({file: "trajecten.csv", encoding: null, rowsRead: 4, rowsAccepted: 4});
    // L3 lives in Zeist: 2 resident pupils a year; T1 and T3 start in 2018, T2 and T4 in 2019.
    expect(loaded!.quality.coverage).toEqual([
      {year: 2018, pupils: 2, trajectoriesStarted: 2},
      {year: 2019, pupils: 2, trajectoriesStarted: 2}
    ]);
    expect(loaded!.quality.dates).toEqual({
      peildatum: ["2018-10-01", "2019-10-01"],
      begindatum: ["2018-01-01", "2019-03-15"],
      einddatum: ["2018-06-30", "2019-01-31"]
    });
  });

  test.each(LOADS)("$name", ({change, check}) => {
    const {loaded, errors} = attempt(change);
    expect(errors.map(formatInputError)).toEqual([]);
    check(loaded!);
  });
});

describe("CSV downloads neutralise formulas (src/lib/csv.ts csvCell)", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+31 6 12345678", "'+31 6 12345678"],
    ["-Aanbieder", "'-Aanbieder"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tverborgen", "'\tverborgen"],
    ["\r=1", "\"'\r=1\""],
    ["-3", "-3"],
    ["+2,5%", "+2,5%"],
    ["++", "++"],
    ["--", "--"],
    ["+++", "'+++"],
    ["-1+2", "'-1+2"],
    ["De Linde", "De Linde"]
  ])("%j → %j", (value, written) => expect(csvCell(value)).toBe(written));
});

describe("the input folder itself", () => {
  const root = mkdtempSync(path.join(tmpdir(), "nadere-ogen-folder-"));
  afterAll(() => rmSync(root, {recursive: true, force: true}));
  const folderWith = (name: string, extra: (dir: string) => void) => {
    const dir = path.join(root, name);
    mkdirSync(dir);
    const files = valid();
    for (const [key, content] of Object.entries(files)) writeFileSync(path.join(dir, key === "instellingen" ? "instellingen.json" : `${key}.csv`), content);
    extra(dir);
    return dir;
  };
  const folderErrors = (dir: string) => {
    try {
      readInputFolder(dir);
    } catch (error) {
      if (error instanceof InputErrors) return error.errors.map(formatInputError);
      throw error;
    }
    return [];
  };

  test("leerlingen.csv and Leerlingen.csv side by side", () => {
    const dir = folderWith("hoofdletters", (d) => writeFileSync(path.join(d, "Leerlingen.csv"), LEERLINGEN));
    expect(folderErrors(dir)).toEqual([
      "leerlingen.csv staat 2 keer in de map, alleen verschillend in hoofdletters (Leerlingen.csv, leerlingen.csv); verwijder of hernoem de bestanden die niet gelezen moeten worden."
    ]);
  });

  test("a folder where trajecten.csv should be", () => {
    const dir = folderWith("map", (d) => {
      rmSync(path.join(d, "trajecten.csv"));
      mkdirSync(path.join(d, "Trajecten.csv"));
    });
    expect(folderErrors(dir)).toEqual([`Trajecten.csv is een map, geen bestand; zet het bestand zelf in ${dir}.`]);
  });

  test("a folder read from disk reports each file's encoding", () => {
    const dir = folderWith("tekensets", (d) => writeFileSync(path.join(d, "scholen.csv"), iconv.encode(SCHOLEN, "utf16le", {addBOM: true})));
    const {quality} = loadDataset(readInputFolder(dir));
    expect(quality.files.map((f) => [f.file, f.encoding])).toEqual([
      ["instellingen.json", "UTF-8"],
      ["scholen.csv", "UTF-16 LE"],
      ["leerlingen.csv", "UTF-8"],
      ["zorgvormen.csv", "UTF-8"],
      ["trajecten.csv", "UTF-8"]
    ]);
  });
});

test("the build log states encodings, rows, coverage, dates, repairs and warnings in Dutch", () => {
  const {loaded} = attempt(both(cell("trajecten", 2, "aanbieder", "Aanbieder\u00a0A"), encoded("scholen", "utf16le")));
  expect(formatQualityReport(loaded!.quality)).toBe(
    [
      "Gelezen bestanden:",
      "- instellingen.json: tekenset al gelezen als tekst",
      "- scholen.csv: tekenset UTF-16 LE, 2 rijen gelezen, 2 geldig",
      "- leerlingen.csv: tekenset al gelezen als tekst, 5 rijen gelezen, 5 geldig",
      "- zorgvormen.csv: tekenset al gelezen als tekst, 3 rijen gelezen, 3 geldig",
      "- trajecten.csv: tekenset al gelezen als tekst, 4 rijen gelezen, 4 geldig",
      "Per jaar (inwoners): 2018: 2 leerlingen, 2 trajecten met die begindatum; 2019: 2 leerlingen, 2 trajecten met die begindatum.",
      "Datums: peildatum 01-10-2018 t/m 01-10-2019; begindatum 01-01-2018 t/m 15-03-2019; einddatum 30-06-2018 t/m 31-01-2019.",
      "Herstellingen (automatisch, zie data/README.md):",
      '- trajecten.csv: 1 cel, harde spatie (U+00A0, U+202F) vervangen door een gewone spatie; eerste: regel 2, kolom "aanbieder": "Aanbieder<U+00A0>A" → "Aanbieder A"'
    ].join("\n")
  );
});
