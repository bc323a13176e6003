// Tabel 5: the cohort's pupils by their total cost, the concentration of cost and the extremes.

import {costBandIndex, costBands, DECIMALS, percentage, toCents, wholePercentage} from "../definitions.js";
import type {Settings} from "../model.js";
import type {Mode, Sensitive} from "../suppression.js";
import type {Attribution, Scope} from "./scope.js";

export interface CostBandRow<M extends Mode = "raw"> {
  lower: number;
  upper: number | null;
  label: string;
  pupils: Sensitive<M, number>;
  /** Share of the pupils counted, 1 decimal (87.5). */
  pct: Sensitive<M, number | null>;
}

export interface CostTable<M extends Mode = "raw"> {
  pupils: Sensitive<M, number>;
  bands: CostBandRow<M>[];
  concentration: {
    threshold: number;
    /** Pupils with a total cost of at least the threshold. */
    pupils: Sensitive<M, number>;
    /** Their share of the pupils, 1 decimal (12.5). */
    pctPupils: Sensitive<M, number | null>;
    /** Their share of the total cost, whole percent (54). */
    pctCost: Sensitive<M, number | null>;
  };
  extreme: {
    threshold: number;
    /** Pupils with a total cost above the threshold. */
    pupils: Sensitive<M, number>;
  };
}

/** Total cost per pupil in cents over the given attributions, keyed by pupil id. */
export function costPerPupil(attributions: Attribution[]): Map<string, number> {
  const costs = new Map<string, number>();
  for (const {trajectory} of attributions) {
    costs.set(trajectory.pupilId, (costs.get(trajectory.pupilId) ?? 0) + toCents(trajectory.cost));
  }
  return costs;
}

/** Pupils per cost band (rule 11) for a set of per-pupil costs in cents. */
export function costBandRows(costs: Iterable<number>, settings: Settings): CostBandRow[] {
  const counts = settings.costBands.map(() => 0);
  let total = 0;
  for (const cents of costs) {
    counts[costBandIndex(cents / 100, settings)]++;
    total++;
  }
  return costBands(settings).map((band, i) => ({
    ...band,
    pupils: counts[i],
    pct: percentage(counts[i], total, DECIMALS.costPercentage)
  }));
}

export function costTable(scope: Scope): CostTable {
  const {settings} = scope;
  const costs = [...costPerPupil(scope.cohort.flatMap((p) => p.attributions)).values()];
  const thresholdCents = toCents(settings.costConcentrationThreshold);
  const expensive = costs.filter((c) => c >= thresholdCents);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    pupils: costs.length,
    bands: costBandRows(costs, settings),
    concentration: {
      threshold: settings.costConcentrationThreshold,
      pupils: expensive.length,
      pctPupils: percentage(expensive.length, costs.length, DECIMALS.costPercentage),
      pctCost: wholePercentage(sum(expensive), sum(costs))
    },
    extreme: {
      threshold: settings.extremeCostThreshold,
      pupils: costs.filter((c) => c > toCents(settings.extremeCostThreshold)).length
    }
  };
}
