// npm run bench:region (issue 13 item 1): writes the five invented municipalities of one region
// (tests/fixtures/region.ts) and builds the region with its one command, `nadere-ogen build <map> --regio`,
// timing the whole and printing the build's own figures. `-- --data-only` times only the region's numbers
// (loaders/pipeline.ts regionRelease: five releases and the audit over their union), without a site.
// Caches (node_modules/.cache/nadere-ogen) make a second run faster: remove them for a cold figure.
import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {writeFixtureRegion} from "../tests/fixtures/region.js";

const root = mkdtempSync(path.join(os.tmpdir(), "regio-bench-"));
const input = writeFixtureRegion(path.join(root, "invoer"));
const started = performance.now();
let code = 0;
if (process.argv.includes("--data-only")) {
  const {regionRelease} = await import("../loaders/pipeline.js");
  const release = await regionRelease(input);
  console.log(release.log);
  if (release.failure) {
    console.log(release.failure);
    code = 1;
  }
} else {
  const {runCli} = await import("../scripts/cli.js");
  const out = path.join(root, "site");
  code = await runCli(["build", input, "--regio", "--out", out]);
  if (code === 0) console.log(`In ${out}: ${readdirSync(out).filter((f) => !f.startsWith("_")).join(", ")}`);
}
console.log(`bench:region: ${((performance.now() - started) / 1000).toFixed(1)} s wall, exit code ${code}, peak RSS of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
if (!process.argv.includes("--keep")) rmSync(root, {recursive: true, force: true});
process.exit(code);
