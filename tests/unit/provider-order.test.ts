import {expect, test} from "vitest";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {dataset, ids, pupil, traj} from "../fixtures/build.js";

test("providers with a withheld total move to the end by name, so their order does not rank the hidden counts", () => {
  // Zon helps 10 pupils, Beuk 4, Acacia 1: raw order Zon, Beuk, Acacia.
  const pupils = ids("p", 1, 15);
  const provider = (i: number) => (i < 10 ? "Zon" : i < 14 ? "Beuk" : "Acacia");
  const data = dataset({
    pupils: pupils.map((id) => pupil(id, {years: [2017, 2018, 2019]})),
    trajectories: pupils.map((id, i) => traj(id, "basis_ggz", "2018-03-01", "2018-05-01", {provider: provider(i)}))
  });
  const report = computeReport(data);
  expect(report.careTypes.providers.map((p) => [p.provider, p.total])).toEqual([
    ["Zon", 10],
    ["Beuk", 4],
    ["Acacia", 1]
  ]);
  const published = publishReport(report, data.settings).careTypes.providers;
  expect(published.map((p) => [p.provider, p.total])).toEqual([
    ["Zon", 10],
    ["Acacia", {suppressed: true, minCount: 5}],
    ["Beuk", {suppressed: true, minCount: 5}]
  ]);
});
