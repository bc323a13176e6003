// Issue 14 item 8: a municipality's NL Design System tokens in inhoud/huisstijl.json theme the site.
// Hand-made token files in the shapes NL Design System packages publish (DTCG "$value", Style
// Dictionary "value", bare string leaves, aliases); contrast ratios worked out by hand below.
import {describe, expect, test} from "vitest";
import {parseContent} from "../../loaders/content.js";
import {formatInputError, InputErrors} from "../../loaders/errors.js";
import {
  chartColourOn,
  chartColourRules,
  contrastRatio,
  faviconOfContent,
  FAVICON_MAX_BYTES,
  fontNotice,
  fontTokensOfContent,
  formatRatio,
  parseColour,
  parseTheme,
  themeHead
} from "../../loaders/huisstijl.js";

/** The Dutch messages a call stops with; [] when it does not. */
function messagesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map(formatInputError);
    throw error;
  }
  return [];
}

const errorsOf = (json: unknown) => messagesOf(() => parseTheme(typeof json === "string" ? json : JSON.stringify(json)));

const utrecht = (tokens: Record<string, unknown>) => ({utrecht: tokens});

describe("mapping tokens onto the theme", () => {
  test("Utrecht's document, link, heading and focus tokens become the light theme's variables", () => {
    const theme = parseTheme(
      JSON.stringify(
        utrecht({
          document: {color: {$type: "color", $value: "#000000"}, "background-color": {$type: "color", $value: "hsl(0 0% 100%)"}},
          link: {color: {$value: "rgb(0, 86, 139)"}},
          heading: {color: {$value: "hsl(0 100% 25%)"}},
          focus: {"outline-color": {$value: "#000"}}
        })
      )
    );
    // hsl(0 100% 25%) = rgb(127.5, 0, 0), rounded to #800000; rgb(0, 86, 139) = #00568b.
    expect(theme).toEqual({
      text: {hex: "#000000", token: "utrecht.document.color"},
      background: {hex: "#ffffff", token: "utrecht.document.background-color"},
      link: {hex: "#00568b", token: "utrecht.link.color"},
      heading: {hex: "#800000", token: "utrecht.heading.color"},
      focus: {hex: "#000000", token: "utrecht.focus.outline-color"}
    });
    expect(themeHead(theme)).toBe(
      "<style>/* huisstijl (loaders/huisstijl.ts) */\n@media (prefers-color-scheme: light) {\n" +
        ":root { --theme-foreground: #000000; --theme-foreground-alt: #000000; --theme-background-a: #ffffff; --theme-foreground-focus: #00568b; }\n" +
        "h1, h2, h3, h4, h5, h6 { color: #800000; }\n" +
        ":focus-visible { outline: 2px solid #000000; outline-offset: 2px; }\n}</style>"
    );
  });

  test("basis tokens in Style Dictionary's shape, with an alias to a palette token", () => {
    const theme = parseTheme(
      JSON.stringify({
        voorbeeld: {kleur: {nacht: {value: "#001A40"}}},
        basis: {color: {default: {"color-document": {value: "{voorbeeld.kleur.nacht}"}, "bg-document": {value: "#fff"}}}, heading: {color: {value: "{voorbeeld.kleur.nacht}"}}}
      })
    );
    expect(theme).toEqual({
      text: {hex: "#001a40", token: "basis.color.default.color-document"},
      background: {hex: "#ffffff", token: "basis.color.default.bg-document"},
      heading: {hex: "#001a40", token: "basis.heading.color"}
    });
  });

  test("a role the file leaves out keeps the default theme; secondary text takes the default text colour", () => {
    // Bare string leaves, as in @utrecht/design-tokens' index.tokens.json.
    const theme = parseTheme(JSON.stringify(utrecht({link: {color: "hsl(211 60% 35%)"}})));
    // hsl(211 60% 35%) (CSS Color 4): a = 0.6 × min(0.35, 0.65) = 0.21, h/30 = 7.033;
    // r = 255 × (0.35 − 0.21) = 35.7 → 0x24, g = 255 × (0.35 − 0.21 × 0.033) = 87.5 → 0x57, b = 255 × (0.35 + 0.21) = 142.8 → 0x8f.
    expect(theme).toEqual({link: {hex: "#24578f", token: "utrecht.link.color"}});
    expect(themeHead(theme)).toContain(":root { --theme-foreground: #1b1e23; --theme-foreground-alt: #1b1e23; --theme-foreground-focus: #24578f; }");
    expect(themeHead(theme)).not.toContain("--theme-background-a");
  });

  test("font tokens are ignored: the site keeps its own fonts", () => {
    const theme = parseTheme(JSON.stringify(utrecht({document: {color: "#000000", "font-family": '"Noto Sans Variable", "Arial", sans-serif'}})));
    expect(themeHead(theme)).not.toMatch(/font|Noto|Arial/);
  });

  test("the more specific Utrecht token wins over the basis token", () => {
    const theme = parseTheme(JSON.stringify({...utrecht({document: {color: "#111111"}}), basis: {color: {default: {"color-document": "#222222"}}}}));
    expect(theme.text).toEqual({hex: "#111111", token: "utrecht.document.color"});
  });
});

