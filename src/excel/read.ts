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
 *
 * The parts live in src/excel/read/: types, extents (which cells; the cap), values (the value syncs),
 * tables (tables cut from the grids, the selection).
 */
import { readOwnedSheets } from "./ownership";
import { PAYLOAD_LIMIT } from "./payload";
import { capOversized, DEFAULT_MAX_CELLS_PER_SYNC, loadExtents, Plan } from "./read/extents";
import { cutTables, readSelection } from "./read/tables";
import { ReadOptions, SheetData, WorkbookInventory, WorkbookRead } from "./read/types";
import { loadValues } from "./read/values";

export { DEFAULT_MAX_CELLS_PER_SYNC, MAX_SHEET_CELLS, PROBE_COLUMNS, PROBE_ROWS } from "./read/extents";
export type {
  ReadOptions,
  ReadRider,
  SelectionData,
  SheetData,
  TableData,
  WorkbookData,
  WorkbookInventory,
  WorkbookRead,
} from "./read/types";

/** Every sheet (and the selection when asked), read in the syncs described above. */
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
