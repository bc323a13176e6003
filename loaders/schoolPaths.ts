// What observablehq.config.ts needs from the input folder (its structure, no counts):
// the school pages Framework must build (/scholen/<slug>), one per factsheet, named exactly as
// reportFiles names the factsheet files, so a page and its data never disagree; and whether the data
// are synthetic, so the "nagemaakte gegevens" notices can be static HTML shown or hidden at build time
// instead of boxes that appear after load and push the page down.
import {exitWithInputErrors} from "./load.js";
import {siteStructureFromEnvironment} from "./pipeline.js";
import {pageContextFromEnvironment} from "./site.js";
import {schoolSlugs} from "../src/lib/slug.js";

export function siteFacts(): {schoolPaths: string[]; synthetic: boolean; page: ReturnType<typeof pageContextFromEnvironment>} {
  // The rapport loader prints the scope summary already; the config need not repeat it. The config
  // reads the folder first, so its errors are the ones people see.
  let structure: ReturnType<typeof siteStructureFromEnvironment>;
  let page: ReturnType<typeof pageContextFromEnvironment>;
  try {
    structure = siteStructureFromEnvironment({log: () => {}});
    page = pageContextFromEnvironment();
  } catch (error) {
    exitWithInputErrors(error);
  }
  const {schools, meta} = structure;
  return {schoolPaths: [...schoolSlugs(schools).values()].map((slug) => `/scholen/${slug}`), synthetic: meta.synthetic, page};
}

export function schoolPaths(): string[] {
  return siteFacts().schoolPaths;
}
