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
 * Schools per group: a municipality of up to this many schools (most Dutch ones) is searched whole.
 * Blocks cost information (Brakelveen, 35 schools in two blocks: 426 counts withheld against 318
 * searched whole), so a larger one is cut into groups of about this many schools, and each group
 * into blocks.
 */
export const SCHOOLS_PER_GROUP = 40;

/**
 * Schools per block where a release has more than SMALL_BLOCKS_ABOVE schools: a country, or a region
 * searched as one. An LP's time grows faster than its part: on 500 schools (bench/README.md) the
 * report's search took 1 963 s in blocks of 40 schools and 22–26 s in blocks of two, and at 40 a
 * country's would take days. Blocks of two cost information: a block's share of every municipal
 * table is fixed, so those tables give way (500 schools: 4 717 counts withheld against 3 437, the
 * municipal care-type and age tables all). Up to SMALL_BLOCKS_ABOVE schools the blocks are the
 * groups. A count its block cannot protect without a key figure is searched again at the next level.
 */
export const SCHOOLS_PER_SMALL_BLOCK = 2;
export const SMALL_BLOCKS_ABOVE = 250;
/** Between a small block and its group: a count its small block cannot protect is searched here
 *  before its group of 40, whose LPs take a second each at a country's scale (500 schools: 397 of
 *  9 355 small counts went on from their small block). */
export const SCHOOLS_PER_MIDDLE_BLOCK = 8;

/** What a pattern searched or audited by blocks is cached under besides its system: the group size
 *  and this method's version (a new way of cutting or retrying is a new pattern). */
export const BLOCK_METHOD = {schoolsPerGroup: SCHOOLS_PER_GROUP, version: 5};

/** A cache key's parts for a system searched or audited by blocks; one searched whole keeps its key
 *  from before blocks existed. */
export const withBlockMethod = <T extends object>(keyed: T, blocks: unknown | null | undefined, levels?: readonly number[]) =>
  blocks ? {...keyed, blocks: levels === undefined ? BLOCK_METHOD : {...BLOCK_METHOD, levels}} : keyed;

/** How many groups a municipality's schools make (1: searched whole). */
export const groupCount = (schools: number) => Math.ceil(schools / SCHOOLS_PER_GROUP);

/** The school a published count is about (its factsheet, its Tabel 6 row, its cube unit), or null. */
export function cellSchool(cell: Pick<PublishedCell, "file" | "path">, schoolIdOfSlug: ReadonlyMap<string, string>): string | null {
  const factsheet = /^factsheets\/(.+)\.json$/.exec(cell.file);
  if (factsheet) return schoolIdOfSlug.get(factsheet[1]) ?? factsheet[1];
  const unit = cell.file === CUBE_FILE ? /eenheid=s:([^,\]]+)/.exec(cell.path) : /schoolId=([^,\]]+)/.exec(cell.path);
  return unit ? unit[1] : null;
}

/** One way of cutting the schools: per variable the parts it belongs to (parts.ts), and their size. */
export interface BlockLevel {
  schools: number;
  parts: number[][];
}

/** Per variable, the blocks and the groups of blocks it belongs to (parts.ts reads every level alike). */
export interface SchoolBlocks {
  /** Finest first: a small count is searched in its part of the first level, and in its part of the
   *  next where that cannot protect it without a key figure; the last level is the groups, where a
   *  count is searched last by parts and where the audit solves. */
  levels: BlockLevel[];
  groupCount: number;
}

/**
 * Per variable the parts it belongs to at every level: those of the schools whose counts it is in; a
 * variable in no school's count (a trajectory outside every school's year, say) is in a part of its
 * own kind, the last, at every level. Schools go into groups by board, then by id, so a board's
 * schools stay together; above SMALL_BLOCKS_ABOVE schools each group is cut into middle blocks and
 * each of those into small blocks, in the same order. Null when the schools fit in one group: then
 * the whole system is searched.
 */
export function schoolBlocks(system: DisclosureSystem, schools: readonly Pick<School, "id" | "board">[], slugOf: (schoolId: string) => string): SchoolBlocks | null {
  const groups = groupCount(schools.length);
  if (groups <= 1) return null;
  const ordered = [...schools].sort((a, b) => a.board.localeCompare(b.board) || a.id.localeCompare(b.id));
  const sizes = schools.length > SMALL_BLOCKS_ABOVE ? [SCHOOLS_PER_GROUP, SCHOOLS_PER_MIDDLE_BLOCK, SCHOOLS_PER_SMALL_BLOCK] : [SCHOOLS_PER_GROUP];
  // As many parts as needed, as even as possible (50 schools: 25 and 25, not 40 and 10), each
  // level's parts within the coarser level's.
  const partOf = sizes.map(() => new Map<string, number>());
  const counts = sizes.map(() => 0);
  const cut = (members: typeof ordered, level: number) => {
    const parts = level === 0 ? groups : Math.ceil(members.length / sizes[level]);
    for (let p = 0; p < parts; p++) {
      const chunk = members.filter((_, k) => Math.floor((k * parts) / members.length) === p);
      const id = counts[level]++;
      for (const school of chunk) partOf[level].set(school.id, id);
      if (level + 1 < sizes.length) cut(chunk, level + 1);
    }
  };
  cut(ordered, 0);
  const schoolIdOfSlug = new Map(schools.map((s) => [slugOf(s.id), s.id]));
  const schoolsOf: Set<string>[] = Array.from({length: system.variables}, () => new Set());
  for (const cell of system.cells) {
    const school = cellSchool(cell, schoolIdOfSlug);
    if (school === null || !partOf[0].has(school)) continue;
    for (const t of cell.terms) schoolsOf[t.variable].add(school);
  }
  // A trajectory atom only in the municipality's trajectory counts belongs with its pupils: held at
  // its truth while they are solved, it would pin them through "every pupil has a trajectory".
  for (const relation of system.relations) {
    const union = new Set(relation.terms.flatMap((t) => [...schoolsOf[t.variable]]));
    for (const t of relation.terms) for (const school of union) schoolsOf[t.variable].add(school);
  }
  const levels = sizes
    .map((size, level) => ({
      schools: size,
      parts: schoolsOf.map((set) => (set.size === 0 ? [counts[level]] : [...new Set([...set].map((school) => partOf[level].get(school) as number))].sort((a, b) => a - b)))
    }))
    .reverse();
  return {levels, groupCount: groups};
}
