import {describe, expect, test} from "vitest";
import {
  ageInYears,
  careDurationMonths,
  careStatus,
  costBandIndex,
  costBands,
  correctTrajectories,
  durationBand,
  durationBands,
  formatEuros,
  growthCategory,
  growthPercentage,
  isDbcRestart,
  mergeRestart,
  pairDbcRestarts,
  percentage,
  roundHalfUp,
  schoolSizeCategory,
  sotCategory,
  studyWindow,
  trajectoriesPerPupil,
  useCategory,
  wholePercentage,
  youthCareYears,
  zorgpadOutcomes
} from "../../loaders/definitions.js";
import type {Trajectory} from "../../loaders/model.js";
import {settings, traj} from "../fixtures/build.js";

const s = settings();

/** A trajectory with an id, for the rules that take Trajectory objects directly. */
function t(id: string, careType: string, start: string, end: string | null, provider = "P1", pupilId = "p1"): Trajectory {
  return {...traj(pupilId, careType, start, end, {provider}), id};
}

describe("rule 1: rounding of percentages", () => {
  test("3.5 rounds up to 4: 7 of 200 pupils is 4 %", () => {
    expect(wholePercentage(7, 200)).toBe(4);
  });

  test("12.5 rounds up to 13 and 12.4 rounds down", () => {
    expect(wholePercentage(1, 8)).toBe(13);
    expect(wholePercentage(31, 250)).toBe(12);
  });

  test("thirds round to the nearest whole point", () => {
    expect(wholePercentage(1, 3)).toBe(33);
    expect(wholePercentage(2, 3)).toBe(67);
  });

  test("0 pupils is 0 % and a percentage of nobody does not exist", () => {
    expect(wholePercentage(0, 5)).toBe(0);
    expect(wholePercentage(3, 0)).toBeNull();
  });

  test("the municipal total has two decimals: 389 of 4550 is 8.55", () => {
    expect(percentage(389, 4550, 2)).toBe(8.55);
    expect(percentage(433, 914, 2)).toBe(47.37);
    expect(percentage(393, 914, 2)).toBe(43);
  });

  test("one decimal: 5 of 914 is 0.5 and 114 of 914 is 12.5", () => {
    expect(percentage(5, 914, 1)).toBe(0.5);
    expect(percentage(114, 914, 1)).toBe(12.5);
  });

  test("a half rounds towards plus infinity also when negative", () => {
    expect(roundHalfUp(-7, 2)).toBe(-3);
    expect(roundHalfUp(7, 2)).toBe(4);
    expect(roundHalfUp(-8, 3)).toBe(-3);
  });

  test("rule 6: 494 trajectories for 389 pupils is 1.27 per pupil", () => {
    expect(trajectoriesPerPupil(494, 389)).toBe(1.27);
    expect(trajectoriesPerPupil(3, 0)).toBeNull();
  });

  test("relative growth from 14 to 30 is 114 % and from nothing has no percentage", () => {
    expect(growthPercentage(14, 30)).toBe(114);
    expect(growthPercentage(10, 5)).toBe(-50);
    expect(growthPercentage(0, 4)).toBeNull();
  });
});

describe("rule 2: use category", () => {
  test("6 % is laag, 7 and 11 are gemiddeld, 12 is hoog", () => {
    expect(useCategory(6, s)).toBe("laag");
    expect(useCategory(7, s)).toBe("gemiddeld");
    expect(useCategory(11, s)).toBe("gemiddeld");
    expect(useCategory(12, s)).toBe("hoog");
  });
});

describe("rule 3: growth category on whole percentages", () => {
  test("exactly +5 points is ++ and exactly +3 is +", () => {
    expect(growthCategory(10, 15, s)).toBe("++");
    expect(growthCategory(10, 14, s)).toBe("+");
    expect(growthCategory(10, 13, s)).toBe("+");
    expect(growthCategory(10, 12, s)).toBe("0");
  });

  test("exactly −5 points is -- and exactly −3 is -", () => {
    expect(growthCategory(15, 10, s)).toBe("--");
    expect(growthCategory(14, 10, s)).toBe("-");
    expect(growthCategory(13, 10, s)).toBe("-");
    expect(growthCategory(12, 10, s)).toBe("0");
  });

  test("the three schools the report labelled differently get the category of their whole points", () => {
    expect(growthCategory(5, 6, s)).toBe("0"); // Valkenheuvel, printed +
    expect(growthCategory(9, 11, s)).toBe("0"); // Meander, printed +
    expect(growthCategory(11, 16, s)).toBe("++"); // Merseberch, printed +
  });

  test("the thresholds come from the settings", () => {
    const strict = settings({growthCategories: {moderate: 1, strong: 2}});
    expect(growthCategory(10, 11, strict)).toBe("+");
    expect(growthCategory(10, 12, strict)).toBe("++");
  });
});

