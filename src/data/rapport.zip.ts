// The whole public (suppressed) report as one archive of JSON files: rapport/kerngetallen.json,
// rapport/schools.json, rapport/factsheets/<school>.json, … Pages attach the members they need.
import {exitOnInputError} from "../../loaders/load.js";
import {jsonArchive} from "../../loaders/output.js";
import {publicReportFromEnvironment, reportFiles} from "../../loaders/pipeline.js";

await exitOnInputError(async () => {
  process.stdout.write(await jsonArchive(reportFiles(publicReportFromEnvironment().report)));
});
