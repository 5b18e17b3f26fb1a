/**
 * Size class: the municipality's CBS size class (CBS's own where CBS knows the municipality, else
 * placed by its inhabitants on CBS's class bounds), what the 2023 report says about size — in words
 * only: it gives no figures per size class — and the figures per size class that earlier editions
 * published, each with its book year and source. Pure.
 */
import { historyPoints, HistoryPoint, Source, SourcedValue } from "../benchmark";
import { SizeClass, sizeClassLabel } from "../cbs/data";
import { Bilingual } from "../types";

/** CBS's classes by their upper bound (exclusive), smallest first; the last has none. */
const CBS_BOUNDS: readonly [number, SizeClass][] = [
  [5_000, "minderdan5000inwoners"],
  [10_000, "5000tot10000inwoners"],
  [20_000, "10000tot20000inwoners"],
  [50_000, "20000tot50000inwoners"],
  [100_000, "50000tot100000inwoners"],
  [150_000, "100000tot150000inwoners"],
  [250_000, "150000tot250000inwoners"],
  [Infinity, "250000inwonersofmeer"],
];

/** The CBS size class of a number of inhabitants ("20.000 tot 50.000" holds 20,000 up to 49,999). */
export function sizeClassOf(inhabitants: number): SizeClass {
  return CBS_BOUNDS.find(([upper]) => inhabitants < upper)![1];
}

export interface OwnSizeClass {
  value: SizeClass;
  label: Bilingual;
  /** "CBS, gemeenteklassen 2023", or how it was placed when CBS does not know the municipality. */
  source: Bilingual;
}

/** CBS's class of the municipality when known, else the class of its inhabitants; none without either. */
export function ownSizeClass(
  inhabitants: number | undefined,
  cbs?: { value: SizeClass; source: string },
): OwnSizeClass | undefined {
  if (cbs)
    return { value: cbs.value, label: sizeClassLabel(cbs.value), source: { nl: cbs.source, en: cbs.source } };
  if (inhabitants === undefined || !(inhabitants > 0)) return undefined;
  const value = sizeClassOf(inhabitants);
  return {
    value,
    label: sizeClassLabel(value),
    source: {
      nl: "uit het aantal inwoners, met de klassengrenzen van CBS",
      en: "from the number of inhabitants, on CBS's class bounds",
    },
  };
}

/**
 * What the 2023 report says about size. It publishes no figure per size class (figure 3 is a curve
 * without values), so the sheet quotes its finding in words with the lines it stands on.
 */
export const REPORT_SIZE_FINDING: { lines: Bilingual[]; source: Source } = {
  lines: [
    {
      nl: "Het rapport geeft geen cijfers per grootteklasse.",
      en: "The report gives no figures per size class.",
    },
    {
      nl: "Grote gemeenten hebben de hoogste ICT-kosten per inwoner en middelgrote de laagste: een U-vorm (klein is duur door investeringen voor weinig inwoners, groot door complexiteit).",
      en: "Large municipalities have the highest ICT cost per inhabitant and mid-sized ones the lowest: a U shape (small is costly through investments for few inhabitants, large through complexity).",
    },
    {
      nl: "De grootste gemeenten hebben per inwoner ongeveer 20% lagere softwarekosten en ruim 20% hogere personeelskosten dan gemiddeld.",
      en: "The largest municipalities have about 20% lower software cost and a little over 20% higher personnel cost per inhabitant than average.",
    },
  ],
  source: {
    edition: "ICT Benchmark Gemeenten 2023",
    publisher: "M&I/Partners",
    lines: "104–108, 126–134",
  },
};

/** An earlier edition's class as a range of inhabitants [min, max); null when the source gives no bound. */
export function classRange(cls: string): { min: number; max: number } | null {
  const k = (x: string) => Number(x) * 1000;
  let m = /^<(\d+)k$/.exec(cls);
  if (m) return { min: 0, max: k(m[1]) };
  m = /^>(\d+)k$/.exec(cls);
  if (m) return { min: k(m[1]), max: Infinity };
  m = /^(\d+)-(\d+)k$/.exec(cls);
  if (m) return { min: k(m[1]), max: k(m[2]) };
  return null; // "small" / "large": the summary does not say where they split
}

export interface HistoricClass {
  min: number;
  max: number;
  figure: SourcedValue & { class: string };
}

/** A book year in which an earlier edition gave ICT cost per inhabitant per size class. */
export interface HistoricSizeYear {
  bookYear: number;
  /** The average of all participants that year. */
  total: SourcedValue;
  /** The classes with inhabitant bounds, smallest first. */
  classes: HistoricClass[];
}

/** Every book year with size-class figures that can be placed by inhabitants, oldest first. */
export function historicSizeYears(points: readonly HistoryPoint[] = historyPoints()): HistoricSizeYear[] {
  const out: HistoricSizeYear[] = [];
  for (const p of points) {
    const classes = (p.sizeClasses ?? [])
      .map((figure) => ({ range: classRange(figure.class), figure }))
      .filter(
        (c): c is { range: { min: number; max: number }; figure: HistoricClass["figure"] } =>
          c.range !== null,
      )
      .map(({ range, figure }) => ({ ...range, figure }))
      .sort((a, b) => a.min - b.min);
    if (classes.length > 0) out.push({ bookYear: p.bookYear, total: p.total, classes });
  }
  return out.sort((a, b) => a.bookYear - b.bookYear);
}

/** The class of a year that holds `inhabitants`; undefined when that year published none for it. */
export function historicClassOf(year: HistoricSizeYear, inhabitants: number): HistoricClass | undefined {
  return year.classes.find((c) => inhabitants >= c.min && inhabitants < c.max);
}
