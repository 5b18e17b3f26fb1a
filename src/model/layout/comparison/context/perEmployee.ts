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
import { historyPoints, SourcedValue } from "../../../benchmark";
import { indexFactor } from "../../../inflation";
import { Bilingual } from "../../../types";
import { cell } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, ROW } from "../rows";
import { ComparisonContext, refCell, sourceLine } from "./types";
import { W } from "./words";

interface PerKpi {
  id: "cost_per_employee" | "cost_per_workplace";
  field: "employees" | "workplaces";
  label: Bilingual;
}

const KPIS: readonly PerKpi[] = [
  { id: "cost_per_employee", field: "employees", label: W.perEmployee },
  { id: "cost_per_workplace", field: "workplaces", label: W.perWorkplace },
];

/** The earlier editions' figures of a KPI, newest book year first. */
export function historicFigures(id: string): { bookYear: number; figure: SourcedValue }[] {
  return historyPoints()
    .flatMap((p) =>
      (p.other ?? []).filter((o) => o.id === id).map((figure) => ({ bookYear: p.bookYear, figure })),
    )
    .sort((a, b) => b.bookYear - a.bookYear);
}

export function perEmployeeBlocks(s: ComparisonSheet, ctx: ComparisonContext, row: number): Block[] {
  const L = s.language;
  const title: Block = { at: cell(1, row), cells: [[W.perTitle[L]]], style: "subtitle" };
  const kf = s.keyFigures;
  if (kf?.employees === undefined && kf?.workplaces === undefined)
    return [title, { at: cell(1, row + 1), cells: [[W.perEmpty[L]]], style: "note" }];
  const year = s.comparison.year;
  const fill = (text: string) => text.replace(/\{year\}/g, String(year));
  const total = s.comparison.totals.total;
  const first = row + 2;
  const rows: LayoutCell[][] = [];
  for (const kpi of KPIS) {
    const count = kf?.[kpi.field];
    const history = historicFigures(kpi.id);
    const top = first + rows.length;
    (history.length > 0 ? history : [undefined]).forEach((h, i) => {
      const r = first + rows.length;
      const [nominal, factorCell] = [cell(4, r), cell(6, r)];
      const factor = h ? indexFactor(h.bookYear, year) : "";
      const known = typeof factor === "number" ? factor : "";
      const own = i === 0;
      rows.push([
        own ? kpi.label[L] : "",
        own ? refCell(ctx.refs[kpi.field], count) : "",
        own
          ? f(
              `=IFERROR(IF(${cell(2, top)}>0,${B(ROW.total)}/${cell(2, top)},""),"")`,
              count ? total / count : "",
            )
          : "",
        h ? h.figure.value : "",
        h ? h.bookYear : "",
        known,
        h
          ? f(
              `=IFERROR(IF(${factorCell}="","",${nominal}*${factorCell}),"")`,
              known === "" ? "" : h.figure.value * known,
            )
          : "",
        h
          ? [W.historicNote[L].replace("{year}", String(h.bookYear)), h.figure.label?.[L]]
              .filter(Boolean)
              .join(" — ")
          : "",
        h ? sourceLine(h.figure.source, L) : "",
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
