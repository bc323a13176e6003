// Integrity of data/default/inhoud/gepubliceerd: the report's own figures. Every expected number here is printed in the
// report (or follows from printed numbers by hand arithmetic), so a typo in a CSV makes a test fail.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";

const DIR = join(process.cwd(), "data/default/inhoud/gepubliceerd");

type Row = Record<string, string>;

interface FileSpec {
  header: string[];
  numeric?: string[];
  flags?: string[];
}

const SPECS: Record<string, FileSpec> = {
  "kerngetallen.csv": {
    header: ["metric", "value", "unit", "period", "printed", "approx", "value_derived", "source_line"],
    numeric: ["value", "value_derived"],
    flags: ["approx"]
  },
  "tabel1_dbc_herstarts.csv": {
    header: ["product", "restarted_trajectories", "row_type", "care_type_key", "source_line"],
    numeric: ["restarted_trajectories"]
  },
  "tabel2_trajecten_per_jaar.csv": {
    header: ["year", "correction", "trajectories", "row_label", "source_line"],
    numeric: ["year", "trajectories"]
  },
  "figuur1_status.csv": {
    header: ["status", "status_key", "pct", "count_derived", "source_line"],
    numeric: ["pct", "count_derived"]
  },
  "tabel4_doorlooptijd.csv": {
    header: ["duration_category", "lower_months", "upper_months", "pupils", "source_line"],
    numeric: ["lower_months", "upper_months", "pupils"]
  },
  "tabel5_kosten.csv": {
    header: ["band_label", "lower_eur", "upper_eur", "clients", "pct_printed", "source_line"],
    numeric: ["lower_eur", "upper_eur", "clients", "pct_printed"]
  },
  "tabel6_scholen.csv": {
    header: ["school", "pupils_2019", "pct_2017", "growth_2017_2018", "pct_2018", "growth_2018_2019", "pct_2019", "source_line"],
    numeric: ["pupils_2019", "pct_2017", "pct_2018", "pct_2019"]
  },
  "tabel6_totaal.csv": {
    header: ["year", "pct", "pupils", "source_line"],
    numeric: ["year", "pct", "pupils"]
  },
  "groeilegenda.csv": {
    header: ["symbol", "label", "min_points", "max_points", "source_line"],
    numeric: ["min_points", "max_points"]
  },
  "gebruikscategorieen.csv": {
    header: ["category", "label", "threshold_printed", "lower_pct", "lower_inclusive", "upper_pct", "upper_inclusive", "source_line"],
    numeric: ["lower_pct", "upper_pct"],
    flags: ["lower_inclusive", "upper_inclusive"]
  },
  "tabel9_dorpsteam.csv": {
    header: ["category", "answers", "schools", "source_line"],
    numeric: ["category", "schools"]
  },
  "factoroordelen.csv": {
    header: ["section", "factor", "verdict", "basis", "verdict_inferred", "reason", "source_line"],
    flags: ["verdict_inferred"]
  },
  "deelname.csv": {
    header: ["school", "participated", "bijlage1_name", "inferred", "note", "source_line"],
    flags: ["participated", "inferred"]
  },
  "errata.csv": {
    header: ["id", "report_says", "inconsistency", "handling", "source_line"]
  }
};

function readRaw(file: string): string[][] {
  return parse(readFileSync(join(DIR, file), "utf8"), {skip_empty_lines: true}) as string[][];
}

function read(file: string): Row[] {
  return parse(readFileSync(join(DIR, file), "utf8"), {columns: true, skip_empty_lines: true}) as Row[];
}

function num(row: Row, column: string): number {
  const value = row[column];
  if (value === undefined || value === "") throw new Error(`empty ${column} in ${JSON.stringify(row)}`);
  return Number(value);
}

function sum(rows: Row[], column: string): number {
  return rows.reduce((total, row) => total + num(row, column), 0);
}

/** Growth-legend bands whose [min_points, max_points] (empty = open) contain a change in whole points. */
function bandsContaining(bands: Row[], points: number): Row[] {
  return bands.filter(
    (b) => (b.min_points === "" || points >= num(b, "min_points")) && (b.max_points === "" || points <= num(b, "max_points"))
  );
}

