// The build's loaders share one audited release per input (loaders/pipeline.ts): the first page loader
// computes the audited site and leaves both the site and the released report in the build cache, so
// that no other loader computes the release again, and the pages show what the archive publishes.
import {cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {buildCache, reportFingerprint} from "../../loaders/io.js";
import {pageReportFromEnvironment} from "../../loaders/pipeline.js";

// A copy of the default input in a folder of its own: its own fingerprint, so nothing cached before.
const dir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-cache-"));
cpSync(path.resolve("data/default"), dir, {recursive: true});
afterAll(() => {
  // The entries this folder's fingerprint left in the build cache are of no use to anyone after.
  const key = reportFingerprint(dir);
  for (const kind of ["site", "rapport"]) rmSync(path.resolve("node_modules/.cache/nadere-ogen", kind, `${key}.json`), {force: true});
  rmSync(dir, {recursive: true, force: true});
});

describe("one audited release per build", () => {
  test("the first page loader leaves the audited site and the report in the cache, and they agree", async () => {
    const key = reportFingerprint(dir);
    expect(buildCache("site", key).read()).toBeNull();
    const {report} = await pageReportFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: () => {}});

    const site = buildCache("site", key).read();
    expect(site).not.toBeNull();
    expect(JSON.parse(buildCache("rapport", key).read() as string)).toEqual(report);
    const {files} = JSON.parse(site as string) as {files: Record<string, string>};
    // Every part of the page's report is the archive's file of that name; every school's sheet too.
    const parts = Object.keys(report).filter((part) => part !== "factsheets");
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(JSON.parse(files[`${part}.json`])).toEqual(report[part]);
    const sheets = JSON.parse(files["factsheets.json"]) as {schoolId: string; slug: string}[];
    expect(sheets.map((s) => s.schoolId)).toEqual(report.factsheets.map((f: {schoolId: string}) => f.schoolId));
    for (const [i, sheet] of sheets.entries()) expect(JSON.parse(files[`factsheets/${sheet.slug}.json`])).toEqual(report.factsheets[i]);
  }, 180_000);
});
