/** A1 helpers for the Office.js adapter (pure), 0-based over the core's 1-based ones in model/layout/a1. */
import { columnLetter, parseCellAddress } from "../model/layout/a1";

export interface CellRef {
  row: number;
  col: number;
}

export function columnLetters(col: number): string {
  return columnLetter(col + 1);
}

/** Parses a single cell like "B3" or "$B$3". */
export function parseCell(a1: string): CellRef {
  const { column, row } = parseCellAddress(a1);
  return { row: row - 1, col: column - 1 };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const first = cellAddress(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}
