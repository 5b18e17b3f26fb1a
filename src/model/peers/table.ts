/**
 * Many municipalities side by side (an SSC, a region, a benchmark club): per KPI each member's own value,
 * the group's median, quartiles (QUARTILE.INC, as the CBS overhead context), min and max, each member's
 * rank, the report's average and — where the edition gives one — the figure of the member's size class.
 *
 * Rank: 1 = the lowest value in the group (for the cost KPIs: the cheapest); ties share the lower rank;
 * a member without a value for a KPI has no rank and is left out of that KPI's statistics.
 */
import { getEdition, historyPoints, KPI_IDS, KpiId, KpiUnit, SourcedValue } from "../benchmark";
import { SizeClass } from "../cbs/data";
import { quantile } from "../cbs/overhead";
import { Comparison } from "../comparison";
import { Bilingual } from "../types";

export interface PeerMemberInput {
  name: string;
  comparison: Comparison;
  /** CBS's size class of the member, when CBS knows it. */
  sizeClass?: SizeClass;
}

/** A size-class figure of the report (e.g. "> 100.000 inwoners": € 95 per inhabitant). */
export interface SizeClassFigure {
  class: string;
  label?: Bilingual;
  value: number;
  bookYear: number;
  source: string;
}

export interface PeerValue {
  name: string;
  value: number | null;
  /** 1 = lowest value of the group; null without a value. */
  rank: number | null;
  /** The report's figure for the member's size class, when the edition has one for this KPI. */
  sizeClass: SizeClassFigure | null;
}

export interface PeerStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface PeerKpiRow {
  id: KpiId;
  label: Bilingual;
  unit: KpiUnit;
  values: PeerValue[];
  /** Null when no member has a value. */
  stats: PeerStats | null;
  /** The report's average for the KPI (the edition's benchmark value), as the comparison used it. */
  benchmark: number | null;
}

export interface PeerMemberInfo {
  name: string;
  year: number;
  inhabitants: number | null;
  sizeClass: SizeClass | null;
}

export interface PeerTable {
  edition: string;
  members: PeerMemberInfo[];
  kpis: PeerKpiRow[];
  rankDirection: Bilingual;
}

export const RANK_DIRECTION: Bilingual = {
  nl: "rang 1 = laagste waarde in de groep (bij kosten: de goedkoopste); gelijke waarden delen de laagste rang",
  en: "rank 1 = lowest value in the group (for costs: the cheapest); equal values share the lower rank",
};

/** Median, quartiles and extremes of the values (QUARTILE.INC); null for none. */
export function peerStats(values: readonly number[]): PeerStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

/** Ranks, 1 = lowest; ties share the lower rank (1, 2, 2, 4); null stays null. */
export function ranks(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  return values.map((v) => (v === null ? null : present.filter((x) => x < v).length + 1));
}

/** Inhabitant bounds of a report's size class: "<100k", ">100k", "60-100k"; undefined for "small"/"large". */
export function sizeClassBounds(cls: string): { min: number; max: number } | undefined {
  const k = (s: string) => Number(s) * 1000;
  let m = /^<\s*(\d+)k$/i.exec(cls.trim());
  if (m) return { min: 0, max: k(m[1]) };
  m = /^>\s*(\d+)k$/i.exec(cls.trim());
  if (m) return { min: k(m[1]), max: Infinity };
  m = /^(\d+)\s*-\s*(\d+)k$/i.exec(cls.trim());
  if (m) return { min: k(m[1]), max: k(m[2]) };
  return undefined;
}

/** The size classes the report gives per KPI for a book year (the shipped summaries: total cost only). */
export type SizeClassSource = (kpi: KpiId, bookYear: number) => readonly (SourcedValue & { class: string })[];

export const historySizeClasses: SizeClassSource = (kpi, bookYear) =>
  kpi === "total_per_inhabitant"
    ? (historyPoints().find((p) => p.bookYear === bookYear)?.sizeClasses ?? [])
    : [];

function sizeClassFigure(
  classes: readonly (SourcedValue & { class: string })[],
  inhabitants: number | undefined,
  bookYear: number,
): SizeClassFigure | null {
  if (inhabitants === undefined) return null;
  const hit = classes.find((c) => {
    const b = sizeClassBounds(c.class);
    return b !== undefined && inhabitants >= b.min && inhabitants < b.max;
  });
  if (!hit) return null;
  const source = [hit.source.edition, hit.source.publisher, hit.source.lines ?? hit.source.publication]
    .filter(Boolean)
    .join(", ");
  return {
    class: hit.class,
    ...(hit.label ? { label: hit.label } : {}),
    value: hit.value,
    bookYear,
    source,
  };
}

/** The peers table: per KPI of the contract, every member's value and rank beside the group and the report. */
export function peerTable(
  members: readonly PeerMemberInput[],
  sizeClasses: SizeClassSource = historySizeClasses,
): PeerTable {
  const editionId = members[0]?.comparison.edition;
  const edition = getEdition(editionId) ?? getEdition();
  const kpis = KPI_IDS.map((def): PeerKpiRow => {
    const own = members.map((m) => m.comparison.kpis.find((k) => k.id === def.id)?.own ?? null);
    const usable = own.map((v) => (v !== null && Number.isFinite(v) ? v : null));
    const r = ranks(usable);
    const benchmark =
      members.map((m) => m.comparison.kpis.find((k) => k.id === def.id)?.benchmark).find((b) => b != null) ??
      null;
    const classes = sizeClasses(def.id, edition.bookYear);
    return {
      id: def.id,
      label: def.label,
      unit: def.unit,
      values: members.map((m, i) => ({
        name: m.name,
        value: usable[i],
        rank: r[i],
        sizeClass: sizeClassFigure(classes, m.comparison.inhabitants, edition.bookYear),
      })),
      stats: peerStats(usable.filter((v): v is number => v !== null)),
      benchmark,
    };
  });
  return {
    edition: edition.id,
    members: members.map((m) => ({
      name: m.name,
      year: m.comparison.year,
      inhabitants: m.comparison.inhabitants ?? null,
      sizeClass: m.sizeClass ?? null,
    })),
    kpis,
    rankDirection: RANK_DIRECTION,
  };
}
