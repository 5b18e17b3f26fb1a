/**
 * The benchmark data the add-in ships (ICT Benchmark Gemeenten 2023, book year 2022; earlier editions'
 * totals; CBS inflation) and the lookups the formulas and the comparison use. Users can register a newer
 * edition in the same shape; lookups without an edition id use the newest registered one.
 */
import { Bilingual, isKpiError, KpiError } from "../types";
import cpiJson from "./cpi.json";
import editionJson from "./edition-2023.json";
import historyJson from "./history.json";
import { loadEdition } from "./validate";
import {
  BenchmarkValue,
  CpiPoint,
  Edition,
  HistoryPoint,
  HistorySeriesPoint,
  SourcedValue,
  YearValues,
} from "./types";

export * from "./types";
export { KPI_IDS } from "./kpis";
export { loadEdition } from "./validate";

function loadBuiltin(): Edition {
  const { edition, errors } = loadEdition(editionJson);
  // The shipped data is checked by the tests; a broken file is a build error, not a user error.
  if (!edition)
    throw new Error(`Built-in benchmark edition is invalid: ${errors.map((e) => e.en).join("; ")}`);
  return edition;
}

export const BUILTIN_EDITION: Edition = loadBuiltin();

const registry = new Map<string, Edition>([[BUILTIN_EDITION.id, BUILTIN_EDITION]]);

/** Registered editions, oldest book year first. */
export function listEditions(): Edition[] {
  return [...registry.values()].sort((a, b) => a.bookYear - b.bookYear || a.publishedYear - b.publishedYear);
}

/** Add an edition, or replace the one with the same id (a corrected file). */
export function registerEdition(edition: Edition): void {
  registry.set(edition.id, edition);
}

/** Remove a user's edition again; the built-in edition always stays. Returns whether one was removed. */
export function unregisterEdition(id: string): boolean {
  return id !== BUILTIN_EDITION.id && registry.delete(id);
}

/** The edition with this id; without an id, the newest registered edition. */
export function getEdition(): Edition;
export function getEdition(id: string | undefined): Edition | undefined;
export function getEdition(id?: string): Edition | undefined {
  if (id !== undefined) return registry.get(id);
  const all = listEditions();
  return all[all.length - 1];
}

function na(nl: string, en: string): KpiError {
  return { error: "na", message: { nl, en } };
}

function findValues(edition: Edition, key: string): YearValues | undefined {
  const groups: Record<string, YearValues | undefined>[] = [
    edition.kpis,
    edition.categories,
    edition.figures,
  ];
  for (const group of groups) {
    if (Object.prototype.hasOwnProperty.call(group, key)) return group[key];
  }
  return undefined;
}

function toBenchmarkValue(sv: SourcedValue, year: number): BenchmarkValue {
  const out: BenchmarkValue = { value: sv.value, unit: sv.unit, source: sv.source, year };
  if (sv.approx) out.approx = true;
  if (sv.bound) out.bound = sv.bound;
  if (sv.derived) out.derived = true;
  return out;
}

/**
 * A benchmark figure by KPI id, category code (SW.KA) or figure id, for a book year (default: the
 * edition's own). Unknown edition, key or year gives #N/A with a message saying which.
 */
export function benchmarkValue(
  kpiOrCategory: string,
  year?: number,
  editionId?: string,
): BenchmarkValue | KpiError {
  const edition = getEdition(editionId);
  if (!edition)
    return na(`Onbekende benchmarkeditie "${editionId}".`, `Unknown benchmark edition "${editionId}".`);
  const values = findValues(edition, kpiOrCategory);
  if (!values) {
    return na(
      `${edition.title} geeft geen cijfer voor "${kpiOrCategory}".`,
      `${edition.title} gives no figure for "${kpiOrCategory}".`,
    );
  }
  const y = year ?? edition.bookYear;
  const sv = values[String(y)];
  if (!sv) {
    const years = Object.keys(values).join(", ");
    return na(
      `${edition.title} geeft voor "${kpiOrCategory}" geen cijfer over ${y} (wel over ${years}).`,
      `${edition.title} gives no figure for "${kpiOrCategory}" for ${y} (only for ${years}).`,
    );
  }
  return toBenchmarkValue(sv, y);
}

/** Convenience for callers that want the number or nothing. */
export function benchmarkNumber(kpiOrCategory: string, year?: number, editionId?: string): number | null {
  const v = benchmarkValue(kpiOrCategory, year, editionId);
  return isKpiError(v) ? null : v.value;
}

const HISTORY: readonly HistoryPoint[] = (historyJson as { series: HistoryPoint[] }).series;

/** Earlier editions' summaries as shipped: totals, splits, size classes and other figures per book year. */
export function historyPoints(): readonly HistoryPoint[] {
  return HISTORY;
}

function seriesPoint(bookYear: number, sv: SourcedValue): HistorySeriesPoint {
  const point: HistorySeriesPoint = {
    bookYear,
    value: sv.value,
    source: sv.source,
    derived: sv.derived === true,
    approx: sv.approx === true,
  };
  if (sv.note) point.note = sv.note;
  return point;
}

/**
 * Benchmark total cost per inhabitant per book year. A registered edition's own total wins over the
 * press summaries for the years it covers, since it is the primary source.
 */
export function historySeries(): HistorySeriesPoint[] {
  const byYear = new Map<number, HistorySeriesPoint>();
  for (const p of HISTORY) byYear.set(p.bookYear, seriesPoint(p.bookYear, p.total));
  for (const edition of listEditions()) {
    if (edition === BUILTIN_EDITION) continue;
    for (const [year, sv] of Object.entries(edition.kpis.total_per_inhabitant ?? {})) {
      byYear.set(Number(year), seriesPoint(Number(year), sv));
    }
  }
  return [...byYear.values()].sort((a, b) => a.bookYear - b.bookYear);
}

const CPI_SOURCE = cpiJson.source;
const CPI: readonly CpiPoint[] = Object.entries(cpiJson.values as Record<string, number>)
  .map(([year, percent]) => ({ year: Number(year), change: percent / 100, source: CPI_SOURCE }))
  .sort((a, b) => a.year - b.year);

/** CBS consumer price index, yearly average change per year (as a fraction), 2004–2025. */
export function cpiSeries(): readonly CpiPoint[] {
  return CPI;
}

/** "ICT Benchmark Gemeenten 2023 (M&I/Partners), boekjaar 2022, regels 160, 240" in the user's language. */
export function sourceText(source: BenchmarkValue["source"], year: number, language: "nl" | "en"): string {
  const t: Bilingual = {
    nl: `${source.edition} (${source.publisher}), boekjaar ${year}`,
    en: `${source.edition} (${source.publisher}), book year ${year}`,
  };
  let text = t[language];
  if (source.lines) text += language === "nl" ? `, regels ${source.lines}` : `, lines ${source.lines}`;
  if (source.publication) text += `, ${source.publication}`;
  return text;
}
