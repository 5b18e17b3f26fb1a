/**
 * `compare --json`'s `context`: the figures the report gives beside the KPIs (issue 12), the same the
 * comparison sheet caches under its live formulas (src/model/context/figures.ts). Ids as on the sheet.
 */
import { sourceText } from "../model/benchmark";
import { ContextFigures } from "../model/context/figures";
import { sourceLine } from "../model/layout/comparison/context/types";

const cents = (x: number) => Math.round(x * 100) / 100;

export interface ContextJson {
  size_class: { value: string; label: string; source: string } | null;
  /** Earlier editions' figures for the municipality's class: historic, each with its book year. */
  historic_size_class: { book_year: number; class: string; value: number; average: number; source: string }[];
  project_time: Record<
    string,
    {
      fte: number | null;
      own: number | null;
      benchmark: number | null;
      difference: number | null;
      source: string | null;
    }
  > | null;
  per_count: Record<
    string,
    {
      count: number | null;
      own: number | null;
      historic: {
        book_year: number;
        value: number;
        cpi_factor: number | null;
        in_prices: number | null;
        source: string;
      }[];
    }
  > | null;
  indexation: {
    base: number;
    growth: number;
    inflation: number;
    real_growth: number;
    sources: string[];
    years: { year: number; inflation: number; extrapolated: boolean; amount: number }[];
  } | null;
}

export function contextJson(c: ContextFigures): ContextJson {
  return {
    size_class: c.sizeClass && {
      value: c.sizeClass.value,
      label: c.sizeClass.label.nl,
      source: c.sizeClass.source.nl,
    },
    historic_size_class: c.historicSize.map((h) => ({
      book_year: h.bookYear,
      class: h.class,
      value: h.value,
      average: h.average,
      source: sourceLine(h.source, "nl"),
    })),
    project_time:
      c.projectTime &&
      Object.fromEntries(
        c.projectTime.map((p) => [
          p.id,
          {
            fte: p.fte,
            own: p.own,
            benchmark: p.benchmark?.value ?? null,
            difference: p.difference,
            source: p.benchmark ? sourceText(p.benchmark.source, p.benchmark.year, "nl") : null,
          },
        ]),
      ),
    per_count:
      c.perCount &&
      Object.fromEntries(
        c.perCount.map((k) => [
          k.id,
          {
            count: k.count,
            own: k.own === null ? null : cents(k.own),
            historic: k.historic.map((h) => ({
              book_year: h.bookYear,
              value: h.value,
              cpi_factor: h.cpiFactor,
              in_prices: h.inPrices === null ? null : cents(h.inPrices),
              source: sourceLine(h.source, "nl"),
            })),
          },
        ]),
      ),
    indexation: c.indexation && {
      base: cents(c.indexation.base),
      growth: c.indexation.growth.value,
      inflation: c.indexation.inflation.value,
      real_growth: c.indexation.realGrowth,
      sources: [c.indexation.growth, c.indexation.inflation].map((v) => sourceText(v.source, v.year, "nl")),
      years: c.indexation.years.map((y) => ({
        year: y.year,
        inflation: y.inflation,
        extrapolated: y.extrapolated,
        amount: cents(y.amount),
      })),
    },
  };
}
