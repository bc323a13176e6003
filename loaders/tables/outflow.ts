// Figuur 2: the zorgpad cascade over the first trajectories, and the Eerste Keer Goed percentage.

import {STEP_OUTCOMES, wholePercentage, zorgpadOutcomes, type StepOutcome} from "../definitions.js";
import type {Mode, Sensitive} from "../suppression.js";
import {compositeKey, increment} from "./common.js";
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
  const reached = new Map<number, number>();
  const outcomes = new Map<string, number>();
  for (const pupil of scope.cohort) {
    zorgpadOutcomes(scope.correctedOf(pupil), scope.settings, CASCADE_STEPS).forEach((outcome, i) => {
      increment(reached, i + 1);
      increment(outcomes, compositeKey(i + 1, outcome));
    });
  }
  const first = reached.get(1) ?? 0;
  const steps: OutflowStep[] = [];
  for (let step = 1; step <= CASCADE_STEPS; step++) {
    const pupils = reached.get(step) ?? 0;
    steps.push({
      step,
      pupils,
      per100: wholePercentage(pupils, first),
      outcomes: STEP_OUTCOMES.map((outcome) => {
        const n = outcomes.get(compositeKey(step, outcome)) ?? 0;
        return {outcome, label: OUTCOME_LABELS[outcome], pupils: n, pct: wholePercentage(n, pupils)};
      })
    });
  }
  return {steps, ekg: steps[0].outcomes.find((o) => o.outcome === "uitstroom")?.pct ?? null};
}
