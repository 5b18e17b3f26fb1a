/**
 * A1 addresses for the Excel fake. Deliberately independent of src/excel so that a bug in the
 * adapter's own address code cannot be masked by the same bug in the fake.
 */

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'My sheet'!A1:B2" into sheet ("My sheet") and "A1:B2"; sheet undefined when absent. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses a local A1 reference: "B3", "A1:C9", "H:H", "$3:$5". Returns undefined when invalid. */
export function parseLocal(local: string): Rect | undefined {
  const parts = local.trim().split(":");
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return undefined;
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1]);
    return valid({ r0: r, c0: c, r1: r, c1: c });
  }
  if (parts.length !== 2) return undefined;
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    return valid(ordered(Number(ca[2]) - 1, columnIndex(ca[1]), Number(cb[2]) - 1, columnIndex(cb[1])));
  }
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) return valid(ordered(0, columnIndex(cola[1]), MAX_ROWS - 1, columnIndex(colb[1])));
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) return valid(ordered(Number(rowa[1]) - 1, 0, Number(rowb[1]) - 1, MAX_COLS - 1));
  return undefined;
}

function ordered(ra: number, ca: number, rb: number, cb: number): Rect {
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}

function valid(r: Rect): Rect | undefined {
  const ok = r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS;
  return ok ? r : undefined;
}

export function rectAddress(r: Rect): string {
  const a = columnLetters(r.c0) + (r.r0 + 1);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${columnLetters(r.c1)}${r.r1 + 1}`;
}

/** Sheet names are quoted the way Excel returns them in Range.address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}
