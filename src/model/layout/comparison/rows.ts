/**
 * Where things sit on the ICT-vergelijking sheet (fixed rows, so that formulas, charts and tests
 * agree) and the formulas every part shares: the key-figure references, and sums over the
 * categorisation table for the comparison year.
 */
import { Edition } from "../../benchmark";
import { Comparison } from "../../comparison";
import { CellValue, KeyFigures, Language } from "../../types";
import { absCell, formulaText } from "../a1";
import { CategorisationRefs } from "../categorisation/refs";
import { Formula } from "../types";

export interface ComparisonRefs {
  categorisation: CategorisationRefs;
  /** An absolute cell reference ('Kerngegevens'!$B$6) or a constant (CLI flags). */
  inhabitants: string | number;
  budget?: string | number;
  fteOwn?: string | number;
  fteHired?: string | number;
}

/** Difference % at or beyond ±10 % is coloured (red above, green below) and named in the Signal column. */
export const SIGNAL_THRESHOLD = 0.1;

/** Sheet rows: fixed so that formulas, charts and tests agree. */
export const ROW = {
  title: 1,
  subtitle: 2,
  live: 3,
  verdictNote: 4,
  status: 5,
  inputHeader: 6,
  year: 7,
  inhabitants: 8,
  budget: 9,
  fteOwn: 10,
  fteHired: 11,
  costHeader: 13,
  software: 14,
  personnel: 15,
  infrastructure: 16,
  total: 17,
  hired: 18,
  own: 19,
  saas: 20,
  officeAutomation: 21,
  unclassifiedAmount: 22,
  unclassifiedCount: 23,
  notIct: 24,
  /** ICT paid through a gemeenschappelijke regeling: in the totals above, shown apart (issue 11). */
  viaGr: 25,
  kpiHeader: 26,
} as const;
export const KPI_FIRST = ROW.kpiHeader + 1;

/** The value cell (column B) of a row of the input and cost blocks, absolute. */
export const B = (row: number) => absCell(2, row);

export const num = (x: number | null | undefined): CellValue => (x === null || x === undefined ? "" : x);

export const f = (formula: string, value: CellValue): Formula => ({ formula, value });

/** A criterion of SUMIFS/COUNTIFS: [range, value]. */
export type Criterion = [string, string];

/** What every part of the sheet builds from. */
export interface ComparisonSheet {
  comparison: Comparison;
  refs: ComparisonRefs;
  language: Language;
  /** The key figures compare() used: cached values of input cells that refer to other sheets. */
  keyFigures?: KeyFigures;
  edition: Edition;
}

/** Sums over the categorisation table for the sheet's year (the year cell B7). */
export function ledgerSums(c: CategorisationRefs) {
  const w = c.words;
  const criteria = (list: Criterion[]) => list.map(([r, v]) => `${r},${v}`).join(",");
  const sumOf =
    (column: string) =>
    (...list: Criterion[]) =>
      `SUMIFS(${column},${criteria(list)},${c.year},${B(ROW.year)})`;
  return {
    sumifs: sumOf(c.amount),
    fteSum: sumOf(c.fte),
    isPersonnel: [c.component, formulaText(w.component.personnel)] as Criterion,
    isHired: [c.staffing, formulaText(w.staffing.hired)] as Criterion,
    isSoftware: [c.component, formulaText(w.component.software)] as Criterion,
    isInfrastructure: [c.component, formulaText(w.component.infrastructure)] as Criterion,
    isSaas: [c.delivery, formulaText(w.delivery.saas)] as Criterion,
    isCategory: (code: string) => [c.final, formulaText(code)] as Criterion,
  };
}
