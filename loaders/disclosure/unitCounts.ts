// The counts a report shows with nothing withheld, and what one pupil's own reports say: the published
// counts the pupil is in, and for each of the pupil's trajectory units (a trajectory, or trajectories
// joined by a DBC restart pair) the trajectory counts it is in. atoms.ts groups pupils and units with
// the same counts into atoms. A pupil's counts need nothing of the other pupils, so for large inputs
// they are computed in worker threads (unitCounts.worker.ts), otherwise in the build's own thread,
// with the same code and the same encoding.
//
// A chunk of pupils comes back as flat arrays: per pupil the number of its pupil counts, their key
// numbers, the number of its units, and per unit the number of its trajectory counts and their key
// numbers; the coefficients in the same order in a second array. Key numbers are the counter's own;
// `names` lists the keys it numbered since its previous chunk, so each name crosses once.

import type {Dataset, Enrolment, School, Settings, Trajectory} from "../model.js";
import {publishReport, publishReportParts, type PublicReport} from "../publish.js";
import {computeReportParts, type PartialReport, type Report} from "../report.js";
import type {FactorTables} from "../tables/factors.js";
import type {Scope} from "../tables/scope.js";
import {countLeaves, leafKey, reportContents} from "./leaves.js";
import type {Unit} from "./model.js";

/** A report in its published shape with nothing withheld (minCount 1 hides nothing). */
export function openPublish(report: Report, settings: Settings): PublicReport {
  return publishReport(report, openSettings(settings));
}

/** The settings with minCount 1, one object per settings: what publishing keeps per settings (the
 *  factor tables over no school) is then computed once for all of a build's one-pupil reports. */
const openSettingsOf = new WeakMap<Settings, Settings>();
function openSettings(settings: Settings): Settings {
  let open = openSettingsOf.get(settings);
  if (open === undefined) openSettingsOf.set(settings, (open = {...settings, suppression: {...settings.suppression, minCount: 1}}));
  return open;
}

/** The report of a dataset with nothing withheld, of the parts in `reuse.parts` and those they need
 *  (computeReportParts); every part when absent. */
export function openReport(dataset: Dataset, scope?: Scope, reuse?: Parameters<typeof computeReportParts>[2]): PartialReport<"public"> {
  return publishReportParts(computeReportParts(dataset, scope, reuse), openSettings(dataset.settings));
}

/** Count leaves (nonzero) of a report, keyed by file and path. */
export function openCounts(report: PublicReport, slugOf: (schoolId: string) => string, keepZeros = false): Map<string, {value: number; unit: Unit}> {
  const out = new Map<string, {value: number; unit: Unit}>();
  const keep = keepZeros ? (value: unknown) => typeof value === "number" : (value: unknown) => typeof value === "number" && value !== 0;
  for (const [file, content] of reportContents(report as never, slugOf)) {
    for (const leaf of countLeaves(content, keep)) out.set(leafKey(file, leaf.path), {value: leaf.value as number, unit: leaf.unit});
  }
  return out;
}

/** What every unit report needs besides its pupil's rows (cloned once into each worker). */
export interface UnitSetup {
  settings: Settings;
  productMappings: Dataset["productMappings"];
  schools: School[];
  /** The whole report's factor tables: a unit report takes its schools' rows of them. */
  factors: FactorTables;
  /** Each school's slug, as the site's files name it. */
  slugs: [string, string][];
  /** Per unit, the report's parts (kerngetallen, factsheets, …) that hold counts of it in the whole
   *  report: a unit's report is read in those only. A count elsewhere would be left out of the model
   *  anyway (atoms.ts keeps the whole report's counts alone), and the parts without any are most of a
   *  one-pupil report (the factor tables over no school: a third of its JSON). */
  countParts: Record<Unit, string[]>;
}

export interface PupilRows {
  enrolments: Enrolment[];
  /** In the dataset's order: the pupil's report counts them all together. */
  trajectories: Trajectory[];
  /** The trajectory units, as positions in `trajectories`. */
  units: number[][];
}

export interface ChunkCounts {
  names: string[];
  ints: Int32Array;
  coefficients: Float64Array;
}

export function unitCounter({settings, productMappings, schools, factors, slugs, countParts}: UnitSetup): (pupils: PupilRows[]) => ChunkCounts {
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  // Factor tables count schools, never pupils or trajectories (factors.json has no count), so a unit's
  // report takes them with no school: publishing them over its schools again (cross tables, exact
  // tests) was a tenth of each report's time at 100 schools.
  const noFactors = {...factors, schools: []};
  const pupilParts = new Set(countParts.pupils);
  const trajectoryParts = new Set(countParts.trajectories);
  // A pupil with one unit: one report serves both (its pupil and its trajectory counts).
  const eitherParts = new Set([...pupilParts, ...trajectoryParts]);
  const slugById = new Map(slugs);
  const slugOf = (schoolId: string) => slugById.get(schoolId) ?? schoolId;
  const numbers = new Map<string, number>();
  const names: string[] = [];
  let namesSent = 0;

  const countsOf = (enrolments: Enrolment[], trajectories: Trajectory[], read: ReadonlySet<string>) => {
    // Pupils living elsewhere count in no pupil or trajectory count (only in a school's size, which
    // no count of these reports uses); leaving them out makes one unit's report cost its own size,
    // not the municipality's (12,6 → 7,3 ms a pupil at 100 schools).
    // Only the schools the pupil was enrolled at: every other school's rows of a one-pupil report
    // are zeros, which openCounts drops, and walking them made each report cost the number of
    // schools (quadratic in all). A count this missed would fail atoms.ts's whole-report check.
    const schoolIds = [...new Set(enrolments.map((e) => e.schoolId))];
    const unitData: Dataset = {settings, productMappings, schools: schoolIds.map((id) => schoolById.get(id)!), trajectories, enrolments, nonResidentEnrolments: []};
    const report = openReport(unitData, undefined, {factors: noFactors, statistics: null, parts: read});
    const parts = Object.fromEntries(Object.entries(report).filter(([part]) => read.has(part)));
    return openCounts({factsheets: [], ...parts} as unknown as PublicReport, slugOf);
  };

  return (pupils) => {
    const ints: number[] = [];
    const coefficients: number[] = [];
    const append = (counts: Map<string, {value: number; unit: Unit}>, unit: Unit) => {
      const at = ints.length;
      ints.push(0);
      for (const [key, count] of counts) {
        if (count.unit !== unit) continue;
        let number = numbers.get(key);
        if (number === undefined) {
          number = names.length;
          numbers.set(key, number);
          names.push(key);
        }
        ints.push(number);
        coefficients.push(count.value);
      }
      ints[at] = ints.length - at - 1;
    };
    for (const {enrolments, trajectories, units} of pupils) {
      const whole = countsOf(enrolments, trajectories, units.length === 1 ? eitherParts : pupilParts);
      append(whole, "pupils");
      ints.push(units.length);
      if (units.length === 1) append(whole, "trajectories");
      else for (const unit of units) append(countsOf(enrolments, unit.map((at) => trajectories[at]), trajectoryParts), "trajectories");
    }
    const fresh = names.slice(namesSent);
    namesSent = names.length;
    return {names: fresh, ints: Int32Array.from(ints), coefficients: Float64Array.from(coefficients)};
  };
}
