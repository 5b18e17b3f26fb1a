/**
 * The ICT-trend sheet: own ICT cost per inhabitant per year, nominal and in prices of the latest year
 * (CBS consumer price index), beside the benchmark's total per inhabitant of the same book year, with a
 * line chart. Own cost is a live SUMIFS per year over the categorisation table when its refs are given.
 */
import { cpiSeries, historySeries, sourceText } from "../benchmark";
import { SeriesPoint } from "../comparison/series";
import { indexFactor } from "../inflation";
import { CellValue, KeyFigures, Language } from "../types";
import { cell, formulaText, range } from "./a1";
import { CategorisationRefs } from "./categorisation/refs";
import { Block, Formula, LayoutCell, SheetLayout } from "./types";

export const TREND_SHEET: Record<Language, string> = { nl: "ICT-trend", en: "ICT trend" };

interface TrendLayoutOptions {
  language: Language;
  sheetName?: string;
  /** Live formulas: the categorisation table, and per year an inhabitants cell reference or constant. */
  refs?: {
    categorisation: CategorisationRefs;
    inhabitants: Readonly<Record<number, string | number>>;
  };
  /** The key figures compare() used (inhabitants per year): constants and cached values. */
  figures?: readonly KeyFigures[];
  /**
   * Per year whose inhabitants came from CBS, what to show beside them ("CBS 2023 (CBS, gemeenteklassen
   * 2023)"); with any, the table gains a column "Bron inwoners".
   */
  inhabitantSources?: Readonly<Record<number, string>>;
}

/** The sheet's A1 title. */
export const TREND_TITLE: Record<Language, string> = {
  nl: "ICT-kosten per inwoner door de jaren",
  en: "ICT cost per inhabitant over the years",
};

const T = {
  title: TREND_TITLE,
  note: {
    nl: "Reëel: omgerekend naar prijzen van {year} met de jaarinflatie van het CBS (consumentenprijsindex). Benchmark: totale ICT-kosten per inwoner uit de ICT Benchmark Gemeenten van dat boekjaar (M&I/Partners), nominaal.",
    en: "Real: in prices of {year} using CBS yearly inflation (consumer price index). Benchmark: total ICT cost per inhabitant from the ICT Benchmark Gemeenten of that book year (M&I/Partners), nominal.",
  },
  header: {
    nl: [
      "Jaar",
      "ICT-kosten (€)",
      "Aantal inwoners",
      "€/inw nominaal",
      "CPI-factor naar {year}",
      "€/inw in prijzen {year}",
      "Benchmark €/inw",
      "Bron benchmark",
      "Bron CPI",
    ],
    en: [
      "Year",
      "ICT cost (€)",
      "Inhabitants",
      "€/inh. nominal",
      "CPI factor to {year}",
      "€/inh. in {year} prices",
      "Benchmark €/inh.",
      "Benchmark source",
      "CPI source",
    ],
  },
  chartHeader: {
    nl: ["Jaar", "Eigen nominaal", "Eigen in prijzen {year}", "Benchmark"],
    en: ["Year", "Own nominal", "Own in {year} prices", "Benchmark"],
  },
  chart: { nl: "ICT-kosten per inwoner (€)", en: "ICT cost per inhabitant (€)" },
  inhabitantSource: { nl: "Bron inwoners", en: "Inhabitants source" },
  derived: { nl: " (afgeleid)", en: " (derived)" },
};

const HEADER_ROW = 4;
const FORMATS = ["0", "#,##0.00", "#,##0", "#,##0.00", "0.0000", "#,##0.00", "#,##0.00", null, null];

