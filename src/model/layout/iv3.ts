/**
 * The Iv3-aansluiting (Iv3 tie-out) sheet: the year's ICT cost per Iv3 taakveld × Iv3 categorie lasten
 * as the ledger booked them, summing back to the ICT total; the ICT share of taakveld 0.4 Overhead
 * (CBS's overhead lasten of the municipality); and BBV beleidsindicator bi.4 Externe inhuur over the
 * ICT lines beside our own hired share. Every amount is a live SUMIFS over whole columns of the
 * categorisation sheet (as ICT-vergelijking), with the engine's figure as cached value. The
 * "onbekend" row and column are what the known rows and columns leave of their totals, so the table
 * adds up to the ICT total by construction and a line added to the categorisation is never lost.
 */
import {
  HIRED_CATEGORY,
  IV3_SOURCE,
  iv3CategoryText,
  OVERHEAD_TAAKVELD,
  SALARY_CATEGORY,
  taakveldText,
} from "../iv3";
import { CategorisedLine, CellValue, Language } from "../types";
import { absCell, cell, columnLetter, formulaText } from "./a1";
import { CategorisationRefs } from "./categorisation/refs";
import { Iv3FigureOptions, Iv3Figures, iv3Figures } from "./iv3/figures";
import { Block, Formula, LayoutCell, SheetLayout } from "./types";

export { hasIv3, iv3CrossTable } from "./iv3/crossTable";
export type { Iv3CrossTable } from "./iv3/crossTable";
export { iv3Figures } from "./iv3/figures";
export type { Iv3FigureOptions, Iv3Figures, Iv3Overhead, Iv3Row } from "./iv3/figures";

export const IV3_SHEET: Record<Language, string> = { nl: "Iv3-aansluiting", en: "Iv3 tie-out" };

export interface Iv3LayoutOptions extends Iv3FigureOptions {
  sheetName?: string;
  categorisation: CategorisationRefs;
}

