/**
 * Every figure the Iv3-aansluiting sheet shows, computed once: the sheet caches them under its live
 * formulas (../iv3.ts lays them out) and `compare --json` prints them (its `iv3`), so the two cannot
 * disagree. Amounts are rounded to the cent as the sheet caches them; shares are what the sheet's
 * cached values are (of those rounded amounts where the sheet divides them). Pure.
 */
import { Comparison } from "../../comparison";
import {
  HIRED_CATEGORY,
  iv3CategoryCell,
  iv3CategoryText,
  OVERHEAD_TAAKVELD,
  SALARY_CATEGORY,
  taakveldCell,
  taakveldText,
} from "../../iv3";
import { componentOf } from "../../taxonomy";
import { Bilingual, CategorisedLine, Language } from "../../types";
import { iv3CrossTable } from "./crossTable";

/** CBS's overhead (taakveld 0.4) of the municipality in the book year; absent when not known. */
export interface Iv3Overhead {
  /** € of overhead lasten, taakveld 0.4. */
  amount: number;
  /** BBV bi.5: overhead / lasten excluding reserves. */
  bi5: number;
  /** "CBS, Iv3 jaarrekening 2023". */
  source: string;
}

/** One row of the cross table: a taakveld (null: onbekend), its amount per categorie, onbekend, total. */
export interface Iv3Row {
  taakveld: string | null;
  /** Per categorie of Iv3Figures.categories, in that order. */
  amounts: number[];
  unknown: number;
  total: number;
}

export interface Iv3Figures {
  year: number;
  /** The table's rows and columns as the sheet labels them ("0.4 Overhead"), in code order; onbekend apart. */
  taakvelden: string[];
  categories: string[];
  /** One row per taakveld, then the onbekend row. */
  rows: Iv3Row[];
  /** The Totaal row: per categorie, onbekend. */
  columnTotals: { amounts: number[]; unknown: number };
  /** All ICT cost of the year (not XX.NI, not XX.OO): what the table adds up to. */
  ictTotal: number;
  overhead: {
    /** ICT cost booked on taakveld 0.4. */
    ictOnOverhead: number;
    /** CBS's overhead lasten; null when not known. */
    amount: number | null;
    /** ICT on 0.4 / overhead, all ICT / overhead; null when the overhead is not known (or 0). */
    shareOnOverhead: number | null;
    shareAll: number | null;
    bi5: number | null;
    /** Where the overhead comes from ("CBS, … (CC BY 4.0)"), or why it is not known. */
    source: string;
  };
  bi4: {
    /** ICT lines booked as Iv3 1.1 (loonsom) and 3.5.1 (inhuur). */
    salaries: number;
    hired: number;
    /** hired / (salaries + hired); null when both are 0. */
    value: number | null;
    /** The categorisation's hired share of ICT personnel; null without personnel. */
    ownHiredShare: number | null;
    /** The edition's hired share; null when it has none. */
    benchmarkHiredShare: number | null;
  };
}

export interface Iv3FigureOptions {
  language: Language;
  year: number;
  comparison: Comparison;
  overhead?: Iv3Overhead;
  /** Why the overhead is not known (no municipality, CBS has no figures of the year). */
  overheadNote?: Bilingual;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Sum of the year's ICT lines (not XX.NI, not XX.OO) that `pick` selects. */
function ictSum(
  lines: readonly CategorisedLine[],
  year: number,
  pick: (l: CategorisedLine) => boolean,
): number {
  let sum = 0;
  for (const l of lines)
    if ((l.year ?? year) === year && componentOf(l.category) !== null && pick(l) && Number.isFinite(l.amount))
      sum += l.amount;
  return sum;
}

/** The figures of the tie-out of one year over the counted lines (manual codes applied). */
export function iv3Figures(lines: readonly CategorisedLine[], o: Iv3FigureOptions): Iv3Figures {
  const lang = o.language;
  const table = iv3CrossTable(lines, o.year, lang);
  const row = (t: string): Iv3Row => ({
    taakveld: t === "" ? null : t,
    amounts: table.categories.map((c) => round(table.cell(t, c))),
    unknown: round(table.cell(t, "")),
    total: round(table.rowTotal(t)),
  });

  const overheadText = taakveldText(OVERHEAD_TAAKVELD, lang);
  const on04 = round(ictSum(lines, o.year, (l) => taakveldCell(l.taakveld, lang) === overheadText));
  const total = round(table.total);
  const ov = o.overhead;
  const known = ov !== undefined && ov.amount > 0;

  const [salaryText, hiredText] = [
    iv3CategoryText(SALARY_CATEGORY, lang),
    iv3CategoryText(HIRED_CATEGORY, lang),
  ];
  const byCategory = (text: string) =>
    round(ictSum(lines, o.year, (l) => iv3CategoryCell(l.iv3Category, lang) === text));
  const [salaries, hired] = [byCategory(salaryText), byCategory(hiredText)];
  const personnel = (l: CategorisedLine) => componentOf(l.category) === "personnel";
  const allPersonnel = ictSum(lines, o.year, personnel);
  const hiredPersonnel = ictSum(lines, o.year, (l) => personnel(l) && l.staffing === "hired");
  const bench = o.comparison.kpis.find((k) => k.id === "hired_share");

  return {
    year: o.year,
    taakvelden: table.taakvelden,
    categories: table.categories,
    rows: [...table.taakvelden.map(row), row("")],
    columnTotals: {
      amounts: table.categories.map((c) => round(table.columnTotal(c))),
      unknown: round(table.columnTotal("")),
    },
    ictTotal: total,
    overhead: {
      ictOnOverhead: on04,
      amount: ov ? ov.amount : null,
      shareOnOverhead: known ? on04 / ov.amount : null,
      shareAll: known ? total / ov.amount : null,
      bi5: ov ? ov.bi5 : null,
      source: ov ? ov.source : (o.overheadNote?.[lang] ?? ""),
    },
    bi4: {
      salaries,
      hired,
      value: salaries + hired !== 0 ? hired / (salaries + hired) : null,
      ownHiredShare: allPersonnel !== 0 ? hiredPersonnel / allPersonnel : null,
      benchmarkHiredShare: bench?.benchmark ?? null,
    },
  };
}