describe("rule 15: school factors", () => {
  test("199 pupils is klein, 200 and 300 are middel, 301 is groot", () => {
    expect(schoolSizeCategory(199, s)).toBe("klein");
    expect(schoolSizeCategory(200, s)).toBe("middel");
    expect(schoolSizeCategory(300, s)).toBe("middel");
    expect(schoolSizeCategory(301, s)).toBe("groot");
  });

  test("SOT per 100 pupils: 2.5 weinig, 3 and 6 gemiddeld, 6.5 veel", () => {
    expect(sotCategory(5, 200, s)).toBe("weinig");
    expect(sotCategory(6, 200, s)).toBe("gemiddeld");
    expect(sotCategory(12, 200, s)).toBe("gemiddeld");
    expect(sotCategory(13, 200, s)).toBe("veel");
    expect(sotCategory(13, 0, s)).toBeNull();
  });
});

describe("scope: the years a trajectory counts in", () => {
  test("the study window runs from 1 January of the first year to 31 December of the last", () => {
    expect(studyWindow(s)).toEqual({start: "2017-01-01", end: "2019-12-31"});
  });

  test("started: only the start year, and only when it is a study year", () => {
    expect(youthCareYears({start: "2017-03-01", end: "2018-05-01"}, s)).toEqual([2017]);
    expect(youthCareYears({start: "2016-12-01", end: "2018-05-01"}, s)).toEqual([]);
  });

  test("active: every study year with at least one day of care", () => {
    const active = settings({youthCareDefinition: "active"});
    expect(youthCareYears({start: "2016-12-01", end: "2018-01-01"}, active)).toEqual([2017, 2018]);
    expect(youthCareYears({start: "2018-06-01", end: null}, active)).toEqual([2018, 2019]);
    expect(youthCareYears({start: "2016-01-01", end: "2016-12-31"}, active)).toEqual([]);
  });
});

describe("rule 4: DBC restarts", () => {
  const a = t("a", "basis_ggz", "2017-03-01", "2017-12-31");

  test("a December end and a January start with the same provider and care type is a restart", () => {
    expect(isDbcRestart(a, t("b", "basis_ggz", "2018-01-02", "2018-06-30"), s)).toBe(true);
  });

  test("an end in November is not a restart", () => {
    const november = t("a", "basis_ggz", "2017-03-01", "2017-11-30");
    expect(isDbcRestart(november, t("b", "basis_ggz", "2018-01-02", null), s)).toBe(false);
  });

  test("a start in February is not a restart", () => {
    expect(isDbcRestart(a, t("b", "basis_ggz", "2018-02-01", null), s)).toBe(false);
  });

  test("another provider is not a restart, unless the settings allow it", () => {
    const other = t("b", "basis_ggz", "2018-01-02", null, "P2");
    expect(isDbcRestart(a, other, s)).toBe(false);
    expect(isDbcRestart(a, other, settings({dbc: {...s.dbc, sameProvider: false}}))).toBe(true);
  });

  test("another care type is not a restart", () => {
    expect(isDbcRestart(a, t("b", "ambulante_begeleiding", "2018-01-02", null), s)).toBe(false);
  });

  test("specialistische GGZ followed by dyslexie is a restart, the other way round is not", () => {
    const ggz = t("a", "specialistische_ggz", "2017-03-01", "2017-12-31");
    const dyslexia = t("b", "dyslexie", "2018-01-08", null);
    expect(isDbcRestart(ggz, dyslexia, s)).toBe(true);
    const dyslexia2017 = t("a", "dyslexie", "2017-03-01", "2017-12-31");
    expect(isDbcRestart(dyslexia2017, t("b", "specialistische_ggz", "2018-01-08", null), s)).toBe(false);
  });

  test("trajectories of two different pupils never form a restart", () => {
    expect(isDbcRestart(a, t("b", "basis_ggz", "2018-01-02", null, "P1", "p2"), s)).toBe(false);
  });

  test("the transition year comes from the settings", () => {
    const later = settings({dbc: {...s.dbc, transitionYear: 2019}});
    expect(isDbcRestart(a, t("b", "basis_ggz", "2018-01-02", null), later)).toBe(false);
  });

  test("the nearest pair wins: the later December end pairs with the January start", () => {
    const early = t("a1", "basis_ggz", "2017-03-01", "2017-12-15");
    const late = t("a2", "basis_ggz", "2017-06-01", "2017-12-31");
    const b = t("b1", "basis_ggz", "2018-01-02", null);
    const pairs = pairDbcRestarts([early, late], [b], s);
    expect(pairs.map((p) => [p.before.id, p.after.id])).toEqual([["a2", "b1"]]);
  });

  test("one ending trajectory restarts only once: in the nearest January start", () => {
    const b1 = t("b1", "basis_ggz", "2018-01-10", null);
    const b2 = t("b2", "basis_ggz", "2018-01-03", null);
    const pairs = pairDbcRestarts([a], [b1, b2], s);
    expect(pairs.map((p) => [p.before.id, p.after.id])).toEqual([["a", "b2"]]);
  });

  test("a tie goes to the smallest id, whatever the input order", () => {
    const x = t("x", "basis_ggz", "2017-03-01", "2017-12-31");
    const y = t("y", "basis_ggz", "2017-05-01", "2017-12-31");
    const b = t("b", "basis_ggz", "2018-01-01", null);
    expect(pairDbcRestarts([y, x], [b], s)[0].before.id).toBe("x");
    expect(pairDbcRestarts([x, y], [b], s)[0].before.id).toBe("x");
  });

  test("two endings and two starts form two pairs", () => {
    const a1 = t("a1", "basis_ggz", "2017-03-01", "2017-12-31");
    const a2 = t("a2", "basis_ggz", "2017-03-01", "2017-12-20");
    const b1 = t("b1", "basis_ggz", "2018-01-01", null);
    const b2 = t("b2", "basis_ggz", "2018-01-05", null);
    const pairs = pairDbcRestarts([a1, a2], [b1, b2], s);
    expect(pairs.map((p) => [p.before.id, p.after.id])).toEqual([
      ["a1", "b1"],
      ["a2", "b2"]
    ]);
  });
});

