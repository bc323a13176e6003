// iJw messages (the youth-care message standard, release 3.x) → trajecten.csv rows. A trajectory is
// an assignment (JW301 toewijzing, key ToewijzingNummer) with the start and stop the provider
// reported (JW305, JW307) and the cost it claimed (JW323, TotaalBedrag in eurocents with D/C).
// The messages come as XML or as flat CSV/xlsx dumps of the same fields; both are read into the
// same records, so that one conversion (toTrajecten) serves both.

import {XMLParser, XMLValidator} from "fast-xml-parser";
import type {InputError} from "../errors.js";
import {formatDutchDate, parseDate} from "../values.js";
import {INVALID_BSN, isValidBsn, type Pseudonymise} from "./bsn.js";
import {cellOf, missingColumnErrors, type SourceTable} from "./table.js";

/** Where a record came from, for errors that point back at it. */
export interface Where {
  file: string;
  line: number | null;
  /** CSV column or XML element path. */
  column: string;
  /** The column or element that holds a trajecten.csv column's value, when one does. */
  field?: (contractColumn: string) => string | null;
}

/** trajecten.csv columns taken straight from a JW301 product, by dump column and by XML element. */
const FROM_TOEWIJZING: Record<string, [dump: string, element: string]> = {
  traject_id: ["toewijzingnummer", "ToewijzingNummer"],
  productcategorie: ["productcategorie", "Product/Categorie"],
  productcode: ["productcode", "Product/Code"]
};

export interface Toewijzing {
  nummer: string;
  bsn: string;
  /** The client's Geboortedatum, when the message or dump has it. */
  geboortedatum: string | null;
  categorie: string;
  code: string;
  aanbieder: string;
  ingangsdatum: string;
  einddatum: string | null;
  where: Where;
}

/** A JW305 start (date = Begindatum) or JW307 stop (date = Einddatum). */
export interface Melding {
  nummer: string;
  date: string;
  where: Where;
}

export interface Declaratie {
  nummer: string;
  /** Eurocents, negative for a credit. */
  cents: number;
  where: Where;
}

export interface IjwRecords {
  toewijzingen: Toewijzing[];
  starts: Melding[];
  stops: Melding[];
  declaraties: Declaratie[];
  /**
   * ToewijzingNummers of messages rejected with an error (a toewijzing, start, stop or claim): the
   * trajectory is not made and its other messages are not reported again.
   */
  rejected: string[];
}

export type MessageType = "JW301" | "JW305" | "JW307" | "JW323";

/** BerichtCode (code list COD002-VEKT) per message type. */
export const MESSAGE_CODES: Record<string, MessageType> = {"436": "JW301", "438": "JW305", "440": "JW307", "490": "JW323"};

export function emptyRecords(): IjwRecords {
  return {toewijzingen: [], starts: [], stops: [], declaraties: [], rejected: []};
}

/** Merges the records of several files (each message in its own file, or dumps per type). */
export function mergeRecords(all: IjwRecords[]): IjwRecords {
  const merged = emptyRecords();
  for (const records of all) {
    merged.toewijzingen.push(...records.toewijzingen);
    merged.starts.push(...records.starts);
    merged.stops.push(...records.stops);
    merged.declaraties.push(...records.declaraties);
    merged.rejected.push(...records.rejected);
  }
  return merged;
}

// Field readers shared by both forms: the text of a field, or an error at its place.

interface Fields {
  text(name: string): string;
  where(name: string): Where;
}

type Collect = (error: InputError) => void;

function required(fields: Fields, name: string, errors: Collect): string | null {
  const text = fields.text(name);
  if (text !== "") return text;
  const where = fields.where(name);
  errors({file: where.file, line: where.line, column: where.column, value: null, message: "ontbreekt of is leeg, maar is verplicht"});
  return null;
}

function date(fields: Fields, name: string, errors: Collect, optional = false): string | null | undefined {
  const text = fields.text(name);
  if (text === "" && optional) return null;
  const parsed = parseDate(text);
  if (parsed.ok) return parsed.value;
  const where = fields.where(name);
  errors({file: where.file, line: where.line, column: where.column, value: text, message: parsed.reason.replace("dd-mm-jjjj", "jjjj-mm-dd of dd-mm-jjjj")});
  return undefined;
}

