/**
 * Reads what the user has: every sheet's used values and every table, for the core's readers.
 * Syncs: (1) list sheets and tables, (2) their extents, (3…) the values, in as few syncs as the response
 * limit allows. That limit (5 MB on the web) applies to responses too, so a big ledger takes several
 * value syncs: the first holds `maxCellsPerSync` cells (small sheets packed with the first rows of the big
 * one); later ones are sized from the bytes a cell actually took, to fill about 80% of the limit, and the
 * rest is split evenly when that keeps every sync at least half full (no small tail). A response that still
 * overflows is retried with half the cells. Table values are cut from the sheet grid, never loaded twice.
 *
 * Callers can add their own loads to these syncs (`riders`: e.g. the manual categories of the add-in's
 * sheet) and get the sheet and table proxies back (`inventory`), so a render that follows needs no sync of
 * its own to see the workbook.
 */
import { PlainSelection, PlainSheet, PlainTable, PlainWorkbook } from "../model/pipeline/workbook";
import { Grid } from "../model/types";
import { rangeAddress } from "./address";
import { SettingsStore, readOwnedSheets } from "./ownership";
import { PAYLOAD_LIMIT, TARGET_SHARE, rowJsonSize } from "./payload";

/** A sheet as the core's pipeline sees it, plus what the add-in needs to find it again. */
export interface SheetData extends PlainSheet {
  id: string;
  visibility: string;
  isOwned: boolean;
  protected: boolean;
}

export type TableData = PlainTable;
export type SelectionData = PlainSelection;

export interface WorkbookData extends PlainWorkbook {
  sheets: SheetData[];
}

/**
 * The workbook's sheets and tables as loaded proxies of this request context (valid in later syncs of
 * the same Excel.run): what render.ts needs to plan its writes without looking again.
 */
export interface WorkbookInventory {
  /** Every sheet, with name, id, visibility and protection/protected loaded. */
  sheets: Excel.Worksheet[];
  /** Every table, with name and worksheet/id loaded. */
  tables: Excel.Table[];
  /** The charts of the add-in's own sheets (names loaded), by sheet id; only with `ownedCharts`. */
  charts?: Map<string, Excel.Chart[]>;
}

/** A read of the workbook: the data, and the proxies it was read through. */
export interface WorkbookRead extends WorkbookData {
  inventory: WorkbookInventory;
}

/**
 * Loads that travel in readWorkbook's syncs instead of syncs of their own. `queue` is called before the
 * extents sync and before every values sync (also again after a failed sync: it must then queue the same
 * loads again); `synced` after each sync that succeeded. readWorkbook adds syncs of its own only while a
 * rider is not `done` after the values are in.
 */
export interface ReadRider {
  /**
   * Queues loads for the coming sync; `roomCells` is what is left of the sync's cell budget. Returns the
   * cells it queued (weighted: a long text cell counts as several), 0 when it queued nothing.
   */
  queue(inventory: WorkbookInventory, stage: "extents" | "values", roomCells: number): number;
  synced(): void;
  readonly done: boolean;
}

export interface ReadOptions {
  /** To mark the add-in's own sheets (Office.context.document.settings). */
  settings?: SettingsStore;
  /** Read the add-in's own sheets too (default true: the categorisation's manual column lives there). */
  includeOwned?: boolean;
  /** Also report the selected range (one more sync; skipped silently when the selection is not a range). */
  selection?: boolean;
  /** Cells of the first values sync (later ones are sized by the bytes measured). */
  maxCellsPerSync?: number;
  /** Response limit per sync in bytes (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** List the charts of the add-in's own sheets in the extents sync (for a render that rebuilds them). */
  ownedCharts?: boolean;
  riders?: ReadRider[];
}

export const DEFAULT_MAX_CELLS_PER_SYNC = 140_000;

/**
 * The most cells of one sheet's used range that are read (as the CLI's 20 million, src/cli/xlsx.ts): a
 * stray value at XFD1048576 makes a used range of 17 billion cells, ~87,000 syncs, i.e. a hung task pane.
 */
