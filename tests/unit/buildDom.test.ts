// The build-time DOM (scripts/buildDom.ts, linkedom) against jsdom, the reference it replaced for speed:
// the parts of the HTML standard it adds, and every factsheet of the default data drawn in both and
// compared as a browser reads the HTML (parse5: attribute order, entities and a style attribute's
// spacing do not count; every element, attribute value and text does).
import {parseFragment} from "parse5";
import {describe, expect, test} from "vitest";
import {svgFileText} from "../../scripts/buildDom.js";
import {factsheetBody, factsheetContext, type Report, type Sheet} from "../../scripts/factsheet-pages.js";
import {pageReportFromEnvironment} from "../../loaders/pipeline.js";
import {schoolSlugs} from "../../src/lib/slug.js";

// jsdom ships no types; this is the one constructor used.
const {JSDOM} = (await import("jsdom" as string)) as {
  JSDOM: new (html: string, options?: {contentType?: string}) => {window: Window & typeof globalThis};
};

type Node5 = {nodeName: string; value?: string; data?: string; attrs?: {name: string; value: string}[]; childNodes?: Node5[]; content?: Node5};

const normalStyle = (style: string) =>
  style
    .split(";")
    .map((declaration) => declaration.trim().replace(/\s*:\s*/, ":"))
    .filter(Boolean)
    .join(";");

/**
 * The HTML as a tree a browser builds from it, in a form that compares equal when the trees do. Plot
 * numbers its clip paths across a process (plot-clip-1, -2, …): they are numbered again from the
 * first one in each HTML, so that a reference still has to match its own clip path.
 */
function readAs(html: string): unknown {
  const clips = new Map<string, string>();
  const renumber = (value: string) => value.replace(/plot-clip-\d+/g, (id) => clips.get(id) ?? (clips.set(id, `plot-clip-#${clips.size}`), clips.get(id)!));
  const walk = (node: Node5): unknown => {
    if (node.nodeName === "#text") return node.value;
    if (node.nodeName === "#comment") return {comment: node.data};
    const attrs = (node.attrs ?? []).map(({name, value}) => [name, renumber(name === "style" ? normalStyle(value) : value)]).sort(([a], [b]) => (a < b ? -1 : 1));
    return {tag: node.nodeName, attrs, children: (node.content ?? node).childNodes?.map(walk) ?? []};
  };
  return walk(parseFragment(html) as unknown as Node5);
}

/** Runs `draw` with jsdom's window and document as the globals, then puts the build's back. */
function inJsdom<T>(draw: () => T): T {
  const saved = {window: globalThis.window, document: globalThis.document};
  const {window} = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, {window, document: window.document});
  try {
    return draw();
  } finally {
    Object.assign(globalThis, saved);
  }
}

describe("the build-time DOM", () => {
  test("a table built with the standard's table methods and reflected cell properties", () => {
    const draw = () => {
      const table = document.createElement("table");
      const body = table.createTBody();
      body.insertRow().insertCell().textContent = "1";
      table.createTFoot().insertRow().insertCell().textContent = "samen";
      const th = document.createElement("th");
      Object.assign(th, {scope: "col", colSpan: 2, textContent: "kop"});
      table.createTHead().insertRow().append(th);
      table.createCaption().textContent = "bijschrift";
      // Asked again: the same caption and head, no second one.
      table.createCaption();
      table.createTHead();
      const cell = table.querySelector("td")!;
      cell.rowSpan = 3;
      return {html: table.outerHTML, colSpan: th.colSpan, scope: th.scope, rowSpan: cell.rowSpan};
    };
    const built = draw();
    // By hand: caption first, then the head, the body and the foot, whatever order they were made in.
    expect(readAs(built.html)).toEqual(
      readAs('<table><caption>bijschrift</caption><thead><tr><th colspan="2" scope="col">kop</th></tr></thead><tbody><tr><td rowspan="3">1</td></tr></tbody><tfoot><tr><td>samen</td></tr></tfoot></table>')
    );
    expect([built.colSpan, built.scope, built.rowSpan]).toEqual([2, "col", 3]);
    expect(readAs(inJsdom(draw).html)).toEqual(readAs(built.html));
  });

  test("an SVG file declares its namespace, so that an <img> draws it", () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg") as SVGSVGElement;
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    text.textContent = 'a < b & "c"';
    svg.append(text);
    expect(svg).toBeInstanceOf(window.SVGSVGElement);
    const file = svgFileText(svg);
    // jsdom's XML parser throws on a file that is not well-formed XML.
    const parsed = new JSDOM(file, {contentType: "image/svg+xml"}).window.document.documentElement;
    expect(parsed.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(parsed.textContent).toBe('a < b & "c"');
    // The element on the page keeps no namespace attribute of the file's.
    expect(svg.hasAttribute("xmlns")).toBe(false);
  });

  test("every factsheet of the default data: the same HTML as jsdom draws", async () => {
    const report = (await pageReportFromEnvironment({log: () => {}})).report as Report;
    const slugs = schoolSlugs(report.factsheets);
    const sheets = report.factsheets as unknown as Sheet[];
    const context = factsheetContext(report);
    const jsdomContext = inJsdom(() => factsheetContext(report));
    expect(context.funnel && readAs(context.funnel.svg)).toEqual(jsdomContext.funnel && readAs(jsdomContext.funnel.svg));
    expect(sheets.length).toBe(22);
    for (const sheet of sheets) {
      const slug = slugs.get(sheet.schoolId)!;
      const built = factsheetBody(context, sheet, slug);
      expect(readAs(built), sheet.name).toEqual(readAs(inJsdom(() => factsheetBody(jsdomContext, sheet, slug))));
    }
  }, 120_000);
});
