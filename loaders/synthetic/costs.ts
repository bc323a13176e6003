// Costs: Tabel 5's band counts exactly, the report's concentration (pupils of € 10.000 or more
// carry 54 % of all cost) to the whole percent, and its two pupils above € 200.000. Who pays most
// follows how much care a pupil had: months billed times a price weight per care type.

import {addDays, daysBetween} from "../dates.js";
import type {IsoDate} from "../model.js";
import type {Random} from "./random.js";

/** Relative monthly price per care type (verblijf is by far the most expensive). */
const MONTHLY_PRICE_WEIGHT: Record<string, number> = {
  verblijf: 12,
  dagbehandeling: 5,
  crisis: 4,
  specialistische_ggz: 1.6,
  curatieve_ggz: 1.4,
  ambulante_begeleiding: 1,
  dyslexie: 0.9,
  basis_ggz: 0.6
};

export interface CostedItem {
  careType: string;
  start: IsoDate;
  end: IsoDate | null;
}

/** Billed months of an item up to the day before the peildatum (at least a few days). */
function billedMonths(item: CostedItem, statusDate: IsoDate): number {
  const until = item.end ?? addDays(statusDate, -1);
  return Math.max(0.2, (daysBetween(item.start, until) + 1) / 30.44);
}

export function intensity(items: CostedItem[], statusDate: IsoDate): number {
  return items.reduce((a, t) => a + billedMonths(t, statusDate) * (MONTHLY_PRICE_WEIGHT[t.careType] ?? 1), 0);
}

export interface CostTargets {
  /** Lower edges in euros ascending from 0; the last band is open. */
  bandEdges: number[];
  /** Pupils per band. */
  bandCounts: number[];
  concentrationThreshold: number;
  concentrationPercent: number;
  extremeThreshold: number;
  extremePupils: number;
}

function cents(euros: number): number {
  return Math.round(euros * 100);
}

/**
 * Total cost per pupil in cents, given each pupil's intensity. The highest intensities get the
 * highest bands; within a band amounts spread evenly with a little noise; the lowest band is scaled
 * so that the concentration share comes out at the target whole percent.
 */
export function pupilCosts(rng: Random, intensities: number[], t: CostTargets): number[] {
  const order = intensities.map((v, i) => ({v: v * (1 + rng.next() * 0.05), i})).sort((a, b) => b.v - a.v);
  const costs: number[] = new Array(intensities.length).fill(0);
  let rank = 0;
  for (let band = t.bandEdges.length - 1; band >= 0; --band) {
    const lower = t.bandEdges[band];
    const upper = t.bandEdges[band + 1] ?? lower * 2.6;
    const n = t.bandCounts[band];
    for (let j = 0; j < n; ++j, ++rank) {
      const {i} = order[rank];
      if (band === t.bandEdges.length - 1 && j < t.extremePupils) {
        costs[i] = cents(t.extremeThreshold * (1.03 + 0.25 * rng.next()));
      } else {
        // Spread from the top of the band down to its floor, as ranks descend.
        const position = (n - j - 0.5) / n;
        const top = band === t.bandEdges.length - 1 ? Math.min(upper, t.extremeThreshold) : upper;
        costs[i] = cents(lower + (top - lower) * Math.min(0.995, Math.max(0.005, position + (rng.next() - 0.5) * 0.08)));
      }
    }
  }
  if (rank !== intensities.length) throw new Error(`cost bands hold ${rank} pupils, not ${intensities.length}`);

  // Scale the lowest band: its share is what the concentration target leaves over.
  const low = order.slice(rank - t.bandCounts[0]).map(({i}) => i);
  const high = costs.reduce((a, c) => a + c, 0) - low.reduce((a, i) => a + costs[i], 0);
  const wantedLow = (high * (100 - t.concentrationPercent)) / t.concentrationPercent;
  const cap = cents(t.bandEdges[1]) - 1;
  let factor = wantedLow / low.reduce((a, i) => a + costs[i], 0);
  for (let pass = 0; pass < 20; ++pass) {
    for (const i of low) costs[i] = Math.min(cap, Math.max(5000, Math.round(costs[i] * factor)));
    const sum = low.reduce((a, i) => a + costs[i], 0);
    if (Math.abs(sum - wantedLow) < 100) break;
    factor = wantedLow / sum;
  }
  return costs;
}

/** Split a pupil's total over its trajectories by billed months × price weight, in whole cents. */
export function splitCost(totalCents: number, items: CostedItem[], statusDate: IsoDate): number[] {
  const weights = items.map((t) => billedMonths(t, statusDate) * (MONTHLY_PRICE_WEIGHT[t.careType] ?? 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((totalCents * w) / sum));
  parts[parts.length - 1] += totalCents - parts.reduce((a, b) => a + b, 0);
  return parts;
}