function kerngetal(metric: string, period?: string): Row {
  const rows = read("kerngetallen.csv").filter((r) => r.metric === metric && (period === undefined || r.period === period));
  expect(rows, `${metric} ${period ?? ""}`).toHaveLength(1);
  return rows[0];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
// One or more line numbers or ranges, separated by ";": "814-826;833".
const SOURCE_LINE = /^\d+(-\d+)?(;\d+(-\d+)?)*$/;

describe("published figures file format", () => {
  it("holds exactly the files listed in the specs, each named in the README", () => {
    const csvFiles = readdirSync(DIR).filter((f) => f.endsWith(".csv")).sort();
    expect(csvFiles).toEqual(Object.keys(SPECS).sort());
    const readme = readFileSync(join(DIR, "README.md"), "utf8");
    for (const file of csvFiles) expect(readme, file).toContain(`\`${file}\``);
  });

  for (const [file, spec] of Object.entries(SPECS)) {
    it(`${file} parses with its fixed header and rows of equal width`, () => {
      const [header, ...rows] = readRaw(file);
      expect(header).toEqual(spec.header);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveLength(spec.header.length);
    });

    it(`${file} has decimal-point numbers, yes/no flags and a source line on every row`, () => {
      for (const row of read(file)) {
        for (const column of spec.numeric ?? []) {
          if (row[column] !== "") expect(row[column], `${file} ${column}`).toMatch(DECIMAL);
        }
        for (const column of spec.flags ?? []) {
          if (row[column] !== "") expect(["yes", "no"], `${file} ${column}`).toContain(row[column]);
        }
        expect(row.source_line, file).toMatch(SOURCE_LINE);
      }
    });
  }
});

describe("Tabel 1 and Tabel 2 (DBC correction)", () => {
  it("the four products of Tabel 1 add up to its printed total 131", () => {
    const rows = read("tabel1_dbc_herstarts.csv");
    const products = rows.filter((r) => r.row_type === "product");
    const total = rows.filter((r) => r.row_type === "total");
    expect(products).toHaveLength(4);
    expect(total).toHaveLength(1);
    expect(sum(products, "restarted_trajectories")).toBe(131);
    expect(num(total[0], "restarted_trajectories")).toBe(131);
  });

  it("the corrected 2018 count is the raw count minus the Tabel 1 total (686 − 131 = 555)", () => {
    const rows = read("tabel2_trajecten_per_jaar.csv");
    const get = (year: number, correction: string) =>
      num(rows.find((r) => num(r, "year") === year && r.correction === correction)!, "trajectories");
    expect(rows).toHaveLength(6);
    expect(get(2018, "raw")).toBe(686);
    expect(get(2018, "raw") - 131).toBe(get(2018, "corrected"));
    expect(get(2018, "corrected")).toBe(555);
  });

  it("the DBC correction leaves 2017 (519) and 2019 (494) unchanged", () => {
    const rows = read("tabel2_trajecten_per_jaar.csv");
    for (const [year, expected] of [[2017, 519], [2019, 494]]) {
      const values = rows.filter((r) => num(r, "year") === year).map((r) => num(r, "trajectories"));
      expect(values).toEqual([expected, expected]);
    }
  });
});

describe("the 914-pupil cohort (Figuur 1, Tabel 4, Tabel 5)", () => {
  it("Tabel 4 duration bands add up to 914 pupils", () => {
    expect(sum(read("tabel4_doorlooptijd.csv"), "pupils")).toBe(914);
  });

  it("Tabel 4 closed-care bands add up to 481, the 88 stop zorg plus 393 uitstroom of Figuur 1", () => {
    const closed = read("tabel4_doorlooptijd.csv").filter((r) => r.lower_months !== "");
    expect(closed).toHaveLength(6);
    expect(sum(closed, "pupils")).toBe(481);
  });

  it("Figuur 1 derived counts add up to 914 and In zorg (433) matches Tabel 4 Nog in zorg", () => {
    const status = read("figuur1_status.csv");
    expect(sum(status, "count_derived")).toBe(914);
    const inCare = status.find((r) => r.status_key === "in_zorg")!;
    const stillInCare = read("tabel4_doorlooptijd.csv").find((r) => r.duration_category === "Nog in zorg")!;
    expect(num(inCare, "count_derived")).toBe(433);
    expect(num(stillInCare, "pupils")).toBe(433);
  });

  it("each Figuur 1 derived count reproduces its printed percentage of 914 to two decimals", () => {
    // 433/914 = 47.37 %, 88/914 = 9.63 %, 393/914 = 43.00 %.
    for (const row of read("figuur1_status.csv")) {
      expect((num(row, "count_derived") / 914) * 100).toBeCloseTo(num(row, "pct"), 2);
    }
  });

  it("Figuur 1 printed percentages add up to 100.00", () => {
    expect(sum(read("figuur1_status.csv"), "pct")).toBeCloseTo(100, 2);
  });

  it("Tabel 5 clients add up to 914 and each printed percentage is its count of 914 to one decimal", () => {
    const rows = read("tabel5_kosten.csv");
    expect(sum(rows, "clients")).toBe(914);
    for (const row of rows) {
      const pct = Math.round((num(row, "clients") / 914) * 1000) / 10;
      expect(pct, row.band_label).toBe(num(row, "pct_printed"));
    }
  });

  it("Tabel 5 pupils from € 10.000 upward are 114 of 914, the printed 12,5 %", () => {
    const rows = read("tabel5_kosten.csv").filter((r) => num(r, "lower_eur") >= 10000);
    expect(sum(rows, "clients")).toBe(114);
    expect(Math.round((114 / 914) * 1000) / 10).toBe(num(kerngetal("cost_concentration_pupils_pct"), "value"));
  });

  it("Tabel 5 bands are contiguous from € 0 and only the last one is open", () => {
    const rows = read("tabel5_kosten.csv");
    expect(num(rows[0], "lower_eur")).toBe(0);
    for (let i = 1; i < rows.length; i++) expect(num(rows[i], "lower_eur")).toBe(num(rows[i - 1], "upper_eur"));
    expect(rows.at(-1)!.upper_eur).toBe("");
  });

  it("the kerngetallen cohort (914) and 47,37 % in zorg agree with Figuur 1", () => {
    expect(num(kerngetal("pupils_with_youth_care"), "value")).toBe(914);
    const inCare = read("figuur1_status.csv").find((r) => r.status_key === "in_zorg")!;
    expect(num(kerngetal("in_care_pct"), "value")).toBe(num(inCare, "pct"));
  });
});

describe("Tabel 6 (schools)", () => {
  const schools = () => read("tabel6_scholen.csv");
  const legend = () => read("groeilegenda.csv");

  it("lists 22 distinct schools whose 2019 pupils add up to the printed total 4550", () => {
    const rows = schools();
    expect(rows).toHaveLength(22);
    expect(new Set(rows.map((r) => r.school)).size).toBe(22);
    expect(sum(rows, "pupils_2019")).toBe(4550);
    const total2019 = read("tabel6_totaal.csv").find((r) => r.year === "2019")!;
    expect(num(total2019, "pupils")).toBe(4550);
  });

  it("is sorted ascending by the 2019 percentage, as the caption says", () => {
    const pct = schools().map((r) => num(r, "pct_2019"));
    expect(pct).toEqual([...pct].sort((a, b) => a - b));
  });

  it("uses only growth symbols from the legend's set", () => {
    const symbols = legend().map((r) => r.symbol);
    expect(symbols).toEqual(["++", "+", "0", "-", "--"]);
    for (const row of schools()) {
      expect(symbols).toContain(row.growth_2017_2018);
      expect(symbols).toContain(row.growth_2018_2019);
    }
  });

  it("the 2019 pupil-weighted mean is the printed 8,55 % within rounding of whole percentages", () => {
    const rows = schools();
    const weighted = rows.reduce((t, r) => t + num(r, "pupils_2019") * num(r, "pct_2019"), 0) / 4550;
    expect(Math.abs(weighted - 8.55)).toBeLessThan(0.05);
  });

  it("the 2019 range 4 %–16 % matches the kerngetallen spreiding", () => {
    const pct = schools().map((r) => num(r, "pct_2019"));
    expect(Math.min(...pct)).toBe(num(kerngetal("youth_care_use_min_pct"), "value"));
    expect(Math.max(...pct)).toBe(num(kerngetal("youth_care_use_max_pct"), "value"));
  });

  it("has 5 schools below 7 % and 6 above 11 % in 2019, as the text of 3.1 says", () => {
    const pct = schools().map((r) => num(r, "pct_2019"));
    expect(pct.filter((p) => p < 7)).toHaveLength(num(kerngetal("schools_low_use_2019"), "value"));
    expect(pct.filter((p) => p > 11)).toHaveLength(num(kerngetal("schools_high_use_2019"), "value"));
  });

  it("printed growth symbols differ from the legend only for Valkenheuvel, Meander and Merseberch 2017→2018", () => {
    const bands = legend();
    const classify = (points: number) => bandsContaining(bands, points)[0].symbol;
    const mismatches: string[] = [];
    for (const row of schools()) {
      if (classify(num(row, "pct_2018") - num(row, "pct_2017")) !== row.growth_2017_2018) mismatches.push(`${row.school} 2017-2018`);
      if (classify(num(row, "pct_2019") - num(row, "pct_2018")) !== row.growth_2018_2019) mismatches.push(`${row.school} 2018-2019`);
    }
    expect(mismatches).toEqual(["Valkenheuvel 2017-2018", "Meander 2017-2018", "Merseberch 2017-2018"]);
  });

  it("has 10 distinct printed growth patterns where the text says 9 (erratum E02)", () => {
    const patterns = new Set(schools().map((r) => `${r.growth_2017_2018}/${r.growth_2018_2019}`));
    expect(patterns.size).toBe(10);
    expect(num(kerngetal("growth_patterns"), "value")).toBe(9);
  });
});

describe("legends", () => {
  it("the growth legend covers every whole point change from −20 to +20 exactly once", () => {
    const bands = read("groeilegenda.csv");
    for (let points = -20; points <= 20; points++) {
      expect(bandsContaining(bands, points), `${points} points`).toHaveLength(1);
    }
  });

  it("the use categories put 6 % in laag, 7 % and 11 % in gemiddeld and 12 % in hoog", () => {
    const categories = read("gebruikscategorieen.csv");
    const inside = (c: Row, pct: number) =>
      (c.lower_pct === "" || (c.lower_inclusive === "yes" ? pct >= num(c, "lower_pct") : pct > num(c, "lower_pct"))) &&
      (c.upper_pct === "" || (c.upper_inclusive === "yes" ? pct <= num(c, "upper_pct") : pct < num(c, "upper_pct")));
    const categoryOf = (pct: number) => categories.filter((c) => inside(c, pct)).map((c) => c.category);
    expect(categoryOf(6)).toEqual(["laag"]);
    expect(categoryOf(7)).toEqual(["gemiddeld"]);
    expect(categoryOf(11)).toEqual(["gemiddeld"]);
    expect(categoryOf(12)).toEqual(["hoog"]);
  });
});

describe("interviews (Tabel 9, deelname, factoroordelen)", () => {
  it("Tabel 9 counts 19 schools: 20 participants minus the one without a grade (footnote 25)", () => {
    const total = sum(read("tabel9_dorpsteam.csv"), "schools");
    expect(total).toBe(19);
    expect(num(kerngetal("schools_participated"), "value") - num(kerngetal("dorpsteam_no_grade_schools"), "value")).toBe(total);
  });

  it("deelname covers the 22 Tabel 6 schools, 20 of which took part", () => {
    const rows = read("deelname.csv");
    expect(rows.map((r) => r.school).sort()).toEqual(read("tabel6_scholen.csv").map((r) => r.school).sort());
    expect(rows.filter((r) => r.participated === "yes")).toHaveLength(20);
    expect(rows.filter((r) => r.participated === "yes" && r.bijlage1_name === "")).toHaveLength(0);
  });

  it("every inferred participation carries a note", () => {
    const inferred = read("deelname.csv").filter((r) => r.inferred === "yes");
    expect(inferred.map((r) => r.school).sort()).toEqual(["De Ladder", "De Vuurvogel", "De Wegwijzer"]);
    for (const row of inferred) expect(row.note).not.toBe("");
  });

  it("factor verdicts use the four allowed values and every row has a reason", () => {
    for (const row of read("factoroordelen.csv")) {
      expect(["ja", "nee", "anders", "onbeantwoord"]).toContain(row.verdict);
      expect(["table", "prose"]).toContain(row.basis);
      expect(row.reason.length).toBeGreaterThan(20);
    }
  });

  it("the 16 Ja/Nee/Anders table rows have no 'ja' and the only 'ja' verdicts are the three §2.4 factors", () => {
    const rows = read("factoroordelen.csv");
    const tableRows = rows.filter((r) => r.basis === "table");
    expect(tableRows).toHaveLength(16);
    expect(tableRows.every((r) => r.verdict_inferred === "yes")).toBe(true);
    const ja = rows.filter((r) => r.verdict === "ja");
    expect(ja.map((r) => r.section)).toEqual(["2.4", "2.4", "2.4"]);
  });
});

describe("kerngetallen and errata", () => {
  it("each metric appears once per period", () => {
    const keys = read("kerngetallen.csv").map((r) => `${r.metric}|${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a row without a printed number keeps its value empty and carries a derived value instead", () => {
    const dyslexia2019 = kerngetal("eed_dyslexia_pupils", "2019");
    expect(dyslexia2019.value).toBe("");
    expect(num(dyslexia2019, "value_derived")).toBe(50);
    expect(dyslexia2019.approx).toBe("yes");
  });

  it("1,27 trajectories per pupil fits 494 trajectories in 2019 and 8,55 % of 4550 pupils", () => {
    // 0.0855 × 4550 ≈ 389 pupils; 494 / 389 = 1.27.
    const pupilsWithCare = Math.round(0.0855 * 4550);
    expect(pupilsWithCare).toBe(389);
    expect(Math.round((494 / pupilsWithCare) * 100) / 100).toBe(num(kerngetal("trajectories_per_pupil_with_youth_care"), "value"));
  });

  it("errata have unique ids and no empty field", () => {
    const rows = read("errata.csv");
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const row of rows) for (const value of Object.values(row)) expect(value.trim(), row.id).not.toBe("");
  });
});
