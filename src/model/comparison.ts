/**
 * Own ICT cost against the benchmark: `compare` sums the categorised ledger per year in one pass,
 * computes every KPI of the workbook contract, and says in one sentence per KPI how the
 * municipality compares. The parts live in src/model/comparison/: yearTotals (summing),
 * kpis (KPI values), verdicts (the sentences), years, series (trend) and issues.
 */
import { getEdition, KPI_IDS, Edition } from "./benchmark";
import { compareKpi, KpiComparison } from "./comparison/kpis";
import { collectIssues } from "./comparison/issues";
import { buildSeries, SeriesPoint } from "./comparison/series";
import { accumulate, emptyTotals, YearTotals } from "./comparison/yearTotals";
import { benchmarkYear, figuresFor, latest, withFigureFte } from "./comparison/years";
import { Bilingual, CategorisedLine, KeyFigures, Language } from "./types";

export type { KpiComparison } from "./comparison/kpis";
export type { SeriesPoint } from "./comparison/series";
export type { LineCount, YearTotals } from "./comparison/yearTotals";
export { summarise, summariseByYear } from "./comparison/yearTotals";

export interface Comparison {
  year: number;
  edition: string;
  municipality?: string;
  inhabitants?: number;
  totals: YearTotals;
  kpis: KpiComparison[];
  series: SeriesPoint[];
  issues: Bilingual[];
}

interface CompareOptions {
  year?: number;
  editionId?: string;
  language?: Language;
}
/** Every KPI of the contract for one year: own value, benchmark, difference and a verdict. */
export function compare(
  lines: readonly CategorisedLine[],
  figures: readonly KeyFigures[],
  options: CompareOptions = {},
): Comparison {
  const issues: Bilingual[] = [];
  let edition = getEdition(options.editionId);
  if (!edition) {
    edition = getEdition();
    issues.push({
      nl: `Onbekende benchmarkeditie "${options.editionId}": ${edition.title} gebruikt.`,
      en: `Unknown benchmark edition "${options.editionId}": used ${edition.title}.`,
    });
  }
  const figureYear = options.year ?? latest(figures.map((f) => f.year));
  const { totals: all, nullYearLines } = accumulate(lines, figureYear);
  const year = figureYear ?? latest(all.map((t) => t.year)) ?? edition.bookYear;
  const f = figuresFor(figures, year, year);
  const totals = withFigureFte(all.find((t) => t.year === year) ?? emptyTotals(year), f);
  const benchYear = benchmarkYear(edition, year);
  const language = options.language ?? "nl";
  const kpis = KPI_IDS.map((def) => compareKpi(def, totals, f, benchYear, edition as Edition, language));
  issues.push(...collectIssues(totals, f, year, benchYear, nullYearLines, edition));
  const result: Comparison = {
    year,
    edition: edition.id,
    totals,
    kpis,
    series: buildSeries(all, figures, year),
    issues,
  };
  if (f.municipality !== undefined) result.municipality = f.municipality;
  if (f.inhabitants !== undefined) result.inhabitants = f.inhabitants;
  return result;
}
