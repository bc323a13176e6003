import {describe, expect, test} from "vitest";
import {computeReport, type Report} from "../../loaders/report.js";
import {buildScope} from "../../loaders/tables/scope.js";
import {dataset, pupil, traj, type TrajSpec} from "../fixtures/build.js";
import {threeSchools} from "../fixtures/threeSchools.js";

const YEARS = [2017, 2018, 2019];

/** One pupil per trajectory list, all enrolled at school A in every study year. */
function report(trajectories: TrajSpec[], born = "2010-06"): Report {
  const pupils = [...new Set(trajectories.map((t) => t.pupilId))].map((id) => pupil(id, {years: YEARS, born}));
  return computeReport(dataset({pupils, trajectories}));
}

const byName = <T extends {name: string}>(rows: T[], name: string) => rows.find((r) => r.name === name) as T;

describe("scope", () => {
  test("each year lists its enrolments with the pupils in the order they first appear in a study year", () => {
    // Rows in file order: p3 2016, p1 2019, p3 2018, p2 2017, p2 2019, p3 2019. 2016 is no study
    // year, so the order is p1, p3, p2 (not p3 first, nor by id); years as they first appear.
    const [p1, p2, p3] = [pupil("p1", {years: [2019]}), pupil("p2", {years: [2017, 2019]}), pupil("p3", {years: [2016, 2018, 2019]})];
    const d = dataset({pupils: [p1, p2, p3]});
    d.enrolments = [p3[0], p1[0], p3[1], p2[0], p2[1], p3[2]];
    const scope = buildScope(d);
    const listed = [...scope.enrolmentsByYear].map(([year, list]) => [year, list.map((e) => e.pupilId)]);
    expect(listed).toEqual([
      [2019, ["p1", "p3", "p2"]],
      [2018, ["p3"]],
      [2017, ["p2"]]
    ]);
  });

  test("care types: the eight declared in the settings' order, then keys only trajectories carry by id; each attribution points at its own", () => {
    const d = dataset({
      pupils: [pupil("p1", {years: YEARS}), pupil("p2", {years: YEARS})],
      trajectories: [
        traj("p1", "zz_eigen", "2018-03-01", null),
        traj("p2", "verblijf", "2019-02-01", null),
        traj("p1", "aa_eigen", "2017-05-01", "2017-06-01"),
        traj("p2", "basis_ggz", "2017-02-01", "2017-03-01")
      ]
    });
    const scope = buildScope(d);
    expect(scope.careTypes).toEqual([
      "basis_ggz",
      "specialistische_ggz",
      "curatieve_ggz",
      "dyslexie",
      "ambulante_begeleiding",
      "dagbehandeling",
      "verblijf",
      "crisis",
      "aa_eigen",
      "zz_eigen"
    ]);
    // Started in 2017: p1's aa_eigen (position 8) and p2's basis_ggz (0); 2018 zz_eigen (9); 2019 verblijf (6).
    expect(scope.started.map((a) => [a.trajectory.careType, a.careType])).toEqual([
      ["aa_eigen", 8],
      ["basis_ggz", 0],
      ["zz_eigen", 9],
      ["verblijf", 6]
    ]);
    // Tabel 3 lists the eight declared ones and the two others, last (a trajectory counts in its start
    // year: the default definition); factsheet item 5 what the school met, item 7 what it met in 2019.
    const r = computeReport(d);
    expect(r.careTypes.tabel3.map((row) => row.careType).slice(6)).toEqual(["verblijf", "crisis", "aa_eigen", "zz_eigen"]);
    expect(r.careTypes.tabel3.find((row) => row.careType === "zz_eigen")?.perYear.map((y) => y.pupils)).toEqual([0, 1, 0]);
    expect(r.factsheets[0].careTypes.map((row) => row.careType)).toEqual(["basis_ggz", "verblijf", "aa_eigen", "zz_eigen"]);
    expect(r.factsheets[0].topCareTypes.map((row) => [row.careType, row.pupils])).toEqual([["verblijf", 1]]);
  });

  test("two enrolments of a pupil in a year, or one at an unknown school, stop the scope", () => {
    const twice = dataset({pupils: [pupil("p1", {years: [2018]}), pupil("p1", {school: "B", years: [2018]})]});
    expect(() => buildScope(twice)).toThrow("Leerling p1 heeft in 2018 twee inschrijvingen (A en B)");
    const unknown = dataset({pupils: [pupil("p1", {years: [2018]})]});
    unknown.schools = [];
    expect(() => buildScope(unknown)).toThrow('Leerling p1 staat in 2018 ingeschreven op onbekende school "A"');
  });

  test("a trajectory that starts in a year without enrolment is counted as out of scope, not dropped", () => {
    const r = computeReport(
      dataset({
        pupils: [pupil("p1", {years: [2017, 2019]})],
        trajectories: [
          traj("p1", "basis_ggz", "2018-03-01", "2018-05-01"),
          traj("p1", "basis_ggz", "2016-03-01", "2016-05-01"),
          traj("p1", "basis_ggz", "2020-02-01", null),
          traj("p1", "basis_ggz", "2019-03-01", "2019-05-01")
        ]
      })
    );
    expect(r.scope).toMatchObject({
      trajectories: 4,
      inScope: 1,
      startedBeforeWindow: 1,
      startedAfterWindow: 1,
      startedWithoutEnrolment: 1
    });
    expect(r.schools.total.years.map((y) => y.pupils)).toEqual([0, 0, 1]);
    expect(r.status.cohortPupils).toBe(1);
  });

  test("a pupil who changes school counts at the school of each year", () => {
    const r = computeReport(
      dataset({
        pupils: [pupil("p1", {school: "A", schools: {2019: "B"}, years: YEARS})],
        trajectories: [traj("p1", "basis_ggz", "2018-03-01", "2018-05-01"), traj("p1", "dyslexie", "2019-03-01", "2019-05-01")]
      })
    );
    expect(byName(r.schools.tabel6, "School B").years.map((y) => y.pupils)).toEqual([0, 0, 1]);
    expect(r.factsheets.map((f) => [f.name, f.years.map((y) => y.pupils)])).toEqual([
      ["School A", [0, 1, 0]],
      ["School B", [0, 0, 1]]
    ]);
  });

  test("with the active definition a trajectory counts in every year it runs; Tabel 2 still counts starts", () => {
    const r = computeReport(
      dataset({
        pupils: [pupil("p1", {years: YEARS})],
        trajectories: [traj("p1", "basis_ggz", "2017-06-01", "2018-02-01"), traj("p2", "basis_ggz", "2016-06-01", "2017-02-01")],
        settings: {youthCareDefinition: "active"}
      })
    );
    expect(r.schools.total.years.map((y) => y.pupils)).toEqual([1, 1, 0]);
    // Trajectories per pupil compares like with like: running trajectories per pupil in care.
    expect(r.schools.total.years.map((y) => y.trajectories)).toEqual([1, 1, 0]);
    expect(r.dbc.tabel2.map((y) => y.raw)).toEqual([1, 0, 0]);
  });

  test("a peildatum before the end of the last study year is refused", () => {
    const data = dataset({pupils: [pupil("p1", {years: YEARS})], settings: {statusDate: "2019-06-30"}});
    expect(() => computeReport(data)).toThrow(/peildatum/);
  });

  test("two enrolments of one pupil in one year are refused", () => {
    const data = dataset({pupils: [pupil("p1", {school: "A", years: [2018]}), pupil("p1", {school: "B", years: [2018]})]});
    expect(() => computeReport(data)).toThrow(/twee inschrijvingen/);
  });
});

