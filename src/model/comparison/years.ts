/**
 * Which year is compared and with which key figures: the latest year the figures or the ledger
 * know, the key figures of that year (an undated set belongs to the comparison year), and the
 * benchmark year to compare against.
 */
import { Edition } from "../benchmark";
import { KeyFigures } from "../types";
import { YearTotals } from "./yearTotals";

export function latest(years: (number | undefined)[]): number | undefined {
  const known = years.filter((y): y is number => typeof y === "number");
  return known.length ? Math.max(...known) : undefined;
}

/** Key figures of a year; a single undated set belongs to the comparison year. */
export function figuresFor(figures: readonly KeyFigures[], year: number, mainYear: number): KeyFigures {
  return (
    figures.find((f) => f.year === year) ??
    (year === mainYear ? figures.find((f) => f.year === undefined) : undefined) ??
    {}
  );
}

export function withFigureFte(t: YearTotals, f: KeyFigures): YearTotals {
  // Key figures are the controller's own count of fte: they win over fte summed from ledger lines.
  return { ...t, fteOwn: f.fteOwn ?? t.fteOwn, fteHired: f.fteHired ?? t.fteHired };
}

/** The benchmark's own figures for the comparison year when the edition has them, else its book year. */
export function benchmarkYear(edition: Edition, year: number): number {
  return edition.kpis.total_per_inhabitant?.[String(year)] ? year : edition.bookYear;
}
