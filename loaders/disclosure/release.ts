// The disclosure model of one release, end to end: the registered report (registry.ts) plus the
// atoms (atoms.ts) give the system of equations; the audit (audit.ts) solves it; the summary is what
// the privacy officer's page shows and what the build prints.

import {buildCache} from "../io.js";
import type {Dataset} from "../model.js";
import type {Scope} from "../tables/scope.js";
import type {CubeCounts} from "../cube/count.js";
import {auditSystem, type AuditResult} from "./audit.js";
import {auditInWorker} from "./auditTask.js";
import {largeSystem, type PointList} from "./packedSystem.js";
import {schoolBlocks, SCHOOLS_PER_GROUP, withBlockMethod} from "./blocks.js";
import type {CubeDisclosure} from "./cubeCells.js";
import type {CubeAttack} from "./cubeAttack.js";
import type {Atoms} from "./atoms.js";
import {leafKey, reportPartOfFile} from "./leaves.js";
import {systemKey, type DisclosureSystem, type PublishedCell, type Unit} from "./model.js";
import {inconsistentForms, SEAMS, type Registry} from "./registry.js";
import type {SecondaryPattern} from "./withholding.js";

export interface ReleaseContext {
  dataset: Dataset;
  scope: Scope;
  registry: Registry;
  /** Every count of the unsuppressed report, by leafKey. */
  open: Map<string, {value: number; unit: Unit}>;
  slugOf: (schoolId: string) => string;
  /** The base cells (they do not depend on the forms). */
  atoms: Atoms;
  /** The explorer's cube: its counts and which of its cells are quantities of their own. */
  cube?: {counts: CubeCounts; disclosure: CubeDisclosure};
}

export interface ReleaseAudit {
  audit: AuditResult;
  atoms: Atoms["stats"];
  /** Registered counts the atoms could not express (left out of the system). */
  unmodelled: string[];
  /** Item 5: the same quantity in different forms. */
  inconsistent: ReturnType<typeof inconsistentForms>;
  system: DisclosureSystem;
  minCount: number;
  width: number;
  /** The explorer's pupil cells with youth care: repeating a report count, the cube's own
   *  (perturbed, in the audit) and outside the model (perturbed only). */
  cube: {cells: number; repeated: number; leftOut: number; own: number; tied: number; local: number; outside: number} | null;
  /** The published cube attacked from its files (cubeAttack.ts): the check of its perturbed cells. */
  cubeAttack?: CubeAttack;
  /** Groups of schools the search and the audit solved in (blocks.ts), or null: the whole system. */
  schoolBlocks: {groupCount: number; schoolsPerBlock: number} | null;
}

/**
 * The registry's cells with their atoms: the system an attacker with everything published solves.
 * `withCube` adds the explorer's own (perturbed) cells: the benchmark's full audit. The build leaves
 * them out — with them every solve takes several times as long (bench/disclosure.ts measures it) —
 * and the cube's cells that repeat a report count are in it as those counts.
 */
export function disclosureSystem(context: ReleaseContext, atoms: Atoms, withCube = false): {system: DisclosureSystem; unmodelled: string[]} {
  const cells: PublishedCell[] = [];
  const unmodelled: string[] = [];
  for (const cell of context.registry.cells) {
    const key = leafKey(cell.file, cell.path);
    const terms = atoms.termsOf.get(key);
    if (!terms && cell.value !== 0) {
      unmodelled.push(`${cell.file} ${cell.path}`);
      continue;
    }
    cells.push({file: cell.file, path: cell.path, unit: cell.unit, form: cell.form, value: cell.value, terms: terms ?? []});
  }
  // One by one: a country's cube has 742 196 cells, more arguments than a call takes.
  if (withCube) for (const cell of context.cube?.disclosure.cells ?? []) cells.push(cell);
  return {system: {variables: atoms.variables, truth: atoms.sizes, cells, relations: atoms.relations}, unmodelled};
}

/**
 * The audit of the release as published. Every withheld count reads "·" (registry.ts `hiddenForm`),
 * which settles no small count by its mark, so every one is solved. The result follows from the
 * system alone, so it is cached by the system's hash: a second build of the same input (CI builds
 * twice) reads the verdict instead of solving again. `budgetSeconds` bounds the solver time; cells
 * left when it is up are "unresolved", never protected (and not cached).
 */
