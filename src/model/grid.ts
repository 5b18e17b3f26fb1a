/**
 * The ledger reader: from a Range.values grid (or a parsed CSV) to cost lines.
 *
 * It finds the header row below any title rows, maps columns by their Dutch or English
 * headers, and reads every row after it. Each such row ends up in exactly one place: a
 * line, a skipped row (blank, total, repeated header, nothing to count) or an issue
 * (unreadable; left out of the sums). User data never makes it throw.
 *
 * Rows: `headerRow` (in options and result) is a 0-based index into the grid; `row` in
 * lines and issues is the 1-based spreadsheet row number, `firstRow + index`.
 */
import { parseAmount, parseFte, parseYear } from "./amount";
import { cellText, displayValue, isEmptyCell, isExcelError } from "./grid/cells";
import {
  ColumnMapping,
  LEDGER_FIELDS,
  REQUIRED_FIELDS,
  mapHeaderRow,
  mappedCount,
  matchHeader,
} from "./grid/headers";
import { Grid, LedgerField, LedgerLine, ReadIssue } from "./types";

export { matchHeader } from "./grid/headers";

export interface LedgerRead {
  /** 0-based grid index of the header row; null when the data has none (or none was found). */
  headerRow: number | null;
  mapping: ColumnMapping;
  /** Required fields without a column: when not empty, no rows were read (ask the user). */
  missing: LedgerField[];
  lines: LedgerLine[];
  issues: ReadIssue[];
  /** Rows after the header that are no cost line and no problem: blank, total, repeated header. */
  skipped: number;
}

export interface ReadOptions {
  /** Sheet or file name, copied into issues. */
  sheet?: string;
  /** Spreadsheet row number of grid[0]; default 1. */
  firstRow?: number;
  /** The user's own column choice; wins over detected headers. */
  mapping?: ColumnMapping;
  /** 0-based grid index of the header row; null: no header, data starts at grid[0]. */
  headerRow?: number | null;
}

/** How far down title rows may push the header. */
const HEADER_SCAN_ROWS = 50;

/**
 * The header row: of the first 50 rows, the one that maps most known headers and maps at
 * least description and amount (the first such row on a tie). Null when there is none.
 */
export function detectHeader(grid: Grid): { row: number; mapping: ColumnMapping } | null {
  const best = bestHeaderRow(grid);
  return best && hasRequired(best.mapping) ? best : null;
}

/** The best header candidate, complete or not (a partial one still helps the mapping step). */
function bestHeaderRow(grid: Grid): { row: number; mapping: ColumnMapping } | null {
  if (!Array.isArray(grid)) return null;
  let best: { row: number; mapping: ColumnMapping; score: number } | null = null;
  const end = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const mapping = mapHeaderRow(grid[r]);
    // Complete rows outrank partial ones; then more mapped columns win.
    const score = (hasRequired(mapping) ? 100 : 0) + mappedCount(mapping);
    if (mappedCount(mapping) > 0 && (best === null || score > best.score)) best = { row: r, mapping, score };
  }
  return best && { row: best.row, mapping: best.mapping };
}

function hasRequired(mapping: ColumnMapping): boolean {
  return REQUIRED_FIELDS.every((f) => mapping[f] !== undefined);
}

/** Detected columns, with the user's choices laid over them (a column serves one field). */
function mergeMapping(detected: ColumnMapping, chosen: ColumnMapping | undefined): ColumnMapping {
  if (!chosen) return { ...detected };
  const merged: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of LEDGER_FIELDS) {
    const col = chosen[field];
    if (typeof col === "number" && Number.isInteger(col) && col >= 0) {
      merged[field] = col;
      taken.add(col);
    }
  }
  for (const field of LEDGER_FIELDS) {
    const col = detected[field];
    if (merged[field] === undefined && col !== undefined && !taken.has(col)) merged[field] = col;
  }
  return merged;
}

function locateHeader(
  grid: Grid,
  options: ReadOptions,
): { headerRow: number | null; detected: ColumnMapping } {
  const given = options.headerRow;
  if (given === null) return { headerRow: null, detected: {} };
  if (typeof given === "number" && Number.isInteger(given) && given >= 0 && given < grid.length) {
    return { headerRow: given, detected: mapHeaderRow(grid[given]) };
  }
  const best = bestHeaderRow(grid);
  return { headerRow: best ? best.row : null, detected: best ? best.mapping : {} };
}

/** Read a ledger grid into cost lines, skipped rows and issues. */
export function readLedger(grid: Grid, options: ReadOptions = {}): LedgerRead {
  const rows: Grid = Array.isArray(grid) ? grid : [];
  const { headerRow, detected } = locateHeader(rows, options);
  const mapping = mergeMapping(detected, options.mapping);
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const result: LedgerRead = { headerRow, mapping, missing, lines: [], issues: [], skipped: 0 };
  if (missing.length > 0) return result;
  const firstRow = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 1;
  const reader = new RowReader(mapping, options.sheet);
  for (let r = headerRow === null ? 0 : headerRow + 1; r < rows.length; r++) {
    const outcome = reader.read(rows[r], firstRow + r);
    if (outcome === SKIPPED) result.skipped++;
    else if (outcome === ISSUE) result.issues.push(reader.lastIssue as ReadIssue);
    else result.lines.push(outcome);
  }
  return result;
}

