/**
 * Below the KPI table: the two small tables the charts draw from — own against benchmark per
 * component (clustered columns) and own cost per ICT category (doughnut) — the points of attention
 * of the last rebuild, and the two charts themselves.
 */
import { benchmarkNumber, KpiId } from "../../benchmark";
import { CATEGORIES, categoryLabel } from "../../taxonomy";
import { CategoryCode, Language } from "../../types";
import { cell, range } from "../a1";
import { Block, ChartSpec, LayoutCell } from "../types";
import { kpiRow, KPI_LAST } from "./kpiTable";
import { B, ComparisonSheet, f, ledgerSums, num, ROW } from "./rows";
import { T } from "./words";

const COMPONENT_KPIS: [KpiId, "software" | "personnel" | "infrastructure"][] = [
  ["software_per_inhabitant", "software"],
  ["personnel_per_inhabitant", "personnel"],
  ["infrastructure_per_inhabitant", "infrastructure"],
];

const ICT_CATEGORIES: CategoryCode[] = CATEGORIES.filter((cat) => cat.component !== null).map(
  (cat) => cat.code,
);

export const COMPONENT_HEADER_ROW = KPI_LAST + 2;
export const COMPONENT_LAST = COMPONENT_HEADER_ROW + COMPONENT_KPIS.length;
export const CATEGORY_HEADER_ROW = COMPONENT_LAST + 2;
export const CATEGORY_LAST = CATEGORY_HEADER_ROW + ICT_CATEGORIES.length;

/** Chart source: own vs benchmark per component, referring to the KPI table. */
export function componentBlocks(s: ComparisonSheet): Block[] {
  const { comparison, language } = s;
  const rows = COMPONENT_KPIS.map(([id, label]): LayoutCell[] => {
    const row = kpiRow(id);
    const k = comparison.kpis.find((x) => x.id === id);
    return [T[label][language], f(`=${cell(3, row)}`, num(k?.own)), f(`=${cell(4, row)}`, num(k?.benchmark))];
  });
  return [
    { at: cell(1, COMPONENT_HEADER_ROW), cells: [T.componentHeader[language]], style: "header" },
    {
      at: cell(1, COMPONENT_HEADER_ROW + 1),
      cells: rows,
      numberFormats: [null, "#,##0.00", "#,##0.00"],
      style: "body",
    },
  ];
}

/** Chart source: own cost per ICT category, with the benchmark where the edition has one. */
export function categoryBlocks(s: ComparisonSheet): Block[] {
  const { comparison, edition, language } = s;
  const { sumifs, isCategory } = ledgerSums(s.refs.categorisation);
  const inhabitants = comparison.inhabitants;
  const inh = B(ROW.inhabitants);
  const rows = ICT_CATEGORIES.map((code): LayoutCell[] => {
    const amount = comparison.totals.categories[code] ?? 0;
    const own = inhabitants !== undefined && inhabitants > 0 ? amount / inhabitants : "";
    return [
      code,
      categoryLabel(code, language),
      f(`=IFERROR(IF(${inh}>0,${sumifs(isCategory(code))}/${inh},""),"")`, own),
      num(benchmarkNumber(code, edition.bookYear, edition.id)),
    ];
  });
  return [
    { at: cell(1, CATEGORY_HEADER_ROW), cells: [T.categoryHeader[language]], style: "header" },
    {
      at: cell(1, CATEGORY_HEADER_ROW + 1),
      cells: rows,
      numberFormats: [null, null, "#,##0.00", "#,##0.00"],
      style: "body",
    },
  ];
}

/** The comparison's points of attention, as of the last rebuild (none: no blocks). */
export function issueBlocks(s: ComparisonSheet): Block[] {
  const { comparison, language } = s;
  if (comparison.issues.length === 0) return [];
  return [
    { at: cell(1, CATEGORY_LAST + 2), cells: [[T.issues[language]]], style: "subtitle" },
    { at: cell(1, CATEGORY_LAST + 3), cells: comparison.issues.map((i) => [i[language]]), style: "note" },
  ];
}

export function charts(language: Language): ChartSpec[] {
  return [
    {
      type: "columnClustered",
      title: T.chartComponents[language],
      data: range(1, COMPONENT_HEADER_ROW, 3, COMPONENT_LAST),
      seriesBy: "columns",
      from: "L6",
      to: "S24",
    },
    {
      type: "doughnut",
      title: T.chartComposition[language],
      data: range(2, CATEGORY_HEADER_ROW, 3, CATEGORY_LAST),
      seriesBy: "columns",
      from: "L26",
      to: "S48",
    },
  ];
}
