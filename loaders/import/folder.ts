// A municipality's source folder (bronmap: iJw messages or dumps, DUO files, Excel workbooks, CSV)
// → the five texts of the data contract, checked by the contract's own loader. Pure: the files come
// in as names and bytes (loaders/io.ts reads and writes folders). BSN is replaced here and nowhere
// else: no text this returns (files, report, warnings, errors) carries one.

import {INPUT_FILES, loadDataset, formatScopeReport, type InputName} from "../contract.js";
import {decodeInput} from "../encoding.js";
import {InputErrors, type InputError} from "../errors.js";
import {formatQualityReport} from "../quality.js";
import {parseYearMonth} from "../values.js";
import {importKey, INVALID_BSN, isValidBsn, KEY_FIELD, pseudonymiser, type Pseudonymise} from "./bsn.js";
import {crossCheck, duoPupils, duoSchools, isDuoPupilsFile, SCHOOL_COLUMNS, DEFAULT_MARGIN_PERCENT, formatMarginPercent} from "./duo.js";
import {atToewijzing, birthMismatches, dumpType, formatIjwSummary, mergeRecords, readIjwDump, readIjwXml, toTrajecten, TRAJECT_COLUMNS, maskedBsn, type IjwRecords, type Where} from "./ijw.js";
import {alignedCsv, atSource, cellError, cellOf, plainCsv, readTable, type SourceRow, type SourceTable} from "./table.js";

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** Fields of the source folder's instellingen.json that steer the import and stay out of the contract. */
export const IMPORT_FIELDS = [KEY_FIELD, "importBladen", "importMarge"] as const;

export interface ImportResult {
  /** The contract folder's files by name (instellingen.json, scholen.csv, …). */
  files: Record<string, string>;
  /** Dutch lines: what was converted from where, then the contract loader's own report. */
  report: string[];
  /** Worth a look; the conversion went on. */
  warnings: InputError[];
}

/** Where a contract file came from (by its contract name), to name the source cell in the contract loader's errors. */
type Origins = Partial<Record<string, SourceTable>>;

