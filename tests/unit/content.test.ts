// Issue 14: the engine apart from a study's content. The interview and factor columns of scholen.csv
// may be left out (then the site has no factor analysis and no interviews), but not half filled; the
// content folder (inhoud/) supplies identity, chapters and passages (the templates that use them:
// pageTemplate.test.ts).
import path from "node:path";
import {describe, expect, test} from "vitest";
import {loadDataset, type InputTexts} from "../../loaders/contract.js";
import {pageFlags, parseContent, siteTitle} from "../../loaders/content.js";
import {formatInputError, InputErrors} from "../../loaders/errors.js";
import {readContentFolder, readInputFolder} from "../../loaders/io.js";
import {dataParts} from "../../loaders/site.js";
import {settings, ZORGVORMEN} from "../helpers/inputFolder.js";

const LEERLINGEN = `leerling_id;school_id;peildatum;geboortemaand;woongemeente
L1;0012;01-10-2018;03-2010;Heuvelrug
L1;0012;01-10-2019;03-2010;Heuvelrug
L2;0034;01-10-2018;11-2011;Heuvelrug
L2;0034;01-10-2019;11-2011;Heuvelrug
`;
const TRAJECTEN = `traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten
T1;L1;54;54001;Aanbieder A;01-01-2018;30-06-2018;100
T2;L2;45;;Aanbieder B;15-03-2019;;800
`;

function load(scholen: string) {
  const texts: InputTexts = {instellingen: JSON.stringify(settings), scholen, leerlingen: LEERLINGEN, zorgvormen: ZORGVORMEN, trajecten: TRAJECTEN};
  return loadDataset(texts);
}

function errorsOf(scholen: string): string[] {
  try {
    load(scholen);
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map(formatInputError);
    throw error;
  }
  return [];
}

describe("scholen.csv without the study's columns", () => {
  test("loads with only the five school columns; factors and interviews are absent, not false", () => {
    const {dataset} = load("school_id;naam;bestuur;denominatie;concept\n0012;De Linde;Bestuur A;openbaar;\n0034;De Es;Bestuur B;katholiek;\n");
    expect(dataset.schools.map((s) => [s.sesNeighbourhood, s.sotTrajectories, s.participated, s.ibCount])).toEqual([
      [null, null, null, null],
      [null, null, null, null]
    ]);
    expect(dataParts(dataset)).toEqual({factors: false, interviews: false, synthetic: false});
  });

  test("factor columns without interview columns: factors present, interviews absent", () => {
    const {dataset} = load("school_id;naam;bestuur;denominatie;concept;ses_wijk;sot_trajecten\n0012;De Linde;A;openbaar;;laag;3\n0034;De Es;B;katholiek;;hoog;0\n");
    expect(dataset.schools.map((s) => [s.sesNeighbourhood, s.sotTrajectories, s.participated])).toEqual([
      ["laag", 3, null],
      ["hoog", 0, null]
    ]);
    expect(dataParts(dataset)).toMatchObject({factors: true, interviews: false});
  });

  test("a column that is there but empty in one row names file, row and column", () => {
    expect(errorsOf("school_id;naam;bestuur;denominatie;concept;ses_wijk;sot_trajecten\n0012;De Linde;A;openbaar;;laag;3\n0034;De Es;B;katholiek;;;0\n")).toEqual([
      'scholen.csv, regel 3, kolom "ses_wijk" is leeg; vul de kolom bij elke school in, of laat de kolom helemaal weg (dan vervalt de analyse van factoren).'
    ]);
  });

  test("ses_wijk without sot_trajecten is an error: the factors need both", () => {
    expect(errorsOf("school_id;naam;bestuur;denominatie;concept;ses_wijk\n0012;De Linde;A;openbaar;;laag\n0034;De Es;B;katholiek;;hoog\n")).toEqual([
      'scholen.csv, kolom "sot_trajecten" ontbreekt, maar ses_wijk staat er wel; deze kolommen horen samen: geef ze allemaal, of laat ze allemaal weg.'
    ]);
  });

  test("interview answers without deelname_interview are an error on their row", () => {
    expect(errorsOf("school_id;naam;bestuur;denominatie;concept;aantal_ib\n0012;De Linde;A;openbaar;;2\n0034;De Es;B;katholiek;;\n")).toEqual([
      'scholen.csv, regel 2, kolom "aantal_ib": "2" is ingevuld, maar de kolom deelname_interview ontbreekt; voeg die toe (ja of nee) of laat dit leeg.'
    ]);
  });
});

test("without a content folder the site is named after the municipality", () => {
  expect(siteTitle(parseContent(null), "Oostwaarde")).toBe("Jeugdhulp per basisschool in Oostwaarde");
});

describe("the default content folder", () => {
  const content = parseContent(readContentFolder(path.resolve(import.meta.dirname, "../../data/default")));

  test("is the 2020 report: its identity, four chapters, 17 errata and 27 factor verdicts", () => {
    expect(content.identity).toMatchObject({title: "Met nadere ogen", year: 2020, municipality: "Utrechtse Heuvelrug"});
    expect([...content.chapters.keys()]).toEqual(["in-de-school", "rondom-de-school", "conclusies", "aanbevelingen"]);
    expect(content.errata).toHaveLength(17);
    expect(content.factorVerdicts).toHaveLength(27);
  });

  test("with the default data, every flag is set", () => {
    const {dataset} = loadDataset(readInputFolder(path.resolve(import.meta.dirname, "../../data/default")));
    expect([...pageFlags(content, dataParts(dataset))].sort()).toEqual(
      ["aanbevelingen", "conclusies", "errata", "factoren", "in-de-school", "inhoud", "interviews", "oordelen", "rondom-de-school", "synthetisch"].sort()
    );
  });
});
