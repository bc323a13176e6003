// deriveAtoms (loaders/disclosure/atoms.ts) computes its one-pupil reports in worker threads for large
// inputs. The atoms must not depend on that: the same sizes, terms, relations and pupil atoms with
// and without workers, with chunks small enough that both workers count and name keys in turn.
import {describe, expect, it} from "vitest";
import {atomsOf, releaseBasis} from "../../loaders/pipeline.js";
import {threeSchools} from "../fixtures/threeSchools.js";

describe("deriveAtoms in worker threads", async () => {
  const dataset = threeSchools();
  const basis = releaseBasis(dataset);
  const here = await atomsOf(dataset, basis, {workers: 0});
  const spread = await atomsOf(dataset, basis, {workers: 2, pupilsPerChunk: 3});

  it("counts in this thread by default on a small input", async () => {
    expect((await atomsOf(dataset, basis)).stats.workers).toBe(0);
    expect(spread.stats.workers).toBe(2);
  });

  it("derives the same atoms as in this thread", () => {
    const {stats: s1, ...atomsHere} = here;
    const {stats: s2, ...atomsSpread} = spread;
    expect(here.stats.pupils).toBeGreaterThan(6);
    expect(atomsSpread).toEqual(atomsHere);
    expect({...s2, milliseconds: 0, workers: 0}).toEqual({...s1, milliseconds: 0, workers: 0});
    // Map order is part of the result (terms are listed per count in the order counts were named).
    expect([...spread.termsOf.keys()]).toEqual([...here.termsOf.keys()]);
  });
});
