/**
 * The context figures the report gives beside the KPIs (issue 12), computed once for the sheet's cached
 * values and for `compare --json`: size class, project time per theme against figure 16, ICT cost per
 * employee / workplace beside the earlier editions' figures, and the multi-year estimate. Pure.
 */
import { benchmarkValue, BenchmarkValue, Edition, historyPoints, Source } from "../benchmark";
import { Comparison } from "../comparison";
import { SizeClass } from "../cbs/data";
import { indexBudget, IndexedYear } from "../indexation";
import { indexFactor } from "../inflation";
import { Bilingual, isKpiError, KeyFigures } from "../types";
import { hasProjectTime, PROJECT_THEMES, ProjectField } from "./fields";
import { historicClassOf, historicSizeYears, ownSizeClass, OwnSizeClass } from "./sizeClass";

export interface ProjectTimeFigure {
  /** The edition's figure id (project_time_laws_per_100k, …). */
  id: string;
  field: ProjectField;
  label: Bilingual;
  /** The user's project fte; null when not filled. */
  fte: number | null;
  /** Per 100,000 inhabitants. */
  own: number | null;
  benchmark: BenchmarkValue | null;
  difference: number | null;
}

export interface HistoricFigure {
  bookYear: number;
  value: number;
  /** In prices of the comparison year with CBS inflation only; null outside CBS's series. */
  cpiFactor: number | null;
  inPrices: number | null;
  source: Source;
  label?: Bilingual;
}

export type PerCountId = "cost_per_employee" | "cost_per_workplace";

export interface PerCountFigure {
  id: PerCountId;
  field: "employees" | "workplaces";
  count: number | null;
  /** Total ICT cost of the year / count. */
  own: number | null;
  /** Earlier editions' figures, newest book year first. */
  historic: HistoricFigure[];
}

export interface IndexationFigures {
  /** The year's total ICT cost, the starting point. */
  base: number;
  growth: BenchmarkValue;
  inflation: BenchmarkValue;
  realGrowth: number;
  lastCbsYear: number;
  years: IndexedYear[];
}

/** An earlier edition's figure for the class the inhabitants fall in: historic, with its book year. */
export interface HistoricSizeFigure {
  bookYear: number;
  /** "<100k", "60-100k", ">100k": the edition's own class. */
  class: string;
  label?: Bilingual;
  value: number;
  /** The average of all participants that book year. */
  average: number;
  source: Source;
}

export interface ContextFigures {
  sizeClass: OwnSizeClass | null;
  /** Earlier editions' figures for the municipality's class (by inhabitants), oldest first. */
  historicSize: HistoricSizeFigure[];
  /** Null when the key figures hold no project fte. */
  projectTime: ProjectTimeFigure[] | null;
  /** Null when the key figures hold neither employees nor workplaces. */
  perCount: PerCountFigure[] | null;
  /** Null when the edition lacks the two rates or CBS's series cannot reach the year. */
  indexation: IndexationFigures | null;
}

/** How many years after the comparison year the estimate looks (a multi-year budget: four). */
export const INDEX_YEARS = 4;

const PER_COUNT: readonly { id: PerCountId; field: "employees" | "workplaces" }[] = [
  { id: "cost_per_employee", field: "employees" },
  { id: "cost_per_workplace", field: "workplaces" },
];

/** The earlier editions' figures of a KPI (history.json), newest book year first, in prices of `year`. */
export function historicFigures(id: string, year: number): HistoricFigure[] {
  return historyPoints()
    .flatMap((p) => (p.other ?? []).filter((o) => o.id === id).map((o) => ({ bookYear: p.bookYear, o })))
    .sort((a, b) => b.bookYear - a.bookYear)
    .map(({ bookYear, o }) => {
      const factor = indexFactor(bookYear, year);
      const cpiFactor = typeof factor === "number" ? factor : null;
      return {
        bookYear,
        value: o.value,
        cpiFactor,
        inPrices: cpiFactor === null ? null : o.value * cpiFactor,
        source: o.source,
        ...(o.label ? { label: o.label } : {}),
      };
    });
}

export function contextFigures(
  comparison: Comparison,
  keyFigures: KeyFigures | undefined,
  edition: Edition,
  cbsSizeClass?: { value: SizeClass; source: string },
): ContextFigures {
  const inhabitants = comparison.inhabitants ?? keyFigures?.inhabitants;
  const perInhabitants = inhabitants !== undefined && inhabitants > 0 ? inhabitants : undefined;
  const total = comparison.totals.total;

  const projectTime = hasProjectTime(keyFigures)
    ? PROJECT_THEMES.map((theme): ProjectTimeFigure => {
        const fte = keyFigures?.[theme.field] ?? null;
        const own = fte !== null && perInhabitants ? (fte * 100_000) / perInhabitants : null;
        const b = benchmarkValue(theme.figure, edition.bookYear, edition.id);
        const benchmark = isKpiError(b) ? null : b;
        return {
          id: theme.figure,
          field: theme.field,
          label: theme.label,
          fte,
          own,
          benchmark,
          difference: own !== null && benchmark ? own - benchmark.value : null,
        };
      })
    : null;

  const perCount =
    keyFigures?.employees !== undefined || keyFigures?.workplaces !== undefined
      ? PER_COUNT.map(({ id, field }): PerCountFigure => {
          const count = keyFigures?.[field] ?? null;
          return {
            id,
            field,
            count,
            own: count ? total / count : null,
            historic: historicFigures(id, comparison.year),
          };
        })
      : null;

  const growth = benchmarkValue("total_cost_growth", undefined, edition.id);
  const inflation = benchmarkValue("inflation", undefined, edition.id);
  const indexed = indexBudget(total, comparison.year, comparison.year + INDEX_YEARS, undefined, edition.id);
  const indexation =
    isKpiError(growth) || isKpiError(inflation) || isKpiError(indexed)
      ? null
      : {
          base: total,
          growth,
          inflation,
          realGrowth: indexed.realGrowth,
          lastCbsYear: indexed.lastCbsYear,
          years: indexed.years,
        };

  const historicSize = perInhabitants
    ? historicSizeYears().flatMap((y): HistoricSizeFigure[] => {
        const c = historicClassOf(y, perInhabitants);
        if (!c) return [];
        const f = c.figure;
        return [
          {
            bookYear: y.bookYear,
            class: f.class,
            ...(f.label ? { label: f.label } : {}),
            value: f.value,
            average: y.total.value,
            source: f.source,
          },
        ];
      })
    : [];

  return {
    sizeClass: ownSizeClass(inhabitants, cbsSizeClass) ?? null,
    historicSize,
    projectTime,
    perCount,
    indexation,
  };
}
