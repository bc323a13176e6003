// Page loader for /presentatie: presentatie.md.in with the slides' titles, key figures, charts and speaker
// notes written at build time (scripts/staticPage.ts), so the deck reads and prints without JavaScript;
// the page's script only turns the sections into a deck (SlideDeck). The content folder's passages replace
// the neutral question, conclusion and advice.
import {writeStaticPage} from "../scripts/staticPage.js";

const {AgeChart, agePeak, ageSeries, ageTitle} = await import("./components/AgeChart.js");
const {CrossTableSummary, crossTableTitle, factorsFinding} = await import("./components/CrossTable.js");
const {DbcChart} = await import("./components/DbcChart.js");
const {FunnelPlot, coverageLabel, funnelData, funnelFinding} = await import("./components/FunnelPlot.js");
const {GrowthPatterns} = await import("./components/GrowthPatterns.js");
const {KeyFigures} = await import("./components/KeyFigures.js");
const {OutflowChart} = await import("./components/OutflowChart.js");
const {growthNoiseSentence, growthSummary} = await import("./components/schoolTables.js");
const {changeSummary, funnelComparison, latestVariation, specialSchoolsTitle, spreadOf} = await import("./components/variationText.js");
const {formatCount, formatPercent, monthsText} = await import("./lib/format.js");
const text = await import("./components/reportText.js");