/** A BSN is checked here and never shown whole in a message: only its last three digits. */
function bsn(fields: Fields, name: string, errors: Collect): string | null {
  const text = required(fields, name, errors);
  if (text === null) return null;
  if (isValidBsn(text)) return text;
  const where = fields.where(name);
  errors({file: where.file, line: where.line, column: where.column, value: maskedBsn(text), message: INVALID_BSN});
  return null;
}

export function maskedBsn(text: string): string {
  return text.length <= 3 ? "…" : `…${text.slice(-3)}`;
}

function cents(amount: Fields, name: string, signName: string, errors: Collect): number | null {
  const text = required(amount, name, errors);
  if (text === null) return null;
  if (!/^\d+$/.test(text)) {
    const where = amount.where(name);
    const message = "is geen bedrag in eurocenten (een geheel getal zonder komma of punt, zoals 123456 voor € 1.234,56)";
    errors({file: where.file, line: where.line, column: where.column, value: text, message});
    return null;
  }
  const sign = amount.text(signName).toUpperCase();
  if (sign !== "D" && sign !== "C") {
    const where = amount.where(signName);
    errors({file: where.file, line: where.line, column: where.column, value: sign, message: "moet D (debet) of C (credit) zijn"});
    return null;
  }
  return (sign === "C" ? -1 : 1) * Number(text);
}

function toewijzing(fields: Fields, aanbieder: string | null, errors: Collect, where: Where, rejected: string[]): Toewijzing | null {
  const values = {
    nummer: required(fields, "ToewijzingNummer", errors),
    bsn: bsn(fields, "Bsn", errors),
    categorie: required(fields, "Categorie", errors),
    code: required(fields, "Code", errors),
    ingangsdatum: date(fields, "ToewijzingIngangsdatum", errors),
    einddatum: date(fields, "ToewijzingEinddatum", errors, true),
    geboortedatum: date(fields, "Geboortedatum", errors, true)
  };
  const {nummer, bsn: number, categorie, code, ingangsdatum, einddatum, geboortedatum} = values;
  const invalid = einddatum === undefined || geboortedatum === undefined;
  if (aanbieder === null || number === null || categorie === null || code === null || !ingangsdatum || invalid || nummer === null) {
    if (nummer !== null) rejected.push(nummer);
    return null;
  }
  return {nummer, bsn: number, geboortedatum, categorie, code, ingangsdatum, einddatum, aanbieder, where};
}

function melding(fields: Fields, dateName: string, errors: Collect, where: Where, rejected: string[]): Melding | null {
  const nummer = required(fields, "ToewijzingNummer", errors);
  const value = date(fields, dateName, errors);
  if (nummer !== null && !value) rejected.push(nummer);
  return nummer === null || !value ? null : {nummer, date: value, where};
}

function claim(fields: Fields, errors: Collect, where: Where, rejected: string[]): Declaratie | null {
  const nummer = required(fields, "ToewijzingNummer", errors);
  const amount = cents(fields, "Bedrag", "DebetCredit", errors);
  if (nummer !== null && amount === null) rejected.push(nummer);
  return nummer === null || amount === null ? null : {nummer, cents: amount, where};
}

// XML

const REPEATED = new Set(["Client", "ToegewezenProduct", "StartProduct", "StopProduct", "Prestatie"]);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  // Codes and numbers stay text: AGB 01234567 and product code 45A01 must not become numbers.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name)
});

type Node = Record<string, unknown>;
const child = (node: unknown, name: string): unknown => (node !== null && typeof node === "object" ? (node as Node)[name] : undefined);
const list = (node: unknown, name: string): unknown[] => {
  const found = child(node, name);
  return Array.isArray(found) ? found : found === undefined ? [] : [found];
};