describe("rule 4 pairing at scale: only December ends meet January starts", () => {
  // p1 ends at P1 in December and starts again at P2 in January; p2 does both at P1. Two hundred
  // more trajectories of p1 start and end within 2018 outside January: none of them can pair.
  const a1 = t("a1", "basis_ggz", "2017-03-01", "2017-12-31", "P1", "p1");
  const b1 = t("b1", "basis_ggz", "2018-01-02", null, "P2", "p1");
  const a2 = t("a2", "basis_ggz", "2017-03-01", "2017-12-31", "P1", "p2");
  const b2 = t("b2", "basis_ggz", "2018-01-03", null, "P1", "p2");
  const others = Array.from({length: 200}, (_, i) => t(`c${i}`, "basis_ggz", `2018-0${2 + (i % 8)}-01`, "2018-11-30", "P1", "p1"));
  const all = [a1, b1, a2, b2, ...others];

  test("with the same provider required, only p2's pair forms", () => {
    expect(pairDbcRestarts(all, all, s).map((p) => [p.before.id, p.after.id])).toEqual([["a2", "b2"]]);
  });

  test("without it, p1's pair across providers forms too, and no pupil pairs with another", () => {
    const anyProvider = settings({dbc: {...s.dbc, sameProvider: false}});
    expect(pairDbcRestarts(all, all, anyProvider).map((p) => [p.before.id, p.after.id])).toEqual([
      ["a1", "b1"],
      ["a2", "b2"]
    ]);
  });
});

describe("rule 5: corrected trajectories", () => {
  const a: Trajectory = {...t("a", "specialistische_ggz", "2017-03-01", "2017-12-31"), cost: 1200, productCode: "54002"};
  const b: Trajectory = {...t("b", "dyslexie", "2018-01-08", "2018-06-30", "P1"), cost: 800, productCode: "54D01"};

  test("a restart pair becomes one trajectory from A's start to B's end with B's care type and both costs", () => {
    expect(mergeRestart({before: a, after: b})).toEqual({
      ...a,
      end: "2018-06-30",
      careType: "dyslexie",
      productCode: "54D01",
      cost: 2000,
      parts: ["a", "b"]
    });
  });

  test("trajectories outside a pair pass unchanged", () => {
    const c = t("c", "basis_ggz", "2019-01-01", null);
    const corrected = correctTrajectories([a, b, c], [{before: a, after: b}]);
    expect(corrected.map((x) => [x.id, x.start, x.end, x.parts])).toEqual([
      ["a", "2017-03-01", "2018-06-30", ["a", "b"]],
      ["c", "2019-01-01", null, ["c"]]
    ]);
  });
});

