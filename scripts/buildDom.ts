// The DOM the site's components draw into at build time (scripts/staticFigures.ts: the static pages and
// the factsheets): linkedom, a DOM kept in linked lists that serializes by walking them. A country's
// 7 000 factsheets took 143 s of CPU in jsdom (about 60 % of it jsdom's own work, its CSS parser and
// garbage collection: a CPU profile, bench/README.md) and 2,6 times less in linkedom (the same 400
// bodies, tmp benchmark, 7 December). jsdom stays the reference: tests/unit/buildDom.test.ts draws the
// same figures in both and compares the HTML as a browser reads it.
//
// linkedom leaves out a few things of the HTML standard that the components use; they are added here,
// in one place, as the standard defines them:
// - a table's createCaption, createTHead, createTBody, createTFoot, a section's insertRow and a row's
//   insertCell (appending only: the components never pass an index);
// - a table cell's scope, colSpan and rowSpan reflected as attributes (without them linkedom drops
//   them silently: a <th scope="col"> came out as <th>);
// - window.SVGSVGElement, for `instanceof` checks;
// - an SVG as a file of its own needs its namespace declared (svgFileText).
// Its HTML differs from jsdom's only where a browser reads the same: attributes in another order,
// `&#160;` for `&nbsp;`, style attributes as the components wrote them (jsdom's CSS parser rewrote
// them, 0 as 0px and colours as rgb(), and dropped `clip`), and the <style> of Plot's swatch legend
// before the swatches, where `insert("style", "*")` puts it (the default site, 7 December).
import {parseHTML} from "linkedom";

const SVG_NS = "http://www.w3.org/2000/svg";

const {window} = parseHTML("<!doctype html><html><body></body></html>") as unknown as {window: Window & typeof globalThis};
const {document} = window;

type Element_ = Element & {children: HTMLCollection};
const prototypeOf = (tag: string) => Object.getPrototypeOf(document.createElement(tag)) as Record<string, unknown>;
const childNamed = (parent: Element_, name: string) => [...parent.children].find((child) => child.localName === name) ?? null;

Object.assign(prototypeOf("table"), {
  createCaption(this: Element_) {
    return childNamed(this, "caption") ?? this.insertBefore(document.createElement("caption"), this.firstChild);
  },
  createTHead(this: Element_) {
    const after = [...this.children].find((child) => child.localName !== "caption" && child.localName !== "colgroup") ?? null;
    return childNamed(this, "thead") ?? this.insertBefore(document.createElement("thead"), after);
  },
  createTBody(this: Element_) {
    const bodies = [...this.children].filter((child) => child.localName === "tbody");
    const after = bodies.length > 0 ? bodies[bodies.length - 1].nextSibling : childNamed(this, "tfoot");
    return this.insertBefore(document.createElement("tbody"), after);
  },
  createTFoot(this: Element_) {
    return childNamed(this, "tfoot") ?? this.appendChild(document.createElement("tfoot"));
  }
});
function insertRow(this: Element, index?: number) {
  if (index !== undefined && index !== -1) throw new Error("buildDom: insertRow only appends");
  return this.appendChild(document.createElement("tr"));
}
for (const section of ["thead", "tbody", "tfoot"]) prototypeOf(section).insertRow = insertRow;
prototypeOf("tr").insertCell = function insertCell(this: Element, index?: number) {
  if (index !== undefined && index !== -1) throw new Error("buildDom: insertCell only appends");
  return this.appendChild(document.createElement("td"));
};
for (const cell of ["td", "th"]) {
  const prototype = prototypeOf(cell);
  Object.defineProperty(prototype, "scope", {
    configurable: true,
    get(this: Element) {
      return this.getAttribute("scope") ?? "";
    },
    set(this: Element, value: string) {
      this.setAttribute("scope", value);
    }
  });
  for (const [property, attribute] of [
    ["colSpan", "colspan"],
    ["rowSpan", "rowspan"]
  ]) {
    Object.defineProperty(prototype, property, {
      configurable: true,
      get(this: Element) {
        return Number(this.getAttribute(attribute) ?? 1);
      },
      set(this: Element, value: number) {
        this.setAttribute(attribute, String(value));
      }
    });
  }
}
(window as unknown as Record<string, unknown>).SVGSVGElement ??= Object.getPrototypeOf(document.createElementNS(SVG_NS, "svg")).constructor;

// The components create elements through the global document, as in the browser.
Object.assign(globalThis, {window, document});

export {window, document};

/** An SVG element as the text of an .svg file: with its namespace, which an <img> needs to draw it. */
export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", SVG_NS);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${copy.outerHTML}\n`;
}
