// What observablehq.config.ts needs from the input folder (its structure, no counts):
// the school pages Framework must build (/scholen/<slug>), one per factsheet, named exactly as
// reportFiles names the factsheet files, so a page and its data never disagree; and whether the data
// are synthetic, so the "nagemaakte gegevens" notices can be static HTML shown or hidden at build time
// instead of boxes that appear after load and push the page down.
import {exitWithInputErrors} from "./load.js";
import {configFactsFromEnvironment, type SiteStructure} from "./pipeline.js";
import {pageContext} from "./site.js";
import {factsheetTitle, schoolSlugs} from "../src/lib/slug.js";

export function siteFacts(): {schoolPages: {path: string; title: string}[]; synthetic: boolean; page: ReturnType<typeof pageContext>} {
  // The rapport loader prints the scope summary already; the config need not repeat it. The config
  // reads the folder first, so its errors are the ones people see.
  let structure: SiteStructure;
  let page: ReturnType<typeof pageContext>;
  try {
    // One load for both, and none when a config read of this build left them in the build cache.
    const facts = configFactsFromEnvironment({log: () => {}});
    structure = facts.structure;
    page = pageContext(facts.facts);
  } catch (error) {
    exitWithInputErrors(error);
  }
  const {schools, meta} = structure;
  const slugs = schoolSlugs(schools);
  const schoolPages = schools.map((s) => ({path: `/scholen/${slugs.get(s.schoolId)}`, title: factsheetTitle(s.name)}));
  return {schoolPages, synthetic: meta.synthetic, page};
}
