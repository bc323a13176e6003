// The audit in a worker thread (auditTask.ts): the same verdict as in the build's own thread.
import {describe, expect, it} from "vitest";
import {auditSystem} from "../../loaders/disclosure/audit.js";
import {auditInWorker} from "../../loaders/disclosure/auditTask.js";
import {hiddenForm} from "../../loaders/disclosure/registry.js";
import {secondarySuppression} from "../../loaders/disclosure/secondary.js";
import {municipality} from "../fixtures/municipalitySystem.js";

describe("the audit in a worker thread", () => {
  it("reaches the verdict of the build's own thread, from the same witness points and blocks", async () => {
    const {system, options} = municipality();
    const search = await secondarySuppression(system, options);
    const released = {...system, cells: system.cells.map((cell, i) => (search.hide.includes(i) ? {...cell, form: hiddenForm(cell.value)} : cell))};
    // Half the witness points: the counts only the other half proved are solved in their blocks.
    const auditOptions = {minCount: 5, width: 5, witnesses: search.witnesses.slice(0, Math.ceil(search.witnesses.length / 2)), blocks: options.blocks};
    const here = await auditSystem(released, auditOptions);
    const there = await auditInWorker(released, auditOptions);
    // The fixture's audit proves some counts from the witnesses and solves others in their blocks.
    expect(here.witnesses.feasible).toBeGreaterThan(0);
    expect(here.solves.lp).toBeGreaterThan(0);
    expect(here.violations).toEqual([]);
    const {milliseconds: _, ...expected} = here;
    const {milliseconds: __, ...actual} = there;
    expect(actual).toEqual(expected);
  }, 60_000);
});
