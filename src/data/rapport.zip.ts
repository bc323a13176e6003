// The whole public (suppressed) report as one archive: rapport/kerngetallen.json,
// rapport/schools.json, rapport/factsheets/<school>.json, … and the explorer's cube under
// rapport/verkennen/ (meta.json, eenheden.csv, leerlingen.csv, jeugdhulp-<variant>.csv: counts per
// combination of filter values, never pupil rows). Pages attach the members they need.
// Every count passes the disclosure registry (the archive takes only sealed files), and the build
// audits the release as a whole (loaders/disclosure/): the report goes to stderr, the figures to
// rapport/privacy.json for the privacy officer's page.
import {exitOnInputError} from "../../loaders/load.js";
import {textArchive} from "../../loaders/output.js";
import {auditedSiteReleaseFromEnvironment} from "../../loaders/pipeline.js";
import {seal} from "../../loaders/disclosure/registry.js";
import {auditFailure, formatAudit, privacySummary} from "../../loaders/disclosure/release.js";

await exitOnInputError(async () => {
  // The audit solves every small count (about 7 s on the default data; cached, see the function).
  const {files, context, secondary, audit: result} = await auditedSiteReleaseFromEnvironment();
  process.stderr.write(`${formatAudit(result, secondary)}\n`);
  // A leaking release never becomes a site: the loader fails, and so does the build.
  const failure = auditFailure(result, secondary);
  if (failure) {
    process.stderr.write(`${failure}\n`);
    process.exit(1);
  }
  const all = new Map(files);
  all.set("privacy.json", JSON.stringify(privacySummary(result, context.registry, secondary)));
  process.stdout.write(await textArchive(seal(all, context.registry)));
});
