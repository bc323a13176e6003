// The same input builds the same site byte for byte. global-setup.ts has built dist/ from a clean
// cache and, once dist/ was served, built the site a second time into another folder with the data
// loaders run afresh (runSecondBuild); this waits for that second build and compares a hash of every
// file.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {expect, test} from "vitest";
import type {SecondBuild} from "./global-setup.js";
import {offlineBuild} from "./chromium.js";

const build = offlineBuild();

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

test.skipIf(build.exitCode !== 0)("a second build of the same input is byte-identical to dist/", async () => {
  const first = hashes(build.distDir);
  while (!existsSync(build.secondStatusFile)) await sleep(500);
  const run = JSON.parse(readFileSync(build.secondStatusFile, "utf8")) as SecondBuild;
  expect(run.exitCode, run.output).toBe(0);
  console.log(`second build: ${(run.durationMs / 1000).toFixed(1)} s, ${first.size} files`);
  const again = hashes(build.secondDir);
  const differing = [...new Set([...first.keys(), ...again.keys()])].filter((name) => first.get(name) !== again.get(name));
  expect(differing).toEqual([]);
  expect(first.size).toBeGreaterThan(100);
}, 300_000);
