/**
 * The multi-year estimate (the report's advice to index ICT cost): the year's own ICT cost (Totaal ICT,
 * live) carried forward four years at CBS inflation plus the benchmark's real growth. Plain formulas over
 * constant cells — the two benchmark rates with their source lines, the derived real growth, and CBS's
 * inflation per year (after CBS's last year that year's, marked extrapolated) — so that LibreOffice and
 * any Excel recalculate them without the add-in's ICTCOST functions; the cached values are
 * indexBudget()'s, the core that ICTCOST.INDEXBUDGET also calls.
 */
import { sourceText } from "../../../benchmark";
import { ContextFigures } from "../../../context/figures";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, ROW } from "../rows";
import { W } from "./words";

export function indexationBlocks(s: ComparisonSheet, figures: ContextFigures, row: number): Block[] {
  const L = s.language;
  const ix = figures.indexation;
  if (!ix) return []; // an edition without the two rates (a user's file): no estimate to make
  const year = s.comparison.year;
  const fill = (text: string, y: number) => text.replace(/\{year\}/g, String(y));
  const base = row + 1;
  const [growthRow, inflationRow, realRow] = [base + 1, base + 2, base + 3];
  const headerRow = realRow + 1;
  const first = headerRow + 1;
  const years = ix.years.map((y, i): LayoutCell[] => {
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
      y.extrapolated ? W.extrapolated[L].replace("{last}", String(ix.lastCbsYear)) : "",
      W.cpiSource[L],
      `ict_budget_plus_${i + 1}`,
    ];
  });
  const rate = (label: string, value: number, source: string): LayoutCell[] => [
    label,
    value,
    "",
    "",
    "",
    "",
    "",
    "",
    source,
  ];
  const { growth, inflation } = ix;
  return [
    { at: cell(1, row), cells: [[W.indexTitle[L]]], style: "subtitle" },
    {
      at: cell(1, base),
      cells: [
        [fill(W.indexBase[L], year), f(`=${B(ROW.total)}`, ix.base), "", "", "", "", "", "", W.ownSheet[L]],
      ],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    {
      at: cell(1, growthRow),
      cells: [
        rate(fill(W.indexGrowth[L], growth.year), growth.value, sourceText(growth.source, growth.year, L)),
        rate(
          fill(W.indexInflation[L], inflation.year),
          inflation.value,
          sourceText(inflation.source, inflation.year, L),
        ),
        [
          W.indexReal[L],
          f(`=(1+${B(growthRow)})/(1+${B(inflationRow)})-1`, ix.realGrowth),
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
