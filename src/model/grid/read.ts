/**
 * What the ledger reader gives and takes: a read line (LedgerLine plus the export's date, period
 * and document), the skipped rows, the whole read (LedgerRead) and its options. Types only, so
 * that readers of the pipeline and the reconciliation find the shapes without the row loop.
 */
import { ColumnMapping, AmbiguousHeader } from "./headers";
import { LedgerField, LedgerLine, ReadIssue, YearSource } from "../types";

/**
 * A line as the reader gives it: a LedgerLine (what the categoriser takes) plus what the
 * export said about its date, period and document, and where its year came from. The extra
 * fields are undefined when the ledger has no such value.
 */
export interface ReadLine extends LedgerLine {
  /** Booking (or invoice) date as "yyyy-mm-dd". */
  date?: string;
  /** Period number 1..13 from a Periode column ("2022-07", 7). */
  period?: number;
  /** Invoice or document number (Factuurnummer, Boekstuk). */
  document?: string;
  /**
   * Where `year` came from: the line's Boekjaar, its date, its period, the sheet's name; the
   * pipeline sets "kerngegevens" when it gives a line without a year the key-figure year.
   * Undefined while the year is null.
   */
  yearSource?: YearSource;
}

/** Where the amounts of a read came from. */
export type AmountSource = "amount" | "debitCredit" | "balance";

/**
 * Kinds of rows after the header that are no cost line and no problem. "subtotal": a total
 * row with a qualifier ("Totaal 44100", "Subtotaal ICT"); "total": the source's grand total
 * ("Totaal", "Eindtotaal", "Totaal generaal", "Grand total"); "tableTotal": the total row of an
 * Excel table (options.totalsRow).
 */
export type SkipKind = "blank" | "header" | "subtotal" | "total" | "tableTotal";

/** A skipped row that is not blank: where it is, what it said, the amount it carried. */
export interface SkippedRow {
  /** 1-based spreadsheet row. */
  row: number;
  kind: Exclude<SkipKind, "blank">;
  /** The total label ("Totaal 44100") or, for a repeated header, its description cell. */
  label: string;
  /** The row's amount read as a line's would be (Debet − Credit, Bedrag, Saldo); null when none. */
  amount: number | null;
  /**
   * Subtotals and totals: sum of the lines read since the previous subtotal or total row; for a
   * subtotal right below other subtotals ("Totaal taakveld 0.4" after "Totaal 44100", "Totaal
   * 44200"), of the lines since the previous such higher-level subtotal.
   */
  linesAbove: number;
}

/** How many lines got their year from each source; `none`: no year (the pipeline's to give). */
export interface YearSourceCounts {
  boekjaar: number;
  datum: number;
  periode: number;
  blad: number;
  none: number;
}

export interface LedgerRead {
  /** 0-based grid index of the header row; null when the data has none (or none was found). */
  headerRow: number | null;
  mapping: ColumnMapping;
  /** Required fields without a column: when not empty, no rows were read (ask the user). */
  missing: LedgerField[];
  lines: ReadLine[];
  issues: ReadIssue[];
  /** Rows after the header that are no cost line and no problem: blank, total, repeated header. */
  skipped: number;
  /** Sheet or file name as given in the options. */
  sheet?: string;
  /** Fields two header cells named equally well; the reader took the first column (ask the user). */
  ambiguous: AmbiguousHeader[];
  /** Which column(s) gave the amounts; null when none (missing). */
  amountFrom: AmountSource | null;
  /** Skipped rows without any description or amount (their sum is 0 by definition). */
  blankRows: number;
  /** Every other skipped row, in order: repeated headers, subtotals, totals. */
  skippedRows: SkippedRow[];
  /** Lines per source of their year. */
  yearSources: YearSourceCounts;
  /** The year given by options.sheetYear, or null. */
  sheetYear: number | null;
  /** Lines whose own year (Boekjaar, date, period) differs from sheetYear: worth a warning. */
  sheetYearConflicts: number;
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
  /**
   * The year of lines without a Boekjaar, date or period: the pipeline passes
   * yearFromSheetName(sheet name) for a sheet per year ("2022", "Grootboek 2022").
   */
  sheetYear?: number | null;
  /** 0-based grid index of an Excel table's total row (Table.showTotals): skipped as "tableTotal". */
  totalsRow?: number;
}
