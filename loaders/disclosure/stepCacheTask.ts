// A step of the secondary suppression written to the build cache (withholding.ts), from its witness
// points as they came back packed from the search's worker (secondaryTask.ts). A country's step 1 is
// 278 MB of JSON, nearly all of it 83 316 witness points with 36 M pairs: unpacking them in the
// build's thread and writing the text took about 19 s there, while the build waited to go on with
// step 2 (national build 22). In a worker thread of its own the build goes on meanwhile, and the
// points reach the audit's worker still packed (packedSystem.ts packPointList).

import {buildCache, timedProgressLine} from "../io.js";
import {startTask, type Handled} from "../workerPool.js";
import {pointsOf, type PackedPoints} from "./packedSystem.js";
import type {SparsePoint} from "./pool.js";

const WORKER = new URL("./stepCache.worker.ts", import.meta.url);

/** V8's longest string (64 bit): a cache entry read back as one text cannot be longer. */
const LONGEST_TEXT = 2 ** 29 - 24;
/** Points turned into JSON text at a time. */
const POINTS_PER_PART = 1000;

/**
 * The text of a step as the build cache keeps it, in parts to be written one after another: `head`
 * (the step without its witnesses) as JSON with the witness points added as its last field, which is
 * what JSON.stringify gives for the whole step. Without the points when the text would be longer than
 * a string can be: withholding.ts stepCacheText's rule, so that a later build can read it.
 */
export function stepCacheParts(head: object, witnesses: Iterable<SparsePoint>): {parts: string[]; witnessesLeftOut: boolean} {
  const withoutPoints = () => ({parts: [JSON.stringify({...head, witnesses: []})], witnessesLeftOut: true});
  const open = JSON.stringify(head);
  const parts = [`${open.slice(0, -1)}${open === "{}" ? "" : ","}"witnesses":[`];
  let length = parts[0].length + 2;
  let chunk: SparsePoint[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const text = JSON.stringify(chunk).slice(1, -1);
    parts.push(parts.length > 1 ? `,${text}` : text);
    length += text.length + 1;
    chunk = [];
  };
  for (const point of witnesses) {
    chunk.push(point);
    if (chunk.length === POINTS_PER_PART) flush();
    // Given up as soon as it is too long, not after the rest is turned into text.
    if (length > LONGEST_TEXT) return withoutPoints();
  }
  flush();
  if (length > LONGEST_TEXT) return withoutPoints();
  parts.push("]}");
  return {parts, witnessesLeftOut: false};
}

interface StepCacheInput {
  kind: string;
  key: string;
  head: object;
  witnesses: PackedPoints;
  /** The step's number, for the progress line. */
  step: number;
}

/**
 * Writes the step to the build cache entry `kind`/`key` in a worker thread. The points are copied
 * to it, not moved: the build's thread hands them on to the audit. Resolves once the entry is
 * written (a write is a rename, so a build stopped before then leaves no entry); says whether the
 * points had to be left out.
 */
export function writeStepInWorker(kind: string, key: string, head: object, witnesses: PackedPoints, step: number): Promise<{witnessesLeftOut: boolean}> {
  return startTask<StepCacheInput, {witnessesLeftOut: boolean}>(WORKER, {kind, key, head, witnesses, step}).done();
}

/** In the worker: the step's text in parts, written as one entry. */
export function stepCacheTask({kind, key, head, witnesses, step}: StepCacheInput): Handled<{witnessesLeftOut: boolean}> {
  const lap = timedProgressLine();
  const {parts, witnessesLeftOut} = stepCacheParts(head, pointsOf(witnesses));
  buildCache(kind, key).writeParts(parts);
  lap?.(`stap ${step}: patroon in de bouwcache geschreven, in een werkdraad`);
  return {output: {witnessesLeftOut}};
}
