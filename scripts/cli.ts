// `npx nadere-ogen <opdracht>` (bin/nadere-ogen.mjs): init, import, check, build and tables for a
// municipality's own data folder, in Dutch. Built on commander: its help, argument checks and
// suggestions come for free, and its few English words are translated here (titles, errors).
// runCli returns the exit code instead of exiting, so the tests run it in-process.

import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {Command, CommanderError} from "commander";
import {loadAvailable, type LoadedDataset} from "../loaders/contract.js";
import {formatInputErrors, InputErrors} from "../loaders/errors.js";
import {fontNotice} from "../loaders/huisstijl.js";
import {readInputFiles, readRegion} from "../loaders/io.js";
import {inputSummary} from "../loaders/load.js";
import {contentOfFolder} from "../loaders/site.js";
import {memberSettings, municipalitySlug, regionMismatch, type RegionFacts, type RegionSpec} from "../loaders/region.js";
import {initTemplates} from "./cliTemplates.js";
import {brokenLinks, brokenLinksText} from "./linkCheck.mjs";
import {runImport} from "./import.js";
import {tablesText} from "./tableOutput.js";

const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));
const PROJECT_DIST = path.join(PROJECT_DIR, "dist");
const REGION_DIST = path.join(PROJECT_DIR, "dist-regio");

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Folders on the command line are relative to this. */
  cwd: string;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd()
};

// commander writes these titles and messages itself; everything else on screen is ours.
const TITLES: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Commands:": "Opdrachten:",
  "Arguments:": "Argumenten:",
  "Global Options:": "Algemene opties:"
};

const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/missing required argument '(.+)'/, (name) => `het argument <${name}> ontbreekt`],
  [/unknown command '(.+)'/, (name) => `onbekende opdracht "${name}"`],
  [/unknown option '(.+)'/, (name) => `onbekende optie "${name}"`],
  [/option '(.+)' argument missing/, (name) => `bij de optie ${name} ontbreekt de waarde`],
  [/too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)/, (name, want, got) => `te veel argumenten bij "${name}": verwacht ${want}, gekregen ${got}`],
  [/too many arguments/, () => "te veel argumenten"]
];

function dutchError(message: string): string {
  const text = message.replace(/^error: /, "").replace(/\(Did you mean (.+)\?\)/, "(bedoelt u $1?)");
  for (const [pattern, dutch] of ERRORS) {
    const match = pattern.exec(text);
    if (match) return `fout: ${text.replace(pattern, dutch(...match.slice(1)))}`;
  }
  return `fout: ${text}`;
}

const EPILOG = `
Voorbeeld:
  npx nadere-ogen init mijn-gemeente      maakt de map met voorbeeldbestanden
  npx nadere-ogen import bron mijn-gemeente  zet iJw, DUO en Excel om naar het datacontract
  npx nadere-ogen check mijn-gemeente     controleert de bestanden
  npx nadere-ogen build mijn-gemeente     bouwt de site in dist/
  npx nadere-ogen check mijn-regio --regio   controleert regio.json en de map van elke gemeente
  npx nadere-ogen build mijn-regio --regio   bouwt een regio: elke gemeente en de regiopagina's

Het datacontract (welke kolommen, welke notaties) staat in data/README.md.`;

