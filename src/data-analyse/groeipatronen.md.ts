// Page loader for /data-analyse/groeipatronen: the text, the growth chart, the funnel and the three tables
// written at build time over groeipatronen.md.in (scripts/staticPage.ts), with no school marked and the
// chart by percentage, from the same report parts the page reads (schools.json, statistics.json). The
// page's code redraws them when the reader marks a school or sorts otherwise.
import {staticFigure} from "../../scripts/staticFigures.js";
import {writeStaticPage} from "../../scripts/staticPage.js";

const {ChangeTable} = await import("../components/ChangeTable.js");
const {FunnelPlot, coverageLabel, funnelData, funnelFigureOptions, funnelSentences} = await import("../components/FunnelPlot.js");
const {GrowthChart, growthFigureOptions} = await import("../components/GrowthChart.js");
const {GrowthPatterns} = await import("../components/GrowthPatterns.js");
const {GrowthTable} = await import("../components/GrowthTable.js");
const {growthNoiseSentence, growthSummary, joinNames, useCategoryLabels} = await import("../components/schoolTables.js");
const {changeSummary} = await import("../components/variationText.js");
const {formatDecimal, formatPercent} = await import("../lib/format.js");
const text = await import("../components/reportText.js");

const width = 640;

await writeStaticPage(import.meta.url, ({meta, schools, statistics}) => {
  const summary = growthSummary(schools);
  const years: number[] = summary.years;
  const [first, last] = [years[0], years[years.length - 1]];
  const several = years.length > 1;
  const rules = meta.rules;
  const changes = changeSummary(statistics);
  const funnel = funnelData(schools);
  return {
    blocks: {
      groei: staticFigure(
        GrowthChart(schools.tabel6, {width, order: "pct", highlight: null, categoryLabels: useCategoryLabels(rules.useCategories)}),
        growthFigureOptions(schools, "pct", meta.minCount)
      ),
      patronen: GrowthPatterns(schools.growthPatterns, {caption: "Groeipatronen: welke scholen ontwikkelden zich op dezelfde manier", highlight: null}).outerHTML,
      trechter: staticFigure(FunnelPlot(schools, {width, highlight: null}), funnelFigureOptions(funnel, "trechter.csv")),
      verandering: ChangeTable(statistics, {caption: "Verandering per school tussen twee jaren: meer dan toeval?", schoolId: null}).outerHTML,
      tabel6: GrowthTable(schools, {caption: `Tabel 6. Percentage leerlingen met jeugdhulp per school, ${text.periodText(years)}`, highlight: null}).outerHTML
    },
    text: {
      span: several ? `voor ${first} tot en met ${last}` : `voor ${first}`,
      definition: meta.youthCareDefinition === "active" ? "dat jaar jeugdhulp liep" : "dat jaar een jeugdhulptraject begon",
      peak: several && summary.peak ? `Voor de hele gemeente was het percentage het hoogst in ${summary.peak.year} (${formatPercent(summary.peak.pct, 2)}).` : "",
      line: several ? `De lijn loopt van ${first} naar ${last}.` : "",
      latestYear: last,
      lowBelow: formatPercent(rules.useCategories.lowBelow),
      highAbove: formatPercent(rules.useCategories.highAbove),
      strong: rules.growthCategories.strong,
      moderate: rules.growthCategories.moderate,
      patterns: text.patternsSentence(summary.patterns, summary.withheldPatternSchools),
      noise: growthNoiseSentence(schools) ?? "",
      changes: text.changesSentence(changes, joinNames),
      funnel: funnelSentences(funnel).join(" "),
      coverage95: coverageLabel(0.95),
      coverage998: coverageLabel(0.998),
      alpha: formatDecimal(statistics.alpha, 2),
      withheldSteps: text.withheldStepsSentence(changes.withheld)
    }
  };
});
