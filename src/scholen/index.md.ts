// Page loader for /scholen/: the text and the list of schools (by name) written at build time over
// index.md.in (scripts/staticPage.ts), from the same report parts the page reads (schools.json,
// factsheets.json). The page's code redraws the list when the reader sorts or searches.
import {writeStaticPage} from "../../scripts/staticPage.js";
import {reportFiles} from "../../loaders/pipeline.js";

const {SchoolIndex, indexRows} = await import("../components/SchoolIndex.js");
const {sortSchools} = await import("../components/schoolTables.js");
const {withheldLegend} = await import("../lib/format.js");
const {periodText} = await import("../components/reportText.js");

await writeStaticPage(import.meta.url, (report) => {
  const {meta, schools} = report;
  // The slugs exactly as factsheets.json gives them to the page.
  const factsheets = reportFiles(report as Parameters<typeof reportFiles>[0]).get("factsheets.json") as {schoolId: string; slug: string}[];
  const rows = indexRows(schools.tabel6, factsheets);
  return {
    blocks: {
      scholen: SchoolIndex(sortSchools(rows, "name"), {caption: `Scholen in ${meta.municipality}: percentage leerlingen met jeugdhulp per jaar`}).outerHTML
    },
    text: {period: periodText(meta.years), legend: withheldLegend(meta.minCount)}
  };
});
