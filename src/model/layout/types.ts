/**
 * Sheet layouts as plain data: the core decides what a sheet holds; the renderers
 * (Office.js adapter, ExcelJS writer of the CLI, the Excel fake in tests) only draw it.
 */
import { CellValue } from "../types";

/** A cell that holds a formula (A1 style, starting with "="), with its computed value where known. */
export interface Formula {
  formula: string;
  /** Cached value: the engine's own result, written into files so readers without recalculation see it. */
  value?: CellValue;
}

/** Any string is literal text and must be written as text, never interpreted as a formula. */
export type LayoutCell = CellValue | Formula;

export function isFormula(x: unknown): x is Formula {
  return typeof x === "object" && x !== null && "formula" in x;
}

/** "warning": bold red, for what a controller must not miss (a reconciliation that does not agree). */
export type CellStyle = "title" | "subtitle" | "header" | "body" | "total" | "note" | "input" | "warning";

/**
 * Rows made on demand, one at a time: a body of one row per cost line is not held as cells (a
 * million-line categorisation's rows took ~600 MB), each row is made while it is written and let go.
 */
export interface LazyRows {
  count: number;
  /** The widest row's length. */
  width: number;
  /** Row i (0-based), made afresh on each call. */
  row(i: number): LayoutCell[];
}

/** A rectangle of cells written in one go. */
export interface Block {
  /** Top-left cell, A1 notation, e.g. "A1". */
  at: string;
  /**
   * The cells. On a block made by lazyBlock this is the rows made on first read and kept: readers of
   * a long body that only write it (the renderers) go through blockRows instead, which makes none.
   */
  cells: LayoutCell[][];
  /** Set (not enumerable, so a block still compares and serialises as its cells) by lazyBlock. */
  readonly rows?: LazyRows;
  /** Number format per column of the block (Excel codes, e.g. "#,##0.00"); null = General. */
  numberFormats?: (string | null)[];
  style?: CellStyle;
}

export interface TableSpec {
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  /** Range including the header row, A1, e.g. "A3:N415". */
  range: string;
  style?: string;
}

export type ChartType = "columnClustered" | "pie" | "doughnut" | "line";

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Source range on the same sheet, including the header row/column with series and category names. */
  data: string;
  seriesBy: "columns" | "rows";
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface ConditionalFormatSpec {
  range: string;
  /**
   * Optional formula rule (Excel "expression" type), A1 with a leading "=", relative to the top-left
   * cell of `range` (e.g. `=$N5="XX.OO"` highlights whole rows). Renderers that support it use it
   * instead of operator/formula1/formula2; those are then a cell-value fallback with a similar effect.
   */
  expression?: string;
  operator: "greaterThan" | "lessThan" | "between";
  formula1: string;
  formula2?: string;
  fill: string;
  fontColor: string;
}

interface ValidationSpec {
  range: string;
  /** Allowed values (list validation). */
  list: string[];
  prompt?: string;
}

/** Which of the add-in's own sheets this is; used to recognise its sheets on rebuild. */
export type SheetRole =
  | "categorisation"
  | "comparison"
  | "trend"
  | "explanation"
  | "audit"
  | "template-keyfigures"
  | "template-ledger"
  | "template-rules"
  | "sample-keyfigures"
  | "sample-ledger"
  | "peers"
  | "iv3";

export interface SheetLayout {
  role: SheetRole;
  /** Preferred sheet name; a renderer picks another if a user sheet already has it. */
  name: string;
  blocks: Block[];
  tables: TableSpec[];
  charts: ChartSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  validations: ValidationSpec[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows frozen at the top. */
  freezeRows?: number;
}

/**
 * A block whose rows are made on demand. `cells` stays as an enumerable property made (and kept) on first
 * read, so such a block equals, prints and serialises as the block with its cells given; the renderers
 * read it through blockRows and never make the whole array.
 */
export function lazyBlock(fields: Omit<Block, "cells" | "rows">, rows: LazyRows): Block {
  const { at, ...rest } = fields;
  let cells: LayoutCell[][] | undefined;
  // Key order as a block written out: at, cells, then the rest.
  const block = { at } as Block;
  Object.defineProperty(block, "cells", {
    enumerable: true,
    configurable: true,
    get: () => (cells ??= Array.from({ length: rows.count }, (_, i) => rows.row(i))),
  });
  Object.assign(block, rest);
  Object.defineProperty(block, "rows", { value: rows, enumerable: false });
  return block;
}

/** A block's rows as LazyRows: its own when it has them (made one by one), else a view of its cells. */
export function blockRows(block: Block): LazyRows {
  if (block.rows) return block.rows;
  const cells = block.cells;
  let width = 0;
  for (const r of cells) width = Math.max(width, r.length);
  return { count: cells.length, width, row: (i) => cells[i] };
}
