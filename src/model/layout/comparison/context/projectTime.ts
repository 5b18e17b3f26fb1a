/**
 * The project-time block: per theme of the report's figure 16, the user's project fte (a live reference
 * to the key figures) per 100,000 inhabitants against the report's estimate, with difference and source.
 * Without any project fte in the key figures, one line saying how to get it.
 */
import { sourceText } from "../../../benchmark";
import { ContextFigures } from "../../../context/figures";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, num, ROW } from "../rows";
import { ComparisonContext, refCell } from "./types";
import { W } from "./words";

export function projectTimeBlocks(
  s: ComparisonSheet,
  ctx: ComparisonContext,
  figures: ContextFigures,
  row: number,
): Block[] {
  const L = s.language;
  const title: Block = { at: cell(1, row), cells: [[W.projectTitle[L]]], style: "subtitle" };
  if (!figures.projectTime)
    return [title, { at: cell(1, row + 1), cells: [[W.projectEmpty[L]]], style: "note" }];
  const inh = B(ROW.inhabitants);
  const first = row + 2;
  const rows = figures.projectTime.map((p, i): LayoutCell[] => {
    const r = first + i;
    const [fte, own, bench, diff] = [2, 3, 4, 5].map((c) => cell(c, r));
    const b = p.benchmark;
    const note = [b?.approx ? W.approx[L] : "", s.edition.figures[p.id]?.[String(b?.year)]?.note?.[L] ?? ""]
      .filter(Boolean)
      .join("; ");
    return [
      p.label[L],
      refCell(ctx.refs[p.field], p.fte ?? undefined),
      f(`=IFERROR(IF(${fte}="","",IF(${inh}>0,${fte}*100000/${inh},"")),"")`, num(p.own)),
      num(b?.value),
      f(`=IFERROR(IF(OR(${own}="",${bench}=""),"",${own}-${bench}),"")`, num(p.difference)),
      f(
        `=IFERROR(IF(${diff}="","",${diff}/${bench}),"")`,
        p.difference !== null && b?.value ? p.difference / b.value : "",
      ),
      "",
      note,
      b ? sourceText(b.source, b.year, L) : "",
      p.id,
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
