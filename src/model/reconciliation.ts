/**
 * Reconciliation of a ledger read with its source: where every row after the header went (lines,
 * skipped rows by kind with their sums, unreadable rows), the sum read next to the source's own
 * grand total, and the lines per year with where their year came from. Pure data and a bilingual
 * text, so that the CLI, the pane and the comparison sheet show the same thing. No KPI without it.
 *
 * The parts live in src/model/reconciliation/: types (the data), reconcile (computing it), text
 * (rendering it in Dutch or English) and words (the words that text uses).
 */
export type {
  ReconcileOptions,
  Reconciliation,
  RowSummary,
  SourceTotal,
  YearSummary,
} from "./reconciliation/types";
export { cents, reconcile } from "./reconciliation/reconcile";
export { reconciliationLines, reconciliationText } from "./reconciliation/text";
