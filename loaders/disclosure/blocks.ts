// Blocks of schools for the secondary suppression's search at scale (issue 10 item 8).
//
// Over the whole system every LP carries every school's atoms: at 100 schools (10 000 atoms, 45 000
// rows, before the relations were thinned) the first four solves alone did not finish in four
// minutes. So a municipality with more schools than one block is searched per block: a small count
// is solved with the atoms of the schools in the block that holds most of its own atoms, every other
// atom held at its true value (parts.ts `searchParts`). That is a restriction of what a reader could
// do, so what it proves holds for the whole release: an interval proven wide in a block is at least as wide over everything, and the
// points that prove it are feasible points of the whole system, which the build's audit checks row
// by row. The price is information: inside a block, the municipality's exact totals fix the block's
// share, so the search withholds within the block what the whole system could have balanced
// elsewhere.

import type {School} from "../model.js";
import {CUBE_FILE} from "./cubeCells.js";
import type {DisclosureSystem, PublishedCell} from "./model.js";

/**
 * Schools per block. Blocks cost information (Brakelveen, 35 schools in two blocks: 426 counts
 * withheld against 318 searched whole), so a municipality of up to this many schools (most Dutch
 * ones) is searched whole, as before blocks existed; above it a block costs about what a whole
 * municipality of that size costs (at 100 schools, 3 blocks).
 */
export const SCHOOLS_PER_BLOCK = 40;

/** What a pattern searched by blocks is cached under besides its system: the block size and this
 *  method's version (a new way of cutting or retrying is a new pattern). */
export const BLOCK_METHOD = {schoolsPerBlock: SCHOOLS_PER_BLOCK, version: 2};

/** A cache key's parts for a system searched or audited by blocks; one searched whole keeps its key
 *  from before blocks existed. */
export const withBlockMethod = <T extends object>(keyed: T, blocks: unknown[] | null | undefined): T | (T & {blocks: typeof BLOCK_METHOD}) =>
  blocks ? {...keyed, blocks: BLOCK_METHOD} : keyed;

/** How many blocks a municipality's schools make (1: searched whole). */
export const blockCount = (schools: number) => Math.ceil(schools / SCHOOLS_PER_BLOCK);

/** The school a published count is about (its factsheet, its Tabel 6 row, its cube unit), or null. */
export function cellSchool(cell: Pick<PublishedCell, "file" | "path">, schoolIdOfSlug: ReadonlyMap<string, string>): string | null {
  const factsheet = /^factsheets\/(.+)\.json$/.exec(cell.file);
  if (factsheet) return schoolIdOfSlug.get(factsheet[1]) ?? factsheet[1];
  const unit = cell.file === CUBE_FILE ? /eenheid=s:([^,\]]+)/.exec(cell.path) : /schoolId=([^,\]]+)/.exec(cell.path);
  return unit ? unit[1] : null;
}

/**
 * Per variable the blocks it belongs to: the blocks of the schools whose counts it is in; a variable
 * in no school's count (a trajectory outside every school's year, say) is in a block of its own kind,
 * the last. Schools go into blocks by board, then by id, so a board's schools stay together. Null
 * when the schools fit in one block: then the whole system is searched.
 */
export function schoolBlocks(system: DisclosureSystem, schools: readonly Pick<School, "id" | "board">[], slugOf: (schoolId: string) => string): number[][] | null {
  if (blockCount(schools.length) <= 1) return null;
  const ordered = [...schools].sort((a, b) => a.board.localeCompare(b.board) || a.id.localeCompare(b.id));
  // As many blocks as needed, as even as possible (50 schools: 25 and 25, not 40 and 10).
  const outside = blockCount(ordered.length);
  const blockOfSchool = new Map(ordered.map((s, k) => [s.id, Math.floor((k * outside) / ordered.length)]));
  const schoolIdOfSlug = new Map(schools.map((s) => [slugOf(s.id), s.id]));
  const blocks: Set<number>[] = Array.from({length: system.variables}, () => new Set());
  for (const cell of system.cells) {
    const school = cellSchool(cell, schoolIdOfSlug);
    const block = school === null ? undefined : blockOfSchool.get(school);
    if (block === undefined) continue;
    for (const t of cell.terms) blocks[t.variable].add(block);
  }
  // A trajectory atom only in the municipality's trajectory counts belongs with its pupils: held at
  // its truth while they are solved, it would pin them through "every pupil has a trajectory".
  for (const relation of system.relations) {
    const union = new Set(relation.terms.flatMap((t) => [...blocks[t.variable]]));
    for (const t of relation.terms) for (const b of union) blocks[t.variable].add(b);
  }
  return blocks.map((of) => (of.size === 0 ? [outside] : [...of].sort((a, b) => a - b)));
}
