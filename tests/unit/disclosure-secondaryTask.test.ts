// The secondary search in a worker thread (secondaryTask.ts): the system packed into flat arrays and
// unpacked there, and the search's answer the same as in the build's own thread.
import {describe, expect, it} from "vitest";
import {rowsOf} from "../../loaders/disclosure/audit.js";
import type {DisclosureSystem, Form, PublishedCell} from "../../loaders/disclosure/model.js";
import {packPoints, packSystem, pointsOf, searchRows, unpackSystem} from "../../loaders/disclosure/packedSystem.js";
import {RowIndex} from "../../loaders/disclosure/parts.js";
import {secondarySuppression} from "../../loaders/disclosure/secondary.js";
import {searchInWorker} from "../../loaders/disclosure/secondaryTask.js";
import {municipality} from "../fixtures/municipalitySystem.js";

const shown = (value: number): Form => ({kind: "exact", value});
const withheld = (): Form => ({kind: "hidden", mark: "·", lo: 1, hi: Infinity});

describe("a disclosure system in flat arrays", () => {
  const system: DisclosureSystem = {
    variables: 3,
    truth: [2, 5, 1],
    cells: [
      {file: "a.json", path: "x", unit: "pupils", terms: [{variable: 0, coefficient: 1}], form: withheld(), value: 2},
      {file: "a.json", path: "total", unit: "pupils", terms: [{variable: 0, coefficient: 1}, {variable: 1, coefficient: 1}], form: shown(7), value: 7}
    ],
    relations: [{name: "r", terms: [{variable: 2, coefficient: 2}, {variable: 1, coefficient: -1}], lo: -Infinity, hi: 0}]
  };

  it("keeps each row's terms in order, cells before relations", () => {
    const {packed} = packSystem(system);
    expect([...packed.rowStart]).toEqual([0, 1, 3, 5]);
    expect([...packed.termVariable]).toEqual([0, 0, 1, 2, 1]);
    expect([...packed.termCoefficient]).toEqual([1, 1, 1, 2, -1]);
    expect(packed.cells[1]).toEqual({file: "a.json", path: "total", unit: "pupils", form: shown(7), value: 7});
  });

  it("unpacks to the same cells, rows and row index", () => {
    const {packed} = packSystem(system);
    const back = unpackSystem(packed);
    const rows = searchRows(packed, back);
    const index = new RowIndex(3, packed, packed.truth);
    expect(back.cells.map((c) => ({...c}))).toEqual(system.cells);
    expect(back.relations.map((r) => ({...r}))).toEqual(system.relations);
    expect(back.truth).toEqual([2, 5, 1]);
    expect(rows.map((r) => ({...r}))).toEqual(rowsOf(system));
    // Variables 1 and 2: total (row 1) holds 1 once, the relation (row 2) holds 2 twice and 1 negated.
    const expected = new Map([
      [1, [{variable: 0, coefficient: 1}]],
      [2, [{variable: 0, coefficient: -1}, {variable: 1, coefficient: 2}]]
    ]);
    expect(index.termsOver([1, 2])).toEqual(expected);
    expect(new RowIndex(3, rowsOf(system), system.truth).termsOver([1, 2])).toEqual(expected);
    // Row values at the truth: x = 2, total = 7, relation 2·1 − 5 = −3.
    expect([...index.truthValue]).toEqual([2, 7, -3]);
  });

  it("witness points go and come back as they were", () => {
    const points: [number, number][][] = [[[0, 3], [4, 0.5]], [], [[2, 1]]];
    expect([...pointsOf(packPoints(points).packed)]).toEqual(points);
  });
});

describe("the secondary search in a worker thread", () => {
  it("finds the pattern the build's own thread finds, with the same witness points", async () => {
    const {system, options} = municipality();
    const here = await secondarySuppression(system, options);
    const there = await searchInWorker(system, options, {step: 1});
    // The fixture does exercise the search: counts withheld, and more than one LP per small count.
    expect(here.hide.length).toBeGreaterThan(3);
    expect(here.witnesses.length).toBeGreaterThan(0);
    const {milliseconds: _, ...expected} = here;
    const {milliseconds: __, witnesses, ...actual} = there;
    // The points come back packed (for the audit's worker and the build cache's), read as before.
    expect(witnesses.packed).toBeDefined();
    expect({...actual, witnesses: [...witnesses]}).toEqual(expected);
  }, 60_000);
});