const T = {
  title: { nl: "Iv3-aansluiting", en: "Iv3 tie-out" },
  explanation: {
    nl: "ICT-kosten (alle regels met een ICT-categorie; geen XX.NI of XX.OO) naar Iv3-taakveld en Iv3-categorie lasten zoals geboekt, live uit {sheet}. Regels zonder (bekend) taakveld of categorie staan onder 'onbekend': de tabel telt op tot de ICT-kosten.",
    en: "ICT cost (every line with an ICT category; not XX.NI or XX.OO) by Iv3 taakveld and Iv3 category of expenditure as booked, live from {sheet}. Lines without a (known) taakveld or category are under 'onbekend' (unknown): the table adds up to the ICT cost.",
  },
  codes: { nl: "Iv3-codes: ", en: "Iv3 codes: " },
  year: { nl: "Boekjaar", en: "Book year" },
  crossTitle: {
    nl: "ICT-kosten per taakveld en Iv3-categorie",
    en: "ICT cost per taakveld and Iv3 category",
  },
  corner: { nl: "Taakveld \\ Iv3-categorie", en: "Taakveld \\ Iv3 category" },
  unknown: { nl: "onbekend", en: "onbekend (unknown)" },
  total: { nl: "Totaal", en: "Total" },
  overheadTitle: { nl: "Aandeel ICT in taakveld 0.4 Overhead", en: "ICT share of taakveld 0.4 Overhead" },
  ictOn04: { nl: "ICT-kosten geboekt op taakveld 0.4", en: "ICT cost booked on taakveld 0.4" },
  ictAll: { nl: "Alle ICT-kosten", en: "All ICT cost" },
  overhead: { nl: "Overhead-lasten taakveld 0.4 (CBS)", en: "Overhead expenditure taakveld 0.4 (CBS)" },
  share04: {
    nl: "Aandeel: ICT op taakveld 0.4 / overhead-lasten",
    en: "Share: ICT on taakveld 0.4 / overhead expenditure",
  },
  shareAll: {
    nl: "Aandeel: alle ICT-kosten / overhead-lasten",
    en: "Share: all ICT cost / overhead expenditure",
  },
  bi5: {
    nl: "bi.5 Overhead (% van de totale lasten, CBS)",
    en: "bi.5 Overhead (% of total expenditure, CBS)",
  },
  unknownValue: { nl: "onbekend", en: "onbekend" },
  bi4Title: {
    nl: "BBV-beleidsindicator bi.4 Externe inhuur, alleen over het ICT-personeel",
    en: "BBV policy indicator bi.4 External hire, over ICT personnel only",
  },
  salaries: { nl: "Loonsom ICT-regels (Iv3 1.1)", en: "Wage bill of ICT lines (Iv3 1.1)" },
  hiredIv3: { nl: "Inhuur ICT-regels (Iv3 3.5.1)", en: "Hired staff of ICT lines (Iv3 3.5.1)" },
  bi4: {
    nl: "bi.4 Externe inhuur = inhuur / (loonsom + inhuur)",
    en: "bi.4 External hire = hired / (wages + hired)",
  },
  ownShare: {
    nl: "Eigen inhuuraandeel (categorisering: inhuur / personeel)",
    en: "Own hired share (categorisation: hired / personnel)",
  },
  benchShare: { nl: "Inhuuraandeel benchmark", en: "Hired share benchmark" },
  bi4Source: {
    nl: "BBV, beleidsindicatoren: bi.4 Externe inhuur = kosten inhuur externen als % van (totale loonsom + totale kosten inhuur externen); omschrijving volgens CBS, Iv3-definities gemeenten (statistiekcbs/iv3_definities). Hier alleen over ICT-regels: Iv3 1.1 Salarissen en sociale lasten als loonsom, 3.5.1 Ingeleend personeel als inhuur — niet de gemeentebrede indicator van de begroting.",
    en: "BBV, beleidsindicatoren (policy indicators): bi.4 External hire = cost of external hire as % of (total wage bill + total cost of external hire); wording per CBS, Iv3 definitions for municipalities (statistiekcbs/iv3_definities). Here over ICT lines only: Iv3 1.1 salaries as the wage bill, 3.5.1 hired staff as hire — not the municipality-wide indicator of the budget.",
  },
  ownShareNote: {
    nl: "Het eigen inhuuraandeel telt wat de categorisering als inhuur aanmerkt (ook regels zonder Iv3-categorie); bi.4 alleen wat als 3.5.1 geboekt is. Een verschil wijst op inhuur die niet als 3.5.1 geboekt is, of andersom.",
    en: "The own hired share counts what the categorisation marks as hired (also lines without an Iv3 category); bi.4 only what was booked as 3.5.1. A difference points to hire not booked as 3.5.1, or the reverse.",
  },
};

const AMOUNT = "#,##0.00";
const PERCENT = "0.0%";

/** The ICT lines of the sheet's year: the criteria every SUMIFS shares. */
function ictCriteria(c: CategorisationRefs, yearCell: string): string {
  return `${c.final},"<>XX.OO",${c.final},"<>XX.NI",${c.year},${yearCell}`;
}

const f = (formula: string, value: CellValue): Formula => ({ formula, value });

/** Where the parts sit, from the table's size. */
function places(figures: Iv3Figures) {
  const header = 8;
  const first = header + 1;
  const nRows = figures.taakvelden.length;
  const nCols = figures.categories.length;
  const unknownRow = first + nRows;
  const totalRow = unknownRow + 1;
  const unknownCol = 2 + nCols;
  const totalCol = unknownCol + 1;
  return { header, first, nRows, nCols, unknownRow, totalRow, unknownCol, totalCol };
}