describe("Tabel 6 and the municipal totals (three-school fixture)", () => {
  const r = computeReport(threeSchools());

  test("schools are sorted by their latest whole percentage, then by name", () => {
    expect(r.schools.tabel6.map((s) => [s.name, s.years.map((y) => y.pct)])).toEqual([
      ["Berk", [10, 8, 5]],
      ["Ceder", [5, 5, 5]],
      ["Anemoon", [4, 7, 12]]
    ]);
  });

  test("7 of 200 pupils rounds up to 4 %", () => {
    expect(byName(r.schools.tabel6, "Anemoon").years[0]).toEqual({year: 2017, enrolled: 200, pupils: 7, pct: 4});
  });

  test("growth categories come from the whole percentages: +3 is +, +5 is ++, −2 is 0, −3 is -", () => {
    expect(r.schools.tabel6.map((s) => [s.name, s.growth.map((g) => g.category), s.growthPattern, s.useCategory])).toEqual([
      ["Berk", ["0", "-"], "0/-", "laag"],
      ["Ceder", ["0", "0"], "0/0", "laag"],
      ["Anemoon", ["+", "++"], "+/++", "hoog"]
    ]);
  });

  test("the total row has 2 decimals per year and the latest enrolment", () => {
    expect(r.schools.total.enrolledLatestYear).toBe(400);
    expect(r.schools.total.years.map((y) => [y.pupils, y.pct, y.trajectories, y.trajectoriesPerPupil])).toEqual([
      [22, 5.5, 22, 1],
      [27, 6.75, 27, 1],
      [34, 8.5, 40, 1.18]
    ]);
  });

  test("growth patterns group the schools", () => {
    expect(r.schools.growthPatterns.map((g) => [g.pattern, g.schools.map((s) => s.name)])).toEqual([
      ["+/++", ["Anemoon"]],
      ["0/-", ["Berk"]],
      ["0/0", ["Ceder"]]
    ]);
  });

  test("kerngetallen summarise the tables", () => {
    const k = r.kerngetallen;
    expect(k.enrolledLatestYear).toBe(400);
    expect(k.latest.pct).toBe(8.5);
    expect(k.lowestSchools).toEqual({pct: 5, schools: [{schoolId: "B", name: "Berk"}, {schoolId: "C", name: "Ceder"}]});
    expect(k.highestSchools).toEqual({pct: 12, schools: [{schoolId: "A", name: "Anemoon"}]});
    expect(k.providerCount).toBe(6);
    expect(k.cohortPupils).toBe(39);
    expect(k.pctInCareAtStatusDate).toBe(2.56);
  });
});

