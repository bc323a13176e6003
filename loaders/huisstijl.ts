// A municipality's house style (issue 14 item 8): the NL Design System design tokens it already has,
// in a file inhoud/huisstijl.json beside the data (and a dark variant, huisstijl-donker.json), and its
// favicon. The site honours a few colour tokens only, maps them onto Framework's theme variables here
// and nowhere else, refuses a pair that would make the site less accessible than the default theme,
// and recolours chart marks that a themed background would take contrast from. Pure: io.ts reads the
// files, the Framework config writes the <style> block and the icon into every page's head at build
// time (so the site needs no request for them).
//
// Font tokens are ignored on purpose, and the build log says so (fontNotice): the site ships its own
// fonts with metric-matched stand-ins (issue 11), and a font family the site does not ship would make
// every page depend on what the reader's machine has installed.

import {parse as parseJsonTree} from "@humanwhocodes/momoa";
import {CHART_COLORS} from "../src/components/palette.js";
import {InputErrors, type InputError} from "./errors.js";

export const THEME_FILE = "huisstijl.json";
/** An NL Design System theme package unpacked as inhoud/huisstijl/ (npm pack's package/ renamed): its built tokens. */
export const THEME_PACKAGE_FILE = "huisstijl/dist/tokens.json";
/** The same tokens for dark mode, when the municipality's theme has a dark variant: a file beside huisstijl.json, or the package's. */
export const DARK_THEME_FILE = "huisstijl-donker.json";
export const DARK_THEME_PACKAGE_FILE = "huisstijl/dist/dark/tokens.json";

export type ThemeRole = "text" | "background" | "link" | "heading" | "focus";
export type ColourScheme = "light" | "dark";

interface RoleSpec {
  role: ThemeRole;
  /** Tokens that supply this role, most specific first: Utrecht's component tokens, then the "basis" tokens of newer themes. */
  tokens: readonly string[];
  /** The default theme's colour (Framework's "air"), used against a token when the file leaves this role out; null = no colour of its own. */
  fallback: string | null;
  /** The same in dark mode (Framework's "near-midnight"; its oklch link colour clipped to sRGB). */
  darkFallback: string | null;
  /** Dutch, for messages: "de tekst", "de achtergrond". */
  name: string;
}

/** Every token the site reads (documented in data/README.md, "Huisstijl"). */
export const THEME_ROLES: readonly RoleSpec[] = [
  {role: "text", tokens: ["utrecht.document.color", "basis.color.default.color-document"], fallback: "#1b1e23", darkFallback: "#dfdfd6", name: "de tekst"},
  {
    role: "background",
    tokens: ["utrecht.document.background-color", "basis.color.default.bg-document"],
    fallback: "#ffffff",
    // near-midnight's background: 4% of its text colour mixed into #161616.
    darkFallback: "#1e1e1e",
    name: "de achtergrond"
  },
  {role: "link", tokens: ["utrecht.link.color"], fallback: "#3b5fc0", darkFallback: "#5590ff", name: "de links"},
  {role: "heading", tokens: ["utrecht.heading.color", "basis.heading.color"], fallback: null, darkFallback: null, name: "de koppen"},
  {role: "focus", tokens: ["utrecht.focus.outline-color", "basis.focus.outline-color"], fallback: null, darkFallback: null, name: "de focusrand"}
];

function roleSpec(role: ThemeRole): RoleSpec {
  return THEME_ROLES.find((r) => r.role === role) as RoleSpec;
}

/** The default theme's colour of a role in a scheme; null = none of its own. */
function fallbackOf(role: ThemeRole, scheme: ColourScheme): string | null {
  const spec = roleSpec(role);
  return scheme === "light" ? spec.fallback : spec.darkFallback;
}

/** What a colour must reach on the background: text 4.5:1 (WCAG 1.4.3), a focus ring 3:1 (WCAG 1.4.11). */
const MIN_CONTRAST: Record<Exclude<ThemeRole, "background">, number> = {text: 4.5, link: 4.5, heading: 4.5, focus: 3};

export interface ThemeColour {
  /** #rrggbb, the only form that reaches the page. */
  hex: string;
  /** The token it came from. */
  token: string;
}

/** The colours a tokens file sets; a role it leaves out keeps the default theme's. */
export type Theme = Partial<Record<ThemeRole, ThemeColour>>;

/** `file` is relative to the content folder. */
function themeError(file: string, column: string | null, value: string | null, message: string, line: number | null = null): InputError {
  return {file: `inhoud/${file}`, line, column, value, message};
}

