/**
 * The cost-per-employee / per-workplace block: own ICT cost (Totaal ICT, live) divided by the number of
 * employees or workplaces in the key figures, beside the only benchmark figures there are — from the
 * editions on 2012–2014 — each with its book year and source, and in prices of the comparison year.
 *
 * Why no difference and no signal: those figures are 8–10 years old, and the benchmark's ICT cost per
 * inhabitant rose faster than inflation every year since 2015 (2023 report, lines 137–142: 72 € in 2014,
 * 106 € in 2022, +47% against about +22% CPI). Indexed with CBS inflation they are a lower bound from the
 * past, not a benchmark of today, so the sheet shows them (nominal and inflation-adjusted, each marked as
 * such) without setting the own figure against them.
 */
import { ContextFigures, HistoricFigure } from "../../../context/figures";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, num, ROW } from "../rows";
import { ComparisonContext, refCell, sourceLine } from "./types";
import { W } from "./words";

const LABELS = { cost_per_employee: W.perEmployee, cost_per_workplace: W.perWorkplace };

export function perEmployeeBlocks(
  s: ComparisonSheet,
  ctx: ComparisonContext,
  figures: ContextFigures,
  row: number,
): Block[] {
  const L = s.language;
  const title: Block = { at: cell(1, row), cells: [[W.perTitle[L]]], style: "subtitle" };
  if (!figures.perCount) return [title, { at: cell(1, row + 1), cells: [[W.perEmpty[L]]], style: "note" }];
  const fill = (text: string) => text.replace(/\{year\}/g, String(s.comparison.year));
  const first = row + 2;
  const rows: LayoutCell[][] = [];
  for (const kpi of figures.perCount) {
    const top = first + rows.length;
    const history: (HistoricFigure | undefined)[] = kpi.historic.length > 0 ? kpi.historic : [undefined];
    history.forEach((h, i) => {
      const r = first + rows.length;
      const [nominal, factor] = [cell(4, r), cell(6, r)];
      const own = i === 0;
      const note = h
        ? [W.historicNote[L].replace("{year}", String(h.bookYear)), h.label?.[L]].filter(Boolean).join(" — ")
        : "";
      rows.push([
        own ? LABELS[kpi.id][L] : "",
        own ? refCell(ctx.refs[kpi.field], kpi.count ?? undefined) : "",
        own ? f(`=IFERROR(IF(${cell(2, top)}>0,${B(ROW.total)}/${cell(2, top)},""),"")`, num(kpi.own)) : "",
        h ? h.value : "",
        h ? h.bookYear : "",
        num(h?.cpiFactor),
        h ? f(`=IFERROR(IF(${factor}="","",${nominal}*${factor}),"")`, num(h.inPrices)) : "",
        note,
        h ? sourceLine(h.source, L) : "",
        own ? kpi.id : "",
      ]);
    });
  }
  return [
    title,
    { at: cell(1, row + 1), cells: [W.perHeader[L].map(fill)], style: "header" },
    {
      at: cell(1, first),
      cells: rows,
      numberFormats: [null, "#,##0", "#,##0", "#,##0", "0", "0.0000", "#,##0", null, null, null],
      style: "body",
    },
    { at: cell(1, first + rows.length), cells: [[fill(W.perNote[L])]], style: "note" },
  ];
}
