// The default data's secondary-suppression pattern is kept in the repository (data/afscherming/,
// loaders/io.ts committedPatterns), so that a fresh clone does not search it again. A change that
// alters the default data's disclosure system needs `npm run patterns`; without it every fresh build
// searches for minutes (and CI may run out of time), so this test fails first and says so.
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {committedPatterns} from "../../loaders/io.js";
import {loadFromEnvironment} from "../../loaders/load.js";
import {releasedReport} from "../../loaders/pipeline.js";

describe("the repository's secondary-suppression patterns", () => {
  test("include the default data's current disclosure system, with what the release withholds", async () => {
    const {dataset} = loadFromEnvironment({env: {}, log: () => {}});
    const {secondary} = await releasedReport(dataset);
    // Two steps: the report's counts, then the explorer's cube beside them.
    expect(secondary.steps).toHaveLength(2);
    for (const step of secondary.steps) {
      expect(committedPatterns.keys(), `data/afscherming/ has no pattern for ${step.key}: run npm run patterns`).toContain(step.key);
      const committed = JSON.parse(committedPatterns.read(step.key, {}) as string) as {withhold: string[]};
      expect(committed.withhold).toEqual(step.withhold);
    }
  });

  test("are used only for exactly their system, and not when a cold search is asked for", () => {
    expect(committedPatterns.read("000000000000000000000000", {})).toBeNull();
    const [key] = committedPatterns.keys();
    expect(committedPatterns.read(key, {})).toBe(readFileSync(new URL(`../../data/afscherming/${key}.json`, import.meta.url), "utf8"));
    expect(committedPatterns.read(key, {NADERE_OGEN_SOLVE_COLD: "1"})).toBeNull();
  });
});
