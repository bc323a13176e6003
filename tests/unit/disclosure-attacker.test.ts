// An independent attacker: reads only the files the site publishes (the sealed archive members,
// parsed as JSON, byte for byte what lands in dist/_file/data/) and nothing from loaders/ but the
// file list. It solves one published relation the attacker does not need the registry for: per
// year, the municipal pupils (schools.json total) are the sum of the schools' pupils (each pupil
// attends one school a year; every school with pupils has a factsheet, item 1). For the hidden
// schools of a year it derives the interval each can take, reading the marks as a reader would.
import {describe, expect, it} from "vitest";
import {siteFilesFromEnvironment} from "../../loaders/pipeline.js";

type Cell = number | {suppressed: true; minCount: number};

const files = await siteFilesFromEnvironment({env: {}, log: () => {}});
const json = (name: string) => JSON.parse(files.get(name) as string);
const schools = json("schools.json");
const sheets = [...files.keys()].filter((f) => f.startsWith("factsheets/") && f.endsWith(".json")).map(json);
const minCount: number = json("meta.json").minCount;

/** Per year and hidden school cell: [lo, hi] from the municipal total, with or without the marks. */
function intervals(readMarks: boolean): {year: number; school: string; lo: number; hi: number}[] {
  const out: {year: number; school: string; lo: number; hi: number}[] = [];
  for (const total of schools.total.years as {year: number; pupils: Cell}[]) {
    if (typeof total.pupils !== "number") continue;
    const cells = sheets.map((f) => ({school: f.name as string, cell: f.years.find((y: {year: number}) => y.year === total.year)?.pupils as Cell | undefined}));
    const hidden = cells.filter((c) => c.cell !== undefined && typeof c.cell !== "number");
    const shown = cells.reduce((s, c) => s + (typeof c.cell === "number" ? c.cell : 0), 0);
    const rest = total.pupils - shown;
    // Every withheld count reads "·". Read as a reader who knows the rules would: the rules never
    // hide a school's zero, so "·" says 1 or more (and nothing about whether it is small).
    const bounds = hidden.map(() => (readMarks ? {lo: 1, hi: Infinity} : {lo: 0, hi: Infinity}));
    hidden.forEach((c, i) => {
      const othersLo = bounds.reduce((s, b, j) => s + (j === i ? 0 : b.lo), 0);
      const othersHi = bounds.reduce((s, b, j) => s + (j === i ? 0 : b.hi), 0);
      out.push({year: total.year, school: c.school, lo: Math.max(bounds[i].lo, rest - othersHi), hi: Math.min(bounds[i].hi, rest - othersLo)});
    });
  }
  return out;
}

describe("an attacker with the published files: municipal total against the schools", () => {
  it("finds hidden school-year counts (the data has some)", () => {
    expect(intervals(false).length).toBeGreaterThan(0);
  });

  it("with every mark read as 'not shown', no hidden school-year count is narrowed below minCount", () => {
    const narrow = intervals(false).filter((c) => c.hi - c.lo < minCount);
    expect(narrow).toEqual([]);
  });

  // Issue 10: with "< 5" the mark alone pinned a count to 1 … 4. With one mark ("·") for every
  // hidden count, a reader learns only "1 or more".
  it("reading the marks as a reader would, no hidden school-year count is narrowed below minCount", () => {
    const narrow = intervals(true).filter((c) => c.hi - c.lo < minCount);
    expect(narrow).toEqual([]);
  });
});