describe("Tabel 8 and Tabel 9 (three-school fixture)", () => {
  const r = computeReport(threeSchools());
  const cells = (factor: string) => {
    const table = [...r.factors.tabel8, r.factors.tabel9, ...r.factors.interviews].find((t) => t.factor === factor);
    return table!.cells.filter((c) => c.schools > 0).map((c) => [c.row, c.column, c.members.map((m) => m.name)]);
  };

  test("school size: 100 pupils is klein, 200 is middel", () => {
    expect(cells("omvang")).toEqual([
      ["klein", "laag", ["Berk", "Ceder"]],
      ["middel", "hoog", ["Anemoon"]]
    ]);
  });

  test("SOT per 100 pupils: 2 weinig, 3 gemiddeld, 6.5 veel", () => {
    expect(cells("sot")).toEqual([
      ["weinig", "laag", ["Ceder"]],
      ["gemiddeld", "laag", ["Berk"]],
      ["veel", "hoog", ["Anemoon"]]
    ]);
  });

  test("SES of the neighbourhood", () => {
    expect(cells("ses_wijk")).toEqual([
      ["laag", "laag", ["Berk", "Ceder"]],
      ["hoog", "hoog", ["Anemoon"]]
    ]);
  });

  test("Tabel 9 counts only the schools that took part, with geen cijfer for a missing grade", () => {
    expect(cells("dorpsteam")).toEqual([
      ["3", "hoog", ["Anemoon"]],
      ["geen_cijfer", "laag", ["Berk"]]
    ]);
  });

  test("IB experience and the number of IB'ers", () => {
    expect(cells("ib_ervaring")).toEqual([
      ["<2", "laag", ["Berk"]],
      [">5", "hoog", ["Anemoon"]]
    ]);
    expect(cells("ib_aantal")).toEqual([
      ["1", "laag", ["Berk"]],
      ["2", "hoog", ["Anemoon"]]
    ]);
  });

  test("every cell of the cross-table is present, zeros included", () => {
    const omvang = r.factors.tabel8[0];
    expect(omvang.cells).toHaveLength(9);
    expect(omvang.columns.map((c) => c.key)).toEqual(["laag", "gemiddeld", "hoog"]);
  });
});

