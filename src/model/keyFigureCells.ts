/**
 * Where a key figure sits: the cell of a sheet that holds a value findKeyFigures found, so that
 * the comparison can refer to it with a live formula instead of copying the number. Pure.
 *
 * A cell qualifies when it holds exactly the number (text like "61.000" does not: a formula over
 * it would not compute) and a label of the same key names it: the nearest filled cell to its left
 * or within three rows above ("Inwoners | 61000"), or, in a table with one row per year, the
 * column header above with the year in the same row.
 */
import { findKeyFigures, KeyFigureField } from "./keyFigures";
import { Grid } from "./types";

interface CellPosition {
  /** 0-based row and column within the grid. */
  row: number;
  col: number;
}

/** A valid value per key: findKeyFigures([[label, probe]]) tells which key a label names. */
const PROBES: [KeyFigureField, string | number][] = [
  ["year", 2022],
  ["inhabitants", 50_000],
  ["budget", 100_000_000],
  ["fteOwn", 5],
  ["fteHired", 5],
  ["projectFteLaws", 5],
  ["projectFteDigitalMaturity", 5],
  ["projectFteDataDriven", 5],
  ["projectFteCaseBased", 5],
  ["projectFteSecurity", 5],
  ["projectFteDigitalWorkplace", 5],
  ["employees", 5],
  ["workplaces", 5],
  ["municipality", "X"],
];

const labelCache = new Map<string, KeyFigureField | null>();

/** The key a label cell names ("Aantal inwoners (1-1-2022)" → inhabitants), or null. */
export function keyFigureLabel(v: unknown): KeyFigureField | null {
  if (typeof v !== "string" || v.trim() === "" || v.length > 80 || v.includes(":")) return null;
  const hit = labelCache.get(v);
  if (hit !== undefined) return hit;
  let found: KeyFigureField | null = null;
  for (const [field, probe] of PROBES) {
    const figures = findKeyFigures([[v, probe]]).figures;
    if (figures.length === 1 && figures[0][field] === probe && Object.keys(figures[0]).length === 1) {
      found = field;
      break;
    }
  }
  if (labelCache.size > 10_000) labelCache.clear();
  labelCache.set(v, found);
  return found;
}

function isFilled(v: unknown): boolean {
  return !(v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
}

/** Label left of the cell (nearest filled cell) or above it (nearest filled within three rows). */
function pairLabelled(grid: Grid, r: number, c: number, field: KeyFigureField): boolean {
  const row = grid[r] ?? [];
  for (let x = c - 1; x >= 0; x--) {
    if (!isFilled(row[x])) continue;
    if (keyFigureLabel(row[x]) === field) return true;
    break;
  }
  for (let y = r - 1; y >= Math.max(0, r - 3); y--) {
    const v = grid[y]?.[c];
    if (!isFilled(v)) continue;
    return keyFigureLabel(v) === field;
  }
  return false;
}

/** A year table: the column's header above names the key, and the row holds the year under a year header. */
function tableLabelled(grid: Grid, r: number, c: number, field: KeyFigureField, year: number): boolean {
  for (let y = r - 1; y >= Math.max(0, r - 200); y--) {
    if (keyFigureLabel(grid[y]?.[c]) !== field) continue;
    const header = grid[y] ?? [];
    const row = grid[r] ?? [];
    return header.some((h, x) => keyFigureLabel(h) === "year" && row[x] === year);
  }
  return false;
}

/**
 * The cell holding `value` for key `field` (of `year` when given), or null. Year-table cells of that
 * year come first, then label/value pairs, each in reading order.
 */
export function findKeyFigureCell(
  grid: Grid,
  field: KeyFigureField,
  value: number,
  year?: number,
): CellPosition | null {
  let pair: CellPosition | null = null;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== value) continue;
      if (year !== undefined && tableLabelled(grid, r, c, field, year)) return { row: r, col: c };
      if (!pair && pairLabelled(grid, r, c, field)) pair = { row: r, col: c };
    }
  }
  return pair;
}
