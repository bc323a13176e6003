// A worker thread of renderedBodies (factsheet-pages.ts) for many schools: the bodies of the pages it
// is sent, from the shared context it computes once from the report.
import {serveInWorker} from "../loaders/workerPool.js";
import {factsheetBody, factsheetContext, type PageToRender, type Report} from "./factsheet-pages.js";

serveInWorker<Report, PageToRender[], string[]>((report) => {
  const context = factsheetContext(report);
  return (pages) => ({output: pages.map(({sheet, slug}) => factsheetBody(context, sheet, slug))});
});
