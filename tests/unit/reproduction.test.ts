// The default data set, run through the contract and the aggregation core, reproduces the figures
// "Met nadere ogen" publishes (data/default/inhoud/gepubliceerd/). Where the report contradicts itself (its errata),
// the test pins what our rule computes; the site shows the difference.
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {loadDataset} from "../../loaders/contract.js";
import {readInputFolder, readPublishedFiles} from "../../loaders/io.js";
import {PUBLISHED_FILES, readPublished, type Published, type PublishedTexts} from "../../loaders/published.js";
import {computeReport, type Report} from "../../loaders/report.js";

const root = path.resolve(import.meta.dirname, "../..");
let report: Report;
let published: Published;

beforeAll(() => {
  const {dataset} = loadDataset(readInputFolder(path.join(root, "data/default")));
  report = computeReport(dataset);
  const texts: PublishedTexts = readPublishedFiles(PUBLISHED_FILES);
  published = readPublished(texts);
});

const kerngetal = (metric: string) => published.kerngetallen.get(metric);

describe("Tabel 6: every school, every year", () => {
  it("has the report's 22 schools with their 2019 pupils (4 550 in all)", () => {
    expect(report.schools.tabel6.map((s) => s.name).sort()).toEqual(published.schools.map((s) => s.school).sort());
    for (const s of published.schools) {
      const row = report.schools.tabel6.find((r) => r.name === s.school)!;
      expect(row.enrolledLatestYear, s.school).toBe(s.pupils2019);
    }
    expect(report.schools.total.enrolledLatestYear).toBe(4550);
  });

  it("gives each school the printed whole percentage in 2017, 2018 and 2019", () => {
    for (const s of published.schools) {
      const row = report.schools.tabel6.find((r) => r.name === s.school)!;
      expect(row.years.map((y) => y.pct), s.school).toEqual(s.percentByYear);
    }
  });

  it("gives the municipal percentages 8,38 / 10,58 / 8,55 within 0,05", () => {
    report.schools.total.years.forEach((y, i) => {
      expect(Math.abs((y.pct as number) - published.totalPercentByYear[i])).toBeLessThanOrEqual(0.05);
    });
    expect(report.schools.total.years.map((y) => y.pct)).toEqual([8.38, 10.58, 8.55]);
  });

  it("sorts the schools ascending by their 2019 percentage, as the report does", () => {
    const pcts = report.schools.tabel6.map((s) => s.years[2].pct as number);
    expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
  });

  it("recomputes growth labels from whole percentages: equal to print except the three errata", () => {
    const differences: string[] = [];
    for (const s of published.schools) {
      const row = report.schools.tabel6.find((r) => r.name === s.school)!;
      row.growth.forEach((g, i) => {
        if (g.category !== s.growthAsPrinted[i]) differences.push(`${s.school} ${g.from}-${g.to}: ${s.growthAsPrinted[i]} → ${g.category}`);
      });
    }
    // Errata (data/default/inhoud/gepubliceerd/errata.csv): the printed +'s do not follow from the printed percentages.
    expect(differences.sort()).toEqual([
      "Meander 2017-2018: + → 0",
      "Merseberch 2017-2018: + → ++",
      "Valkenheuvel 2017-2018: + → 0"
    ]);
  });

  it("finds nine growth patterns (the text says nine; the printed table shows ten)", () => {
    expect(report.schools.growthPatterns.length).toBe(9);
  });

  it("has 5 schools below 7 % and 6 above 11 % in 2019", () => {
    const categories = report.schools.tabel6.map((s) => s.useCategory);
    expect(categories.filter((c) => c === "laag").length).toBe(5);
    expect(categories.filter((c) => c === "hoog").length).toBe(6);
  });
});

describe("Tabel 1 and 2: the DBC effect", () => {
  it("detects the 131 restarts from the data: 59 basis GGZ, 41 dyslexie, 28 specialistische GGZ, 3 curatieve GGZ", () => {
    const byType = Object.fromEntries(report.dbc.tabel1.map((r) => [r.careType, r.restarts]));
    expect(byType).toEqual(published.restartsByCareType);
    expect(report.dbc.tabel1Total).toBe(published.restartsTotal);
  });

  it("counts 519 / 686 / 494 trajectories, 555 in 2018 after correction", () => {
    expect(report.dbc.tabel2.map((r) => r.raw)).toEqual(published.trajectoriesRaw);
    expect(report.dbc.tabel2.map((r) => r.corrected)).toEqual(published.trajectoriesCorrected);
  });
});

