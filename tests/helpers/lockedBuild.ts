// A site build that the browser tests start beside themselves (the default site's second build,
// the invented municipalities' sites): `sh -c script sh out` under the build lock, like every build
// (they share src/.observablehq/cache), with the network blocked like the first build
// (scripts/no-network.mjs). Its own process group, so stop() ends the whole build when a run of a few
// test files does not need it.
import {spawn} from "node:child_process";
import path from "node:path";
import {pathToFileURL} from "node:url";

export interface BuildResult {
  exitCode: number;
  durationMs: number;
  /** the last few kB of stdout and stderr */
  output: string;
}

export interface LockedBuild {
  done: Promise<BuildResult>;
  stop(): void;
}

const projectDir = path.resolve(import.meta.dirname, "../..");

export function lockedBuild(script: string, out: string, env: Record<string, string> = {}): LockedBuild {
  const noNetwork = pathToFileURL(path.join(projectDir, "scripts", "no-network.mjs")).href;
  const started = Date.now();
  const child = spawn("flock", ["node_modules/.build.lock", "sh", "-c", script, "sh", out], {
    cwd: projectDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${path.join(projectDir, "node_modules", ".bin")}:${process.env.PATH}`,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${noNetwork}`.trim(),
      NADERE_OGEN_OUTPUT: out,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      FORCE_COLOR: "0",
      ...env
    }
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const done = new Promise<number>((resolve) => {
    child.on("error", () => resolve(-1));
    child.on("close", (code) => resolve(code ?? -1));
  }).then((exitCode): BuildResult => ({exitCode, durationMs: Date.now() - started, output}));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
  };
  return {done, stop};
}
