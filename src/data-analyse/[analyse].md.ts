// Page loader for /data-analyse/factoren (factoren.md.in): parameterized, so that Framework builds it
// only when observablehq.config.ts lists it, that is when scholen.csv has the factor columns. The text,
// the cross-tables (no school marked), the tests and the sensitivity table are written at build time
// from the released report (scripts/staticPage.ts), so the page reads without JavaScript; its code only
// marks the school the reader picks and filters the report's verdicts.
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {marksIn} from "../../scripts/pageTemplate.js";
import {staticFigure} from "../../scripts/staticFigures.js";
import {writeStaticPage} from "../../scripts/staticPage.js";

const {CrossTableSummary, crossTableBody, crossTableFigureOptions, pValueText} = await import("../components/CrossTable.js");
const {FRAGILE_LABEL, SensitivityTable, fragileFactors} = await import("../components/SensitivityTable.js");
const {VerdictTable} = await import("../components/VerdictTable.js");
const {factorTestsSentences} = await import("../components/variationText.js");
const {formatDecimal} = await import("../lib/format.js");
const {countNoun} = await import("../components/reportText.js");

const {values: args} = parseArgs({options: {analyse: {type: "string"}}});
if (args.analyse !== "factoren") throw new Error(`Geen analyse "${args.analyse}"; alleen /data-analyse/factoren bestaat.`);

type Table = {factor: string; exactTest: {schools: number; withheld: number}};

await writeStaticPage(
  import.meta.url,
  ({meta, factors, statistics}, {content}) => {
    const [omvang] = factors.tabel8 as Table[];
    const interviewed = factors.schools.some((s: {participated: boolean}) => s.participated);
    const ibErvaring = factors.interviews.find((t: Table) => t.factor === "ib_ervaring");
    // Without interviews (no deelname_interview in scholen.csv) no school took part: only the data's factors.
    const allTables: Table[] = interviewed ? [...factors.tabel8, factors.tabel9, ...factors.interviews] : factors.tabel8;
    const adjusted = new Map<string, number | null>(statistics.sensitivity.factors.map((f: {factor: string; holmP: {rapport: number | null}}) => [f.factor, f.holmP.rapport]));
    // Each table in an element of its own, which the page's code redraws with the marked school.
    const crossTable = (table: Table | undefined) => {
      if (table === undefined || table === null) return "";
      const options = {year: meta.latestYear, holmP: adjusted.get(table.factor) ?? null};
      return `<div id="kruistabel-${table.factor}">${staticFigure(crossTableBody(table as never, options), crossTableFigureOptions(table as never, options))}</div>`;
    };
    const size = statistics.sensitivity.factors.find((f: {factor: string}) => f.factor === "omvang");
    const alpha = formatDecimal(statistics.alpha, 2);
    const fragile = fragileFactors(statistics.sensitivity);
    const withheld = omvang.exactTest.withheld;
    // The content folder's passage with the report's verdicts asks for them as a block.
    const verdictsPassage = content.passages.get("factoren-oordelen") ?? "";
    return {
      text: {
        scholen: countNoun(factors.schools.length, "school", "scholen"),
        latestYear: meta.latestYear,
        afgeschermd: withheld > 0 ? `Dat geldt voor ${countNoun(withheld, "school", "scholen")}.` : "",
        getoetst: countNoun(omvang.exactTest.schools, "school", "scholen"),
        toetsen: countNoun(allTables.length, "toets", "toetsen"),
        deelnemers: countNoun(factors.schools.filter((s: {participated: boolean}) => s.participated).length, "school", "scholen"),
        toetsUitkomst: factorTestsSentences(statistics).join(" "),
        kwetsbaarLabel: FRAGILE_LABEL,
        alpha,
        omvang:
          size && size.pValues.rapport !== null
            ? `Neem de omvang van de school: met de keuzes van het rapport is de p-waarde ${pValueText(size.pValues.rapport)}, met onafgeronde percentages ${pValueText(size.pValues.onafgerond ?? 1)} en met alle ingeschreven leerlingen ${pValueText(size.pValues.alle_leerlingen ?? 1)}. ${size.fragile ? "Of er een aanwijzing is, hangt hier dus af van hoe je meet." : `De conclusie verandert niet, maar de p-waarde verschilt flink per keuze: een p-waarde net boven of onder de ${alpha} is geen stevig resultaat.`}`
            : "",
        kwetsbaar: fragile.length > 0 ? `Kwetsbaar: ${fragile.join(", ")}. Daar is de conclusie niet zeker, welke kant ook op.` : "Geen enkele conclusie slaat om door deze keuzes."
      },
      blocks: {
        factoren: (factors.tabel8 as Table[]).map(crossTable).join("\n"),
        dorpsteam: interviewed ? crossTable(factors.tabel9) : "",
        ib: interviewed ? crossTable(ibErvaring) : "",
        overzicht: CrossTableSummary(allTables as never, {caption: `Exacte toets per factor, tegen het jeugdhulpgebruik in ${meta.latestYear}`, adjusted: adjusted as never}).outerHTML,
        gevoeligheid: SensitivityTable(statistics.sensitivity, {caption: "p-waarde per keuze (tussen haakjes: na Holm-correctie)"}).outerHTML,
        // The page's code adds the filters; without JavaScript the whole table reads.
        ...(marksIn(verdictsPassage).has("alleOordelen") ? {alleOordelen: (caption: string) => VerdictTable(content.factorVerdicts, {caption}).outerHTML} : {})
      }
    };
  },
  {template: () => ({name: "factoren.md.in", text: readFileSync(new URL("./factoren.md.in", import.meta.url), "utf8")})}
);
