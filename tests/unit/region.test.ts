// Region mode (issue 13 item 1) on two tiny municipalities with two schools each, every number worked
// out by hand below: the region file (loaders/region.ts), the funnel over the region's schools, and the
// one disclosure system over both releases and the region's counts (loaders/disclosure/region.ts).
//
// Aadorp (2022–2023)           2022: enrolled, pupils   2023: enrolled, pupils
//   S1 De Es                          100, 10                 120, ·  (12, withheld to protect S2)
//   S2 De Wilg                         80,  6                  90, ·  (3, small)
//   total                             180, 16 (8,89 %)        210, 15 (7,14 %)
// Beekveld (2021–2023)
//   T1 Het Anker                      200, 20                 210, 25
//   T2 De Boei                         50,  5                  60,  0
//   total (2021: 240 enrolled, 30)    250, 25 (10,00 %)       270, 25 (9,26 %)
// Region years = the years both have: 2022 and 2023.
//   2022: enrolled 180 + 250 = 430, pupils 16 + 25 = 41, 41/430 = 9,5348 % → 9,53 %
//   2023: enrolled 210 + 270 = 480, pupils 15 + 25 = 40, 40/480 = 8,3333 % → 8,33 %
import {describe, expect, it} from "vitest";
import {auditSystem} from "../../loaders/disclosure/audit.js";
import {auditRegion, regionSystem, type RegionPart} from "../../loaders/disclosure/region.js";
import type {DisclosureSystem, PublishedCell} from "../../loaders/disclosure/model.js";
import {InputErrors} from "../../loaders/errors.js";
import {parseRegion, regionFacts, regionMismatch, regionTables, REGION_REPORT_FILE, type RegionMember} from "../../loaders/region.js";
import {funnelData, funnelSentences} from "../../src/components/FunnelPlot.js";
import {rangeAcrossMunicipalities, regionSentence} from "../../src/components/regionText.js";

const hidden = {suppressed: true, minCount: 5} as const;
const year = (y: number, enrolled: number, pupils: unknown, pct: unknown) => ({year: y, enrolled, pupils, pct});
const school = (schoolId: string, name: string, years: ReturnType<typeof year>[]) => ({
  schoolId,
  name,
  enrolledLatestYear: years[years.length - 1].enrolled,
  years,
  growth: [],
  growthPattern: null,
  useCategory: null
});
const settings: RegionMember["settings"] = {minCount: 5, auditWidth: 5, definition: "started"};

function member(municipality: string, years: number[], tabel6: ReturnType<typeof school>[], total: ReturnType<typeof year>[]): RegionMember {
  return {
    municipality,
    settings,
    report: {meta: {years, latestYear: years[years.length - 1]}, schools: {tabel6, total: {enrolledLatestYear: total[total.length - 1].enrolled, years: total}}} as unknown as RegionMember["report"]
  };
}

const aadorp = member(
  "Aadorp",
  [2022, 2023],
  [school("S1", "De Es", [year(2022, 100, 10, 10), year(2023, 120, hidden, hidden)]), school("S2", "De Wilg", [year(2022, 80, 6, 8), year(2023, 90, hidden, hidden)])],
  [year(2022, 180, 16, 8.89), year(2023, 210, 15, 7.14)]
);
const beekveld = member(
  "Beekveld",
  [2021, 2022, 2023],
  [
    school("T1", "Het Anker", [year(2021, 190, 24, 13), year(2022, 200, 20, 10), year(2023, 210, 25, 12)]),
    school("T2", "De Boei", [year(2021, 50, 6, 12), year(2022, 50, 5, 10), year(2023, 60, 0, 0)])
  ],
  [year(2021, 240, 30, 12.5), year(2022, 250, 25, 10), year(2023, 270, 25, 9.26)]
);

