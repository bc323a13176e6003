// @vitest-environment jsdom
import {expect, it} from "vitest";
import {ChartFigure} from "../../src/components/ChartFigure.js";
import {DbcChart, dbcSeries} from "../../src/components/DbcChart.js";
import {toCsv} from "../../src/lib/csv.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const withheld = {suppressed: true as const, minCount: 5};
const rows = [
  {year: 2017, raw: 519, corrected: 519},
  {year: 2018, raw: 686, corrected: 555},
  {year: 2019, raw: 494, corrected: 494}
];

it("DbcChart(rows) draws one bar per year and series, labelled in nl-NL", async () => {
  const chart = DbcChart(rows, {width: 640});
  const svgs = chart.querySelectorAll("svg");
  const bars = svgs[svgs.length - 1].querySelectorAll("rect"); // the plot itself, not the legend swatches
  expect(bars.length).toBe(6);
  const labels = [...chart.querySelectorAll("text")].map((t) => t.textContent);
  expect(labels).toContain("686");
  expect(labels).toContain("555");
  await expectSvgSnapshot(chart, "dbc-chart");
});

it("dbcSeries(rows) leaves withheld values out instead of drawing them as zero", () => {
  const series = dbcSeries([{year: 2018, raw: 686, corrected: withheld}]);
  expect(series).toEqual([{year: "2018", series: "Zonder correctie", trajectories: 686}]);
});

it("ChartFigure(chart, options) adds the finding as title, a 'Toon tabel' table and a CSV of the same rows", () => {
  const columns = [
    {label: "Jaar", value: (r: (typeof rows)[number]) => r.year},
    {label: "Zonder correctie", value: (r: (typeof rows)[number]) => r.raw, kind: "count" as const},
    {label: "Met DBC-correctie", value: (r: (typeof rows)[number]) => r.corrected, kind: "count" as const}
  ];
  const figure = ChartFigure(DbcChart(rows), {
    title: "In 2018 lijkt een piek, maar een deel is administratief",
    description: "Trajecten per jaar",
    columns,
    rows,
    filename: "trajecten.csv"
  });
  expect(figure.querySelector("h3")?.textContent).toBe("In 2018 lijkt een piek, maar een deel is administratief");
  expect(figure.querySelector("summary")?.textContent).toBe("Toon tabel");
  const cells = [...figure.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
  expect(cells).toEqual([
    ["2017", "519", "519"],
    ["2018", "686", "555"],
    ["2019", "494", "494"]
  ]);
  expect(figure.querySelector("button")?.textContent).toBe("Download CSV");
  expect(toCsv(columns, rows)).toBe("\ufeffJaar;Zonder correctie;Met DBC-correctie\r\n2017;519;519\r\n2018;686;555\r\n2019;494;494\r\n");
});

it("toCsv writes a withheld count and a withheld percentage both as '·' and decimals with a comma", () => {
  const csv = toCsv(
    [
      {label: "n", value: (r: {n: unknown; p: unknown}) => r.n as number, kind: "count"},
      {label: "pct", value: (r: {n: unknown; p: unknown}) => r.p as number, kind: "percent", decimals: 1}
    ],
    [{n: withheld, p: withheld}, {n: 12, p: 8.55}]
  );
  // 8.55 is 8.5499… in binary: rounded half up like the page shows it, not by toFixed.
  expect(csv).toBe("\ufeffn;pct\r\n·;·\r\n12;8,6\r\n");
});
