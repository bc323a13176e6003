// The audit of a large release (audit.ts auditSystem) in a worker thread. In the build's heap, which
// holds the whole release, a country's audit took 134 s beside the pages (national build 17) and
// 85–108 s alone, against 39 s in a process of its own (bench/README.md): its garbage is collected
// there in a heap of gigabytes. The worker gets the system and the witness points packed
// (packedSystem.ts) and runs the same audit on them, so the verdict is the one this thread would reach.

import {timedProgressLine} from "../io.js";
import {startTask, type Handled} from "../workerPool.js";
import {auditSystem, type AuditOptions, type AuditResult} from "./audit.js";
import type {DisclosureSystem} from "./model.js";
import {packLevel, packPointList, packSystem, pointsOf, unpackLevel, unpackSystem, type PackedLevel, type PackedPoints, type PackedSystem} from "./packedSystem.js";

const WORKER = new URL("./audit.worker.ts", import.meta.url);

interface AuditInput {
  system: PackedSystem;
  options: Omit<AuditOptions, "witnesses" | "blocks">;
  witnesses: PackedPoints;
  blocks: PackedLevel | null;
}

/** The audit started in a worker thread; the caller's thread goes on until it awaits the result. */
export function auditInWorker(system: DisclosureSystem, {witnesses = [], blocks, ...options}: AuditOptions): Promise<AuditResult> {
  const lap = timedProgressLine();
  const packed = packSystem(system);
  const points = packPointList(witnesses);
  const level = blocks ? packLevel(blocks) : null;
  const transfer = [...packed.transfer, ...points.transfer, ...(level ? ([level.start.buffer, level.part.buffer] as ArrayBuffer[]) : [])];
  lap?.(`controle: stelsel en ${witnesses.length} getuigenpunten ingepakt voor een werkdraad`);
  return startTask<AuditInput, AuditResult>(WORKER, {system: packed.packed, options, witnesses: points.packed, blocks: level}, transfer).done();
}

/** In the worker: the audit of the unpacked system, the witness points read one at a time. */
export async function auditTask({system, options, witnesses, blocks}: AuditInput): Promise<Handled<AuditResult>> {
  const unpacked = unpackSystem(system);
  return {output: await auditSystem(unpacked, {...options, witnesses: pointsOf(witnesses), blocks: blocks ? unpackLevel(blocks) : undefined})};
}
