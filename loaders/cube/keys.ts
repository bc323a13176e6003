// Record keys of the cell-key method: every pupil and every trajectory gets a fixed pseudo-random
// key, a uint32 (a fraction key/2^32 in [0, 1)), from HMAC-SHA256 of its id under a secret. A cell's
// key is the sum of its records' keys mod 2^32 (count.ts), which picks its noise in the ptable.
// The secret and the keys stay in the build: nothing here reaches dist/.

import {createHash, createHmac} from "node:crypto";
import type {Dataset} from "../model.js";

export interface RecordKeys {
  pupil(id: string): number;
  trajectory(id: string): number;
}

/**
 * The secret: `cellKeySecret` from instellingen.json, or else a SHA-256 of the input itself. The
 * latter cannot be guessed without the data, and the same input gives the same keys (and so a
 * byte-identical cube); but a new export with one row changed gets entirely new noise, so a
 * municipality that publishes more than once sets the secret and keeps it.
 */
export function cellKeySecret(dataset: Dataset): Buffer {
  if (dataset.settings.cellKeySecret) return Buffer.from(dataset.settings.cellKeySecret, "utf8");
  const hash = createHash("sha256").update("nadere-ogen cell keys v1\n");
  for (const e of dataset.enrolments) hash.update(`${e.pupilId}\t${e.schoolId}\t${e.date}\t${e.birthMonth}\t${e.municipality}\n`);
  for (const t of dataset.trajectories) {
    hash.update(`${t.id}\t${t.pupilId}\t${t.productCategory}\t${t.productCode}\t${t.provider}\t${t.start}\t${t.end ?? ""}\t${t.cost}\n`);
  }
  return hash.digest();
}

/** HMAC-SHA256(secret, kind:id), its first four bytes as a uint32; memoised per id. */
export function recordKeys(secret: Buffer): RecordKeys {
  const keyed = (kind: string) => {
    const cache = new Map<string, number>();
    return (id: string) => {
      let key = cache.get(id);
      if (key === undefined) cache.set(id, (key = createHmac("sha256", secret).update(`${kind}:${id}`).digest().readUInt32BE(0)));
      return key;
    };
  };
  return {pupil: keyed("leerling"), trajectory: keyed("traject")};
}
