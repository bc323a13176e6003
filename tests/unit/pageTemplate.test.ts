// The page templates of the build-time pages (scripts/pageTemplate.ts): text escaped, blocks kept as one
// HTML block, conditional sections, and a build that stops on a mark without a value or a value
// without a mark.
import {describe, expect, test} from "vitest";
import {fillTemplate, markdownText} from "../../scripts/pageTemplate.js";

describe("fillTemplate", () => {
  test("text is escaped, a block loses its empty lines and ${", () => {
    const page = fillTemplate("In {{year}}: {{school}}.\n\n<!-- figuur: chart -->\n", {text: {year: 2023, school: "De <Ster> & *Maan*"}, blocks: {chart: "<figure>\n\n<p>${x}</p></figure>"}}, "t.md.in");
    expect(page).toBe("In 2023: De &lt;Ster&gt; &amp; \\*Maan\\*.\n\n<figure>\n<p>&#36;{x}</p></figure>\n");
  });

  test("a section stays only when its condition holds, and its marks count as placed either way", () => {
    const template = "A\n<!-- als: extra -->\nB {{n}}\n<!-- tabel: t -->\n<!-- einde -->\nC\n";
    const parts = {text: {n: 1}, blocks: {t: "<table></table>"}};
    expect(fillTemplate(template, {...parts, conditions: {extra: true}}, "t")).toBe("A\nB 1\n<table></table>\nC\n");
    expect(fillTemplate(template, {...parts, conditions: {extra: false}}, "t")).toBe("A\nC\n");
  });

  test("a mark without a value or a value without a mark stops the build", () => {
    expect(() => fillTemplate("{{a}}", {text: {}, blocks: {}}, "t.md.in")).toThrow('t.md.in: onbekende tekst "a"');
    expect(() => fillTemplate("x", {text: {a: "1"}, blocks: {}}, "t.md.in")).toThrow("t.md.in: waarden zonder plaats: a");
    expect(() => fillTemplate("<!-- als: b -->\nx\n<!-- einde -->\n", {text: {}, blocks: {}}, "t.md.in")).toThrow('onbekende voorwaarde "b"');
  });
});

test("markdownText leaves letters alone and neutralises Markdown, HTML and Framework's ${", () => {
  expect(markdownText("Sint-Jan [2] _x_ `c` $5 \\")).toBe("Sint-Jan \\[2\\] \\_x\\_ \\`c\\` &#36;5 \\\\");
});