/** The command line; each action hands its exit code to `exit`. */
function program(io: CliIo, exit: (code: number) => void): Command {
  const version = (JSON.parse(readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as {version: string}).version;
  const cli = new Command("nadere-ogen")
    .description("Maakt het rapport Met nadere ogen uit de gegevens van uw gemeente.")
    .usage("<opdracht> [opties]")
    .version(version, "-v, --versie", "toon het versienummer")
    .helpOption("-h, --help", "toon deze hulp")
    .helpCommand("help [opdracht]", "toon de hulp bij een opdracht")
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      // commander would list "check [options] <map>"; the usage set per command is Dutch.
      subcommandTerm: (command) => `${command.name()} ${command.usage()}`
    })
    .configureOutput({writeOut: io.out, writeErr: io.err, outputError: (message, write) => write(`${dutchError(message.trim())}\n`)})
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText("after", EPILOG);

  // Subcommands copy the settings above (help texts, output, exitOverride) when they are made.
  cli
    .command("init")
    .usage("<map>")
    .description("maak een nieuwe invoermap met de vijf bestanden als voorbeeld, om zelf in te vullen")
    .argument("<map>", "de map die gemaakt wordt (moet leeg zijn of nog niet bestaan)")
    .action((dir: string) => exit(init(folder(io, dir), io)));
  cli
    .command("check")
    .usage("<map> [opties]")
    .description("controleer de invoermap zonder te bouwen; meldt alle fouten tegelijk")
    .argument("<map>", "de invoermap")
    .option("--max <aantal>", "meld hooguit zoveel fouten (standaard: alle)")
    .option("--regio", "de map is een regio: controleer regio.json en de map van elke gemeente")
    .action((dir: string, options: {max?: string; regio?: boolean}) => {
      if (!options.regio) return exit(check(folder(io, dir), io, options.max));
      if (checkRegion(folder(io, dir), io) === null) return exit(1);
      io.out("In orde: de regio en de map van elke gemeente voldoen aan het datacontract.\n");
      exit(0);
    });
  cli
    .command("build")
    .usage("<map> [opties]")
    .description("controleer de invoermap en bouw de site (zoals npm run build)")
    .argument("<map>", "de invoermap")
    .option("--out <map>", "waar de site komt (standaard: dist/ in deze repository)")
    .option("--regio", "de map is een regio: regio.json met de naam en de mappen van de gemeenten (zie README, Een regio)")
    .action(async (dir: string, options: {out?: string; regio?: boolean}) => {
      const out = options.out ? folder(io, options.out) : PROJECT_DIST;
      exit(options.regio ? await buildRegion(folder(io, dir), out, io) : build(folder(io, dir), out, io));
    });
  cli
    .command("import")
    .usage("<bronmap> <doelmap>")
    .description("zet iJw-berichten, DUO-bestanden en Excel-werkmappen om naar de vijf bestanden van het datacontract")
    .argument("<bronmap>", "de map met wat de gemeente heeft (zie data/README.md, Importeren)")
    .argument("<doelmap>", "de nieuwe invoermap; er wordt niets geschreven als de import een fout vindt")
    .action((source: string, target: string) => exit(runImport(folder(io, source), folder(io, target), io.err)));
  cli
    .command("tables")
    .usage("<map> [opties]")
    .description("druk alle tabellen van het rapport af (zoals npm run tables), afgeschermd als op de site")
    .argument("<map>", "de invoermap")
    .option("--csv", "als CSV in plaats van JSON")
    .option("--tabel <naam>", "alleen de tabel(len) waarvan de naam zo begint, bv. tabel6")
    .action(async (dir: string, options: {csv?: boolean; tabel?: string}) => exit(await tables(folder(io, dir), io, options)));
  return cli;
}

const folder = (io: CliIo, dir: string) => path.resolve(io.cwd, dir);

/** The folder as the user would type it from here. */
function shortPath(dir: string, io: CliIo): string {
  const relative = path.relative(io.cwd, dir);
  return relative === "" ? "." : relative.startsWith("..") ? dir : relative;
}

/** Runs one command line (without "node" and the script); returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const cli = program(io, (exitCode) => (code = exitCode));
  if (argv.length === 0) {
    cli.outputHelp();
    return 1;
  }
  try {
    await cli.parseAsync(argv, {from: "user"});
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return code;
}

function init(dir: string, io: CliIo): number {
  const existing = statSync(dir, {throwIfNoEntry: false});
  if (existing && !existing.isDirectory()) {
    io.err(`${dir} bestaat al en is geen map. Kies een andere naam.\n`);
    return 1;
  }
  if (existing && readdirSync(dir).length > 0) {
    io.err(`${dir} is niet leeg; init overschrijft niets. Kies een nieuwe of lege map.\n`);
    return 1;
  }
  mkdirSync(dir, {recursive: true});
  const files = initTemplates();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  io.out(
    [
      `Gemaakt: ${dir}`,
      ...Object.keys(files).map((name) => `- ${name}`),
      "",
      "Elk CSV-bestand heeft de kolomnamen en één voorbeeldregel. Vervang de voorbeeldregels door de",
      "gegevens van uw gemeente en pas instellingen.json aan (elke instelling staat erin uitgelegd).",
      `Controleer daarna met: npx nadere-ogen check ${shortPath(dir, io)}`,
      ""
    ].join("\n")
  );
  return 0;
}

/** True when a file still holds init's example text: worth saying before any error. */
function templatesLeft(dir: string): string[] {
  return Object.entries(initTemplates())
    .filter(([name, text]) => existsSync(path.join(dir, name)) && readFileSync(path.join(dir, name), "utf8") === text)
    .map(([name]) => name);
}

