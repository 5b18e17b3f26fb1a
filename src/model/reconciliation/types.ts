/**
 * The reconciliation as data: counts and sums of the lines, of each kind of skipped row and of
 * the unreadable rows, the source's own total next to the sum read, and the lines per year with
 * where their year came from. Types only: what reconcile gives and the text renders.
 */
import { AmountSource, SkipKind, SkippedRow } from "../grid/read";
import { AmbiguousHeader } from "../grid/headers";
import { ReadIssue, YearSource } from "../types";

/** Count and sum (euros, of the amounts that could be read) of one kind of row. */
export interface RowSummary {
  count: number;
  sum: number;
}

/** The source's own grand total next to what was read. */
export interface SourceTotal {
  /** 1-based spreadsheet row of the total row. */
  row: number;
  label: string;
  kind: "total" | "tableTotal";
  amount: number;
  /** Sum of the lines read, as compared (all lines of the read). */
  sumRead: number;
  /** sumRead − amount, rounded to the cent. */
  difference: number;
  /** Equal to the cent. */
  agrees: boolean;
}

export interface YearSummary {
  /** null: lines without a year and no fallback year given. */
  year: number | null;
  lines: number;
  sum: number;
  /** Where the year of these lines came from, with counts; "geen" when none. */
  sources: Partial<Record<YearSource | "geen", number>>;
}

export interface Reconciliation {
  sheet?: string;
  /** Lines read and their sum. */
  lines: RowSummary;
  /** Skipped rows by kind, every kind present (count 0 when none). */
  skipped: Record<SkipKind, RowSummary>;
  /** Unreadable rows (left out of every sum), with row and why. */
  unreadable: { count: number; rows: ReadIssue[] };
  /** The source's grand total (the last one), or null when it has none. */
  sourceTotal: SourceTotal | null;
  /**
   * Subtotal rows whose amount differs from the lines read since the previous total row; also
   * plain "Totaal" rows when there are several that close sections (then status is "differs").
   */
  subtotalsDiffering: SkippedRow[];
  /** Per year, ascending; lines without a year last. */
  years: YearSummary[];
  amountFrom: AmountSource | null;
  ambiguous: AmbiguousHeader[];
  /** Lines whose own year differs from the sheet's year. */
  sheetYearConflicts: number;
  /**
   * "ok": everything read and agrees with the source's total (or it has none); "warning": rows
   * unreadable, ambiguous columns or subtotals that differ; "differs": the grand total differs —
   * show in red.
   */
  status: "ok" | "warning" | "differs";
}

export interface ReconcileOptions {
  /**
   * The year the pipeline gives lines without one (the one key-figure year): counted under
   * that year with source "kerngegevens".
   */
  fallbackYear?: number | null;
}
