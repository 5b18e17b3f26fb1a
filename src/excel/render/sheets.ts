/**
 * Sheet bookkeeping: which sheet each layout goes to (the add-in's own sheet to reuse, or a new
 * sheet with a free name), emptying reused sheets, the table names users already have, and
 * recording which sheets are the add-in's (ownership.ts).
 */
import { Bilingual } from "../../model/types";
import { SheetLayout, SheetRole } from "../../model/layout/types";
import { parseCell } from "../address";
import { OwnedSheet, pickSheetName, saveOwnedSheets, SettingsStore } from "../ownership";
import { Batcher } from "./batcher";

export interface RenderResult {
  role: SheetRole;
  /** The name actually used: the layout's name, or "name (2)" when a user sheet has it. */
  sheetName: string;
  sheetId: string;
  /** Layout table name → name actually used (differs only when a user's table has the name). */
  tableNames: Record<string, string>;
}

/** A failure the user should see, in Dutch and English. */
export class RenderError extends Error {
  constructor(readonly userMessage: Bilingual) {
    super(userMessage.en);
    this.name = "RenderError";
  }
}

export interface Target {
  layout: SheetLayout;
  sheet: Excel.Worksheet;
  name: string;
  /** Set when an owned sheet is reused; new sheets get their id after the writes. */
  existingId?: string;
  tableNames: Record<string, string>;
}

export interface WorkbookInfo {
  sheets: Excel.Worksheet[];
  tables: Excel.Table[];
  /** Charts by sheet id, when already listed. */
  charts?: Map<string, Excel.Chart[]>;
}

export function resultsOf(targets: Target[]): RenderResult[] {
  return targets.map((t) => ({
    role: t.layout.role,
    sheetName: t.name,
    sheetId: t.existingId ?? t.sheet.id,
    tableNames: t.tableNames,
  }));
}

/** The text a layout writes in A1 ("" when none): how a created sheet is recognised (ownership.ts). */
export function titleOf(layout: SheetLayout): string {
  const block = layout.blocks.find((b) => parseCell(b.at).row === 0 && parseCell(b.at).col === 0);
  const first = block?.cells[0]?.[0];
  return typeof first === "string" ? first : "";
}

export async function inspectWorkbook(
  context: Excel.RequestContext,
  batcher: Batcher,
): Promise<WorkbookInfo> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/id");
  await batcher.sync();
  return { sheets: sheets.items, tables: tables.items };
}

/** Chooses, per layout, the owned sheet to reuse or a new sheet with a free name. */
export function planTargets(
  context: Excel.RequestContext,
  layouts: SheetLayout[],
  owned: OwnedSheet[],
  info: WorkbookInfo,
): Target[] {
  const byId = new Map(info.sheets.map((s) => [s.id, s]));
  const taken = new Set(info.sheets.map((s) => s.name));
  const targets: Target[] = [];
  for (const layout of layouts) {
    const mine = owned.find((o) => o.role === layout.role && byId.has(o.id));
    const existing = mine ? byId.get(mine.id)! : undefined;
    if (existing?.protection.protected) {
      throw new RenderError({
        nl: `Het werkblad '${existing.name}' is beveiligd; hef de beveiliging op en probeer het opnieuw.`,
        en: `The sheet '${existing.name}' is protected; unprotect it and try again.`,
      });
    }
    const name = pickSheetName(layout.name, taken, existing ? [existing.name] : []);
    taken.add(name);
    // A new sheet's id is loaded in the sync that creates it (recorded right after: bug B).
    const sheet = existing ?? context.workbook.worksheets.add(name).load("id");
    if (existing && existing.name !== name) existing.name = name;
    targets.push({ layout, sheet, name, existingId: existing?.id, tableNames: {} });
  }
  return targets;
}

/** The charts of the reused sheets: as listed by the read, or in one sync of their own when not. */
export async function listCharts(
  batcher: Batcher,
  targets: Target[],
  info: WorkbookInfo,
): Promise<Map<Target, Excel.Chart[]>> {
  const reused = targets.filter((t) => t.existingId);
  const known = (t: Target) => info.charts?.get(t.existingId!);
  const unlisted = reused.filter((t) => !known(t));
  const lists = new Map(unlisted.map((t) => [t, t.sheet.charts.load("items/name")]));
  if (lists.size > 0) await batcher.sync();
  return new Map(reused.map((t) => [t, known(t) ?? lists.get(t)!.items]));
}

/**
 * Empties a reused sheet (tables, charts, contents, formats, validation, widths, panes): queued into the
 * current write batch, ahead of the writes that follow in it.
 */
export async function clearReusedSheet(
  batcher: Batcher,
  t: Target,
  info: WorkbookInfo,
  charts: Excel.Chart[],
): Promise<void> {
  await batcher.add(0, () => {
    for (const table of info.tables) if (table.worksheet.id === t.existingId) table.delete();
    for (const chart of charts) chart.delete();
    const all = t.sheet.getRange();
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.clear("All" as Excel.ClearApplyTo);
    all.format.useStandardWidth = true;
    t.sheet.freezePanes.unfreeze();
  });
}

/** Lower-cased names of tables the add-in does not replace: its new tables must not clash with them. */
export function userTableNames(info: WorkbookInfo, targets: Target[]): Set<string> {
  const rebuilt = new Set(targets.map((t) => t.existingId).filter(Boolean));
  return new Set(info.tables.filter((t) => !rebuilt.has(t.worksheet.id)).map((t) => t.name.toLowerCase()));
}

export async function recordOwnership(
  settings: SettingsStore,
  owned: OwnedSheet[],
  results: RenderResult[],
  info: WorkbookInfo,
): Promise<void> {
  const ids = new Set(info.sheets.map((s) => s.id));
  for (const r of results) ids.add(r.sheetId);
  const fresh = results.map((r) => ({ id: r.sheetId, role: r.role }));
  const kept = owned.filter((o) => !fresh.some((f) => f.role === o.role));
  await saveOwnedSheets(settings, [...kept, ...fresh], ids);
}
