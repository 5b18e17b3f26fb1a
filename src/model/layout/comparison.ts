/**
 * The ICT-vergelijking sheet: for one year, every KPI of the contract, own (live formulas over the
 * categorisation table and the key figures) against the benchmark edition, with the differences, a live
 * signal word beside the colour, the engine's verdict, and the blocks the two charts draw from.
 * The parts live in src/model/layout/comparison/: words, rows (fixed rows and shared formulas),
 * inputs (input and cost blocks), kpiTable, chartSources (component/category tables and charts), and
 * context (below the rest: size class, project time, cost per employee, multi-year estimate).
 */
import { getEdition } from "../benchmark";
import { Comparison } from "../comparison";
import { KeyFigures, Language } from "../types";
import { categoryBlocks, charts, componentBlocks, issueBlocks } from "./comparison/chartSources";
import { ComparisonContext, contextBlocks, lastRowOf } from "./comparison/context";
import { costBlocks, headingBlocks, inputBlocks } from "./comparison/inputs";
import { kpiBlocks, signalColours } from "./comparison/kpiTable";
import { ComparisonRefs, ComparisonSheet } from "./comparison/rows";
import { T } from "./comparison/words";
import { SheetLayout } from "./types";

/** The start of the sheet's A1 title ("ICT-kostenvergelijking – Gemeente … – 2023"). */
export const COMPARISON_TITLE: Record<Language, string> = T.title;

export const COMPARISON_SHEET: Record<Language, string> = {
  nl: "ICT-vergelijking",
  en: "ICT comparison",
};

interface ComparisonLayoutOptions {
  language: Language;
  sheetName?: string;
  /** The key figures compare() used: cached values of input cells that refer to other sheets. */
  keyFigures?: KeyFigures;
  /** The optional key figures' cells and CBS's size class, for the context blocks. */
  context?: ComparisonContext;
}

export function comparisonLayout(
  comparison: Comparison,
  refs: ComparisonRefs,
  options: ComparisonLayoutOptions,
): SheetLayout {
  const language = options.language;
  const edition = getEdition(comparison.edition) ?? getEdition();
  const sheet: ComparisonSheet = { comparison, refs, language, keyFigures: options.keyFigures, edition };
  const blocks = [
    ...headingBlocks(sheet),
    ...inputBlocks(sheet),
    ...costBlocks(sheet),
    ...kpiBlocks(sheet),
    ...componentBlocks(sheet),
    ...categoryBlocks(sheet),
    ...issueBlocks(sheet),
  ];
  const context = contextBlocks(sheet, options.context ?? { refs: {} }, lastRowOf(blocks) + 2);
  return {
    role: "comparison",
    name: options.sheetName ?? COMPARISON_SHEET[language],
    blocks: [...blocks, ...context],
    tables: [],
    charts: charts(language),
    conditionalFormats: signalColours(),
    validations: [],
    columnWidths: [44, 22, 14, 14, 14, 13, 22, 70, 50, 30],
  };
}
