// What a page of an invented municipality's site may not say (tests/browser/gemeenten.test.ts): the
// rules on its rendered text, apart from the browser, so they can be read and tried on their own.
import {readFileSync} from "node:fs";
import path from "node:path";
import {FIXTURE_MUNICIPALITIES, type FixtureMunicipality} from "../fixtures/municipalities.js";

const projectDir = path.resolve(import.meta.dirname, "../..");

const csvNames = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(";")[1]);
const DEFAULT_SCHOOLS = csvNames(path.join(projectDir, "data/default/scholen.csv"));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const word = (text: string) => new RegExp(`(?<![\\p{L}\\d])${escape(text)}(?![\\p{L}\\d])`, "u");

/** Phrases that only a study with interviews can say, whatever the data. */
const INTERVIEW_CLAIMS = [/interview/i, /dorpsteam/i, /intern begeleider/i, /\bIB'?ers?\b/];
/** A sentence with a value missing: the number was absent, hidden badly, or never computed. */
const EMPTY_SLOTS = [
  /\bNaN\b/,
  /\bundefined\b/,
  /\bnull\b/,
  /\[object Object\]/,
  /\bIn (begon|liep|kreeg|was|had)\b/,
  /\b(begon|liep|was|had|kreeg) van de\b/,
  /\(\s*\)/,
  / [.,;](?=\s|$)/m,
  /\b(van|tot) (van|tot)\b/
];

export interface Finding {
  page: string;
  problem: string;
}

export function check(m: FixtureMunicipality, page: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (problem: string) => findings.push({page, problem});
  const others = FIXTURE_MUNICIPALITIES.filter((o) => o !== m);
  for (const name of ["Heuvelrug", ...others.map((o) => o.municipality)]) if (word(name).test(text)) add(`names ${name}`);
  for (const name of [...DEFAULT_SCHOOLS, ...others.flatMap((o) => o.schools)]) if (word(name).test(text)) add(`names another municipality's school ${name}`);
  const allowed = new Set([...m.years, Number(m.statusDate.slice(0, 4))]);
  // A source cited with its year ("Spiegelhalter, 2005") is no statement about the data.
  const uncited = text.replace(/\(\p{Lu}\p{Ll}+(?: (?:en|&) \p{Lu}\p{Ll}+| e\.a\.)?, (19|20)\d\d[a-z]?\)/gu, "");
  for (const year of new Set(uncited.match(/(?<![\d.,])(19[5-9]\d|20[0-4]\d)(?![\d.,]\d)/g) ?? [])) {
    if (!allowed.has(Number(year))) add(`mentions ${year}, a year without data (${[...allowed].join(", ")})`);
  }
  for (const claim of INTERVIEW_CLAIMS) if (claim.test(text)) add(`claims interviews: ${claim}`);
  for (const slot of EMPTY_SLOTS) {
    const match = slot.exec(text);
    if (match) add(`empty slot ${slot}: …${text.slice(Math.max(0, match.index - 60), match.index + 40).replace(/\s+/g, " ")}…`);
  }
  // The follow-up window (statusRuleMonths, zorgpadMonths) is a setting; its words must follow it.
  if (m.windowMonths !== 6 && /binnen (een half jaar|6 maanden|zes maanden)/.test(text)) add("speaks of a six-month window");
  return findings;
}

