// Page loader for the chapters a study's content folder supplies (<data>/inhoud/paginas/<key>.md: the
// interviews, conclusions and recommendations of that study). Parameterized, so Framework builds a
// chapter only when observablehq.config.ts lists it in dynamicPaths, that is when the folder has it.
// A chapter states this build's numbers through the template marks (scripts/pageTemplate.ts), written
// here from the released report like every other page's (scripts/staticPage.ts), so it reads without
// JavaScript: {{name}} for the sentences below, <!-- tabel: name --> for the tables. A chapter uses
// some of them; it gets only those, so a mark no chapter knows still stops the build.
import {parseArgs} from "node:util";
import {marksIn} from "../scripts/pageTemplate.js";
import {staticFigure} from "../scripts/staticFigures.js";
import {writeStaticPage} from "../scripts/staticPage.js";

const {crossTableBody, crossTableFigureOptions, rowSchools} = await import("./components/CrossTable.js");
const {VerdictTable} = await import("./components/VerdictTable.js");
const {fragileFactors} = await import("./components/SensitivityTable.js");
const {growthSummary, joinNames, smallestSchoolSize} = await import("./components/schoolTables.js");
const {factorTestsSentences, funnelComparison, latestVariation} = await import("./components/variationText.js");
const {monthsText} = await import("./lib/format.js");
const text = await import("./components/reportText.js");

const {values: args} = parseArgs({options: {hoofdstuk: {type: "string"}}});
const name = `inhoud/paginas/${args.hoofdstuk}.md`;
let chapter = "";

await writeStaticPage(
  import.meta.url,
  ({meta, kerngetallen, dbc, costs, outflow, schools, factors, statistics}, {content}) => {
    const latest = kerngetallen.latest;
    const variation = latestVariation(statistics);
    const growth = growthSummary(schools);
    const next = outflow.steps[0]?.outcomes.find((o: {outcome: string}) => o.outcome === "volgend_traject")?.pct;
    // Tabel 9 as the report printed it: schools per rating category, whatever their use category. A
    // school's grade was given in a confidential interview: the report carries counts per cell only.
    const tabel9 = factors.tabel9;
    const ratings = (tabel9?.rows ?? []).map((row: {key: string; label: string}) => ({label: row.label, schools: rowSchools(tabel9, row.key)}));
    const values: Record<string, string> = {
      samenvatting: text.summarySentence(meta.latestYear, latest.pupils, kerngetallen.enrolledLatestYear, meta.youthCareDefinition, kerngetallen.lowestSchools, kerngetallen.highestSchools),
      trajectenPerLeerling: text.perPupilSentence(latest.trajectoriesPerPupil),
      eersteTraject: text.firstTrajectorySentences(kerngetallen.ekg, next, monthsText(meta.rules.zorgpadMonths)),
      ekg: text.ekgShortSentence(kerngetallen.ekg),
      herstarts: text.restartsSentence(dbc.transitionYear, meta.years, dbc.tabel1Total),
      kosten: text.costShareSentence(costs.concentration),
      patronen: text.patternsSentence(growth.patterns, growth.withheldPatternSchools),
      stabieleScholen: text.stableAverageSentence(text.stableAverageSchools(factors.schools)),
      toetsen: factorTestsSentences(statistics).join(" "),
      kwetsbaar: text.fragileSentence(fragileFactors(statistics.sensitivity), joinNames),
      toeval: text.chanceSentences(smallestSchoolSize(schools) ?? 0, latest.pupils, kerngetallen.enrolledLatestYear, latest.pct, text.schoolRange(kerngetallen)) ?? "",
      trechter: variation ? funnelComparison(variation, {withYear: true}) : "",
      dorpsteamCijfers: text.ratingCountsSentence(ratings)
    };
    const blocks: Record<string, string | ((argument: string) => string)> = {
      // <!-- tabel: oordelen 4.1 Caption -->: the report's verdicts of one paragraph.
      oordelen: (argument) => {
        const [, section, caption] = /^(\S+) (.+)$/.exec(argument) ?? [];
        if (!section) throw new Error(`${name}: <!-- tabel: oordelen … --> vraagt een paragraaf en een bijschrift, zoals "oordelen 4.1 Analyse 4.1"`);
        return VerdictTable(content.factorVerdicts, {caption, sections: [section]}).outerHTML;
      },
      // Its CSV button needs the chapter's one line of code: bindCsvButtons.
      dorpsteam: tabel9 ? staticFigure(crossTableBody(tabel9), crossTableFigureOptions(tabel9, {year: meta.latestYear})) : ""
    };
    const used = marksIn(chapter);
    const pick = <T>(all: Record<string, T>) => Object.fromEntries(Object.entries(all).filter(([key]) => used.has(key)));
    return {text: pick(values), blocks: pick(blocks)};
  },
  {
    template: ({content}) => {
      const found = content.chapters.get(args.hoofdstuk as never);
      if (found === undefined) throw new Error(`Geen hoofdstuk "${args.hoofdstuk}" in de inhoudsmap (${name}).`);
      chapter = found;
      return {name, text: chapter};
    }
  }
);
