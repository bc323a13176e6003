// What the 2020 report itself concluded (not computed here): the factor verdicts of chapters 2–4 and
// the report's errata with how this site handles each. Facts from data/published/.
import {readPublishedFiles} from "../../loaders/io.js";
import {readErrata, readFactorVerdicts} from "../../loaders/published.js";

const files = readPublishedFiles(["factoroordelen.csv", "errata.csv"]);
process.stdout.write(
  JSON.stringify({factorVerdicts: readFactorVerdicts(files["factoroordelen.csv"]), errata: readErrata(files["errata.csv"])})
);