describe("rule 7: status at the peildatum (1 January 2020)", () => {
  const span = (start: string, end: string | null) => ({start, end});

  test("status is in_zorg when a trajectory is still open", () => {
    expect(careStatus([span("2019-03-01", null)], s)).toBe("in_zorg");
  });

  test("status is in_zorg when the last end is the peildatum itself", () => {
    expect(careStatus([span("2019-03-01", "2020-01-01")], s)).toBe("in_zorg");
  });

  test("status is uitstroom when the last end is exactly 6 months before the peildatum", () => {
    expect(careStatus([span("2018-01-01", "2019-07-01")], s)).toBe("uitstroom");
  });

  test("status is stop_zorg when the last end is one day less than 6 months before", () => {
    expect(careStatus([span("2018-01-01", "2019-07-02")], s)).toBe("stop_zorg");
    expect(careStatus([span("2018-01-01", "2019-12-31")], s)).toBe("stop_zorg");
  });

  test("the latest end decides, not the last trajectory in the list", () => {
    expect(careStatus([span("2019-01-01", "2019-09-30"), span("2017-01-01", "2017-05-01")], s)).toBe("stop_zorg");
  });

  test("the number of months comes from the settings", () => {
    expect(careStatus([span("2018-01-01", "2019-10-01")], settings({statusRuleMonths: 3}))).toBe("uitstroom");
  });
});

describe("rule 8: duration of care", () => {
  const span = (start: string, end: string) => ({start, end});

  test("1 January to 30 June is 6 months and falls in 0 t/m 6", () => {
    const months = careDurationMonths([span("2017-01-01", "2017-06-30")]);
    expect(months).toBe(6);
    expect(durationBand(months, s).label).toBe("0 t/m 6 maanden");
  });

  test("1 January to 31 July is 7 months and falls in 7 t/m 12", () => {
    const months = careDurationMonths([span("2017-01-01", "2017-07-31")]);
    expect(months).toBe(7);
    expect(durationBand(months, s).key).toBe("7-12");
  });

  test("a trajectory crossing the year is measured across it", () => {
    expect(careDurationMonths([span("2017-10-01", "2018-03-31")])).toBe(6);
  });

  test("a single day of care is 0 months", () => {
    expect(careDurationMonths([span("2017-04-01", "2017-04-01")])).toBe(0);
  });

  test("from the first start to the last end, gaps included", () => {
    expect(careDurationMonths([span("2018-01-01", "2018-12-31"), span("2017-02-01", "2017-04-30")])).toBe(23);
  });

  test("the bands run 0 t/m 6, 7 t/m 12 … 31 t/m 36, then meer dan 36", () => {
    expect(durationBands(s).map((b) => b.label)).toEqual([
      "0 t/m 6 maanden",
      "7 t/m 12 maanden",
      "13 t/m 18 maanden",
      "19 t/m 24 maanden",
      "25 t/m 30 maanden",
      "31 t/m 36 maanden",
      "meer dan 36 maanden"
    ]);
    expect(durationBand(36, s).key).toBe("31-36");
    expect(durationBand(37, s).key).toBe(">36");
    expect(durationBand(13, s).key).toBe("13-18");
    expect(durationBand(12, s).key).toBe("7-12");
  });
});

