// The whole public (suppressed) report as one archive: rapport/kerngetallen.json,
// rapport/schools.json, rapport/factsheets/<school>.json, … and the explorer's cube under
// rapport/verkennen/ (meta.json, eenheden.csv, leerlingen.csv, jeugdhulp-<variant>.csv: counts per
// combination of filter values, never pupil rows). Pages attach the members they need.
// Every count passes the disclosure registry (the archive takes only sealed files), and the build
// audits the release as a whole (loaders/disclosure/): the report goes to stderr, the figures to
// rapport/privacy.json for the privacy officer's page.
import {fontNotice} from "../../loaders/huisstijl.js";
import {exitOnInputError} from "../../loaders/load.js";
import {textArchive} from "../../loaders/output.js";
import {auditedSiteFromEnvironment} from "../../loaders/pipeline.js";
import {contentFromEnvironment} from "../../loaders/site.js";

await exitOnInputError(async () => {
  // The audit solves every small count (cached, see the function).
  const {files, log, failure} = await auditedSiteFromEnvironment();
  process.stderr.write(`${log}\n`);
  // A font in the municipality's tokens is ignored; the build log says so and why ("" without one).
  const notice = fontNotice(contentFromEnvironment().fontTokens);
  if (notice) process.stderr.write(`${notice}\n`);
  // A leaking release never becomes a site: the loader fails, and so does the build.
  if (failure) {
    process.stderr.write(`${failure}\n`);
    process.exit(1);
  }
  process.stdout.write(await textArchive(files));
});
