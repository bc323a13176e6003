// Every choice the synthetic data set makes where the report gives no number. data/README.md
// lists these in words; change a value here and `npm run data:generate` rewrites the files.
// Numbers that the report *does* publish are not here: they come from data/default/inhoud/gepubliceerd/ (targets.ts).

import type {IbExperience, SesCategory} from "../model.js";

export const SEED = 20200717; // the day the report was delivered

export type SotLevel = "weinig" | "gemiddeld" | "veel";

export interface SchoolAssumption {
  name: string;
  board: string;
  denomination: string;
  concept: string | null;
  sesNeighbourhood: SesCategory;
  sotLevel: SotLevel;
  participated: boolean;
  ibCount: number | null;
  ibExperience: IbExperience | null;
  dorpsteamRating: 1 | 2 | 3 | null;
  sesSelfReported: SesCategory | null;
  /** Pupils enrolled who live in another municipality (regional schools): excluded from scope. */
  nonResidentPupils: number;
}

// Chosen to match the report's statements (§2.4, Tabel 8 legend, §3.2–3.3, Tabel 9, H5):
// - low-use schools have SES laag or midden; average-use schools mostly midden (6 of 11); high-use schools in
//   every SES category but least often hoog;
// - average-use schools all but one have an average number of SOT trajectories; low and high vary;
// - five "stable average" schools (Coolsma, De Sterrenboog, De Zonheuvel, De Ladder, Meent) are
//   average on use, size (200–300), SES and SOT;
// - 20 participants from 9 boards, 10 boards in all; De Wegwijzer and De Ladder did not take part
//   (the digest's inference from Bijlage 1);
// - IB'ers: 12 schools with one (cluster IB'ers counted as one), 5 with two, 1 without (leadership
//   stands in); experience <2 / 2–5 / >5 years in every use category, about 60 % under 5 years;
// - dorpsteam ratings 5 / 7 / 7 schools in categories 1 / 2 / 3 and one school without a grade
//   (a new IB'er), every use category with every rating;
// - self-reported SES 10 hoog, 7 midden/gemengd, 3 laag.
// The report's two-IB'er percentages (2019: 5, 7, 10, 16 %) point at De Uilenburcht, De Regenboog,
// Wilhelmina and De Ladder; De Ladder is a non-participant by the Bijlage 1 inference, so we give
// the two IB'ers to De Sterrenboog and De Kring instead (an acknowledged conflict, see README).
const s = (
  name: string,
  board: string,
  denomination: string,
  concept: string | null,
  sesNeighbourhood: SesCategory,
  sotLevel: SotLevel,
  interview: [number, IbExperience, 1 | 2 | 3 | null, SesCategory] | null,
  nonResidentPupils = 0
): SchoolAssumption => ({
  name,
  board,
  denomination,
  concept,
  sesNeighbourhood,
  sotLevel,
  participated: interview !== null,
  ibCount: interview?.[0] ?? null,
  ibExperience: interview?.[1] ?? null,
  dorpsteamRating: interview ? interview[2] : null,
  sesSelfReported: interview?.[3] ?? null,
  nonResidentPupils
});

