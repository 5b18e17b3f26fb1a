/**
 * The trend series: total ICT cost and cost per inhabitant for every year in the ledger, also in
 * prices of the latest year (CBS CPI), for the trend chart and table.
 */
import { perInhabitant } from "../formulas";
import { indexFactor } from "../inflation";
import { KeyFigures } from "../types";
import { figuresFor } from "./years";
import { YearTotals } from "./yearTotals";

export interface SeriesPoint {
  year: number;
  total: number;
  perInhabitant: number | null;
  /** In prices of the latest year of the series (CBS CPI). */
  perInhabitantReal: number | null;
}

export function buildSeries(
  all: YearTotals[],
  figures: readonly KeyFigures[],
  mainYear: number,
): SeriesPoint[] {
  const last = all.length ? all[all.length - 1].year : mainYear;
  return all.map((t) => {
    const inh = figuresFor(figures, t.year, mainYear).inhabitants;
    const per = inh === undefined ? null : perInhabitant(t.total, inh);
    const perNumber = typeof per === "number" ? per : null;
    const factor = indexFactor(t.year, last);
    const real = perNumber !== null && typeof factor === "number" ? perNumber * factor : null;
    return { year: t.year, total: t.total, perInhabitant: perNumber, perInhabitantReal: real };
  });
}
