/**
 * What a read of the workbook gives and takes: the sheets and tables as plain data for the core
 * (SheetData, TableData, WorkbookData), the Office proxies they were read through (WorkbookInventory)
 * for a render that follows, the loads of other callers that ride along (ReadRider), and the options.
 */
import { PlainSelection, PlainSheet, PlainTable, PlainWorkbook } from "../../model/pipeline/workbook";
import { SettingsStore } from "../ownership";

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
