// Serialization of build outputs, in one place. JSON is written compactly; an archive bundles the
// report's parts so the whole report is computed once per build.

import JSZip from "jszip";

/** A fixed timestamp keeps the archive byte-identical between builds of the same data. */
const ARCHIVE_DATE = new Date(Date.UTC(2020, 6, 17));

export async function jsonArchive(files: Map<string, unknown>): Promise<Uint8Array> {
  return textArchive(new Map([...files].map(([name, value]) => [name, JSON.stringify(value)])));
}

export async function textArchive(files: Map<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    zip.file(name, text, {date: ARCHIVE_DATE});
  }
  return zip.generateAsync({type: "uint8array", compression: "DEFLATE", compressionOptions: {level: 9}});
}
