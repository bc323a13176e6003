// Page loader for /data-analyse/factoren (factoren.md.in): parameterized, so that Framework builds it
// only when observablehq.config.ts lists it, that is when scholen.csv has the factor columns.
import {parseArgs} from "node:util";
import {printTemplatePage} from "../../scripts/templatePage.js";

const {values: args} = parseArgs({options: {analyse: {type: "string"}}});
if (args.analyse !== "factoren") throw new Error(`Geen analyse "${args.analyse}"; alleen /data-analyse/factoren bestaat.`);
await printTemplatePage(new URL("./factoren.md.in", import.meta.url));
