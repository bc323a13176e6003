import {describe, expect, test} from "vitest";
import {generate, NATIONAL} from "../../bench/synthetic.js";
import {loadDataset} from "../../loaders/contract.js";
import {readInputFolder} from "../../loaders/io.js";
import type {Dataset, Settings} from "../../loaders/model.js";
import {publishReport} from "../../loaders/publish.js";
import {computeReport} from "../../loaders/report.js";
import {suppressParts} from "../../loaders/suppression.js";
import type {Factsheet} from "../../loaders/tables/factsheet.js";
import {auditFactsheet, factsheetRelations, UNPUBLISHED, type Finding} from "../helpers/disclosure.js";
import {school, settings as withSettings} from "../fixtures/build.js";
import {disclosureSchools} from "../fixtures/disclosureSchools.js";

// Every withheld value has one form: a count hidden to protect another (its value may be 5 or more)
// looks exactly like a small one, so the mark does not say which hidden counts are small.
const H = {suppressed: true, minCount: 5};
const C = H;

function publish(data: Dataset) {
  const report = computeReport(data);
  return {raw: report.factsheets, pub: publishReport(report, data.settings).factsheets, settings: data.settings};
}

const byName = <T extends {name: string}>(rows: T[], name: string) => rows.find((r) => r.name === name) as T;
const audit = (f: Factsheet<"public">, settings: Settings) => auditFactsheet(f, settings);

/** A published factsheet with some cells overwritten, as a careless publish step would leave it. */
function tampered(f: Factsheet<"public">, edit: (copy: any) => void): Factsheet<"public"> {
  const copy = structuredClone(f);
  edit(copy);
  return copy;
}

const fixture = publish(disclosureSchools());
const defaults = publish(loadDataset(readInputFolder("data/default")).dataset);

describe("the audit reports what a reader of one factsheet can compute", () => {
  const groot = byName(fixture.pub, "Groot");
  const stil = byName(fixture.pub, "Stil");
  const midden = byName(fixture.pub, "Midden");
  const kinds = (findings: Finding[]) => findings.map(({kind, paths, value}) => ({kind, paths, value}));

  test("a shown count of 3 pupils is reported", () => {
    const f = tampered(groot, (c) => (c.careTypes[0].perYear[0].pupils = 3));
    expect(kinds(audit(f, fixture.settings))).toEqual([{kind: "shown-below-threshold", paths: ["careTypes[0].perYear[0].pupils"], value: 3}]);
  });

  test("5 of Stil's 7 pupils shown as still in care gives away the 2 who are not", () => {
    const f = tampered(stil, (c) => (c.costs.stillInCare = 5));
    expect(kinds(audit(f, fixture.settings))).toEqual([{kind: "part-by-subtraction", paths: ["costs.(not in care)"], value: 2}]);
  });

  test("one hidden cost band next to a shown total of 20 is 20 minus the shown bands", () => {
    const f = tampered(groot, (c) => (c.costs.bands[0].pupils = H));
    expect(kinds(audit(f, fixture.settings))).toEqual([{kind: "part-by-subtraction", paths: ["costs.bands[0].pupils"], value: 20}]);
  });

  test("two hidden bands next to a shown 5 of 7 hold 2 pupils together", () => {
    const f = tampered(stil, (c) => {
      c.costs.bands[0].pupils = 5;
      c.costs.bands[1].pupils = H;
      c.costs.bands[2].pupils = H;
    });
    expect(kinds(audit(f, fixture.settings))).toEqual([
      {kind: "hidden-sum-below-threshold", paths: ["costs.bands[1].pupils", "costs.bands[2].pupils"], value: 2}
    ]);
  });

  test("Midden's item 7 shown beside its hidden item-5 cell of 2019 gives the 6 pupils away", () => {
    const f = tampered(midden, (c) => (c.topCareTypes[0].pupils = 6));
    expect(kinds(audit(f, fixture.settings))).toEqual([{kind: "total-by-addition", paths: ["careTypes[0].perYear[2].pupils"], value: 6}]);
  });
});

describe("the relations the audit checks hold exactly in the internal factsheets", () => {
  const active = publish({...disclosureSchools(), settings: {...disclosureSchools().settings, youthCareDefinition: "active"}});
  const cases = [
    ["the default data", defaults],
    ["the fixture", fixture],
    ["the fixture with youth care counted while active", active]
  ] as const;
  test.each(cases)("in %s every total equals the sum of its parts", (_, {raw, settings}) => {
    const broken = raw.flatMap((f) =>
      factsheetRelations(f, settings).flatMap((r) => {
        const known = r.parts.filter((p) => p.value !== UNPUBLISHED).map((p) => p.value as number);
        const sum = known.reduce((s, n) => s + n, 0);
        const holds = known.length === r.parts.length ? sum === r.total.value : sum <= (r.total.value as number);
        return holds ? [] : [`${f.name}: ${r.name}`];
      })
    );
    expect(broken).toEqual([]);
  });

  test("Midden's 2019 pupils relate to its only care type and its cohort", () => {
    const names = factsheetRelations(byName(fixture.raw, "Midden"), fixture.settings)
      .filter((r) => r.total.path === "years[2].pupils" || r.parts.some((p) => p.path === "years[2].pupils"))
      .map((r) => r.name);
    expect(names.sort()).toEqual(["item 5: sole care type 2019", "item 8: cohort of one year"]);
  });

  test("the cohort is not related to the year's pupils when youth care counts while active", () => {
    const names = factsheetRelations(byName(active.raw, "Midden"), active.settings).map((r) => r.name);
    expect(names.filter((n) => n === "item 8: cohort of one year")).toEqual([]);
  });
});

