/**
 * Reads what the user has: every sheet's used values and every table, for the core's readers.
 * Syncs: (1) list sheets and tables, (2) their extents, (3) all values in one load when they fit.
 * The payload limit also applies to responses on the web, so values are loaded in row chunks of
 * at most `maxCellsPerSync` cells (≈ 4 MB at 30 bytes a cell); a response that still overflows
 * is retried with half the cells. Table values are cut from the sheet grid, never loaded twice.
 */
import { SheetRole } from "../model/layout/types";
import { Grid } from "../model/types";
import { SettingsStore, readOwnedSheets } from "./ownership";

export interface SheetData {
  name: string;
  id: string;
  visibility: string;
  isOwned: boolean;
  role?: SheetRole;
  protected: boolean;
  /** Values of the used range (values only) extended over the sheet's tables; [] for an empty sheet. */
  values: Grid;
  /** 0-based row and column of values[0][0] in the sheet. */
  firstRow: number;
  firstColumn: number;
}

export interface TableData {
  name: string;
  sheet: string;
  /** Header row first. */
  values: Grid;
  firstRow: number;
  firstColumn: number;
}

export interface SelectionData {
  sheet: string;
  address: string;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

export interface WorkbookData {
  sheets: SheetData[];
  tables: TableData[];
  selection?: SelectionData;
}

export interface ReadOptions {
  /** To mark the add-in's own sheets (Office.context.document.settings). */
  settings?: SettingsStore;
  /** Read the add-in's own sheets too (default true: the categorisation's manual column lives there). */
  includeOwned?: boolean;
  /** Also report the selected range (one more sync; skipped silently when the selection is not a range). */
  selection?: boolean;
  maxCellsPerSync?: number;
}

export const DEFAULT_MAX_CELLS_PER_SYNC = 140_000;

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface Plan {
  sheet: Excel.Worksheet;
  data: SheetData;
  box?: Box;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookData> {
  const owned = options.settings ? readOwnedSheets(options.settings) : [];
  const sheets = context.workbook.worksheets.load(
    "items/name,items/id,items/visibility,items/protection/protected",
  );
  const tables = context.workbook.tables.load("items/name,items/worksheet/id");
  await context.sync();

  const plans: Plan[] = sheets.items
    .map((s) => {
      const role = owned.find((o) => o.id === s.id)?.role;
      const data: SheetData = {
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        isOwned: role !== undefined,
        role,
        protected: s.protection.protected,
        values: [],
        firstRow: 0,
        firstColumn: 0,
      };
      return { sheet: s, data };
    })
    .filter((p) => options.includeOwned !== false || !p.data.isOwned);
  const tableBoxes = await loadExtents(context, plans, tables.items);
  await loadValues(context, plans, options.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC);

  const result: WorkbookData = {
    sheets: plans.map((p) => p.data),
    tables: cutTables(plans, tables.items, tableBoxes),
  };
  if (options.selection) result.selection = await readSelection(context);
  return result;
}

const EXTENT = "rowIndex,columnIndex,rowCount,columnCount";

function boxOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Box {
  return {
    r0: r.rowIndex,
    c0: r.columnIndex,
    r1: r.rowIndex + r.rowCount - 1,
    c1: r.columnIndex + r.columnCount - 1,
  };
}

function union(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/** One sync for the used range of every sheet and the range of every table; sets each plan's box. */
async function loadExtents(
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
  });
  return tableBoxes;
}

interface Chunk {
  plan: Plan;
  r0: number;
  rows: number;
}

/** Row chunks of what is still unread of every sheet's box, each at most `maxCells` cells. */
function chunksOf(plans: Plan[], maxCells: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const plan of plans) {
    if (!plan.box) continue;
    const cols = plan.box.c1 - plan.box.c0 + 1;
    const step = Math.max(1, Math.floor(maxCells / cols));
    for (let r = plan.box.r0 + plan.data.values.length; r <= plan.box.r1; r += step)
      chunks.push({ plan, r0: r, rows: Math.min(step, plan.box.r1 - r + 1) });
  }
  return chunks;
}

/** Loads chunks packed up to `maxCells` per sync; halves the budget when a response is still too big. */
async function loadValues(context: Excel.RequestContext, plans: Plan[], maxCells: number): Promise<void> {
  for (const p of plans) {
    if (!p.box) continue;
    p.data.firstRow = p.box.r0;
    p.data.firstColumn = p.box.c0;
  }
  let pending = chunksOf(plans, maxCells);
  while (pending.length > 0) {
    const batch: Chunk[] = [];
    let cells = 0;
    for (const c of pending) {
      const size = c.rows * (c.plan.box!.c1 - c.plan.box!.c0 + 1);
      if (batch.length > 0 && cells + size > maxCells) break;
      batch.push(c);
      cells += size;
    }
    const ranges = batch.map((c) =>
      c.plan.sheet
        .getRangeByIndexes(c.r0, c.plan.box!.c0, c.rows, c.plan.box!.c1 - c.plan.box!.c0 + 1)
        .load("values"),
    );
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || maxCells <= 1) throw e;
      maxCells = Math.floor(maxCells / 2);
      pending = chunksOf(plans, maxCells).filter(
        (c) => !c.plan.data.values.length || c.r0 >= c.plan.box!.r0 + c.plan.data.values.length,
      );
      continue;
    }
    batch.forEach((c, i) => c.plan.data.values.push(...(ranges[i].values as Grid)));
    pending = pending.slice(batch.length);
  }
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return /PayloadSizeLimitExceeded/i.test(code);
}

function cutTables(plans: Plan[], tables: Excel.Table[], tableBoxes: Map<Excel.Table, Box>): TableData[] {
  const out: TableData[] = [];
  for (const t of tables) {
    const plan = plans.find((p) => p.data.id === t.worksheet.id);
    const box = tableBoxes.get(t);
    if (!plan || !box) continue;
    const { firstRow, firstColumn } = plan.data;
    const values = plan.data.values
      .slice(box.r0 - firstRow, box.r1 - firstRow + 1)
      .map((row) => row.slice(box.c0 - firstColumn, box.c1 - firstColumn + 1));
    out.push({ name: t.name, sheet: plan.data.name, values, firstRow: box.r0, firstColumn: box.c0 });
  }
  return out;
}

async function readSelection(context: Excel.RequestContext): Promise<SelectionData | undefined> {
  const range = context.workbook.getSelectedRange().load(`address,${EXTENT}`);
  range.worksheet.load("name");
  try {
    await context.sync();
  } catch {
    return undefined; // a chart or several areas are selected: no single range to offer
  }
  return {
    sheet: range.worksheet.name,
    address: range.address,
    firstRow: range.rowIndex,
    firstColumn: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}
