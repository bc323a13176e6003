// Runs once before the browser tests: the real `npm run build` (clean + seed + observable build +
// postbuild) with every network request blocked (scripts/no-network.mjs, inherited by every Node child
// through NODE_OPTIONS), then scripts/serve-dist.mjs on a free port. The build's exit code and log are
// handed to the tests instead of throwing here, so a failed build shows up as a failed test with its log.
import {spawn} from "node:child_process";
import {mkdirSync, openSync, closeSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {TestProject} from "vitest/node";
import {serveDist} from "../../scripts/serveDist.js";

export interface OfflineBuild {
  exitCode: number;
  durationMs: number;
  /** stdout and stderr of the whole build, interleaved as printed */
  logFile: string;
  /** one line per Node process that loaded the no-network preload */
  traceFile: string;
  distDir: string;
  /** where serve-dist serves dist/, e.g. "http://127.0.0.1:41234/"; null when the build failed */
  baseUrl: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    offlineBuild: OfflineBuild;
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

export default async function setup(project: TestProject) {
  mkdirSync(outputDir, {recursive: true});
  const logFile = path.join(outputDir, "offline-build.log");
  const traceFile = path.join(outputDir, "offline-build.trace");
  rmSync(traceFile, {force: true});
  const started = Date.now();
  const exitCode = await runBuild(logFile, traceFile);
  const durationMs = Date.now() - started;
  writeFileSync(path.join(outputDir, "offline-build.json"), JSON.stringify({exitCode, durationMs}) + "\n");

  const distDir = path.join(projectDir, "dist");
  const served = exitCode === 0 ? await serveDist(distDir) : null;
  project.provide("offlineBuild", {exitCode, durationMs, logFile, traceFile, distDir, baseUrl: served?.baseUrl ?? null});

  return async () => {
    if (!served || served.server.exitCode !== null) return;
    const stopped = new Promise((resolve) => served.server.once("exit", resolve));
    served.server.kill("SIGTERM");
    await stopped;
  };
}
