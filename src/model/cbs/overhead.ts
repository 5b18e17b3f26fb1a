/**
 * Overhead context: where a municipality's overhead (Iv3 taakveld 0.4) stands among all municipalities
 * and among those of its CBS size class, and its ICT cost as a share of that overhead. Pure. KPI ids:
 *
 *   ict_overhead_share       the ICT cost of the book year / overhead lasten (0.4) of that year
 *   overhead_per_inhabitant  overhead lasten (0.4) in € per inhabitant (the Iv3 document's inhabitants)
 *   overhead_bi5             BBV indicator bi.5: overhead lasten as a share of the lasten excluding
 *                            reserves (0.10 Mutaties reserves and 0.11 Resultaat left out)
 *
 * The distributions are over every municipality CBS has in the document (Nederland, the total, is none),
 * quartiles by linear interpolation between the sorted values (Excel's QUARTILE.INC, R's type 7). The
 * document is the jaarrekening of the book year when CBS has it, else the begroting; for a book year CBS
 * has no document of, the nearest year's (said in the note), and then no ICT share (two years' figures
 * would be divided).
 */
import { formatEuro, formatPercent } from "../format";
import { Bilingual } from "../types";
import { CbsData, CbsIv3Figures, getCbsData, IvDocument, SizeClass, sizeClassLabel } from "./data";
import { documentsFor, nearestYear } from "./fill";

export const OVERHEAD_KPI_IDS = ["ict_overhead_share", "overhead_per_inhabitant", "overhead_bi5"] as const;
export type OverheadKpiId = (typeof OVERHEAD_KPI_IDS)[number];

/** Quartiles of a set of values: linear interpolation between order statistics (QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** Where one value stands in a group: quartiles, extremes, and its rank (1 = lowest). */
export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** 1 = the lowest value of the group; ties share the lower rank. */
  rank: number;
  /** "below_q1" | "q1_median" | "median_q3" | "above_q3". */
  quartile: "below_q1" | "q1_median" | "median_q3" | "above_q3";
}

export function distribution(values: readonly number[], own: number): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const median = quantile(sorted, 0.5);
  const q3 = quantile(sorted, 0.75);
  const rank = sorted.filter((v) => v < own).length + 1;
  const quartile = own < q1 ? "below_q1" : own < median ? "q1_median" : own <= q3 ? "median_q3" : "above_q3";
  return { n: sorted.length, min: sorted[0], q1, median, q3, max: sorted[sorted.length - 1], rank, quartile };
}

export interface PeerKpi {
  value: number;
  size_class: Distribution;
  all: Distribution;
}

/** The overhead context of one municipality (amounts in €). */
export interface OverheadContext {
  municipality: string;
  document: IvDocument;
  year: number;
  /** "CBS, Iv3 jaarrekening 2023". */
  source: string;
  size_class: { value: SizeClass; label: string; year: number; source: string };
  inhabitants: number;
  overhead: number;
  overhead_salaries: number;
  lasten_excl_reserves: number;
  kpis: {
    /** Null without an ICT cost, or when CBS's overhead is of another year than the book year. */
    ict_overhead_share: number | null;
    overhead_per_inhabitant: PeerKpi;
    overhead_bi5: PeerKpi;
  };
  notes: { nl: string; en: string }[];
}

const perInhabitant = (f: CbsIv3Figures) => f.overhead / f.inhabitants;
const bi5 = (f: CbsIv3Figures) => f.overhead / f.lastenExclReserves;

/**
 * The overhead context of a municipality (CBS's name) for a book year, with the ICT cost of that year
 * when known; undefined when CBS has no Iv3 figures of it in any document.
 */
export function overheadContext(
  name: string,
  bookYear: number,
  ictCost?: number,
  data: CbsData = getCbsData(),
): OverheadContext | undefined {
  const notes: Bilingual[] = [];
  const docYears = [...new Set(data.documents.map((d) => d.year))];
  const year = docYears.includes(bookYear) ? bookYear : nearestYear(docYears, bookYear);
  if (year === undefined) return undefined;
  const own = documentsFor(data, year)
    .map((d) => data.iv3(name, d.document, d.year))
    .find((x) => x !== undefined);
  if (!own) return undefined;
  if (year !== bookYear)
    notes.push({
      nl: `CBS heeft geen Iv3-cijfers over ${bookYear}: de overhead is die van de ${own.document} ${year}; het ICT-aandeel in de overhead is daarom niet berekend.`,
      en: `CBS has no Iv3 figures for ${bookYear}: the overhead is that of the ${own.document} ${year}; the ICT share of overhead is therefore not computed.`,
    });
  const classYear = nearestYear(data.classYears, year)!;
  const years = data.yearsOf(name);
  const cls = (data.municipality(name, classYear) ?? data.municipality(name, years[years.length - 1]))
    ?.sizeClass;
  if (cls === undefined) return undefined;
  const all = data
    .iv3All(own.document, own.year)
    .filter((f) => f.inhabitants > 0 && f.lastenExclReserves > 0);
  const peers = all.filter((f) => data.municipality(f.name, classYear)?.sizeClass === cls);
  const kpi = (fn: (f: CbsIv3Figures) => number): PeerKpi => {
    const value = fn(own);
    return { value, size_class: distribution(peers.map(fn), value), all: distribution(all.map(fn), value) };
  };
  const classSource = data.municipality(name, classYear)?.source ?? `CBS, gemeenteklassen ${classYear}`;
  return {
    municipality: name,
    document: own.document,
    year: own.year,
    source: own.source,
    size_class: { value: cls, label: sizeClassLabel(cls).nl, year: classYear, source: classSource },
    inhabitants: own.inhabitants,
    overhead: own.overhead,
    overhead_salaries: own.overheadSalaries,
    lasten_excl_reserves: own.lastenExclReserves,
    kpis: {
      ict_overhead_share:
        ictCost !== undefined && year === bookYear && own.overhead > 0 ? ictCost / own.overhead : null,
      overhead_per_inhabitant: kpi(perInhabitant),
      overhead_bi5: kpi(bi5),
    },
    notes,
  };
}

/**
 * The overhead context in one line for the task pane's result after Vergelijken (the sheet's section
 * "Overhead in context" has it all): the ICT share of the overhead when computed, the overhead per
 * inhabitant beside its size class's median, and the municipality's place in that class.
 */
export function overheadSummary(o: OverheadContext): Bilingual {
  const share = o.kpis.ict_overhead_share;
  const pi = o.kpis.overhead_per_inhabitant;
  const d = pi.size_class;
  const cls = sizeClassLabel(o.size_class.value);
  return {
    nl:
      `Overhead in context (${o.source}): ` +
      (share !== null ? `ICT-kosten zijn ${formatPercent(share, "nl", 1)} van de overhead; ` : "") +
      `overhead ${formatEuro(pi.value, "nl")} per inwoner, mediaan grootteklasse ${cls.nl} ` +
      `${formatEuro(d.median, "nl")} (plaats ${d.rank} van ${d.n}, 1 = laagste).`,
    en:
      `Overhead in context (${o.source}): ` +
      (share !== null ? `ICT cost is ${formatPercent(share, "en", 1)} of overhead; ` : "") +
      `overhead ${formatEuro(pi.value, "en")} per inhabitant, size class ${cls.en} median ` +
      `${formatEuro(d.median, "en")} (rank ${d.rank} of ${d.n}, 1 = lowest).`,
  };
}