describe("Tabel 1 and Tabel 2: the DBC restarts", () => {
  const r = report([
    // p1: specialistische GGZ → dyslexie, same provider: a restart (equivalence)
    traj("p1", "specialistische_ggz", "2017-03-01", "2017-12-31", {provider: "P1"}),
    traj("p1", "dyslexie", "2018-01-02", "2018-06-30", {provider: "P1"}),
    // p2: basis GGZ → basis GGZ: a restart
    traj("p2", "basis_ggz", "2017-02-01", "2017-12-29", {provider: "P2"}),
    traj("p2", "basis_ggz", "2018-01-15", null, {provider: "P2"}),
    // p3: ends in November: not a restart
    traj("p3", "basis_ggz", "2017-02-01", "2017-11-30", {provider: "P2"}),
    traj("p3", "basis_ggz", "2018-01-02", null, {provider: "P2"}),
    // p4: starts in February: not a restart
    traj("p4", "basis_ggz", "2017-02-01", "2017-12-31", {provider: "P2"}),
    traj("p4", "basis_ggz", "2018-02-01", null, {provider: "P2"}),
    // p5: another provider: not a restart
    traj("p5", "basis_ggz", "2017-02-01", "2017-12-31", {provider: "P2"}),
    traj("p5", "basis_ggz", "2018-01-02", null, {provider: "P3"}),
    // p6: another care type: not a restart
    traj("p6", "specialistische_ggz", "2017-02-01", "2017-12-31", {provider: "P1"}),
    traj("p6", "basis_ggz", "2018-01-02", null, {provider: "P1"}),
    // p7: dyslexie → specialistische GGZ is not listed as equivalent
    traj("p7", "dyslexie", "2017-02-01", "2017-12-31", {provider: "P1"}),
    traj("p7", "specialistische_ggz", "2018-01-02", null, {provider: "P1"}),
    // p8: the ending trajectory started before the window: still a restart of the 2018 one
    traj("p8", "specialistische_ggz", "2016-06-01", "2017-12-31", {provider: "P1"}),
    traj("p8", "specialistische_ggz", "2018-01-03", "2018-08-31", {provider: "P1"})
  ]);

  test("Tabel 1 counts restarts by the care type of the new trajectory, in the settings' order", () => {
    expect(r.dbc.tabel1.map((row) => [row.label, row.restarts])).toEqual([
      ["Basis GGZ", 1],
      ["Specialistische GGZ", 1],
      ["Dyslexiezorg", 1]
    ]);
    expect(r.dbc.tabel1Total).toBe(3);
  });

  test("Tabel 2: the corrected 2018 count is the raw count minus the restarts", () => {
    expect(r.dbc.tabel2).toEqual([
      {year: 2017, raw: 7, corrected: 7},
      {year: 2018, raw: 8, corrected: 5},
      {year: 2019, raw: 0, corrected: 0}
    ]);
  });

  test("the zorgpad sees a restart pair as one trajectory", () => {
    // p1 and p8: one corrected trajectory each (p8's starts in 2016); p2: one open one. The other five
    // pupils have two trajectories within 6 months: a next trajectory at step 1.
    const step1 = r.outflow.steps[0];
    expect(step1.pupils).toBe(8);
    expect(step1.outcomes.map((o) => [o.outcome, o.pupils])).toEqual([
      ["volgend_traject", 5],
      ["nog_in_zorg", 1],
      ["uitstroom", 2]
    ]);
  });
});