type Rgb = [number, number, number];

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
const FUNCTION = new RegExp(String.raw`^(rgba?|hsla?)\(\s*(${NUMBER})(deg|%)?\s*,?\s*(${NUMBER})(%)?\s*,?\s*(${NUMBER})(%)?\s*(?:[,/]\s*(${NUMBER})(%)?\s*)?\)$`, "i");

/** A CSS colour in the forms design tokens use (#hex, rgb(), hsl(); commas or spaces), opaque; else a Dutch reason. */
export function parseColour(text: string): Rgb | string {
  const value = text.trim();
  const hex = HEX.exec(value);
  if (hex) {
    const digits = hex[1].length <= 4 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    if (digits.length === 8 && digits.slice(6).toLowerCase() !== "ff") return "is doorzichtig; de site heeft een dekkende kleur nodig";
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
  }
  const fn = FUNCTION.exec(value);
  if (!fn) return "is geen kleur die de site kan lezen (gebruik #rrggbb, rgb(…) of hsl(…))";
  const [, name, a, aUnit, b, bUnit, c, cUnit, alpha, alphaUnit] = fn;
  if (alpha !== undefined && Number(alpha) !== (alphaUnit ? 100 : 1)) return "is doorzichtig; de site heeft een dekkende kleur nodig";
  if (name.toLowerCase().startsWith("rgb")) {
    if (aUnit === "deg") return "is geen kleur die de site kan lezen (rgb() heeft geen hoek)";
    const channel = (v: string, percent: string | undefined) => Math.min(255, Math.max(0, percent ? (Number(v) * 255) / 100 : Number(v)));
    return [channel(a, aUnit), channel(b, bUnit), channel(c, cUnit)];
  }
  if (aUnit === "%") return "is geen kleur die de site kan lezen (de tint van hsl() is een hoek, geen percentage)";
  return hslToRgb(Number(a), Number(b) / 100, Number(c) / 100);
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const s = Math.min(1, Math.max(0, saturation));
  const l = Math.min(1, Math.max(0, lightness));
  const h = (((hue % 360) + 360) % 360) / 30;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

// Rounded down, so a pair that fails never reads as reaching the threshold (4,496 is "4,49:1", not "4,50:1").
const ratioFormat = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});
const minimumFormat = new Intl.NumberFormat("nl-NL");
export function formatRatio(ratio: number): string {
  return `${ratioFormat.format(Math.floor(ratio * 100) / 100)}:1`;
}

/** A token's value: DTCG `$value`, Style Dictionary `value`, or a bare string leaf; an alias {a.b.c} is followed. */
function tokenValue(root: unknown, path: string, seen: string[] = []): {value: unknown; via: string[]} | undefined {
  let node: unknown = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const value = leafValue(node);
  if (value === undefined) return undefined;
  const alias = typeof value === "string" ? /^\{([^{}]+)\}$/.exec(value.trim()) : null;
  if (!alias) return {value, via: seen};
  if (seen.includes(path)) return {value: null, via: [...seen, path]};
  const target = tokenValue(root, alias[1], [...seen, path]);
  return target ?? {value: undefined, via: [...seen, path, alias[1]]};
}

/** The content folder's tokens file for a scheme, by its name there; null = none. Both forms at once is an error. */
export function themeFileOfContent(files: ReadonlyMap<string, string>, scheme: ColourScheme = "light"): string | null {
  const names = scheme === "light" ? [THEME_FILE, THEME_PACKAGE_FILE] : [DARK_THEME_FILE, DARK_THEME_PACKAGE_FILE];
  const found = names.filter((name) => files.has(name));
  if (found.length === 2) {
    const message = `en inhoud/${names[1]} staan er allebei; de site weet niet welke huisstijl u bedoelt. Houd er één over`;
    throw new InputErrors([themeError(names[0], null, null, message)]);
  }
  return found[0] ?? null;
}

/**
 * The content folder's theme for a scheme: huisstijl.json or an unpacked package's dist/tokens.json
 * (dark: huisstijl-donker.json or dist/dark/tokens.json); null = none.
 * Throws InputErrors (Dutch, naming the file and the token) when it cannot be used.
 */
export function themeOfContent(files: ReadonlyMap<string, string>, scheme: ColourScheme = "light"): Theme | null {
  const name = themeFileOfContent(files, scheme);
  return name === null ? null : parseTheme(files.get(name) as string, name, scheme);
}

export interface FontToken {
  /** The tokens file, relative to the content folder. */
  file: string;
  token: string;
  value: string;
}

