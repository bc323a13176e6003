// The data-quality page (/verantwoording/datakwaliteit), as its page loader writes it at build
// time: figures counted independently of the code, every count rounded to tens, no row's value.
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import path from "node:path";
import {expect, test} from "vitest";
import {SCHOLEN, settings, ZORGVORMEN} from "../helpers/inputFolder.js";
import {scratchFolder} from "../helpers/scratchFolder.js";

function page(dataDir?: string): string {
  const env = {...process.env, NADERE_OGEN_DATA: dataDir ?? ""};
  const result = spawnSync("npx", ["tsx", "src/verantwoording/datakwaliteit.md.ts"], {encoding: "utf8", env});
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

test("on the default data the page shows the counts of data/default, rounded to tens", () => {
  const html = page();
  // Counted with awk on data/default (BOM and CR removed): leerlingen.csv 14 293 rows, 630 of them
  // with another woongemeente; trajecten.csv 1 742 rows, 31 of pupils not in leerlingen.csv.
  expect(html).toContain(
    '<tr><th scope="row"><code>leerlingen.csv</code></th><td>UTF-8 met BOM</td><td style="text-align: right;">ongeveer 14.290</td>' +
      '<td style="text-align: right;">ongeveer 14.290</td><td>geen</td><td>ongeveer 630: woont in een andere gemeente</td></tr>'
  );
  expect(html).toContain(
    '<tr><th scope="row"><code>trajecten.csv</code></th><td>UTF-8 met BOM</td><td style="text-align: right;">ongeveer 1.740</td>' +
      '<td style="text-align: right;">ongeveer 1.740</td><td>geen</td><td>ongeveer 30: leerling staat niet in leerlingen.csv</td></tr>'
  );
  // Residents per peiljaar 4 559 / 4 554 / 4 550; their trajectories by start year 519 / 698 / 494.
  const year = (y: number, pupils: string, started: string) =>
    `<tr><th scope="row">${y}</th><td style="text-align: right;">${pupils}</td><td style="text-align: right;">${started}</td></tr>`;
  expect(html).toContain(year(2017, "ongeveer 4.560", "ongeveer 520"));
  expect(html).toContain(year(2018, "ongeveer 4.550", "ongeveer 700"));
  expect(html).toContain(year(2019, "ongeveer 4.550", "ongeveer 490"));
  // The begindatum column runs from January 2017 to December 2019 (sorted with awk).
  expect(html).toContain("<td><code>begindatum</code></td><td>januari 2017 t/m december 2019</td>");
  // No exact count reaches the page.
  for (const exact of ["14.293", "14293", "4.559", "4559", "1.742", "698", " 31"]) expect(html).not.toContain(exact);
  expect(html).toContain("De bouw gaf geen waarschuwingen.");
  // data/default has no DUO count beside leerlingen.csv (tests/unit/duo-comparison.test.ts has one).
  expect(html).toContain("Een vergelijking met DUO was niet mogelijk");
});

test("a repaired cell is counted by rule, without its value; a school without pupils is a warning", () => {
  const dir = scratchFolder("nadere-ogen-kwaliteit-");
  const files = {
    "instellingen.json": JSON.stringify(settings),
    "scholen.csv": SCHOLEN,
    "zorgvormen.csv": ZORGVORMEN,
    // De Es (0034) has no pupil: one warning. L3 lives elsewhere: one enrolment left out.
    "leerlingen.csv": "leerling_id;school_id;peildatum;geboortemaand;woongemeente\nL1;0012;01-10-2018;03-2010;Heuvelrug\nL1;0012;01-10-2019;03-2010;Heuvelrug\nL3;0012;01-10-2019;05-2012;Zeist\n",
    // Two hard spaces (U+00A0) in provider names: two repaired cells.
    "trajecten.csv":
      "traject_id;leerling_id;productcategorie;productcode;aanbieder;begindatum;einddatum;kosten\n" +
      "T1;L1;54;54001;Zorg\u00a0Geheim;01-01-2018;30-06-2018;100\nT2;L1;45;;Zorg\u00a0Geheim;15-03-2019;;800\n"
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const html = page(dir);
  expect(html).toContain(
    '<td>minder dan 10: harde spatie (U+00A0, U+202F) vervangen door een gewone spatie</td><td>geen</td></tr>'
  );
  expect(html).toContain("<td>minder dan 10: woont in een andere gemeente</td></tr>");
  expect(html).not.toContain("Geheim");
  expect(html).toContain("De bouw gaf één waarschuwing");
  expect(html).toContain("van Heuvelrug:");
});