describe("Figuur 1 and Tabel 4: status and duration of the cohort", () => {
  const r = report([
    traj("s01", "basis_ggz", "2019-03-01", null), // in zorg
    traj("s02", "basis_ggz", "2018-01-01", "2019-07-01"), // uitstroom (exactly 6 months), 18 months
    traj("s03", "basis_ggz", "2018-01-01", "2019-07-02"), // stop zorg, 18 months
    traj("s04", "basis_ggz", "2017-01-01", "2017-06-30"), // uitstroom, 6 months
    traj("s05", "basis_ggz", "2017-01-01", "2019-12-31"), // stop zorg, 36 months
    traj("s06", "basis_ggz", "2017-01-01", "2017-03-31"), // uitstroom, 13 months over two trajectories
    traj("s06", "dyslexie", "2017-05-01", "2018-01-31"),
    traj("s07", "basis_ggz", "2017-02-01", "2017-08-31"), // uitstroom, 7 months
    traj("s08", "basis_ggz", "2019-12-01", "2020-01-01"), // in zorg: ends on the peildatum
    traj("s09", "basis_ggz", "2016-01-01", "2019-12-31"), // not in the cohort: started before the window
    traj("s10", "basis_ggz", "2017-04-01", "2017-04-01") // uitstroom, a single day = 0 months
  ]);

  test("the cohort is every pupil with an in-scope start in the window", () => {
    expect(r.status.cohortPupils).toBe(9);
  });

  test("Figuur 1 gives counts and percentages with 2 decimals", () => {
    expect(r.status.figuur1.map((row) => [row.label, row.pupils, row.pct])).toEqual([
      ["In zorg", 2, 22.22],
      ["Stop zorg", 2, 22.22],
      ["Uitstroom", 5, 55.56]
    ]);
  });

  test("Tabel 4 bands the pupils not in care and ends with those still in care", () => {
    expect(r.status.tabel4.map((row) => [row.label, row.pupils])).toEqual([
      ["0 t/m 6 maanden", 2],
      ["7 t/m 12 maanden", 1],
      ["13 t/m 18 maanden", 3],
      ["19 t/m 24 maanden", 0],
      ["25 t/m 30 maanden", 0],
      ["31 t/m 36 maanden", 1],
      ["meer dan 36 maanden", 0],
      ["Nog in zorg", 2]
    ]);
  });
});

describe("Tabel 5: cost per pupil", () => {
  const r = report([
    traj("k1", "basis_ggz", "2017-03-01", "2017-05-01", {cost: 9999.99}),
    traj("k1", "basis_ggz", "2016-03-01", "2016-05-01", {cost: 50000}), // before the window: not counted
    traj("k2", "basis_ggz", "2017-03-01", "2017-05-01", {cost: 10000}),
    traj("k3", "basis_ggz", "2017-03-01", "2017-05-01", {cost: 5000}),
    traj("k3", "dyslexie", "2018-03-01", "2018-05-01", {cost: 6000}),
    traj("k4", "verblijf", "2017-03-01", "2018-05-01", {cost: 100000}),
    traj("k5", "verblijf", "2017-03-01", "2019-05-01", {cost: 250000.01}),
    traj("k6", "verblijf", "2017-03-01", "2019-05-01", {cost: 200000}),
    traj("k7", "basis_ggz", "2017-03-01", "2017-05-01", {cost: 0}),
    traj("k8", "basis_ggz", "2017-03-01", "2017-05-01", {cost: 45000})
  ]);

  test("pupils fall in half-open bands: € 10.000 exactly is in the second band", () => {
    expect(r.costs.pupils).toBe(8);
    expect(r.costs.bands.map((b) => [b.label, b.pupils, b.pct])).toEqual([
      ["€ 0 tot € 10.000", 2, 25],
      ["€ 10.000 tot € 20.000", 2, 25],
      ["€ 20.000 tot € 30.000", 0, 0],
      ["€ 30.000 tot € 40.000", 0, 0],
      ["€ 40.000 tot € 50.000", 1, 12.5],
      ["€ 50.000 tot € 100.000", 0, 0],
      ["> € 100.000", 3, 37.5]
    ]);
  });

  test("concentration: 6 of 8 pupils cost at least € 10.000 and account for 98 % of the cost", () => {
    // 616 000,01 of 626 000,00 = 98,40 %
    expect(r.costs.concentration).toEqual({threshold: 10000, pupils: 6, pctPupils: 75, pctCost: 98});
  });

  test("only costs above € 200.000 count as extreme, not € 200.000 itself", () => {
    expect(r.costs.extreme).toEqual({threshold: 200000, pupils: 1});
  });
});

