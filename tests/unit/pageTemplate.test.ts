// The one page-template engine (scripts/pageTemplate.ts): text escaped, blocks kept as one HTML block,
// <!-- als --> blocks on the site's flags and the page's own data conditions, the content folder's
// passages (with marks of their own), the study's identity, and a build that stops on a mark without a
// value, a value without a mark or an unknown condition. Every expected page is written out by hand.
import {describe, expect, test} from "vitest";
import {fillTemplate, markdownText, marksIn, NO_SITE, type TemplateSite} from "../../scripts/pageTemplate.js";

const study: TemplateSite = {
  flags: new Set(["inhoud", "factoren"]),
  passages: new Map([["vraag", "Eigen vraag over {{n}} scholen."]]),
  identity: {title: "Beter kijken", year: 2031, municipality: "Oostwaarde"}
};

describe("fillTemplate: values", () => {
  test("text is escaped, a block loses its empty lines and ${", () => {
    const page = fillTemplate("In {{year}}: {{school}}.\n\n<!-- figuur: chart -->\n", {text: {year: 2023, school: "De <Ster> & *Maan*"}, blocks: {chart: "<figure>\n\n<p>${x}</p></figure>"}}, "t.md.in");
    expect(page).toBe("In 2023: De &#60;Ster&#62; &#38; \\*Maan\\*.\n\n<figure>\n<p>&#36;{x}</p></figure>\n");
  });

  test("a mark without a value or a value without a mark stops the build, naming the template", () => {
    expect(() => fillTemplate("{{a}}", {}, "t.md.in")).toThrow('t.md.in: onbekende tekst "a"');
    expect(() => fillTemplate("<!-- tabel: t -->", {}, "t.md.in")).toThrow('t.md.in: onbekende figuur of tabel "t"');
    expect(() => fillTemplate("x", {text: {a: "1"}, blocks: {b: "<p></p>"}}, "t.md.in")).toThrow("t.md.in: waarden zonder plaats: a, b");
  });
});

describe("fillTemplate: a block with an argument", () => {
  test("the rest of the mark's line goes to the loader's function; a plain block takes none", () => {
    const oordelen = (argument: string) => `<table><caption>${argument}</caption></table>`;
    expect(fillTemplate("<!-- tabel: oordelen 4.1 Analyse 4.1: verwijzen -->\n", {blocks: {oordelen}}, "t.md")).toBe("<table><caption>4.1 Analyse 4.1: verwijzen</caption></table>\n");
    expect(() => fillTemplate("<!-- tabel: t extra -->", {blocks: {t: "<p></p>"}}, "t.md")).toThrow('t.md: de figuur of tabel "t" neemt geen argument ("extra")');
  });

  test("marksIn names the text and block marks, in <!-- als --> blocks too", () => {
    expect([...marksIn("A {{a}}\n<!-- als: x -->{{b}}<!-- /als -->\n<!-- tabel: t -->\n<!-- figuur: f 2.1 bijschrift -->\n")].sort()).toEqual(["a", "b", "f", "t"]);
  });
});

describe("fillTemplate: <!-- als --> blocks", () => {
  test("a data condition keeps or drops its lines, and its marks count as placed either way", () => {
    const template = "A\n<!-- als: extra -->\nB {{n}}\n<!-- tabel: t -->\n<!-- /als -->\nC\n";
    const parts = {text: {n: 1}, blocks: {t: "<table></table>"}};
    expect(fillTemplate(template, {...parts, conditions: {extra: true}}, "t")).toBe("A\nB 1\n<table></table>\nC\n");
    expect(fillTemplate(template, {...parts, conditions: {extra: false}}, "t")).toBe("A\nC\n");
  });

  test("flags of the site and data conditions combine in one block; ! negates one name", () => {
    const template = "<!-- als: factoren groot -->F<!-- /als -->|<!-- als: !interviews !groot -->G<!-- /als -->|<!-- als: !factoren -->H<!-- /als -->";
    expect(fillTemplate(template, {conditions: {groot: true}}, "t", study)).toBe("F||");
    expect(fillTemplate(template, {conditions: {groot: false}}, "t", study)).toBe("|G|");
    expect(fillTemplate(template, {conditions: {groot: false}}, "t", NO_SITE)).toBe("|G|H");
  });

  test("inside a line a block leaves the line break after it; on its own lines it takes its line breaks along", () => {
    const template = "- A\n<!-- als: factoren -->- F\n<!-- /als --><!-- als: errata -->- E\n<!-- /als -->- G <!-- als: errata -->x<!-- /als -->\nH";
    expect(fillTemplate(template, {}, "t", study)).toBe("- A\n- F\n- G \nH");
  });

  test("an unknown condition, a nested or an unclosed block, or a condition named like a flag stops the build", () => {
    expect(() => fillTemplate("<!-- als: b -->x<!-- /als -->", {}, "t.md.in")).toThrow('t.md.in: onbekende voorwaarde "b"');
    expect(() => fillTemplate("<!-- als: factoren -->x", {}, "t.md.in")).toThrow("t.md.in: een <!-- als: … -->-blok is niet gesloten");
    expect(() => fillTemplate("<!-- als: factoren -->a<!-- als: errata -->b<!-- /als -->c<!-- /als -->", {}, "t.md.in")).toThrow("niet gesloten of zit in een ander");
    expect(() => fillTemplate("<!-- als: inhoud -->x<!-- /als -->", {conditions: {inhoud: true}}, "t.md.in")).toThrow('"inhoud" is al een kenmerk van de site');
  });
});