/** The cross table: header, one row per taakveld, the onbekend row, the totals; formulas and values. */
function crossBlocks(figures: Iv3Figures, o: Iv3LayoutOptions, yearCell: string): Block[] {
  const lang = o.language;
  const c = o.categorisation;
  const p = places(figures);
  const crit = ictCriteria(c, yearCell);
  const sumifs = (...pairs: string[]) => `SUMIFS(${c.amount},${[...pairs, crit].join(",")})`;
  const L = (col: number) => columnLetter(col);
  const lastKnownCol = L(1 + p.nCols);
  const header: LayoutCell[] = [T.corner[lang], ...figures.categories, T.unknown[lang], T.total[lang]];
  const known = figures.rows.slice(0, p.nRows);
  const unknown = figures.rows[p.nRows];
  const rows: LayoutCell[][] = known.map((row, i) => {
    const r = p.first + i;
    const totalCell = `${L(p.totalCol)}${r}`;
    const rest = p.nCols > 0 ? `=${totalCell}-SUM(B${r}:${lastKnownCol}${r})` : `=${totalCell}`;
    return [
      row.taakveld,
      ...row.amounts.map((amount, j) =>
        f(`=${sumifs(c.taakveld, `$A${r}`, c.iv3Category, `${L(2 + j)}$${p.header}`)}`, amount),
      ),
      f(rest, row.unknown),
      f(`=${sumifs(c.taakveld, `$A${r}`)}`, row.total),
    ];
  });
  const grand = `${L(p.totalCol)}${p.totalRow}`;
  const lastKnownRow = p.unknownRow - 1;
  const columnRest = (col: number) =>
    p.nRows > 0
      ? `=${L(col)}${p.totalRow}-SUM(${L(col)}${p.first}:${L(col)}${lastKnownRow})`
      : `=${L(col)}${p.totalRow}`;
  const unknownRow: LayoutCell[] = [
    T.unknown[lang],
    ...unknown.amounts.map((amount, j) => f(columnRest(2 + j), amount)),
    f(columnRest(p.unknownCol), unknown.unknown),
    f(columnRest(p.totalCol), unknown.total),
  ];
  const totalRow: LayoutCell[] = [
    T.total[lang],
    ...figures.columnTotals.amounts.map((amount, j) =>
      f(`=${sumifs(c.iv3Category, `${L(2 + j)}$${p.header}`)}`, amount),
    ),
    f(
      p.nCols > 0 ? `=${grand}-SUM(B${p.totalRow}:${lastKnownCol}${p.totalRow})` : `=${grand}`,
      figures.columnTotals.unknown,
    ),
    f(`=SUMIFS(${c.amount},${crit})`, figures.ictTotal),
  ];
  const formats = [null, ...Array(p.nCols + 2).fill(AMOUNT)];
  return [
    { at: cell(1, p.header - 1), cells: [[`${T.crossTitle[lang]}, ${o.year}`]], style: "subtitle" },
    { at: cell(1, p.header), cells: [header], style: "header" },
    ...(rows.length > 0
      ? [{ at: cell(1, p.first), cells: rows, numberFormats: formats, style: "body" as const }]
      : []),
    { at: cell(1, p.unknownRow), cells: [unknownRow], numberFormats: formats, style: "body" },
    { at: cell(1, p.totalRow), cells: [totalRow], numberFormats: formats, style: "total" },
  ];
}

/** ICT share of taakveld 0.4 (with CBS's overhead) and bi.5. */
function overheadBlocks(
  figures: Iv3Figures,
  o: Iv3LayoutOptions,
  yearCell: string,
  grandCell: string,
  top: number,
): Block[] {
  const lang = o.language;
  const c = o.categorisation;
  const crit = ictCriteria(c, yearCell);
  const unknown = T.unknownValue[lang];
  const ov = figures.overhead;
  const overheadText = taakveldText(OVERHEAD_TAAKVELD, lang);
  const [rOn04, rAll, rOverhead] = [top + 1, top + 2, top + 3];
  const share = (row: number, cached: number | null): LayoutCell =>
    f(`=IFERROR(B${row}/B${rOverhead},${formulaText(unknown)})`, cached === null ? unknown : cached);
  return [
    { at: cell(1, top), cells: [[T.overheadTitle[lang]]], style: "subtitle" },
    {
      at: cell(1, rOn04),
      cells: [
        [
          T.ictOn04[lang],
          f(`=SUMIFS(${c.amount},${c.taakveld},${formulaText(overheadText)},${crit})`, ov.ictOnOverhead),
        ],
        [T.ictAll[lang], f(`=${grandCell}`, figures.ictTotal)],
        [T.overhead[lang], ov.amount ?? unknown, ov.source],
      ],
      numberFormats: [null, AMOUNT, null],
      style: "body",
    },
    {
      at: cell(1, rOverhead + 1),
      cells: [
        [T.share04[lang], share(rOn04, ov.shareOnOverhead)],
        [T.shareAll[lang], share(rAll, ov.shareAll)],
        [T.bi5[lang], ov.bi5 ?? unknown, ov.source],
      ],
      numberFormats: [null, PERCENT, null],
      style: "body",
    },
  ];
}

