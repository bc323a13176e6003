// Global setup of the unit project: the default data's release once, before the test files. The
// secondary suppression and the audit are cached by their system's hash (node_modules/.cache), so
// the files that load the default release read the result instead of each solving it in parallel.
import {auditSiteRelease, siteReleaseFromEnvironment} from "../loaders/pipeline.js";

export default async function setup(): Promise<void> {
  // For a quick run of test files that do not load the default release.
  if (process.env.SKIP_RELEASE_SETUP) return;
  await auditSiteRelease(await siteReleaseFromEnvironment({env: {}, log: () => {}}));
}
