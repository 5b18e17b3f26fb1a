/**
 * Draws SheetLayouts (plain data from the core) into the workbook through Office.js. The core
 * decides what a sheet holds; this file only decides how to send it: on the add-in's own sheets
 * only, literal text always as text, and in as few syncs as the 5 MB payload limit allows.
 */
import { Bilingual } from "../model/types";
import {
  Block,
  CellStyle,
  ChartType,
  LayoutCell,
  SheetLayout,
  SheetRole,
  isFormula,
} from "../model/layout/types";
import { parseCell, rangeAddress } from "./address";
import {
  isAdoptable,
  OwnedSheet,
  PENDING_SHEETS_SETTING,
  persistSettings,
  pickSheetName,
  readOwnedSheets,
  saveOwnedSheets,
  SettingsStore,
} from "./ownership";
import { PAYLOAD_LIMIT, TARGET_SHARE, rowJsonSize } from "./payload";
import { WorkbookInventory } from "./read";

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

/** Bytes an operation adds to a request beyond its data (object path, method, property name). */
const OP_BYTES = 300;

const CHART_TYPES: Record<ChartType, Excel.ChartType> = {
  columnClustered: "ColumnClustered" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
  doughnut: "Doughnut" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
};

const OPERATORS = { greaterThan: "GreaterThan", lessThan: "LessThan", between: "Between" } as const;

/** Styles as range-wide format writes (one operation per property, whatever the range size). */
const STYLES: Record<CellStyle, (f: Excel.RangeFormat) => void> = {
  title: (f) => ((f.font.bold = true), (f.font.size = 14)),
  subtitle: (f) => ((f.font.italic = true), (f.font.color = "#404040")),
  header: (f) => ((f.font.bold = true), (f.fill.color = "#DDEBF7")),
  body: () => undefined,
  total: (f) => ((f.font.bold = true), (f.fill.color = "#F2F2F2")),
  note: (f) => ((f.font.italic = true), (f.font.color = "#595959")),
  input: (f) => (f.fill.color = "#FFF2CC"),
};

/**
 * Literal strings get a leading apostrophe, always: Excel then stores the text as is, so
 * "=HYPERLINK(…)", "+31…", "-5" or "00123" can never become a formula, number or date. (The
 * alternative, text format "@", cannot cover columns mixing text and numbers.)
 */
export function toCellInput(cell: LayoutCell): string | number | boolean {
  if (isFormula(cell)) {
    if (!cell.formula.startsWith("=")) throw new Error(`A formula must start with "=": ${cell.formula}`);
    return cell.formula;
  }
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "string") return "'" + cell;
  if (typeof cell === "number" && !Number.isFinite(cell))
    throw new Error(`Cannot write ${cell} into a cell.`);
  return cell;
}

/** Points for a width in characters (Excel: 7 px per character + 5 px padding, 0.75 pt per px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Collects operations into batches under the payload target; each full batch is one sync. */
class Batcher {
  private used = 0;
  syncs = 0;
  /** Called after every sync that succeeded (render.ts records new sheets' ids there). */
  onSynced?: () => Promise<void>;
  constructor(
    private context: Excel.RequestContext,
    private target: number,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.target) await this.flush();
    if (this.used === 0) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    queue();
    this.used += bytes + OP_BYTES;
  }

  /** Bytes still free in the current batch (the whole target when it is empty). */
  get room(): number {
    return this.target - this.used;
  }

  get empty(): boolean {
    return this.used === 0;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.sync();
    this.used = 0;
  }

  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
    await this.onSynced?.();
  }
}

interface Target {
  layout: SheetLayout;
  sheet: Excel.Worksheet;
  name: string;
  /** Set when an owned sheet is reused; new sheets get their id after the writes. */
  existingId?: string;
  tableNames: Record<string, string>;
}

interface WorkbookInfo {
  sheets: Excel.Worksheet[];
  tables: Excel.Table[];
  /** Charts by sheet id, when already listed. */
  charts?: Map<string, Excel.Chart[]>;
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

function resultsOf(targets: Target[]): RenderResult[] {
  return targets.map((t) => ({
    role: t.layout.role,
    sheetName: t.name,
    sheetId: t.existingId ?? t.sheet.id,
    tableNames: t.tableNames,
  }));
}

/** The text a layout writes in A1 ("" when none): how a created sheet is recognised (ownership.ts). */
function titleOf(layout: SheetLayout): string {
  const block = layout.blocks.find((b) => parseCell(b.at).row === 0 && parseCell(b.at).col === 0);
  const first = block?.cells[0]?.[0];
  return typeof first === "string" ? first : "";
}

async function inspectWorkbook(context: Excel.RequestContext, batcher: Batcher): Promise<WorkbookInfo> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/id");
  await batcher.sync();
  return { sheets: sheets.items, tables: tables.items };
}

