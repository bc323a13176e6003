// Peak resident memory of the current process, per step: Linux lets a process reset its RSS
// high-water mark through /proc/self/clear_refs, so each measured step gets its own peak. And the
// resident memory of a process with its children (a build, or the contract's DuckDB process).

import {readdirSync, readFileSync, writeFileSync} from "node:fs";

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

/** Resident set size in bytes of a process and all its descendants, from /proc (Linux). */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may contain spaces) start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