/** bi.4 over the ICT lines beside our own hired share and the benchmark's. */
function bi4Blocks(figures: Iv3Figures, o: Iv3LayoutOptions, yearCell: string, top: number): Block[] {
  const lang = o.language;
  const c = o.categorisation;
  const crit = ictCriteria(c, yearCell);
  const unknown = T.unknownValue[lang];
  const [salaryText, hiredText] = [
    iv3CategoryText(SALARY_CATEGORY, lang),
    iv3CategoryText(HIRED_CATEGORY, lang),
  ];
  const bi4 = figures.bi4;
  const w = c.words;
  const personnelSum = (...more: string[]) =>
    `SUMIFS(${c.amount},${[c.component, formulaText(w.component.personnel), ...more, c.year, yearCell].join(",")})`;
  const [rSal, rHired, rBi4] = [top + 1, top + 2, top + 3];
  const bench = o.comparison.kpis.find((k) => k.id === "hired_share");
  return [
    { at: cell(1, top), cells: [[T.bi4Title[lang]]], style: "subtitle" },
    {
      at: cell(1, rSal),
      cells: [
        [
          T.salaries[lang],
          f(`=SUMIFS(${c.amount},${c.iv3Category},${formulaText(salaryText)},${crit})`, bi4.salaries),
        ],
        [
          T.hiredIv3[lang],
          f(`=SUMIFS(${c.amount},${c.iv3Category},${formulaText(hiredText)},${crit})`, bi4.hired),
        ],
      ],
      numberFormats: [null, AMOUNT],
      style: "body",
    },
    {
      at: cell(1, rBi4),
      cells: [
        [
          T.bi4[lang],
          f(`=IFERROR(B${rHired}/(B${rSal}+B${rHired}),${formulaText(unknown)})`, bi4.value ?? unknown),
          T.bi4Source[lang],
        ],
        [
          T.ownShare[lang],
          f(
            `=IFERROR(${personnelSum(c.staffing, formulaText(w.staffing.hired))}/${personnelSum()},${formulaText(unknown)})`,
            bi4.ownHiredShare ?? unknown,
          ),
          T.ownShareNote[lang],
        ],
        [T.benchShare[lang], bi4.benchmarkHiredShare ?? "", bench?.source ?? ""],
      ],
      numberFormats: [null, PERCENT, null],
      style: "body",
    },
  ];
}

/**
 * The tie-out sheet of one year over the counted lines (manual codes applied, as the comparison). Its
 * cached values are `figures` (computed from the lines when not given): pass the ones you report elsewhere.
 */
export function iv3Layout(
  lines: readonly CategorisedLine[],
  o: Iv3LayoutOptions,
  figures: Iv3Figures = iv3Figures(lines, o),
): SheetLayout {
  const lang = o.language;
  const name = o.sheetName ?? IV3_SHEET[lang];
  const p = places(figures);
  const yearCell = absCell(2, 5);
  const grandCell = `${columnLetter(p.totalCol)}${p.totalRow}`;
  const overheadTop = p.totalRow + 2;
  const bi4Top = overheadTop + 8;
  const municipality = o.comparison.municipality;
  const title = [T.title[lang], municipality, String(o.year)].filter(Boolean).join(" – ");
  return {
    role: "iv3",
    name,
    blocks: [
      { at: "A1", cells: [[title]], style: "title" },
      {
        at: "A2",
        cells: [[T.explanation[lang].replace("{sheet}", o.categorisation.sheetName)]],
        style: "note",
      },
      { at: "A3", cells: [[T.codes[lang] + IV3_SOURCE]], style: "note" },
      { at: "A5", cells: [[T.year[lang], o.year]], numberFormats: [null, "0"], style: "input" },
      ...crossBlocks(figures, o, yearCell),
      ...overheadBlocks(figures, o, yearCell, grandCell, overheadTop),
      ...bi4Blocks(figures, o, yearCell, bi4Top),
    ],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [52, ...Array(p.nCols + 2).fill(20)],
  };
}
