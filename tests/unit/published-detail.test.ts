// Issue 10, as a reader of the published files sees it (the sealed archive members, byte for byte what
// lands in dist/_file/data/): the factsheets carry no counts by provider or by age, no withheld value
// says whether it is small, and the legend explains the one mark.
import {describe, expect, it} from "vitest";
import {siteFilesFromEnvironment} from "../../loaders/pipeline.js";
import {SUPPRESSED_DERIVED, withheldLegend} from "../../src/lib/format.js";

const files = await siteFilesFromEnvironment({env: {}, log: () => {}});
const jsonFiles = [...files].filter(([name]) => name.endsWith(".json"));
const sheets = jsonFiles.filter(([name]) => name.startsWith("factsheets/"));

/** Every key anywhere in a parsed JSON value. */
function keys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keys(v, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keys(v, out);
    }
  }
  return out;
}

describe("the published files of the default data", () => {
  it("have a factsheet per school, without counts by provider or by age or item 7's provider", () => {
    expect(sheets.length).toBe(22);
    for (const [name, text] of sheets) {
      const found = [...keys(JSON.parse(text))].filter((k) => ["providers", "provider", "providerPupils", "ages", "perCareType", "withDyslexia"].includes(k));
      expect(found, name).toEqual([]);
    }
  });

  it("list item 7's care types with their pupils only, a withheld count never ranked above a published one", () => {
    const tops = sheets.map(([, text]) => JSON.parse(text).topCareTypes as {careType: string; label: string; pupils: unknown}[]);
    for (const top of tops) for (const t of top) expect(Object.keys(t).sort()).toEqual(["careType", "label", "pupils"]);
    const order = tops.map((top) => top.map((t) => (typeof t.pupils === "number" ? "shown" : "hidden")).join());
    expect(order.filter((o) => /hidden,shown/.test(o))).toEqual([]);
    // The data has schools with both in item 7, so the order is really tested.
    expect(order.some((o) => /shown,hidden/.test(o))).toBe(true);
  });

  it("keep the municipal tables by provider and by age", () => {
    expect(JSON.parse(files.get("careTypes.json") as string).providers.length).toBeGreaterThan(0);
    expect(JSON.parse(files.get("ages.json") as string).years.length).toBeGreaterThan(0);
  });

  it("mark no withheld value as 'complementary': every withheld value has the one form {suppressed, minCount}", () => {
    const all = [...files].filter(([name]) => name.endsWith(".json") || name.endsWith(".csv"));
    expect(all.filter(([, text]) => text.includes("complementary")).map(([name]) => name)).toEqual([]);
    const forms = jsonFiles.flatMap(([, text]) => text.match(/\{"suppressed":[^}]*\}/g) ?? []);
    expect(forms.length).toBeGreaterThan(0);
    expect(new Set(forms.map((f) => Object.keys(JSON.parse(f)).sort().join()))).toEqual(new Set(["minCount,suppressed"]));
  });
});

describe("the legend of the one mark", () => {
  it("explains '·' for every kind of withheld value, without '< 5'", () => {
    expect(SUPPRESSED_DERIVED).toBe("·");
    expect(withheldLegend(5)).toBe(
      "„·” = niet gepubliceerd: een klein aantal (1 tot en met 4 leerlingen), een getal dat daarop berust, of een aantal dat is weggelaten zodat een klein aantal niet terug te rekenen is."
    );
    expect(withheldLegend(5)).not.toContain("<");
  });
});
