// One synthetic municipality written as a data folder in the input contract's format (the five
// files a municipality delivers), from bench/synthetic.ts's deterministic generator. Shared by the
// benchmarks that run the real pipeline on it: bench/schools.ts (many schools, whole site build)
// and bench/scale.ts (a million trajectories, validation and aggregation).

import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import type {Settings} from "../loaders/model.js";
import {Random} from "../loaders/synthetic/random.js";
import {generate, type SyntheticShape} from "./synthetic.js";

const defaultDir = path.resolve(import.meta.dirname, "../data/default");

const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const dutchMonth = (yearMonth: string) => `${yearMonth.slice(5, 7)}-${yearMonth.slice(0, 4)}`;

/**
 * scholen.csv for the synthetic ids: each row copies a default school's characteristics in turn
 * (so every column passes the contract as the default data does) under a new id and a numbered name.
 */
function schoolsCsv(ids: string[]): string {
  const [header, ...rows] = readFileSync(path.join(defaultDir, "scholen.csv"), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const columns = header.split(";");
  const idColumn = columns.indexOf("school_id");
  const nameColumn = columns.indexOf("naam");
  const lines = ids.map((id, i) => {
    const cells = rows[i % rows.length].split(";");
    cells[idColumn] = id;
    cells[nameColumn] = `${cells[nameColumn]} ${Math.floor(i / rows.length) + 1}`;
    return cells.join(";");
  });
  return [header, ...lines].join("\n") + "\n";
}

/** The years and DBC transition come from the default settings, which the folder copies. */
export type MunicipalityShape = Omit<SyntheticShape, "years" | "transitionYear">;

// Per school the default municipality has about 217 enrolled pupils a year and 79 trajectories
// over three years; the synthetic one keeps those ratios, so only the number of schools changes.
const PUPILS_PER_SCHOOL = 260;
const TRAJECTORIES_PER_SCHOOL = 80;
const PROVIDERS = 60;

/** A municipality like the default one with `schools` schools (bench/schools.ts, bench/disclosure.ts). */
export const municipalityOfSchools = (schools: number): MunicipalityShape => ({
  seed: 20200500 + schools,
  schools,
  pupils: schools * PUPILS_PER_SCHOOL,
  trajectories: schools * TRAJECTORIES_PER_SCHOOL,
  providers: PROVIDERS
});

/** `municipality` names it (default: the default data's, whose settings it copies). */
export function writeMunicipality(dir: string, shape: MunicipalityShape, municipality?: string): {enrolments: number; trajectories: number} {
  const defaults = JSON.parse(readFileSync(path.join(defaultDir, "instellingen.json"), "utf8")) as Settings;
  const settings = {...defaults, municipality: municipality ?? defaults.municipality};
  const data = generate({...shape, years: settings.years, transitionYear: settings.dbc.transitionYear});
  // The generator spreads pupils over other municipalities; here every pupil lives in this one, and
  // a few are marked as living elsewhere so the scope rule has work to do, as in the default data.
  const residence = new Random(shape.schools);
  const enrolments = data.enrolments.map((e) =>
    [e.pupilId, e.schoolId, dutchDate(e.date), dutchMonth(e.birthMonth), residence.next() < 0.04 ? "Zeist" : settings.municipality].join(";")
  );
  const trajectories = data.trajectories.map((t) =>
    [t.id, t.pupilId, t.productCategory, t.productCode, `Aanbieder ${t.provider}`, dutchDate(t.start), t.end ? dutchDate(t.end) : "", t.cost.toFixed(2).replace(".", ",")].join(";")
  );
  writeFileSync(path.join(dir, "leerlingen.csv"), ["leerling_id;school_id;peildatum;geboortemaand;woongemeente", ...enrolments].join("\n") + "\n");
  writeFileSync(
    path.join(dir, "trajecten.csv"),
    ["traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten", ...trajectories].join("\n") + "\n"
  );
  writeFileSync(path.join(dir, "scholen.csv"), schoolsCsv(data.schoolIds));
  copyFileSync(path.join(defaultDir, "zorgvormen.csv"), path.join(dir, "zorgvormen.csv"));
  writeFileSync(path.join(dir, "instellingen.json"), JSON.stringify({...settings, syntheticData: true}, null, 2) + "\n");
  return {enrolments: enrolments.length, trajectories: trajectories.length};
}
