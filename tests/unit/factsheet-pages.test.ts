// The factsheet bodies rendered in worker threads (scripts/factsheet-pages.ts, for many schools) are
// the bodies rendered in one thread, in the same order, whatever worker rendered which school.
import {describe, expect, test} from "vitest";
import {pageReportFromEnvironment} from "../../loaders/pipeline.js";
import {factsheetContext, renderedBodies, type Report, type Sheet} from "../../scripts/factsheet-pages.js";
import {schoolSlugs} from "../../src/lib/slug.js";

describe("factsheet bodies in worker threads", () => {
  test("two workers, five schools a message: the same bodies as one thread", async () => {
    const report = (await pageReportFromEnvironment({log: () => {}})).report as Report;
    const slugs = schoolSlugs(report.factsheets);
    const pages = (report.factsheets as unknown as Sheet[]).map((sheet) => ({sheet, slug: slugs.get(sheet.schoolId)!}));
    const context = factsheetContext(report);
    const collect = async (bodies: AsyncGenerator<string>) => {
      const all: string[] = [];
      for await (const body of bodies) all.push(body);
      return all;
    };
    const inThread = await collect(renderedBodies(report, context, pages, 0));
    const inWorkers = await collect(renderedBodies(report, context, pages, 2, 5));
    expect(pages.length).toBe(22);
    expect(inWorkers).toEqual(inThread);
    // Each body is its own school's page (the school's name in its heading), not merely the same list.
    pages.forEach(({sheet}, i) => expect(inWorkers[i]).toContain(sheet.name));
  }, 120_000);
});
