import {describe, expect, it} from "vitest";
import {schoolSlugs, slugify} from "../../src/lib/slug.js";

describe("slugify", () => {
  it("turns a school name into lower-case words joined by hyphens", () => {
    expect(slugify("De Wegwijzer")).toBe("de-wegwijzer");
  });
  it("drops accents and punctuation and trims hyphens at the ends", () => {
    expect(slugify("  Sint-Jozef (Zeïst) ")).toBe("sint-jozef-zeist");
    expect(slugify("'t Kompas")).toBe("t-kompas");
  });
});

describe("schoolSlugs", () => {
  it("gives each school the slug of its name when the names differ", () => {
    const slugs = schoolSlugs([
      {schoolId: "17NC", name: "Dolfijn"},
      {schoolId: "38AF", name: "De Uilenburcht"}
    ]);
    expect([...slugs]).toEqual([
      ["17NC", "dolfijn"],
      ["38AF", "de-uilenburcht"]
    ]);
  });
  it("appends the id to every school whose name gives the same slug", () => {
    const slugs = schoolSlugs([
      {schoolId: "01AA", name: "De Regenboog"},
      {schoolId: "02BB", name: "De regenboog"},
      {schoolId: "03CC", name: "Meander"}
    ]);
    expect(slugs.get("01AA")).toBe("de-regenboog-01aa");
    expect(slugs.get("02BB")).toBe("de-regenboog-02bb");
    expect(slugs.get("03CC")).toBe("meander");
  });
  it("does not depend on the order of the schools", () => {
    const a = schoolSlugs([{schoolId: "1", name: "X"}, {schoolId: "2", name: "x"}]);
    const b = schoolSlugs([{schoolId: "2", name: "x"}, {schoolId: "1", name: "X"}]);
    expect(a.get("1")).toBe(b.get("1"));
  });
  it("falls back to the id when the name has no letters or digits", () => {
    expect(schoolSlugs([{schoolId: "93UU", name: "—"}]).get("93UU")).toBe("93uu");
  });
  it("refuses two schools ending up at the same address", () => {
    expect(() => schoolSlugs([{schoolId: "1", name: "A"}, {schoolId: "2", name: "A"}, {schoolId: "x", name: "A 2"}])).toThrow(/a-2/);
  });
});
