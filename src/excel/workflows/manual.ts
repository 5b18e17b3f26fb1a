/**
 * The manual categories (Handmatig) of the add-in's categorisation sheet, read without loading the whole
 * sheet: its table's header, the Handmatig column, then the Sleutel (key) cells of only the rows where
 * something was typed. For 100,000 lines that is about 0.5 MB instead of 40 MB.
 */
import { parseCategory } from "../../model/taxonomy";
import { fold } from "../../model/text";
import { CategoryCode } from "../../model/types";
import { PAYLOAD_LIMIT, TARGET_SHARE } from "../payload";

const KEY = new Set(["sleutel", "key"]);
const MANUAL = new Set(["handmatig", "manual"]);
/** Rows between typed cells that are still loaded as one range (fewer ranges, a little more data). */
const GAP = 64;
/** Bytes per key cell as JSON, generously (keys join description, supplier, account, year, cost centre). */
const KEY_BYTES = 160;

function column(header: readonly unknown[], names: Set<string>): number {
  return header.findIndex((h) => names.has(fold(String(h ?? ""))));
}

/** Spans of row indexes [start, end] covering `rows` (sorted), merged across small gaps. */
function spans(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r - last[1] <= GAP) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

export async function readManual(
  context: Excel.RequestContext,
  table: Excel.Table,
  payloadLimit = PAYLOAD_LIMIT,
): Promise<Map<string, CategoryCode>> {
  const result = new Map<string, CategoryCode>();
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const names = header.values[0] ?? [];
  const keyCol = column(names, KEY);
  const manualCol = column(names, MANUAL);
  if (keyCol < 0 || manualCol < 0) return result;
  const sheet = table.worksheet;
  const manual = body.getColumn(manualCol).load("values");
  await context.sync();
  const typed: number[] = [];
  const codes = new Map<number, CategoryCode>();
  manual.values.forEach((row, i) => {
    const code = parseCategory(row[0]);
    if (code) (typed.push(i), codes.set(i, code));
  });
  if (typed.length === 0) return result;
  // The key cells of those rows, in syncs that stay under the payload target.
  const budget = Math.max(1, Math.floor((payloadLimit * TARGET_SHARE) / KEY_BYTES));
  let pending = spans(typed).flatMap(([a, z]) => {
    const parts: [number, number][] = [];
    for (let s = a; s <= z; s += budget) parts.push([s, Math.min(z, s + budget - 1)]);
    return parts;
  });
  while (pending.length > 0) {
    const batch: { start: number; range: Excel.Range }[] = [];
    let rows = 0;
    while (
      pending.length > 0 &&
      (batch.length === 0 || rows + (pending[0][1] - pending[0][0] + 1) <= budget)
    ) {
      const [a, z] = pending.shift()!;
      rows += z - a + 1;
      const range = sheet.getRangeByIndexes(body.rowIndex + a, body.columnIndex + keyCol, z - a + 1, 1);
      batch.push({ start: a, range: range.load("values") });
    }
    await context.sync();
    for (const { start, range } of batch) {
      range.values.forEach((row, k) => {
        const code = codes.get(start + k);
        const key = row[0];
        if (code && key !== null && key !== undefined && key !== "") result.set(String(key), code);
      });
    }
  }
  return result;
}
