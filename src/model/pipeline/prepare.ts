/**
 * Between finding the inputs and categorising them: settle the comparison year, lay the figures typed
 * outside the workbook over the workbook's (the CLI's flags; the pane's are in the choice already), and
 * let CBS fill what is still empty. Both faces call this one step, so they compare the same year with
 * the same inhabitants.
 */
import { reconcile } from "../reconciliation";
import { KeyFigures } from "../types";
import { CbsOutcome, withCbsFigures } from "./cbs";
import { defaultYear, Inputs, withTypedFigures } from "./findInputs";

export interface PrepareOptions {
  /** The year asked for; default the latest year of the ledger (defaultYear). */
  year?: number;
  /** Figures typed for the comparison year (the CLI's --inhabitants, --budget), given that year. */
  typed?: (year: number) => KeyFigures[];
  /** The municipality named outside the workbook (--gemeente, the pane's choice); wins over the Gemeente cell. */
  gemeente?: string;
}

export interface Prepared {
  inputs: Inputs;
  year: number;
  cbs: CbsOutcome;
}

export function prepareInputs(found: Inputs, options: PrepareOptions = {}): Prepared {
  const year = defaultYear(found, options.year);
  const typed = options.typed?.(year) ?? [];
  const withTyped = typed.length > 0 ? withTypedFigures(found, [...found.typed, ...typed]) : found;
  const { inputs, cbs } = withCbsFigures(withTyped, { gemeente: options.gemeente, year });
  // Lines without a year count for the comparison year (as compare() counts them): so says the reconciliation.
  const reconciliations = inputs.sources.map((s) => reconcile(s.read, { fallbackYear: year }));
  return { inputs: { ...inputs, reconciliations }, year, cbs };
}