/** Font-family tokens in the content folder's tokens files: the site does not use them, and says so (fontNotice). */
export function fontTokensOfContent(files: ReadonlyMap<string, string>): FontToken[] {
  const found: FontToken[] = [];
  for (const scheme of ["light", "dark"] as const) {
    const file = themeFileOfContent(files, scheme);
    if (file === null) continue;
    let root: unknown;
    try {
      root = JSON.parse(files.get(file) as string);
    } catch {
      continue; // parseTheme reports it
    }
    // A font-family key may hold the value itself or a group of them (font-family.default, .heading).
    const walk = (node: unknown, path: string[], font: boolean) => {
      const value = leafValue(node);
      if (value !== undefined) {
        if (font) found.push({file, token: path.join("."), value: Array.isArray(value) ? value.join(", ") : String(value)});
        return;
      }
      if (node === null || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node)) {
        if (!key.startsWith("$")) walk(child, [...path, key], font || /^font-?family$/i.test(key));
      }
    };
    walk(root, [], false);
  }
  return found;
}

/** A token's own value (DTCG $value, Style Dictionary value, or a bare leaf); undefined for a group. */
function leafValue(node: unknown): unknown {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node ?? undefined;
  const record = node as Record<string, unknown>;
  return record.$value ?? record.value;
}

/**
 * The build log's notice when a tokens file sets a font: the site keeps its own, and why. "" when none does.
 */
export function fontNotice(fonts: readonly FontToken[]): string {
  if (fonts.length === 0) return "";
  // A theme package sets a font on dozens of components: one entry per font, with its first token.
  const byValue = new Map<string, FontToken[]>();
  for (const font of fonts) byValue.set(font.value, [...(byValue.get(font.value) ?? []), font]);
  const named = [...byValue].map(([value, [first, ...more]]) => {
    const where = `${first.token} in inhoud/${first.file}`;
    return `${value} (${more.length === 0 ? where : `${more.length + 1} tokens, zoals ${where}`})`;
  });
  return (
    `Huisstijl: de site gebruikt ${byValue.size === 1 ? "het lettertype" : "de lettertypen"} uit de design tokens niet: ${named.join("; ")}. ` +
    "De site levert zijn eigen lettertypen mee (Source Sans 3, Source Serif 4 en Source Code Pro), met systeemlettertypen die tot het laden " +
    "precies even veel ruimte innemen. Zo verspringt de tekst niet tijdens het laden, ziet elke pagina, dia en afgedrukte factsheet er op elke " +
    "computer hetzelfde uit en werkt de site zonder internet. Een lettertype uit de huisstijl zou afhangen van wat er op de computer van de lezer " +
    "staat, of van een lettertypedienst op internet. De kleuren uit de huisstijl gebruikt de site wel."
  );
}

/** Parses a tokens file (`file`: its name in the content folder, for messages). */
export function parseTheme(text: string, file: string = THEME_FILE, scheme: ColourScheme = "light"): Theme {
  const error = (column: string | null, value: string | null, message: string, line: number | null = null) => themeError(file, column, value, message, line);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new InputErrors([error(null, null, "is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes", jsonErrorLine(text))]);
  }
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    throw new InputErrors([error(null, null, "moet een JSON-object met design tokens zijn, zoals de tokens.json van een NL Design System-thema")]);
  }
  const errors: InputError[] = [];
  const theme: Theme = {};
  const unreadable = new Set<ThemeRole>();
  for (const {role, tokens} of THEME_ROLES) {
    for (const token of tokens) {
      const found = tokenValue(root, token);
      if (!found) continue;
      unreadable.add(role);
      const {value, via} = found;
      if (value === undefined || value === null) {
        const message = value === null ? `verwijst in een kring naar zichzelf (${via.join(" → ")})` : `verwijst naar "${via.at(-1)}", maar dat token staat niet in het bestand`;
        errors.push(error(token, null, message));
        break;
      }
      const hexValue = value !== null && typeof value === "object" && typeof (value as {hex?: unknown}).hex === "string" ? (value as {hex: string}).hex : value;
      if (typeof hexValue !== "string") {
        errors.push(error(token, JSON.stringify(value), "is geen kleur (verwacht tekst als \"#1d5ca8\")"));
        break;
      }
      const rgb = parseColour(hexValue);
      if (typeof rgb === "string") errors.push(error(token, hexValue, rgb));
      else {
        theme[role] = {hex: toHex(rgb), token};
        unreadable.delete(role);
      }
      break;
    }
  }
  if (errors.length === 0 && Object.keys(theme).length === 0) {
    const names = THEME_ROLES.flatMap((r) => r.tokens).map((t) => `"${t}"`);
    throw new InputErrors([error(null, null, `bevat geen van de tokens die de site gebruikt (${names.join(", ")}); zie data/README.md, Huisstijl`)]);
  }
  // The pairs that can be judged already, so that one round of fixes clears the whole file.
  errors.push(...contrastErrors(theme, unreadable, error, scheme));
  if (errors.length > 0) throw new InputErrors(errors);
  return theme;
}