export function importFolder(sources: readonly SourceFile[], env: NodeJS.ProcessEnv = {}): ImportResult {
  const byName = new Map(sources.map((file) => [file.name.toLowerCase(), file]));
  const find = (base: string) => byName.get(`${base}.csv`) ?? byName.get(`${base}.xlsx`) ?? null;
  const errors: InputError[] = [];
  const report: string[] = [];
  const warnings: InputError[] = [];
  const sourcesRead: string[] = [];

  const settingsFile = byName.get(INPUT_FILES.instellingen);
  if (!settingsFile) throw new InputErrors([{file: INPUT_FILES.instellingen, line: null, column: null, value: null, message: "ontbreekt in de bronmap"}]);
  const settingsText = decodeInput(settingsFile.bytes).text.replace(/^\ufeff/, "");
  let settings: Record<string, unknown>;
  try {
    settings = JSON.parse(settingsText) as Record<string, unknown>;
  } catch {
    throw new InputErrors([{file: INPUT_FILES.instellingen, line: null, column: null, value: null, message: "is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes"}]);
  }
  const sheets = (settings.importBladen ?? {}) as Record<string, string>;
  const municipality = typeof settings.municipality === "string" ? settings.municipality : "";
  // duoMarginPercent is the build's setting for the same comparison (it passes through); importMarge (a
  // share) came first. Rounded to whole millionths so that a share of 0,07 is 7 %, not 7,000000000000001 %.
  const marginPercent =
    typeof settings.duoMarginPercent === "number"
      ? settings.duoMarginPercent
      : typeof settings.importMarge === "number"
        ? Math.round(settings.importMarge * 100 * 1e6) / 1e6
        : DEFAULT_MARGIN_PERCENT;
  let pseudonym: Pseudonymise | null = null;
  const needKey = (): Pseudonymise | null => {
    if (pseudonym) return pseudonym;
    const found = importKey(env, settings);
    if ("error" in found) {
      if (!errors.some((error) => error.column === KEY_FIELD)) errors.push(found.error);
      return null;
    }
    return (pseudonym = pseudonymiser(found.key));
  };
  const table = (file: SourceFile): SourceTable | null => {
    const base = file.name.replace(/\.(csv|xlsx)$/i, "").toLowerCase();
    const read = readTable(file.bytes, file.name, {sheet: sheets[base]});
    errors.push(...read.errors);
    if (read.table) sourcesRead.push(`${read.table.file} (${read.table.encoding}, ${count.format(read.table.rows.length)} rijen)`);
    return read.table;
  };

  const files: Record<string, string> = {[INPUT_FILES.instellingen]: contractSettings(settingsText, settings)};
  const origins: Origins = {};
  // Where each row of a trajecten.csv made from iJw came from.
  let toewijzingen: Where[] | null = null;
  const passThrough = (name: InputName, source: SourceTable, rows: SourceRow[] = source.rows, columns = source.columns) => {
    files[INPUT_FILES[name]] = alignedCsv(columns, source.headerLine, rows);
    origins[INPUT_FILES[name]] = source;
  };

  // zorgvormen: the product → zorgvorm mapping, as the contract defines it.
  const mapping = find("zorgvormen");
  const mappingTable = mapping && table(mapping);
  if (mappingTable) passThrough("zorgvormen", mappingTable);
  else if (!mapping) errors.push(missing("zorgvormen"));

  // scholen: the contract file itself, or the DUO register plus optional schoolkenmerken.
  const schools = find("scholen");
  const register = sources.find((file) => /vestigingen/i.test(file.name) && /\.(csv|xlsx)$/i.test(file.name));
  if (schools && register) errors.push(twoSources(schools.name, register.name));
  else if (schools) {
    const t = table(schools);
    if (t) passThrough("scholen", t);
  } else if (register) {
    const t = table(register);
    const extraFile = find("schoolkenmerken");
    const extra = extraFile ? table(extraFile) : null;
    if (t) {
      const duo = duoSchools(t, municipality, extra);
      errors.push(...duo.errors);
      // Without schoolkenmerken the study's columns (factors, interviews) are left out, not left empty:
      // the contract lets a municipality without them build its data report.
      const columns = extra ? SCHOOL_COLUMNS.length : SCHOOL_COLUMNS.indexOf("concept") + 1;
      files[INPUT_FILES.scholen] = plainCsv(SCHOOL_COLUMNS.slice(0, columns), duo.rows.map((row) => row.slice(0, columns)));
      report.push(`Scholen: ${duo.rows.length} vestigingen in ${municipality} uit ${register.name} (${duo.outside} in andere gemeenten overgeslagen)${extra ? `, aangevuld uit ${extraFile!.name}` : ""}.`);
    }
  } else errors.push(missing("scholen", "of een DUO-bestand met vestigingen (bijvoorbeeld 02.-alle-schoolvestigingen-basisonderwijs.csv)"));

  // leerlingen: leerling_id as given, or a bsn column replaced by its pseudonym.
  const pupils = find("leerlingen");
  const pupilsTable = pupils && table(pupils);
  if (pupilsTable) {
    const converted = pupilIds(pupilsTable, needKey, errors);
    if (converted) passThrough("leerlingen", pupilsTable, converted.rows, converted.columns);
  } else if (!pupils) errors.push(missing("leerlingen"));

  // trajecten: the contract file itself, or iJw messages (XML) and dumps (jw301.csv, …).
  const trajects = find("trajecten");
  const xml = sources.filter((file) => file.name.toLowerCase().endsWith(".xml"));
  const dumps = sources.flatMap((file) => {
    const type = dumpType(file.name);
    return type && /\.(csv|xlsx)$/i.test(file.name) ? [{file, type}] : [];
  });
  const messages = [...xml, ...dumps.map(({file}) => file)];
  if (trajects && messages.length > 0) errors.push(twoSources(trajects.name, messages[0].name));
  else if (trajects) {
    const t = table(trajects);
    if (t) {
      errors.push(...bsnLikeIds(t));
      passThrough("trajecten", t);
    }
  } else if (xml.length > 0 || dumps.length > 0) {
    const all: IjwRecords[] = [];
    if (xml.length > 0) sourcesRead.push(`${count.format(xml.length)} iJw-berichten (.xml)`);
    for (const file of xml) {
      const read = readIjwXml(decodeInput(file.bytes).text, file.name);
      errors.push(...read.errors);
      all.push(read.records);
    }
    for (const {file, type} of dumps) {
      const t = table(file);
      if (!t) continue;
      const read = readIjwDump(t, type);
      errors.push(...read.errors);
      all.push(read.records);
    }
    const key = needKey();
    if (key) {
      const records = mergeRecords(all);
      const converted = toTrajecten(records, key);
      if (files[INPUT_FILES.leerlingen]) {
        const mismatches = birthMismatches(records.toewijzingen, key, birthMonthsOf(files[INPUT_FILES.leerlingen]));
        warnings.push(...mismatches);
        report.push(`Geboortemaand in JW301 en leerlingen vergeleken: ${count.format(mismatches.length)} toewijzingen met een andere maand.`);
      }
      errors.push(...converted.errors);
      files[INPUT_FILES.trajecten] = plainCsv(TRAJECT_COLUMNS, converted.rows);
      toewijzingen = converted.sources;
      report.push(...formatIjwSummary(converted.summary));
    }
  } else errors.push(missing("trajecten", "of iJw-berichten (.xml) of dumps (jw301.csv, jw305.csv, jw307.csv, jw323.csv)"));

  if (errors.length > 0) throw new InputErrors(errors);

  // DUO pupils per age: a cross-check of the enrolment counts, never a denominator.
  const counts = sources.filter((file) => isDuoPupilsFile(file.name));
  if (counts.length > 0 && pupilsTable) {
    const enrolments = enrolmentsOf(files[INPUT_FILES.leerlingen]);
    for (const file of counts) {
      const t = table(file);
      if (!t) continue;
      const read = duoPupils(t, file.name);
      errors.push(...read.errors);
      const found = crossCheck(read.counts, enrolments, marginPercent);
      warnings.push(...found);
      report.push(`DUO-leerlingtelling ${file.name}: ${read.counts.length} vestigingen × jaren vergeleken met leerlingen.csv, ${found.length} met meer dan ${formatMarginPercent(marginPercent)} verschil.`);
      // Beside leerlingen.csv in the contract folder too (a sheet as CSV), so that the build repeats
      // the comparison on the data-quality page.
      files[file.name.replace(/\.xlsx$/i, ".csv")] = alignedCsv(t.columns, t.headerLine, t.rows);
    }
    if (errors.length > 0) throw new InputErrors(errors);
  }

  // The contract's own check, on the bytes the build will read, with errors in converted sheets
  // pointing at the source cell.
  report.unshift(`Gelezen uit de bronmap: ${sourcesRead.join("; ")}.`);
  try {
    const texts = Object.entries(INPUT_FILES).map(([name, file]) => [name, new TextEncoder().encode(files[file])]);
    const loaded = loadDataset(Object.fromEntries(texts) as Record<InputName, Uint8Array>);
    report.push(formatScopeReport(loaded.scope), formatQualityReport(loaded.quality));
  } catch (error) {
    if (error instanceof InputErrors) {
      const fromToewijzing = (e: InputError) => (toewijzingen && e.file === INPUT_FILES.trajecten ? atToewijzing(e, toewijzingen) : e);
      throw new InputErrors(error.errors.map((e) => fromToewijzing(atSource(e, origins))));
    }
    throw error;
  }
  return {files, report, warnings};
}

