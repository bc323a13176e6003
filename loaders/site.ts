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

/**
 * What a page needs of the input itself beside the report: the municipality's name and which optional
 * parts the data supply. Small, so the build cache keeps it per input (pipeline.ts): a page loader
 * then need not read and validate a country's input again.
 */
export interface InputFacts {
  municipality: string;
  parts: ReturnType<typeof dataParts>;
}

export function inputFacts(dataset: Dataset): InputFacts {
  return {municipality: dataset.settings.municipality, parts: dataParts(dataset)};
}

/** The page context of an input: its content folder and flags. */
export function pageContext(facts: InputFacts, env: NodeJS.ProcessEnv = process.env): PageContext & {municipality: string} {
  const content = contentFromEnvironment(env);
  return {content, flags: pageFlags(content, facts.parts), municipality: facts.municipality};
}

/** Throws InputErrors when the folder breaks the contract; run it inside exitOnInputError. */
export function pageContextFromEnvironment(env: NodeJS.ProcessEnv = process.env): PageContext & {municipality: string} {
  return pageContext(inputFacts(loadFromEnvironment({env, log: () => {}}).dataset), env);
}
