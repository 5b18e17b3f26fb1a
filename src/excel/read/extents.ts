/**
 * Which cells of each sheet are read: one sync for the used range of every sheet and the range of
 * every table, and for a sheet over MAX_SHEET_CELLS only its tables, the selection or its first rows.
 */
import { rangeAddress } from "../address";
import { SelectionData, SheetData } from "./types";

export const DEFAULT_MAX_CELLS_PER_SYNC = 140_000;

/**
 * The most cells of one sheet's used range that are read (as the CLI's 20 million, src/cli/xlsx.ts): a
 * stray value at XFD1048576 makes a used range of 17 billion cells, ~87,000 syncs, i.e. a hung task pane.
 */
export const MAX_SHEET_CELLS = 20_000_000;
/** What is read of a sheet over the cap without tables or selection: its head, to tell a ledger header. */
export const PROBE_ROWS = 50;
export const PROBE_COLUMNS = 256;

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Plan {
  sheet: Excel.Worksheet;
  data: SheetData;
  box?: Box;
}

export const EXTENT = "rowIndex,columnIndex,rowCount,columnCount";

function boxOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Box {
  return {
    r0: r.rowIndex,
    c0: r.columnIndex,
    r1: r.rowIndex + r.rowCount - 1,
    c1: r.columnIndex + r.columnCount - 1,
  };
}

export function union(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/** One sync for the used range of every sheet and the range of every table; sets each plan's box. */
export async function loadExtents(
  context: Excel.RequestContext,
  plans: Plan[],
  tables: Excel.Table[],
): Promise<Map<Excel.Table, Box>> {
  const used = plans.map((p) => p.sheet.getUsedRangeOrNullObject(true).load(EXTENT));
  const tableRanges = tables.map((t) => t.getRange().load(EXTENT));
  await context.sync();
  const tableBoxes = new Map(tables.map((t, i) => [t, boxOf(tableRanges[i])]));
  plans.forEach((p, i) => {
    let box = used[i].isNullObject ? undefined : boxOf(used[i]);
    for (const t of tables) if (t.worksheet.id === p.data.id) box = union(box, tableBoxes.get(t)!);
    p.box = box;
    if (box) {
      p.data.firstRow = box.r0;
      p.data.firstColumn = box.c0;
    }
  });
  return tableBoxes;
}

const cellsOf = (b: Box) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

/**
 * Sheets whose used range is over MAX_SHEET_CELLS are not read whole: their tables are (when together
 * they fit), else the selection on that sheet, else the first rows (a ledger header is in the first rows;
 * the workflows refuse a ledger on such a sheet with a message that says what to do).
 */
export function capOversized(
  plans: Plan[],
  tables: Excel.Table[],
  tableBoxes: Map<Excel.Table, Box>,
  selection: SelectionData | undefined,
): void {
  for (const p of plans) {
    const box = p.box;
    if (!box || cellsOf(box) <= MAX_SHEET_CELLS) continue;
    p.data.tooLarge = {
      address: rangeAddress(box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1),
      cells: cellsOf(box),
    };
    let own: Box | undefined;
    for (const t of tables) if (t.worksheet.id === p.data.id) own = union(own, tableBoxes.get(t)!);
    const sel: Box | undefined =
      selection && selection.sheet === p.data.name
        ? {
            r0: selection.firstRow,
            c0: selection.firstColumn,
            r1: selection.firstRow + selection.rowCount - 1,
            c1: selection.firstColumn + selection.columnCount - 1,
          }
        : undefined;
    const head: Box = {
      r0: box.r0,
      c0: box.c0,
      r1: Math.min(box.r1, box.r0 + PROBE_ROWS - 1),
      c1: Math.min(box.c1, box.c0 + PROBE_COLUMNS - 1),
    };
    // The selection first (the user chose it as the ledger), with the tables when they fit too.
    const capped = [sel && own ? union(own, sel) : undefined, sel, own, head].find(
      (b): b is Box => b !== undefined && cellsOf(b) <= MAX_SHEET_CELLS,
    )!;
    p.box = capped;
    p.data.firstRow = capped.r0;
    p.data.firstColumn = capped.c0;
  }
}
