// A deterministic, national-scale input for the engine benchmark: schools, a three-year enrolment
// panel and youth-care trajectories in the shapes of loaders/model.ts. Every engine gets the rows
// of the same seed, so their answers can be compared and their timings mean the same work.
//
// The proportions are invented but shaped like the real thing: school sizes vary, pupils enter in
// group 1 and leave after group 8, a few change school, care types and providers are skewed, GGZ
// trajectories running across 1-1-2018 were closed in December and reopened in January (the DBC
// effect), and a small share of trajectories starts in a year the pupil was not enrolled.

import type {Enrolment, Trajectory} from "../loaders/model";
import {Random} from "../loaders/synthetic/random.js";

export interface SyntheticShape {
  seed: number;
  schools: number;
  pupils: number;
  trajectories: number;
  providers: number;
  years: number[];
  /** First year of the new GGZ product codes (the DBC transition). */
  transitionYear: number;
}

export const NATIONAL: SyntheticShape = {
  seed: 20200101,
  schools: 7_000,
  pupils: 550_000,
  trajectories: 1_000_000,
  providers: 300,
  years: [2017, 2018, 2019],
  transitionYear: 2018
};

export interface SyntheticData {
  schoolIds: string[];
  enrolments: Enrolment[];
  trajectories: Trajectory[];
}

interface CareTypeProfile {
  key: string;
  productCategory: string;
  productCode: string;
  weight: number;
  meanDays: number;
  dailyCost: number;
  /** GGZ products were re-coded at the DBC transition; the others ran on. */
  ggz: boolean;
}

// Product codes agree with data/default/zorgvormen.csv (a whole category maps to one care type).
const CARE_TYPES: CareTypeProfile[] = [
  {key: "basis_ggz", productCategory: "54", productCode: "54001", weight: 16, meanDays: 200, dailyCost: 12, ggz: true},
  {key: "specialistische_ggz", productCategory: "54", productCode: "54002", weight: 18, meanDays: 400, dailyCost: 25, ggz: true},
  {key: "curatieve_ggz", productCategory: "54", productCode: "54005", weight: 3, meanDays: 300, dailyCost: 30, ggz: true},
  {key: "dyslexie", productCategory: "54", productCode: "54D01", weight: 10, meanDays: 500, dailyCost: 8, ggz: true},
  {key: "ambulante_begeleiding", productCategory: "45", productCode: "45A48", weight: 35, meanDays: 300, dailyCost: 15, ggz: false},
  {key: "dagbehandeling", productCategory: "41", productCode: "41A01", weight: 8, meanDays: 350, dailyCost: 60, ggz: false},
  {key: "verblijf", productCategory: "43", productCode: "43A03", weight: 5, meanDays: 250, dailyCost: 180, ggz: false},
  {key: "crisis", productCategory: "46", productCode: "46002", weight: 5, meanDays: 30, dailyCost: 100, ggz: false}
];

