// Serialization of build outputs, in one place: an archive bundles the site's data files (the
// report's JSON parts, the explorer's CSV) so everything is computed once per build.

import JSZip from "jszip";
import type {SealedFiles} from "./disclosure/registry.js";

/** A fixed timestamp keeps the archive byte-identical between builds of the same data. */
const ARCHIVE_DATE = new Date(Date.UTC(2020, 6, 17));

/** Takes only files sealed against the disclosure registry (`seal` in loaders/disclosure/registry.ts). */
export async function textArchive(files: SealedFiles): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    zip.file(name, text, {date: ARCHIVE_DATE});
  }
  return zip.generateAsync({type: "uint8array", compression: "DEFLATE", compressionOptions: {level: 9}});
}