/** A field reader over an XML element, naming fields by their path ("Client[1]/…/Product/Code"). */
function xmlFields(file: string, path: string, node: unknown, paths: Record<string, string[]>): Fields {
  const resolve = (name: string) => paths[name] ?? [name];
  return {
    text: (name) => {
      const value = resolve(name).reduce<unknown>((at, step) => child(at, step), node);
      return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
    },
    where: (name) => ({file, line: null, column: `${path}/${resolve(name).join("/")}`})
  };
}

// fast-xml-parser's messages are English; its error codes are not.
const XML_ERRORS: Record<string, string> = {
  InvalidTag: "een element wordt niet (goed) gesloten of heeft een ongeldige naam",
  InvalidAttr: "een attribuut is ongeldig",
  InvalidChar: "er staat een teken dat daar niet mag",
  InvalidXml: "de opbouw van het bestand klopt niet"
};

const NAMESPACE = /xmlns(?::[\w.-]+)?\s*=\s*["'][^"']*\/(jw\d{3})\/schema["']/i;

/** One iJw XML message (a Bericht with a Header and one or more Clients) → its records. */
export function readIjwXml(text: string, file: string): {records: IjwRecords; errors: InputError[]} {
  const records = emptyRecords();
  const errors: InputError[] = [];
  const collect: Collect = (error) => errors.push(error);
  const body = text.replace(/^\ufeff/, "");
  // iJw messages never declare a DOCTYPE; one that does could define entities that expand without end.
  if (/<!DOCTYPE/i.test(body)) {
    const line = body.slice(0, body.search(/<!DOCTYPE/i)).split("\n").length;
    return {records, errors: [{file, line, column: null, value: null, message: "bevat een DOCTYPE; een iJw-bericht heeft er geen. Lever het bericht opnieuw aan"}]};
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const message = `is geen geldige XML: ${XML_ERRORS[valid.err.code] ?? XML_ERRORS.InvalidXml} (teken ${valid.err.col}); lever het bericht opnieuw aan`;
    return {records, errors: [{file, line: valid.err.line, column: null, value: null, message}]};
  }
  const root = child(parser.parse(body), "Bericht");
  const header = child(root, "Header");
  const byCode = MESSAGE_CODES[String(child(header, "BerichtCode") ?? "").trim()];
  const byNamespace = NAMESPACE.exec(body)?.[1]?.toUpperCase() as MessageType | undefined;
  const type = byCode ?? byNamespace;
  if (root === undefined || type === undefined || (byNamespace && byCode && byNamespace !== byCode)) {
    const message =
      root === undefined
        ? "heeft geen element Bericht; verwacht een iJw-bericht (JW301, JW305, JW307 of JW323)"
        : byNamespace && byCode && byNamespace !== byCode
          ? `heeft BerichtCode van ${byCode}, maar de namespace van ${byNamespace}`
          : "is geen JW301, JW305, JW307 of JW323 (BerichtCode 436, 438, 440 of 490, of de namespace …/jw301/schema enz.)";
    return {records, errors: [{file, line: null, column: root === undefined ? null : "Bericht/Header/BerichtCode", value: null, message}]};
  }
  // JW301 goes from the municipality to the provider: the provider is the header's Ontvanger.
  const headerFields = xmlFields(file, "Bericht/Header", header, {});
  const aanbieder = type === "JW301" ? required(headerFields, "Ontvanger", collect) : null;
  list(root, "Client").forEach((client, c) => {
    const clientPath = `Bericht/Client[${c + 1}]`;
    const clientBsn = xmlFields(file, clientPath, client, {Geboortedatum: ["Geboortedatum", "Datum"]});
    const items = (group: string, item: string) =>
      list(child(client, group), item).map((node, i) => ({node, path: `${clientPath}/${group}/${item}[${i + 1}]`}));
    if (type === "JW301") {
      for (const {node, path} of items("ToegewezenProducten", "ToegewezenProduct")) {
        const fields = withClient(xmlFields(file, path, node, {Categorie: ["Product", "Categorie"], Code: ["Product", "Code"]}), clientBsn);
        const field = (column: string) => (FROM_TOEWIJZING[column] ? `${path}/${FROM_TOEWIJZING[column][1]}` : null);
        const found = toewijzing(fields, aanbieder, collect, {file, line: null, column: path, field}, records.rejected);
        if (found) records.toewijzingen.push(found);
      }
    } else if (type === "JW305" || type === "JW307") {
      const [group, item, dateName] = type === "JW305" ? ["StartProducten", "StartProduct", "Begindatum"] : ["StopProducten", "StopProduct", "Einddatum"];
      for (const {node, path} of items(group, item)) {
        const found = melding(xmlFields(file, path, node, {}), dateName, collect, {file, line: null, column: path}, records.rejected);
        if (found) (type === "JW305" ? records.starts : records.stops).push(found);
      }
    } else {
      for (const {node, path} of items("Prestaties", "Prestatie")) {
        // TotaalBedrag is a Bedrag with its DebetCredit, as every amount in iJw 3.x. The releases
        // differ in the element's name (check against the XSD of the release in use): without a
        // TotaalBedrag the IngediendBedrag counts.
        const element = child(node, "TotaalBedrag") === undefined && child(node, "IngediendBedrag") !== undefined ? "IngediendBedrag" : "TotaalBedrag";
        const fields = xmlFields(file, path, node, {Bedrag: [element, "Bedrag"], DebetCredit: [element, "DebetCredit"]});
        const found = claim(fields, collect, {file, line: null, column: path}, records.rejected);
        if (found) records.declaraties.push(found);
      }
    }
  });
  return {records, errors};
}

