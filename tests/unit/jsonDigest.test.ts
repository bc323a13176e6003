// loaders/jsonDigest.ts: the hash of JSON.stringify's text, written in pieces. The pieces must make
// exactly that text, or every cached and committed disclosure pattern would be lost.
import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {updateWithJson} from "../../loaders/jsonDigest.js";

const digest = (value: unknown, whole?: (value: unknown) => string) => {
  const hash = createHash("sha256");
  updateWithJson(hash, value, whole);
  return hash.digest("hex");
};
const reference = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Refuses every container of more than one element, as V8 refuses a text over its longest string. */
const refusing = (value: unknown) => {
  if (value !== null && typeof value === "object" && Object.keys(value).length > 1) throw new RangeError("Invalid string length");
  return JSON.stringify(value);
};

const samples: unknown[] = [
  {cells: [{file: "a.json", path: "x[y=1]", terms: [{variable: 0, coefficient: 1}, {variable: 7, coefficient: -1}]}], lo: -Infinity, hi: NaN},
  [1, undefined, () => 0, null, "é\"\\\n", [[], {}], {skip: undefined, keep: 0, f: () => 1}],
  {"2": "b", "1": "a", z: [new Date(Date.UTC(2019, 0, 1)), {nested: {deeper: [1, 2, 3]}}]},
  new Array(3),
  "plain text",
  42
];

describe("updateWithJson", () => {
  it("hashes JSON.stringify's text when everything fits", () => {
    for (const value of samples) expect(digest(value)).toBe(reference(value));
  });

  it("hashes the same text for a long array a few levels down, which it takes apart without trying it whole", () => {
    const long = Array.from({length: 70_000}, (_, i) => (i % 9 === 0 ? undefined : i % 5 === 0 ? {v: i, skip: undefined} : i));
    const value = {version: 3, system: {variables: 2, cells: long, truth: [1, 2]}};
    let wholeCalls = 0;
    const counting = (v: unknown) => {
      if (v === value || v === value.system || v === long) wholeCalls++;
      return JSON.stringify(v);
    };
    expect(digest(value, counting)).toBe(reference(value));
    expect(wholeCalls).toBe(0);
  });

  it("hashes the same text when every container must be written in pieces", () => {
    for (const value of samples) expect(digest(value, refusing)).toBe(reference(value));
  });

  it("gives sha256 of JSON.stringify's text for a small system-like value, written in pieces", () => {
    // sha256(JSON.stringify(value)), first 24 hex digits, computed once (with systemKey before its
    // terms went into the hash as bytes).
    const value = {version: 3, options: {minCount: 5}, system: {variables: 2, cells: [{terms: [{variable: 0, coefficient: 1}]}]}};
    expect(digest(value, refusing).slice(0, 24)).toBe("0055f41093e191e27af1f5c8");
  });
});
