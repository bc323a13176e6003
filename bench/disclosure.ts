// npm run bench (second part) — the disclosure model and audit (loaders/disclosure/): time for the
// registry, the atoms and the audit, and the information loss (share of registered counts hidden,
// per output) before and after secondary suppression. There is no secondary suppression yet
// (issue 10 item 4), so "after" equals "before" and says so.
//
// Usage: npx tsx bench/disclosure.ts [--data <folder>] [--budget-s 30]
//   The 500-school input: npx tsx bench/schools.ts --input-only --keep (prints its folder), then
//   npx tsx bench/disclosure.ts --data <that folder>.
import path from "node:path";
import {parseArgs} from "node:util";
import {siteReleaseFromEnvironment} from "../loaders/pipeline.js";
import {auditRelease} from "../loaders/disclosure/release.js";

const {values: options} = parseArgs({
  options: {data: {type: "string"}, "budget-s": {type: "string", default: "30"}}
});
const env = options.data ? {NADERE_OGEN_DATA: path.resolve(options.data)} : {};
const ms = (n: number) => `${Math.round(n).toLocaleString("nl-NL")} ms`;

const t0 = performance.now();
const {context} = await siteReleaseFromEnvironment({env, log: () => {}});
const registered = performance.now() - t0;
const result = await auditRelease(context, Number(options["budget-s"]));
const {audit, withoutMarks, atoms} = result;

console.log(`data: ${options.data ?? "data/default"}`);
console.log(`registry (report + seal): ${ms(registered)}; atoms: ${ms(atoms.milliseconds)} (${atoms.reports} one-unit reports, ${atoms.pupilAtoms} pupil atoms, ${atoms.trajectoryAtoms} trajectory atoms)`);
console.log(
  `audit as published: ${ms(audit.milliseconds.total)} (${audit.solves.lp} LPs); ${audit.sensitive} small counts, ${audit.protected} protected, ` +
    `${audit.violations.filter((v) => v.proof !== "unresolved").length} pinned or too narrow, ${audit.violations.filter((v) => v.proof === "unresolved").length} undecided in the budget`
);
console.log(
  `audit with marks read as "·": ${ms(withoutMarks.milliseconds.total)} (propagation ${ms(withoutMarks.milliseconds.propagation)}, ${withoutMarks.solves.lp} LPs, ${withoutMarks.solves.milp} MILPs); ` +
    `${withoutMarks.protected} protected, ${withoutMarks.violations.filter((v) => v.proof !== "unresolved").length} pinned or too narrow, ${withoutMarks.violations.filter((v) => v.proof === "unresolved").length} undecided in the budget`
);
const perOutput = new Map<string, {cells: number; hidden: number}>();
for (const cell of context.registry.cells) {
  const output = cell.file.startsWith("factsheets/") ? "factsheets" : cell.file.replace(/\.json$/, "");
  const entry = perOutput.get(output) ?? {cells: 0, hidden: 0};
  entry.cells++;
  if (cell.form.kind !== "exact") entry.hidden++;
  perOutput.set(output, entry);
}
console.log("\noutput        counts  hidden before  hidden after (no secondary suppression yet)");
for (const [output, {cells, hidden}] of perOutput) {
  const pct = `${((100 * hidden) / cells).toFixed(1)}%`;
  console.log(`${output.padEnd(13)} ${String(cells).padStart(6)}  ${pct.padStart(13)}  ${pct.padStart(12)}`);
}