/** Bsn and Geboortedatum sit on the Client, the other fields on the product. */
function withClient(fields: Fields, client: Fields): Fields {
  const onClient = (name: string) => name === "Bsn" || name === "Geboortedatum";
  return {
    text: (name) => (onClient(name) ? client.text(name) : fields.text(name)),
    where: (name) => (onClient(name) ? client.where(name) : fields.where(name))
  };
}

// Flat dumps: one table per message type, one row per product (or prestatie), columns named after
// the XML elements in lower case.

export const DUMP_COLUMNS: Record<MessageType, readonly string[]> = {
  JW301: ["toewijzingnummer", "bsn", "productcategorie", "productcode", "aanbieder", "toewijzingingangsdatum", "toewijzingeinddatum"],
  JW305: ["toewijzingnummer", "begindatum"],
  JW307: ["toewijzingnummer", "einddatum"],
  JW323: ["toewijzingnummer", "totaalbedrag", "debetcredit"]
};

const DUMP_NAMES: Record<string, string> = {
  ToewijzingNummer: "toewijzingnummer",
  Bsn: "bsn",
  Geboortedatum: "geboortedatum",
  Categorie: "productcategorie",
  Code: "productcode",
  Ontvanger: "aanbieder",
  ToewijzingIngangsdatum: "toewijzingingangsdatum",
  ToewijzingEinddatum: "toewijzingeinddatum",
  Begindatum: "begindatum",
  Einddatum: "einddatum",
  Bedrag: "totaalbedrag",
  DebetCredit: "debetcredit"
};

/** A dump's file name → its message type ("jw301.csv", "JW323-2023.xlsx"); null for other files. */
export function dumpType(name: string): MessageType | null {
  const match = /^(jw30[157]|jw323)\b/i.exec(name.split("/").at(-1)!);
  return match ? (match[1].toUpperCase() as MessageType) : null;
}

export function readIjwDump(table: SourceTable, type: MessageType): {records: IjwRecords; errors: InputError[]} {
  const records = emptyRecords();
  const errors = missingColumnErrors(table, DUMP_COLUMNS[type]);
  if (errors.length > 0) return {records, errors};
  const collect: Collect = (error) => errors.push(error);
  for (const row of table.rows) {
    const fields: Fields = {
      text: (name) => cellOf(table, row, DUMP_NAMES[name] ?? name.toLowerCase()),
      where: (name) => {
        const column = DUMP_NAMES[name] ?? name.toLowerCase();
        return {file: table.file, line: row.line, column: table.column(column, row.line)};
      }
    };
    const field = (column: string) => (FROM_TOEWIJZING[column] ? table.column(FROM_TOEWIJZING[column][0], row.line) : null);
    const where: Where = {file: table.file, line: row.line, column: table.column("toewijzingnummer", row.line), field};
    if (type === "JW301") {
      const found = toewijzing(fields, required(fields, "Ontvanger", collect), collect, where, records.rejected);
      if (found) records.toewijzingen.push(found);
    } else if (type === "JW305" || type === "JW307") {
      const found = melding(fields, type === "JW305" ? "Begindatum" : "Einddatum", collect, where, records.rejected);
      if (found) (type === "JW305" ? records.starts : records.stops).push(found);
    } else {
      const found = claim(fields, collect, where, records.rejected);
      if (found) records.declaraties.push(found);
    }
  }
  return {records, errors};
}