export const SCHOOLS: SchoolAssumption[] = [
  s("Dolfijn", "Schoolbestuur A", "openbaar", "Jenaplan", "midden", "veel", [1, "<2", 3, "hoog"], 4),
  s("De Wegwijzer", "Schoolbestuur J", "protestants-christelijk", null, "laag", "weinig", null, 2),
  s("Nicolaas", "Schoolbestuur B", "rooms-katholiek", null, "midden", "gemiddeld", [1, "2-5", 1, "hoog"]),
  s("De Uilenburcht", "Schoolbestuur A", "openbaar", null, "laag", "weinig", [2, ">5", 2, "laag"], 6),
  s("Valkenheuvel", "Schoolbestuur C", "protestants-christelijk", null, "midden", "veel", [1, ">5", 3, "midden"]),
  s("De Regenboog", "Schoolbestuur A", "openbaar", null, "hoog", "gemiddeld", [2, "<2", 2, "hoog"], 3),
  s("Gisbertus Voetius", "Schoolbestuur D", "reformatorisch", null, "hoog", "gemiddeld", [1, ">5", 3, "hoog"], 118),
  s("De Wijngaard", "Schoolbestuur F", "protestants-christelijk", null, "midden", "veel", [1, "2-5", 1, "midden"]),
  s("Kameleon", "Schoolbestuur G", "algemeen bijzonder", "WereldKidz", "laag", "gemiddeld", [1, "<2", null, "midden"], 21),
  s("De Zonheuvel", "Schoolbestuur B", "rooms-katholiek", null, "midden", "gemiddeld", [1, ">5", 2, "hoog"]),
  s("De Ontdekkingsreis", "Schoolbestuur H", "openbaar", "Dalton", "laag", "gemiddeld", [1, "2-5", 3, "laag"]),
  s("Coolsma", "Schoolbestuur C", "protestants-christelijk", null, "midden", "gemiddeld", [1, "2-5", 2, "hoog"], 2),
  s("Meent", "Schoolbestuur I", "rooms-katholiek", null, "midden", "gemiddeld", [1, ">5", 3, "hoog"]),
  s("De Sterrenboog", "Schoolbestuur A", "openbaar", null, "midden", "gemiddeld", [2, "<2", 1, "midden"]),
  s("De Kring", "Schoolbestuur A", "openbaar", null, "hoog", "gemiddeld", [2, "2-5", 2, "midden"], 5),
  s("De Ladder", "Schoolbestuur I", "rooms-katholiek", null, "midden", "gemiddeld", null),
  s("De Hoeksteen", "Schoolbestuur F", "protestants-christelijk", null, "laag", "veel", [1, "<2", 1, "laag"]),
  s("De Schakel", "Schoolbestuur C", "protestants-christelijk", null, "midden", "weinig", [1, "2-5", 3, "hoog"]),
  s("De Vuurvogel", "Schoolbestuur E", "algemeen bijzonder", "Vrije School", "hoog", "gemiddeld", [1, ">5", 2, "hoog"], 46),
  s("Meander", "Schoolbestuur B", "rooms-katholiek", null, "laag", "veel", [1, "<2", 1, "midden"], 3),
  s("Merseberch", "Schoolbestuur H", "openbaar", "Dalton", "midden", "weinig", [0, "2-5", 3, "midden"]),
  s("Wilhelmina", "Schoolbestuur C", "protestants-christelijk", null, "laag", "veel", [2, ">5", 2, "hoog"])
];

/** SOT trajectories per 100 pupils for each level (settings: < 3 weinig, > 6 veel). */
export const SOT_PER_100: Record<SotLevel, number> = {weinig: 2, gemiddeld: 4.5, veel: 7.5};

/** Enrolment in earlier years varies around the latest year by at most this share per year. */
export const ENROLMENT_TREND = 0.035;
/** Share of pupils that moves away between two teldatums, and share of newcomers in groups 2–8. */
export const YEARLY_LEAVERS = 0.025;
export const YEARLY_NEWCOMERS = 0.02;
export const TELDATUM = "10-01"; // 1 October, the Dutch school census date (MM-DD)
export const OTHER_MUNICIPALITIES = ["Zeist", "Wijk bij Duurstede", "Rhenen", "Veenendaal", "Bunnik"];

/**
 * Pupils by the set of years in which they start a trajectory, beyond the single-year ones
 * (which follow from the per-year totals). 2017+2018 absorbs what is left so that the distinct
 * total is the report's 914. Restart pupils (Tabel 1) are a subset of the 2017+2018 patterns.
 */
export const MULTI_YEAR_PUPILS = {y012: 40, y02: 25, y12: 90};

/** Trajectories in the latest year for pupils who started twice or more that year, etc. are set
 *  by the targets (Tabel 2); the plan below fixes status, duration band and zorgpad type. */
export type Status = "in_zorg" | "stop_zorg" | "uitstroom";
/** L1 one trajectory, ended; L2 ended and re-entry after the zorgpad rule; N1 one trajectory,
 *  still running; N2 followed within the rule. L1 + L2 make up the Eerste Keer Goed share. */
export type ZorgpadType = "L1" | "L2" | "N1" | "N2";

export interface PlanRow {
  pattern: string; // start years as offsets, e.g. "0", "01", "012"
  status: Status;
  band: number | null; // duration band index for closed pupils
  zorgpad: ZorgpadType;
  restart: boolean;
  count: number; // -1: the rest of this pattern's in-care pupils
}

// Closed pupils by start pattern, status and duration band (Tabel 4 × Figuur 1 jointly), and
// their zorgpad type; in-care pupils by zorgpad type. Derivation and checks: plan.ts asserts that
// the rows add up to every published marginal.
const row = (pattern: string, status: Status, band: number | null, zorgpad: ZorgpadType, count: number, restart = false): PlanRow =>
  ({pattern, status, band, zorgpad, restart, count});

