// Page loader for /data-analyse/spreiding: the text, the three tables and the funnel with the limits the
// page starts with, written at build time over spreiding.md.in (scripts/staticPage.ts), from the same
// report parts the page reads (schools.json, statistics.json). The page's code only redraws the funnel
// when the reader picks the other limits.
import {staticFigure} from "../../scripts/staticFigures.js";
import {writeStaticPage} from "../../scripts/staticPage.js";

const {FunnelPlot, coverageLabel, funnelData, funnelFigureOptions} = await import("../components/FunnelPlot.js");
const {PhiTable, PooledTable, VariationTable} = await import("../components/VariationTable.js");
const {funnelComparison, phiSentences, rateWithInterval, shown, spreadOf} = await import("../components/variationText.js");
const {withheldLegend} = await import("../lib/format.js");
const {periodText} = await import("../components/reportText.js");

await writeStaticPage(import.meta.url, ({meta, schools, statistics}) => {
  const latest = statistics.years.find((y: {year: number}) => y.year === meta.latestYear) ?? statistics.years.at(-1) ?? null;
  // The radio starts at the wider limits; without a spread it is disabled and the funnel binomial.
  const spread = spreadOf(statistics, latest);
  const period = periodText(meta.years);
  const pooled = shown(statistics.pooled.municipality);
  return {
    blocks: {
      phi: PhiTable(statistics, {caption: "Spreiding tussen scholen per jaar: φ = 1 is precies zoveel verschil als toeval geeft; τ is hoe ver scholen los van het toeval gemiddeld van elkaar liggen"}).outerHTML,
      trechter: staticFigure(
        FunnelPlot(schools, {width: 640, spread}),
        funnelFigureOptions(funnelData(schools, spread), spread ? "trechter-overdispersie.csv" : "trechter-binomiaal.csv")
      ),
      leeftijd: latest
        ? VariationTable(latest, {caption: `Per school in ${latest.year}: percentage, waargenomen tegen verwacht naar leeftijd, en de plaats in beide trechters`}).outerHTML
        : "",
      samen: PooledTable(statistics, {caption: `Per school: leerlingen met jeugdhulp over ${period} samen, met het 95%-interval`}).outerHTML
    },
    text: {
      phi: latest ? phiSentences(latest, statistics.alpha).join(" ") : "",
      comparison: latest ? funnelComparison(latest) : "",
      legend: withheldLegend(meta.minCount),
      coverage: coverageLabel(0.95),
      pooled: pooled
        ? `Over ${period} samen had ${rateWithInterval(pooled, 2)} van de leerlingen in een jaar jeugdhulp (tussen haakjes het 95%-interval). Een leerling die meer jaren jeugdhulp had, telt in elk van die jaren mee; het interval is daardoor iets te smal.`
        : "Het percentage over alle jaren samen is afgeschermd."
    }
  };
});