/** Share of pupils that ever receive care; the rest of the panel only shows up in enrolment. */
const CARE_PUPIL_SHARE = 0.6;
/** Trajectories that are still open although their natural end lies inside the window. */
const EXTRA_OPEN_SHARE = 0.27;
/** Share of trajectories whose start falls in any study year, enrolled there or not. */
const UNENROLLED_START_SHARE = 0.03;
const SCHOOL_CHANGE_SHARE = 0.02;
const DBC_SPLIT_SHARE = 0.85;
const GROUPS = 8;

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.parse(iso) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Draws indices in proportion to the weights (binary search over the cumulative sums). */
function weightedPicker(weights: number[], random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// BRIN-like school codes ("07AB"): digits first, so a careless numeric parse would strip zeros.
function schoolId(i: number): string {
  const letters = String.fromCharCode(65 + (Math.floor(i / 100) % 26), 65 + (Math.floor(i / 2600) % 26));
  return String(i % 100).padStart(2, "0") + letters;
}

// AGB-like eight-digit provider codes, many with a leading zero.
function providerId(i: number): string {
  return String((i * 7_919_113) % 100_000_000).padStart(8, "0");
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function generate(shape: SyntheticShape = NATIONAL): SyntheticData {
  const generator = new Random(shape.seed);
  const random = () => generator.next();
  const {years} = shape;
  const firstDay = dayNumber(`${years[0]}-01-01`);
  const lastDay = dayNumber(`${years[years.length - 1]}-12-31`);
  const transitionDay = dayNumber(`${shape.transitionYear}-01-01`);
  // Dates repeat a lot; sharing one string per day keeps a million rows small and fast to build.
  const isoByDay = new Map<number, string>();
  const iso = (day: number) => {
    let s = isoByDay.get(day);
    if (s === undefined) isoByDay.set(day, (s = isoDate(day)));
    return s;
  };
  const yearStart = years.map((y) => dayNumber(`${y}-01-01`));
  const yearEnd = years.map((y) => dayNumber(`${y}-12-31`));

  const schoolIds = Array.from({length: shape.schools}, (_, i) => schoolId(i));
  const municipalities = schoolIds.map((_, i) => `GM${pad((i * 37) % 342, 4)}`);
  // Log-normal school sizes: many small village schools, a tail of large ones.
  const pickSchool = weightedPicker(
    schoolIds.map(() => Math.exp(0.6 * gaussian(random))),
    random
  );

  // The panel: most pupils are already at school in the first year (any group), later years add
  // a new group 1. A pupil stays until group 8 or the end of the window.
  const entrantWeight = 1 / GROUPS;
  const pickEntryYear = weightedPicker(years.map((_, k) => (k === 0 ? 1 : entrantWeight)), random);
  const pupilIds: string[] = new Array(shape.pupils);
  const entryYear = new Uint8Array(shape.pupils);
  const yearsEnrolled = new Uint8Array(shape.pupils);
  const enrolments: Enrolment[] = [];
  for (let p = 0; p < shape.pupils; p++) {
    const pupilId = `L${pad(p, 7)}`;
    pupilIds[p] = pupilId;
    const k0 = pickEntryYear();
    const group = k0 === 0 ? 1 + Math.floor(random() * GROUPS) : 1;
    const span = Math.min(years.length - k0, GROUPS + 1 - group);
    entryYear[p] = k0;
    yearsEnrolled[p] = span;
    const birthMonth = `${years[k0] - group - 4}-${pad(1 + Math.floor(random() * 12), 2)}`;
    let school = pickSchool();
    for (let k = k0; k < k0 + span; k++) {
      if (k > k0 && random() < SCHOOL_CHANGE_SHARE) school = pickSchool();
      enrolments.push({
        pupilId,
        schoolId: schoolIds[school],
        date: `${years[k]}-10-01`,
        year: years[k],
        birthMonth,
        municipality: municipalities[school]
      });
    }
  }

  const carePupils: number[] = [];
  for (let p = 0; p < shape.pupils; p++) if (random() < CARE_PUPIL_SHARE) carePupils.push(p);
  const pickCareType = weightedPicker(CARE_TYPES.map((c) => c.weight), random);
  const pickProvider = weightedPicker(
    Array.from({length: shape.providers}, (_, r) => 1 / (r + 1) ** 0.9),
    random
  );
  const providers = Array.from({length: shape.providers}, (_, i) => providerId(i));

  const trajectories: Trajectory[] = [];
  const push = (pupilId: string, care: CareTypeProfile, provider: number, start: number, end: number | null) => {
    if (trajectories.length >= shape.trajectories) return;
    const billedDays = (end ?? lastDay) - start + 1;
    trajectories.push({
      id: `T${pad(trajectories.length, 7)}`,
      pupilId,
      productCategory: care.productCategory,
      productCode: care.productCode,
      careType: care.key,
      provider: providers[provider],
      start: iso(start),
      end: end === null ? null : iso(end),
      cost: Math.round(care.dailyCost * billedDays * (0.5 + random()) * 100) / 100
    });
  };

  // Episodes of one to three consecutive trajectories for a random care pupil, until the count is met.
  while (trajectories.length < shape.trajectories) {
    const p = carePupils[Math.floor(random() * carePupils.length)];
    const anyYear = random() < UNENROLLED_START_SHARE;
    const from = anyYear ? firstDay : yearStart[entryYear[p]];
    const to = anyYear ? lastDay : yearEnd[entryYear[p] + yearsEnrolled[p] - 1];
    let start = from + Math.floor(random() * (to - from + 1));
    let care = CARE_TYPES[pickCareType()];
    let provider = pickProvider();
    const count = random() < 0.35 ? (random() < 0.3 ? 3 : 2) : 1;
    for (let j = 0; j < count && start <= lastDay; j++) {
      const natural = start + 7 + Math.round(-care.meanDays * Math.log(1 - random()));
      const end = natural > lastDay || random() < EXTRA_OPEN_SHARE ? null : natural;
      const spansTransition = start < transitionDay && (end === null || end >= transitionDay);
      if (care.ggz && spansTransition && random() < DBC_SPLIT_SHARE) {
        const closedOn = Math.max(start, transitionDay - 1 - (random() < 0.8 ? 0 : Math.floor(random() * 20)));
        const reopenedOn = transitionDay + (random() < 0.8 ? 0 : Math.floor(random() * 30));
        push(pupilIds[p], care, provider, start, closedOn);
        push(pupilIds[p], care, provider, reopenedOn, end === null || end > reopenedOn ? end : reopenedOn);
      } else {
        push(pupilIds[p], care, provider, start, end);
      }
      start += 30 + Math.floor(random() * 400);
      if (random() < 0.5) care = CARE_TYPES[pickCareType()];
      if (random() < 0.4) provider = pickProvider();
    }
  }

  return {schoolIds, enrolments, trajectories};
}

/** Standard normal draw (Box–Muller); one of the pair is enough here. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const ENROLMENT_COLUMNS = ["pupilId", "schoolId", "date", "year", "birthMonth", "municipality"] as const;
export const TRAJECTORY_COLUMNS = [
  "id",
  "pupilId",
  "productCategory",
  "productCode",
  "careType",
  "provider",
  "start",
  "end",
  "cost"
] as const;

/**
 * Semicolon-separated text with the model's field names as header (the bench's own format, not the
 * input contract); an open end is an empty field. No value contains a separator or a quote.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const lines: string[] = new Array(rows.length + 1);
  lines[0] = columns.join(";");
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    lines[i + 1] = columns.map((c) => row[c] ?? "").join(";");
  }
  return lines.join("\n") + "\n";
}

/** FNV-1a over a string: a cheap fingerprint to show that every engine saw the same input. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