describe("regionTables", () => {
  const {report} = regionTables("Testregio", [aadorp, beekveld]);

  it("adds the municipalities' totals over the years they share", () => {
    expect(report.meta.years).toEqual([2022, 2023]);
    expect(report.meta.latestYear).toBe(2023);
    expect(report.schools.total.years).toEqual([
      {year: 2022, enrolled: 430, pupils: 41, pct: 9.53},
      {year: 2023, enrolled: 480, pupils: 40, pct: 8.33}
    ]);
    expect(report.schools.total.enrolledLatestYear).toBe(480);
  });

  it("shows each municipality's own rates side by side, with all its years", () => {
    expect(report.municipalities.map((m) => [m.key, m.name, m.years.map((y) => [y.year, y.pupils, y.pct])])).toEqual([
      ["aadorp", "Aadorp", [[2022, 16, 8.89], [2023, 15, 7.14]]],
      ["beekveld", "Beekveld", [[2021, 30, 12.5], [2022, 25, 10], [2023, 25, 9.26]]]
    ]);
  });

  it("withholds a region total when any municipality's total is withheld", () => {
    const withheld = member("Aadorp", [2022, 2023], aadorp.report.schools.tabel6 as never, [year(2022, 180, 16, 8.89), year(2023, 210, hidden, hidden)]);
    const years = regionTables("Testregio", [withheld, beekveld]).report.schools.total.years;
    expect(years[0]).toEqual({year: 2022, enrolled: 430, pupils: 41, pct: 9.53});
    expect(years[1]).toEqual({year: 2023, enrolled: 480, pupils: hidden, pct: hidden});
  });

  it("draws every school of the region in one funnel around the region's rate", () => {
    const funnel = funnelData(report.schools as never);
    expect(funnel.year).toBe(2023);
    expect(funnel.p).toBeCloseTo(40 / 480, 12);
    expect(funnel.points.map((p) => [p.name, p.enrolled, p.pupils])).toEqual(
      expect.arrayContaining([
        ["Het Anker (Beekveld)", 210, 25],
        ["De Boei (Beekveld)", 60, 0]
      ])
    );
    expect(funnel.points).toHaveLength(2);
    expect(funnel.withheld.map((s) => s.name).sort()).toEqual(["De Es (Aadorp)", "De Wilg (Aadorp)"]);
  });

  it("refuses municipalities whose counts do not add up to one thing", () => {
    const other = {...beekveld, settings: {...settings, minCount: 10}};
    expect(regionMismatch([aadorp, other].map(regionFacts))).toMatch(/suppression\.minCount\): 5 en 10\./);
    expect(regionMismatch([aadorp, {...beekveld, municipality: "aadorp"}].map(regionFacts))).toMatch(/hetzelfde webadres \/aadorp\//);
    expect(regionMismatch([aadorp, beekveld].map(regionFacts))).toBeNull();
    expect(regionMismatch([{...regionFacts(aadorp), years: [2020]}, regionFacts(beekveld)])).toMatch(/geen onderzoeksjaar gemeen/);
  });
});

describe("parseRegion", () => {
  it("reads the name and the folders, relative to the region's folder", () => {
    expect(parseRegion(JSON.stringify({naam: "Testregio", gemeenten: ["aadorp", "../beekveld"]}), (f) => `/r/${f}`)).toEqual({name: "Testregio", folders: ["/r/aadorp", "/r/../beekveld"]});
  });

  it("reports every problem at once, in Dutch", () => {
    try {
      parseRegion(JSON.stringify({gemeenten: ["een"], kleur: "rood"}), (f) => f);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputErrors);
      expect((error as InputErrors).errors.map((e) => e.column)).toEqual(["naam", "gemeenten", "kleur"]);
    }
  });
});

