// The default municipality, turned into invented BSNs and iJw dumps (tests/helpers/ijwFromContract.ts),
// imported again: the report must be the default report, and no BSN may be in anything the import
// returns. About 1.700 trajectories and 6.200 pupils, so the conversion is tested beyond the hand-made fixture.
import {describe, expect, test} from "vitest";
import {loadDataset} from "../../loaders/contract.js";
import {formatInputError} from "../../loaders/errors.js";
import {importFolder} from "../../loaders/import/folder.js";
import {readInputFolder, resolveDataDir} from "../../loaders/io.js";
import {computeReport} from "../../loaders/report.js";
import {defaultAsIjw} from "../helpers/ijwFromContract.js";
import {ENV} from "../helpers/importFolder.js";

describe("the default municipality as iJw dumps with BSNs", () => {
  const {files, bsnOf} = defaultAsIjw();
  const result = importFolder(files, ENV);
  const texts = {
    instellingen: result.files["instellingen.json"],
    scholen: result.files["scholen.csv"],
    leerlingen: result.files["leerlingen.csv"],
    zorgvormen: result.files["zorgvormen.csv"],
    trajecten: result.files["trajecten.csv"]
  };

  test("the report is the default report", () => {
    const original = loadDataset(readInputFolder(resolveDataDir({})));
    const imported = loadDataset(texts);
    expect(computeReport(imported.dataset)).toEqual(computeReport(original.dataset));
    expect(imported.scope).toEqual(original.scope);
  });

  test("half the starts came from JW305, the rest from the toewijzing", () => {
    const lines = result.report.join("\n");
    // 1.742 trajectories: rows 0, 2, 4, … have a JW305 (871), the others not (871).
    expect(lines).toContain("iJw: 1.742 toewijzingen (JW301) → 1.742 trajecten;");
    expect(lines).toContain("- begindatum: 871 uit een startmelding (JW305), 871 zonder JW305");
  });

  test("no BSN in the contract files, the report or the warnings", () => {
    const output = [...Object.values(result.files), ...result.report, ...result.warnings.map(formatInputError)].join("\n");
    const input = files.map((file) => new TextDecoder().decode(file.bytes)).join("\n");
    expect(bsnOf.size).toBeGreaterThan(6000);
    const inInput = new Set(input.match(/\d{9}/g));
    expect([...bsnOf.values()].filter((bsn) => !inInput.has(bsn))).toEqual([]);
    // Pupil ids are letters, so no run of 8 or more digits (a BSN, or one that lost its leading zero) is left at all.
    expect(output.match(/\d{8,}/g)).toBeNull();
  });
});