export function trendLayout(series: readonly SeriesPoint[], options: TrendLayoutOptions): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? TREND_SHEET[language];
  const points = [...series].sort((a, b) => a.year - b.year);
  const latest = points.length ? points[points.length - 1].year : 0;
  const fill = (s: string) => s.replace(/\{year\}/g, String(latest));
  const history = new Map(historySeries().map((p) => [p.bookYear, p]));
  const cpiSource = cpiSeries()[0]?.source;
  const cpiText = cpiSource ? `${cpiSource.publisher}, ${cpiSource.publication} (${cpiSource.licence})` : "";
  const refs = options.refs;
  const given = options.inhabitantSources;
  const sources = given && Object.keys(given).length > 0 ? given : undefined;
  const header = [...T.header[language], ...(sources ? [T.inhabitantSource[language]] : [])];
  const f = (formula: string, value: CellValue): Formula => ({ formula, value });

  const rows: LayoutCell[][] = points.map((p, i) => {
    const row = HEADER_ROW + 1 + i;
    const [A, Bc, C, D, E] = [1, 2, 3, 4, 5].map((c) => cell(c, row));
    let cost: LayoutCell = p.total;
    if (refs) {
      const c = refs.categorisation;
      const sum = (component: string) =>
        `SUMIFS(${c.amount},${c.component},${formulaText(component)},${c.year},${A})`;
      const w = c.words.component;
      cost = f(`=${sum(w.software)}+${sum(w.personnel)}+${sum(w.infrastructure)}`, p.total);
    }
    const known = options.figures?.find((k) => k.year === p.year)?.inhabitants;
    const derived = p.perInhabitant ? p.total / p.perInhabitant : undefined;
    const inhabitantsValue: CellValue = known ?? (derived !== undefined ? Math.round(derived) : "");
    const ref = refs?.inhabitants[p.year];
    const inhabitants: LayoutCell =
      typeof ref === "string"
        ? f(`=${ref}`, inhabitantsValue)
        : typeof ref === "number"
          ? ref
          : inhabitantsValue;
    const factor = indexFactor(p.year, latest);
    const benchmark = history.get(p.year);
    return [
      p.year,
      cost,
      inhabitants,
      f(`=IFERROR(IF(${C}>0,${Bc}/${C},""),"")`, p.perInhabitant ?? ""),
      typeof factor === "number" ? factor : "",
      f(`=IFERROR(${D}*${E},"")`, p.perInhabitantReal ?? ""),
      benchmark ? benchmark.value : "",
      benchmark
        ? sourceText(benchmark.source, p.year, language) + (benchmark.derived ? T.derived[language] : "")
        : "",
      typeof factor === "number" && p.year !== latest ? cpiText : "",
      ...(sources ? [sources[p.year] ?? ""] : []),
    ];
  });

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(points.length, 1);
  const chartHeaderRow = last + 2;
  const chartRows: LayoutCell[][] = points.map((p, i) => {
    const row = first + i;
    return [
      String(p.year),
      f(`=${cell(4, row)}`, p.perInhabitant ?? ""),
      f(`=${cell(6, row)}`, p.perInhabitantReal ?? ""),
      f(`=${cell(7, row)}`, history.get(p.year)?.value ?? ""),
    ];
  });
  const chartLast = chartHeaderRow + Math.max(points.length, 1);

  const blocks: Block[] = [
    { at: "A1", cells: [[T.title[language]]], style: "title" },
    { at: "A2", cells: [[fill(T.note[language])]], style: "note" },
    { at: cell(1, HEADER_ROW), cells: [header.map(fill)], style: "header" },
    {
      at: cell(1, first),
      cells: rows.length ? rows : [header.map(() => "")],
      numberFormats: sources ? [...FORMATS, null] : FORMATS,
      style: "body",
    },
    { at: cell(1, chartHeaderRow), cells: [T.chartHeader[language].map(fill)], style: "header" },
    {
      at: cell(1, chartHeaderRow + 1),
      cells: chartRows.length ? chartRows : [["", "", "", ""]],
      numberFormats: [null, "#,##0.00", "#,##0.00", "#,##0.00"],
      style: "body",
    },
  ];

  return {
    role: "trend",
    name,
    blocks,
    tables: [],
    charts: [
      {
        type: "line",
        title: T.chart[language],
        data: range(1, chartHeaderRow, 4, chartLast),
        seriesBy: "columns",
        from: `A${chartLast + 2}`,
        to: `H${chartLast + 22}`,
      },
    ],
    conditionalFormats: [],
    validations: [],
    columnWidths: [8, 16, 16, 16, 18, 20, 16, 60, 50, ...(sources ? [40] : [])],
    freezeRows: HEADER_ROW,
  };
}
