// One way to serve a built site for Chromium (tests, npm run pdf, bench:explorer): serve-dist.mjs on
// a free port of 127.0.0.1, resolved once it prints its address.
import {type ChildProcess, spawn} from "node:child_process";
import path from "node:path";

const projectDir = path.resolve(import.meta.dirname, "..");

export interface ServedSite {
  server: ChildProcess;
  /** e.g. "http://127.0.0.1:41234/" */
  baseUrl: string;
}

/** `gzip`: compress as a static host would, so transfer sizes are what a reader gets. */
export function serveDist(distDir: string, {gzip = false}: {gzip?: boolean} = {}): Promise<ServedSite> {
  const args = [path.join(projectDir, "scripts/serve-dist.mjs"), "--dir", distDir, "--port", "0", ...(gzip ? ["--gzip"] : [])];
  const server = spawn(process.execPath, args, {cwd: projectDir, stdio: ["ignore", "pipe", "inherit"]});
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("serve-dist gaf binnen 10 s geen adres")), 10_000);
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) clearTimeout(timeout), resolve({server, baseUrl: url});
    });
    server.on("exit", (code) => reject(new Error(`serve-dist stopte (exitcode ${code}): ${output}`)));
  });
}
