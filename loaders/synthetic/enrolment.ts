// A real enrolment panel: each teldatum, children move up a group, groep 8 leaves, a new groep 1
// arrives, a few pupils move away and a few newcomers arrive in groups 2–8. Counts per school per
// year are exact (they are inputs: the latest year's come from Tabel 6).

import {OTHER_MUNICIPALITIES, TELDATUM, YEARLY_LEAVERS, YEARLY_NEWCOMERS} from "./assumptions.js";
import type {Random} from "./random.js";

export interface PanelPupil {
  id: string;
  schoolId: string;
  birthYear: number;
  birthMonth: number; // 1–12
  municipality: string;
  /** Study-year indexes in which the pupil is enrolled (consecutive). */
  yearIndexes: number[];
}

/** Dutch primary-school group at the teldatum (1 October) of `year`: children born in October–
 *  December start a year later, as in practice. Outside 1–8 the child is not in primary school. */
export function groupAt(year: number, birthYear: number, birthMonth: number): number {
  return year - birthYear - (birthMonth <= 9 ? 3 : 4);
}

function birthForGroup(rng: Random, year: number, group: number): {birthYear: number; birthMonth: number} {
  const birthMonth = rng.int(1, 12);
  return {birthMonth, birthYear: year - group - (birthMonth <= 9 ? 3 : 4)};
}

export class PupilIds {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Random) {}
  next(): string {
    for (;;) {
      const id = this.rng.pseudonym("LL", 8);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** Build one school's panel with exactly `countsByYear[i]` pupils in study year i. */
export function schoolPanel(
  rng: Random,
  ids: PupilIds,
  schoolId: string,
  years: number[],
  countsByYear: number[],
  municipality: string | (() => string)
): PanelPupil[] {
  const all: PanelPupil[] = [];
  const place = (yearIndex: number, group: number) => {
    const {birthYear, birthMonth} = birthForGroup(rng, years[yearIndex], group);
    const pupil: PanelPupil = {
      id: ids.next(),
      schoolId,
      birthYear,
      birthMonth,
      municipality: typeof municipality === "string" ? municipality : municipality(),
      yearIndexes: [yearIndex]
    };
    all.push(pupil);
    return pupil;
  };

  // First year: eight groups of about equal size.
  for (let i = 0; i < countsByYear[0]; ++i) place(0, (i % 8) + 1);

  for (let t = 1; t < years.length; ++t) {
    const previous = all.filter((p) => p.yearIndexes.includes(t - 1));
    let stayers = rng.shuffle(previous.filter((p) => groupAt(years[t], p.birthYear, p.birthMonth) <= 8));
    const target = countsByYear[t];
    const leavers = Math.round(stayers.length * YEARLY_LEAVERS);
    stayers = stayers.slice(leavers);
    let newcomers = Math.round(target * YEARLY_NEWCOMERS);
    if (stayers.length + newcomers > target) {
      newcomers = Math.max(0, target - stayers.length);
      stayers = stayers.slice(0, target - newcomers);
    }
    for (const p of stayers) p.yearIndexes.push(t);
    for (let i = 0; i < newcomers; ++i) place(t, rng.int(2, 8));
    const newGroupOne = target - stayers.length - newcomers;
    for (let i = 0; i < newGroupOne; ++i) place(t, 1);
  }
  return all;
}

export function teldatum(year: number): string {
  return `${year}-${TELDATUM}`;
}

export function otherMunicipality(rng: Random): () => string {
  return () => rng.pick(OTHER_MUNICIPALITIES);
}
