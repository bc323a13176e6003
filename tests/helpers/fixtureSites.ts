// The invented municipalities' sites (tests/fixtures/municipalities.ts), built for
// tests/browser/gemeenten.test.ts. Building both takes minutes, so the browser project's global setup
// starts them in the background as soon as the default site is served (global-setup.ts): the browser
// files run one at a time on one core, and the builds use the other. gemeenten.test.ts runs last and
// waits for them (fixtureSiteStatus).
//
// Each site is kept in node_modules/.cache/nadere-ogen/gemeenten/<hash>/<key>/, keyed by the fixture's
// files and the code that builds a site; a second run with unchanged code builds nothing.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {lockedBuild, type LockedBuild} from "./lockedBuild.js";
import {FIXTURE_MUNICIPALITIES, writeFixtureMunicipality, type FixtureMunicipality} from "../fixtures/municipalities.js";

const projectDir = path.resolve(import.meta.dirname, "../..");
const cacheRoot = path.join(projectDir, "node_modules/.cache/nadere-ogen/gemeenten");

/** What gemeenten.test.ts reads once a fixture's build has ended: the site's folder, or why there is none. */
export interface FixtureSiteStatus {
  exitCode: number;
  dir: string;
  durationMs: number;
  /** the end of the build's output, for a failed build */
  log: string;
}

/** Where the background build of fixture `key` reports (written whole when it has ended). */
export const fixtureStatusFile = (statusDir: string, key: string) => path.join(statusDir, `gemeente-${key}.json`);

function filesBelow(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && !entry.parentPath.includes(".observablehq"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** What a built site depends on: the input folder and the code and pages that make a site of it. */
function buildKey(inputDir: string): string {
  const hash = createHash("sha256");
  const code = ["loaders", "src", "scripts"].flatMap((dir) => filesBelow(path.join(projectDir, dir)));
  for (const file of [...filesBelow(inputDir), ...code, path.join(projectDir, "observablehq.config.ts"), path.join(projectDir, "package-lock.json")]) {
    hash.update(path.relative(projectDir, file).startsWith("..") ? path.basename(file) : path.relative(projectDir, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the site of one input folder into `out`. Framework keeps page and data loader output in
 * src/.observablehq/cache by the loader's own date, not by the input folder: everything but the seeded
 * npm packages goes before and after, so neither this build nor the next one of other data reads the
 * other's pages.
 */
function buildSite(inputDir: string, out: string): LockedBuild {
  const clear = "find src/.observablehq/cache -mindepth 1 -maxdepth 1 ! -name _npm -exec rm -rf {} +";
  return lockedBuild(`${clear}; observable build && node scripts/postbuild.mjs "$1"; status=$?; ${clear}; exit $status`, out, {NADERE_OGEN_DATA: inputDir});
}

/**
 * Builds every fixture's site one after the other (or finds it built), each reporting in its status
 * file. `inputRoot` receives the fixtures' input folders. stop() ends the build under way; the
 * fixtures not reached yet report exit code -1.
 */
export function buildFixtureSites(inputRoot: string, statusDir: string): {done: Promise<void>; stop(): void} {
  let current: ReturnType<typeof buildSite> | null = null;
  let stopped = false;
  const report = (m: FixtureMunicipality, status: FixtureSiteStatus) => writeFileSync(fixtureStatusFile(statusDir, m.key), JSON.stringify(status) + "\n");
  const done = (async () => {
    for (const m of FIXTURE_MUNICIPALITIES) {
      const started = Date.now();
      const inputDir = writeFixtureMunicipality(inputRoot, m);
      const dir = path.join(cacheRoot, buildKey(inputDir), m.key);
      if (stopped) {
        report(m, {exitCode: -1, dir, durationMs: 0, log: "niet gebouwd: de testrun stopte eerder"});
        continue;
      }
      if (existsSync(path.join(dir, "index.html"))) {
        report(m, {exitCode: 0, dir, durationMs: 0, log: ""});
        continue;
      }
      mkdirSync(path.dirname(dir), {recursive: true});
      const staging = `${dir}.${process.pid}`;
      current = buildSite(inputDir, staging);
      const {exitCode, output: log} = await current.done;
      if (exitCode === 0) {
        rmSync(dir, {recursive: true, force: true});
        renameSync(staging, dir);
      } else {
        rmSync(staging, {recursive: true, force: true});
      }
      report(m, {exitCode, dir, durationMs: Date.now() - started, log});
    }
  })();
  return {
    done,
    stop() {
      stopped = true;
      current?.stop();
    }
  };
}

/** Waits for fixture `key`'s background build to end and returns its report. */
export async function fixtureSiteStatus(statusDir: string, key: string, timeoutMs: number): Promise<FixtureSiteStatus> {
  const file = fixtureStatusFile(statusDir, key);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the site of fixture ${key} was not built within ${Math.round(timeoutMs / 60_000)} minutes`);
    await sleep(500);
  }
  return JSON.parse(readFileSync(file, "utf8")) as FixtureSiteStatus;
}
