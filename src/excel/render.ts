/**
 * Draws SheetLayouts (plain data from the core) into the workbook through Office.js. The core
 * decides what a sheet holds; this file only decides how to send it: on the add-in's own sheets
 * only, literal text always as text, and in as few syncs as the 5 MB payload limit allows.
 * The parts live in src/excel/render/: batcher (syncs under the payload target), sheets (which
 * sheet, ownership), writeLayout (tables, charts, formats), blocks (cells in row chunks), cells.
 */
import { SheetLayout } from "../model/layout/types";
import {
  isAdoptable,
  PENDING_SHEETS_SETTING,
  persistSettings,
  readOwnedSheets,
  SettingsStore,
} from "./ownership";
import { PAYLOAD_LIMIT, TARGET_SHARE } from "./payload";
import { WorkbookInventory } from "./read/types";
import { Batcher } from "./render/batcher";
import { writeLayout } from "./render/writeLayout";
import {
  clearReusedSheet,
  inspectWorkbook,
  listCharts,
  planTargets,
  recordOwnership,
  RenderResult,
  resultsOf,
  titleOf,
  userTableNames,
} from "./render/sheets";

export { columnWidthPoints, toCellInput } from "./render/cells";
export { RenderError } from "./render/sheets";
export type { RenderResult } from "./render/sheets";

export interface RenderOptions {
  /** Where ownership is recorded: Office.context.document.settings in the add-in. */
  settings: SettingsStore;
  /** Request limit per sync in bytes (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** Activate the first rendered sheet at the end. */
  activate?: boolean;
  /**
   * The sheets and tables as a readWorkbook of this same Excel.run loaded them (with `ownedCharts` for
   * the charts of the sheets to rebuild): saves the sync that would look at the workbook again.
   */
  inventory?: WorkbookInventory;
}

export async function renderLayout(
  context: Excel.RequestContext,
  layout: SheetLayout,
  options: RenderOptions,
): Promise<RenderResult> {
  return (await renderLayouts(context, [layout], options))[0];
}

/**
 * Renders several layouts: one sync to see the workbook (none when a read of the same run hands over its
 * `inventory`), one more only when owned sheets are rebuilt and their charts are not listed yet, then one
 * sync per write batch (~4 MB each, each filled before the next is started: the reused sheets' clearing
 * and the small title and header blocks travel in the first one, tables, charts and formats in the
 * last). Ownership is saved at the end.
 */
export async function renderLayouts(
  context: Excel.RequestContext,
  layouts: SheetLayout[],
  options: RenderOptions,
): Promise<RenderResult[]> {
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT;
  const batcher = new Batcher(context, limit * TARGET_SHARE);
  const owned = readOwnedSheets(options.settings);
  const info = options.inventory ?? (await inspectWorkbook(context, batcher));
  const targets = planTargets(context, layouts, owned, info);
  // Bug B: new sheets are recorded as the add-in's as soon as the sync that created them succeeded (their
  // ids are loaded in that same sync), and announced before it, for the case that it fails after Excel
  // applied it (ownership.ts, PENDING_SHEETS_SETTING).
  const created = targets.filter((t) => !t.existingId);
  let recorded = created.length === 0;
  if (created.some((t) => isAdoptable(t.layout.role))) {
    options.settings.set(PENDING_SHEETS_SETTING, {
      before: info.sheets.map((s) => s.id),
      sheets: created
        .filter((t) => isAdoptable(t.layout.role))
        .map((t) => ({ role: t.layout.role, name: t.name, title: titleOf(t.layout) })),
    });
    await persistSettings(options.settings);
  }
  batcher.onSynced = async () => {
    if (recorded) return;
    recorded = true;
    await recordOwnership(options.settings, owned, resultsOf(targets), info);
  };
  const charts = await listCharts(batcher, targets, info);
  const tableNames = userTableNames(info, targets);
  for (const t of targets) {
    if (t.existingId) await clearReusedSheet(batcher, t, info, charts.get(t) ?? []);
    await writeLayout(batcher, t, limit, tableNames);
  }
  if (options.activate && targets.length > 0) await batcher.add(0, () => targets[0].sheet.activate());
  await batcher.flush();
  const results = resultsOf(targets);
  if (options.settings.get(PENDING_SHEETS_SETTING) !== null)
    options.settings.set(PENDING_SHEETS_SETTING, null);
  await recordOwnership(options.settings, owned, results, info);
  return results;
}
