// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ProviderChart, providerColumns, providerRestNote, providerSeries, providerTitle, type ProviderRow} from "../../src/components/ProviderChart.js";
import {expectSvgSnapshot} from "../helpers/svgSnapshot.js";

const H = {suppressed: true as const, minCount: 5};
const provider = (name: string, y2018: number | typeof H, y2019: number | typeof H, total: number | typeof H): ProviderRow => ({
  provider: name,
  perYear: [
    {year: 2018, pupils: y2018},
    {year: 2019, pupils: y2019}
  ],
  total
});
// As published: largest total first, withheld totals last.
const rows = [provider("A", 12, 10, 20), provider("B", 7, 6, 12), provider("C", 5, H, 9), provider("D", 6, 0, 6), provider("E", H, 0, H), provider("F", 0, H, H)];

describe("providerSeries", () => {
  it("keeps the largest providers apart and adds the published rest into one 'overige' bar", () => {
    const series = providerSeries(rows, {top: 3});
    expect(series.bars.map((b) => [b.label, b.pupils, b.other])).toEqual([
      ["A", 20, false],
      ["B", 12, false],
      ["C", 9, false],
      ["Overige 3 aanbieders", 6, true]
    ]);
    expect(series.bars[2].perYear).toEqual([
      {year: 2018, pupils: 5},
      {year: 2019, pupils: H}
    ]);
    // D gives 6 and 0; E's and F's withheld years are not in the sum. In 2019 D and E have 0 and F
    // is withheld: the rest is unknown there, not 0.
    expect(series.bars[3].perYear).toEqual([
      {year: 2018, pupils: 6},
      {year: 2019, pupils: H}
    ]);
    expect([series.bars[3].withheld, series.bars[3].perYearWithheld]).toEqual([2, [1, 1]]);
    expect([series.otherProviders, series.otherWithheld]).toEqual([3, 2]);
  });

  it("finds the fewest providers that hold half the pairs even if every withheld total is 4", () => {
    // At most 20 + 12 + 9 + 6 + 4 + 4 = 55 pairs; A alone has 20 (< 27,5), A and B have 32.
    expect(providerSeries(rows).halfBy).toBe(2);
    expect(providerSeries([provider("A", 5, 5, 10), provider("B", 5, 5, 10)]).halfBy).toBe(1);
  });

  it("providerTitle states how few providers give half of the help", () => {
    expect(providerTitle(providerSeries(rows), 1058)).toBe("2 van de 1.058 aanbieders geven samen de helft van de hulp");
  });
});

describe("ProviderChart", () => {
  it("draws one bar per shown provider plus the 'overige' bar, labelled in nl-NL", async () => {
    const many = Array.from({length: 20}, (_, i) => provider(`Aanbieder ${i + 1}`, 600, 600, 1200 - i));
    const chart = ProviderChart(many, {width: 640, top: 15});
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(16);
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts[0]).toBe("1.200");
    // The rest: 1185 + 1184 + 1183 + 1182 + 1181 = 5915.
    expect(texts[15]).toBe("5.915");
    await expectSvgSnapshot(chart, "provider-chart");
  });
});

describe("the 'overige' bar with withheld providers", () => {
  const cells = (series: ReturnType<typeof providerSeries>) => {
    const columns = providerColumns(series);
    return series.bars.map((b) => columns.map((c) => c.value(b)));
  };

  it("reads 'at least' the published sum when some of its providers are withheld", () => {
    const series = providerSeries(rows, {top: 3});
    expect(cells(series)[3]).toEqual(["Overige 3 aanbieders", "≥ 6", "·", "≥ 6"]);
    expect(providerRestNote(series)).toBe("Van 2 van de 3 overige aanbieders is het aantal afgeschermd en niet meegeteld; „≥” betekent: minstens.");
  });

  it("is unknown ('·'), never 0, when every one of its providers is withheld", () => {
    // The factsheet case: 22 small providers, each withheld.
    const small = Array.from({length: 22}, (_, i) => provider(`Klein ${i + 1}`, H, 0, H));
    const series = providerSeries([provider("A", 9, 8, 15), ...small], {top: 1});
    const rest = series.bars[1];
    expect([rest.label, rest.pupils]).toEqual(["Overige 22 aanbieders", null]);
    expect(cells(series)[1]).toEqual(["Overige 22 aanbieders", "·", 0, "·"]);
    expect(providerRestNote(series)).toBe(
      "Van elk van de 22 overige aanbieders is het aantal afgeschermd; hun aantal samen is daarom niet bekend („·”), maar is niet 0."
    );
    const chart = ProviderChart([provider("A", 9, 8, 15), ...small], {width: 640, top: 1});
    // The labels next to the bars (not the axis ticks): A's 15 and the rest's "·".
    const texts = [...chart.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts.sort()).toEqual(["15", "·"]);
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(1);
  });

  it("has no note when nothing in the rest is withheld", () => {
    expect(providerRestNote(providerSeries([provider("A", 9, 8, 15), provider("B", 6, 6, 10)], {top: 1}))).toBeNull();
  });
});
