// npm run patterns — writes the secondary-suppression pattern of every input the test suite builds
// (the default data and the two invented municipalities of tests/fixtures/municipalities.ts) into
// data/afscherming/, and removes the patterns of systems that no longer occur. A fresh clone then
// reads these instead of searching again (loaders/io.ts committedPatterns); the build's audit still
// proves each release. Run it after a change that alters a disclosure system (the unit test
// tests/unit/committed-patterns.test.ts says when the default data's pattern is missing).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {committedPatterns, resolveDataDir} from "../loaders/io.js";
import {loadFromEnvironment} from "../loaders/load.js";
import {releasedReport} from "../loaders/pipeline.js";
import {FIXTURE_MUNICIPALITIES, writeFixtureMunicipality} from "../tests/fixtures/municipalities.js";

const fixtureRoot = mkdtempSync(path.join(tmpdir(), "nadere-ogen-patterns-"));
try {
  const inputs = [
    {name: "standaardgegevens", dir: resolveDataDir({})},
    ...FIXTURE_MUNICIPALITIES.map((m) => ({name: m.municipality, dir: writeFixtureMunicipality(fixtureRoot, m)}))
  ];
  const kept = new Set<string>();
  for (const {name, dir} of inputs) {
    const started = performance.now();
    const {dataset} = loadFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: () => {}});
    const {secondary} = await releasedReport(dataset);
    // Without the witness points: they are whole feasible points (about 15 MB for the default data's
    // cube step), worth their size in the build cache but not in the repository; a fresh clone's audit
    // solves what they would have proven.
    for (const {cached, key, witnesses, ...step} of secondary.steps) {
      committedPatterns.write(key, JSON.stringify(step) + "\n");
      kept.add(key);
      console.log(`${name}: ${key}.json, ${step.withhold.length} counts withheld, ${step.unresolved.length} unresolvable (${cached ? "already known" : "searched"}; ${witnesses?.length ?? 0} witness points left out)`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${name}: ${secondary.withhold.length} counts withheld in all, ${seconds} s`);
  }
  for (const key of committedPatterns.keys()) {
    if (kept.has(key)) continue;
    committedPatterns.remove(key);
    console.log(`removed ${key}.json (no input of the test suite has that system any more)`);
  }
} finally {
  rmSync(fixtureRoot, {recursive: true, force: true});
}
