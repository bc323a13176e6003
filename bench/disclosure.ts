// npm run bench (second part) — the disclosure model (loaders/disclosure/): time for the release
// (report, rules, atoms, secondary suppression), the audit, and the information loss — the share of
// published counts withheld per output under the rules alone and after the release-wide secondary
// suppression. The build caches both solver results by the system's hash, and the repository keeps the
// secondary patterns of the inputs the tests build (data/afscherming/), and so does this benchmark: for
// cold figures, first `rm -rf node_modules/.cache/nadere-ogen/{afscherming,controle}` and run it with
// NADERE_OGEN_SOLVE_COLD=1.
//
// Usage: npx tsx bench/disclosure.ts [--data <folder>] [--kubus [--budget <seconds>]]
//   --kubus also audits with the explorer's own (perturbed) cube cells in the system, which the build
//   leaves out for time: how long that takes, and whether they narrow any small count.
//   The 500-school input: npx tsx bench/schools.ts --input-only --keep (prints its folder), then
//   npx tsx bench/disclosure.ts --data <that folder>.
import path from "node:path";
import {parseArgs} from "node:util";
import {siteReleaseFromEnvironment} from "../loaders/pipeline.js";
import {auditRelease, withheldPerOutput} from "../loaders/disclosure/release.js";

const {values: options} = parseArgs({options: {data: {type: "string"}, kubus: {type: "boolean"}, budget: {type: "string"}}});
const env = options.data ? {NADERE_OGEN_DATA: path.resolve(options.data)} : {};
const ms = (n: number) => `${Math.round(n).toLocaleString("nl-NL")} ms`;

const t0 = performance.now();
const {context, secondary, ruled} = await siteReleaseFromEnvironment({env, log: () => {}});
const released = performance.now() - t0;
const t1 = performance.now();
const result = await auditRelease(context);
const audited = performance.now() - t1;
const {audit, atoms} = result;

console.log(`data: ${options.data ?? "data/default"}`);
console.log(`release (report, rules, atoms, secondary suppression): ${ms(released)}; atoms ${ms(atoms.milliseconds)} (${atoms.pupilAtoms} pupil atoms, ${atoms.trajectoryAtoms} trajectory atoms)`);
console.log(`secondary suppression: ${secondary.cached ? "chosen before (build cache or data/afscherming/)" : ms(secondary.milliseconds)}, ${secondary.solves} LPs, ${secondary.milps} MILPs, ${secondary.withhold.length} counts withheld, ${secondary.keyFigures.length} of them key figures, ${secondary.unresolved.length} unresolvable`);
for (const u of secondary.unresolved) console.log(`  unresolvable: ${u.name}: ${u.lo} … ${u.hi}; bound by ${u.pinnedBy.slice(0, 6).join("; ")}`);
for (const k of secondary.keyFigures) console.log(`  key figure withheld: ${k.name} (protects ${k.protects})`);
console.log(`audit: ${ms(audited)} (${audit.solves.lp} LPs, ${audit.solves.milp} MILPs); ${audit.sensitive} small counts, ${audit.protected} protected, ${audit.violations.length} not; narrowest protected interval ${audit.narrowest ? `${audit.narrowest.lo} … ${audit.narrowest.hi}` : "–"}`);

const before = withheldPerOutput(ruled);
const after = withheldPerOutput(context.registry);
const pct = (n: number, of: number) => `${n} (${((100 * n) / of).toFixed(1)}%)`;
console.log("\noutput        counts   withheld by the rules   withheld after secondary suppression");
for (const [output, {cellCount, hiddenCount}] of after) {
  console.log(`${output.padEnd(13)} ${String(cellCount).padStart(6)}   ${pct(before.get(output)?.hiddenCount ?? 0, cellCount).padStart(21)}   ${pct(hiddenCount, cellCount).padStart(21)}`);
}

if (options.kubus) {
  const t2 = performance.now();
  const full = await auditRelease(context, Number(options.budget ?? 1800), true);
  const cubeFindings = full.audit.findings.filter((f) => f.name.startsWith("verkennen/"));
  const reportFindings = full.audit.findings.filter((f) => !f.name.startsWith("verkennen/"));
  const count = (fs: typeof cubeFindings, p: (f: (typeof cubeFindings)[number]) => boolean) => fs.filter(p).length;
  console.log(`\nwith the cube's own cells (${full.cube?.own ?? 0} perturbed quantities): ${ms(performance.now() - t2)} (${full.audit.solves.lp} LPs, ${full.audit.solves.milp} MILPs)`);
  for (const [label, fs] of [["report small counts", reportFindings], ["cube small counts", cubeFindings]] as const) {
    console.log(`  ${label}: ${fs.length}, protected ${count(fs, (f) => f.protected)}, not ${count(fs, (f) => !f.protected && f.proof !== "unresolved")}, undecided ${count(fs, (f) => f.proof === "unresolved")}`);
  }
  for (const v of full.audit.violations.filter((f) => f.proof !== "unresolved").slice(0, 10)) console.log(`  - ${v.name}: ${v.lo} … ${v.hi}; ${v.pinnedBy.slice(0, 3).join("; ")}`);
}
