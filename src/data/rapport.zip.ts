// The whole public (suppressed) report as one archive: rapport/kerngetallen.json,
// rapport/schools.json, rapport/factsheets/<school>.json, … and the explorer's cube under
// rapport/verkennen/ (meta.json, eenheden.csv, leerlingen.csv, jeugdhulp-<variant>.csv: counts per
// combination of filter values, never pupil rows). Pages attach the members they need.
import {exitOnInputError} from "../../loaders/load.js";
import {textArchive} from "../../loaders/output.js";
import {siteFilesFromEnvironment} from "../../loaders/pipeline.js";

await exitOnInputError(async () => {
  process.stdout.write(await textArchive(siteFilesFromEnvironment()));
});