describe("Figuur 2: zorgpad cascade and Eerste Keer Goed", () => {
  const r = report([
    traj("z1", "basis_ggz", "2017-01-01", "2017-06-30"), // uitstroom
    traj("z2", "basis_ggz", "2017-01-01", "2017-06-30"), // next after 5 months, then uitstroom
    traj("z2", "basis_ggz", "2017-11-30", "2018-03-31"),
    traj("z3", "basis_ggz", "2017-01-01", "2017-06-30"), // next after 7 months: a new zorgpad, so uitstroom
    traj("z3", "basis_ggz", "2018-01-31", "2018-03-31"),
    traj("z4", "basis_ggz", "2017-01-01", "2017-06-30"), // next exactly 6 months later, still open
    traj("z4", "basis_ggz", "2017-12-30", null),
    traj("z5", "basis_ggz", "2018-01-01", null), // open: nog in zorg
    traj("z6", "basis_ggz", "2017-01-01", "2017-03-31", {provider: "P1"}), // five in a row
    traj("z6", "basis_ggz", "2017-04-01", "2017-06-30", {provider: "P2"}),
    traj("z6", "basis_ggz", "2017-07-01", "2017-09-30", {provider: "P3"}),
    traj("z6", "basis_ggz", "2017-10-01", "2017-12-31", {provider: "P4"}),
    traj("z6", "basis_ggz", "2018-02-01", "2018-04-30", {provider: "P5"}),
    traj("z7", "basis_ggz", "2019-10-01", "2019-11-30"), // stop zorg counts as leaving
    traj("z8", "specialistische_ggz", "2017-05-01", "2017-12-31", {provider: "P1"}), // DBC pair: one trajectory
    traj("z8", "dyslexie", "2018-01-02", "2018-05-31", {provider: "P1"})
  ]);

  test("step 1: 3 pupils continue, 1 is still in care, 4 leave", () => {
    expect(r.outflow.steps[0].pupils).toBe(8);
    expect(r.outflow.steps[0].outcomes.map((o) => [o.outcome, o.pupils, o.pct])).toEqual([
      ["volgend_traject", 3, 38],
      ["nog_in_zorg", 1, 13],
      ["uitstroom", 4, 50]
    ]);
  });

  test("EKG is the uitstroom percentage of step 1", () => {
    expect(r.outflow.ekg).toBe(50);
    expect(r.kerngetallen.ekg).toBe(50);
  });

  test("later steps follow the pupils that continued", () => {
    expect(r.outflow.steps.map((s) => [s.step, s.pupils, s.per100, s.outcomes.map((o) => o.pupils)])).toEqual([
      [1, 8, 100, [3, 1, 4]],
      [2, 3, 38, [1, 1, 1]],
      [3, 1, 13, [1, 0, 0]],
      [4, 1, 13, [1, 0, 0]]
    ]);
  });
});

