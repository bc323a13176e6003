// The atoms found by content (loaders/disclosure/atomTable.ts): members with the same counts and
// coefficients share an atom whatever their reports' order; anything else starts a new one, also
// when two members' hashes collide.
import {describe, expect, test} from "vitest";
import {AtomTable} from "../../loaders/disclosure/atomTable.js";

const members = (table: AtomTable) => {
  const a = table.join("pupils", {keys: [3, 1, 2], coefficients: [1, 1, 1]});
  const sameOtherOrder = table.join("pupils", {keys: [2, 3, 1], coefficients: [1, 1, 1]});
  const otherCoefficient = table.join("pupils", {keys: [1, 2, 3], coefficients: [1, 2, 1]});
  const fewer = table.join("pupils", {keys: [1, 2], coefficients: [1, 1]});
  const trajectoryOfA = table.join("trajectories", {keys: [5, 4], coefficients: [1, 1]}, a);
  const sameCountsOtherPupilAtom = table.join("trajectories", {keys: [4, 5], coefficients: [1, 1]}, fewer);
  const again = table.join("trajectories", {keys: [4, 5], coefficients: [1, 1]}, a);
  const empty = table.join("pupils", {keys: [], coefficients: []});
  const emptyAgain = table.join("pupils", {keys: [], coefficients: []});
  return [a, sameOtherOrder, otherCoefficient, fewer, trajectoryOfA, sameCountsOtherPupilAtom, again, empty, emptyAgain];
};

describe("atom table", () => {
  // Written out: a = 0; the same counts in another order join 0; another coefficient or fewer counts
  // are new (1, 2); trajectory atoms belong to their pupil atom (3 under 0, 4 under 2, then 3 again);
  // a member in no count at all is an atom of its own (5), joined by the next.
  const expected = [0, 0, 1, 2, 3, 4, 3, 5, 5];

  test("same counts, same atom; sizes and keys in count order", () => {
    const table = new AtomTable();
    expect(members(table)).toEqual(expected);
    expect(table.sizes).toEqual([2, 1, 1, 2, 1, 2]);
    expect(table.unitOf).toEqual(["pupils", "pupils", "pupils", "trajectories", "trajectories", "pupils"]);
    expect([...table.keys[0]]).toEqual([1, 2, 3]);
    expect([...table.coefficients[1]]).toEqual([1, 2, 1]);
    expect([...table.keys[3]]).toEqual([4, 5]);
  });

  test("with every hash the same, a hit is compared in full and the atoms are the same", () => {
    const table = new AtomTable(() => 7);
    expect(members(table)).toEqual(expected);
    expect(table.sizes).toEqual([2, 1, 1, 2, 1, 2]);
  });

  test("coefficients stay with their counts when sorted", () => {
    const table = new AtomTable();
    table.join("trajectories", {keys: [9, 4, 7], coefficients: [0.5, 2, 1250]}, 0);
    expect([...table.keys[0]]).toEqual([4, 7, 9]);
    expect([...table.coefficients[0]]).toEqual([2, 1250, 0.5]);
  });
});