/** The Dutch report of the folder: every error, or OK with the scope and quality summary. */
function validate(dir: string, io: CliIo, max = Infinity): LoadedDataset | null {
  const untouched = templatesLeft(dir);
  if (untouched.length > 0) {
    io.err(`Let op: ${untouched.join(", ")} ${untouched.length === 1 ? "is" : "zijn"} nog precies het voorbeeld van init; vul uw eigen gegevens in.\n`);
  }
  try {
    const {files, duo, errors} = readInputFiles(dir);
    const loaded = loadAvailable(files, errors);
    // The content folder stops the build too (its identity, its house style): say so before building.
    const content = contentOfFolder(dir);
    const notice = fontNotice(content.fontTokens);
    io.out(`${inputSummary(dir, loaded, duo)}\n${notice && `${notice}\n`}`);
    return loaded;
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    io.err(`Invoermap: ${dir}\n${formatInputErrors(error.errors, max)}\n`);
    return null;
  }
}

function check(dir: string, io: CliIo, max?: string): number {
  const limit = max === undefined ? Infinity : Number(max);
  if (max !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    io.err(`fout: --max moet een geheel getal van 1 of meer zijn, niet "${max}"\n`);
    return 2;
  }
  if (validate(dir, io, limit) === null) return 1;
  io.out("In orde: de invoermap voldoet aan het datacontract.\n");
  return 0;
}

/**
 * Checks first (the full report, in seconds), then runs `npm run build` with the folder in
 * NADERE_OGEN_DATA. The build writes dist/ in this repository; with --out elsewhere the finished
 * site moves there and replaces an earlier build. A failed build leaves no dist/ and no --out.
 */
function build(dir: string, out: string, io: CliIo): number {
  if (!outAllowed(out, io)) return 1;
  if (validate(dir, io) === null) return 1;
  if (!runBuild("build", PROJECT_DIST, {NADERE_OGEN_DATA: dir}, io)) return 1;
  if (out !== PROJECT_DIST) moveSite(PROJECT_DIST, out);
  io.out(`Klaar: de site staat in ${out}\n`);
  return 0;
}

/** --out may replace an empty folder or an earlier build only. */
function outAllowed(out: string, io: CliIo): boolean {
  const target = statSync(out, {throwIfNoEntry: false});
  const previousBuild = target?.isDirectory() && (readdirSync(out).length === 0 || existsSync(path.join(out, "index.html")));
  if (out !== PROJECT_DIST && target && !previousBuild) {
    io.err(`${out} bestaat al en is geen eerdere bouw van de site (geen index.html); kies een lege of nieuwe map voor --out.\n`);
    return false;
  }
  return true;
}

const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

/** One `npm run <script>` with the input in its environment; on failure nothing is left in `output`. */
function runBuild(script: string, output: string, env: Record<string, string>, io: CliIo): boolean {
  const result = spawnSync("npm", ["run", script], {cwd: PROJECT_DIR, env: {...process.env, ...env}, stdio: ["ignore", "inherit", "inherit"]});
  if (result.status === 0) return true;
  // The locked scripts remove their output when Framework fails; a failing postbuild step would leave it.
  rmSync(output, {recursive: true, force: true});
  io.err("De bouw is mislukt (zie de meldingen hierboven); er is geen site gemaakt.\n");
  return false;
}

/**
 * A region (issue 13 item 1): every municipality's folder checked first, then each one's own site
 * into /<gemeente>/ and the region's pages at the top (observablehq.regio.config.ts), all in a folder
 * beside --out that replaces it only when everything has been built: a failure leaves no half region.
 */
