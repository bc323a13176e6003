#!/usr/bin/env node
// npx nadere-ogen …: the command-line tool is TypeScript (scripts/cli.ts), run through tsx's loader
// like the npm scripts, so that it uses the loaders exactly as the build does.
import {register} from "tsx/esm/api";

register();
const {runCli} = await import("../scripts/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
