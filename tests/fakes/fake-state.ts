/**
 * The workbook behind the Excel fake: sheets, cells, tables, charts and the rest, as plain data.
 * The proxy layer (excel-fake.ts) changes this state only inside `context.sync()`.
 */
import {
  MAX_COLS,
  Rect,
  columnLetters,
  intersects,
  parseLocal,
  quoteSheet,
  rectAddress,
  splitSheet,
} from "./fake-address";

export type Scalar = string | number | boolean;

/** An error the fake raises, shaped like OfficeExtension.Error (code + message). */
export class FakeExcelError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface FakeCell {
  /** Constant value; absent for blanks and formula cells. */
  value?: Scalar;
  /** Formula including the leading "=". */
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  style: string;
  /** Values filters per column index (TableColumn.filter.applyValuesFilter). */
  filters?: Record<number, string[]>;
  /**
   * Custom filters per column index (Filter.applyCustomFilter: criteria1 such as "<>inhuur"); a column has
   * one filter at a time, so applying one kind removes the other.
   */
  customFilters?: Record<number, string>;
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  from?: string;
  to?: string;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  rule?: { formula1?: string; formula2?: string; operator?: string };
  fill?: string;
  fontColor?: string;
}

export interface FakeValidation {
  rect: Rect;
  rule: unknown;
  prompt?: unknown;
}

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  visibility = "Visible";
  protected = false;
  /** Column widths in points, by column index; absent = standard width. */
  columnWidths = new Map<number, number>();
  freezeRows = 0;
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: FakeValidation[] = [];

  constructor(
    public id: string,
    public name: string,
  ) {}

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(r, c));
  }

  /** The cell to change, created when missing. */
  touch(r: number, c: number): FakeCell {
    const k = FakeSheet.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = {}));
    return cell;
  }

  /** Bounding box of cells with a value/formula (valuesOnly) or with anything at all. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== undefined || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || (!cell.numberFormat && !cell.style))) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  assertWritable(): void {
    if (this.protected) {
      throw new FakeExcelError(
        "AccessDenied",
        `The sheet '${this.name}' is protected; the change was refused.`,
      );
    }
  }
}

export interface FakeNamedItem {
  name: string;
  formula: string;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's sheet name rules: 1..31 chars, none of []:*?/\, no leading/trailing apostrophe, not "History". */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return "A sheet name must have 1 to 31 characters.";
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "A sheet name cannot contain [ ] : * ? / \\.";
  if (name.startsWith("'") || name.endsWith("'"))
    return "A sheet name cannot start or end with an apostrophe.";
  if (name.toLowerCase() === "history") return "'History' is a reserved sheet name.";
  return undefined;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeNamedItem[] = [];
  /** Settings as persisted by settings.saveAsync (JSON text per key, like the real document). */
  persistedSettings: Record<string, string> = {};
  activeSheetId?: string;
  selection?: { sheetId: string; rect: Rect };
  /** Bumped on every change; formula results are cached per generation. */
  generation = 0;
  private nextId = 1;

  newId(prefix: string): string {
    const n = String(this.nextId++).padStart(12, "0");
    return `{${prefix}-0000-0000-0000-${n}}`;
  }

  sheetByName(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Sheets are found by name or by id, like Worksheets.getItem. */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name?: string): FakeSheet {
    const finalName = name ?? this.defaultSheetName();
    this.assertSheetName(finalName);
    const sheet = new FakeSheet(this.newId("SHEET"), finalName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    this.changed();
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    this.assertSheetName(name, sheet);
    sheet.name = name;
    this.changed();
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
    this.changed();
  }

  private defaultSheetName(): string {
    for (let i = 1; ; i++) if (!this.sheetByName(`Sheet${i}`)) return `Sheet${i}`;
  }

  private assertSheetName(name: string, self?: FakeSheet): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeExcelError("InvalidArgument", problem);
    const clash = this.sheetByName(name);
    if (clash && clash !== self) {
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    }
  }

  tableByName(name: string): FakeTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  changed(): void {
    this.generation++;
  }

  /** Resolves "Sheet!A1:B2" (or a local address on `defaultSheet`) to a sheet and rectangle. */
  resolveAddress(address: string, defaultSheet?: FakeSheet): { sheet: FakeSheet; rect: Rect } {
    const { sheet: sheetName, local } = splitSheet(address);
    const sheet = sheetName !== undefined ? this.sheetByName(sheetName) : defaultSheet;
    if (!sheet) throw new FakeExcelError("ItemNotFound", `No sheet for address '${address}'.`);
    const rect = parseLocal(local);
    if (!rect) throw new FakeExcelError("InvalidArgument", `Invalid address '${address}'.`);
    return { sheet, rect };
  }

  fullAddress(sheet: FakeSheet, rect: Rect): string {
    return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
  }
}

/**
 * What Excel does with a value typed or written through `values`/`formulas`:
 * text-formatted cell ("@") keeps the string as is; a leading apostrophe forces text (and is dropped);
 * "=" makes a formula; "+"/"-" make a formula unless the rest is a number; numeric and TRUE/FALSE
 * strings become numbers/booleans (dates are not modelled).
 */
export function interpretInput(
  input: unknown,
  numberFormat: string | undefined,
): Omit<FakeCell, "numberFormat" | "style"> {
  if (input === "" || input === undefined) return {};
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeExcelError("InvalidArgument", "Numbers must be finite.");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string")
    throw new FakeExcelError("InvalidArgument", `Unsupported cell input ${String(input)}.`);
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return input.length > 1 ? { value: input.slice(1) } : {};
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(trimmed)) {
    const pct = trimmed.endsWith("%");
    const n = Number(pct ? trimmed.slice(0, -1) : trimmed);
    return { value: pct ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if ((input.startsWith("+") || input.startsWith("-") || input.startsWith("@")) && input.length > 1) {
    return { formula: "=" + input.slice(input.startsWith("@") ? 1 : 0) };
  }
  return { value: input };
}

export function tableHeaderRect(t: FakeTable): Rect {
  return { ...t.rect, r1: t.rect.r0 };
}

export function tableBodyRect(t: FakeTable): Rect {
  return { ...t.rect, r0: t.rect.r0 + 1 };
}

export function overlappingTable(
  state: FakeWorkbookState,
  sheet: FakeSheet,
  rect: Rect,
): FakeTable | undefined {
  return state.tables.find((t) => t.sheetId === sheet.id && intersects(t.rect, rect));
}

export { columnLetters };
