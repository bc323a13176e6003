// The text JSON.stringify(value) gives, written into a hash in pieces. While disclosure/model.ts
// systemKey hashed a national system's terms as JSON too, that text was longer than V8's longest
// string (about 512 MB); its terms now go in as bytes, and the rest (96 M characters for the national
// system) still comes through here without being built as one string. The pieces are exactly
// JSON.stringify's text, so a key does not depend on where the text was cut.

import type {Hash} from "node:crypto";

/** Hash input is gathered up to this many characters before it is handed over. */
const PIECE = 1 << 20;

/** `whole` serialises a value that fits in one string (tests pass one that refuses more). */
export function updateWithJson(hash: Hash, value: unknown, whole: (value: unknown) => string = JSON.stringify): void {
  let pending = "";
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= PIECE) {
      hash.update(pending);
      pending = "";
    }
  };
  const write = (value: unknown): void => {
    if (value === null || typeof value !== "object") return emit(whole(value));
    // Whole where it fits: everything below the few containers that are too long. A container with a
    // long array a few levels down is taken apart at once: serialising it whole would build a string
    // of hundreds of megabytes before it fails.
    if (!holdsLongArray(value, 3)) {
      try {
        emit(whole(value));
        return;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
    }
    if (typeof (value as {toJSON?: unknown}).toJSON === "function") return write((value as {toJSON: () => unknown}).toJSON());
    if (Array.isArray(value)) {
      emit("[");
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (i > 0) emit(",");
        if (item === undefined || typeof item === "function" || typeof item === "symbol") emit("null");
        else write(item);
      }
      emit("]");
      return;
    }
    emit("{");
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      emit(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      write(item);
    }
    emit("}");
  };
  write(value);
  hash.update(pending);
}

/** Arrays from this length on are written item by item. */
const LONG_ARRAY = 1 << 16;

function holdsLongArray(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.length >= LONG_ARRAY;
  if (depth === 0 || typeof (value as {toJSON?: unknown}).toJSON === "function") return false;
  for (const key of Object.keys(value)) if (holdsLongArray((value as Record<string, unknown>)[key], depth - 1)) return true;
  return false;
}
