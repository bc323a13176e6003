// Page loader of the region's home page (issue 13 item 1): the municipalities side by side, the region's
// totals and one funnel over all its schools, written at build time over index.md.in from the region's
// one file (loaders/pipeline.ts regionRelease: every count a municipal count or a sum of them, audited
// with the municipalities' releases as one system). NADERE_OGEN_REGIO names the region's folder.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {staticFigure} from "../scripts/staticFigures.js";
import {fillTemplate} from "../scripts/pageTemplate.js";
import {exitOnInputError} from "../loaders/load.js";
import {regionRelease} from "../loaders/pipeline.js";
import {REGION_REPORT_FILE, type RegionReport} from "../loaders/region.js";

const {FunnelPlot, funnelData, funnelFigureOptions, funnelSentences} = await import("../src/components/FunnelPlot.js");
const {RegionRates} = await import("../src/components/RegionRates.js");
const {RegionTotals} = await import("../src/components/RegionTotals.js");
const {rangeAcrossMunicipalities, regionSentence} = await import("../src/components/regionText.js");
const {joinNames} = await import("../src/components/schoolTables.js");
const {withheldLegend} = await import("../src/lib/format.js");
const {periodText} = await import("../src/components/reportText.js");
const {escapeHtml} = await import("../src/lib/html.js");


const dir = process.env.NADERE_OGEN_REGIO;
if (!dir) {
  process.stderr.write("NADERE_OGEN_REGIO is niet gezet: de regiopagina's horen bij npx nadere-ogen build <map> --regio.\n");
  process.exit(1);
}

await exitOnInputError(async () => {
  const release = await regionRelease(dir, () => {});
  process.stderr.write(`${release.log}\n`);
  if (release.failure) {
    process.stderr.write(`${release.failure}\n`);
    process.exit(1);
  }
  // The page shows the sealed file's numbers, not the object they were written from.
  const report = JSON.parse(release.files.get(REGION_REPORT_FILE) as string) as RegionReport;
  const {meta, municipalities, schools} = report;
  const definition = release.definition;
  const latest = schools.total.years[schools.total.years.length - 1];
  const funnel = funnelData(schools as never);
  const rows = [...municipalities, {name: `Regio ${meta.name}`, years: schools.total.years}];
  const template = fileURLToPath(new URL("index.md.in", import.meta.url));
  process.stdout.write(
    fillTemplate(
      readFileSync(template, "utf8"),
      {
        text: {
          regio: meta.name,
          aantal: municipalities.length,
          gemeenten: joinNames(municipalities.map((m) => m.name)),
          periode: periodText(meta.years),
          definitie: definition === "started" ? "aan jeugdhulp begon" : "jeugdhulp kreeg",
          spreiding: rangeAcrossMunicipalities(municipalities, meta.latestYear),
          regiozin: regionSentence(latest, definition),
          laatstejaar: meta.latestYear,
          trechterzinnen: funnel.p === null ? "" : funnelSentences(funnel, "de regio").join(" "),
          legenda: withheldLegend(meta.minCount)
        },
        blocks: {
          links: `<ul>${municipalities.map((m) => `<li><a href="./${m.key}/">${escapeHtml(m.name)}</a></li>`).join("")}</ul>`,
          percentages: RegionRates(rows, {caption: `Percentage leerlingen met jeugdhulp per gemeente en per jaar (2 decimalen)`}).outerHTML,
          totaal: RegionTotals(schools.total.years, {caption: `De regio ${meta.name}: leerlingen en leerlingen met jeugdhulp per jaar`}).outerHTML,
          trechter: funnel.p === null ? "" : staticFigure(FunnelPlot(schools as never, {width: 640, referenceLabel: "regio", around: "het percentage van de regio"}), funnelFigureOptions(funnel, "trechter-regio.csv"))
        },
        conditions: {nagemaakt: release.synthetic, trechter: funnel.p !== null}
      },
      "regio/index.md.in"
    )
  );
});
