/**
 * The project-time block: per theme of the report's figure 16, the user's project fte (a live reference
 * to the key figures) per 100,000 inhabitants against the report's estimate, with difference and source.
 * Without any project fte in the key figures, one line saying how to get it.
 */
import { sourceText } from "../../../benchmark";
import { hasProjectTime, PROJECT_THEMES } from "../../../context/fields";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, num, ROW } from "../rows";
import { ComparisonContext, refCell } from "./types";
import { W } from "./words";

export function projectTimeBlocks(s: ComparisonSheet, ctx: ComparisonContext, row: number): Block[] {
  const L = s.language;
  const title: Block = { at: cell(1, row), cells: [[W.projectTitle[L]]], style: "subtitle" };
  if (!hasProjectTime(s.keyFigures))
    return [title, { at: cell(1, row + 1), cells: [[W.projectEmpty[L]]], style: "note" }];
  const inh = B(ROW.inhabitants);
  const inhabitants = s.comparison.inhabitants ?? s.keyFigures?.inhabitants;
  const year = String(s.edition.bookYear);
  const first = row + 2;
  const rows = PROJECT_THEMES.map((theme, i): LayoutCell[] => {
    const r = first + i;
    const [fte, own, bench, diff] = [2, 3, 4, 5].map((c) => cell(c, r));
    const value = s.keyFigures?.[theme.field];
    const perHundredK =
      value !== undefined && inhabitants !== undefined && inhabitants > 0
        ? (value * 100_000) / inhabitants
        : undefined;
    const figure = s.edition.figures[theme.figure]?.[year];
    const benchmark = figure?.value;
    const difference =
      perHundredK !== undefined && benchmark !== undefined ? perHundredK - benchmark : undefined;
    const note = [figure?.approx ? W.approx[L] : "", figure?.note?.[L] ?? ""].filter(Boolean).join("; ");
    return [
      theme.label[L],
      refCell(ctx.refs[theme.field], value),
      f(`=IFERROR(IF(${fte}="","",IF(${inh}>0,${fte}*100000/${inh},"")),"")`, num(perHundredK)),
      num(benchmark),
      f(`=IFERROR(IF(OR(${own}="",${bench}=""),"",${own}-${bench}),"")`, num(difference)),
      f(
        `=IFERROR(IF(${diff}="","",${diff}/${bench}),"")`,
        difference !== undefined && benchmark ? difference / benchmark : "",
      ),
      "",
      note,
      figure ? sourceText(figure.source, s.edition.bookYear, L) : "",
      theme.figure,
    ];
  });
  return [
    title,
    { at: cell(1, row + 1), cells: [W.projectHeader[L]], style: "header" },
    {
      at: cell(1, first),
      cells: rows,
      numberFormats: [null, "#,##0.0", "#,##0.00", "#,##0.0", "#,##0.00", "0.0%", null, null, null, null],
      style: "body",
    },
    { at: cell(1, first + rows.length), cells: [[W.projectNote[L]]], style: "note" },
  ];
}