describe("no tokens file", () => {
  test("no content folder, or one without huisstijl.json: the default theme, and nothing in the head", () => {
    expect(parseContent(null).theme).toBeNull();
    expect(parseContent(new Map([["tekst/vraag.md", "Een vraag."]])).theme).toBeNull();
    expect(themeHead(null)).toBe("");
  });

  test("the content folder's huisstijl.json is read", () => {
    const content = parseContent(new Map([["huisstijl.json", JSON.stringify(utrecht({document: {color: "#000000"}}))]]));
    expect(content.theme).toEqual({text: {hex: "#000000", token: "utrecht.document.color"}});
  });

  test("or an unpacked theme package (inhoud/huisstijl/dist/tokens.json), named in its errors; not both", () => {
    const tokens = JSON.stringify(utrecht({document: {color: "#000000"}}));
    expect(parseContent(new Map([["huisstijl/package.json", "{}"], ["huisstijl/dist/tokens.json", tokens]])).theme).toEqual({
      text: {hex: "#000000", token: "utrecht.document.color"}
    });
    expect(() => parseContent(new Map([["huisstijl/dist/tokens.json", JSON.stringify(utrecht({link: {color: "roze"}}))]]))).toThrow(
      'inhoud/huisstijl/dist/tokens.json, veld "utrecht.link.color": "roze" is geen kleur'
    );
    expect(() => parseContent(new Map([["huisstijl.json", tokens], ["huisstijl/dist/tokens.json", tokens]]))).toThrow(
      "inhoud/huisstijl.json en inhoud/huisstijl/dist/tokens.json staan er allebei; de site weet niet welke huisstijl u bedoelt. Houd er één over."
    );
  });
});