describe("Tabel 3 and the providers", () => {
  const r = report([
    traj("q1", "basis_ggz", "2017-02-01", "2017-03-01", {provider: "P1"}),
    traj("q1", "basis_ggz", "2017-05-01", "2017-06-01", {provider: "P1"}),
    traj("q1", "specialistische_ggz", "2017-08-01", "2017-09-01", {provider: "P2"}),
    traj("q2", "basis_ggz", "2017-02-01", "2017-03-01", {provider: "P2"}),
    traj("q2", "basis_ggz", "2018-02-01", "2018-03-01", {provider: "P2"}),
    traj("q3", "dyslexie", "2019-02-01", "2019-03-01", {provider: "P3"})
  ]);

  test("a pupil counts once per care type per year, however many trajectories", () => {
    const rows = r.careTypes.tabel3.map((row) => [row.careType, row.perYear.map((y) => y.pupils)]);
    expect(rows).toEqual([
      ["basis_ggz", [2, 1, 0]],
      ["specialistische_ggz", [1, 0, 0]],
      ["curatieve_ggz", [0, 0, 0]],
      ["dyslexie", [0, 0, 1]],
      ["ambulante_begeleiding", [0, 0, 0]],
      ["dagbehandeling", [0, 0, 0]],
      ["verblijf", [0, 0, 0]],
      ["crisis", [0, 0, 0]]
    ]);
  });

  test("providers are ordered by their distinct pupils over all years, then by name", () => {
    expect(r.careTypes.providers.map((p) => [p.provider, p.total, p.perYear.map((y) => y.pupils)])).toEqual([
      ["P2", 2, [2, 1, 0]],
      ["P1", 1, [1, 0, 0]],
      ["P3", 1, [0, 0, 1]]
    ]);
    expect(r.careTypes.providerCount).toBe(3);
  });
});

describe("Grafiek 1 and 2: age at the first start in the year", () => {
  const r = computeReport(
    dataset({
      pupils: [
        pupil("g1", {years: YEARS, born: "2010-03"}),
        pupil("g2", {years: YEARS, born: "2011-01"}),
        pupil("g3", {years: YEARS, born: "2009-12"})
      ],
      trajectories: [
        traj("g1", "dyslexie", "2019-05-01", "2019-06-01"), // age 9
        traj("g1", "specialistische_ggz", "2019-02-15", "2019-03-01"), // first start: age 8
        traj("g2", "dyslexie", "2019-01-10", "2019-03-01"), // age 8
        traj("g3", "basis_ggz", "2018-11-30", "2019-01-31"), // age 8 in 2018
        traj("g3", "ambulante_begeleiding", "2019-12-01", null) // age 10 in 2019
      ]
    })
  );
  const histogram = (rows: {age: number; pupils: number}[]) => rows.filter((a) => a.pupils > 0).map((a) => [a.age, a.pupils]);

  test("the age axis runs without gaps from the youngest to the oldest age", () => {
    expect(r.ages.ages).toEqual([8, 9, 10]);
  });

  test("with dyslexia every pupil counts once, at the age of their first start", () => {
    const y2019 = r.ages.years.find((y) => y.year === 2019)!;
    expect(histogram(y2019.withDyslexia)).toEqual([
      [8, 2],
      [10, 1]
    ]);
    expect(histogram(r.ages.years.find((y) => y.year === 2018)!.withDyslexia)).toEqual([[8, 1]]);
  });

  test("without dyslexia only pupils with another start count", () => {
    const y2019 = r.ages.years.find((y) => y.year === 2019)!;
    expect(histogram(y2019.withoutDyslexia)).toEqual([
      [8, 1],
      [10, 1]
    ]);
  });

  test("per care type the age is taken at the first start of that type", () => {
    const y2019 = r.ages.years.find((y) => y.year === 2019)!;
    const dyslexia = y2019.perCareType.find((c) => c.careType === "dyslexie")!;
    expect(histogram(dyslexia.ages)).toEqual([
      [8, 1],
      [9, 1]
    ]);
  });
});

