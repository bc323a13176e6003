// npm run bench (second part) — the disclosure model (loaders/disclosure/): time for the release
// (report, rules, atoms, cube, secondary suppression), the audit, and the information loss — the share of
// published counts withheld per output under the rules alone and after the release-wide secondary
// suppression. The build caches both solver results by the system's hash, and the repository keeps the
// secondary patterns of the inputs the tests build (data/afscherming/), and so does this benchmark: for
// cold figures, first `rm -rf node_modules/.cache/nadere-ogen/{afscherming,controle}` and run it with
// NADERE_OGEN_SOLVE_COLD=1.
//
// Usage: npx tsx bench/disclosure.ts [--data <folder> | --schools <n>] [--zonder-getuigen]
//   The audit is the build's (auditSiteRelease): every published count, the explorer's cube included,
//   the secondary suppression's witness points checked first. --zonder-getuigen audits the same system
//   without them (every cell the pool does not prove is solved), for what the witnesses save.
//   --schools 500 (npm run bench:disclosure:500, part of npm run bench) writes bench/schools.ts's
//   synthetic municipality of that many schools into a temporary folder and runs on it: minutes of CPU
//   cold (bench/README.md "At scale"). Above 40 schools the search runs per group of schools, above
//   250 first in blocks of two, then of eight schools within each group (loaders/disclosure/blocks.ts);
//   NADERE_OGEN_PROGRESS=1 prints its progress on stderr.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {auditSiteRelease, siteReleaseFromEnvironment} from "../loaders/pipeline.js";
import {auditRelease, withheldPerOutput} from "../loaders/disclosure/release.js";
import {municipalityOfSchools, writeMunicipality} from "./municipality.js";

const {values: options} = parseArgs({options: {data: {type: "string"}, schools: {type: "string"}, "zonder-getuigen": {type: "boolean"}}});
const generated = options.schools ? mkdtempSync(path.join(tmpdir(), `nadere-ogen-${options.schools}-scholen-`)) : null;
if (generated) {
  const rows = writeMunicipality(generated, municipalityOfSchools(Number(options.schools)));
  console.log(`input: ${options.schools} schools, ${rows.enrolments} enrolments, ${rows.trajectories} trajectories in ${generated}`);
}
const dataDir = generated ?? options.data;
const env = dataDir ? {NADERE_OGEN_DATA: path.resolve(dataDir)} : {};
const ms = (n: number) => `${Math.round(n).toLocaleString("nl-NL")} ms`;

const t0 = performance.now();
const release = await siteReleaseFromEnvironment({env, log: () => {}});
const {context, secondary, ruled} = release;
const released = performance.now() - t0;
const t1 = performance.now();
const result = options["zonder-getuigen"] ? await auditRelease(context, undefined, true) : await auditSiteRelease(release);
const audited = performance.now() - t1;
const {audit, atoms} = result;

console.log(`data: ${dataDir ?? "data/default"}`);
console.log(`release (report, rules, atoms, cube, secondary suppression): ${ms(released)}; atoms ${ms(atoms.milliseconds)} (${atoms.pupilAtoms} pupil atoms, ${atoms.trajectoryAtoms} trajectory atoms)`);
for (const [k, step] of secondary.steps.entries()) {
  console.log(`secondary suppression step ${k + 1} (${k === 0 ? "the report" : "the cube beside it"}): ${step.cached ? "chosen before (build cache or data/afscherming/)" : ms(step.milliseconds)}, ${step.solves} LPs, ${step.milps} MILPs, ${step.withhold.length} counts withheld, ${step.keyFigures.length} of them key figures, ${step.unresolved.length} unresolvable, ${step.witnesses?.length ?? 0} witness points`);
  for (const u of step.unresolved) console.log(`  unresolvable: ${u.name}: ${u.lo} … ${u.hi}; bound by ${u.pinnedBy.slice(0, 6).join("; ")}`);
  for (const f of step.keyFigures) console.log(`  key figure withheld: ${f.name} (protects ${f.protects})`);
}
const proofs = new Map<string, number>();
for (const f of audit.findings) proofs.set(f.proof, (proofs.get(f.proof) ?? 0) + 1);
console.log(`audit${options["zonder-getuigen"] ? " without witnesses" : ""}: ${audit.milliseconds.total > 0 ? ms(audit.milliseconds.total) : "read from the build cache"} (${audit.solves.lp} LPs, ${audit.solves.milp} MILPs; witness points ${audit.witnesses?.feasible ?? 0} of ${audit.witnesses?.offered ?? 0} feasible); ${audit.cells} cells, ${audit.sensitive} small counts, ${audit.protected} protected, ${audit.violations.length} not; narrowest protected interval ${audit.narrowest ? `${audit.narrowest.lo} … ${audit.narrowest.hi}` : "–"}`);
console.log(`  proofs: ${[...proofs].map(([proof, n]) => `${proof} ${n}`).join(", ")}`);
console.log(`  of them the cube's: ${audit.findings.filter((f) => f.name.startsWith("verkennen/")).length} small counts; cube attack from the files: ${result.cubeAttack?.pinned.length ?? 0} pinned`);
for (const v of audit.violations.slice(0, 10)) console.log(`  - ${v.name}: ${v.lo} … ${v.hi}; ${v.pinnedBy.slice(0, 3).join("; ")}`);

const before = withheldPerOutput(ruled);
const after = withheldPerOutput(context.registry);
const pct = (n: number, of: number) => `${n} (${((100 * n) / of).toFixed(1)}%)`;
console.log("\noutput        counts   withheld by the rules   withheld after secondary suppression");
for (const [output, {cellCount, hiddenCount}] of after) {
  console.log(`${output.padEnd(13)} ${String(cellCount).padStart(6)}   ${pct(before.get(output)?.hiddenCount ?? 0, cellCount).padStart(21)}   ${pct(hiddenCount, cellCount).padStart(21)}`);
}
if (generated) rmSync(generated, {recursive: true, force: true});
