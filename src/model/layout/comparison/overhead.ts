/**
 * Overhead in context, at the bottom of the ICT-vergelijking sheet: the municipality's overhead (Iv3
 * taakveld 0.4) as it filed it with CBS, placed among the municipalities of its CBS size class and among
 * all municipalities, and its ICT cost as a share of that overhead (KPI ids ict_overhead_share,
 * overhead_per_inhabitant, overhead_bi5; see src/model/cbs/overhead.ts). CBS's figures are constants
 * with their source beside them; the ICT share is a live formula over the sheet's ICT total, so it
 * follows the ledger as every other KPI does. A column chart shows where the municipality stands in its
 * size class (minimum, quartiles, maximum and its own value).
 *
 * Without a municipality CBS knows, the section is one line saying so: the comparison is complete
 * without it, and the user learns what to name to get it.
 */
import { sizeClassLabel } from "../../cbs/data";
import { Distribution, OverheadContext } from "../../cbs/overhead";
import { Bilingual, Language } from "../../types";
import { cell, range } from "../a1";
import { Block, ChartSpec, LayoutCell } from "../types";
import { B, f, ROW } from "./rows";

const W = {
  title: {
    nl: "Overhead in context: {name} tussen alle gemeenten ({source})",
    en: "Overhead in context: {name} among all municipalities ({source})",
  },
  note: {
    nl: "Overhead = Iv3 taakveld 0.4, alle lasten, zoals de gemeente het aan het CBS leverde; bi.5 = overhead in % van de lasten excl. reserves (BBV-beleidsindicator). Grootteklasse: {class} ({classSource}). Kwartielen als KWARTIEL.INC; rang 1 = laagste. De CBS-cijfers zijn vaste waarden; het ICT-aandeel rekent mee met Totaal ICT. Bron: CBS (CC BY 4.0).",
    en: "Overhead = Iv3 taakveld 0.4, all lasten, as the municipality filed it with CBS; bi.5 = overhead as % of the lasten excl. reserves (BBV policy indicator). Size class: {class} ({classSource}). Quartiles as QUARTILE.INC; rank 1 = lowest. The CBS figures are constants; the ICT share follows Total ICT. Source: CBS (CC BY 4.0).",
  },
  header: {
    nl: [
      "Kengetal",
      "Vergeleken met",
      "Eigen",
      "Q1 (25%)",
      "Mediaan",
      "Q3 (75%)",
      "Rang (1 = laagste)",
      "Bron",
      "Id",
    ],
    en: [
      "KPI",
      "Compared with",
      "Own",
      "Q1 (25%)",
      "Median",
      "Q3 (75%)",
      "Rank (1 = lowest)",
      "Source",
      "Id",
    ],
  },
  overhead: { nl: "Overhead-lasten taakveld 0.4 (€)", en: "Overhead lasten taakveld 0.4 (€)" },
  share: { nl: "ICT-kosten als aandeel van de overhead", en: "ICT cost as a share of overhead" },
  shareSource: {
    nl: "Totaal ICT (B{row}) / overhead-lasten; {source}",
    en: "Total ICT (B{row}) / overhead lasten; {source}",
  },
  shareMissing: {
    nl: "niet berekend: de overhead is niet van het boekjaar",
    en: "not computed: the overhead is not of the book year",
  },
  perInhabitant: { nl: "Overhead per inwoner (€)", en: "Overhead per inhabitant (€)" },
  bi5: { nl: "Overhead in % van de lasten (bi.5)", en: "Overhead as % of lasten (bi.5)" },
  sizeClass: {
    nl: "Grootteklasse (n={n})",
    en: "Size class (n={n})",
  },
  all: { nl: "Alle gemeenten (n={n})", en: "All municipalities (n={n})" },
  chartHeader: {
    nl: ["Overhead per inwoner in de grootteklasse", "€ per inwoner"],
    en: ["Overhead per inhabitant in the size class", "€ per inhabitant"],
  },
  stats: {
    nl: ["Minimum", "Q1 (25%)", "Mediaan", "Q3 (75%)", "Maximum"],
    en: ["Minimum", "Q1 (25%)", "Median", "Q3 (75%)", "Maximum"],
  },
  chart: {
    nl: "Overhead per inwoner: {name} in de grootteklasse {class} (€, {source})",
    en: "Overhead per inhabitant: {name} in the size class {class} (€, {source})",
  },
};

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** What the section is drawn from: the context, or why there is none (one line). */
export type OverheadSection = { context: OverheadContext } | { absent: Bilingual };

export interface OverheadLayout {
  blocks: Block[];
  charts: ChartSpec[];
}

