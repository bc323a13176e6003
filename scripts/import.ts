// npx tsx scripts/import.ts <bronmap> <doelmap>
// Converts what a municipality has (iJw messages or dumps, DUO files, Excel workbooks, CSV) into a
// contract folder the build reads (NADERE_OGEN_DATA=<doelmap> npm run build). The conversion is
// loaders/import/folder.ts; this script only reads, writes and prints. Kept small so that the
// command-line tool can take it over as its `import` subcommand.

import {formatInputError, formatInputErrors, InputErrors, REPORTED_ERRORS} from "../loaders/errors.js";
import {importFolder} from "../loaders/import/folder.js";
import {readSourceFolder, writeContractFolder} from "../loaders/io.js";

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  process.stderr.write("Gebruik: npx tsx scripts/import.ts <bronmap> <doelmap>\n");
  process.exit(2);
}

try {
  const result = importFolder(readSourceFolder(source), process.env);
  const warnings = result.warnings.map((warning) => `- ${formatInputError(warning)}`);
  const report = [
    `Import uit ${source} naar ${target}.`,
    ...result.report,
    ...(warnings.length > 0 ? [`Waarschuwingen bij de import (${warnings.length}; de import gaat door):`, ...warnings] : [])
  ].join("\n");
  writeContractFolder(target, {...result.files, "importverslag.txt": `${report}\n`});
  process.stderr.write(`${report}\nKlaar: de map ${target} volgt het datacontract. Bouw met NADERE_OGEN_DATA=${target} npm run build.\n`);
} catch (error) {
  if (!(error instanceof InputErrors)) throw error;
  // Nothing is written: a half-converted folder must not be built by mistake.
  process.stderr.write(`${formatInputErrors(error.errors, REPORTED_ERRORS, "de import")}\n`);
  process.exit(1);
}