// Outcomes as markers rather than a union to inspect: the loop stays monomorphic and fast.
const SKIPPED = 0;
const ISSUE = 1;
type RowOutcome = LedgerLine | typeof SKIPPED | typeof ISSUE;

/** "Totaal", "Subtotaal", "Sub-totaal", "Eindtotaal", "Total", "Grand total" at the start. */
const TOTAL_LABEL = /^(?:sub-?|eind|grand\s*)?totaa?l(?![a-z])/i;

class RowReader {
  /** The issue of the last row read when it returned ISSUE. */
  lastIssue: ReadIssue | null = null;
  private readonly description: number;
  private readonly amount: number;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly sheet: string | undefined,
  ) {
    this.description = mapping.description as number;
    this.amount = mapping.amount as number;
  }

  read(row: unknown, rowNumber: number): RowOutcome {
    if (!Array.isArray(row)) return SKIPPED;
    const description = cellText(row[this.description]);
    const amountCell: unknown = row[this.amount];
    const amountEmpty = isEmptyCell(amountCell);
    // Blank rows, and rows with nothing to count (a note in another column), are no cost line.
    if (description === "" && amountEmpty) return SKIPPED;
    if (isTotalRow(row, description)) return SKIPPED;
    if (amountEmpty) return this.issue(rowNumber, missingAmount(rowNumber, description));
    const amount = parseAmount(amountCell);
    if (amount === null) {
      if (this.isRepeatedHeader(row)) return SKIPPED;
      return this.issue(rowNumber, unreadableAmount(rowNumber, amountCell));
    }
    if (description === "") return this.issue(rowNumber, missingDescription(rowNumber, amountCell));
    return this.line(row, rowNumber, description, amount);
  }

  private line(row: unknown[], rowNumber: number, description: string, amount: number): LedgerLine {
    const m = this.mapping;
    const category = textAt(row, m.category);
    return {
      row: rowNumber,
      description,
      supplier: textAt(row, m.supplier),
      account: textAt(row, m.account),
      amount,
      year: m.year === undefined ? null : parseYear(row[m.year]),
      costCentre: textAt(row, m.costCentre),
      fte: m.fte === undefined ? null : parseFte(row[m.fte]),
      category: category === "" ? null : category,
      taakveld: textAt(row, m.taakveld),
      iv3Category: textAt(row, m.iv3Category),
    };
  }

  /** A header repeated inside the data (printed pages, pasted blocks); asked of unreadable amounts only. */
  private isRepeatedHeader(row: unknown[]): boolean {
    return (
      matchHeader(row[this.amount])?.field === "amount" &&
      matchHeader(row[this.description])?.field === "description"
    );
  }

  private issue(row: number, message: ReadIssue["message"]): typeof ISSUE {
    this.lastIssue = this.sheet === undefined ? { row, message } : { sheet: this.sheet, row, message };
    return ISSUE;
  }
}

function textAt(row: unknown[], col: number | undefined): string {
  return col === undefined ? "" : cellText(row[col]);
}

/** A total row carries its label in the description or in its first filled cell. */
function isTotalRow(row: unknown[], description: string): boolean {
  if (isTotalLabel(description)) return true;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (!isEmptyCell(v)) return typeof v === "string" && isTotalLabel(cellText(v));
  }
  return false;
}

/** First letter first (t, s, e, g), so that most descriptions never reach the regex. */
function isTotalLabel(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return (c === 116 || c === 115 || c === 101 || c === 103) && TOTAL_LABEL.test(text);
}

function missingAmount(row: number, description: string): ReadIssue["message"] {
  const d = displayValue(description, "nl");
  return { nl: `Rij ${row}: bedrag ontbreekt bij '${d}'`, en: `Row ${row}: amount is missing for '${d}'` };
}

function unreadableAmount(row: number, cell: unknown): ReadIssue["message"] {
  if (isExcelError(cell)) {
    const e = cellText(cell);
    return {
      nl: `Rij ${row}: bedrag is een Excel-fout (${e})`,
      en: `Row ${row}: amount is an Excel error (${e})`,
    };
  }
  return {
    nl: `Rij ${row}: bedrag '${displayValue(cell, "nl")}' is geen getal`,
    en: `Row ${row}: amount '${displayValue(cell, "en")}' is not a number`,
  };
}

function missingDescription(row: number, cell: unknown): ReadIssue["message"] {
  return {
    nl: `Rij ${row}: omschrijving ontbreekt bij bedrag '${displayValue(cell, "nl")}'`,
    en: `Row ${row}: description is missing for amount '${displayValue(cell, "en")}'`,
  };
}
