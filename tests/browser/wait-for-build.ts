// Setup file of every browser test file: waits until global-setup.ts's background build has finished
// and dist/ is served (or the build failed), so a file's top level may already read the built site.
import {existsSync} from "node:fs";
import {setTimeout as sleep} from "node:timers/promises";
import {inject} from "vitest";

const {statusFile} = inject("offlineBuild");
// The cold build solves nothing itself (global-setup.ts solved the disclosure step) but still
// computes the report and renders every factsheet: minutes on a busy machine.
const deadline = Date.now() + 20 * 60_000;
while (!existsSync(statusFile)) {
  if (Date.now() > deadline) throw new Error(`the offline build did not finish within 20 minutes; see ${inject("offlineBuild").logFile}`);
  await sleep(500);
}