async function buildRegion(dir: string, out: string, io: CliIo): Promise<number> {
  if (!outAllowed(out, io)) return 1;
  const region = checkRegion(dir, io);
  if (region === null) return 1;
  const {spec, members} = region;
  const staging = `${out}.regio-${process.pid}`;
  rmSync(staging, {recursive: true, force: true});
  const started = Date.now();
  let linksChecked = 0;
  try {
    for (const [i, member] of spec.folders.entries()) {
      const step = Date.now();
      io.out(`Gemeente ${i + 1} van ${spec.folders.length}: ${members[i].municipality}\n`);
      if (!runBuild("build", PROJECT_DIST, {NADERE_OGEN_DATA: member}, io)) return 1;
      moveSite(PROJECT_DIST, path.join(staging, municipalitySlug(members[i].municipality)));
      io.out(`${members[i].municipality} gebouwd in ${seconds(step)} s\n`);
    }
    const step = Date.now();
    io.out(`De regiopagina's van ${spec.name}\n`);
    if (!runBuild("build:regio", REGION_DIST, {NADERE_OGEN_REGIO: dir}, io)) return 1;
    io.out(`De regiopagina's gebouwd in ${seconds(step)} s\n`);
    for (const entry of readdirSync(REGION_DIST)) renameSync(path.join(REGION_DIST, entry), path.join(staging, entry));
    rmSync(REGION_DIST, {recursive: true, force: true});
    // The region's pages link to the municipalities' sites, which only now sit beside them.
    const links = await brokenLinks(staging);
    if (links.broken.length > 0) {
      io.err(`${brokenLinksText(links, " in de regio")}\nEr is geen site gemaakt.\n`);
      return 1;
    }
    linksChecked = links.checked;
    moveSite(staging, out);
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
  io.out(`Klaar: de regio ${spec.name} (${members.length} gemeenten) staat in ${out} (${seconds(started)} s; ${linksChecked} koppelingen gecontroleerd, alle in orde)\n`);
  return 0;
}

/** regio.json and every municipality's folder checked, each with its full report; null when anything is wrong. */
function checkRegion(dir: string, io: CliIo): {spec: RegionSpec; members: RegionFacts[]} | null {
  let spec: RegionSpec;
  try {
    spec = readRegion(dir);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    io.err(`Regiomap: ${dir}\n${formatInputErrors(error.errors)}\n`);
    return null;
  }
  const members: RegionFacts[] = [];
  let broken = false;
  // Every folder's report, not only the first broken one's.
  for (const member of spec.folders) {
    const loaded = validate(member, io);
    if (loaded === null) {
      broken = true;
      continue;
    }
    const {settings} = loaded.dataset;
    members.push({municipality: settings.municipality, years: settings.years, settings: memberSettings(settings)});
  }
  if (broken) return null;
  const mismatch = regionMismatch(members);
  if (mismatch) {
    io.err(`Regiomap: ${dir}\n${mismatch}\n`);
    return null;
  }
  return {spec, members};
}

/** Moves the built site into place whole: first beside the target, then one rename. */
function moveSite(from: string, to: string): void {
  const staging = `${to}.nieuw-${process.pid}`;
  mkdirSync(path.dirname(to), {recursive: true});
  try {
    renameSync(from, staging);
  } catch (error) {
    // Another disk: renaming is not possible, copying is.
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, staging, {recursive: true});
    rmSync(from, {recursive: true, force: true});
  }
  rmSync(to, {recursive: true, force: true});
  renameSync(staging, to);
}

async function tables(dir: string, io: CliIo, options: {csv?: boolean; tabel?: string}): Promise<number> {
  try {
    // The release pipeline (HiGHS, the disclosure model) loads only for this command.
    const {publicReportFromEnvironment} = await import("../loaders/pipeline.js");
    const {report} = await publicReportFromEnvironment({env: {...process.env, NADERE_OGEN_DATA: dir}, log: io.err});
    const result = tablesText(report, options);
    if ("error" in result) {
      io.err(`${result.error}\n`);
      return 2;
    }
    io.out(result.text);
    return 0;
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    io.err(`${error.message}\n`);
    return 1;
  }
}