const count = new Intl.NumberFormat("nl-NL");

/** A ready contract file beside the sources it would be made from: which one is current cannot be known. */
function twoSources(ready: string, source: string): InputError {
  const message = `staat in de bronmap naast ${source}, waar de import dit bestand van maakt; laat één van beide staan`;
  return {file: ready, line: null, column: null, value: null, message};
}

function missing(base: string, alternative = ""): InputError {
  return {file: `${base}.csv`, line: null, column: null, value: null, message: `ontbreekt in de bronmap (ook als ${base}.xlsx${alternative ? ` ${alternative}` : ""})`};
}

/** instellingen.json as the contract reads it: the import's own fields (the key!) left out. */
function contractSettings(text: string, settings: Record<string, unknown>): string {
  if (!IMPORT_FIELDS.some((field) => field in settings)) return text;
  const kept = Object.fromEntries(Object.entries(settings).filter(([field]) => !(IMPORT_FIELDS as readonly string[]).includes(field)));
  return `${JSON.stringify(kept, null, 2)}\n`;
}

const BSN_LIKE = /^\d{8,9}$/;

/** A pupil id that passes the elfproef is most likely a BSN that must not pass through. */
function bsnLikeIds(table: SourceTable): InputError[] {
  const errors: InputError[] = [];
  for (const row of table.rows) {
    const id = cellOf(table, row, "leerling_id");
    if (BSN_LIKE.test(id) && isValidBsn(id)) {
      const message = "lijkt een BSN (9 cijfers, de elfproef klopt); noem de kolom bsn, dan vervangt de import het door een sleutelcode";
      errors.push(cellError(table, row.line, "leerling_id", maskedBsn(id), message));
    }
  }
  return errors;
}

