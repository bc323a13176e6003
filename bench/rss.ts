// Peak resident memory of the current process, per step: Linux lets a process reset its RSS
// high-water mark through /proc/self/clear_refs, so each measured step gets its own peak.

import {readFileSync, writeFileSync} from "node:fs";

export function resetPeak(): void {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not Linux, or not permitted: VmHWM / maxRSS then only grows, which overstates later steps
    // but never understates them.
  }
}

/** The high-water mark since the last resetPeak, in MB (2^20 bytes). */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // Fall through to the portable (never reset) figure.
  }
  return process.resourceUsage().maxRSS / 1024;
}
