// The factsheet bodies rendered in worker threads (scripts/factsheet-pages.ts, for many schools) come
// back in the schools' order, whatever worker rendered which school and however they were sent.
// Compared worker with worker: this test process shares its module cache with other test files
// (vitest isolate: false), and a Plot imported earlier without jsdom's window draws with a half-pixel
// offset that a page loader's own process does not have (a clean process gives the same bodies in
// one thread as in workers: tmp check, 22 schools, 7 December).
import {describe, expect, test} from "vitest";
import {pageReportFromEnvironment} from "../../loaders/pipeline.js";
import {factsheetContext, renderedBodies, type Report, type Sheet} from "../../scripts/factsheet-pages.js";
import {schoolSlugs} from "../../src/lib/slug.js";

describe("factsheet bodies in worker threads", () => {
  test("two workers, five schools a message: the same bodies, in order, as one worker with all of them", async () => {
    const report = (await pageReportFromEnvironment({log: () => {}})).report as Report;
    const slugs = schoolSlugs(report.factsheets);
    const pages = (report.factsheets as unknown as Sheet[]).map((sheet) => ({sheet, slug: slugs.get(sheet.schoolId)!}));
    const context = factsheetContext(report);
    const collect = async (bodies: AsyncGenerator<string>) => {
      const all: string[] = [];
      for await (const body of bodies) all.push(body);
      return all;
    };
    const oneWorker = await collect(renderedBodies(context, pages, 1, pages.length));
    const twoWorkers = await collect(renderedBodies(context, pages, 2, 5));
    expect(pages.length).toBe(22);
    expect(twoWorkers).toEqual(oneWorker);
    // Each body is its own school's page (its name in it), not merely the same list.
    pages.forEach(({sheet}, i) => expect(twoWorkers[i]).toContain(sheet.name.replaceAll("&", "&amp;")));
    expect(new Set(twoWorkers).size).toBe(22);
  }, 120_000);
});
