/**
 * Finding the header row and the columns: the best of the first 50 rows (below any title rows),
 * or the row the caller gave, with the user's own column choices laid over the detected ones;
 * and which column(s) give the amounts (Debet − Credit over Bedrag over Saldo).
 */
import {
  AMOUNT_FIELDS,
  AmbiguousHeader,
  ColumnMapping,
  READER_FIELDS,
  hasAmountColumn,
  mapHeaderRowDetailed,
  mappedCount,
} from "./headers";
import { AmountSource, ReadOptions } from "./read";
import { Grid } from "../types";

/** How far down title rows may push the header. */
const HEADER_SCAN_ROWS = 50;

/**
 * The header row: of the first 50 rows, the one that maps most known headers and maps at
 * least description and an amount (Bedrag, Debet/Credit or Saldo; the first such row on a tie).
 * Null when there is none.
 */
export function detectHeader(
  grid: Grid,
): { row: number; mapping: ColumnMapping; ambiguous: AmbiguousHeader[] } | null {
  const best = bestHeaderRow(grid);
  return best && hasRequired(best.mapping)
    ? { row: best.row, mapping: best.mapping, ambiguous: best.ambiguous }
    : null;
}

interface HeaderCandidate {
  row: number;
  mapping: ColumnMapping;
  ambiguous: AmbiguousHeader[];
}

/** The best header candidate, complete or not (a partial one still helps the mapping step). */
function bestHeaderRow(grid: Grid): HeaderCandidate | null {
  if (!Array.isArray(grid)) return null;
  let best: (HeaderCandidate & { score: number }) | null = null;
  const end = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const { mapping, ambiguous } = mapHeaderRowDetailed(grid[r]);
    const count = mappedCount(mapping);
    // Complete rows outrank partial ones; then more mapped columns win.
    const score = (hasRequired(mapping) ? 100 : 0) + count;
    if (count > 0 && (best === null || score > best.score)) best = { row: r, mapping, ambiguous, score };
  }
  return best && { row: best.row, mapping: best.mapping, ambiguous: best.ambiguous };
}

function hasRequired(mapping: ColumnMapping): boolean {
  return mapping.description !== undefined && hasAmountColumn(mapping);
}

/** Detected columns, with the user's choices laid over them (a column serves one field). */
export function mergeMapping(detected: ColumnMapping, chosen: ColumnMapping | undefined): ColumnMapping {
  if (!chosen) return { ...detected };
  const merged: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of READER_FIELDS) {
    const col = chosen[field];
    if (typeof col === "number" && Number.isInteger(col) && col >= 0) {
      merged[field] = col;
      taken.add(col);
    }
  }
  // A chosen amount column replaces the detected Debet/Credit/Saldo, and the other way round.
  const choseAmount = AMOUNT_FIELDS.some((f) => merged[f] !== undefined);
  for (const field of READER_FIELDS) {
    const col = detected[field];
    if (choseAmount && AMOUNT_FIELDS.includes(field)) continue;
    if (merged[field] === undefined && col !== undefined && !taken.has(col)) merged[field] = col;
  }
  return merged;
}

export function locateHeader(grid: Grid, options: ReadOptions): Located {
  const given = options.headerRow;
  if (given === null) return { row: null, mapping: {}, ambiguous: [] };
  if (typeof given === "number" && Number.isInteger(given) && given >= 0 && given < grid.length) {
    return { row: given, ...mapHeaderRowDetailed(grid[given]) };
  }
  const best = bestHeaderRow(grid);
  return best ?? { row: null, mapping: {}, ambiguous: [] };
}

export interface Located {
  row: number | null;
  mapping: ColumnMapping;
  ambiguous: AmbiguousHeader[];
}

/** Debet/Credit win over Bedrag, Bedrag over Saldo (a running balance beside Debet/Credit). */
export function amountSource(mapping: ColumnMapping): AmountSource | null {
  if (mapping.debit !== undefined || mapping.credit !== undefined) return "debitCredit";
  if (mapping.amount !== undefined) return "amount";
  if (mapping.balance !== undefined) return "balance";
  return null;
}

/** Ties the user resolved by choosing a column no longer count as ambiguous. */
export function openAmbiguities(
  ambiguous: AmbiguousHeader[],
  chosen: ColumnMapping | undefined,
): AmbiguousHeader[] {
  if (!chosen) return ambiguous;
  return ambiguous.filter((a) => chosen[a.field] === undefined);
}