/** The row number of each part, from the section's first row (for tests and the chart). */
export function overheadRows(top: number) {
  return {
    title: top,
    note: top + 1,
    header: top + 2,
    overhead: top + 3,
    share: top + 4,
    perInhabitant: top + 5,
    bi5: top + 7,
    notes: top + 10,
  };
}

function spreadRow(
  label: string,
  group: string,
  d: Distribution,
  value: number,
  source: string,
  id: string,
): LayoutCell[] {
  return [label, group, value, d.q1, d.median, d.q3, d.rank, source, id];
}

/** The section's blocks and chart, starting at row `top` (column A). */
export function overheadLayout(section: OverheadSection, language: Language, top: number): OverheadLayout {
  if ("absent" in section) {
    return { blocks: [{ at: cell(1, top), cells: [[section.absent[language]]], style: "note" }], charts: [] };
  }
  const o = section.context;
  const r = overheadRows(top);
  const classText = sizeClassLabel(o.size_class.value)[language];
  const k = o.kpis;
  const pi = k.overhead_per_inhabitant;
  const b5 = k.overhead_bi5;
  const classGroup = fill(W.sizeClass[language], { n: pi.size_class.n });
  const allGroup = fill(W.all[language], { n: pi.all.n });
  const shareOwn: LayoutCell =
    k.ict_overhead_share === null
      ? ""
      : f(
          `=IFERROR(IF(${cell(3, r.overhead)}>0,${B(ROW.total)}/${cell(3, r.overhead)},""),"")`,
          k.ict_overhead_share,
        );
  const shareSource =
    k.ict_overhead_share === null
      ? `${W.shareMissing[language]}; ${o.source}`
      : fill(W.shareSource[language], { row: ROW.total, source: o.source });

  const blocks: Block[] = [
    {
      at: cell(1, r.title),
      cells: [[fill(W.title[language], { name: o.municipality, source: o.source })]],
      style: "subtitle",
    },
    {
      at: cell(1, r.note),
      cells: [[fill(W.note[language], { class: classText, classSource: o.size_class.source })]],
      style: "note",
    },
    { at: cell(1, r.header), cells: [W.header[language]], style: "header" },
    {
      at: cell(1, r.overhead),
      cells: [[W.overhead[language], "", o.overhead, "", "", "", "", o.source, ""]],
      numberFormats: [null, null, "#,##0"],
      style: "body",
    },
    {
      at: cell(1, r.share),
      cells: [[W.share[language], "", shareOwn, "", "", "", "", shareSource, "ict_overhead_share"]],
      numberFormats: [null, null, "0.0%"],
      style: "body",
    },
    {
      at: cell(1, r.perInhabitant),
      cells: [
        spreadRow(
          W.perInhabitant[language],
          classGroup,
          pi.size_class,
          pi.value,
          o.source,
          "overhead_per_inhabitant",
        ),
        spreadRow(W.perInhabitant[language], allGroup, pi.all, pi.value, o.source, "overhead_per_inhabitant"),
      ],
      numberFormats: [null, null, "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.00", "0"],
      style: "body",
    },
    {
      at: cell(1, r.bi5),
      cells: [
        spreadRow(W.bi5[language], classGroup, b5.size_class, b5.value, o.source, "overhead_bi5"),
        spreadRow(W.bi5[language], allGroup, b5.all, b5.value, o.source, "overhead_bi5"),
      ],
      numberFormats: [null, null, "0.0%", "0.0%", "0.0%", "0.0%", "0"],
      style: "body",
    },
  ];
  let row = r.notes;
  if (o.notes.length > 0) {
    blocks.push({ at: cell(1, row), cells: o.notes.map((n) => [n[language]]), style: "note" });
    row += o.notes.length + 1;
  }
  // The chart's source: the size class's spread and the municipality's own value, CBS constants.
  const chartTop = row;
  const d = pi.size_class;
  const stats = [d.min, d.q1, d.median, d.q3, d.max];
  blocks.push(
    { at: cell(1, chartTop), cells: [W.chartHeader[language]], style: "header" },
    {
      at: cell(1, chartTop + 1),
      cells: [
        ...W.stats[language].map((label, i): LayoutCell[] => [label, stats[i]]),
        [o.municipality, pi.value],
      ],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
  );
  const chartLast = chartTop + 6;
  return {
    blocks,
    charts: [
      {
        type: "columnClustered",
        title: fill(W.chart[language], { name: o.municipality, class: classText, source: o.source }),
        data: range(1, chartTop, 2, chartLast),
        seriesBy: "columns",
        from: `L${top}`,
        to: `S${top + 20}`,
      },
    ],
  };
}
