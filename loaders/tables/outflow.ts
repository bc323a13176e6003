// Figuur 2: the zorgpad cascade over the first trajectories, and the Eerste Keer Goed percentage.

import {STEP_OUTCOMES, wholePercentage, zorgpadOutcomes, type StepOutcome} from "../definitions.js";
import type {Mode, Sensitive} from "../suppression.js";
import type {Scope} from "./scope.js";

/** The figure in the report follows the first four trajectories of a zorgpad. */
export const CASCADE_STEPS = 4;

export const OUTCOME_LABELS: Record<StepOutcome, string> = {
  volgend_traject: "Volgend traject",
  nog_in_zorg: "Nog in zorg",
  uitstroom: "Uitstroom"
};

export interface OutcomeRow<M extends Mode = "raw"> {
  outcome: StepOutcome;
  label: string;
  pupils: Sensitive<M, number>;
  /** Share of the pupils at this step, whole percent. */
  pct: Sensitive<M, number | null>;
}

export interface OutflowStep<M extends Mode = "raw"> {
  /** 1 = the first trajectory of the zorgpad. */
  step: number;
  /** Pupils whose zorgpad has at least this many trajectories. */
  pupils: Sensitive<M, number>;
  /** Of 100 pupils at step 1, how many reach this step (whole number). */
  per100: Sensitive<M, number | null>;
  outcomes: OutcomeRow<M>[];
}

export interface OutflowTable<M extends Mode = "raw"> {
  steps: OutflowStep<M>[];
  /** Eerste Keer Goed: uitstroom after the first trajectory, whole percent of the pupils at step 1 (report: 34). */
  ekg: Sensitive<M, number | null>;
}

export function outflowTable(scope: Scope): OutflowTable {
  // Pupils per step (index step − 1) and per step and outcome (in STEP_OUTCOMES' order).
  const reached = new Array<number>(CASCADE_STEPS).fill(0);
  const outcomes = reached.map(() => STEP_OUTCOMES.map(() => 0));
  for (const pupil of scope.cohort) {
    const path = zorgpadOutcomes(scope.correctedOf(pupil), scope.settings, CASCADE_STEPS);
    for (let i = 0; i < path.length; i++) {
      reached[i]++;
      outcomes[i][STEP_OUTCOMES.indexOf(path[i])]++;
    }
  }
  const steps: OutflowStep[] = reached.map((pupils, i) => ({
    step: i + 1,
    pupils,
    per100: wholePercentage(pupils, reached[0]),
    outcomes: STEP_OUTCOMES.map((outcome, k) => ({outcome, label: OUTCOME_LABELS[outcome], pupils: outcomes[i][k], pct: wholePercentage(outcomes[i][k], pupils)}))
  }));
  return {steps, ekg: steps[0].outcomes.find((o) => o.outcome === "uitstroom")?.pct ?? null};
}
