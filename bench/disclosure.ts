// npm run bench (second part) — the disclosure model (loaders/disclosure/): time for the release
// (report, rules, atoms, secondary suppression), the audit, and the information loss — the share of
// published counts withheld per output under the rules alone and after the release-wide secondary
// suppression. The build caches both solver results by the system's hash; this benchmark solves
// afresh (NADERE_OGEN_NO_CACHE-free: it clears nothing, so run it on a fresh checkout or after
// `rm -rf node_modules/.cache/nadere-ogen/{afscherming,controle}` for cold figures).
//
// Usage: npx tsx bench/disclosure.ts [--data <folder>]
//   The 500-school input: npx tsx bench/schools.ts --input-only --keep (prints its folder), then
//   npx tsx bench/disclosure.ts --data <that folder>.
import path from "node:path";
import {parseArgs} from "node:util";
import {siteReleaseFromEnvironment} from "../loaders/pipeline.js";
import {auditRelease} from "../loaders/disclosure/release.js";
import type {Registry} from "../loaders/disclosure/registry.js";

const {values: options} = parseArgs({options: {data: {type: "string"}}});
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
console.log(`secondary suppression: ${secondary.cached ? "from the build cache" : ms(secondary.milliseconds)}, ${secondary.solves} LPs, ${secondary.withhold.length} counts withheld, ${secondary.unresolved.length} unresolvable`);
console.log(`audit: ${ms(audited)} (${audit.solves.lp} LPs, ${audit.solves.milp} MILPs); ${audit.sensitive} small counts, ${audit.protected} protected, ${audit.violations.length} not; narrowest protected interval ${audit.narrowest ? `${audit.narrowest.lo} … ${audit.narrowest.hi}` : "–"}`);

function perOutput(registry: Registry): Map<string, {cells: number; hidden: number}> {
  const out = new Map<string, {cells: number; hidden: number}>();
  for (const cell of registry.cells) {
    const output = cell.file.startsWith("factsheets/") ? "factsheets" : cell.file.replace(/\.json$/, "");
    const entry = out.get(output) ?? {cells: 0, hidden: 0};
    entry.cells++;
    if (cell.form.kind !== "exact") entry.hidden++;
    out.set(output, entry);
  }
  return out;
}
const before = perOutput(ruled);
const after = perOutput(context.registry);
const pct = (n: number, of: number) => `${n} (${((100 * n) / of).toFixed(1)}%)`;
console.log("\noutput        counts   withheld by the rules   withheld after secondary suppression");
for (const [output, {cells, hidden}] of after) {
  console.log(`${output.padEnd(13)} ${String(cells).padStart(6)}   ${pct(before.get(output)?.hidden ?? 0, cells).padStart(21)}   ${pct(hidden, cells).padStart(21)}`);
}
