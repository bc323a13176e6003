// The one template engine of the site's Markdown pages (src/**/*.md.in and the content folder's chapters):
// pure string work, so it can be tested without a build. The marks:
// - <!-- inhoud: naam -->neutral text<!-- /inhoud -->: the content folder's passage tekst/naam.md when it
//   has one, else the neutral text, which states nothing the data do not. A passage may use every mark
//   below, so a study's own sentences get their numbers at build time too;
// - <!-- als: a !b -->…<!-- /als -->: kept only when every condition holds (`!b`: when b does not). A
//   condition is a flag of the site (what the data and the content folder have, loaders/content.ts
//   FLAGS) or one the page loader computes from the data (PageParts.conditions). Not nested;
// - {{name}}: plain text in a sentence, escaped here so that a school name cannot become Markdown or
//   HTML; {{titel}}, {{jaar}} and {{opdrachtgever}} are the study's identity (only with the flag inhoud);
// - a line <!-- figuur: name --> or <!-- tabel: name -->: HTML from a component (staticFigure, outerHTML).
//   A block may take the rest of the line as its argument (<!-- tabel: oordelen 4.1 Analyse 4.1 -->),
//   when the loader offers it as a function: a chapter then chooses a table's rows and caption.
// A mark without a value, a value without a mark, or an unknown condition stops the build with a Dutch
// message naming the template: a page never ships with a hole.
import {FLAGS, type PageContext} from "../loaders/content.js";
import {escapeMarkdownHtml} from "../src/lib/html.js";

/** What a loader puts in its template: text for {{name}}, HTML for the block marks, and the data
 *  conditions of its <!-- als --> blocks. `passageText` is text that a content folder's passage may use
 *  and the template need not (a study's own comparisons); every other value must have its place. */
export interface PageParts {
  text?: Record<string, string | number>;
  passageText?: Record<string, string | number>;
  blocks?: Record<string, Block>;
  conditions?: Record<string, boolean>;
}

/** A block's HTML, or a function of the mark's argument (the rest of its line) that makes it. */
export type Block = string | ((argument: string) => string);

/** What the build has beyond the page's own values: the site's flags and the content folder's passages
 *  and identity (loaders/content.ts). */
export interface TemplateSite {
  flags: ReadonlySet<string>;
  passages: ReadonlyMap<string, string>;
  identity: {title: string; year: number; municipality: string} | null;
}

export const NO_SITE: TemplateSite = {flags: new Set(), passages: new Map(), identity: null};

export const templateSite = ({content, flags}: PageContext): TemplateSite => ({flags, passages: content.passages, identity: content.identity});

/** Markup that Markdown keeps as one HTML block: Markdown would end it at an empty line, and Framework
 *  reads ${…} as an expression. */
export const block = (markup: string) => markup.replace(/\n\s*\n/g, "\n").replaceAll("${", "&#36;{");