describe("rule 9: zorgpad and Eerste Keer Goed", () => {
  const steps = (list: Trajectory[]) => zorgpadOutcomes(list, s, 4);

  test("one closed trajectory is uitstroom at step 1", () => {
    expect(steps([t("1", "basis_ggz", "2017-01-01", "2017-06-30")])).toEqual(["uitstroom"]);
  });

  test("one open trajectory is nog_in_zorg at step 1", () => {
    expect(steps([t("1", "basis_ggz", "2018-01-01", null)])).toEqual(["nog_in_zorg"]);
  });

  test("re-entry after 5 months continues the zorgpad", () => {
    expect(steps([t("1", "basis_ggz", "2017-01-01", "2017-06-30"), t("2", "basis_ggz", "2017-11-30", "2018-03-31")])).toEqual([
      "volgend_traject",
      "uitstroom"
    ]);
  });

  test("re-entry after 7 months starts a new zorgpad: the first one is uitstroom", () => {
    expect(steps([t("1", "basis_ggz", "2017-01-01", "2017-06-30"), t("2", "basis_ggz", "2018-01-31", "2018-03-31")])).toEqual([
      "uitstroom"
    ]);
  });

  test("re-entry exactly 6 months after the end still continues", () => {
    expect(steps([t("1", "basis_ggz", "2017-01-01", "2017-06-30"), t("2", "basis_ggz", "2017-12-30", null)])).toEqual([
      "volgend_traject",
      "nog_in_zorg"
    ]);
  });

  test("the zorgpad end is the latest end so far, not the end of the previous trajectory", () => {
    const long = t("1", "basis_ggz", "2017-01-01", "2017-12-31");
    const inside = t("2", "basis_ggz", "2017-02-01", "2017-03-31");
    const after = t("3", "basis_ggz", "2018-05-01", "2018-06-30");
    expect(steps([after, inside, long])).toEqual(["volgend_traject", "volgend_traject", "uitstroom"]);
  });

  test("an open zorgpad takes any later trajectory as its next step", () => {
    expect(steps([t("1", "basis_ggz", "2017-01-01", null), t("2", "dyslexie", "2019-06-01", "2019-08-31")])).toEqual([
      "volgend_traject",
      "nog_in_zorg"
    ]);
  });

  test("stopping less than 6 months before the peildatum counts as uitstroom", () => {
    expect(steps([t("1", "basis_ggz", "2019-10-01", "2019-11-30")])).toEqual(["uitstroom"]);
  });

  test("an end after the peildatum counts as still in care", () => {
    expect(steps([t("1", "basis_ggz", "2019-10-01", "2020-03-31")])).toEqual(["nog_in_zorg"]);
  });

  test("the cascade stops after four steps", () => {
    const chain = [
      t("1", "basis_ggz", "2017-01-01", "2017-03-31"),
      t("2", "basis_ggz", "2017-04-01", "2017-06-30"),
      t("3", "basis_ggz", "2017-07-01", "2017-09-30"),
      t("4", "basis_ggz", "2017-10-01", "2017-11-30"),
      t("5", "basis_ggz", "2018-02-01", "2018-04-30")
    ];
    expect(steps(chain)).toEqual(["volgend_traject", "volgend_traject", "volgend_traject", "volgend_traject"]);
    expect(steps(chain.slice(0, 4))).toEqual(["volgend_traject", "volgend_traject", "volgend_traject", "uitstroom"]);
  });

  test("trajectories starting the same day are ordered by end, open last, then id", () => {
    // The closed one comes first, so the open one is its follow-up: step 1 volgend, step 2 nog in zorg.
    expect(steps([t("b", "basis_ggz", "2017-01-01", null), t("a", "dyslexie", "2017-01-01", "2017-02-28")])).toEqual([
      "volgend_traject",
      "nog_in_zorg"
    ]);
  });
});

describe("rule 10: age from the birth month", () => {
  test("the birthday is the first of the birth month", () => {
    expect(ageInYears("2010-03", "2019-02-28")).toBe(8);
    expect(ageInYears("2010-03", "2019-03-01")).toBe(9);
    expect(ageInYears("2009-12", "2018-11-30")).toBe(8);
    expect(ageInYears("2009-12", "2019-12-01")).toBe(10);
  });
});

describe("rule 11: cost bands", () => {
  test("labels in Dutch euro notation, the last band open", () => {
    expect(costBands(s).map((b) => b.label)).toEqual([
      "€ 0 tot € 10.000",
      "€ 10.000 tot € 20.000",
      "€ 20.000 tot € 30.000",
      "€ 30.000 tot € 40.000",
      "€ 40.000 tot € 50.000",
      "€ 50.000 tot € 100.000",
      "> € 100.000"
    ]);
  });

  test("an amount on an edge belongs to the band above it", () => {
    expect(costBandIndex(9999.99, s)).toBe(0);
    expect(costBandIndex(10000, s)).toBe(1);
    expect(costBandIndex(100000, s)).toBe(6);
    expect(costBandIndex(250000, s)).toBe(6);
  });

  test("euros are written with a dot between thousands", () => {
    expect(formatEuros(1234567)).toBe("€ 1.234.567");
    expect(formatEuros(0)).toBe("€ 0");
    expect(formatEuros(999)).toBe("€ 999");
  });
});
