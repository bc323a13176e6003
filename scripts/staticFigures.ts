// The site's components (src/components) run at build time in a DOM of their own (buildDom.ts), for pages that ship their charts as
// static HTML and SVG: the reader's browser then downloads no Plot or d3 for them and draws nothing. The
// factsheets (scripts/factsheet-pages.ts) and /data-analyse/feiten use it. Importing this module sets up
// the DOM, so import it before any component.
import {register} from "node:module";

register("../loaders/npmSpecifiers.mjs", import.meta.url);

// The components create elements through the global document, as in the browser (buildDom.ts).
await import("./buildDom.js");

const {ChartFigure, downloadLink} = await import("../src/components/ChartFigure.js");
const {toCsv} = await import("../src/lib/csv.js");
type FigureOptions<Row> = import("../src/components/ChartFigure.js").ChartFigureOptions<Row>;

/**
 * A chart in its frame, with the CSV in the button so the page's one script (bindCsvButtons) can hand
 * it out; or, with `csvFile`, a link to that CSV file beside the page (one file shared by many pages).
 */
export function staticFigure<Row>(chart: Element, options: FigureOptions<Row>, csvFile?: string): string {
  const element = ChartFigure(chart, options);
  const button = element.querySelector("button.chart-download")!;
  if (csvFile) {
    button.replaceWith(downloadLink(csvFile, options.filename));
  } else {
    button.setAttribute("data-csv", encodeURIComponent(toCsv(options.columns, options.rows)));
    button.setAttribute("data-filename", options.filename);
  }
  return element.outerHTML;
}

export {block} from "./pageTemplate.js";