describe("factsheet (three-school fixture)", () => {
  const r = computeReport(threeSchools());
  const anemoon = byName(r.factsheets, "Anemoon");

  test("there is a factsheet for every school, by name", () => {
    expect(r.factsheets.map((f) => [f.name, f.board])).toEqual([
      ["Anemoon", "B1"],
      ["Berk", "B1"],
      ["Ceder", "B2"]
    ]);
  });

  test("items 1 and 3: trajectories, pupils and trajectories per pupil against the municipality", () => {
    expect(anemoon.years.map((y) => [y.trajectories, y.pupils, y.trajectoriesPerPupil, y.municipalTrajectoriesPerPupil])).toEqual([
      [7, 7, 1, 1],
      [14, 14, 1, 1],
      [30, 24, 1.25, 1.18]
    ]);
  });

  test("item 2: relative growth of trajectories and pupils, school and municipality", () => {
    expect(anemoon.growth).toEqual([
      {from: 2017, to: 2018, trajectoriesPct: 100, municipalTrajectoriesPct: 23, pupilsPct: 100, municipalPupilsPct: 23},
      {from: 2018, to: 2019, trajectoriesPct: 114, municipalTrajectoriesPct: 48, pupilsPct: 71, municipalPupilsPct: 26}
    ]);
  });

  test("item 4: the board's share pools its schools; a single-school board equals the school", () => {
    expect(anemoon.shares.map((s) => [s.pct, s.boardPct, s.municipalPct])).toEqual([
      [3.5, 5.7, 5.5],
      [7, 7.3, 6.8],
      [12, 9.7, 8.5]
    ]);
    expect(byName(r.factsheets, "Ceder").shares.map((s) => [s.pct, s.boardPct])).toEqual([
      [5, 5],
      [5, 5],
      [5, 5]
    ]);
  });

  test("item 5: only the care types that occur at the school", () => {
    expect(anemoon.careTypes.map((c) => [c.careType, c.perYear.map((y) => y.pupils)])).toEqual([
      ["basis_ggz", [7, 14, 10]],
      ["dyslexie", [0, 0, 8]],
      ["ambulante_begeleiding", [0, 0, 12]]
    ]);
  });

  test("item 7: the top 3 care types of the latest year, no provider", () => {
    expect(anemoon.topCareTypes).toEqual([
      {careType: "ambulante_begeleiding", label: "Ambulante begeleiding", pupils: 12},
      {careType: "basis_ggz", label: "Basis GGZ", pupils: 10},
      {careType: "dyslexie", label: "Dyslexiezorg", pupils: 8}
    ]);
  });

  test("item 8: cost bands, share of the municipal cost and pupils still in care, no single pupil", () => {
    // 51 of the 89 trajectories of € 1.000 were at Anemoon: 57,3 %.
    expect(anemoon.costs.pupils).toBe(24);
    expect(anemoon.costs.bands[0]).toMatchObject({label: "€ 0 tot € 10.000", pupils: 24, pct: 100});
    expect(anemoon.costs.shareOfMunicipalCostPct).toBe(57);
    expect(anemoon.costs.stillInCare).toBe(1);
  });

  test("no per-school counts by provider or by age (issue 10): those stay in the municipal tables", () => {
    expect(Object.keys(anemoon).filter((k) => k === "providers" || k === "ages")).toEqual([]);
  });
});

describe("Figuur 1 and Tabel 5 on the three-school fixture", () => {
  const r = computeReport(threeSchools());

  test("one pupil is still in care, everyone else left more than 6 months ago", () => {
    expect(r.status.figuur1.map((row) => [row.status, row.pupils, row.pct])).toEqual([
      ["in_zorg", 1, 2.56],
      ["stop_zorg", 0, 0],
      ["uitstroom", 38, 97.44]
    ]);
  });

  test("a pupil's cost sums their trajectories over the years", () => {
    expect(r.costs.bands[0].pupils).toBe(39);
    expect(r.costs.concentration.pupils).toBe(0);
  });

  test("the scope counts every trajectory", () => {
    expect(r.scope.trajectories).toBe(89);
    expect(r.scope.inScope).toBe(89);
    expect(r.scope.enrolledPerYear).toEqual([
      {year: 2017, pupils: 400},
      {year: 2018, pupils: 400},
      {year: 2019, pupils: 400}
    ]);
  });
});
