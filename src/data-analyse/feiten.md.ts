// Page loader for /data-analyse/feiten: the page's Markdown (feiten.md.in) with the charts that do not
// change with the reader's choices drawn at build time, as static SVG in their figures. Drawn in the
// browser, these seven charts cost Plot's 130 kB and 0,3–0,8 s of main-thread time on Lighthouse's mobile
// profile (bench/README.md, perf3). The text's numbers and the age chart, which answers the reader's
// choices, stay in the page's own code. The figures come from the same components and the same parts of
// the report as the JSON files the page reads.
import {readFileSync} from "node:fs";
import {exitOnInputError} from "../../loaders/load.js";
import {publicReportFromEnvironment} from "../../loaders/pipeline.js";
import {block, staticFigure} from "../../scripts/staticFigures.js";

const {CareTypeChart, careTypeColumns, careTypeTitle} = await import("../components/CareTypeChart.js");
const {withheldNote} = await import("../components/chartParts.js");
const {COST_COLUMNS, CostChart, costTitle} = await import("../components/CostChart.js");
const {DbcChart} = await import("../components/DbcChart.js");
const {DURATION_COLUMNS, DurationChart, durationTitle} = await import("../components/DurationChart.js");
const {LORENZ_COLUMNS, LorenzChart, lorenzTitle} = await import("../components/LorenzChart.js");
const {ProviderChart, providerColumns, providerRestNote, providerSeries, providerTitle} = await import("../components/ProviderChart.js");
const {STATUS_COLUMNS, StatusBar, statusTitle} = await import("../components/StatusBar.js");
const {formatCount, formatDate, formatPercent, isSuppressedValue} = await import("../lib/format.js");

// The width of the text column on a laptop; the SVGs scale down on narrower screens (max-width: 100%).
const width = 640;

await exitOnInputError(async () => {
  const {report} = await publicReportFromEnvironment({log: () => {}});
  // The parts exactly as the page reads them from data/rapport/*.json.
  const {meta, dbc, careTypes, status, costs} = JSON.parse(JSON.stringify(report)) as Record<string, any>;
  const period = `${meta.years[0]}–${meta.latestYear}`;
  const peak = dbc.tabel2.find((r: {year: number}) => r.year === dbc.transitionYear);
  const providers = providerSeries(careTypes.providers);
  const other = providers.bars.find((b) => b.other);
  const join = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;
  const counts = <Row>(rows: Row[], value: (row: Row) => unknown) => rows.map(value) as Parameters<typeof withheldNote>[0];

  const figures: Record<string, string> = {
    dbc: staticFigure(DbcChart(dbc.tabel2, {width}), {
      title: `${formatCount(dbc.tabel1Total)} van de ${formatCount(peak?.raw)} trajecten in ${dbc.transitionYear} waren een herstart op papier`,
      description: `Trajecten die in een jaar begonnen, ${period}, zonder en met de DBC-correctie (Tabel 2).`,
      columns: [
        {label: "Jaar", value: (r: any) => r.year},
        {label: "Zonder correctie", value: (r: any) => r.raw, kind: "count"},
        {label: "Met DBC-correctie", value: (r: any) => r.corrected, kind: "count"}
      ],
      rows: dbc.tabel2,
      filename: "trajecten-per-jaar.csv",
      note: withheldNote(dbc.tabel2.flatMap((r: any) => [r.raw, r.corrected]))
    }),
    zorgvormen: staticFigure(CareTypeChart(careTypes.tabel3, {width}), {
      title: careTypeTitle(careTypes.tabel3),
      description: `Leerlingen met jeugdhulp per zorgvorm per jaar, ${period} (Tabel 3).`,
      columns: careTypeColumns(careTypes.tabel3),
      rows: careTypes.tabel3,
      filename: "leerlingen-per-zorgvorm.csv",
      note: withheldNote(careTypes.tabel3.flatMap((r: any) => r.perYear.map((y: any) => y.pupils)))
    }),
    aanbieders: staticFigure(ProviderChart(careTypes.providers, {width}), {
      title: providerTitle(providers, careTypes.providerCount),
      description: `Leerlingen per zorgaanbieder, ${period} samen: de ${formatCount(providers.bars.length - (other ? 1 : 0))} grootste apart, de rest in één balk.`,
      columns: providerColumns(providers),
      rows: providers.bars,
      filename: "leerlingen-per-aanbieder.csv",
      note: join([
        "Een leerling die bij twee aanbieders hulp kreeg, telt bij allebei.",
        providerRestNote(providers),
        withheldNote(providers.bars.flatMap((b) => b.perYear.map((y) => y.pupils)))
      ])
    }),
    status: staticFigure(StatusBar(status.figuur1, {width}), {
      title: statusTitle(status.figuur1, status.statusDate),
      description: `Leerlingen met een start in ${period}, naar de status van hun hulp op ${formatDate(status.statusDate)} (Figuur 1).`,
      columns: STATUS_COLUMNS,
      rows: status.figuur1,
      filename: "status-op-peildatum.csv",
      note: withheldNote(counts(status.figuur1, (r: any) => r.pct))
    }),
    doorlooptijd: staticFigure(DurationChart(status.tabel4, {width}), {
      title: durationTitle(status.tabel4),
      description: `Leerlingen met een start in ${period}, naar de duur van hun afgesloten hulp (Tabel 4).`,
      columns: DURATION_COLUMNS,
      rows: status.tabel4,
      filename: "doorlooptijd.csv",
      note: withheldNote(counts(status.tabel4, (r: any) => r.pupils))
    }),
    kosten: staticFigure(CostChart(costs.bands, {width}), {
      title: costTitle(costs.bands),
      description: `Leerlingen met een start in ${period}, naar de totale kosten van hun jeugdhulp (Tabel 5).`,
      columns: COST_COLUMNS,
      rows: costs.bands,
      filename: "kosten-per-leerling.csv",
      note: join(["Een bedrag op de grens hoort bij de hogere groep.", withheldNote(counts(costs.bands, (b: any) => b.pupils))])
    }),
    kostenverdeling:
      costs.lorenz === null
        ? "<p>Er zijn te weinig leerlingen of kosten om deze lijn te tekenen.</p>"
        : isSuppressedValue(costs.lorenz)
          ? `<p>Deze lijn is afgeschermd: we tonen haar pas vanaf ${formatCount(costs.lorenz.minCount)} leerlingen.</p>`
          : staticFigure(LorenzChart(costs.lorenz, costs.concentration, {width}), {
              title: lorenzTitle(costs.lorenz, costs.concentration),
              description: `Leerlingen met een start in ${period}, van goedkoop naar duur, tegen hun deel van alle kosten; een punt per ${formatPercent(costs.lorenz.stepPct)} van de leerlingen.`,
              columns: LORENZ_COLUMNS,
              rows: costs.lorenz.points,
              filename: "kostenverdeling.csv",
              note: "Elk punt telt minstens 20 leerlingen meer dan het vorige; bij minder dan 100 leerlingen tonen we de lijn niet."
            })
  };

  const template = readFileSync(new URL("feiten.md.in", import.meta.url), "utf8");
  const unused = new Set(Object.keys(figures));
  const page = template.replace(/<!-- figuur: (\w+) -->/g, (line, name: string) => {
    if (!(name in figures)) throw new Error(`feiten.md.in: onbekende figuur ${JSON.stringify(name)}`);
    unused.delete(name);
    return block(figures[name]);
  });
  if (unused.size > 0) throw new Error(`feiten.md.in: figuren zonder plaats: ${[...unused].join(", ")}`);
  process.stdout.write(page);
});