await writeStaticPage(import.meta.url, ({meta, kerngetallen, dbc, outflow, schools, ages, factors, costs, statistics}, {flags}) => {
  const period = text.periodText(meta.years);
  const started = meta.youthCareDefinition === "started";
  const shown = (value: unknown): value is number => typeof value === "number";
  const pct = kerngetallen.latest.pct;
  const share =
    shown(pct) && pct > 0
      ? `Ongeveer 1 op de ${formatCount(Math.round(100 / pct))} leerlingen ${started ? `begon in ${meta.latestYear} aan jeugdhulp` : `kreeg in ${meta.latestYear} jeugdhulp`}`
      : `Hoeveel leerlingen ${started ? "begonnen" : "kregen"} in ${meta.latestYear} jeugdhulp?`;
  const months = monthsText(meta.rules.zorgpadMonths);
  const spread = text.spreadSentence(kerngetallen);
  const ekg = kerngetallen.ekg;
  const outcome = (key: string) => outflow.steps[0]?.outcomes.find((o: any) => o.outcome === key)?.pct ?? 0;
  const share2 = (value: unknown) => (shown(value) ? formatPercent(value) : "een afgeschermd deel");
  const growth = growthSummary(schools);
  const changes = changeSummary(statistics);
  const variation = latestVariation(statistics);
  const spreadFit = spreadOf(statistics, variation);
  const funnel = funnelData(schools, spreadFit);
  const adjusted = new Map<string, number | null>(statistics.sensitivity.factors.map((f: any) => [f.factor, f.holmP.rapport]));
  const smallest = Math.min(...schools.tabel6.map((s: any) => s.enrolledLatestYear));
  const ageSelection = {year: meta.latestYear, dyslexia: true, measure: "aantal"} as const;
  const agePeakWithout = agePeak(ageSeries(ages, {...ageSelection, dyslexia: false}));
  const hasFactors = flags.has("factoren") && factors.tabel8.length > 0;
  // Every factor tested over the same schools: the slide says so once instead of in a column.
  const testedSchools = hasFactors && new Set(factors.tabel8.map((t: any) => t.exactTest.schools)).size === 1 ? factors.tabel8[0].exactTest.schools : null;
  const factorTable = hasFactors
    ? CrossTableSummary(factors.tabel8, {
        caption: `Toets per kenmerk${testedSchools === null ? "" : ` over ${formatCount(testedSchools)} scholen`}, tegen het jeugdhulpgebruik in ${meta.latestYear}`,
        adjusted
      })
    : null;
  if (testedSchools !== null) factorTable?.classList.add("factors-same-schools");
  const factorList = document.createElement("ul");
  factorList.className = "slide-sub";
  for (const table of hasFactors ? factors.tabel8 : []) factorList.appendChild(document.createElement("li")).textContent = crossTableTitle(table, adjusted.get(table.factor));
  const finding = hasFactors ? factorsFinding(factors.tabel8, adjusted) : "";
  const {pctPupils, pctCost} = costs.concentration;
  const steps = changes.shown;
  return {
    conditions: {"dbc-piek": meta.years.includes(dbc.transitionYear)},
    blocks: {
      kerngetallen: KeyFigures(kerngetallen, {youthCareDefinition: meta.youthCareDefinition, zorgpadMonths: meta.rules.zorgpadMonths}).outerHTML,
      dbc: DbcChart(dbc.tabel2, {width: 620}).outerHTML,
      outflow: OutflowChart(outflow, {width: 620}).outerHTML,
      growth: GrowthPatterns(schools.growthPatterns, {caption: `Scholen met hetzelfde groeipatroon, ${period}`}).outerHTML,
      funnel: FunnelPlot(schools, {width: 660, height: 290, label: "outside95", spread: spreadFit}).outerHTML,
      age: AgeChart(ages, {width: 700, ...ageSelection}).outerHTML,
      factors: factorTable?.outerHTML ?? "",
      factorList: factorList.outerHTML
    },
    text: {
      synthetic: meta.synthetic ? "ja" : "nee",
      municipality: meta.municipality,
      period,
      share,
      counted: started ? "begon" : "liep",
      spread,
      transitionYear: dbc.transitionYear,
      dbcTitle: text.dbcTitle(dbc),
      ekgTitle: shown(ekg) ? `Na het eerste traject was ${formatPercent(ekg)} van de kinderen klaar` : "Hoeveel kinderen waren klaar na het eerste traject?",
      ekgSub: `${share2(outcome("volgend_traject"))} kreeg binnen ${months} een volgend traject; ${share2(outcome("nog_in_zorg"))} was nog in zorg.`.replace(/^./, (c) => c.toUpperCase()),
      zorgpadMonths: months,
      growthTitle: `${text.countNoun(growth.patterns, "groeipatroon", "groeipatronen")} in ${period}: ${
        changes.beyond.length === 0 ? "geen enkele stap is groter dan toeval" : `${formatCount(changes.beyond.length)} van de ${formatCount(steps)} stappen groter dan toeval`
      }`.replace(/^./, (c) => c.toUpperCase()),
      growthNotes: [
        growthNoiseSentence(schools),
        `Per school is getoetst of de stap van het ene jaar naar het volgende groter is dan toeval, gecorrigeerd voor het aantal scholen: dat geldt voor ${formatCount(changes.beyond.length)} van de ${text.countNoun(steps, "stap", "stappen")} met zichtbare cijfers.`
      ].filter(Boolean).join(" "),
      funnelTitle: variation && spreadFit ? specialSchoolsTitle(variation) : funnelFinding(funnel),
      funnelLegend: `Elke stip is een school. ${spreadFit ? "De grenzen rekenen met toeval én de gewone verschillen tussen scholen. " : ""}Met naam en in kleur: de scholen buiten de ${coverageLabel(0.95)}-grenzen.`,
      smallest: Number.isFinite(smallest) ? `De kleinste school heeft ${text.countNoun(smallest, "leerling", "leerlingen")}.` : "",
      funnelComparison: variation ? funnelComparison(variation) : "",
      ageTitle: ageTitle(ageSeries(ages, ageSelection), "aantal"),
      ageSub: `Leerlingen met jeugdhulp naar leeftijd in ${meta.latestYear}, met dyslexiezorg.${agePeakWithout === null ? "" : ` Zonder dyslexiezorg ligt de piek bij ${agePeakWithout} jaar.`}`,
      factorsTitle: finding,
      factorsFinding: finding.replace(/^./, (c) => c.toLowerCase()),
      factorSchools: `Met ${text.countNoun(hasFactors ? factors.tabel8[0].exactTest.schools : 0, "school", "scholen")}`,
      ekgSummary: shown(ekg)
        ? `Na het eerste traject was ${formatPercent(ekg)} klaar, zonder binnen ${months} nieuwe hulp.`
        : `Hoeveel kinderen na het eerste traject klaar waren, zonder binnen ${months} nieuwe hulp, is afgeschermd.`,
      costsSummary:
        shown(pctPupils) && shown(pctCost)
          ? `De kosten zitten bij weinig kinderen: ${formatPercent(pctPupils, 1)} had samen ${formatPercent(pctCost)} van de kosten.`
          : "Hoe de kosten over de kinderen verdeeld zijn, is afgeschermd."
    },
    passageText: {ekgPercent: share2(ekg)}
  };
});
