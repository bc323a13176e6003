// Runs before `npm test`: the browser tests need Debian's Chromium (playwright-core never downloads
// a browser here). On a fresh machine, as root, install it; otherwise explain what is missing.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium ontbreekt (${CHROMIUM}). Installeer het met: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.error("Chromium ontbreekt; installeren met apt-get (eenmalig)…");
  const env = {...process.env, DEBIAN_FRONTEND: "noninteractive"};
  execFileSync("apt-get", ["update"], {stdio: "inherit", env});
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {stdio: "inherit", env});
}