export const PLAN: PlanRow[] = [
  // Started only in the last year.
  row("2", "uitstroom", 0, "L1", 20),
  row("2", "stop_zorg", 0, "L1", 8),
  row("2", "stop_zorg", 1, "L1", 6),
  row("2", "in_zorg", null, "N2", 50),
  row("2", "in_zorg", null, "N1", -1),
  // Started only in the middle year.
  row("1", "uitstroom", 0, "L1", 25),
  row("1", "uitstroom", 1, "L1", 50),
  row("1", "uitstroom", 1, "N2", 17),
  row("1", "stop_zorg", 1, "N2", 10),
  row("1", "uitstroom", 2, "L1", 10),
  row("1", "uitstroom", 2, "N2", 17),
  row("1", "stop_zorg", 2, "N2", 2),
  row("1", "stop_zorg", 3, "L1", 8),
  row("1", "stop_zorg", 3, "N2", 6),
  row("1", "in_zorg", null, "N2", 35),
  row("1", "in_zorg", null, "N1", -1),
  // Started only in the first year.
  row("0", "uitstroom", 0, "L1", 20),
  row("0", "uitstroom", 1, "L1", 52),
  row("0", "uitstroom", 1, "N2", 32),
  row("0", "uitstroom", 2, "N2", 6),
  row("0", "uitstroom", 3, "L1", 6),
  row("0", "uitstroom", 3, "N2", 9),
  row("0", "stop_zorg", 3, "N2", 3),
  row("0", "uitstroom", 4, "N2", 7),
  row("0", "stop_zorg", 4, "N2", 3),
  row("0", "stop_zorg", 5, "L1", 4),
  row("0", "stop_zorg", 5, "N2", 8),
  row("0", "in_zorg", null, "N2", 12),
  row("0", "in_zorg", null, "N1", -1),
  // Started in the first and middle year: restart pupils (a DBC rebooking) and others.
  row("01", "uitstroom", 0, "L1", 4, true),
  row("01", "uitstroom", 1, "L1", 30, true),
  row("01", "uitstroom", 1, "N2", 10, true),
  row("01", "uitstroom", 2, "L1", 16, true),
  row("01", "uitstroom", 2, "N2", 9),
  row("01", "uitstroom", 3, "L1", 10, true),
  row("01", "uitstroom", 3, "N2", 8, true),
  row("01", "uitstroom", 3, "L2", 7),
  row("01", "stop_zorg", 3, "N2", 3, true),
  row("01", "uitstroom", 4, "N2", 5, true),
  row("01", "uitstroom", 4, "L2", 3),
  row("01", "stop_zorg", 4, "N2", 3, true),
  row("01", "stop_zorg", 5, "N2", 2, true),
  row("01", "in_zorg", null, "N1", 16, true),
  row("01", "in_zorg", null, "N2", 11, true),
  row("01", "in_zorg", null, "L2", 2),
  row("01", "in_zorg", null, "N2", -1),
  // Started in the first and last year.
  row("02", "uitstroom", 3, "L2", 3),
  row("02", "uitstroom", 4, "L2", 3),
  row("02", "stop_zorg", 5, "N2", 4),
  row("02", "in_zorg", null, "L2", 12),
  row("02", "in_zorg", null, "N2", 3),
  // Started in the middle and last year.
  row("12", "uitstroom", 1, "N2", 8),
  row("12", "stop_zorg", 2, "N2", 6),
  row("12", "stop_zorg", 3, "L2", 2),
  row("12", "stop_zorg", 3, "N2", 4),
  row("12", "in_zorg", null, "L2", 7),
  row("12", "in_zorg", null, "N2", 63),
  // Started in all three years.
  row("012", "uitstroom", 3, "N2", 4, true),
  row("012", "uitstroom", 4, "N2", 2),
  row("012", "stop_zorg", 4, "N2", 2),
  row("012", "stop_zorg", 5, "N2", 4, true),
  row("012", "in_zorg", null, "L2", 3),
  row("012", "in_zorg", null, "N2", 5, true),
  row("012", "in_zorg", null, "N2", -1)
];

/** Age weights (index = age on 1 July of the start year, 4…12) for choosing which enrolled pupils
 *  start care of a kind. The teldatum is 1 October, so in mid-year the enrolled groep 8 is only
 *  partly 11 yet: ages 11–12 get more weight to give the report's "most care at 8 t/m 11". */
export const AGE_WEIGHTS: Record<"dyslexia" | "ggz" | "other", number[]> = {
  //         4    5    6    7    8    9    10   11   12
  dyslexia: [0, 0, 0.05, 0.55, 1, 1, 0.7, 0.3, 0.05],
  ggz: [0.15, 0.3, 0.5, 0.7, 0.85, 1, 1, 1.5, 1],
  other: [0.25, 0.4, 0.55, 0.7, 0.85, 1, 0.95, 1.5, 1]
};
