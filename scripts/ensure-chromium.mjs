// Runs before `npm test`: the browser tests need Debian's Chromium (playwright-core never downloads
// a browser here) and the PDF test reads its output with poppler's pdfinfo and pdftotext. On a fresh
// machine, as root, install what is missing; otherwise explain what is missing.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

/** Debian package per program the tests call. */
const NEEDED = [
  {program: "/usr/bin/chromium", pkg: "chromium"},
  {program: "/usr/bin/pdftotext", pkg: "poppler-utils"},
  {program: "/usr/bin/pdfinfo", pkg: "poppler-utils"}
];

const missing = [...new Set(NEEDED.filter(({program}) => !existsSync(program)).map(({pkg}) => pkg))];
if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(`Ontbreekt: ${missing.join(", ")}. Installeer met: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  console.error(`Ontbreekt: ${missing.join(", ")}; installeren met apt-get (eenmalig)…`);
  const env = {...process.env, DEBIAN_FRONTEND: "noninteractive"};
  execFileSync("apt-get", ["update"], {stdio: "inherit", env});
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], {stdio: "inherit", env});
}
