// The page templates of scripts/staticPage.ts, filled in: pure string work, so it can be tested without a
// build. The marks:
// - {{name}}: plain text in a sentence; escaped here, so a school name cannot become Markdown or HTML;
// - a line <!-- figuur: name --> or <!-- tabel: name -->: HTML from a component (staticFigure, outerHTML);
// - lines <!-- als: name --> … <!-- einde -->: Markdown kept only when the condition holds, for text that
//   is true of some data only (the 2020 report's remarks on its own figures).
// A mark without a value, or a value without a mark, stops the build: a page never ships with a hole.

/** What a loader puts in its template: text for {{name}}, HTML for the block marks, and whether each
 *  conditional section stays. */
export interface PageParts {
  text: Record<string, string | number>;
  blocks: Record<string, string>;
  conditions?: Record<string, boolean>;
}

/** Markup that Markdown keeps as one HTML block: Markdown would end it at an empty line, and Framework
 *  reads ${…} as an expression. */
export const block = (markup: string) => markup.replace(/\n\s*\n/g, "\n").replaceAll("${", "&#36;{");

const MARKDOWN_SPECIAL: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", $: "&#36;"};

/** Plain text as Markdown that shows exactly that text. */
export function markdownText(text: string): string {
  return text.replace(/[&<>$]/g, (char) => MARKDOWN_SPECIAL[char]).replace(/[\\`*_[\]]/g, "\\$&");
}

/** The template with every mark filled in; `name` is the template's file name for the messages. */
export function fillTemplate(template: string, {text, blocks, conditions = {}}: PageParts, name: string): string {
  const unused = new Set([...Object.keys(text), ...Object.keys(blocks), ...Object.keys(conditions)]);
  const lookup = <T>(values: Record<string, T>, key: string, kind: string): T => {
    if (!Object.hasOwn(values, key)) throw new Error(`${name}: onbekende ${kind} ${JSON.stringify(key)}`);
    unused.delete(key);
    return values[key];
  };
  const page = template
    .replace(/^<!-- als: (\w+) -->\n([\s\S]*?)^<!-- einde -->\n/gm, (_, key: string, section: string) => {
      if (lookup(conditions, key, "voorwaarde")) return section;
      // The values of a section left out have their place, just not on this page.
      for (const [, word, html] of section.matchAll(/\{\{(\w+)\}\}|^<!-- (?:figuur|tabel): (\w+) -->$/gm)) unused.delete(word ?? html);
      return "";
    })
    .replace(/^<!-- (?:figuur|tabel): (\w+) -->$/gm, (_, key: string) => block(lookup(blocks, key, "figuur of tabel")))
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => markdownText(String(lookup(text, key, "tekst"))));
  if (unused.size > 0) throw new Error(`${name}: waarden zonder plaats: ${[...unused].join(", ")}`);
  return page;
}