export const MAX_SHEET_CELLS = 20_000_000;
/** What is read of a sheet over the cap without tables or selection: its head, to tell a ledger header. */
export const PROBE_ROWS = 50;
export const PROBE_COLUMNS = 256;

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
): Promise<WorkbookRead> {
  const owned = options.settings ? readOwnedSheets(options.settings) : [];
  const riders = options.riders ?? [];
  const sheets = context.workbook.worksheets.load(
    "items/name,items/id,items/visibility,items/protection/protected",
  );
  const tables = context.workbook.tables.load("items/name,items/worksheet/id");
  await context.sync();
  const inventory: WorkbookInventory = { sheets: sheets.items, tables: tables.items };

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
  let charts: Map<string, Excel.ChartCollection> | undefined;
  if (options.ownedCharts) {
    charts = new Map(
      sheets.items
        .filter((s) => owned.some((o) => o.id === s.id))
        .map((s) => [s.id, s.charts.load("items/name")]),
    );
  }
  for (const r of riders) r.queue(inventory, "extents", 0);
  const tableBoxes = await loadExtents(context, plans, tables.items);
  riders.forEach((r) => r.synced());
  if (charts) inventory.charts = new Map([...charts].map(([id, c]) => [id, c.items]));
  // The selection before the values (same number of syncs): a sheet over the cap is then read there.
  const selection = options.selection ? await readSelection(context) : undefined;
  capOversized(plans, tables.items, tableBoxes, selection);

  await loadValues(context, plans, inventory, riders, {
    firstCells: options.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC,
    limit: options.payloadLimit ?? PAYLOAD_LIMIT,
  });

  const result: WorkbookRead = {
    sheets: plans.map((p) => p.data),
    tables: cutTables(plans, tables.items, tableBoxes),
    inventory,
  };
  if (selection) result.selection = selection;
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
function capOversized(
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

interface Chunk {
  plan: Plan;
  r0: number;
  rows: number;
}

const width = (p: Plan) => p.box!.c1 - p.box!.c0 + 1;
const nextRow = (p: Plan) => p.box!.r0 + p.data.values.length;
const unread = (p: Plan) => (p.box ? (p.box.r1 - nextRow(p) + 1) * width(p) : 0);

/** The next rows of the sheets, in sheet order, up to `cells` cells (at least one row when nothing else is sent). */
function takeChunks(plans: Plan[], cells: number, othersQueued: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  for (const plan of plans) {
    if (!plan.box || unread(plan) === 0) continue;
    const cols = width(plan);
    const left = plan.box.r1 - nextRow(plan) + 1;
    let rows = Math.min(left, Math.floor(cells / cols));
    if (rows === 0 && !othersQueued && chunks.length === 0) rows = 1;
    if (rows === 0) break;
    chunks.push({ plan, r0: nextRow(plan), rows });
    cells -= rows * cols;
    if (rows < left) break;
  }
  return chunks;
}

/** JSON bytes per cell of what was received, from a sample of its rows. */
function bytesPerCell(grids: Grid[]): number | undefined {
  let bytes = 0;
  let cells = 0;
  for (const grid of grids) {
    const step = Math.max(1, Math.floor(grid.length / 500));
    for (let i = 0; i < grid.length; i += step) {
      bytes += rowJsonSize(grid[i]) + 1;
      cells += grid[i].length;
    }
  }
  return cells > 0 ? bytes / cells : undefined;
}

/**
 * Loads every plan's box (and the riders' loads) in value syncs: the first of `firstCells` cells, the
 * next ones sized by the measured bytes per cell; halves the budget when a response is still too big.
 */
async function loadValues(
  context: Excel.RequestContext,
  plans: Plan[],
  inventory: WorkbookInventory,
  riders: ReadRider[],
  sizing: { firstCells: number; limit: number },
): Promise<void> {
  const target = sizing.limit * TARGET_SHARE;
  let budget = sizing.firstCells;
  /** Never again as many cells as a sync that overflowed. */
  let ceiling = Infinity;
  const pendingRiders = () => riders.filter((r) => !r.done);
  while (plans.some((p) => unread(p) > 0) || pendingRiders().length > 0) {
    let room = budget;
    let ridden = false;
    for (const r of pendingRiders()) {
      const cells = r.queue(inventory, "values", Math.max(0, room));
      room -= cells;
      ridden ||= cells > 0;
    }
    const chunks = takeChunks(plans, Math.max(0, room), ridden);
    if (chunks.length === 0 && !ridden) break; // a rider with nothing to queue: nothing more to read
    const ranges = chunks.map((c) =>
      c.plan.sheet.getRangeByIndexes(c.r0, c.plan.box!.c0, c.rows, width(c.plan)).load("values"),
    );
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || budget <= 1) throw e;
      budget = Math.floor(budget / 2);
      ceiling = budget;
      continue;
    }
    const grids = ranges.map((r) => r.values as Grid);
    chunks.forEach((c, i) => c.plan.data.values.push(...grids[i]));
    riders.forEach((r) => r.synced());
    // Size the next syncs from what a cell cost here: ~80% of the limit each, or the rest split evenly
    // when that still fills every sync to at least half the limit.
    const perCell = bytesPerCell(grids);
    if (perCell === undefined) continue;
    const full = Math.max(1, Math.min(ceiling, Math.floor(target / perCell), budget * 4));
    const rest = plans.reduce((n, p) => n + unread(p), 0);
    const syncs = Math.ceil(rest / full);
    const even = Math.ceil(rest / Math.max(1, syncs));
    budget = syncs > 1 && even * perCell >= sizing.limit / 2 ? even : full;
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
    const read = plan?.box;
    // A table outside what was read (only on a sheet over the cap) is left out, never cut short.
    if (
      !plan ||
      !box ||
      !read ||
      box.r0 < read.r0 ||
      box.c0 < read.c0 ||
      box.r1 > read.r1 ||
      box.c1 > read.c1
    )
      continue;
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
