/**
 * `compare --json`'s `iv3`: the figures of the Iv3-aansluiting sheet (src/model/layout/iv3/figures.ts),
 * the same ones the sheet caches under its live formulas. Present only when the sheet is written (the
 * ledger has a taakveld or Iv3 categorie column); null otherwise.
 */
import { Iv3Figures } from "../model/layout/iv3";

export interface Iv3Json {
  /** The sheet's name in the workbook copy. */
  sheet: string;
  year: number;
  /** The table's columns: Iv3 categorieën as the sheet labels them ("3.5.1 Ingeleend personeel"). */
  categories: string[];
  /** One row per taakveld ("0.4 Overhead"), then onbekend (taakveld null); amounts per category above. */
  rows: { taakveld: string | null; amounts: number[]; unknown: number; total: number }[];
  /** The Totaal row: per category, and onbekend. */
  column_totals: { amounts: number[]; unknown: number };
  /** All ICT cost of the year: what the table adds up to. */
  ict_total: number;
  /** ICT share of taakveld 0.4 (CBS's overhead lasten of the municipality); null where not known. */
  overhead: {
    ict_on_0_4: number;
    overhead: number | null;
    share_0_4: number | null;
    share_all: number | null;
    bi5: number | null;
    source: string;
  };
  /** BBV bi.4 over the ICT lines (Iv3 3.5.1 / (1.1 + 3.5.1)) beside our own and the benchmark's hired share. */
  bi4: {
    salaries: number;
    hired: number;
    value: number | null;
    own_hired_share: number | null;
    benchmark_hired_share: number | null;
  };
}

export function iv3Json(sheet: string, f: Iv3Figures): Iv3Json {
  return {
    sheet,
    year: f.year,
    categories: [...f.categories],
    rows: f.rows.map((r) => ({
      taakveld: r.taakveld,
      amounts: [...r.amounts],
      unknown: r.unknown,
      total: r.total,
    })),
    column_totals: { amounts: [...f.columnTotals.amounts], unknown: f.columnTotals.unknown },
    ict_total: f.ictTotal,
    overhead: {
      ict_on_0_4: f.overhead.ictOnOverhead,
      overhead: f.overhead.amount,
      share_0_4: f.overhead.shareOnOverhead,
      share_all: f.overhead.shareAll,
      bi5: f.overhead.bi5,
      source: f.overhead.source,
    },
    bi4: {
      salaries: f.bi4.salaries,
      hired: f.bi4.hired,
      value: f.bi4.value,
      own_hired_share: f.bi4.ownHiredShare,
      benchmark_hired_share: f.bi4.benchmarkHiredShare,
    },
  };
}