export async function auditRelease(context: ReleaseContext, budgetSeconds?: number, withCube = false, witnesses: PointList = []): Promise<ReleaseAudit> {
  const {atoms} = context;
  const {system, unmodelled} = disclosureSystem(context, atoms, withCube);
  const options = {minCount: context.registry.minCount, width: context.registry.width};
  // The audit solves what the witnesses leave unproven in a school's group (blocks.ts), then whole.
  const blocks = schoolBlocks(system, context.dataset.schools, context.slugOf);
  const audit = await cachedAudit(system, options, budgetSeconds, witnesses, blocks?.levels.at(-1)?.parts);
  const cube = context.cube?.disclosure;
  const cubeFigures = cube ? {cells: cube.forms.size, repeated: cube.repeated, leftOut: cube.leftOutCells ?? 0, own: cube.cells.length, tied: cube.tied, local: cube.local ?? 0, outside: cube.outside} : null;
  return {audit, atoms: atoms.stats, unmodelled, inconsistent: inconsistentForms(system.cells), system, ...options, cube: cubeFigures, schoolBlocks: blocks ? {groupCount: blocks.groupCount, schoolsPerBlock: blocks.levels[0].schools} : null};
}

/**
 * The audit of a system, cached by the system's hash: the verdict follows from the system alone, so a
 * second build of the same input (CI builds twice) reads it instead of solving again. A result with
 * unresolved cells is not cached.
 */
export async function cachedAudit(
  system: DisclosureSystem,
  options: {minCount: number; width: number},
  budgetSeconds?: number,
  witnesses?: PointList,
  blocks?: number[][] | null
): Promise<AuditResult> {
  // Blocks change which intervals the findings report (a part's, an inner bound), not the verdict's rules.
  const cache = buildCache("controle", systemKey(withBlockMethod({version: 3, options, system}, blocks)));
  const hit = cache.read();
  if (hit) return JSON.parse(hit, (_, v) => (v === "∞" ? Infinity : v)) as AuditResult;
  // The same audit either way; a large one in a worker thread, whose heap is its own (auditTask.ts).
  const audit = await (largeSystem(system) ? auditInWorker : auditSystem)(system, {...options, budgetSeconds, witnesses, blocks: blocks ?? undefined});
  if (!audit.violations.some((v) => v.proof === "unresolved")) cache.write(JSON.stringify(audit, (_, v) => (v === Infinity ? "∞" : v)));
  return audit;
}

/** Why the build must stop, in Dutch, or null: a small count not protected, or left undecided. */
export function auditFailure(result: Pick<ReleaseAudit, "audit" | "width" | "cubeAttack">, secondary?: {unresolved: {name: string}[]}): string | null {
  const pinnedInCube = result.cubeAttack?.pinned ?? [];
  if (pinnedInCube.length > 0) {
    const first = pinnedInCube[0];
    return `De bouw stopt: uit de bestanden van /verkennen samen met Tabel 6 valt voor ${nl(pinnedInCube.length)} aantallen te bewijzen dat ze tussen twee grenzen liggen die minder dan ${result.width} uit elkaar liggen, bv. ${first.name.replaceAll("|", " ")}: ${first.lo} … ${first.hi}. Er komt geen site met deze cijfers.`;
  }
  const {violations} = result.audit;
  if (violations.length === 0 && (secondary?.unresolved.length ?? 0) === 0) return null;
  const first = violations[0];
  const named = first
    ? `bv. ${first.name} (te bewijzen ${first.lo} … ${first.hi === Infinity ? "∞" : first.hi}; vastgelegd door ${first.pinnedBy.slice(0, 3).join("; ") || "het eigen teken"})`
    : `bv. ${secondary?.unresolved[0].name} (wat het vastlegt, kan niet worden afgeschermd)`;
  return `De bouw stopt: ${nl(Math.max(violations.length, secondary?.unresolved.length ?? 0))} kleine aantallen zijn niet aantoonbaar beschermd, ${named}. Er komt geen site met deze cijfers.`;
}

const nl = (n: number) => n.toLocaleString("nl-NL");

