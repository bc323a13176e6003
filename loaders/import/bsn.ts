// BSN (burgerservicenummer) handling: the number identifies a child, so it never leaves the import
// step. It is checked with the elfproef and replaced by a keyed hash (HMAC-SHA256) whose key the
// municipality keeps: the same BSN gives the same pupil id in every file and every run with that
// key, while nobody without the key can test a guessed BSN against a published id.

import {createHmac} from "node:crypto";
import type {InputError} from "../errors.js";

/** Where the key can be given; the environment wins, so that it need not sit in a file at all. */
export const KEY_VARIABLE = "NADERE_OGEN_IMPORTSLEUTEL";
export const KEY_FIELD = "importSleutel";
/** Shorter keys can be guessed; 16 characters is what instellingen.json asks of cellKeySecret too. */
export const MIN_KEY_LENGTH = 16;

/** 9 digits (8 with the leading zero dropped by a spreadsheet) whose weighted sum 9…2, −1 is a multiple of 11. */
export function isValidBsn(text: string): boolean {
  const digits = text.length === 8 ? `0${text}` : text;
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** The BSN as 9 digits, so that "12345672" from Excel and "012345672" hash alike. */
export function normalBsn(text: string): string {
  return text.length === 8 ? `0${text}` : text;
}

const LETTERS = "abcdefghijklmnop";

export type Pseudonymise = (bsn: string) => string;

/**
 * The pupil id for a (valid) BSN: "L" + the first 80 bits of HMAC-SHA256(key, BSN), 4 bits per
 * letter a–p. Letters, not hex digits: an id never holds a run of digits that reads as a BSN.
 */
export function pseudonymiser(key: string): Pseudonymise {
  const known = new Map<string, string>();
  return (bsn) => {
    const normal = normalBsn(bsn);
    let id = known.get(normal);
    if (id === undefined) {
      const hex = createHmac("sha256", key).update(normal).digest("hex").slice(0, 20);
      id = `L${hex.replace(/[0-9a-f]/g, (digit) => LETTERS[parseInt(digit, 16)])}`;
      known.set(normal, id);
    }
    return id;
  };
}

/** The key from the environment or the source folder's instellingen.json; an error when there is none. */
export function importKey(env: NodeJS.ProcessEnv, settings: Record<string, unknown> | null): {key: string} | {error: InputError} {
  const fromEnv = env[KEY_VARIABLE]?.trim();
  const fromFile = typeof settings?.[KEY_FIELD] === "string" ? (settings[KEY_FIELD] as string).trim() : undefined;
  const key = fromEnv || fromFile;
  const where = fromEnv ? `de omgevingsvariabele ${KEY_VARIABLE}` : `het veld ${KEY_FIELD}`;
  if (!key) {
    const message =
      `heeft geen sleutel om BSN's te vervangen: zet een geheime tekst van minstens ${MIN_KEY_LENGTH} tekens in de ` +
      `omgevingsvariabele ${KEY_VARIABLE} of in het veld ${KEY_FIELD}. Zonder sleutel zet de import geen BSN om`;
    return {error: {file: "instellingen.json", line: null, column: KEY_FIELD, value: null, message}};
  }
  if (key.length < MIN_KEY_LENGTH) {
    const message = `is te kort (${key.length} tekens in ${where}); kies een geheime tekst van minstens ${MIN_KEY_LENGTH} tekens`;
    return {error: {file: "instellingen.json", line: null, column: KEY_FIELD, value: null, message}};
  }
  return {key};
}

export const INVALID_BSN = "is geen geldig BSN (de elfproef klopt niet); controleer het nummer in de bron";
