// The build's loaders share one audited release per input (loaders/pipeline.ts): the first page loader
// computes the audited site and leaves both the site and the released report in the build cache, so
// that no other loader computes the release again, and the pages show what the archive publishes; and
// the input's few facts the pages need, so that no other loader reads the input again.
import {spawn, spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {buildCache, reportFingerprint} from "../../loaders/io.js";
import {auditedSiteFromEnvironment, configFactsFromEnvironment, pageReportFromEnvironment, readSiteCache, releasedReportWrittenSince, writeSiteCache} from "../../loaders/pipeline.js";
import type {SealedFiles} from "../../loaders/disclosure/registry.js";

// A copy of the default input in a folder of its own: its own fingerprint, so nothing cached before.
const dir = mkdtempSync(path.join(tmpdir(), "nadere-ogen-cache-"));
cpSync(path.resolve("data/default"), dir, {recursive: true});
afterAll(() => {
  // The entries this folder's fingerprint left in the build cache are of no use to anyone after.
  const key = reportFingerprint(dir);
  for (const kind of ["site", "rapport", "invoer", "structuur", "bezig"]) rmSync(path.resolve("node_modules/.cache/nadere-ogen", kind, `${key}.json`), {force: true});
  rmSync(dir, {recursive: true, force: true});
});

describe("one audited release per build", () => {
  test("the first page loader leaves the audited site and the report in the cache, and they agree", async () => {
    const key = reportFingerprint(dir);
    expect(buildCache("site", key).read()).toBeNull();
    const {report} = await pageReportFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: () => {}});

    const site = buildCache("site", key).readBytes();
    expect(site).not.toBeNull();
    expect(JSON.parse(buildCache("rapport", key).read() as string)).toEqual(report);
    const {files, log} = readSiteCache(site as Buffer);
    const file = (name: string) => files.get(name) as string;
    expect(log).toContain("Openbaarmakingscontrole");
    // Every part of the page's report is the archive's file of that name; every school's sheet too.
    const parts = Object.keys(report).filter((part) => part !== "factsheets");
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(JSON.parse(file(`${part}.json`))).toEqual(report[part]);
    const sheets = JSON.parse(file("factsheets.json")) as {schoolId: string; slug: string}[];
    expect(sheets.map((s) => s.schoolId)).toEqual(report.factsheets.map((f: {schoolId: string}) => f.schoolId));
    for (const [i, sheet] of sheets.entries()) expect(JSON.parse(file(`factsheets/${sheet.slug}.json`))).toEqual(report.factsheets[i]);
    // The archive's other files too, byte for byte as the second loader reads them: the cube, privacy.json.
    expect([...files.keys()].filter((name) => name.startsWith("verkennen/")).length).toBeGreaterThan(10);
    const again = await auditedSiteFromEnvironment({env: {NADERE_OGEN_DATA: dir}, log: () => {}});
    expect(again.failure).toBeNull();
    expect(new Map(again.files)).toEqual(new Map(files));
    expect(JSON.parse(file("privacy.json")).smallCount).toBeGreaterThan(0);
  }, 180_000);

  test("a page loader that finds the report and the input's facts in the cache does not read the input again", async () => {
    const key = reportFingerprint(dir);
    // The first loader (above) read the input and left its facts: the default data have the factor
    // and interview columns, and say they are synthetic.
    expect(JSON.parse(buildCache("invoer", key).read() as string)).toEqual({municipality: "Utrechtse Heuvelrug", parts: {factors: true, interviews: true, synthetic: true}});
    // Told other facts, a loader shows those: it took them from the cache, not from the input.
    buildCache("invoer", key).write(JSON.stringify({municipality: "Elders", parts: {factors: false, interviews: false, synthetic: true}}));
    const env = {env: {NADERE_OGEN_DATA: dir}, log: () => {}};
    expect((await pageReportFromEnvironment(env)).facts.municipality).toBe("Elders");
    expect((await auditedSiteFromEnvironment(env)).facts.municipality).toBe("Elders");
    // Without them it reads the input, and writes them again.
    rmSync(path.resolve("node_modules/.cache/nadere-ogen/invoer", `${key}.json`));
    expect((await pageReportFromEnvironment(env)).facts.municipality).toBe("Utrechtse Heuvelrug");
    expect(JSON.parse(buildCache("invoer", key).read() as string).municipality).toBe("Utrechtse Heuvelrug");
  });

  test("the released report counts as written for the pages only when this input's entry was written since the given moment", () => {
    const env = {env: {NADERE_OGEN_DATA: dir}};
    const key = reportFingerprint(dir);
    // The entry of the first test, written before this moment: not this build's (preload-pages.mjs waits on).
    const now = Date.now() + 1;
    expect(releasedReportWrittenSince(now, env)).toBe(false);
    const entry = buildCache("rapport", key);
    const text = entry.read() as string;
    entry.write(text);
    expect(releasedReportWrittenSince(now - 1000, env)).toBe(true);
    rmSync(path.resolve("node_modules/.cache/nadere-ogen/rapport", `${key}.json`));
    expect(releasedReportWrittenSince(0, env)).toBe(false);
  });

  test("the config's view of the input is read once per input and code, then from the build cache", () => {
    const env = {env: {NADERE_OGEN_DATA: dir}, log: () => {}};
    const key = reportFingerprint(dir);
    const first = configFactsFromEnvironment(env);
    // The default data: 22 schools, synthetic, the municipality's name.
    expect(first.structure.schools).toHaveLength(22);
    expect(first.structure.meta.synthetic).toBe(true);
    expect(first.facts.municipality).toBe("Utrechtse Heuvelrug");
    // Told another municipality in the cache, the next read shows it: it did not read the input.
    buildCache("structuur", key).write(JSON.stringify({...first, facts: {...first.facts, municipality: "Elders"}}));
    expect(configFactsFromEnvironment(env).facts.municipality).toBe("Elders");
    rmSync(path.resolve("node_modules/.cache/nadere-ogen/structuur", `${key}.json`));
    expect(configFactsFromEnvironment(env).facts.municipality).toBe("Utrechtse Heuvelrug");
  });

  test("a loader that needs the audited site waits while another live process computes it, and not for a process that is gone", async () => {
    const env = {env: {NADERE_OGEN_DATA: dir}, log: () => {}};
    const key = reportFingerprint(dir);
    const real = buildCache("site", key).readBytes() as Buffer;
    buildCache("site", key).remove();
    // Another process computing the site: its pid in the entry; its site written 1,5 s later.
    const other = spawn("sleep", ["30"]);
    buildCache("bezig", key).write(String(other.pid));
    const files = new Map([["a.json", "{}"]]) as unknown as SealedFiles;
    setTimeout(() => {
      writeSiteCache(buildCache("site", key), files, "van het andere proces");
      buildCache("bezig", key).remove();
    }, 1500);
    const started = performance.now();
    const waited = await auditedSiteFromEnvironment(env);
    expect(waited.log).toBe("van het andere proces");
    expect(performance.now() - started).toBeGreaterThan(1000);
    other.kill();

    // A process that is gone: the loader computes the site itself.
    buildCache("site", key).remove();
    const gone = spawnSync("sh", ["-c", "echo $$"], {encoding: "utf8"}).stdout.trim();
    buildCache("bezig", key).write(gone);
    const computed = await auditedSiteFromEnvironment(env);
    expect(computed.log).toContain("Openbaarmakingscontrole");
    expect(computed.files).toEqual(readSiteCache(real).files);
    buildCache("bezig", key).remove();
  }, 180_000);

  test("the site's cache entry gives back every file and the log as they were: accents, euros, an empty file, a line break", () => {
    const files = new Map([["a.json", '{"naam":"Basisschool Ééntje"}'], ["leeg.csv", ""], ["verkennen/b.csv", "jaar,kosten\n2019,€ 10.000\n"]]) as unknown as SealedFiles;
    const entry = buildCache("test-site", `${process.pid}`);
    writeSiteCache(entry, files, "regel 1\nregel 2 — €");
    try {
      const {files: read, log} = readSiteCache(entry.readBytes() as Buffer);
      expect(log).toBe("regel 1\nregel 2 — €");
      expect([...read]).toEqual([...files]);
    } finally {
      rmSync(path.resolve("node_modules/.cache/nadere-ogen/test-site"), {recursive: true, force: true});
    }
  });
});