/** The build's report on stderr, in Dutch: figures, then each violating cell and what pins it. */
export function formatAudit(result: ReleaseAudit, secondary?: Pick<SecondaryPattern, "withhold" | "keyFigures" | "cached" | "solves">, limit = 15): string {
  const {audit} = result;
  const lines = [
    `Openbaarmakingscontrole: ${nl(audit.cells)} gepubliceerde aantallen, ${nl(audit.hidden)} afgeschermd, ${nl(audit.sensitive)} kleine aantallen (1 tot en met ${result.minCount - 1}); een klein aantal is beschermd als wat erover te bewijzen valt ten minste ${result.width} breed is.`,
    `  basiscellen: ${nl(result.atoms.pupilAtoms)} groepen leerlingen, ${nl(result.atoms.trajectoryAtoms)} groepen trajecten (${nl(result.atoms.reports)} deelrapporten, ${nl(Math.round(result.atoms.milliseconds))} ms); controle ${nl(Math.round(audit.milliseconds.total))} ms, ${nl(audit.solves.lp)} LP's, ${nl(audit.solves.milp)} MILP's.`,
    `  beschermd: ${nl(audit.protected)} van ${nl(audit.sensitive)} kleine aantallen; aantoonbaar niet beschermd: ${nl(audit.violations.filter((v) => v.proof !== "unresolved").length)}; niet beslist binnen de rekentijd: ${nl(audit.violations.filter((v) => v.proof === "unresolved").length)}.`
  ];
  if (secondary) {
    lines.push(`  secundaire afscherming over alle bestanden samen: ${nl(secondary.withhold.length)} aantallen extra afgeschermd${secondary.cached ? " (eerder gekozen voor precies dit stelsel)" : ` (${nl(secondary.solves)} LP's)`}.`);
    lines.push(`  ${keyFiguresSentence(secondary.keyFigures.length, result.minCount)}`);
    for (const k of secondary.keyFigures.slice(0, limit)) lines.push(`  - niet gepubliceerd: ${k.label} (${k.name}); beschermt ${k.protects}`);
  }
  if (result.cube) {
    const {cells, repeated, leftOut, own, tied, local, outside} = result.cube;
    lines.push(`  kubus van /verkennen: ${nl(cells)} cellen met leerlingen; ${nl(repeated)} gelijk aan het rapport (zelfde aantal of afgeschermd), ${nl(leftOut)} van een school of bestuur buiten de instelling van het rapport weggelaten, de andere hebben ${nl(own)} eigen aantallen: ${nl(tied)} afgeschermd omdat ze samen met een afgeschermd aantal uit het rapport volgen, ${nl(local)} omdat ze leerlingen van een school of bestuur tellen, de rest verstoord${outside > 0 ? ` (${nl(outside)} cellen niet uit basiscellen op te bouwen)` : ""}.`);
  }
  if (result.cubeAttack) {
    const {variables, relations, narrowed, pinned} = result.cubeAttack;
    lines.push(`  kubus als aanvaller opgeteld (${nl(variables)} aantallen, ${nl(relations)} verbanden): ${nl(narrowed)} smaller dan hun eigen gepubliceerde waarde zegt, ${nl(pinned.length)} smaller dan ${result.width} vastgelegd.`);
  }
  if (result.unmodelled.length > 0) lines.push(`  niet in het model (geen basiscellen): ${result.unmodelled.slice(0, 5).join("; ")}${result.unmodelled.length > 5 ? " …" : ""}`);
  if (result.inconsistent.length > 0) lines.push(`  hetzelfde aantal in verschillende vormen: ${nl(result.inconsistent.length)} keer, bv. ${result.inconsistent[0].cells.slice(0, 3).join(" / ")} (${result.inconsistent[0].forms.join(" / ")})`);
  for (const seam of SEAMS) lines.push(`  niet gecontroleerd: ${seam.prefix}* — ${seam.reason}`);
  const reason: Record<string, string> = {
    shown: "staat gewoon gepubliceerd",
    form: "het teken zegt al genoeg",
    propagation: "volgt uit de omliggende cijfers",
    lp: "volgt uit de omliggende cijfers",
    milp: "volgt uit de omliggende cijfers (in hele getallen)",
    unresolved: "niet vast te stellen binnen de tijd",
    pool: ""
  };
  const show = (title: string, findings: AuditResult["violations"]) => {
    if (findings.length === 0) return;
    lines.push(title);
    for (const v of findings.slice(0, limit)) {
      lines.push(`  - ${v.name}: te bewijzen ${v.lo} … ${v.hi === Infinity ? "∞" : v.hi} (${reason[v.proof]})${v.pinnedBy.length ? `; vastgelegd door ${v.pinnedBy.slice(0, 4).join("; ")}${v.pinnedBy.length > 4 ? " …" : ""}` : ""}`);
    }
    if (findings.length > limit) lines.push(`  … en nog ${nl(findings.length - limit)}`);
  };
  show("Niet beschermd zoals gepubliceerd:", audit.violations.filter((v) => v.proof !== "form"));
  return lines.join("\n");
}

/**
 * The key figures withheld (secondary.ts; the default data has none): the FG page and the build log
 * say how many and why.
 */
export function keyFiguresSentence(count: number, minCount: number): string {
  if (count === 0) return "Alle kerngetallen zijn gepubliceerd.";
  return `${nl(count)} ${count === 1 ? "kerngetal" : "kerngetallen"} niet gepubliceerd, omdat anders een klein aantal (1 tot en met ${minCount - 1}) uit de andere gepubliceerde cijfers terug te rekenen was en geen ander aantal dat kon voorkomen.`;
}

/** What the privacy officer's page shows: figures only, no cell names or values. */
export interface PrivacySummary {
  minCount: number;
  width: number;
  cellCount: number;
  hiddenCount: number;
  smallCount: number;
  protectedCount: number;
  /** Small counts proven unprotected (pinned or too narrowly bounded). */
  violationCount: number;
  /** Small counts the audit did not decide within its solver time (never counted as protected). */
  undecidedCount: number;
  perturbedCount: number;
  /** Counts withheld by the release-wide secondary suppression, on top of the rules. */
  secondaryCount: number;
  /** Of those, the counts its second step withheld to protect the cube's small cells. */
  cubeSecondaryCount: number;
  /** Groups of schools the search ran in (more than SCHOOLS_PER_GROUP schools), or null. */
  schoolBlocks: {count: number; perGroup: number; perBlock: number} | null;
  /** Key figures among them (one per quantity), in words without their values, and the sentence why. */
  keyFigures: {count: number; labels: string[]; sentence: string};
  files: {file: string; cellCount: number; hiddenCount: number}[];
  cube: ReleaseAudit["cube"];
  /** The cube attacked from its files: how many counts, and how many it pins (the build stops on any). */
  cubeAttack: {variables: number; relations: number; pinned: number} | null;
  unauditedFiles: {prefix: string; reason: string}[];
}

/** Registered and withheld counts per output (the factsheets together), in the registry's order. */
export function withheldPerOutput(registry: Registry): Map<string, {cellCount: number; hiddenCount: number}> {
  const perOutput = new Map<string, {cellCount: number; hiddenCount: number}>();
  for (const cell of registry.cells) {
    const output = reportPartOfFile(cell.file);
    const entry = perOutput.get(output) ?? {cellCount: 0, hiddenCount: 0};
    entry.cellCount++;
    if (cell.form.kind !== "exact") entry.hiddenCount++;
    perOutput.set(output, entry);
  }
  return perOutput;
}

export function privacySummary(result: ReleaseAudit, registry: Registry, secondary: Pick<SecondaryPattern, "withhold" | "keyFigures" | "steps">): PrivacySummary {
  const perFile = withheldPerOutput(registry);
  const {audit} = result;
  return {
    minCount: registry.minCount,
    width: registry.width,
    cellCount: audit.cells,
    hiddenCount: audit.hidden,
    smallCount: audit.sensitive,
    protectedCount: audit.protected,
    violationCount: audit.violations.filter((v) => v.proof !== "unresolved").length,
    undecidedCount: audit.violations.filter((v) => v.proof === "unresolved").length,
    perturbedCount: result.system.cells.filter((c) => c.form.kind === "perturbed").length,
    secondaryCount: secondary.withhold.length,
    cubeSecondaryCount: secondary.steps[1]?.withhold.length ?? 0,
    schoolBlocks: result.schoolBlocks ? {count: result.schoolBlocks.groupCount, perGroup: SCHOOLS_PER_GROUP, perBlock: result.schoolBlocks.schoolsPerBlock} : null,
    keyFigures: {count: secondary.keyFigures.length, labels: secondary.keyFigures.map((k) => k.label), sentence: keyFiguresSentence(secondary.keyFigures.length, registry.minCount)},
    files: [...perFile].map(([file, v]) => ({file, ...v})),
    cube: result.cube,
    cubeAttack: result.cubeAttack ? {variables: result.cubeAttack.variables, relations: result.cubeAttack.relations, pinned: result.cubeAttack.pinned.length} : null,
    unauditedFiles: SEAMS,
  };
}
