// Exact tests for the small cross-tables of the report (22 schools at most in the 2020 study).
// Pure functions: no randomness, so a p-value is the same on every build.

/**
 * The Fisher–Freeman–Halton exact test of an r×c table (Fisher's exact test when r = c = 2):
 * given the row and column totals, how likely is a table at least as unusual as the observed one?
 */
export interface ExactTestResult {
  /** Sum of the probabilities of every table with the same totals that is no more likely than the observed one. */
  pValue: number;
  /** Tables with the observed totals that were enumerated. */
  tables: number;
  /** Rows and columns that have at least one observation (empty ones do not change the test). */
  rows: number;
  columns: number;
}

/** Enumeration stops here; beyond it the caller reports that the table is too large for an exact test. */
export const MAX_TABLES = 5_000_000;

// Ties between the observed table and another one must count as "no more likely" although their
// log-probabilities come out of different sums; R's fisher.test uses the same relative margin.
const TIE_MARGIN = 1e-7;

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1] + Math.log(k);
  return logFactorials[n];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Exact p-value of the association between rows and columns of `counts` (rows of equal length,
 * non-negative integers). Null when more than `maxTables` tables share the observed totals.
 * A table with fewer than two non-empty rows or columns has only itself: p = 1.
 */
export function fisherFreemanHalton(counts: number[][], maxTables = MAX_TABLES): ExactTestResult | null {
  // A build publishes the report several times (the rules, the probe, the release) and each time tests
  // the same factor tables in three variants: at 500 schools the enumeration took 78 s of a release's
  // 180 s of CPU, mostly repeats (bench/README.md).
  const key = `${maxTables}:${counts.map((row) => row.join(",")).join(";")}`;
  const known = tested.get(key);
  if (known !== undefined) return known && {...known};
  const result = enumerate(counts, maxTables);
  if (tested.size >= REMEMBERED_TESTS) tested.clear();
  tested.set(key, result);
  return result && {...result};
}
const REMEMBERED_TESTS = 10_000;
const tested = new Map<string, ExactTestResult | null>();

function enumerate(counts: number[][], maxTables: number): ExactTestResult | null {
  for (const row of counts) {
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  }
  const columnCount = counts[0]?.length ?? 0;
  const nonEmptyColumns = [...Array(columnCount).keys()].filter((j) => counts.some((row) => row[j] > 0));
  const table = counts.filter((row) => sum(row) > 0).map((row) => nonEmptyColumns.map((j) => row[j]));
  const rows = table.length;
  const columns = nonEmptyColumns.length;
  if (rows < 2 || columns < 2) return {pValue: 1, tables: 1, rows, columns};

  const rowTotals = table.map(sum);
  const columnTotals = nonEmptyColumns.map((_, j) => sum(table.map((row) => row[j])));
  const total = sum(rowTotals);
  // log P(table) = log(∏ row! ∏ column! / (N! ∏ cell!)) = margins − Σ log cell!
  const margins = sum(rowTotals.map(logFactorial)) + sum(columnTotals.map(logFactorial)) - logFactorial(total);
  const observed = margins - sum(table.flat().map(logFactorial));
  const threshold = observed + TIE_MARGIN * Math.max(1, Math.abs(observed));

  let pValue = 0;
  let tables = 0;
  const columnLeft = [...columnTotals];
  // Fill rows 0 … r−2 cell by cell; the last row takes what every column has left.
  const fill = (i: number, j: number, rowLeft: number, logCells: number): boolean => {
    if (i === rows - 1) {
      const logP = margins - logCells - sum(columnLeft.map(logFactorial));
      if (++tables > maxTables) return false;
      if (logP <= threshold) pValue += Math.exp(logP);
      return true;
    }
    if (j === columns - 1) {
      if (rowLeft > columnLeft[j]) return true;
      columnLeft[j] -= rowLeft;
      const ok = fill(i + 1, 0, rowTotals[i + 1], logCells + logFactorial(rowLeft));
      columnLeft[j] += rowLeft;
      return ok;
    }
    // What this row cannot put in later columns must go here.
    const later = sum(columnLeft.slice(j + 1));
    const low = Math.max(0, rowLeft - later);
    const high = Math.min(rowLeft, columnLeft[j]);
    for (let n = low; n <= high; n++) {
      columnLeft[j] -= n;
      const ok = fill(i, j + 1, rowLeft - n, logCells + logFactorial(n));
      columnLeft[j] += n;
      if (!ok) return false;
    }
    return true;
  };
  if (!fill(0, 0, rowTotals[0], 0)) return null;
  return {pValue: Math.min(1, pValue), tables, rows, columns};
}