/** leerlingen with a bsn column: leerling_id becomes the BSN's pseudonym and the BSN is dropped. */
function pupilIds(
  table: SourceTable,
  needKey: () => Pseudonymise | null,
  errors: InputError[]
): {columns: string[]; rows: SourceRow[]} | null {
  const at = table.columns.indexOf("bsn");
  if (at < 0) {
    errors.push(...bsnLikeIds(table));
    return {columns: table.columns, rows: table.rows};
  }
  const key = needKey();
  if (!key) return null;
  const kept = table.columns.map((column, i) => (column === "bsn" || column === "leerling_id" ? -1 : i)).filter((i) => i >= 0);
  const columns = ["leerling_id", ...kept.map((i) => table.columns[i])];
  const rows: SourceRow[] = [];
  for (const row of table.rows) {
    const bsn = (row.cells[at] ?? "").trim();
    if (!isValidBsn(bsn)) {
      errors.push(cellError(table, row.line, "bsn", bsn === "" ? null : maskedBsn(bsn), bsn === "" ? "is leeg, maar dit veld is verplicht" : INVALID_BSN));
      continue;
    }
    rows.push({line: row.line, cells: [key(bsn), ...kept.map((i) => row.cells[i] ?? "")]});
  }
  return {columns, rows};
}

/** leerling_id → geboortemaand (YYYY-MM) of a converted leerlingen.csv; unreadable months are the contract's to report. */
function birthMonthsOf(text: string): Map<string, string> {
  const months = new Map<string, string>();
  const {table: t} = readTable(text, "leerlingen.csv");
  for (const row of t?.rows ?? []) {
    const parsed = parseYearMonth(cellOf(t!, row, "geboortemaand"));
    if (parsed.ok) months.set(cellOf(t!, row, "leerling_id"), parsed.value);
  }
  return months;
}

/** School and teldatum year of every row of a converted leerlingen.csv (dd-mm-jjjj or jjjj-mm-dd). */
function enrolmentsOf(text: string): {schoolId: string; year: number}[] {
  const read = readTable(text, "leerlingen.csv");
  if (!read.table) return [];
  const t = read.table;
  return t.rows.map((row) => {
    const date = cellOf(t, row, "peildatum");
    return {schoolId: cellOf(t, row, "school_id").toUpperCase(), year: Number(/\d{4}/.exec(date)?.[0] ?? 0)};
  });
}