describe("fillTemplate: the content folder", () => {
  test("a passage replaces the neutral text inside the blank lines around it and fills its own marks", () => {
    const template = "x\n<!-- inhoud: vraag -->\nNeutraal over {{m}}.\n\n<!-- /inhoud -->## Kop";
    // With the passage, {{m}} of the neutral text has its place: not on this page.
    expect(fillTemplate(template, {text: {n: 3, m: "Oostwaarde"}}, "t", study)).toBe("x\n\nEigen vraag over 3 scholen.\n\n## Kop");
    // Without it, {{n}} is a value without a place: the template must use it in the neutral text too.
    expect(() => fillTemplate(template, {text: {n: 3, m: "Oostwaarde"}}, "t", NO_SITE)).toThrow("waarden zonder plaats: n");
    expect(fillTemplate(template, {text: {m: "Oostwaarde"}}, "t", NO_SITE)).toBe("x\n\nNeutraal over Oostwaarde.\n\n## Kop");
  });

  test("passageText is for passages only: the template cannot use it, and it need not be placed", () => {
    const site = {...study, passages: new Map([["p", "Rapport 34%, deze site {{ekg}}."]])};
    const parts = {passageText: {ekg: "33%"}};
    expect(fillTemplate("<!-- inhoud: p -->Neutraal.<!-- /inhoud -->", parts, "t", site)).toBe("Rapport 34%, deze site 33%.");
    expect(fillTemplate("<!-- inhoud: p -->Neutraal.<!-- /inhoud -->", parts, "t", NO_SITE)).toBe("Neutraal.");
    expect(() => fillTemplate("{{ekg}}", parts, "t.md.in", site)).toThrow('t.md.in: onbekende tekst "ekg"');
    expect(() => fillTemplate("<!-- inhoud: p -->x<!-- /inhoud -->", {}, "t.md.in", site)).toThrow('t.md.in: onbekende tekst "ekg" in tekst/p.md van de inhoudsmap');
  });

  test("a passage may hold an als block, and the neutral text one too", () => {
    const site = {...study, passages: new Map([["p", "Eigen<!-- als: factoren --> met factoren<!-- /als -->."]])};
    const template = "<!-- inhoud: p -->Neutraal<!-- als: !factoren --> zonder<!-- /als -->.<!-- /inhoud -->";
    expect(fillTemplate(template, {}, "t", site)).toBe("Eigen met factoren.");
    expect(fillTemplate(template, {}, "t", NO_SITE)).toBe("Neutraal zonder.");
  });

  test("the study's identity fills {{titel}}, {{jaar}} and {{opdrachtgever}}; without a study that is an error", () => {
    const template = "<!-- als: inhoud --># {{titel}} ({{opdrachtgever}}, {{jaar}})\n<!-- /als --><!-- als: !inhoud --># Neutraal\n<!-- /als -->Tekst";
    expect(fillTemplate(template, {}, "t", study)).toBe("# Beter kijken (Oostwaarde, 2031)\nTekst");
    expect(fillTemplate(template, {}, "t", NO_SITE)).toBe("# Neutraal\nTekst");
    expect(() => fillTemplate("{{titel}}", {}, "t.md.in", NO_SITE)).toThrow("t.md.in: {{titel}} staat buiten een <!-- als: inhoud -->-blok");
  });
});

test("markdownText leaves letters alone and neutralises Markdown, HTML and Framework's ${", () => {
  expect(markdownText("Sint-Jan [2] _x_ `c` $5 \\")).toBe("Sint-Jan \\[2\\] \\_x\\_ \\`c\\` &#36;5 \\\\");
});
