// What the page loaders over a template without values of their own share (the content folder's
// chapters, and pages whose numbers are still filled in the browser): the template made concrete for this
// build's content folder and flags (scripts/pageTemplate.ts), on stdout. Contract errors stop the page as
// they stop the data loaders: in Dutch, exit code 1.
import {readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {exitOnInputError} from "../loaders/load.js";
import {pageContextFromEnvironment} from "../loaders/site.js";
import {fillTemplate, templateSite} from "./pageTemplate.js";

export async function printTemplatePage(template: URL | ((context: ReturnType<typeof pageContextFromEnvironment>) => {name: string; text: string})): Promise<void> {
  await exitOnInputError(() => {
    const context = pageContextFromEnvironment();
    const {name, text} =
      typeof template === "function" ? template(context) : {name: path.basename(fileURLToPath(template)), text: readFileSync(template, "utf8")};
    process.stdout.write(fillTemplate(text, {}, name, templateSite(context)));
  });
}
