// Runs once before the test files: the real `npm run build` (clean + seed + observable build +
// postbuild) with every network request blocked (scripts/no-network.mjs, inherited by every Node child
// through NODE_OPTIONS), then scripts/serve-dist.mjs on a free port. The build's exit code and log are
// handed to the tests instead of throwing here, so a failed build shows up as a failed test with its log.
//
// The build runs in the background: Vitest runs the browser files (one at a time) after every unit
// file, so the unit files run on one core while the build uses the other (issue 11: the suite within
// 8 minutes on 2 cores). wait-for-build.ts holds each browser file until the build is served. The
// disclosure step is solved first, here, into the cache the build and the unit project read: were the
// build and tests/release-setup.ts to start cold together, both would solve the same system at once.
// Once dist/ is served, the same lock runs the second build (reproducible-build.test.ts) and then the
// invented municipalities' sites (tests/helpers/fixtureSites.ts, gemeenten.test.ts) on the core the
// browser files leave; tests/sequencer.ts puts the two files that wait for them last.
import {spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {TestProject} from "vitest/node";
import {type ServedSite, serveDist} from "../../scripts/serveDist.js";
import {buildFixtureSites} from "../helpers/fixtureSites.js";
import {lockedBuild, type BuildResult, type LockedBuild} from "../helpers/lockedBuild.js";
import solveRelease from "../release-setup.js";

/** Where the build writes; known before it starts (inject("offlineBuild")). */
export interface BuildFiles {
  /** stdout and stderr of the whole build, interleaved as printed */
  logFile: string;
  /** one line per Node process that loaded the no-network preload */
  traceFile: string;
  distDir: string;
  /** {exitCode, durationMs, baseUrl} once the build has finished and dist/ is served (or the build failed) */
  statusFile: string;
  /** The second build of the same input (reproducible-build.test.ts): its folder and, once done, its SecondBuild */
  secondDir: string;
  secondStatusFile: string;
  /** Where each invented municipality's site build reports (tests/helpers/fixtureSites.ts). */
  fixtureStatusDir: string;
}

/** What the second build reports (reproducible-build.test.ts reads it from secondStatusFile). */
export type SecondBuild = BuildResult;

export interface OfflineBuild extends BuildFiles {
  exitCode: number;
  durationMs: number;
  /** where serve-dist serves dist/, e.g. "http://127.0.0.1:41234/"; null when the build failed */
  baseUrl: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    offlineBuild: BuildFiles;
  }
}

const projectDir = fileURLToPath(new URL("../..", import.meta.url));
const outputDir = path.join(projectDir, "node_modules", ".cache", "nadere-ogen");

function runBuild(logFile: string, traceFile: string): Promise<number> {
  const noNetwork = pathToFileURL(path.join(projectDir, "scripts", "no-network.mjs")).href;
  const log = openSync(logFile, "w");
  const build = spawn("npm", ["run", "build"], {
    cwd: projectDir,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${noNetwork}`.trim(),
      NO_NETWORK_TRACE: traceFile,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      // npm itself would otherwise ask the registry whether it is outdated (a blocked, logged request).
      npm_config_update_notifier: "false",
      FORCE_COLOR: "0"
    }
  });
  return new Promise<number>((resolve) => {
    build.on("error", () => resolve(-1));
    build.on("exit", (code) => resolve(code ?? -1));
  }).finally(() => closeSync(log));
}

/**
 * The site built a second time into `outDir`, with the data loaders run afresh (their outputs get new
 * modification times, which Framework writes into the pages). Under the build lock, like npm run
 * build: no other build may empty the cache meanwhile. Only the loaders' cache goes
 * (src/.observablehq/cache/data), so they really run again; the npm cache that `npm run seed` filled
 * stays: it is input, not output. The solver results (secondary pattern, audit) stay cached by their
 * system's hash. Started as soon as dist/ is served, so it runs beside the tests.
 */
function runSecondBuild(outDir: string): LockedBuild {
  // The released report and the audited archive afresh too (pipeline.ts): read from the first build's
  // cache entries, a report computed differently twice would pass unseen.
  return lockedBuild(`rm -rf src/.observablehq/cache/data && observable build && node scripts/postbuild.mjs "$1"`, outDir, {NADERE_OGEN_FRESH_REPORT: "1"});
}

export default async function setup(project: TestProject) {
  mkdirSync(outputDir, {recursive: true});
  const logFile = path.join(outputDir, "offline-build.log");
  const traceFile = path.join(outputDir, "offline-build.trace");
  const statusFile = path.join(outputDir, "offline-build.json");
  const secondStatusFile = path.join(outputDir, "second-build.json");
  const secondDir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-build-"));
  const fixtureInputs = mkdtempSync(path.join(tmpdir(), "nadere-ogen-gemeenten-"));
  const fixtureStatusDir = path.join(outputDir, "gemeenten-status");
  rmSync(fixtureStatusDir, {recursive: true, force: true});
  mkdirSync(fixtureStatusDir, {recursive: true});
  for (const file of [traceFile, statusFile, secondStatusFile]) rmSync(file, {force: true});
  // A release that fails to solve fails the build too, and the build's log is what the tests show.
  await solveRelease().catch(() => {});

  const distDir = path.join(projectDir, "dist");
  let served: ServedSite | null = null;
  let second: LockedBuild | null = null;
  let fixtures: ReturnType<typeof buildFixtureSites> | null = null;
  let tearingDown = false;
  const started = Date.now();
  const finished = runBuild(logFile, traceFile).then(async (exitCode) => {
    const durationMs = Date.now() - started;
    served = exitCode === 0 ? await serveDist(distDir) : null;
    writeFileSync(statusFile, JSON.stringify({exitCode, durationMs, baseUrl: served?.baseUrl ?? null}) + "\n");
    if (exitCode === 0 && !tearingDown) {
      second = runSecondBuild(secondDir);
      writeFileSync(secondStatusFile, JSON.stringify(await second.done) + "\n");
    }
    // Then the invented municipalities' sites (gemeenten.test.ts, which runs last; they do not need
    // dist/), one by one under the same lock, while the other browser files run.
    if (tearingDown) return;
    fixtures = buildFixtureSites(fixtureInputs, fixtureStatusDir);
    await fixtures.done;
  });
  project.provide("offlineBuild", {logFile, traceFile, distDir, statusFile, secondDir, secondStatusFile, fixtureStatusDir});

  return async () => {
    // Only reproducible-build.test.ts waits for the second build and gemeenten.test.ts for the
    // fixtures' sites; when they were not among the files run, those builds may still be going.
    tearingDown = true;
    (second as LockedBuild | null)?.stop();
    (fixtures as ReturnType<typeof buildFixtureSites> | null)?.stop();
    await finished;
    rmSync(secondDir, {recursive: true, force: true});
    rmSync(fixtureInputs, {recursive: true, force: true});
    const server = (served as ServedSite | null)?.server;
    if (!server || server.exitCode !== null) return;
    const stopped = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
  };
}