describe("the default data's factsheets give nothing away", () => {
  test("there is a factsheet for each of the 22 schools", () => {
    expect(defaults.pub).toHaveLength(22);
  });

  test.each(["Gisbertus Voetius", "De Ontdekkingsreis", "Merseberch"])("%s (57-69 pupils) passes the audit", (name) => {
    const f = byName(defaults.pub, name);
    expect(f.shares.every((s) => s.enrolled >= 57 && s.enrolled <= 69)).toBe(true);
    expect(audit(f, defaults.settings)).toEqual([]);
  });

  test("every factsheet passes the audit", () => {
    expect(defaults.pub.flatMap((f) => audit(f, defaults.settings).map((x) => ({school: f.name, ...x})))).toEqual([]);
  });
});

/** 60 schools of about 80 pupils with 12 trajectories each on average: many small counts. */
function syntheticMunicipality(youthCareDefinition: Settings["youthCareDefinition"]): Dataset {
  const settings = withSettings({youthCareDefinition});
  const shape = {...NATIONAL, seed: 3, schools: 60, pupils: 4_800, trajectories: 720, years: settings.years};
  const {schoolIds, enrolments, trajectories} = generate(shape);
  return {
    settings,
    schools: schoolIds.map((id, i) => school(id, {board: `B${i % 7}`})),
    enrolments: enrolments.map((e) => ({...e, municipality: settings.municipality})),
    trajectories,
    productMappings: []
  };
}

describe("a synthetic municipality of 60 small schools gives nothing away", () => {
  test.each(["started", "active"] as const)("with youth care counted %s, every factsheet passes the audit", (definition) => {
    const {pub, settings} = publish(syntheticMunicipality(definition));
    expect(pub).toHaveLength(60);
    expect(pub.flatMap((f) => audit(f, settings).map((x) => ({school: f.name, ...x})))).toEqual([]);
  });
});

describe("publishing the fixture hides what the relations would give away", () => {
  const midden = byName(fixture.pub, "Midden");
  const stil = byName(fixture.pub, "Stil");
  const groot = byName(fixture.pub, "Groot");

  test.each(["Groot", "Midden", "Klein", "Stil"])("%s passes the audit", (name) => {
    expect(audit(byName(fixture.pub, name), fixture.settings)).toEqual([]);
  });

  test("Midden's 6 pupils of 2019, hidden to protect Klein's 3, are hidden in every table that repeats them", () => {
    // Every one of these is Midden's 6: hidden to protect Klein, and marked like any small count.
    expect(midden.years[2].pupils).toEqual(C);
    expect(midden.careTypes[0].perYear[2].pupils).toEqual(C);
    expect(midden.topCareTypes[0].pupils).toEqual(C);
    expect(midden.costs.pupils).toEqual(C);
    expect(midden.costs.bands[0].pupils).toEqual(C);
  });

  test("Midden's zeros stay visible: nobody in 2017 and 2018, nobody still in care", () => {
    expect(midden.years.slice(0, 2).map((y) => y.pupils)).toEqual([0, 0]);
    expect(midden.costs.stillInCare).toBe(0);
  });

  test("Stil shows its 7 pupils but not the 5 still in care", () => {
    expect(stil.costs.pupils).toBe(7);
    expect(stil.costs.bands[0].pupils).toBe(7);
    expect(stil.costs.stillInCare).toEqual(C);
  });

  test("Groot, with 20 pupils in every cell, loses nothing", () => {
    expect(groot.years.map((y) => y.pupils)).toEqual([20, 20, 20]);
    expect(groot.careTypes.flatMap((c) => c.perYear.map((y) => y.pupils)).filter((n) => n !== 0)).toEqual([20, 20, 20]);
    expect(groot.costs.stillInCare).toBe(0);
  });
});

describe("parts of a hidden total", () => {
  const s = {suppression: {minCount: 5}};

  test("the only part that holds pupils hides with its hidden total; zeros stay", () => {
    expect(suppressParts([6, 0], s, true)).toEqual([C, 0]);
  });

  test("parts of 3, 6 and 20 under a hidden total: the 3 and the 6 hide, which hold 9 together", () => {
    expect(suppressParts([3, 6, 20], s, true)).toEqual([H, C, 20]);
  });

  test("under a shown total, parts of 6 and 20 stay as they are", () => {
    expect(suppressParts([6, 20], s)).toEqual([6, 20]);
  });
});
