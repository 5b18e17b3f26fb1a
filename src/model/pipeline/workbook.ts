/**
 * A workbook as plain data: what each face hands to the pipeline. The add-in fills it from Office.js
 * (Range.values of every sheet, every table, the selection), the CLI from an .xlsx or CSV file. Nothing
 * here knows where the cells came from, so both faces find the same inputs in the same cells.
 */
import { AmbiguousHeader, ColumnMapping } from "../grid";
import { isOutputRole } from "../layout/outputSheets";
import { SheetRole } from "../layout/types";
import { Bilingual, Grid, KeyFigures, LedgerField } from "../types";

export interface PlainSheet {
  name: string;
  /** Values of the used range, as Range.values; [] for an empty sheet. */
  values: Grid;
  /** 0-based row and column of values[0][0] in the sheet. */
  firstRow: number;
  firstColumn: number;
  /** Set on the add-in's own output sheets (categorisation, comparison, trend): never input. */
  role?: SheetRole;
  /** The host refuses to read this sheet as a ledger (e.g. protected in Excel). */
  protected?: boolean;
  /** The used range was over the read cap: `values` hold only part of it (see src/excel/read.ts). */
  tooLarge?: { address: string; cells: number };
}

/** An Excel table (ListObject): header row first. */
export interface PlainTable {
  name: string;
  sheet: string;
  values: Grid;
  firstRow: number;
  firstColumn: number;
}

export interface PlainSelection {
  sheet: string;
  address: string;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

export interface PlainWorkbook {
  sheets: PlainSheet[];
  tables: PlainTable[];
  selection?: PlainSelection;
}

export type LedgerSource =
  { kind: "table"; name: string } | { kind: "sheet"; name: string } | { kind: "selection" };

export interface LedgerCandidate {
  source: LedgerSource;
  label: string;
  /** Header texts of the detected header row (for the mapping step). */
  headers: string[];
  /** Detected column per field (0-based within headers); missing required ones listed in `missing`. */
  mapping: ColumnMapping;
  missing: LedgerField[];
  rows: number;
  /** Fields two or more columns name equally well (the leftmost is read until the user chooses). */
  ambiguous?: AmbiguousHeader[];
}

/** What the workbook holds: the candidates for the ledger and the key figures found. */
export interface InputDetection {
  ledgers: LedgerCandidate[];
  /** The best candidate's index in `ledgers`, or -1 when none was found. */
  chosen: number;
  keyFigures: KeyFigures[];
  /** Key figures the comparison needs but could not find (e.g. "inhabitants"). */
  missingKeyFigures: (keyof KeyFigures)[];
  years: number[];
  /** Set when the workbook could not be read (e.g. a protected or too large ledger sheet): what to do. */
  error?: Bilingual;
}

/** The user's choices: which ledger, which columns, key figures typed in the pane or given as flags. */
export interface InputChoice {
  source?: LedgerSource;
  mapping?: ColumnMapping;
  /** Key figures typed in the task pane (or given on the command line); they fill or override the workbook's. */
  keyFigures?: KeyFigures[];
  /** The municipality chosen in the pane: CBS fills the key figures the workbook leaves empty. */
  gemeente?: string;
}

/** The add-in's output sheets: never read as input (the input sheets it creates belong to the user). */
export function isOutputSheet(sheet: PlainSheet): boolean {
  return isOutputRole(sheet.role);
}
