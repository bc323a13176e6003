// npm run dev [-- --port 3000 …]: Framework's preview plus touch-loaders beside it, so loaders re-run
// when shared code in loaders/ or data/ changes. Extra arguments go to `observable preview`.
import {spawn} from "node:child_process";

const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"};
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
