// Care types, product codes and providers for the drafted trajectories.
//
// The report's qualitative facts this reproduces: almost all care is GGZ, ambulante begeleiding and
// dyslexia; dyslexia cannot be told apart in 2017 (booked as specialistische GGZ) and roughly halves
// from 2018 to 2019; no basis GGZ in 2019; the DBC restarts of Tabel 1 keep their provider;
// schools tend to use one fixed dyslexia provider; 58 providers in all.

import type {Random} from "./random.js";
import type {PupilPlan, Profile} from "./plan.js";
import {BASIS_GGZ_LAST_DAY, type DraftTrajectory} from "./timeline.js";

export interface Product {
  category: string;
  code: string;
}

/** Product codes the synthetic back office uses; data/default/zorgvormen.csv maps them. */
export const PRODUCTS: Record<string, Product[]> = {
  basis_ggz: [{category: "54", code: "54001"}],
  specialistische_ggz: [{category: "54", code: "54002"}],
  curatieve_ggz: [{category: "54", code: "54005"}],
  dyslexie: [
    {category: "54", code: "54D01"}, // diagnostiek
    {category: "54", code: "54D02"} // behandeling
  ],
  ambulante_begeleiding: [
    {category: "45", code: "45A01"},
    {category: "45", code: "45A02"}
  ],
  dagbehandeling: [{category: "41", code: "41A01"}],
  verblijf: [
    {category: "43", code: "43A01"},
    {category: "44", code: "44A01"}
  ],
  crisis: [{category: "46", code: "46A01"}]
};

/** From the first year in which dyslexia has codes of its own (before it: specialistische GGZ). */
export const DYSLEXIA_SEPARATE_FROM = "2018-01-01";

const GGZ_MIX: [string, number][] = [
  ["basis_ggz", 0.3],
  ["specialistische_ggz", 0.42],
  ["curatieve_ggz", 0.03],
  ["ambulante_begeleiding", 0.25]
];
const OTHER_MIX: [string, number][] = [
  ["ambulante_begeleiding", 0.7],
  ["specialistische_ggz", 0.12],
  ["dagbehandeling", 0.1],
  ["crisis", 0.05],
  ["verblijf", 0.03]
];

function allowed(careType: string, d: DraftTrajectory): boolean {
  if (careType === "basis_ggz") return d.end !== null && d.end <= BASIS_GGZ_LAST_DAY;
  if (careType === "dyslexie") return d.start >= DYSLEXIA_SEPARATE_FROM;
  return true;
}

function drawFromMix(rng: Random, mix: [string, number][], d: DraftTrajectory): string {
  const options = mix.filter(([type]) => allowed(type, d));
  return options[rng.weightedIndex(options.map(([, w]) => w))][0];
}

/** Care type per draft, in draft order. */
export function careTypesFor(rng: Random, plan: PupilPlan, drafts: DraftTrajectory[]): string[] {
  const types: string[] = [];
  const restart = plan.restartCareType;
  for (const d of drafts) {
    let type: string;
    if (d.restartRole === "A") type = restart === "dyslexie" ? "specialistische_ggz" : (restart as string);
    else if (d.restartRole === "B") type = restart as string;
    else type = careTypeForProfile(rng, plan.profile, d, types.length === 0);
    types.push(type);
  }
  return types;
}

function careTypeForProfile(rng: Random, profile: Profile, d: DraftTrajectory, isFirst: boolean): string {
  switch (profile) {
    case "dyslexia":
      return allowed("dyslexie", d) ? "dyslexie" : "specialistische_ggz";
    case "hidden_dyslexia":
      return isFirst ? "specialistische_ggz" : drawFromMix(rng, GGZ_MIX, d);
    case "heavy":
      return d.end === null ? "verblijf" : rng.pick(["dagbehandeling", "specialistische_ggz", "crisis"]);
    case "ggz":
      return drawFromMix(rng, GGZ_MIX, d);
    case "other":
      return drawFromMix(rng, OTHER_MIX, d);
  }
}

/** Diagnostics first for a pupil's first dyslexia trajectory, treatment after it. */
export function productFor(rng: Random, careType: string, firstOfItsType: boolean): Product {
  const options = PRODUCTS[careType];
  if (careType === "dyslexie") return options[firstOfItsType ? 0 : 1];
  return rng.pick(options);
}

// ---------------------------------------------------------------------------------------------
// Providers

export interface Provider {
  name: string;
  careTypes: string[];
  weight: number;
}

/** 58 providers: a few large GGZ and dyslexia practices, many small ones (a long tail). */
export function makeProviders(count: number): Provider[] {
  const providers: Provider[] = [];
  const add = (careTypes: string[], weight: number) =>
    providers.push({name: `Aanbieder ${String(providers.length + 1).padStart(2, "0")}`, careTypes, weight});
  add(["dyslexie", "specialistische_ggz"], 6);
  add(["dyslexie", "specialistische_ggz"], 3);
  add(["dyslexie", "specialistische_ggz"], 1);
  for (let i = 0; i < 12; ++i) add(["basis_ggz", "specialistische_ggz", "curatieve_ggz"], 8 / (i + 1));
  for (let i = 0; i < 22; ++i) add(["ambulante_begeleiding"], 6 / (i + 1));
  for (let i = 0; i < 8; ++i) add(["dagbehandeling", "crisis", "verblijf", "ambulante_begeleiding"], 2 / (i + 1));
  while (providers.length < count) add(["specialistische_ggz", "ambulante_begeleiding", "basis_ggz"], 0.15);
  return providers.slice(0, count);
}

/** The dyslexia provider a school works with most (schools prefer one fixed provider). */
export function preferredDyslexiaProvider(rng: Random, providers: Provider[]): Provider {
  const dyslexia = providers.filter((p) => p.careTypes.includes("dyslexie"));
  return rng.weighted(dyslexia, (p) => p.weight);
}

export function drawProvider(rng: Random, providers: Provider[], careType: string, preferred: Provider): Provider {
  if (careType === "dyslexie" && rng.next() < 0.85) return preferred;
  const able = providers.filter((p) => p.careTypes.includes(careType));
  return rng.weighted(able, (p) => p.weight);
}
