// Page loader for /data-analyse/eerste-keer-goed: the text and the cascade (Figuur 2) written at build
// time over eerste-keer-goed.md.in (scripts/staticPage.ts), from the same report part the page used to
// read (outflow.json). Nothing on the page answers a choice, so it needs no data in the browser.
import {staticFigure} from "../../scripts/staticFigures.js";
import {writeStaticPage} from "../../scripts/staticPage.js";

const {OUTFLOW_COLUMNS, OutflowChart, outflowRows, outflowTitle} = await import("../components/OutflowChart.js");
const {formatDate, monthsText} = await import("../lib/format.js");
const text = await import("../components/reportText.js");

await writeStaticPage(import.meta.url, ({meta, outflow}) => {
  const period = text.periodText(meta.years);
  const firstStep = outflow.steps[0];
  const outcomes = text.outcomeSentences(firstStep?.outcomes ?? [], meta.statusDate);
  return {
    blocks: {
      uitstroom: staticFigure(OutflowChart(outflow, {width: 640}), {
        title: outflowTitle(outflow),
        description: `Van 100 leerlingen met een eerste jeugdhulptraject in ${period}: wat er na het 1e tot en met 4e traject gebeurde.`,
        columns: OUTFLOW_COLUMNS,
        rows: outflowRows(outflow),
        filename: "eerste-keer-goed.csv",
        note: `Toestand op ${formatDate(meta.statusDate)}. Getallen van 100 zijn afgerond en tellen daardoor niet altijd precies op. · = afgeschermd.`
      })
    },
    text: {
      pupils: text.countNoun(firstStep?.pupils, "leerling", "leerlingen"),
      ...outcomes,
      zorgpad: monthsText(meta.rules.zorgpadMonths),
      dbcRule: text.dbcRuleSentence(meta.rules.dbcTransitionYear, meta.years)
    }
  };
});
