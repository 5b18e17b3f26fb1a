/**
 * From found values to one set of key figures per year: label/value pairs are grouped into blocks
 * (a key that appears again starts the next year's block), sets of the same year merge, and a set
 * without a year (e.g. only the municipality) fills in every year.
 */
import { KeyFigures } from "../types";
import { KeyFigureField } from "./labels";
import { assign } from "./values";

/** One found value with where its label sits, for grouping into years. */
export interface Pair {
  field: KeyFigureField;
  value: string | number;
  row: number;
  col: number;
}

/**
 * Pairs in reading order by column then row (so blocks side by side stay apart); a key that
 * appears again starts the next set (the next year's block).
 */
export function groupPairs(pairs: Pair[]): KeyFigures[] {
  const sorted = [...pairs].sort((a, b) => a.col - b.col || a.row - b.row);
  const groups: KeyFigures[] = [];
  let current: KeyFigures | null = null;
  for (const p of sorted) {
    if (current === null || current[p.field] !== undefined) groups.push((current = {}));
    assign(current, p.field, p.value);
  }
  return groups;
}

/** Sets of the same year merge; sets without a year fill in every year (e.g. the municipality). */
export function mergeGroups(groups: KeyFigures[]): KeyFigures[] {
  const byYear = new Map<number, KeyFigures>();
  const yearless: KeyFigures[] = [];
  for (const g of groups) {
    if (g.year === undefined) {
      yearless.push(g);
      continue;
    }
    const target = byYear.get(g.year) ?? {};
    fillMissing(target, g);
    byYear.set(g.year, target);
  }
  if (byYear.size === 0) {
    if (yearless.length === 0) return [];
    const single: KeyFigures = {};
    for (const g of yearless) fillMissing(single, g);
    return [single];
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const entries = years.map((year) => {
    const entry = byYear.get(year) as KeyFigures;
    for (const g of yearless) fillMissing(entry, g);
    return entry;
  });
  // A sheet is about one municipality, even when it names it once beside several years' blocks.
  const names = new Set(groups.map((g) => g.municipality).filter((m) => m !== undefined));
  if (names.size === 1) for (const e of entries) e.municipality ??= [...names][0];
  return entries;
}

function fillMissing(target: KeyFigures, source: KeyFigures): void {
  for (const field of Object.keys(source) as KeyFigureField[]) {
    const value = source[field];
    if (value !== undefined) assign(target, field, value);
  }
}