// Each municipality's system: one variable per school and year (the atoms of this tiny case).
function cell(file: string, path: string, terms: number[], value: number, shown: boolean): PublishedCell {
  return {
    file,
    path,
    unit: "pupils",
    terms: terms.map((variable) => ({variable, coefficient: 1})),
    form: shown ? {kind: "exact", value} : {kind: "hidden", mark: "·", lo: 1, hi: Infinity},
    value
  };
}
const t6 = (id: string, y: number) => `tabel6[schoolId=${id}].years[year=${y}].pupils`;
const tot = (y: number) => `total.years[year=${y}].pupils`;
// Aadorp: a0 = S1 2022 (10), a1 = S2 2022 (6), a2 = S1 2023 (12), a3 = S2 2023 (3).
const aadorpSystem: DisclosureSystem = {
  variables: 4,
  truth: [10, 6, 12, 3],
  relations: [],
  cells: [
    cell("schools.json", t6("S1", 2022), [0], 10, true),
    cell("schools.json", t6("S2", 2022), [1], 6, true),
    cell("schools.json", t6("S1", 2023), [2], 12, false),
    cell("schools.json", t6("S2", 2023), [3], 3, false),
    cell("schools.json", tot(2022), [0, 1], 16, true),
    cell("schools.json", tot(2023), [2, 3], 15, true)
  ]
};
// Beekveld: b0 = all of 2021 (30), b1 = T1 2022 (20), b2 = T2 2022 (5), b3 = T1 2023 (25); T2 2023 is 0.
const beekveldSystem: DisclosureSystem = {
  variables: 4,
  truth: [30, 20, 5, 25],
  relations: [],
  cells: [
    cell("schools.json", tot(2021), [0], 30, true),
    cell("schools.json", t6("T1", 2022), [1], 20, true),
    cell("schools.json", t6("T2", 2022), [2], 5, true),
    cell("schools.json", t6("T1", 2023), [3], 25, true),
    cell("schools.json", t6("T2", 2023), [], 0, true),
    cell("schools.json", tot(2022), [1, 2], 25, true),
    cell("schools.json", tot(2023), [3], 25, true)
  ]
};
const parts: RegionPart[] = [
  {slug: "aadorp", system: aadorpSystem},
  {slug: "beekveld", system: beekveldSystem}
];

describe("regionSystem", () => {
  const {report, sources} = regionTables("Testregio", [aadorp, beekveld]);
  const content = JSON.parse(JSON.stringify(report));

  it("registers each region count as the sum of the municipal counts it adds", () => {
    const {system, registry} = regionSystem(parts, REGION_REPORT_FILE, content, sources, 5, 5);
    expect(system.variables).toBe(8);
    // 6 + 7 municipal cells; the region file: 2 + 3 municipal totals, 2 region totals, 4 schools × 2 years.
    expect(registry.cells).toHaveLength(15);
    expect(system.cells).toHaveLength(13 + 15);
    const region2023 = system.cells.find((c) => c.file === REGION_REPORT_FILE && c.path === "schools.total.years[year=2023].pupils");
    // Aadorp's a2 + a3 (variables 2, 3) and Beekveld's b3 (variable 4 + 3 = 7).
    expect(region2023?.terms.map((t) => t.variable)).toEqual([2, 3, 7]);
    expect(region2023?.form).toEqual({kind: "exact", value: 40});
    const copy = system.cells.find((c) => c.path === "schools.tabel6[schoolId=aadorp/S2].years[year=2023].pupils");
    expect(copy?.form.kind).toBe("hidden");
    expect(copy?.value).toBe(3);
  });

  it("keeps the small count as wide as in its own municipality: 1 … 14 from S1 + S2 = 15", async () => {
    const {system} = regionSystem(parts, REGION_REPORT_FILE, content, sources, 5, 5);
    const audit = await auditSystem(system, {minCount: 5, width: 5, exactIntervals: true});
    // Aadorp's own S2 2023 and its copy on the region page.
    expect(audit.sensitive).toBe(2);
    expect(audit.violations).toEqual([]);
    for (const finding of audit.findings.filter((f) => f.value === 3)) expect([finding.lo, finding.hi]).toEqual([1, 14]);
  });

  it("audits the union by municipality when every region row follows from the municipal rows", async () => {
    const union = regionSystem(parts, REGION_REPORT_FILE, content, sources, 5, 5);
    const solved: number[] = [];
    const audit = await auditRegion(parts, union, 5, (system) => {
      solved.push(system.cells.length);
      return auditSystem(system, {minCount: 5, width: 5, exactIntervals: true});
    });
    // Aadorp's 6 cells and Beekveld's 7, each on its own; never the 28 of the union.
    expect(solved).toEqual([6, 7]);
    expect(audit.decomposed).toBe(true);
    expect(audit.cells).toBe(28);
    expect(audit.sensitive).toBe(2);
    expect(audit.violations).toEqual([]);
    const copy = audit.findings.find((f) => f.name.endsWith("schools.tabel6[schoolId=aadorp/S2].years[year=2023].pupils"));
    expect([copy?.lo, copy?.hi, copy?.protected]).toEqual([1, 14, true]);
  });

  it("solves the union as one when a region row says more than its parts", async () => {
    // Aadorp's S2 2023 read as saying nothing (0 … ∞): its region copy's "·" (≥ 1) is then not implied.
    const loose = structuredClone(aadorpSystem);
    loose.cells[3].form = {kind: "hidden", mark: "·", lo: 0, hi: Infinity};
    const looseParts: RegionPart[] = [{slug: "aadorp", system: loose}, parts[1]];
    const union = regionSystem(looseParts, REGION_REPORT_FILE, content, sources, 5, 5);
    const solved: number[] = [];
    const audit = await auditRegion(looseParts, union, 5, (system) => {
      solved.push(system.cells.length);
      return auditSystem(system, {minCount: 5, width: 5, exactIntervals: true});
    });
    expect(solved).toEqual([28]);
    expect(audit.decomposed).toBe(false);
  });

  it("stops a region count that shows a sum with a withheld part", () => {
    const leaky = structuredClone(content);
    leaky.schools.tabel6.find((r: {schoolId: string}) => r.schoolId === "aadorp/S2").years[1].pupils = 3;
    expect(() => regionSystem(parts, REGION_REPORT_FILE, leaky, sources, 5, 5)).toThrow(/toont 3, maar de gemeenten publiceren een afgeschermd deel/);
  });

  it("stops a count on the region page that no municipality publishes", () => {
    const extra = {...structuredClone(content), extra: {pupils: 7}};
    expect(() => regionSystem(parts, REGION_REPORT_FILE, extra, sources, 5, 5)).toThrow(/extra\.pupils is geen aantal dat een gemeente publiceert/);
  });
});