describe("Figuur 1, Tabel 4, Tabel 5, Figuur 2 and the kerngetallen", () => {
  it("has 914 pupils with a start in 2017–2019, 433 / 88 / 393 by status (47,37 / 9,63 / 43,00 %)", () => {
    expect(report.status.cohortPupils).toBe(914);
    for (const row of report.status.figuur1) {
      const p = published.status[row.status];
      expect([row.pupils, row.pct], row.status).toEqual([p.count, p.pct]);
    }
  });

  it("reproduces Tabel 4's duration bands and the 433 still in care", () => {
    const closed = report.status.tabel4.filter((r) => r.key !== "in_zorg" && r.key !== ">36");
    expect(closed.map((r) => r.pupils)).toEqual(published.durationBands);
    expect(report.status.tabel4.find((r) => r.key === "in_zorg")?.pupils).toBe(published.durationInCare);
  });

  it("reproduces Tabel 5: pupils per cost band, the 12,5 % / 54 % concentration and 2 pupils above € 200.000", () => {
    expect(report.costs.bands.map((b) => b.pupils)).toEqual(published.costBands.map((b) => b.clients));
    expect(report.costs.bands.map((b) => b.pct)).toEqual(published.costBands.map((b) => b.pctPrinted));
    expect(report.costs.concentration.pctPupils).toBe(kerngetal("cost_concentration_pupils_pct"));
    expect(report.costs.concentration.pctCost).toBe(kerngetal("cost_concentration_costs_pct"));
    expect(report.costs.extreme.pupils).toBe(kerngetal("pupils_cost_over_200000_eur"));
  });

  it("gives Eerste Keer Goed 34 %", () => {
    expect(report.outflow.ekg).toBe(kerngetal("eerste_keer_goed_pct"));
  });

  it("gives the kerngetallen: 4 550 pupils, 8,6 %, 4–16 %, 1,27 trajectories per pupil, 58 providers", () => {
    const k = report.kerngetallen;
    expect(k.enrolledLatestYear).toBe(kerngetal("pupils_enrolled"));
    expect(Math.round((k.latest.pct as number) * 10) / 10).toBe(kerngetal("youth_care_use_pct"));
    expect(k.lowestSchools!.pct).toBe(kerngetal("youth_care_use_min_pct"));
    expect(k.highestSchools!.pct).toBe(kerngetal("youth_care_use_max_pct"));
    expect(k.lowestSchools!.schools.map((s) => s.name).sort()).toEqual(["De Wegwijzer", "Dolfijn"]);
    expect(k.highestSchools!.schools.map((s) => s.name)).toEqual(["Wilhelmina"]);
    expect(k.latest.trajectoriesPerPupil).toBe(kerngetal("trajectories_per_pupil_with_youth_care"));
    expect(k.providerCount).toBe(kerngetal("youth_care_providers"));
    expect(k.cohortPupils).toBe(kerngetal("pupils_with_youth_care"));
    expect(k.pctInCareAtStatusDate).toBe(kerngetal("in_care_pct"));
  });
});

describe("the report's qualitative facts", () => {
  const pupilsByAge = (year: {withDyslexia: {age: number; pupils: unknown}[]}, key: "withDyslexia" | "withoutDyslexia" = "withDyslexia") =>
    (year as unknown as Record<string, {age: number; pupils: number}[]>)[key];
  const totalsByAge = (key: "withDyslexia" | "withoutDyslexia") => {
    const totals = new Map<number, number>();
    for (const y of report.ages.years) for (const a of pupilsByAge(y, key)) totals.set(a.age, (totals.get(a.age) ?? 0) + a.pupils);
    return totals;
  };

  it("peaks at age 9–10, and the curve is flatter without dyslexia", () => {
    const withD = totalsByAge("withDyslexia");
    const top2 = [...withD].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([age]) => age).sort((a, b) => a - b);
    expect(top2).toEqual([9, 10]);
    const withoutD = totalsByAge("withoutDyslexia");
    const peakToAge6 = (m: Map<number, number>) => Math.max(...m.values()) / (m.get(6) ?? 1);
    expect(peakToAge6(withoutD)).toBeLessThan(peakToAge6(withD));
  });

  it("has no separate dyslexia care in 2017, about 100 pupils in 2018 and about half of that in 2019", () => {
    const dyslexia = report.careTypes.tabel3.find((r) => r.careType === "dyslexie")!;
    const [y2017, y2018, y2019] = dyslexia.perYear.map((y) => y.pupils as number);
    expect(y2017).toBe(0);
    expect(y2018).toBeGreaterThanOrEqual(90);
    expect(y2018).toBeLessThanOrEqual(100);
    expect(y2019 / y2018).toBeGreaterThan(0.4);
    expect(y2019 / y2018).toBeLessThan(0.6);
  });

  it("has no basis GGZ in 2019", () => {
    const basis = report.careTypes.tabel3.find((r) => r.careType === "basis_ggz")!;
    expect(basis.perYear.find((y) => y.year === 2019)?.pupils ?? 0).toBe(0);
  });

  it("has two pupils above € 200.000, who are among the pupils still in care or recently stopped", () => {
    expect(report.costs.extreme.pupils).toBe(2);
  });
});

describe("the per-school factors match the report's statements", () => {
  it("Tabel 9: dorpsteam ratings in categories 1 / 2 / 3 for 5 / 7 / 7 schools", () => {
    const perRow = new Map<string, number>();
    for (const c of report.factors.tabel9.cells) perRow.set(c.row, (perRow.get(c.row) ?? 0) + c.schools);
    expect([perRow.get("1"), perRow.get("2"), perRow.get("3")]).toEqual([5, 7, 7]);
  });

  it("five stable average schools: average on use, size, neighbourhood SES and SOT", () => {
    const stable = report.factors.schools.filter(
      (s) => s.useCategory === "gemiddeld" && s.size === "middel" && s.ses === "midden" && s.sot === "gemiddeld"
    );
    expect(stable.map((s) => s.name).sort()).toEqual(["Coolsma", "De Ladder", "De Sterrenboog", "De Zonheuvel", "Meent"]);
  });

  it("schools of 200–300 pupils mostly have average use", () => {
    const middle = report.factors.schools.filter((s) => s.size === "middel");
    const average = middle.filter((s) => s.useCategory === "gemiddeld");
    expect(average.length / middle.length).toBeGreaterThan(0.5);
  });
});