/** Chooses, per layout, the owned sheet to reuse or a new sheet with a free name. */
function planTargets(
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
async function listCharts(
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
async function clearReusedSheet(
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
function userTableNames(info: WorkbookInfo, targets: Target[]): Set<string> {
  const rebuilt = new Set(targets.map((t) => t.existingId).filter(Boolean));
  return new Set(info.tables.filter((t) => !rebuilt.has(t.worksheet.id)).map((t) => t.name.toLowerCase()));
}

async function writeLayout(
  batcher: Batcher,
  t: Target,
  limit: number,
  userTables: Set<string>,
): Promise<void> {
  const { layout, sheet } = t;
  for (const block of layout.blocks) await writeBlock(batcher, sheet, block, limit);
  for (const spec of layout.tables) {
    const name = uniqueTableName(spec.name, userTables);
    t.tableNames[spec.name] = name;
    await batcher.add(spec.range.length + name.length, () => {
      const table = sheet.tables.add(spec.range, true);
      table.name = name;
      table.style = spec.style ?? "TableStyleMedium2";
    });
  }
  for (const chart of layout.charts) {
    await batcher.add(chart.title.length * 3, () => {
      const c = sheet.charts.add(
        CHART_TYPES[chart.type],
        sheet.getRange(chart.data),
        chart.seriesBy === "rows" ? ("Rows" as Excel.ChartSeriesBy) : ("Columns" as Excel.ChartSeriesBy),
      );
      c.title.text = chart.title;
      c.setPosition(chart.from, chart.to);
    });
  }
  for (const cf of layout.conditionalFormats) {
    await batcher.add(cf.formula1.length + (cf.formula2?.length ?? 0), () => {
      const format = sheet
        .getRange(cf.range)
        .conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      format.cellValue.format.fill.color = cf.fill;
      format.cellValue.format.font.color = cf.fontColor;
      const rule: Excel.ConditionalCellValueRule = {
        formula1: cf.formula1,
        operator: OPERATORS[cf.operator],
      };
      if (cf.formula2 !== undefined) rule.formula2 = cf.formula2;
      format.cellValue.rule = rule;
    });
  }
  for (const v of layout.validations) await addValidation(batcher, sheet, v.range, v.list, v.prompt);
  for (const [start, count, chars] of widthRuns(layout.columnWidths ?? [])) {
    await batcher.add(
      0,
      () => (sheet.getRangeByIndexes(0, start, 1, count).format.columnWidth = columnWidthPoints(chars)),
    );
  }
  if (layout.freezeRows) await batcher.add(0, () => sheet.freezePanes.freezeRows(layout.freezeRows));
}

function uniqueTableName(desired: string, taken: Set<string>): string {
  let name = desired;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${desired}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel's list source is one comma-separated string of at most 255 characters. */
async function addValidation(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  range: string,
  list: string[],
  prompt?: string,
): Promise<void> {
  const source = list.join(",");
  if (list.some((x) => x.includes(",")) || source.length > 255) {
    throw new Error(
      `Validation list for ${range} cannot be written as a list source (commas or over 255 characters).`,
    );
  }
  await batcher.add(source.length + (prompt?.length ?? 0), () => {
    const dv = sheet.getRange(range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source } };
    if (prompt) dv.prompt = { showPrompt: true, message: prompt, title: "" };
  });
}

/** Consecutive columns with the same width become one write: [start, count, chars]. */
function widthRuns(widths: number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1, w]);
  });
  return runs;
}

/**
 * One block: its cells as `formulas` (formulas as such, text with an apostrophe), then number
 * formats per run of formatted columns, cut into row chunks under the payload target.
 */
async function writeBlock(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  block: Block,
  limit: number,
): Promise<void> {
  const width = Math.max(0, ...block.cells.map((r) => r.length));
  if (block.cells.length === 0 || width === 0) return;
  const at = parseCell(block.at);
  const inputs = block.cells.map((row) =>
    Array.from({ length: width }, (_, c) => toCellInput(row[c] ?? null)),
  );
  const formatRuns = numberFormatRuns(block.numberFormats ?? [], width);
  const formatRowBytes = formatRuns.reduce((s, r) => s + rowJsonSize(r.formats) + 2, 0);
  const sizes = inputs.map((row) => rowJsonSize(row) + formatRowBytes + 1);
  const overhead = OP_BYTES * (2 + formatRuns.length);
  // Each chunk fills what is left of the current batch (after a title, a header, the clearing of a reused
  // sheet…), so small writes never take a sync of their own ahead of a full block.
  for (let start = 0; start < sizes.length;) {
    let end = start;
    let bytes = 1;
    while (end < sizes.length && bytes + sizes[end] + overhead <= batcher.room) bytes += sizes[end++];
    if (end === start) {
      if (!batcher.empty) {
        await batcher.flush();
        continue;
      }
      if (sizes[start] + 2 + overhead > limit)
        throw new Error(`Row ${start + 1} alone is larger than the payload limit (${sizes[start]} bytes).`);
      end = start + 1;
      bytes += sizes[start];
    }
    const first = start;
    const rows = inputs.slice(first, end);
    await batcher.add(bytes + overhead - OP_BYTES, () => {
      const range = sheet.getRangeByIndexes(at.row + first, at.col, rows.length, width);
      range.formulas = rows;
      for (const run of formatRuns) {
        const part = sheet.getRangeByIndexes(
          at.row + first,
          at.col + run.start,
          rows.length,
          run.formats.length,
        );
        part.numberFormat = rows.map(() => run.formats);
      }
    });
    start = end;
  }
  if (block.style && block.style !== "body") {
    const style = STYLES[block.style];
    await batcher.add(0, () =>
      style(sheet.getRange(rangeAddress(at.row, at.col, inputs.length, width)).format),
    );
  }
}

/** Runs of consecutive columns that have a number format (null = General = nothing to send). */
function numberFormatRuns(formats: (string | null)[], width: number): { start: number; formats: string[] }[] {
  const runs: { start: number; formats: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const f = formats[c];
    if (!f) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.formats.length === c) last.formats.push(f);
    else runs.push({ start: c, formats: [f] });
  }
  return runs;
}

async function recordOwnership(
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