/**
 * Toewijzingen whose client was born in another month than leerlingen.csv says of the same pupil:
 * most likely a BSN typed wrong, which links the care to another child. A warning per toewijzing.
 */
export function birthMismatches(
  toewijzingen: readonly Toewijzing[],
  pseudonym: Pseudonymise,
  birthMonths: ReadonlyMap<string, string>,
  file = "leerlingen.csv"
): InputError[] {
  const month = (ym: string) => `${ym.slice(5, 7)}-${ym.slice(0, 4)}`;
  return toewijzingen.flatMap((t) => {
    const enrolled = birthMonths.get(pseudonym(t.bsn));
    if (t.geboortedatum === null || enrolled === undefined || t.geboortedatum.slice(0, 7) === enrolled) return [];
    const message =
      `heeft een client geboren in ${month(t.geboortedatum)}, maar ${file} geeft dezelfde leerling geboortemaand ` +
      `${month(enrolled)}; controleer het BSN`;
    return [errorAt(t.where, t.nummer, message)];
  });
}

// Records → trajecten.csv

export const TRAJECT_COLUMNS = ["traject_id", "leerling_id", "productcategorie", "productcode", "aanbieder", "begindatum", "einddatum", "kosten"] as const;

/** What the conversion took from where, for the import report. */
export interface IjwSummary {
  toewijzingen: number;
  startFromJw305: number;
  /** No JW305: the start is the toewijzing's ingangsdatum. */
  startFromToewijzing: number;
  endFromJw307: number;
  /** No JW307: the end is the toewijzing's einddatum (the planned end). */
  endFromToewijzing: number;
  /** No JW307 and no toewijzing einddatum: the trajectory is open. */
  open: number;
  declaraties: number;
  /** Toewijzingen without any JW323: cost 0. */
  withoutClaims: number;
}

const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

function errorAt(where: Where, value: string | null, message: string): InputError {
  return {file: where.file, line: where.line, column: where.column, value, message};
}

