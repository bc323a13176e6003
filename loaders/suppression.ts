// THE suppression rule of the project, and the types that make it impossible to publish a count
// without passing it through the rule.

import type {Settings} from "./model.js";

/**
 * A value withheld because it is, or derives from, a count of 1 to minCount − 1 persons, or because
 * a small count could be worked out from it. Every withheld value has this one form (shown as "·"):
 * a mark that told the small ones from the others would say which hidden counts are 1 to
 * minCount − 1 (issue 10).
 */
export interface Suppressed {
  suppressed: true;
  minCount: number;
}

declare const releasedBrand: unique symbol;

/**
 * A value that passed the suppression rule. The brand exists only for the compiler (it serializes
 * as the plain value): a bare number is not a Released<number>, so a table that forgets to call
 * suppressCount or suppressDerived does not compile.
 */
export type Released<T> = T & {readonly [releasedBrand]: true};

/**
 * What may be published for a sensitive value: the value itself (branded as checked), null where
 * the value does not exist (e.g. a percentage of 0 pupils), or Suppressed.
 */
export type Public<T> = (T extends null ? null : Released<T>) | Suppressed;

/** The report's tables are written once, for both forms: `raw` (internal) and `public`. */
export type Mode = "raw" | "public";

/** A field that holds a count of pupils/trajectories with youth care, or anything derived from one. */
export type Sensitive<M extends Mode, T> = M extends "public" ? Public<T> : T;

/** Any published value, as a source of a derived one. */
export type PublicSource = Released<unknown> | Suppressed | null;

export function isSuppressed(value: unknown): value is Suppressed {
  return typeof value === "object" && value !== null && (value as Suppressed).suppressed === true;
}

function suppressed(settings: Pick<Settings, "suppression">): Suppressed {
  return {suppressed: true, minCount: settings.suppression.minCount};
}

function release<T>(value: T): Public<T> {
  return value as Public<T>;
}

/**
 * The rule: a count of persons or trajectories from 1 to minCount − 1 is suppressed; 0 and counts
 * of at least minCount are published. Zero stays visible because "nobody" identifies no one.
 */
export function suppressCount(n: number, settings: Pick<Settings, "suppression">): Public<number> {
  return isSmallCount(n, settings) ? suppressed(settings) : release(n);
}

/** The rule's test on one count: 1 to minCount − 1 persons or trajectories. */
export function isSmallCount(n: number, settings: Pick<Settings, "suppression">): boolean {
  return n >= 1 && n < settings.suppression.minCount;
}

/**
 * A value derived from published counts (a percentage, a ratio, a category, a ranking) is
 * suppressed when any of them is: otherwise the derived value would reveal the count.
 */
export function suppressDerived<T>(value: T, sources: readonly [PublicSource, ...PublicSource[]]): Public<T> {
  const hidden = sources.find(isSuppressed);
  return hidden ? {suppressed: true, minCount: hidden.minCount} : release(value);
}

/** A count withheld by the release-wide secondary suppression (loaders/disclosure/secondary.ts). */
export function withheldCount(settings: Pick<Settings, "suppression">): Suppressed {
  return suppressed(settings);
}

/**
 * A count that would reveal other counts (it repeats a total, or a total minus it is published):
 * hidden when it is small itself or when any of those counts is hidden.
 */
export function suppressCountFrom(n: number, sources: readonly PublicSource[], settings: Pick<Settings, "suppression">): Public<number> {
  return isSmallCount(n, settings) || sources.some(isSuppressed) ? suppressed(settings) : release(n);
}

/**
 * The same rule for the parts of a total that is published too (the statuses of the cohort, the
 * schools of a year, the bands of Tabel 5): one hidden part would be the total minus the others,
 * and two hidden parts of 1 and 1 would be given away by their difference of 2. So after the
 * rule, the smallest published non-zero parts are hidden as well until at least two parts are
 * hidden and together hold at least minCount. Zeros stay visible: a hidden cell means 1 or more.
 * A hidden total (`totalHidden`) starts the same rule: parts that all show would add up to it.
 */
export function suppressParts(
  parts: readonly number[],
  settings: Pick<Settings, "suppression">,
  totalHidden = false
): Public<number>[] {
  const hidden = hiddenParts(parts, parts.map((n) => isSmallCount(n, settings)), settings, totalHidden);
  return parts.map((n, i) => (hidden[i] ? suppressed(settings) : release(n)));
}

/**
 * suppressParts on flags, for callers that hide cells for more than one reason (the explorer's
 * cube, where a cell is a part in one sum and a total in another): `hidden` says which parts are
 * hidden already; the result adds the parts the rule hides on top.
 */
export function hiddenParts(
  parts: readonly number[],
  alreadyHidden: readonly boolean[],
  settings: Pick<Settings, "suppression">,
  totalHidden = false
): boolean[] {
  const hidden = [...alreadyHidden];
  // Nothing hidden and a published total: nothing to add (most parts of most reports).
  if (!totalHidden && !hidden.includes(true)) return hidden;
  for (;;) {
    const hiddenIndexes = hidden.flatMap((h, i) => (h ? [i] : []));
    const hiddenSum = hiddenIndexes.reduce((sum, i) => sum + parts[i], 0);
    if (hiddenIndexes.length === 0 && !totalHidden) break;
    if (hiddenIndexes.length >= 2 && hiddenSum >= settings.suppression.minCount) break;
    let next = -1;
    parts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (next === -1 || n < parts[next])) next = i;
    });
    if (next === -1) break;
    hidden[next] = true;
  }
  return hidden;
}
