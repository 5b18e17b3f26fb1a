/**
 * The multi-year estimate (the report's advice to index ICT cost): the year's own ICT cost (Totaal ICT,
 * live) carried forward four years at CBS inflation plus the benchmark's real growth. Plain formulas over
 * constant cells — the two benchmark rates with their source lines, the derived real growth, and CBS's
 * inflation per year (after CBS's last year that year's, marked extrapolated) — so that LibreOffice and
 * any Excel recalculate them without the add-in's ICTCOST functions; the cached values are
 * indexBudget()'s, the core that ICTCOST.INDEXBUDGET also calls.
 */
import { benchmarkValue, sourceText } from "../../../benchmark";
import { indexBudget } from "../../../indexation";
import { isKpiError } from "../../../types";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, ROW } from "../rows";
import { W } from "./words";

/** How many years after the comparison year the table looks (a multi-year budget: four). */
export const INDEX_YEARS = 4;

export function indexationBlocks(s: ComparisonSheet, row: number): Block[] {
  const L = s.language;
  const year = s.comparison.year;
  const editionId = s.edition.id;
  const growth = benchmarkValue("total_cost_growth", undefined, editionId);
  const inflation = benchmarkValue("inflation", undefined, editionId);
  const total = s.comparison.totals.total;
  const indexed = indexBudget(total, year, year + INDEX_YEARS, undefined, editionId);
  // An edition without the two rates (a user's file) or a year CBS's series cannot reach: no table.
  if (isKpiError(growth) || isKpiError(inflation) || isKpiError(indexed)) return [];
  const fill = (text: string, y: number) => text.replace(/\{year\}/g, String(y));
  const cpiText = W.cpiSource[L];

  const base = row + 1;
  const [growthRow, inflationRow, realRow] = [base + 1, base + 2, base + 3];
  const headerRow = realRow + 1;
  const first = headerRow + 1;
  const years = indexed.years.map((y, i): LayoutCell[] => {
    const r = first + i;
    const previous = i === 0 ? B(base) : cell(3, r - 1);
    return [
      y.year,
      y.inflation,
      f(`=${previous}*(1+${cell(2, r)})*(1+${B(realRow)})`, y.amount),
      "",
      "",
      "",
      "",
      y.extrapolated ? W.extrapolated[L].replace("{last}", String(indexed.lastCbsYear)) : "",
      cpiText,
      `ict_budget_plus_${i + 1}`,
    ];
  });
  return [
    { at: cell(1, row), cells: [[W.indexTitle[L]]], style: "subtitle" },
    {
      at: cell(1, base),
      cells: [
        [fill(W.indexBase[L], year), f(`=${B(ROW.total)}`, total), "", "", "", "", "", "", W.ownSheet[L]],
      ],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    {
      at: cell(1, growthRow),
      cells: [
        [
          fill(W.indexGrowth[L], growth.year),
          growth.value,
          "",
          "",
          "",
          "",
          "",
          "",
          sourceText(growth.source, growth.year, L),
        ],
        [
          fill(W.indexInflation[L], inflation.year),
          inflation.value,
          "",
          "",
          "",
          "",
          "",
          "",
          sourceText(inflation.source, inflation.year, L),
        ],
        [
          W.indexReal[L],
          f(`=(1+${B(growthRow)})/(1+${B(inflationRow)})-1`, indexed.realGrowth),
          "",
          "",
          "",
          "",
          "",
          W.indexRealNote[L],
          W.indexRealSource[L],
        ],
      ],
      numberFormats: [null, "0.00%"],
      style: "input",
    },
    { at: cell(1, headerRow), cells: [W.indexHeader[L]], style: "header" },
    {
      at: cell(1, first),
      cells: years,
      numberFormats: ["0", "0.0%", "#,##0.00", null, null, null, null, null, null, null],
      style: "body",
    },
    { at: cell(1, first + years.length), cells: [[fill(W.indexNote[L], year)]], style: "note" },
  ];
}