function jsonErrorLine(text: string): number | null {
  try {
    parseJsonTree(text, {mode: "json"});
  } catch (error) {
    // momoa's errors carry the 1-based line of the offending token.
    if (error !== null && typeof error === "object" && "line" in error && typeof error.line === "number") return error.line;
  }
  return null;
}

type ErrorAt = (column: string | null, value: string | null, message: string) => InputError;

/** Every colour against the background it is shown on; not a colour the file gives but could not be read (`unreadable`). */
function contrastErrors(theme: Theme, unreadable: ReadonlySet<ThemeRole>, error: ErrorAt, scheme: ColourScheme): InputError[] {
  if (unreadable.has("background")) return [];
  const background = theme.background ?? {hex: fallbackOf("background", scheme) as string, token: null};
  const standard = scheme === "light" ? "de standaardachtergrond van de site" : "de donkere standaardachtergrond van de site";
  const onWhat = background.token === null ? `${standard} (${background.hex})` : `de achtergrond ("${background.token}", ${background.hex})`;
  const errors: InputError[] = [];
  for (const role of ["text", "link", "heading", "focus"] as const) {
    const {name} = roleSpec(role);
    const fallback = fallbackOf(role, scheme);
    const colour = theme[role] ?? (fallback === null ? null : {hex: fallback, token: null});
    // A role the file leaves out and the background it keeps are the default theme's pair: checked there.
    if (unreadable.has(role) || colour === null || (colour.token === null && background.token === null)) continue;
    const ratio = contrastRatio(colour.hex, background.hex);
    const minimum = MIN_CONTRAST[role];
    if (ratio >= minimum) continue;
    const rule = minimum === 3 ? "WCAG 1.4.11" : "WCAG 1.4.3";
    const what = colour.token === null ? `de standaardkleur van ${name} (${colour.hex})` : `${name} (${colour.hex})`;
    const message =
      `geeft ${what} op ${onWhat} een contrast van ${formatRatio(ratio)}; nodig is minstens ${minimumFormat.format(minimum)}:1 (${rule}). ` +
      "Kies een kleurenpaar met meer contrast, zodat de site voor iedereen leesbaar blijft";
    errors.push(colour.token === null ? error(background.token, background.hex, message) : error(colour.token, colour.hex, message));
  }
  return errors;
}

/**
 * The themes as a <style> block for every page's head, after the site's stylesheet, so it wins: the
 * light theme for the light scheme, and a dark variant (huisstijl-donker.json) for the dark scheme;
 * without one a reader who asked for dark mode keeps the site's dark theme, whose contrast is tested.
 * Secondary text (navigation, captions; Framework mixes it from the text colour) takes the text colour
 * itself, so every text on the page is a pair checked above. Chart axes and labels are drawn in the
 * text colour (currentColor); the marks' colours are adjusted where the background would take their
 * contrast away (chartColourRules). "" without a theme: the default build stays byte for byte the same.
 */
export function themeHead(theme: Theme | null, dark: Theme | null = null): string {
  if (theme === null && dark === null) return "";
  const blocks = [theme && schemeBlock(theme, "light"), dark && schemeBlock(dark, "dark")].filter(Boolean);
  return `<style>/* huisstijl (loaders/huisstijl.ts) */\n${blocks.join("\n")}</style>`;
}

function schemeBlock(theme: Theme, scheme: ColourScheme): string {
  const text = theme.text?.hex ?? (fallbackOf("text", scheme) as string);
  const background = theme.background?.hex;
  const rootVars = [
    `--theme-foreground: ${text}; --theme-foreground-alt: ${text};`,
    // In dark mode Framework mixes the page background from background-b; the sidebar's is b itself.
    background && (scheme === "light" ? `--theme-background-a: ${background};` : `--theme-background-a: ${background}; --theme-background-b: ${background};`),
    theme.link && `--theme-foreground-focus: ${theme.link.hex};`
  ].filter(Boolean);
  const rules = [
    `:root { ${rootVars.join(" ")} }`,
    theme.heading && `h1, h2, h3, h4, h5, h6 { color: ${theme.heading.hex}; }`,
    theme.focus && `:focus-visible { outline: 2px solid ${theme.focus.hex}; outline-offset: 2px; }`,
    ...chartColourRules(background ?? null, scheme)
  ].filter(Boolean);
  return `@media (prefers-color-scheme: ${scheme}) {\n${rules.join("\n")}\n}`;
}

