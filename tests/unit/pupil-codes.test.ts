// The dense pupil codes the tables count with (tables/common.ts, Attribution.pupil): distinct
// counts by marking an array must give what counting distinct ids gives, a pass must not leak into
// the next, and an older pass must not be used once a newer one started (they share one array).
import {describe, expect, test} from "vitest";
import {countDistinctPupils, countDistinctPupilsByNumber, pupilPass} from "../../loaders/tables/common.js";

describe("countDistinctPupils", () => {
  test("pupils 0, 1 and 2 over groups a (0, 1, 0) and b (2, 2, 1): a 2, b 2, in the order the groups first appear", () => {
    const items = [
      {group: "b", pupil: 2},
      {group: "a", pupil: 0},
      {group: "a", pupil: 1},
      {group: "b", pupil: 2},
      {group: "a", pupil: 0},
      {group: "b", pupil: 1}
    ];
    const counts = countDistinctPupils(items, (i) => i.group, (i) => i.pupil, 3);
    expect([...counts]).toEqual([
      ["b", 2],
      ["a", 2]
    ]);
  });

  test("a pupil marked in one call is new again in the next: two calls over pupil 4 count 1 each", () => {
    const once = () => countDistinctPupils([{pupil: 4}, {pupil: 4}], () => "g", (i) => i.pupil, 5).get("g");
    expect([once(), once()]).toEqual([1, 1]);
  });
});

describe("pupilPass", () => {
  test("is new the first time only, and remembers a slot per pupil", () => {
    const {isNew, slot} = pupilPass(3);
    expect([isNew(1), isNew(1), isNew(0)]).toEqual([true, false, true]);
    slot[1] = 7;
    expect(slot[1]).toBe(7);
  });

  test("an older pass used after a newer one started throws instead of counting wrong", () => {
    const older = pupilPass(3);
    older.isNew(0);
    pupilPass(3);
    expect(() => older.isNew(0)).toThrow(/older pass/);
  });
});

describe("countDistinctPupilsByNumber", () => {
  test("pupils over groups 0 (0, 1, 0) and 2 (2, 2, 1) of four: 2, 0, 2, 0", () => {
    const items = [
      {group: 2, pupil: 2},
      {group: 0, pupil: 0},
      {group: 0, pupil: 1},
      {group: 2, pupil: 2},
      {group: 0, pupil: 0},
      {group: 2, pupil: 1}
    ];
    expect([...countDistinctPupilsByNumber(items, (i) => i.group, 4, (i) => i.pupil, 3)]).toEqual([2, 0, 2, 0]);
  });
});
