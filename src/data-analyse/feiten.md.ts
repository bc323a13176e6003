// Page loader for /data-analyse/feiten: the page's Markdown (feiten.md.in) with its text, Tabel 1 and its
// charts written at build time (scripts/staticPage.ts), the age chart in its default choice. Drawn in the
// browser, the charts cost Plot's 130 kB and 0,3–0,8 s of main-thread time on Lighthouse's mobile profile
// (bench/README.md, perf3); the page loads Plot only when the reader changes the age chart. Everything
// comes from the same components and the same parts of the report as the JSON files the page reads.
import {staticFigure} from "../../scripts/staticFigures.js";
import {writeStaticPage} from "../../scripts/staticPage.js";

const {AGE_COLUMNS, AgeChart, ageSelectionText, ageSeries, ageTitle} = await import("../components/AgeChart.js");
const {CareTypeChart, careTypeColumns, careTypeGaps, careTypeTitle} = await import("../components/CareTypeChart.js");
const {DataTable} = await import("../components/ChartFigure.js");
const {joinNames} = await import("../components/schoolTables.js");
const {VerdictTable} = await import("../components/VerdictTable.js");
const {withheldNote} = await import("../components/chartParts.js");
const {COST_COLUMNS, CostChart, costTitle} = await import("../components/CostChart.js");
const {DbcChart} = await import("../components/DbcChart.js");
const {DURATION_COLUMNS, DurationChart, durationTitle} = await import("../components/DurationChart.js");
const {LORENZ_COLUMNS, LorenzChart, lorenzTitle} = await import("../components/LorenzChart.js");
const {ProviderChart, providerColumns, providerRestNote, providerSeries, providerTitle} = await import("../components/ProviderChart.js");
const {STATUS_COLUMNS, StatusBar, statusTitle} = await import("../components/StatusBar.js");
const {formatCount, formatDate, formatEuros, formatPercent, isSuppressedValue, monthsText, withheldLegend} = await import("../lib/format.js");
const text = await import("../components/reportText.js");

// The width of the text column on a laptop; the SVGs scale down on narrower screens (max-width: 100%).
const width = 640;

/** The age chart's choice the page starts with (feiten.md.in has the same). */
const AGE_DEFAULT = {careType: null, dyslexia: true, measure: "aantal"} as const;

await writeStaticPage(import.meta.url, ({meta, kerngetallen, dbc, careTypes, status, costs, ages}, {content}) => {
  const period = text.periodText(meta.years);
  const providers = providerSeries(careTypes.providers);
  const other = providers.bars.find((b) => b.other);
  const join = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;
  const counts = <Row>(rows: Row[], value: (row: Row) => unknown) => rows.map(value) as Parameters<typeof withheldNote>[0];

  const figures: Record<string, string> = {
    dbc: staticFigure(DbcChart(dbc.tabel2, {width}), {
      title: text.dbcTitle(dbc),
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

  const ageSelection = {...AGE_DEFAULT, year: meta.latestYear};
  const agePoints = ageSeries(ages, ageSelection);
  figures.leeftijd = staticFigure(AgeChart(ages, {width, ...ageSelection}), {
    title: ageTitle(agePoints, ageSelection.measure),
    description: `Leerlingen met jeugdhulp naar leeftijd bij de eerste start in het jaar: ${ageSelectionText(ages, ageSelection)}.`,
    columns: AGE_COLUMNS,
    rows: agePoints,
    filename: "leeftijd.csv",
    note: withheldNote(agePoints.map((p) => p.pupils))
  });

  const withheldRestart = dbc.tabel1.some((r: any) => isSuppressedValue(r.restarts));
  // Tabel 1 counts restarts across the transition; for years without it, the text says so instead.
  figures.tabel1 = !meta.years.includes(dbc.transitionYear)
    ? ""
    : DataTable(
        [
          {label: "Zorgvorm", value: (r: any) => r.label},
          {label: "Herstarts", value: (r: any) => r.restarts, kind: "count"}
        ],
        [...dbc.tabel1, {label: "Totaal", restarts: dbc.tabel1Total}],
        {caption: `Trajecten die eind december ${dbc.transitionYear - 1} stopten en in januari ${dbc.transitionYear} opnieuw begonnen (Tabel 1)`}
      ).outerHTML + (withheldRestart ? `<p>${withheldLegend(meta.minCount, "trajecten")} (<a href="/verantwoording#afscherming">afscherming</a>)</p>` : "");

  const gaps = careTypeGaps(careTypes.tabel3);
  const list = document.createElement("ul");
  for (const gap of gaps) {
    const item = list.appendChild(document.createElement("li"));
    item.append(Object.assign(document.createElement("strong"), {textContent: gap.label}), `: geen leerlingen in ${joinNames(gap.years.map(String))}.`);
  }
  figures.gaten = gaps.length === 0 ? "<p>Elke zorgvorm komt in elk jaar voor.</p>" : `<p>Niet elke zorgvorm komt in elk jaar voor:</p>${list.outerHTML}`;

  const latest = kerngetallen.latest;
  // What the 2020 report concluded about its data: only with its content folder (loaders/content.ts).
  const report2020 = content.identity !== null;
  figures.oordelen = report2020
    ? VerdictTable(content.factorVerdicts, {
        caption: "Factoren zonder verband met het jeugdhulpgebruik, volgens het rapport van 2020 (§ 2.1)",
        sections: ["2.1"]
      }).outerHTML
    : "";
  return {
    blocks: figures,
    conditions: {gaten: gaps.length > 0},
    text: {
      municipality: meta.municipality,
      period,
      uptake: text.uptakeSentence(meta.latestYear, latest.pupils, kerngetallen.enrolledLatestYear),
      counted: meta.youthCareDefinition === "started" ? "begon" : "liep",
      spread: text.spreadSentence(kerngetallen),
      perPupil: text.perPupilSentence(latest.trajectoriesPerPupil),
      dbc: text.dbcSentences(dbc),
      providers: text.providersSentence(careTypes.providerCount, period, other !== undefined),
      cohort: text.countNoun(status.cohortPupils, "leerling", "leerlingen"),
      statusDate: formatDate(status.statusDate),
      statusRule: monthsText(meta.rules.statusRuleMonths),
      extremeCost: text.extremeCostSentence(costs.extreme.pupils, formatEuros(costs.extreme.threshold)),
      secondBand: formatEuros(costs.bands[1]?.lower),
      concentration: formatEuros(costs.concentration.threshold)
    }
  };
});
