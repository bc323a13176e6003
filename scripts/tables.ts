// npm run tables [-- --csv] [-- --tabel tabel6]
// Prints every table of the report (scripts/tableOutput.ts). Reads the folder in NADERE_OGEN_DATA
// (default data/default/); the scope summary goes to stderr. `npx nadere-ogen tables <map>` is the same.

import {parseArgs} from "node:util";
import {exitOnInputError} from "../loaders/load.js";
import {publicReportFromEnvironment} from "../loaders/pipeline.js";
import {tablesText} from "./tableOutput.js";

const {values} = parseArgs({options: {csv: {type: "boolean", default: false}, tabel: {type: "string"}}});

await exitOnInputError(async () => {
  const {report} = await publicReportFromEnvironment();
  const result = tablesText(report, values);
  if ("error" in result) {
    process.stderr.write(`${result.error}\n`);
    process.exit(2);
  }
  process.stdout.write(result.text);
});