describe("the region's sentences", () => {
  const {report} = regionTables("Testregio", [aadorp, beekveld]);
  const [y2022, y2023] = report.schools.total.years;

  it("state the region's share as the table shows it, with the reports' definition", () => {
    expect(regionSentence(y2023, "started")).toBe("In 2023 begon 8,33% van de leerlingen in de regio aan jeugdhulp: 40 van de 480.");
    expect(regionSentence(y2022, "active")).toBe("In 2022 kreeg 9,53% van de leerlingen in de regio jeugdhulp: 41 van de 430.");
    expect(regionSentence({year: 2023, enrolled: 480, pupils: hidden, pct: hidden} as never, "started")).toMatch(/^Hoeveel leerlingen in de regio in 2023 aan jeugdhulp begonnen, is afgeschermd/);
  });

  it("name the lowest and highest municipality, and say when one is withheld", () => {
    // 2023: Aadorp 7,14 %, Beekveld 9,26 %.
    expect(rangeAcrossMunicipalities(report.municipalities, 2023)).toBe("In 2023 was het percentage het laagst in Aadorp (7,14%) en het hoogst in Beekveld (9,26%).");
    const third = {key: "c", name: "Cdorp", years: [{year: 2023, enrolled: 50, pupils: hidden, pct: hidden}]};
    expect(rangeAcrossMunicipalities([...report.municipalities, third] as never, 2023)).toMatch(/\(9,26%\); van één gemeente is het afgeschermd\.$/);
  });

  it("compare the funnel's schools with the region, not a municipality", () => {
    // Het Anker 25/210 and De Boei 0/60 around 40/480 = 8,33 %.
    expect(funnelSentences(funnelData(report.schools as never), "de regio").at(-1)).toMatch(/; de regio zit op 8,33%\.$/);
  });
});
