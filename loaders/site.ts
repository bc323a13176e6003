// What a page needs to know about the build beyond the report's numbers: the content folder beside
// the data (loaders/content.ts) and which optional parts the data have. One place, for the Framework
// config (navigation, which pages exist) and the page loaders (which text a page shows).
import {pageFlags, parseContent, type PageContext, type ReportContent} from "./content.js";
import {readContentFavicons, readContentFolder, resolveDataDir} from "./io.js";
import {loadFromEnvironment} from "./load.js";
import type {Dataset} from "./model.js";

export function contentFromEnvironment(env: NodeJS.ProcessEnv = process.env): ReportContent {
  return contentOfFolder(resolveDataDir(env));
}

/** The content folder beside the data in `dir`, parsed (throws InputErrors when it cannot be used). */
export function contentOfFolder(dir: string): ReportContent {
  return parseContent(readContentFolder(dir), readContentFavicons(dir));
}

/** Which optional parts of the contract the data supply (scholen.csv's factor and interview columns). */
export function dataParts(dataset: Dataset): {factors: boolean; interviews: boolean; synthetic: boolean} {
  return {
    factors: dataset.schools.some((s) => s.sesNeighbourhood !== null),
    interviews: dataset.schools.some((s) => s.participated !== null),
    synthetic: dataset.settings.syntheticData
  };
}

/** The page context of an input already loaded: its content folder and flags. */
export function pageContext(dataset: Dataset, env: NodeJS.ProcessEnv = process.env): PageContext & {municipality: string} {
  const content = contentFromEnvironment(env);
  return {content, flags: pageFlags(content, dataParts(dataset)), municipality: dataset.settings.municipality};
}

/** Throws InputErrors when the folder breaks the contract; run it inside exitOnInputError. */
export function pageContextFromEnvironment(env: NodeJS.ProcessEnv = process.env): PageContext & {municipality: string} {
  return pageContext(loadFromEnvironment({env, log: () => {}}).dataset, env);
}