/** Records → trajecten.csv rows (sorted by ToewijzingNummer), with BSN replaced by its pseudonym. */
export function toTrajecten(
  records: IjwRecords,
  pseudonym: Pseudonymise
): {rows: string[][]; sources: Where[]; summary: IjwSummary; errors: InputError[]} {
  const errors: InputError[] = [];
  const byNummer = new Map<string, Toewijzing>();
  for (const t of records.toewijzingen) {
    const earlier = byNummer.get(t.nummer);
    if (earlier === undefined) byNummer.set(t.nummer, t);
    else if (!sameToewijzing(earlier, t)) {
      const at = earlier.where.line === null ? earlier.where.column : `regel ${earlier.where.line}`;
      errors.push(errorAt(t.where, t.nummer, `komt al voor met andere gegevens (${earlier.where.file}, ${at}); lever één versie van de toewijzing aan`));
    }
  }
  const rejected = new Set(records.rejected);
  const linked = <T extends {nummer: string; where: Where}>(items: T[], what: string) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      if (rejected.has(item.nummer) && !byNummer.has(item.nummer)) continue;
      if (!byNummer.has(item.nummer)) {
        errors.push(errorAt(item.where, item.nummer, `hoort bij geen toewijzing (JW301) in de bronmap; ${what} kan niet aan een traject worden gekoppeld`));
        continue;
      }
      map.set(item.nummer, [...(map.get(item.nummer) ?? []), item]);
    }
    return map;
  };
  const starts = linked(records.starts, "deze startmelding (JW305)");
  const stops = linked(records.stops, "deze stopmelding (JW307)");
  const claims = linked(records.declaraties, "deze declaratie (JW323)");
  const summary: IjwSummary = {
    toewijzingen: byNummer.size,
    startFromJw305: 0,
    startFromToewijzing: 0,
    endFromJw307: 0,
    endFromToewijzing: 0,
    open: 0,
    declaraties: records.declaraties.length,
    withoutClaims: 0
  };
  const rows: string[][] = [];
  const sources: Where[] = [];
  for (const nummer of [...byNummer.keys()].sort()) {
    // One of its messages has an error already: its dates or cost would be wrong, and are not reported twice.
    if (rejected.has(nummer)) continue;
    const t = byNummer.get(nummer)!;
    const started = starts.get(nummer)?.map((m) => m.date).sort()[0];
    const stopped = stops.get(nummer)?.map((m) => m.date).sort().at(-1);
    if (started) summary.startFromJw305++;
    else summary.startFromToewijzing++;
    if (stopped) summary.endFromJw307++;
    else if (t.einddatum) summary.endFromToewijzing++;
    else summary.open++;
    const start = started ?? t.ingangsdatum;
    const end = stopped ?? t.einddatum;
    const total = (claims.get(nummer) ?? []).reduce((sum, claim) => sum + claim.cents, 0);
    if (!claims.has(nummer)) summary.withoutClaims++;
    if (total < 0) {
      errors.push(errorAt(t.where, nummer, `heeft meer credit dan debet in de declaraties (JW323): samen ${euros(-total)} euro negatief`));
      continue;
    }
    if (end !== null && end < start) {
      errors.push(errorAt(t.where, nummer, `eindigt (${formatDutchDate(end)}) vóór het begint (${formatDutchDate(start)}); controleer JW305/JW307`));
      continue;
    }
    rows.push([nummer, pseudonym(t.bsn), t.categorie, t.code, t.aanbieder, formatDutchDate(start), end === null ? "" : formatDutchDate(end), euros(total)]);
    sources.push(t.where);
  }
  return {rows, sources, summary, errors};
}

/**
 * An error the contract found in the trajecten.csv made from iJw (which is never written when there
 * is one) → the toewijzing it came from. Row n of that file is sources[n − 2] (line 1 is the header).
 */
export function atToewijzing(error: InputError, sources: readonly Where[]): InputError {
  const where = error.line === null ? undefined : sources[error.line - 2];
  if (!where) return error;
  const direct = error.column === null ? null : (where.field?.(error.column) ?? null);
  const column = error.column === null || direct ? "" : ` (kolom ${error.column} van het traject)`;
  const message = `${error.message.replace(/\.$/, "")}${column}`;
  return {file: where.file, line: where.line, column: direct ?? where.column, value: error.value, message};
}

function sameToewijzing(a: Toewijzing, b: Toewijzing): boolean {
  return (
    a.bsn === b.bsn &&
    a.categorie === b.categorie &&
    a.code === b.code &&
    a.aanbieder === b.aanbieder &&
    a.ingangsdatum === b.ingangsdatum &&
    a.einddatum === b.einddatum
  );
}

const count = new Intl.NumberFormat("nl-NL");

/** Dutch lines for the import report. */
export function formatIjwSummary(s: IjwSummary): string[] {
  const n = (value: number) => count.format(value);
  return [
    `iJw: ${n(s.toewijzingen)} toewijzingen (JW301) → ${n(s.toewijzingen)} trajecten; ${n(s.declaraties)} declaratieregels (JW323).`,
    `- begindatum: ${n(s.startFromJw305)} uit een startmelding (JW305), ${n(s.startFromToewijzing)} zonder JW305: ingangsdatum van de toewijzing gebruikt.`,
    `- einddatum: ${n(s.endFromJw307)} uit een stopmelding (JW307), ${n(s.endFromToewijzing)} zonder JW307: einddatum van de toewijzing gebruikt (de geplande einddatum), ${n(s.open)} zonder einddatum (lopend).`,
    `- kosten: som van de declaraties (debet min credit); trajecten zonder declaratie (kosten 0): ${n(s.withoutClaims)}.`
  ];
}
