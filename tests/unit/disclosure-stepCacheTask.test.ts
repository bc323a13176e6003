// Witness points kept packed after a search in a worker (packedSystem.ts PointList), joined and packed
// for the audit's worker, and a step written to the build cache from them in a worker of its own
// (stepCacheTask.ts): the same text as JSON.stringify gives for the whole step.
import {randomUUID} from "node:crypto";
import {describe, expect, it} from "vitest";
import {buildCache} from "../../loaders/io.js";
import {joinedPoints, packPointList, packPoints, pointsOf} from "../../loaders/disclosure/packedSystem.js";
import type {SparsePoint} from "../../loaders/disclosure/pool.js";
import {stepCacheParts, writeStepInWorker} from "../../loaders/disclosure/stepCacheTask.js";

describe("witness points as one list", () => {
  const first: SparsePoint[] = [[[0, 1]], [[2, 0.5], [3, 4]]];
  const second: SparsePoint[] = [[], [[1, 7]]];

  it("joins packed points and an array, read in order", () => {
    const joined = joinedPoints([pointsOf(packPoints(first).packed), second]);
    expect(joined.length).toBe(4);
    expect([...joined]).toEqual([...first, ...second]);
    // A list joined again keeps its parts flat.
    expect(joinedPoints([joined, []]).parts).toHaveLength(3);
  });

  it("packs them as one: the offsets of the second part moved by the first's pairs", () => {
    const {packed} = packPointList(joinedPoints([pointsOf(packPoints(first).packed), second]));
    expect([...packed.start]).toEqual([0, 1, 3, 3, 4]);
    expect([...packed.variable]).toEqual([0, 2, 3, 1]);
    expect([...packed.value]).toEqual([1, 0.5, 4, 7]);
  });

  it("copies packed points rather than moving them: the list stays readable", () => {
    const list = pointsOf(packPoints(first).packed);
    const {packed, transfer} = packPointList(list);
    expect(transfer).not.toContain(list.packed!.start.buffer);
    expect([...packed.start]).toEqual([0, 1, 3]);
    expect([...list]).toEqual(first);
  });
});

describe("a step's text for the build cache, in parts", () => {
  it("is the step with its points as the last field", () => {
    const {parts, witnessesLeftOut} = stepCacheParts({withhold: ["a.json\u0000x"], solves: 3}, [[[0, 1]], [[1, 2.5]]]);
    expect(parts.join("")).toBe('{"withhold":["a.json\\u0000x"],"solves":3,"witnesses":[[[0,1]],[[1,2.5]]]}');
    expect(witnessesLeftOut).toBe(false);
    expect(stepCacheParts({}, []).parts.join("")).toBe('{"witnesses":[]}');
  });

  it("gives JSON.stringify's text over several parts of points", () => {
    const points: SparsePoint[] = Array.from({length: 2345}, (_, k) => [[k, k / 3], [k + 1, -k]]);
    const head = {withhold: ["b.json\u0000y"], milliseconds: 12.5};
    const {parts} = stepCacheParts(head, pointsOf(packPoints(points).packed));
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join("")).toBe(JSON.stringify({...head, witnesses: points}));
  });

  it("is written by a worker thread as one build cache entry", async () => {
    const key = `test-${randomUUID()}`;
    const points: SparsePoint[] = [[[4, 1]], [[0, 2], [1, 3]]];
    const head = {withhold: ["c.json\u0000z"], unresolved: []};
    const entry = buildCache("afscherming", key);
    try {
      expect(await writeStepInWorker("afscherming", key, head, packPoints(points).packed, 1)).toEqual({witnessesLeftOut: false});
      expect(JSON.parse(entry.read() as string)).toEqual({...head, witnesses: points});
    } finally {
      entry.remove();
    }
  });
});
