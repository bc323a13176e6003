// npm run dev [-- --port 3000 …]: Framework's preview plus touch-loaders beside it, so loaders re-run
// when shared code in loaders/ or data/ changes. Extra arguments go to `observable preview`.
import {spawn} from "node:child_process";
import {copyFileSync, mkdirSync} from "node:fs";
import path from "node:path";
import {DEV_FONT_DIR, FACES, baseName, shippedFile} from "./fonts.mjs";

// The preview serves files below src/, not node_modules: the fonts are copied there (gitignored) and
// observablehq.config.ts adds their @font-face rules when NADERE_OGEN_DEV_FONTS is set.
mkdirSync(DEV_FONT_DIR, {recursive: true});
for (const face of FACES) copyFileSync(shippedFile(face.file), path.join(DEV_FONT_DIR, baseName(face)));

// NADERE_OGEN_PREVIEW: no postbuild here, so the pages keep their large blocks (scripts/largeBlocks.mjs).
const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", NADERE_OGEN_DEV_FONTS: "1", NADERE_OGEN_PREVIEW: "1"};
const children = [
  spawn(process.execPath, ["scripts/touch-loaders.mjs"], {stdio: "inherit", env}),
  spawn("observable", ["preview", "--no-open", ...process.argv.slice(2)], {stdio: "inherit", env})
];
const stop = (code = 0) => {
  for (const child of children) child.kill();
  process.exit(code);
};
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
