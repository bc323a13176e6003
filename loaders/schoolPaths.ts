// The school pages Framework must build (/scholen/<slug>): one per factsheet in the public report,
// named exactly as reportFiles names the factsheet files, so a page and its data never disagree.
import {publicReportFromEnvironment} from "./pipeline.js";
import {schoolSlugs} from "../src/lib/slug.js";

export function schoolPaths(): string[] {
  // The rapport loader prints the scope summary already; the config need not repeat it.
  const {factsheets} = publicReportFromEnvironment({log: () => {}}).report;
  return [...schoolSlugs(factsheets).values()].map((slug) => `/scholen/${slug}`);
}
