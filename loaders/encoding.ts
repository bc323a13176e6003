// Bytes of an input file → text, and which encoding was read. Municipal exports come from Excel
// (Windows-1252 or UTF-8 with BOM), Notepad ("Unicode" = UTF-16 LE with BOM) and back offices
// (UTF-8). Non-UTF-8 decoding goes through iconv-lite: Node 20's TextDecoder("windows-1252") takes
// a latin-1 shortcut that turns ’ – € (0x80–0x9F) into control characters.

import iconv from "iconv-lite";

export type Encoding = "UTF-8" | "UTF-8 met BOM" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Whether the bytes start with UTF-8's byte order mark (EF BB BF). */
export const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** The encoding decodeInput names for text that is valid UTF-8 (ASCII among it). */
export const utf8Encoding = (bytes: Uint8Array): Encoding => (hasUtf8Bom(bytes) ? "UTF-8 met BOM" : "UTF-8");

/** BOM first; then UTF-16 without BOM (its NUL bytes); then strict UTF-8; else Windows-1252. */
export function decodeInput(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasUtf8Bom(buffer)) {
    return {text: new TextDecoder("utf-8").decode(buffer.subarray(3)), encoding: utf8Encoding(buffer)};
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return {text: iconv.decode(buffer.subarray(2), "utf16le"), encoding: "UTF-16 LE"};
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return {text: iconv.decode(buffer.subarray(2), "utf16be"), encoding: "UTF-16 BE"};
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return {text: iconv.decode(buffer, utf16 === "UTF-16 LE" ? "utf16le" : "utf16be"), encoding: utf16};
  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(buffer), encoding: utf8Encoding(buffer)};
  } catch {
    return {text: iconv.decode(buffer, "win1252"), encoding: "Windows-1252"};
  }
}

// ASCII text in UTF-16 has a NUL in every other byte; a CSV or JSON file in any 8-bit encoding
// has none. Half of the first kilobyte's odd (LE) or even (BE) bytes being NUL is unmistakable,
// while a stray NUL in a UTF-8 file stays UTF-8 (and is reported as a NUL in its cell).
function utf16WithoutBom(buffer: Buffer): "UTF-16 LE" | "UTF-16 BE" | null {
  const length = Math.min(buffer.length, 1024) & ~1;
  if (length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (buffer[i] === 0) evenNul++;
    if (buffer[i + 1] === 0) oddNul++;
  }
  const half = length / 4;
  if (oddNul >= half && evenNul < half / 4) return "UTF-16 LE";
  if (evenNul >= half && oddNul < half / 4) return "UTF-16 BE";
  return null;
}