/** Plain text as Markdown that shows exactly that text. */
export function markdownText(text: string): string {
  return escapeMarkdownHtml(text).replace(/[\\`*_[\]]/g, "\\$&");
}

const PASSAGE = /<!-- inhoud: ([a-z0-9-]+) -->([\s\S]*?)<!-- \/inhoud -->/g;
const CONDITION = /<!-- als: (!?[a-z0-9-]+(?: !?[a-z0-9-]+)*) -->([\s\S]*?)<!-- \/als -->(\n?)/g;
// An opening tag alone on its line takes its line break along (the closing tag's is handled below).
const OPENING_LINE = /^(<!-- als: [!a-z0-9 -]+ -->)\n/gm;
const TEXT = /\{\{(\w+)\}\}/g;
const BLOCK = /^<!-- (?:figuur|tabel): (\w+)(?: (.+?))? -->$/gm;
const IDENTITY: Record<string, (identity: NonNullable<TemplateSite["identity"]>) => string> = {
  titel: (identity) => identity.title,
  jaar: (identity) => String(identity.year),
  opdrachtgever: (identity) => identity.municipality
};

/** The names of the values a template asks for ({{name}} and block marks, also inside <!-- als -->
 *  blocks): a loader that offers more than one template uses (a content folder's chapters) passes only
 *  these, so a value without a place still stops the build everywhere else. */
export function marksIn(template: string): Set<string> {
  return new Set([...[...template.matchAll(TEXT)].map((m) => m[1]), ...[...template.matchAll(BLOCK)].map((m) => m[1])]);
}

/** The template with every mark filled in; `name` is the template's file name for the messages. */
export function fillTemplate(template: string, parts: PageParts, name: string, site: TemplateSite = NO_SITE): string {
  const {text = {}, passageText = {}, blocks = {}, conditions = {}} = parts;
  const fail = (message: string) => new Error(`${name}: ${message}`);
  for (const key of Object.keys(conditions)) {
    if ((FLAGS as readonly string[]).includes(key)) throw fail(`de voorwaarde "${key}" is al een kenmerk van de site; geef haar niet zelf mee`);
  }
  const unused = new Set([...Object.keys(text), ...Object.keys(blocks), ...Object.keys(conditions)]);
  // The values of text left out have their place, just not on this page.
  const placedIn = (section: string) => {
    for (const [, word] of section.matchAll(TEXT)) unused.delete(word);
    for (const [, html] of section.matchAll(BLOCK)) unused.delete(html);
    for (const [, names] of section.matchAll(/<!-- als: ([^>]*?) -->/g)) for (const c of names.split(" ")) unused.delete(c.replace(/^!/, ""));
  };
  const lookup = <T>(values: Record<string, T>, key: string, kind: string): T => {
    if (!Object.hasOwn(values, key)) throw fail(`onbekende ${kind} ${JSON.stringify(key)}`);
    unused.delete(key);
    return values[key];
  };
  const holds = (condition: string) => {
    const negate = condition.startsWith("!");
    const key = negate ? condition.slice(1) : condition;
    // A page's own condition never bears a flag's name (checked above).
    const value = (FLAGS as readonly string[]).includes(key) ? site.flags.has(key) : lookup(conditions, key, "voorwaarde");
    return negate ? !value : value;
  };

  // A passage takes the place of the neutral text inside the blank lines around it, so a block stays a block.
  const withPassages = template.replace(PASSAGE, (_, passage: string, neutral: string) => {
    const [, before, own, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(neutral) as RegExpExecArray;
    const replacement = site.passages.get(passage);
    if (replacement === undefined) return neutral;
    placedIn(own);
    // The passage's own marks are filled here, where it is known to be a passage (passageText).
    const filled = replacement.trim().replace(TEXT, (mark: string, key: string) => {
      if (Object.hasOwn(text, key)) return mark;
      if (Object.hasOwn(passageText, key)) return markdownText(String(passageText[key]));
      if (Object.hasOwn(IDENTITY, key)) return mark;
      throw fail(`onbekende tekst ${JSON.stringify(key)} in tekst/${passage}.md van de inhoudsmap`);
    });
    return before + filled + after;
  });
  if (/<!-- \/?inhoud\b/.test(withPassages)) throw fail("een <!-- inhoud: … -->-blok is niet gesloten of zit in een ander");
  const conditional = withPassages.replace(OPENING_LINE, "$1").replace(CONDITION, (_, names: string, body: string, newline: string) => {
    const keep = names.split(" ").every(holds);
    if (!keep) placedIn(body);
    // A closing tag on a line of its own goes with its line break; one inside a line leaves it.
    const rest = body.endsWith("\n") ? "" : newline;
    return (keep ? body : "") + rest;
  });
  if (/<!-- \/?als\b|<!-- einde -->/.test(conditional)) throw fail("een <!-- als: … -->-blok is niet gesloten of zit in een ander");
  const page = conditional
    .replace(BLOCK, (_, key: string, argument: string | undefined) => {
      const value = lookup(blocks, key, "figuur of tabel");
      if (typeof value === "string") {
        if (argument !== undefined) throw fail(`de figuur of tabel "${key}" neemt geen argument ("${argument}")`);
        return block(value);
      }
      return block(value(argument ?? ""));
    })
    .replace(TEXT, (_, key: string) => {
      if (Object.hasOwn(IDENTITY, key) && !Object.hasOwn(text, key)) {
        if (!site.identity) throw fail(`{{${key}}} staat buiten een <!-- als: inhoud -->-blok, maar de site heeft geen inhoudsmap`);
        return markdownText(IDENTITY[key](site.identity));
      }
      return markdownText(String(lookup(text, key, "tekst")));
    });
  if (unused.size > 0) throw fail(`waarden zonder plaats: ${[...unused].join(", ")}`);
  return page;
}
