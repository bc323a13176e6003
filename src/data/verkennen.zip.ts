// The explorer's privacy-safe cube (/verkennen): verkennen/jeugdhulp.csv, leerlingen.csv,
// eenheden.csv and meta.json. Counts per combination of filter values, never pupil rows.
import {exitOnInputError} from "../../loaders/load.js";
import {textArchive} from "../../loaders/output.js";
import {explorerCubeFromEnvironment} from "../../loaders/pipeline.js";

await exitOnInputError(async () => {
  process.stdout.write(await textArchive(explorerCubeFromEnvironment()));
});
