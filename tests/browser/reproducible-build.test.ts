// The same input builds the same site byte for byte. global-setup.ts has built dist/ from a clean
// cache; this builds the site a second time into another folder, with the data loaders run afresh
// (their outputs get new modification times, which Framework writes into the pages), and compares a
// hash of every file. The npm cache that `npm run seed` filled stays: it is input, not output, and
// re-seeding would only add time.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {afterAll, expect, inject, test} from "vitest";

const build = inject("offlineBuild");
const projectDir = fileURLToPath(new URL("../..", import.meta.url));
const second = mkdtempSync(path.join(tmpdir(), "nadere-ogen-build-"));

afterAll(() => rmSync(second, {recursive: true, force: true}));

/** Relative path → SHA-256 of every file below `dir`. */
function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, {withFileTypes: true, recursive: true}).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort()
      .map((name) => [name, createHash("sha256").update(readFileSync(path.join(dir, name))).digest("hex")])
  );
}

test.skipIf(build.exitCode !== 0)("a second build of the same input is byte-identical to dist/", () => {
  const first = hashes(build.distDir);
  const noNetwork = pathToFileURL(path.join(projectDir, "scripts", "no-network.mjs")).href;
  // Under the build lock, like npm run build: no other build may empty the cache meanwhile. Only the
  // loaders' cache goes (src/.observablehq/cache/data), so they really run again.
  const script = `rm -rf src/.observablehq/cache/data && observable build && node scripts/postbuild.mjs "$1"`;
  const started = Date.now();
  const run = spawnSync("flock", ["node_modules/.build.lock", "sh", "-c", script, "sh", second], {
    cwd: projectDir,
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: `${path.join(projectDir, "node_modules", ".bin")}:${process.env.PATH}`,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${noNetwork}`.trim(),
      NADERE_OGEN_OUTPUT: second,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      FORCE_COLOR: "0"
    }
  });
  expect(run.status, `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`).toBe(0);
  console.log(`second build: ${((Date.now() - started) / 1000).toFixed(1)} s, ${first.size} files`);
  const again = hashes(second);
  const differing = [...new Set([...first.keys(), ...again.keys()])].filter((name) => first.get(name) !== again.get(name));
  expect(differing).toEqual([]);
  expect(first.size).toBeGreaterThan(100);
}, 300_000);