/** Text needs 4.5:1 (WCAG 1.4.3); a chart colour need not keep more than that. */
const CHART_TARGET_MAX = 4.5;

/**
 * A chart colour on another background: unchanged when it keeps the contrast it has on the default
 * background of the scheme (`reference`; at most 4.5:1 asked), else mixed towards black or white in
 * steps of 1% until it does, whichever needs less. Returns #rrggbb in lower case.
 */
export function chartColourOn(colour: string, background: string, reference: string): string {
  const rgb = parseColour(colour) as Rgb;
  const original = toHex(rgb);
  const target = Math.min(contrastRatio(original, reference), CHART_TARGET_MAX);
  if (contrastRatio(original, background) >= target) return original;
  let best: {step: number; hex: string} | null = null;
  for (const towards of [0, 255]) {
    for (let step = 1; step <= 100; step++) {
      const hex = toHex(rgb.map((c) => c + ((towards - c) * step) / 100) as Rgb);
      if (contrastRatio(hex, background) < target) continue;
      if (best === null || step < best.step) best = {step, hex};
      break;
    }
  }
  // Black or white always reaches 4.5:1 on one side of any background, so one direction succeeds.
  return (best as {hex: string}).hex;
}

/**
 * CSS that recolours the charts' marks on a house-style background: Plot writes each colour of
 * src/components/palette.ts as a fill or stroke attribute, which any CSS rule overrides, and the
 * tables' colour swatches follow, so that they keep matching the charts; the charts themselves (and
 * the default build) stay as they are.
 */
export function chartColourRules(background: string | null, scheme: ColourScheme): string[] {
  if (background === null) return [];
  const reference = fallbackOf("background", scheme) as string;
  const rules: string[] = [];
  for (const colour of CHART_COLORS) {
    const adjusted = chartColourOn(colour, background, reference);
    if (adjusted === colour.toLowerCase()) continue;
    // Table swatches (GrowthTable, CrossTable) set it as an inline background, which the DOM writes as rgb().
    const inline = `background: rgb(${(parseColour(colour) as Rgb).join(", ")})`;
    rules.push(`[fill="${colour}" i] { fill: ${adjusted}; } [stroke="${colour}" i] { stroke: ${adjusted}; } [style*="${inline}"] { background: ${adjusted} !important; }`);
  }
  return rules;
}

// The favicon

const FAVICON_TYPES: Record<string, string> = {svg: "image/svg+xml", png: "image/png", ico: "image/x-icon"};
/** Every page carries the favicon in its head (a data: URI, so the browser asks for no file): it must stay small. */
export const FAVICON_MAX_BYTES = 16 * 1024;

export function isFaviconFile(name: string): boolean {
  return /^favicon\.(svg|png|ico)$/i.test(name);
}

/** The content folder's favicon as a data: URI for every page's head; null = none (the site's own eye). */
export function faviconOfContent(files: readonly {name: string; bytes: Uint8Array}[]): string | null {
  if (files.length === 0) return null;
  const error = (file: string, message: string) => new InputErrors([{file: `inhoud/${file}`, line: null, column: null, value: null, message}]);
  if (files.length > 1) {
    throw error(files[0].name, `en ${files.slice(1).map((f) => `inhoud/${f.name}`).join(" en ")} staan er allebei; de site weet niet welk icoon u bedoelt. Houd er één over`);
  }
  const [{name, bytes}] = files;
  const type = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  if (bytes.length > FAVICON_MAX_BYTES) {
    const size = new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 1}).format(bytes.length / 1024);
    throw error(name, `is ${size} kB; elke pagina draagt het icoon mee, dus het mag hooguit ${FAVICON_MAX_BYTES / 1024} kB zijn. Verklein het (bijvoorbeeld 32 × 32 beeldpunten)`);
  }
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  const fits =
    type === "png" ? starts(0x89, 0x50, 0x4e, 0x47) : type === "ico" ? starts(0, 0, 1, 0) : /<svg[\s>]/.test(new TextDecoder().decode(bytes));
  if (!fits) throw error(name, `is geen ${type === "svg" ? "SVG-afbeelding" : `${type.toUpperCase()}-bestand`}; controleer of het bestand de juiste extensie heeft`);
  return `data:${FAVICON_TYPES[type]};base64,${Buffer.from(bytes).toString("base64")}`;
}