describe("bad tokens files stop the build with a Dutch error naming file and token", () => {
  test("a value that is no colour", () => {
    expect(errorsOf(utrecht({link: {color: {$value: "blauwig"}}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.link.color": "blauwig" is geen kleur die de site kan lezen (gebruik #rrggbb, rgb(…) of hsl(…)).'
    ]);
    expect(errorsOf(utrecht({document: {color: {$value: 12}}}))).toEqual(['inhoud/huisstijl.json, veld "utrecht.document.color": "12" is geen kleur (verwacht tekst als "#1d5ca8").']);
  });

  test("every problem at once: an unreadable colour and a pair with too little contrast", () => {
    // The link cannot be read, so only the text is judged: #777777 on white is 4.478 (below).
    const errors = errorsOf(utrecht({document: {color: "#777777", "background-color": "#ffffff"}, link: {color: "blauwig"}}));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('veld "utrecht.link.color": "blauwig" is geen kleur');
    expect(errors[1]).toContain('veld "utrecht.document.color": "#777777" geeft de tekst (#777777)');
    // An unreadable background: no pair can be judged.
    expect(errorsOf(utrecht({document: {color: "#777777", "background-color": "wit"}}))).toHaveLength(1);
  });

  test("a transparent colour", () => {
    expect(errorsOf(utrecht({document: {color: "rgba(0, 0, 0, 0.5)"}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.document.color": "rgba(0, 0, 0, 0.5)" is doorzichtig; de site heeft een dekkende kleur nodig.'
    ]);
    expect(errorsOf(utrecht({document: {color: "#00000080"}}))).toHaveLength(1);
  });

  test("an alias to a token the file does not have, and an alias loop", () => {
    expect(errorsOf(utrecht({link: {color: {value: "{gemeente.kleur.blauw}"}}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.link.color" verwijst naar "gemeente.kleur.blauw", maar dat token staat niet in het bestand.'
    ]);
    expect(errorsOf({a: {value: "{utrecht.link.color}"}, ...utrecht({link: {color: {value: "{a}"}}})})).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.link.color" verwijst in een kring naar zichzelf (utrecht.link.color → a → utrecht.link.color).'
    ]);
  });

  test("invalid JSON names the line", () => {
    expect(errorsOf('{\n  "utrecht": {\n    "link": {"color": "#000000",}\n  }\n}')).toEqual([
      "inhoud/huisstijl.json, regel 3 is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes."
    ]);
  });

  test("a file without any token the site reads", () => {
    const [error] = errorsOf(utrecht({button: {color: "#ffffff"}}));
    expect(error).toMatch(/^inhoud\/huisstijl\.json bevat geen van de tokens die de site gebruikt \("utrecht\.document\.color", /);
    expect(errorsOf([])).toEqual(["inhoud/huisstijl.json moet een JSON-object met design tokens zijn, zoals de tokens.json van een NL Design System-thema."]);
  });
});

describe("contrast (WCAG 2): the site stays accessible", () => {
  // Relative luminance L = 0.2126 R + 0.7152 G + 0.0722 B over linearised channels
  // (c/255 ≤ 0.04045 ? c/12.92 : ((c/255 + 0.055)/1.055)^2.4); ratio = (L1 + 0.05)/(L2 + 0.05).
  // #ffffff: L = 1. #777777: c = 0.46667 → 0.18447; ratio 1.05/0.23447 = 4.478.
  // #ff0000: L = 0.2126; ratio 1.05/0.2626 = 3.998. #aaaaaa: c = 0.66667 → 0.40198; ratio 1.05/0.45198 = 2.323.
  test("ratios by hand", () => {
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.478, 3);
    expect(contrastRatio("#ffffff", "#ff0000")).toBeCloseTo(3.998, 3);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(formatRatio(4.478)).toBe("4,47:1");
    expect(formatRatio(21)).toBe("21,00:1");
  });

  test("text on the background below 4.5:1 names both tokens and the ratio", () => {
    expect(errorsOf(utrecht({document: {color: "#777777", "background-color": "#ffffff"}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.document.color": "#777777" geeft de tekst (#777777) op de achtergrond ("utrecht.document.background-color", #ffffff) ' +
        "een contrast van 4,47:1; nodig is minstens 4,5:1 (WCAG 1.4.3). Kies een kleurenpaar met meer contrast, zodat de site voor iedereen leesbaar blijft."
    ]);
  });

  test("a link colour on the default background", () => {
    expect(errorsOf(utrecht({link: {color: "#ff0000"}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.link.color": "#ff0000" geeft de links (#ff0000) op de standaardachtergrond van de site (#ffffff) ' +
        "een contrast van 3,99:1; nodig is minstens 4,5:1 (WCAG 1.4.3). Kies een kleurenpaar met meer contrast, zodat de site voor iedereen leesbaar blijft."
    ]);
  });

  test("a dark background against the default text colour names the background token", () => {
    // #1b1e23 on #333333: L(#1b1e23) = 0.2126 × 0.01096 + 0.7152 × 0.01400 + 0.0722 × 0.01681 = 0.01283,
    // L(#333333) = 0.03310; ratio 0.08310/0.06283 = 1.322.
    const errors = errorsOf(utrecht({document: {"background-color": "#333333"}}));
    expect(errors[0]).toBe(
      'inhoud/huisstijl.json, veld "utrecht.document.background-color": "#333333" geeft de standaardkleur van de tekst (#1b1e23) op de achtergrond ' +
        '("utrecht.document.background-color", #333333) een contrast van 1,32:1; nodig is minstens 4,5:1 (WCAG 1.4.3). Kies een kleurenpaar met meer contrast, zodat de site voor iedereen leesbaar blijft.'
    );
    // The default link colour #3b5fc0 on #333333 fails as well (2,15:1): one error per colour.
    expect(errors).toHaveLength(2);
    expect(errors[1]).toContain("de standaardkleur van de links (#3b5fc0)");
    expect(errors[1]).toContain("2,15:1");
  });

  test("a focus ring needs 3:1 (WCAG 1.4.11)", () => {
    expect(errorsOf(utrecht({focus: {"outline-color": "#aaaaaa"}}))).toEqual([
      'inhoud/huisstijl.json, veld "utrecht.focus.outline-color": "#aaaaaa" geeft de focusrand (#aaaaaa) op de standaardachtergrond van de site (#ffffff) ' +
        "een contrast van 2,32:1; nodig is minstens 3:1 (WCAG 1.4.11). Kies een kleurenpaar met meer contrast, zodat de site voor iedereen leesbaar blijft."
    ]);
  });
});

describe("colour values", () => {
  test("the forms tokens use", () => {
    expect(parseColour("#0af")).toEqual([0, 170, 255]);
    expect(parseColour("#0AF0")).toBe("is doorzichtig; de site heeft een dekkende kleur nodig");
    expect(parseColour("rgb(0 86 139 / 100%)")).toEqual([0, 86, 139]);
    expect(parseColour("rgb(100%, 0%, 0%)")).toEqual([255, 0, 0]);
    expect(parseColour("hsl(120deg, 100%, 50%)")).toEqual([0, 255, 0]);
    expect(parseColour("hsla(240 100% 50% / 1)")).toEqual([0, 0, 255]);
    expect(parseColour("white")).toMatch(/geen kleur/);
    expect(parseColour("var(--x)")).toMatch(/geen kleur/);
  });
});

describe("chart colours on a house-style background (WCAG 1.4.11, 1.4.3)", () => {
  // Cream #fdf6e3: linearised channels 253 → 0.98225, 246 → 0.92158, 227 → 0.76815;
  // L = 0.2126 × 0.98225 + 0.7152 × 0.92158 + 0.0722 × 0.76815 = 0.92340.
  // #E69F00: 0.79130, 0.34670, 0 → L = 0.41619; on white 1.05/0.46619 = 2.252, on cream 0.97340/0.46619 = 2.088.
  // Darkened by 3% (#df9a00: L = 0.38799) it reaches 0.97340/0.43799 = 2.222, by 4% (#dd9900: L = 0.38155) 2.256 ≥ 2.252.
  // #0072B2: 0, 0.16827, 0.44520 → L = 0.15249; on white 5.185, on cream 0.97340/0.20249 = 4.807 ≥ 4.5 (the cap): kept.
  test("a colour keeps the contrast it has on the default background, up to 4.5:1, darkened in steps of 1%", () => {
    expect(contrastRatio("#fdf6e3", "#ffffff")).toBeCloseTo(1.05 / 0.9734, 3);
    expect(chartColourOn("#E69F00", "#fdf6e3", "#ffffff")).toBe("#dd9900");
    expect(chartColourOn("#0072B2", "#fdf6e3", "#ffffff")).toBe("#0072b2");
    // #56B4E9: L = 0.40504; white 2.307, cream 2.139; 3% (#53afe2) short, 4% (#53ade0: L = 0.37108) 0.9734/0.42108 = 2.312.
    expect(chartColourOn("#56B4E9", "#fdf6e3", "#ffffff")).toBe("#53ade0");
  });

  test("the rules recolour exactly the marks that would lose contrast, by their fill and stroke attributes", () => {
    // The other four worked out the same way (ratio on white → first step that reaches it on cream):
    // #7B6FD0 4.178 → 5% #7569c6; #009E73 3.421 → 5% #00966d; #CC79A7 3.061 → 4% #c474a0; #D55E00 3.867 → 4% #cc5a00.
    // #C0392B (5.04 on cream), #6E6E6E (4.73) and #444444 (9.03) keep 4.5:1.
    // A table swatch's inline background reads as rgb() in the DOM (jsdom and Chromium alike).
    const recolour = (from: string, rgb: string, to: string) =>
      `[fill="${from}" i] { fill: ${to}; } [stroke="${from}" i] { stroke: ${to}; } [style*="background: rgb(${rgb})"] { background: ${to} !important; }`;
    expect(chartColourRules("#fdf6e3", "light")).toEqual([
      recolour("#56B4E9", "86, 180, 233", "#53ade0"),
      recolour("#7B6FD0", "123, 111, 208", "#7569c6"),
      recolour("#E69F00", "230, 159, 0", "#dd9900"),
      recolour("#009E73", "0, 158, 115", "#00966d"),
      recolour("#CC79A7", "204, 121, 167", "#c474a0"),
      recolour("#D55E00", "213, 94, 0", "#cc5a00")
    ]);
    expect(chartColourRules("#ffffff", "light")).toEqual([]);
    expect(chartColourRules(null, "light")).toEqual([]);
    const head = themeHead(parseTheme(JSON.stringify(utrecht({document: {"background-color": "#fdf6e3"}}))));
    expect(head).toContain(":root { --theme-foreground: #1b1e23; --theme-foreground-alt: #1b1e23; --theme-background-a: #fdf6e3; }\n" + recolour("#56B4E9", "86, 180, 233", "#53ade0"));
  });

  test("in dark mode against the site's dark background #1e1e1e, lightened", () => {
    // #1e1e1e: L = 0.01298; #2b2b2b: L = 0.02416. #0072B2 on #1e1e1e 0.20249/0.06298 = 3.215, on #2b2b2b 0.20249/0.07416 = 2.731.
    // Lightened by 8% (#147db8) 3.139, by 9% (#177fb9) 3.218 ≥ 3.215.
    expect(chartColourOn("#0072B2", "#2b2b2b", "#1e1e1e")).toBe("#177fb9");
  });
});

describe("a dark variant of the house style", () => {
  const dark = JSON.stringify(utrecht({document: {color: "#f0f0f0", "background-color": "#2b2b2b"}}));

  test("huisstijl-donker.json themes the dark scheme only; the light scheme keeps the site's theme", () => {
    const content = parseContent(new Map([["huisstijl-donker.json", dark]]));
    expect(content.theme).toBeNull();
    expect(content.darkTheme).toEqual({
      text: {hex: "#f0f0f0", token: "utrecht.document.color"},
      background: {hex: "#2b2b2b", token: "utrecht.document.background-color"}
    });
    const head = themeHead(content.theme, content.darkTheme);
    expect(head).not.toContain("prefers-color-scheme: light");
    expect(head).toMatch(
      /^<style>\/\* huisstijl \(loaders\/huisstijl\.ts\) \*\/\n@media \(prefers-color-scheme: dark\) \{\n:root \{ --theme-foreground: #f0f0f0; --theme-foreground-alt: #f0f0f0; --theme-background-a: #2b2b2b; --theme-background-b: #2b2b2b; \}\n/
    );
    expect(head).toContain('[fill="#0072B2" i] { fill: #177fb9; }');
  });

  test("or the package's dist/dark/tokens.json; both light and dark give two blocks", () => {
    const light = JSON.stringify(utrecht({document: {color: "#000000"}}));
    const content = parseContent(new Map([["huisstijl/dist/tokens.json", light], ["huisstijl/dist/dark/tokens.json", dark]]));
    expect(content.theme).toEqual({text: {hex: "#000000", token: "utrecht.document.color"}});
    expect(content.darkTheme?.background?.hex).toBe("#2b2b2b");
    const head = themeHead(content.theme, content.darkTheme);
    expect(head.indexOf("prefers-color-scheme: light")).toBeLessThan(head.indexOf("prefers-color-scheme: dark"));
    expect(() => parseContent(new Map([["huisstijl-donker.json", dark], ["huisstijl/dist/dark/tokens.json", dark]]))).toThrow(
      "inhoud/huisstijl-donker.json en inhoud/huisstijl/dist/dark/tokens.json staan er allebei"
    );
  });

  test("its colours are checked against the dark default background", () => {
    // #555555: L = 0.09084; on #1e1e1e (L = 0.01298) 0.14084/0.06298 = 2.236.
    expect(() => parseTheme(JSON.stringify(utrecht({document: {color: "#555555"}})), "huisstijl-donker.json", "dark")).toThrow(
      'inhoud/huisstijl-donker.json, veld "utrecht.document.color": "#555555" geeft de tekst (#555555) op de donkere standaardachtergrond van de site (#1e1e1e) ' +
        "een contrast van 2,23:1; nodig is minstens 4,5:1 (WCAG 1.4.3)."
    );
    // #f0f0f0 on #2b2b2b: 0.92137/0.07416 = 12.42; the default dark link #5590ff (L = 0.29098) on it 0.34098/0.07416 = 4.598: passes.
    expect(() => parseTheme(dark, "huisstijl-donker.json", "dark")).not.toThrow();
  });
});

describe("a favicon from the content folder", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#00568b"/></svg>';
  const bytes = (text: string) => new TextEncoder().encode(text);

  test("none: the site's own eye stays (parseContent gives null)", () => {
    expect(parseContent(null).favicon).toBeNull();
    expect(faviconOfContent([])).toBeNull();
  });

  test("favicon.svg, .png or .ico becomes a data: URI", () => {
    expect(parseContent(new Map(), [{name: "favicon.svg", bytes: bytes(svg)}]).favicon).toBe(
      `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`
    );
    // A PNG starts with 89 50 4E 47, an ICO with 00 00 01 00.
    expect(faviconOfContent([{name: "FAVICON.PNG", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])}])).toBe("data:image/png;base64,iVBORw0K");
    expect(faviconOfContent([{name: "favicon.ico", bytes: new Uint8Array([0, 0, 1, 0, 1, 0])}])).toBe("data:image/x-icon;base64,AAABAAEA");
  });

  test("two icons, a wrong extension or a large file stop the build with a Dutch error", () => {
    const errorOf = (files: {name: string; bytes: Uint8Array}[]) => messagesOf(() => faviconOfContent(files));
    expect(errorOf([{name: "favicon.png", bytes: bytes(svg)}])).toEqual([
      "inhoud/favicon.png is geen PNG-bestand; controleer of het bestand de juiste extensie heeft."
    ]);
    expect(errorOf([{name: "favicon.ico", bytes: new Uint8Array([0, 0, 1, 0])}, {name: "favicon.svg", bytes: bytes(svg)}])).toEqual([
      "inhoud/favicon.ico en inhoud/favicon.svg staan er allebei; de site weet niet welk icoon u bedoelt. Houd er één over."
    ]);
    // 16 kB + 1 byte = 16 385 bytes = 16,0 kB.
    expect(errorOf([{name: "favicon.svg", bytes: bytes(svg.padEnd(FAVICON_MAX_BYTES + 1, " "))}])).toEqual([
      "inhoud/favicon.svg is 16 kB; elke pagina draagt het icoon mee, dus het mag hooguit 16 kB zijn. Verklein het (bijvoorbeeld 32 × 32 beeldpunten)."
    ]);
  });
});

describe("font tokens are ignored, and the build says so", () => {
  test("every font-family token of the light and dark files is named, with the reason", () => {
    const files = new Map([
      ["huisstijl.json", JSON.stringify(utrecht({document: {color: "#000000", "font-family": {$value: ["Noto Sans", "sans-serif"]}}}))],
      ["huisstijl-donker.json", JSON.stringify({basis: {text: {"font-family": {default: {value: "Fira Sans"}}}, color: {default: {"color-document": "#ffffff"}}}})]
    ]);
    const fonts = fontTokensOfContent(files);
    expect(fonts).toEqual([
      {file: "huisstijl.json", token: "utrecht.document.font-family", value: "Noto Sans, sans-serif"},
      {file: "huisstijl-donker.json", token: "basis.text.font-family.default", value: "Fira Sans"}
    ]);
    expect(fontNotice(fonts.slice(0, 1))).toMatch(
      /^Huisstijl: de site gebruikt het lettertype uit de design tokens niet: Noto Sans, sans-serif \(utrecht\.document\.font-family in inhoud\/huisstijl\.json\)\. /
    );
    const notice = fontNotice(fonts);
    expect(notice).toContain(
      "de lettertypen uit de design tokens niet: Noto Sans, sans-serif (utrecht.document.font-family in inhoud/huisstijl.json); Fira Sans (basis.text.font-family.default in inhoud/huisstijl-donker.json)."
    );
    // A package sets the same font on many components: one entry, counted.
    const many = fontNotice([fonts[1], {...fonts[1], token: "utrecht.button.font-family"}, {...fonts[1], token: "utrecht.heading.font-family"}]);
    expect(many).toContain("het lettertype uit de design tokens niet: Fira Sans (3 tokens, zoals basis.text.font-family.default in inhoud/huisstijl-donker.json).");
    expect(notice).toContain("levert zijn eigen lettertypen mee");
    expect(notice).toContain("verspringt de tekst niet");
    expect(fontNotice([])).toBe("");
  });
});
