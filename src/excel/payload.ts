/**
 * Payload sizing for Office.js batches. Excel on the web refuses a request or response over 5 MB,
 * so big writes are cut into row blocks that each stay under a target (4 MB by default) but are
 * filled close to it: few syncs, never one per row or per thousand rows.
 */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Share of the limit a write block may fill; the rest is headroom for the batch's other operations. */
export const TARGET_SHARE = 0.8;

/** Bytes of one cell as JSON text in UTF-8 (strings with quotes and escapes). */
export function cellJsonSize(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  const s = JSON.stringify(String(v));
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 ? 2 : 1;
  }
  return bytes;
}

/** Bytes of one row as a JSON array. */
export function rowJsonSize(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const v of row) bytes += cellJsonSize(v);
  return bytes;
}

/** Bytes of a 2-D array as JSON. */
export function gridJsonSize(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) bytes += rowJsonSize(row);
  return bytes;
}

export interface RowBlock {
  /** First row (index into the input). */
  start: number;
  /** One past the last row. */
  end: number;
  bytes: number;
}

/**
 * Cuts rows with the given sizes into consecutive blocks of at most `targetBytes` each (greedy, so
 * every block but the last is filled to more than target minus one row). Throws when one row alone
 * exceeds the limit: no split can send it.
 */
export function splitBySizes(
  rowSizes: readonly number[],
  limitBytes: number,
  targetBytes = limitBytes * TARGET_SHARE,
): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 1; // "[" and "]" minus the comma the first row does not need
  for (let i = 0; i < rowSizes.length; i++) {
    const size = rowSizes[i] + 1;
    if (size + 2 > limitBytes)
      throw new Error(`Row ${i + 1} alone is larger than the payload limit (${size} bytes).`);
    if (i > start && bytes + size > targetBytes) {
      blocks.push({ start, end: i, bytes });
      start = i;
      bytes = 1;
    }
    bytes += size;
  }
  if (rowSizes.length > start) blocks.push({ start, end: rowSizes.length, bytes });
  return blocks;
}

/** Row blocks of a 2-D values/formulas array, each within `limitBytes` (filled to ~80% of it). */
export function splitRows(
  cells: readonly (readonly unknown[])[],
  limitBytes: number,
  targetBytes?: number,
): RowBlock[] {
  return splitBySizes(cells.map(rowJsonSize), limitBytes, targetBytes);
}
