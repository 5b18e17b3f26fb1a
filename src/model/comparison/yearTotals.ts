/**
 * Totals per year: sums the categorised ledger per year in one pass — per component, per ICT
 * category, hired and own personnel, SaaS, fte — and counts the lines that do not count
 * (unclassified, not ICT, personnel without own/hired). Every KPI is computed from these totals.
 */
import { CATEGORIES, COMPONENTS } from "../taxonomy";
import { CategorisedLine, CategoryCode, Component } from "../types";

export interface LineCount {
  lines: number;
  amount: number;
}

export interface YearTotals {
  year: number;
  components: Record<Component, number>;
  /** ICT categories only; XX.NI and XX.OO are in notIct and unclassified. */
  categories: Partial<Record<CategoryCode, number>>;
  total: number;
  hired: number;
  /** Personnel cost not marked hired: salaries are own staff unless a line says otherwise. */
  own: number;
  saas: number;
  fteOwn: number;
  fteHired: number;
  unclassified: LineCount;
  notIct: LineCount;
  /** Personnel lines with neither own nor hired: counted as own, and reported. */
  personnelWithoutStaffing: LineCount;
  /**
   * ICT lines paid through a gemeenschappelijke regeling (Classification.viaGr, Iv3 4.3.3): also
   * counted in their category and component above, as the report's averages include the
   * municipality's share of shared-service costs; counted apart here so they can be shown.
   */
  viaGr: LineCount;
}

const COMPONENT_OF: Record<string, Component | null> = Object.fromEntries(
  CATEGORIES.map((c) => [c.code, c.component]),
);

export function emptyTotals(year: number): YearTotals {
  return {
    year,
    components: { software: 0, personnel: 0, infrastructure: 0 },
    categories: {},
    total: 0,
    hired: 0,
    own: 0,
    saas: 0,
    fteOwn: 0,
    fteHired: 0,
    unclassified: { lines: 0, amount: 0 },
    notIct: { lines: 0, amount: 0 },
    personnelWithoutStaffing: { lines: 0, amount: 0 },
    viaGr: { lines: 0, amount: 0 },
  };
}

function count(c: LineCount, amount: number): void {
  c.lines++;
  c.amount += amount;
}

function addLine(t: YearTotals, line: CategorisedLine): void {
  const amount = Number.isFinite(line.amount) ? line.amount : 0;
  if (line.category === "XX.NI") return count(t.notIct, amount);
  const component = COMPONENT_OF[line.category];
  if (!component) return count(t.unclassified, amount);
  t.components[component] += amount;
  t.categories[line.category] = (t.categories[line.category] ?? 0) + amount;
  t.total += amount;
  if (line.viaGr === true) count(t.viaGr, amount);
  if (component === "software" && line.delivery === "saas") t.saas += amount;
  if (component !== "personnel") return;
  const fte = typeof line.fte === "number" && Number.isFinite(line.fte) ? line.fte : 0;
  if (line.staffing === "hired") {
    t.hired += amount;
    t.fteHired += fte;
    return;
  }
  if (line.staffing !== "own") count(t.personnelWithoutStaffing, amount);
  t.own += amount;
  t.fteOwn += fte;
}

function addCount(into: LineCount, from: LineCount): void {
  into.lines += from.lines;
  into.amount += from.amount;
}

function merge(into: YearTotals, from: YearTotals): void {
  for (const c of COMPONENTS) into.components[c] += from.components[c];
  for (const [code, amount] of Object.entries(from.categories) as [CategoryCode, number][]) {
    into.categories[code] = (into.categories[code] ?? 0) + amount;
  }
  into.total += from.total;
  into.hired += from.hired;
  into.own += from.own;
  into.saas += from.saas;
  into.fteOwn += from.fteOwn;
  into.fteHired += from.fteHired;
  addCount(into.unclassified, from.unclassified);
  addCount(into.notIct, from.notIct);
  addCount(into.personnelWithoutStaffing, from.personnelWithoutStaffing);
  addCount(into.viaGr, from.viaGr);
}

export interface ByYear {
  totals: YearTotals[];
  nullYearLines: number;
}

/** One pass over the lines; lines without a year are summed apart and added to `nullYear` at the end. */
export function accumulate(lines: readonly CategorisedLine[], nullYear?: number): ByYear {
  const years = new Map<number, YearTotals>();
  const undated = emptyTotals(0);
  let nullYearLines = 0;
  for (const line of lines) {
    if (line.year === null || line.year === undefined) {
      nullYearLines++;
      addLine(undated, line);
      continue;
    }
    let t = years.get(line.year);
    if (!t) years.set(line.year, (t = emptyTotals(line.year)));
    addLine(t, line);
  }
  if (nullYearLines > 0) {
    // Without a key-figure year, undated lines belong to the ledger's own (latest) year.
    const target = nullYear ?? (years.size ? Math.max(...years.keys()) : 0);
    if (!years.has(target)) years.set(target, emptyTotals(target));
    merge(years.get(target) as YearTotals, undated);
  }
  return { totals: [...years.values()].sort((a, b) => a.year - b.year), nullYearLines };
}

/** Totals per year, oldest first. Lines without a year count for `nullYear` (default: the latest year). */
export function summariseByYear(lines: readonly CategorisedLine[], nullYear?: number): YearTotals[] {
  return accumulate(lines, nullYear).totals;
}

/**
 * Totals of one year (lines without a year included), or of all lines together when no year is given
 * (then `year` is the latest year among the lines, 0 if none has one).
 */
export function summarise(lines: readonly CategorisedLine[], year?: number): YearTotals {
  if (year !== undefined)
    return summariseByYear(lines, year).find((t) => t.year === year) ?? emptyTotals(year);
  const all = summariseByYear(lines);
  const out = emptyTotals(all.length ? all[all.length - 1].year : 0);
  for (const t of all) merge(out, t);
  return out;
}
