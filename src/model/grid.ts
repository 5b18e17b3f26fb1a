/**
 * The ledger reader: from a Range.values grid (or a parsed CSV) to cost lines.
 *
 * It finds the header row below any title rows, maps columns by their Dutch or English
 * headers, and reads every row after it. Each such row ends up in exactly one place: a
 * line, a skipped row (blank, total, repeated header, nothing to count) or an issue
 * (unreadable; left out of the sums). User data never makes it throw.
 *
 * Columns: see grid/headers.ts and docs/exports.md. The amount of a line is Debet − Credit when
 * the ledger has those columns, else its Bedrag (negated when a D/C column says credit), else its
 * Saldo. Its year is its Boekjaar, else the year of its date, else of its period, else
 * options.sheetYear, else null (the pipeline gives the key-figure year).
 *
 * Rows: `headerRow` (in options and result) is a 0-based index into the grid; `row` in
 * lines and issues is the 1-based spreadsheet row number, `firstRow + index`.
 *
 * The parts live in src/model/grid/: read (the result and option types), locate (header row,
 * columns, amount source), rowReader (one row: amount, totals, year, line), totals (total-row
 * labels), messages (issues), and headers, cells, dates.
 */
import { parseYear } from "./amount";
import { AmbiguousHeader, ColumnMapping, missingFields } from "./grid/headers";
import { amountSource, locateHeader, mergeMapping, openAmbiguities } from "./grid/locate";
import { LedgerRead, ReadOptions } from "./grid/read";
import { ISSUE, RowReader, SKIPPED } from "./grid/rowReader";
import { Grid, ReadIssue } from "./types";

export { matchHeader, missingFields } from "./grid/headers";
export type { AmbiguousHeader, ColumnMapping, ReaderField } from "./grid/headers";
export { parseDate, parsePeriod, yearFromSheetName } from "./grid/dates";
export { detectHeader } from "./grid/locate";
export type {
  AmountSource,
  LedgerRead,
  ReadLine,
  ReadOptions,
  SkipKind,
  SkippedRow,
  YearSourceCounts,
} from "./grid/read";

function emptyRead(
  headerRow: number | null,
  mapping: ColumnMapping,
  ambiguous: AmbiguousHeader[],
  options: ReadOptions,
): LedgerRead {
  const sheetYear = typeof options.sheetYear === "number" ? parseYear(options.sheetYear) : null;
  const read: LedgerRead = {
    headerRow,
    mapping,
    missing: missingFields(mapping),
    lines: [],
    issues: [],
    skipped: 0,
    ambiguous,
    amountFrom: amountSource(mapping),
    blankRows: 0,
    skippedRows: [],
    yearSources: { boekjaar: 0, datum: 0, periode: 0, blad: 0, none: 0 },
    sheetYear,
    sheetYearConflicts: 0,
  };
  if (options.sheet !== undefined) read.sheet = options.sheet;
  return read;
}

/**
 * Read a ledger grid into cost lines, skipped rows and issues. Every row after the header ends
 * up in exactly one of `lines`, `issues` or the skipped rows (`blankRows` + `skippedRows`), so
 * reconcile() can account for every euro.
 */
export function readLedger(grid: Grid, options: ReadOptions = {}): LedgerRead {
  const rows: Grid = Array.isArray(grid) ? grid : [];
  const located = locateHeader(rows, options);
  const mapping = mergeMapping(located.mapping, options.mapping);
  const result = emptyRead(
    located.row,
    mapping,
    openAmbiguities(located.ambiguous, options.mapping),
    options,
  );
  if (result.missing.length > 0) return result;
  const firstRow = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 1;
  const totalsRow = Number.isInteger(options.totalsRow) ? (options.totalsRow as number) : -1;
  const reader = new RowReader(mapping, options.sheet, result);
  for (let r = located.row === null ? 0 : located.row + 1; r < rows.length; r++) {
    const outcome = reader.read(rows[r], firstRow + r, r === totalsRow);
    if (outcome === SKIPPED) result.skipped++;
    else if (outcome === ISSUE) result.issues.push(reader.lastIssue as ReadIssue);
    else result.lines.push(outcome);
  }
  return result;
}
