// The Framework config's view of the input (loaders/pipeline.ts siteStructure): which schools get a
// page, and the report's meta, without computing every table. Counted by hand on a three-school folder.
import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../loaders/contract.js";
import {siteStructure} from "../../loaders/pipeline.js";

const defaults = path.resolve(import.meta.dirname, "../../data/default");

const texts = {
  instellingen: readFileSync(path.join(defaults, "instellingen.json"), "utf8"),
  zorgvormen: readFileSync(path.join(defaults, "zorgvormen.csv"), "utf8"),
  scholen: [
    "school_id;naam;bestuur;denominatie;concept",
    "17NC;Dolfijn;Schoolbestuur A;openbaar;",
    "44AA;Zonnebloem;Schoolbestuur A;openbaar;",
    "93UU;De Wegwijzer;Schoolbestuur J;openbaar;"
  ].join("\n"),
  // Zonnebloem's only pupil lives in Zeist: no resident enrolled there in any year, so no page.
  leerlingen: [
    "leerling_id;school_id;peildatum;geboortemaand;woongemeente",
    ...["2017", "2018", "2019"].map((y) => `P1;17NC;01-10-${y};09-2010;Utrechtse Heuvelrug`),
    "P2;93UU;01-10-2019;03-2011;Utrechtse Heuvelrug",
    ...["2017", "2018", "2019"].map((y) => `P3;44AA;01-10-${y};05-2010;Zeist`)
  ].join("\n"),
  trajecten: [
    "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten",
    ...["2017", "2018", "2019"].map((y, i) => `T${i};P1;54;54001;Aanbieder 1;15-03-${y};30-06-${y};100`),
    "T9;P3;54;54001;Aanbieder 1;15-03-2018;;100"
  ].join("\n")
};

describe("siteStructure", () => {
  it("lists the schools with resident pupils in some study year, and the report's meta", () => {
    const {schools, meta} = siteStructure(loadDataset(texts).dataset);
    // De Wegwijzer has a pupil in 2019 only, which is enough; Zonnebloem has none.
    expect(schools.map((s) => s.schoolId).sort()).toEqual(["17NC", "93UU"]);
    expect(schools.find((s) => s.schoolId === "93UU")?.name).toBe("De Wegwijzer");
    expect([meta.municipality, meta.years, meta.latestYear]).toEqual(["Utrechtse Heuvelrug", [2017, 2018, 2019], 2019]);
  });
});
