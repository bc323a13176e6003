// npm run bench:atoms — the disclosure model's atoms (loaders/disclosure/atoms.ts deriveAtoms) on the
// default data and on bench/municipality.ts's synthetic municipalities of 100 and 500 schools. The
// atoms are derived from one report per pupil (and per DBC-restart unit), so their time should grow
// with the pupils, not with pupils × schools (issue 13 item 4: a country's build needs them for 7 000
// schools). Prints the time, the time per one-pupil report and a hash of the whole result (sizes,
// terms per count, relations, pupil atoms), so a change that should only be faster can show that
// it derives the same atoms.
//
// Usage: npx tsx bench/atoms.ts [--schools 100,500] [--keep] [--dir <folder>] [--workers N]
//   --dir measures that input folder alone (e.g. the national input bench/scale.ts --national writes);
//   --workers sets the worker threads of the one-pupil reports (0: none; default: deriveAtoms's choice).
import {createHash} from "node:crypto";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {loadDataset} from "../loaders/contract.js";
import {readInputSources} from "../loaders/io.js";
import {updateWithJson} from "../loaders/jsonDigest.js";
import {atomsOf, releaseBasis} from "../loaders/pipeline.js";
import {municipalityOfSchools, writeMunicipality} from "./municipality.js";

const {values: options} = parseArgs({options: {schools: {type: "string", default: "100,500"}, keep: {type: "boolean", default: false}, dir: {type: "string"}, workers: {type: "string"}}});
const defaultDir = path.resolve(import.meta.dirname, "../data/default");

async function measure(dir: string): Promise<string> {
  const {dataset} = loadDataset(readInputSources(dir).texts);
  const basis = releaseBasis(dataset);
  const started = performance.now();
  const atoms = await atomsOf(dataset, basis, options.workers === undefined ? {} : {workers: Number(options.workers)});
  const ms = performance.now() - started;
  const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const whole = createHash("sha256");
  updateWithJson(whole, [atoms.sizes, atoms.unitOf, byKey(atoms.termsOf), atoms.relations, byKey(atoms.pupilAtomOf), atoms.notAdditive]);
  const {pupils, reports, pupilAtoms, trajectoryAtoms, workers} = atoms.stats;
  return [
    String(dataset.schools.length).padStart(7),
    String(pupils).padStart(8),
    String(reports).padStart(8),
    String(workers).padStart(7),
    `${(ms / 1000).toFixed(1)} s`.padStart(9),
    `${(ms / reports).toFixed(2)} ms`.padStart(11),
    `${pupilAtoms} + ${trajectoryAtoms}`.padStart(15),
    String(atoms.notAdditive.length).padStart(12),
    `  ${whole.digest("hex").slice(0, 16)}`
  ].join("  ");
}

console.log("schools    pupils   reports  workers       time   per report   pupil + traj.  not additive  hash of the atoms");
console.log(await measure(options.dir ?? defaultDir));
for (const schools of options.dir ? [] : options.schools.split(",").map(Number)) {
  const dir = mkdtempSync(path.join(tmpdir(), `nadere-ogen-atoms-${schools}-`));
  writeMunicipality(dir, municipalityOfSchools(schools));
  try {
    console.log(await measure(dir));
  } finally {
    if (options.keep) console.log(`  input kept in ${dir}`);
    else rmSync(dir, {recursive: true, force: true});
  }
}
