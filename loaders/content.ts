// The report's own content, apart from the engine: a folder `inhoud/` beside the data holds what a
// municipality's study wrote itself — its identity (title, year, who commissioned it), the interview
// chapters, passages for the engine's pages, and the figures it published. The default data ship the
// 2020 report "Met nadere ogen" this way; a municipality without the folder gets a complete report of
// its data and no sentence about a study it did not do. Pure: io.ts reads the folder.

import {InputErrors} from "./errors.js";
import {faviconOfContent, fontTokensOfContent, themeOfContent, type FontToken, type Theme} from "./huisstijl.js";
import {readErrata, readFactorVerdicts, type Erratum, type FactorVerdict} from "./published.js";

export const CONTENT_FOLDER = "inhoud";
export const PUBLISHED_FOLDER = "gepubliceerd";
const IDENTITY_FILE = "rapport.json";

/** The chapters a content folder may supply (paginas/<key>.md), in the site's reading order. */
export const CHAPTERS = [
  {key: "in-de-school", name: "In de school"},
  {key: "rondom-de-school", name: "Rondom de school"},
  {key: "conclusies", name: "Conclusies"},
  {key: "aanbevelingen", name: "Aanbevelingen"}
] as const;
export type ChapterKey = (typeof CHAPTERS)[number]["key"];

export interface ReportIdentity {
  /** The study's title, e.g. "Met nadere ogen". */
  title: string;
  /** The year the study was done. */
  year: number;
  /** The municipality that commissioned it. */
  municipality: string;
  /** One sentence for search engines and link previews. */
  description: string;
}

export interface ReportContent {
  identity: ReportIdentity | null;
  /** Chapter Markdown by key (paginas/<key>.md). */
  chapters: Map<ChapterKey, string>;
  /** Passages that replace an engine page's neutral text (tekst/<name>.md). */
  passages: Map<string, string>;
  factorVerdicts: FactorVerdict[];
  errata: Erratum[];
  /** The municipality's house style (huisstijl.json or huisstijl/, NL Design System tokens); null = the default theme. */
  theme: Theme | null;
  /** Its dark variant (huisstijl-donker.json or huisstijl/dist/dark/tokens.json); null = the site's dark theme. */
  darkTheme: Theme | null;
  /** Font tokens in those files, which the site does not use (the build says so: fontNotice). */
  fontTokens: FontToken[];
  /** favicon.svg, .png or .ico as a data: URI; null = the site's own. */
  favicon: string | null;
}

export const NO_CONTENT: ReportContent = {
  identity: null,
  chapters: new Map(),
  passages: new Map(),
  factorVerdicts: [],
  errata: [],
  theme: null,
  darkTheme: null,
  fontTokens: [],
  favicon: null
};

function contentError(file: string, message: string): InputErrors {
  return new InputErrors([{file: `${CONTENT_FOLDER}/${file}`, line: null, column: null, value: null, message}]);
}

function parseIdentity(text: string): ReportIdentity {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    throw contentError(IDENTITY_FILE, "is geen geldige JSON");
  }
  const text_ = (key: string) => {
    const value = raw[key];
    if (typeof value !== "string" || value.trim() === "") throw contentError(IDENTITY_FILE, `mist het veld "${key}" (tekst)`);
    return value.trim();
  };
  const year = raw.jaar;
  if (!Number.isInteger(year)) throw contentError(IDENTITY_FILE, `mist het veld "jaar" (een jaartal, bv. 2020)`);
  return {title: text_("titel"), year: year as number, municipality: text_("gemeente"), description: text_("beschrijving")};
}

/** The content folder's files (by path relative to it) as the engine uses them; null = no folder. `favicons`: its favicon files (io.ts). */
export function parseContent(files: Map<string, string> | null, favicons: readonly {name: string; bytes: Uint8Array}[] = []): ReportContent {
  if (files === null) return NO_CONTENT;
  const identityText = files.get(IDENTITY_FILE);
  const chapters = new Map<ChapterKey, string>();
  for (const {key} of CHAPTERS) {
    const text = files.get(`paginas/${key}.md`);
    if (text !== undefined) chapters.set(key, text);
  }
  const passages = new Map<string, string>();
  for (const [name, text] of files) {
    const match = /^tekst\/([a-z0-9-]+)\.md$/.exec(name);
    if (match) passages.set(match[1], text.trim());
  }
  const published = (name: string) => files.get(`${PUBLISHED_FOLDER}/${name}`);
  const verdicts = published("factoroordelen.csv");
  const errata = published("errata.csv");
  return {
    identity: identityText === undefined ? null : parseIdentity(identityText),
    chapters,
    passages,
    factorVerdicts: verdicts === undefined ? [] : readFactorVerdicts(verdicts),
    errata: errata === undefined ? [] : readErrata(errata),
    theme: themeOfContent(files),
    darkTheme: themeOfContent(files, "dark"),
    fontTokens: fontTokensOfContent(files),
    favicon: faviconOfContent(favicons)
  };
}

/**
 * What a page may depend on. `flags` name what the build has: "inhoud" (a study's identity),
 * each chapter key, "factoren" (scholen.csv has ses_wijk and sot_trajecten), "interviews"
 * (deelname_interview), "oordelen" (the study's factor verdicts), "errata", "synthetisch".
 */
export interface PageContext {
  content: ReportContent;
  flags: Set<string>;
}

/** Every flag a page template may name (scripts/pageTemplate.ts); any other condition is the page's own. */
export const FLAGS = ["inhoud", ...CHAPTERS.map((c) => c.key), "factoren", "interviews", "oordelen", "errata", "synthetisch"] as const;

export function pageFlags(content: ReportContent, data: {factors: boolean; interviews: boolean; synthetic: boolean}): Set<string> {
  const flags = new Set<string>(content.chapters.keys());
  if (content.identity) flags.add("inhoud");
  if (data.factors) flags.add("factoren");
  if (data.interviews) flags.add("interviews");
  if (content.factorVerdicts.length > 0) flags.add("oordelen");
  if (content.errata.length > 0) flags.add("errata");
  if (data.synthetic) flags.add("synthetisch");
  return flags;
}

/** The site's title: the study's own, or a neutral one naming the municipality. */
export function siteTitle(content: ReportContent, municipality: string): string {
  return content.identity?.title ?? `Jeugdhulp per basisschool in ${municipality}`;
}
