// npx tsx scripts/import.ts <bronmap> <doelmap>  (also `npx nadere-ogen import <bronmap> <doelmap>`)
// Converts what a municipality has (iJw messages or dumps, DUO files, Excel workbooks, CSV) into a
// contract folder the build reads (NADERE_OGEN_DATA=<doelmap> npm run build). The conversion is
// loaders/import/folder.ts; this module only reads, writes and prints.

import {pathToFileURL} from "node:url";
import {formatInputError, formatInputErrors, InputErrors, REPORTED_ERRORS} from "../loaders/errors.js";
import {importFolder} from "../loaders/import/folder.js";
import {readSourceFolder, writeContractFolder} from "../loaders/io.js";

/** Converts `source` into the contract folder `target`; returns the exit code. Writes nothing on an error. */
export function runImport(source: string, target: string, err: (text: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  try {
    const result = importFolder(readSourceFolder(source), env);
    const warnings = result.warnings.map((warning) => `- ${formatInputError(warning)}`);
    const report = [
      `Import uit ${source} naar ${target}.`,
      ...result.report,
      ...(warnings.length > 0 ? [`Waarschuwingen bij de import (${warnings.length}; de import gaat door):`, ...warnings] : [])
    ].join("\n");
    writeContractFolder(target, {...result.files, "importverslag.txt": `${report}\n`});
    err(`${report}\nKlaar: de map ${target} volgt het datacontract. Bouw met NADERE_OGEN_DATA=${target} npm run build.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    // Nothing is written: a half-converted folder must not be built by mistake.
    err(`${formatInputErrors(error.errors, REPORTED_ERRORS, "de import")}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    process.stderr.write("Gebruik: npx tsx scripts/import.ts <bronmap> <doelmap>\n");
    process.exit(2);
  }
  process.exit(runImport(source, target, (text) => process.stderr.write(text)));
}
