// disclosure/model.ts systemKey: the cache key of the secondary suppression's patterns and of the
// audit's verdicts. Two systems that differ in anything a result depends on must get two keys.
import {describe, expect, it} from "vitest";
import {systemKey, type DisclosureSystem, type Term} from "../../loaders/disclosure/model.js";

const terms = (...variables: number[]): Term[] => variables.map((variable) => ({variable, coefficient: 1}));
/** Two cells over three atoms (1, 2, 4): a = x0 + x1 = 3, b = x2 = 4, and x0 ≤ x2. */
function system(): DisclosureSystem {
  return {
    variables: 3,
    truth: [1, 2, 4],
    cells: [
      {file: "t.json", path: "a", unit: "pupils", form: {kind: "exact", value: 3}, value: 3, terms: terms(0, 1)},
      {file: "t.json", path: "b", unit: "pupils", form: {kind: "exact", value: 4}, value: 4, terms: terms(2)}
    ],
    relations: [{name: "r", lo: 0, hi: Infinity, terms: [{variable: 2, coefficient: 1}, {variable: 0, coefficient: -1}]}]
  };
}
const key = (s: DisclosureSystem, version = 1) => systemKey({version, system: s});

describe("systemKey", () => {
  it("is the same for the same system built twice, 24 hexadecimal digits", () => {
    expect(key(system())).toBe(key(system()));
    expect(key(system())).toMatch(/^[0-9a-f]{24}$/);
  });

  it("differs when a term moves from one cell to the next (the same terms in the same order)", () => {
    const moved = system();
    moved.cells[0].terms = terms(0);
    moved.cells[1].terms = terms(1, 2);
    expect(key(moved)).not.toBe(key(system()));
  });

  it("differs for a coefficient, a true value, a form, a relation's bound and the options", () => {
    const variants: ((s: DisclosureSystem) => void)[] = [
      (s) => (s.relations[0].terms[1].coefficient = -2),
      (s) => (s.truth[2] = 5),
      (s) => (s.cells[1].form = {kind: "hidden", mark: "·", lo: 1, hi: Infinity}),
      (s) => (s.relations[0].lo = 1)
    ];
    const keys = variants.map((change) => {
      const s = system();
      change(s);
      return key(s);
    });
    expect(new Set([key(system()), key(system(), 2), ...keys]).size).toBe(6);
  });
});
