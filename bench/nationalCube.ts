// A national-scale explorer cube for bench/explorer.ts: about 7 000 schools in 1 000 boards, counted
// and perturbed by the same code as the site (countCube, publishCube), from the engine benchmark's
// synthetic pupils (bench/synthetic.ts) with a realistic share of pupils in care.
//
// Usage: npx tsx bench/nationalCube.ts [--schools 7000] [--out tmp/national-cube]
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {parseArgs} from "node:util";
import {countCube} from "../loaders/cube/count.js";
import {publishCube, variantFileNames} from "../loaders/cube/publish.js";
import type {Dataset, School, Settings} from "../loaders/model.js";
import {buildScope} from "../loaders/tables/scope.js";
import {generate, NATIONAL} from "./synthetic.js";

const projectDir = path.resolve(import.meta.dirname, "..");

export const NATIONAL_CUBE_DIR = path.join(projectDir, "tmp/national-cube");

/** Writes the cube files into `outDir` and returns what it measured. */
export function writeNationalCube(schools: number, outDir: string): Record<string, number> {
  const figures: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    figures[`${name}_s`] = Math.round((performance.now() - started) / 100) / 10;
    return result;
  };
  const settings = JSON.parse(readFileSync(path.join(projectDir, "data/default/instellingen.json"), "utf8")) as Settings;
  // About 210 pupils a school as in the default municipality, and roughly one in ten in care a year.
  const shape = {...NATIONAL, schools, pupils: schools * 90, trajectories: schools * 40};
  const data = time("generate", () => generate(shape));
  const schoolRows: School[] = data.schoolIds.map((id, i) => ({
    id,
    name: `School ${String(i + 1).padStart(4, "0")}`,
    board: `Bestuur ${String(Math.floor(i / 7) + 1).padStart(4, "0")}`,
    denomination: "openbaar",
    concept: null,
    sesNeighbourhood: "midden",
    sotTrajectories: 0,
    participated: false,
    ibCount: null,
    ibExperience: null,
    dorpsteamRating: null,
    sesSelfReported: null
  }));
  const dataset: Dataset = {
    settings: {...settings, municipality: "Nederland (synthetisch)"},
    schools: schoolRows,
    enrolments: data.enrolments,
    trajectories: data.trajectories,
    productMappings: []
  };
  const scope = time("scope", () => buildScope(dataset));
  const counts = time("count", () => countCube(dataset, scope));
  figures.cells = counts.grid.size;
  const files = time("perturb_and_write", () => publishCube(counts, dataset.settings));
  mkdirSync(outDir, {recursive: true});
  for (const [name, text] of files) {
    writeFileSync(path.join(outDir, name), text);
    figures[`${name}_MB`] = Math.round(Buffer.byteLength(text) / 1e5) / 10;
  }
  figures.rows = variantFileNames().reduce((n, name) => n + files.get(name)!.split("\n").length - 1, 0);
  figures.enrolments = data.enrolments.length;
  figures.trajectories = data.trajectories.length;
  return figures;
}

if (import.meta.filename === process.argv[1]) {
  const {values} = parseArgs({options: {schools: {type: "string", default: "7000"}, out: {type: "string", default: NATIONAL_CUBE_DIR}}});
  console.log(writeNationalCube(Number(values.schools), path.resolve(values.out)));
}
