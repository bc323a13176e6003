// What the page loaders over a template share (src/*.md.ts beside their *.md.in): the template made
// concrete for this build's content folder and data (loaders/content.ts renderTemplate), on stdout.
// Contract errors stop the page as they stop the data loaders: in Dutch, exit code 1.
import {readFileSync} from "node:fs";
import {renderTemplate} from "../loaders/content.js";
import {exitOnInputError} from "../loaders/load.js";
import {pageContextFromEnvironment} from "../loaders/site.js";

export async function printTemplatePage(template: URL | ((context: ReturnType<typeof pageContextFromEnvironment>) => string)): Promise<void> {
  await exitOnInputError(() => {
    const context = pageContextFromEnvironment();
    const text = typeof template === "function" ? template(context) : readFileSync(template, "utf8");
    process.stdout.write(renderTemplate(text, context));
  });
}
