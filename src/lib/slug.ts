// One stable URL slug per school ("De Wegwijzer" → "de-wegwijzer"). Browser-safe (no Node APIs), because
// the build (loaders/pipeline.ts, observablehq.config.ts) and the pages must agree on the same names.

export interface NamedSchool {
  schoolId: string;
  name: string;
}

/** Lower case, accents dropped ("Séverin" → "severin"), anything else between words a single hyphen. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Slug per school id. Schools whose names give the same slug (or no slug at all) all get their id
 * appended, so no school's URL depends on which other school happened to be listed first.
 */
export function schoolSlugs(schools: NamedSchool[]): Map<string, string> {
  const base = new Map(schools.map((s) => [s.schoolId, slugify(s.name)]));
  const uses = new Map<string, number>();
  for (const slug of base.values()) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  const result = new Map<string, string>();
  for (const {schoolId} of schools) {
    const slug = base.get(schoolId) as string;
    const id = slugify(schoolId);
    result.set(schoolId, slug === "" ? id : (uses.get(slug) as number) > 1 ? `${slug}-${id}` : slug);
  }
  // An appended id can still meet another school's plain slug ("a-1" named so vs "A" with id "1").
  const seen = new Set<string>();
  for (const [schoolId, slug] of result) {
    if (seen.has(slug)) throw new Error(`Twee scholen krijgen hetzelfde webadres "${slug}" (school ${schoolId}).`);
    seen.add(slug);
  }
  return result;
}

/** A school page's title (its <title>, before Framework's " | site"): the page and the search index. */
export const factsheetTitle = (name: string) => `${name} – factsheet`;
