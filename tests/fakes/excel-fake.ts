/**
 * In-memory fake of the part of the Excel JavaScript API the add-in uses. Behaves like Excel where it
 * matters for correctness: proxies queue writes until `context.sync()`, unloaded properties throw,
 * payloads over the limit fail, "=" strings become formulas, protected sheets refuse writes.
 * Plain TypeScript without Node or jest imports, so it can also be bundled into a browser test page.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  intersects,
  parseLocal,
  rectCols,
  rectRows,
  splitSheet,
} from "./fake-address";
import { CustomFunctions, Evaluator } from "./fake-formula";
import {
  CellStyle,
  FakeChart,
  FakeConditionalFormat,
  FakeExcelError,
  FakeSheet,
  FakeTable,
  FakeWorkbookState,
  interpretInput,
  overlappingTable,
  tableBodyRect,
  tableHeaderRect,
} from "./fake-state";

export { FakeExcelError, FakeWorkbookState } from "./fake-state";

export interface FakeExcelOptions {
  /** Request and response limit per sync in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Values for functions the evaluator does not know (e.g. the add-in's custom functions). */
  customFunctions?: CustomFunctions;
  displayLanguage?: string;
  /** Sheets the workbook starts with (default one sheet, "Blad1"). */
  sheets?: string[];
  /** Fault injection: see FakeFaults (also settable later through `fake.faults`). */
  faults?: FakeFaults;
}

/**
 * Fault injection for reliability tests: the sync numbered `failAtSync` (1-based, counted like
 * `stats.syncCount`) rejects with a "GeneralException" after applying the first `applyBeforeFailing`
 * operations of its batch (default 0: nothing of it reaches the workbook). Excel does not roll back
 * the operations of a batch that were applied before the failing one.
 */
export interface FakeFaults {
  failAtSync?: number;
  applyBeforeFailing?: number;
}

export interface FakeStats {
  syncCount: number;
  /** Request size in bytes of every sync, in order. */
  requestSizes: number[];
  /** Response size in bytes (loaded data) of every sync, in order. */
  responseSizes: number[];
  maxRequestSize: number;
  suspendCalculationCalls: number;
}

interface Env {
  state: FakeWorkbookState;
  evaluator: Evaluator;
  limit: number;
  stats: FakeStats;
  faults: FakeFaults;
}

interface Op {
  json: unknown;
  /** Runs inside sync; a returned object is loaded data (counted into the response size). */
  apply: () => unknown;
}

const encoder = new TextEncoder();
function byteSize(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? "").length;
}

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export class FakeRequestContext {
  private ops: Op[] = [];
  private nextId = 1;
  readonly workbook: WorkbookP;
  readonly application: ApplicationP;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly env: Env) {
    this.workbook = new WorkbookP(this);
    this.application = this.workbook.application;
  }

  newId(): number {
    return this.nextId++;
  }

  queue(json: unknown, apply: () => unknown): void {
    this.ops.push({ json, apply });
  }

  get pendingCount(): number {
    return this.ops.length;
  }

  /** Sends the queued batch: size check, then every operation in order; the first failure rejects. */
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const { stats, limit } = this.env;
    const size = byteSize(ops.map((o) => o.json));
    stats.syncCount++;
    stats.requestSizes.push(size);
    stats.maxRequestSize = Math.max(stats.maxRequestSize, size);
    if (size > limit) {
      stats.responseSizes.push(0);
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${size}) has exceeded the limit.`,
      );
    }
    let response = 0;
    const { failAtSync, applyBeforeFailing = 0 } = this.env.faults;
    const failing = failAtSync === stats.syncCount;
    try {
      for (const [i, op] of ops.entries()) {
        if (failing && i >= applyBeforeFailing) break;
        const data = op.apply();
        if (data !== undefined) response += byteSize(data);
      }
    } finally {
      stats.responseSizes.push(response);
    }
    if (failing) {
      throw new FakeExcelError("GeneralException", `Injected failure at sync ${stats.syncCount}.`);
    }
    if (response > limit) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${response}) has exceeded the limit.`,
      );
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each setter declares its own value type
type Specs<T> = Record<string, { get?: (t: T) => unknown; set?: (t: T, v: any) => void }>;

/** What a navigation property must offer for nested load paths. */
interface Loadable {
  applyLoad(paths: string[]): Record<string, unknown>;
}

/**
 * Base of every proxy. `binder` finds the real object; proxies returned by methods are bound by a
 * queued operation (so a missing item fails at sync, in order), navigation proxies bind lazily.
 */
abstract class P<T> {
  readonly _id: number;
  private bound = false;
  private t: T | null = null;
  protected loadedProps = new Map<string, unknown>();

  constructor(
    protected ctx: FakeRequestContext,
    private binder: () => T | null,
    queueBind: boolean,
    bindJson?: unknown,
  ) {
    this._id = ctx.newId();
    if (queueBind) ctx.queue({ id: this._id, ...(bindJson as object) }, () => void this.target());
    this.defineAccessors();
  }

  protected abstract specs(): Specs<T>;
  /** Navigation properties that can appear in load paths ("format/fill/color"). */
  protected navs(): Record<string, () => Loadable> {
    return {};
  }

  protected get env(): Env {
    return this.ctx.env;
  }

  target(): T | null {
    if (!this.bound) {
      this.t = this.binder();
      this.bound = true;
    }
    return this.t;
  }

  /** The bound object; operations on a null object fail like Excel's ItemNotFound. */
  need(): T {
    const t = this.target();
    if (t === null) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  get isNullObject(): boolean {
    if (!this.bound) throw notLoaded("isNullObject");
    return this.t === null;
  }

  private defineAccessors(): void {
    for (const [name, spec] of Object.entries(this.specs())) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => {
          if (!this.loadedProps.has(name)) throw notLoaded(name);
          return this.loadedProps.get(name);
        },
        set: (v: unknown) => {
          if (!spec.set) throw new FakeExcelError("InvalidOperation", `The property '${name}' is read-only.`);
          const setter = spec.set;
          this.ctx.queue({ id: this._id, set: name, v }, () => {
            setter(this.need(), v);
            this.env.state.changed();
          });
        },
      });
    }
  }

  load(arg?: string | string[] | Record<string, unknown>): this {
    const paths = parseLoadArg(arg);
    this.ctx.queue({ id: this._id, load: paths }, () => this.applyLoad(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }

  /** Reads the requested properties into the proxy; returns the loaded data (the response). */
  applyLoad(paths: string[]): Record<string, unknown> {
    const specs = this.specs();
    const wanted = paths.length ? paths : Object.keys(specs).filter((k) => specs[k].get);
    const groups = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split("/").map((s) => s.trim());
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest.join("/"));
    }
    const out: Record<string, unknown> = {};
    const t = this.target();
    for (const [head, sub] of groups) {
      const nav = this.navs()[head];
      if (nav) {
        out[head] = nav().applyLoad(sub);
      } else if (specs[head]?.get) {
        const v = t === null ? null : specs[head].get!(t);
        this.loadedProps.set(head, v);
        out[head] = v;
      } else {
        throw new FakeExcelError("InvalidArgument", `Cannot load '${head}'.`);
      }
    }
    return out;
  }
}

function parseLoadArg(arg?: string | string[] | Record<string, unknown>): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoadArg(a));
  if (typeof arg.select === "string") return parseLoadArg(arg.select as string);
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(arg, "");
  return out;
}

/** A collection: `items` after load; item properties are loaded with "items/x" or plain "x". */
abstract class CollectionP<T, I extends Loadable> extends P<T> {
  protected abstract enumerate(t: T): I[];
  protected specs(): Specs<T> {
    return { count: { get: (t) => this.enumerate(t).length } };
  }

  get items(): I[] {
    if (!this.loadedProps.has("items")) throw notLoaded("items");
    return this.loadedProps.get("items") as I[];
  }

  applyLoad(paths: string[]): Record<string, unknown> {
    const t = this.target();
    const itemPaths = paths
      .filter((p) => p !== "count" && p !== "items")
      .map((p) => p.replace(/^items\//, ""));
    const items = t === null ? [] : this.enumerate(t);
    const out: Record<string, unknown> = { count: items.length };
    this.loadedProps.set("count", items.length);
    if (paths.length === 0 || paths.some((p) => p !== "count")) {
      this.loadedProps.set("items", items);
      out.items = items.map((i) => i.applyLoad(itemPaths));
    }
    return out;
  }
}

// ---------------------------------------------------------------- workbook, application, settings

class WorkbookP extends P<FakeWorkbookState> {
  readonly worksheets: WorksheetCollectionP;
  readonly tables: TableCollectionP;
  readonly names: NamedItemCollectionP;
  readonly application: ApplicationP;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.env.state, false);
    this.worksheets = new WorksheetCollectionP(ctx);
    this.tables = new TableCollectionP(ctx, () => undefined);
    this.names = new NamedItemCollectionP(ctx);
    this.application = new ApplicationP(ctx);
  }

  protected specs(): Specs<FakeWorkbookState> {
    return {};
  }

  getSelectedRange(): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const s = this.env.state;
        const sel = s.selection ?? { sheetId: s.activeSheetId!, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
        return { sheet: s.sheetById(sel.sheetId)!, rect: sel.rect };
      },
      { m: "getSelectedRange" },
    );
  }
}

class ApplicationP extends P<FakeWorkbookState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.env.state, false);
  }
  protected specs(): Specs<FakeWorkbookState> {
    return { calculationMode: { get: () => "Automatic" } };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({ id: this._id, m: "suspendApiCalculationUntilNextSync" }, () => {
      this.env.stats.suspendCalculationCalls++;
    });
  }
}

/** Office.context.document.settings: in memory until saveAsync, values kept as JSON like the real one. */
export class FakeSettings {
  private mem: Record<string, string>;
  saveCount = 0;
  constructor(private state: FakeWorkbookState) {
    this.mem = { ...state.persistedSettings };
  }
  get(name: string): unknown {
    return name in this.mem ? JSON.parse(this.mem[name]) : null;
  }
  set(name: string, value: unknown): void {
    this.mem[name] = JSON.stringify(value);
  }
  remove(name: string): void {
    delete this.mem[name];
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === "function" ? a : b) as ((r: { status: string }) => void) | undefined;
    this.state.persistedSettings = { ...this.mem };
    this.saveCount++;
    if (cb) Promise.resolve().then(() => cb({ status: "succeeded" }));
  }
  refreshAsync(cb?: (r: { status: string }) => void): void {
    this.mem = { ...this.state.persistedSettings };
    if (cb) Promise.resolve().then(() => cb({ status: "succeeded" }));
  }
}

// ---------------------------------------------------------------- worksheets

class WorksheetCollectionP extends CollectionP<FakeWorkbookState, WorksheetP> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.env.state, false);
  }
  protected enumerate(s: FakeWorkbookState): WorksheetP[] {
    return s.sheets.map((sheet) => new WorksheetP(this.ctx, () => sheet, false));
  }
  add(name?: string): WorksheetP {
    return new WorksheetP(this.ctx, () => this.env.state.addSheet(name), true, { m: "worksheets.add", name });
  }
  getItem(key: string): WorksheetP {
    return new WorksheetP(this.ctx, () => this.findSheet(key, false), true, { m: "worksheets.getItem", key });
  }
  getItemOrNullObject(key: string): WorksheetP {
    return new WorksheetP(this.ctx, () => this.findSheet(key, true), true, {
      m: "worksheets.getItemOrNull",
      key,
    });
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this.ctx, () => this.env.state.sheetById(this.env.state.activeSheetId!)!, true, {
      m: "getActiveWorksheet",
    });
  }
  private findSheet(key: string, orNull: boolean): FakeSheet | null {
    const sheet = this.env.state.sheetByKey(key);
    if (!sheet && !orNull) throw new FakeExcelError("ItemNotFound", `The worksheet '${key}' doesn't exist.`);
    return sheet ?? null;
  }
}

class WorksheetP extends P<FakeSheet> {
  constructor(ctx: FakeRequestContext, binder: () => FakeSheet | null, queueBind: boolean, json?: unknown) {
    super(ctx, binder, queueBind, json);
  }
  protected specs(): Specs<FakeSheet> {
    const state = this.env.state;
    return {
      name: { get: (s) => s.name, set: (s, v: string) => state.renameSheet(s, v) },
      id: { get: (s) => s.id },
      position: {
        get: (s) => state.sheets.indexOf(s),
        set: (s, v: number) => {
          state.sheets = state.sheets.filter((x) => x !== s);
          state.sheets.splice(Math.max(0, Math.min(v, state.sheets.length)), 0, s);
        },
      },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v: string) => {
          const others = state.sheets.filter((x) => x !== s && x.visibility === "Visible");
          if (v !== "Visible" && others.length === 0) {
            throw new FakeExcelError(
              "InvalidOperation",
              "A workbook must contain at least one visible worksheet.",
            );
          }
          s.visibility = v;
        },
      },
    };
  }
  protected navs(): Record<string, () => Loadable> {
    return {
      protection: () => this.protection,
      freezePanes: () => this.freezePanes,
      tables: () => this.tables,
      charts: () => this.charts,
    };
  }
  private lazy = new Map<string, Loadable>();
  private child<C extends Loadable>(key: string, make: () => C): C {
    if (!this.lazy.has(key)) this.lazy.set(key, make());
    return this.lazy.get(key) as C;
  }
  get protection(): ProtectionP {
    return this.child("protection", () => new ProtectionP(this.ctx, () => this.target()));
  }
  get freezePanes(): FreezePanesP {
    return this.child("freezePanes", () => new FreezePanesP(this.ctx, () => this.target()));
  }
  get tables(): TableCollectionP {
    return this.child("tables", () => new TableCollectionP(this.ctx, () => this.need()));
  }
  get charts(): ChartCollectionP {
    return this.child("charts", () => new ChartCollectionP(this.ctx, () => this.target()));
  }

  getRange(address?: string): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const sheet = this.need();
        if (address === undefined)
          return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
        const { sheet: named, local } = splitSheet(address);
        const rect = parseLocal(local);
        if (!rect || (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())) {
          throw new FakeExcelError("InvalidArgument", `The address '${address}' is not valid.`);
        }
        return { sheet, rect };
      },
      { m: "getRange", address },
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
          throw new FakeExcelError("InvalidArgument", "The range indexes are out of bounds.");
        }
        return { sheet: this.need(), rect: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } };
      },
      { m: "getRangeByIndexes", a: [row, col, rows, cols] },
    );
  }
  getCell(row: number, col: number): RangeP {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly = false): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const sheet = this.need();
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      { m: "getUsedRange", valuesOnly },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = sheet?.usedRect(valuesOnly);
        return sheet && rect ? { sheet, rect } : null;
      },
      { m: "getUsedRangeOrNullObject", valuesOnly },
    );
  }
  delete(): void {
    this.ctx.queue({ id: this._id, m: "delete" }, () => this.env.state.deleteSheet(this.need()));
  }
  activate(): void {
    this.ctx.queue({ id: this._id, m: "activate" }, () => {
      const sheet = this.need();
      if (sheet.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.env.state.activeSheetId = sheet.id;
    });
  }
}

class ProtectionP extends P<FakeSheet> {
  constructor(ctx: FakeRequestContext, binder: () => FakeSheet | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<FakeSheet> {
    return { protected: { get: (s) => s.protected } };
  }
  protect(): void {
    this.ctx.queue({ id: this._id, m: "protect" }, () => {
      const s = this.need();
      if (s.protected) throw new FakeExcelError("InvalidOperation", "The sheet is already protected.");
      s.protected = true;
    });
  }
  unprotect(): void {
    this.ctx.queue({ id: this._id, m: "unprotect" }, () => void (this.need().protected = false));
  }
}

class FreezePanesP extends P<FakeSheet> {
  constructor(ctx: FakeRequestContext, binder: () => FakeSheet | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<FakeSheet> {
    return {};
  }
  freezeRows(count = 1): void {
    this.ctx.queue({ id: this._id, m: "freezeRows", count }, () => void (this.need().freezeRows = count));
  }
  unfreeze(): void {
    this.ctx.queue({ id: this._id, m: "unfreeze" }, () => void (this.need().freezeRows = 0));
  }
}

// ---------------------------------------------------------------- ranges

interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}

/** Excel refuses ranges over five million cells for values/formulas. */
const MAX_CELLS = 5_000_000;

function grid<V>(t: RangeT, f: (r: number, c: number) => V): V[][] {
  if (rectRows(t.rect) * rectCols(t.rect) > MAX_CELLS) {
    throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "The range has too many cells to return.");
  }
  const out: V[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: V[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** Input for every cell: a 2-D array of the range's size, or one value for all cells. */
function forEachInput(t: RangeT, input: unknown, f: (r: number, c: number, v: unknown) => void): void {
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  const isGrid = Array.isArray(input);
  if (isGrid) {
    const g = input as unknown[][];
    if (g.length !== rows || g.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
      );
    }
  }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = isGrid ? (input as unknown[][])[i][j] : input;
      // null in an input array means "leave this cell as it is", as in Excel.
      if (v !== null) f(t.rect.r0 + i, t.rect.c0 + j, v);
    }
}

function writeCells(t: RangeT, input: unknown): void {
  t.sheet.assertWritable();
  forEachInput(t, input, (r, c, v) => {
    const cell = t.sheet.touch(r, c);
    const parsed = interpretInput(v, cell.numberFormat);
    delete cell.value;
    delete cell.formula;
    Object.assign(cell, parsed);
  });
}

class RangeP extends P<RangeT> {
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null, json?: unknown) {
    super(ctx, binder, json !== undefined, json);
  }
  protected specs(): Specs<RangeT> {
    const state = this.env.state;
    const ev = this.env.evaluator;
    return {
      address: { get: (t) => state.fullAddress(t.sheet, t.rect) },
      rowCount: { get: (t) => rectRows(t.rect) },
      columnCount: { get: (t) => rectCols(t.rect) },
      rowIndex: { get: (t) => t.rect.r0 },
      columnIndex: { get: (t) => t.rect.c0 },
      values: { get: (t) => grid(t, (r, c) => ev.cellValue(t.sheet, r, c)), set: writeCells },
      formulas: {
        get: (t) => grid(t, (r, c) => t.sheet.cell(r, c)?.formula ?? t.sheet.cell(r, c)?.value ?? ""),
        set: writeCells,
      },
      numberFormat: {
        get: (t) => grid(t, (r, c) => t.sheet.cell(r, c)?.numberFormat ?? "General"),
        set: (t, input) => {
          t.sheet.assertWritable();
          forEachInput(t, input, (r, c, v) => {
            const cell = t.sheet.touch(r, c);
            if (v === "General") delete cell.numberFormat;
            else cell.numberFormat = String(v);
          });
        },
      },
      valueTypes: {
        get: (t) =>
          grid(t, (r, c) => {
            const v = ev.cellValue(t.sheet, r, c);
            if (v === "") return "Empty";
            if (typeof v === "number") return "Double";
            if (typeof v === "boolean") return "Boolean";
            return /^#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A|NUM!)$/.test(v) ? "Error" : "String";
          }),
      },
    };
  }
  protected navs(): Record<string, () => Loadable> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }
  private made = new Map<string, Loadable>();
  private child<C extends Loadable>(key: string, make: () => C): C {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as C;
  }
  get format(): RangeFormatP {
    return this.child("format", () => new RangeFormatP(this.ctx, () => this.target()));
  }
  get conditionalFormats(): ConditionalFormatCollectionP {
    return this.child("cf", () => new ConditionalFormatCollectionP(this.ctx, () => this.target()));
  }
  get dataValidation(): DataValidationP {
    return this.child("dv", () => new DataValidationP(this.ctx, () => this.target()));
  }
  get worksheet(): WorksheetP {
    return this.child("ws", () => new WorksheetP(this.ctx, () => this.target()?.sheet ?? null, false));
  }

  private derived(json: unknown, f: (t: RangeT) => Rect): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const t = this.need();
        const rect = f(t);
        if (
          rect.r0 < 0 ||
          rect.c0 < 0 ||
          rect.r1 >= MAX_ROWS ||
          rect.c1 >= MAX_COLS ||
          rect.r1 < rect.r0 ||
          rect.c1 < rect.c0
        ) {
          throw new FakeExcelError("InvalidArgument", "The resulting range is out of bounds.");
        }
        return { sheet: t.sheet, rect };
      },
      json,
    );
  }
  getCell(row: number, col: number): RangeP {
    return this.derived({ m: "getCell", a: [row, col] }, ({ rect }) => ({
      r0: rect.r0 + row,
      c0: rect.c0 + col,
      r1: rect.r0 + row,
      c1: rect.c0 + col,
    }));
  }
  getResizedRange(dRows: number, dCols: number): RangeP {
    return this.derived({ m: "getResizedRange", a: [dRows, dCols] }, ({ rect }) => ({
      ...rect,
      r1: rect.r1 + dRows,
      c1: rect.c1 + dCols,
    }));
  }
  getOffsetRange(dRows: number, dCols: number): RangeP {
    return this.derived({ m: "getOffsetRange", a: [dRows, dCols] }, ({ rect }) => ({
      r0: rect.r0 + dRows,
      c0: rect.c0 + dCols,
      r1: rect.r1 + dRows,
      c1: rect.c1 + dCols,
    }));
  }
  getRow(i: number): RangeP {
    return this.derived({ m: "getRow", a: [i] }, ({ rect }) => ({
      ...rect,
      r0: rect.r0 + i,
      r1: rect.r0 + i,
    }));
  }
  getColumn(i: number): RangeP {
    return this.derived({ m: "getColumn", a: [i] }, ({ rect }) => ({
      ...rect,
      c0: rect.c0 + i,
      c1: rect.c0 + i,
    }));
  }
  select(): void {
    this.ctx.queue({ id: this._id, m: "select" }, () => {
      const t = this.need();
      this.env.state.selection = { sheetId: t.sheet.id, rect: t.rect };
      this.env.state.activeSheetId = t.sheet.id;
    });
  }
  /** applyTo: "All" (default), "Contents" or "Formats"; formats include conditional formats. */
  clear(applyTo = "All"): void {
    this.ctx.queue({ id: this._id, m: "clear", applyTo }, () => {
      const t = this.need();
      t.sheet.assertWritable();
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      for (const [k, cell] of t.sheet.cells) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (r < t.rect.r0 || r > t.rect.r1 || c < t.rect.c0 || c > t.rect.c1) continue;
        if (contents) {
          delete cell.value;
          delete cell.formula;
        }
        if (formats) {
          delete cell.numberFormat;
          delete cell.style;
        }
        if (cell.value === undefined && cell.formula === undefined && !cell.numberFormat && !cell.style)
          t.sheet.cells.delete(k);
      }
      if (formats)
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
      this.env.state.changed();
    });
  }
}

/** Style writes go to every cell of the range (Excel's formats are per cell too). */
function styleWriter(key: keyof CellStyle) {
  return (t: RangeT, v: unknown) => {
    t.sheet.assertWritable();
    for (let r = t.rect.r0; r <= t.rect.r1; r++)
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const cell = t.sheet.touch(r, c);
        cell.style = { ...cell.style, [key]: v };
      }
  };
}

function styleReader(key: keyof CellStyle, fallback: unknown) {
  return (t: RangeT) => {
    let first: unknown;
    for (let r = t.rect.r0; r <= t.rect.r1; r++)
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const v = t.sheet.cell(r, c)?.style?.[key] ?? fallback;
        if (r === t.rect.r0 && c === t.rect.c0) first = v;
        else if (v !== first) return null; // mixed, as Excel reports it
      }
    return first;
  };
}

/** Excel's standard column width: 8.43 characters = 48 points. */
export const STANDARD_COLUMN_WIDTH = 48;

class RangeFormatP extends P<RangeT> {
  readonly fill: FillP;
  readonly font: FontP;
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null) {
    super(ctx, binder, false);
    this.fill = new FillP(ctx, () => this.target());
    this.font = new FontP(ctx, () => this.target());
  }
  protected navs(): Record<string, () => Loadable> {
    return { fill: () => this.fill, font: () => this.font };
  }
  protected specs(): Specs<RangeT> {
    return {
      columnWidth: {
        get: (t) => t.sheet.columnWidths.get(t.rect.c0) ?? STANDARD_COLUMN_WIDTH,
        set: (t, v: number) => {
          t.sheet.assertWritable();
          for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
        },
      },
      useStandardWidth: {
        get: (t) => !t.sheet.columnWidths.has(t.rect.c0),
        set: (t, v: boolean) => {
          if (!v) return;
          for (let c = t.rect.c0; c <= Math.min(t.rect.c1, MAX_COLS - 1); c++) t.sheet.columnWidths.delete(c);
        },
      },
      horizontalAlignment: {
        get: styleReader("horizontalAlignment", "General"),
        set: styleWriter("horizontalAlignment"),
      },
      wrapText: { get: styleReader("wrapText", false), set: styleWriter("wrapText") },
    };
  }
}

/** Range.format.fill: its own class because the base constructor reads specs() before subclass fields exist. */
class FillP extends P<RangeT> {
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<RangeT> {
    return { color: { get: styleReader("fill", "#FFFFFF"), set: styleWriter("fill") } };
  }
  clear(): void {
    this.ctx.queue({ id: this._id, m: "fill.clear" }, () => styleWriter("fill")(this.need(), undefined));
  }
}

class FontP extends P<RangeT> {
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<RangeT> {
    return {
      bold: { get: styleReader("bold", false), set: styleWriter("bold") },
      italic: { get: styleReader("italic", false), set: styleWriter("italic") },
      color: { get: styleReader("fontColor", "#000000"), set: styleWriter("fontColor") },
      size: { get: styleReader("fontSize", 11), set: styleWriter("fontSize") },
    };
  }
}

// ---------------------------------------------------------------- conditional formats, validation

class ConditionalFormatCollectionP extends CollectionP<RangeT, ConditionalFormatP> {
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null) {
    super(ctx, binder, false);
  }
  protected enumerate(t: RangeT): ConditionalFormatP[] {
    return t.sheet.conditionalFormats
      .filter((cf) => intersects(cf.rect, t.rect))
      .map((cf) => new ConditionalFormatP(this.ctx, () => cf, false));
  }
  add(type: string): ConditionalFormatP {
    return new ConditionalFormatP(
      this.ctx,
      () => {
        const t = this.need();
        t.sheet.assertWritable();
        const cf: FakeConditionalFormat = { rect: t.rect, type };
        t.sheet.conditionalFormats.push(cf);
        return cf;
      },
      true,
      { m: "conditionalFormats.add", type },
    );
  }
  clearAll(): void {
    this.ctx.queue({ id: this._id, m: "conditionalFormats.clearAll" }, () => {
      const t = this.need();
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
    });
  }
}

class ConditionalFormatP extends P<FakeConditionalFormat> {
  readonly cellValue: { format: { fill: CfPartP; font: CfPartP }; rule: unknown };
  constructor(
    ctx: FakeRequestContext,
    binder: () => FakeConditionalFormat | null,
    queueBind: boolean,
    json?: unknown,
  ) {
    super(ctx, binder, queueBind, json);
    const fill = new CfPartP(ctx, () => this.target(), "fill");
    const font = new CfPartP(ctx, () => this.target(), "fontColor");
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias -- accessors of a plain object
    this.cellValue = {
      format: { fill, font },
      get rule(): unknown {
        throw notLoaded("rule");
      },
      set rule(v: unknown) {
        ctx.queue({ id: self._id, set: "cellValue.rule", v }, () => {
          const rule = v as FakeConditionalFormat["rule"];
          if (!rule?.operator || rule.formula1 === undefined)
            throw new FakeExcelError("InvalidArgument", "A rule needs operator and formula1.");
          self.need().rule = { ...rule };
        });
      },
    };
  }
  protected specs(): Specs<FakeConditionalFormat> {
    return { type: { get: (cf) => cf.type } };
  }
}

class CfPartP extends P<FakeConditionalFormat> {
  constructor(
    ctx: FakeRequestContext,
    binder: () => FakeConditionalFormat | null,
    private key: "fill" | "fontColor",
  ) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<FakeConditionalFormat> {
    return { color: { get: (cf) => cf[this.key], set: (cf, v: string) => void (cf[this.key] = v) } };
  }
}

class DataValidationP extends P<RangeT> {
  constructor(ctx: FakeRequestContext, binder: () => RangeT | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<RangeT> {
    const own = (t: RangeT) => t.sheet.validations.find((v) => intersects(v.rect, t.rect));
    return {
      rule: {
        get: (t) => own(t)?.rule ?? {},
        set: (t, rule: { list?: { source?: unknown } }) => {
          t.sheet.assertWritable();
          const source = rule?.list?.source;
          if (typeof source === "string" && source.length > 255) {
            throw new FakeExcelError(
              "InvalidArgument",
              "A list source cannot be longer than 255 characters.",
            );
          }
          t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
          t.sheet.validations.push({ rect: t.rect, rule: JSON.parse(JSON.stringify(rule)) });
        },
      },
      prompt: {
        get: (t) => own(t)?.prompt ?? null,
        set: (t, prompt: unknown) => {
          const v = own(t);
          if (!v) throw new FakeExcelError("InvalidOperation", "Set a validation rule before its prompt.");
          v.prompt = JSON.parse(JSON.stringify(prompt));
        },
      },
    };
  }
  clear(): void {
    this.ctx.queue({ id: this._id, m: "dataValidation.clear" }, () => {
      const t = this.need();
      t.sheet.assertWritable();
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
    });
  }
}

// ---------------------------------------------------------------- tables

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

function assertTableName(state: FakeWorkbookState, name: string, self?: FakeTable): void {
  if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
    throw new FakeExcelError("InvalidArgument", `'${name}' is not a valid table name.`);
  }
  const clash = state.tableByName(name);
  const nameClash = state.names.some((n) => n.name.toLowerCase() === name.toLowerCase());
  if ((clash && clash !== self) || nameClash)
    throw new FakeExcelError("ItemAlreadyExists", `The name '${name}' is already used.`);
}

/** Excel turns header cells into unique text: blanks become ColumnN, duplicates get a number. */
function normaliseHeader(env: Env, sheet: FakeSheet, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    const raw = String(env.evaluator.cellValue(sheet, rect.r0, c));
    let name = raw === "" ? `Column${c - rect.c0 + 1}` : raw;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${raw}${i}`;
    seen.add(name.toLowerCase());
    const cell = sheet.touch(rect.r0, c);
    delete cell.formula;
    cell.value = name;
  }
}

class TableCollectionP extends CollectionP<FakeSheet | undefined, TableP> {
  constructor(ctx: FakeRequestContext, binder: () => FakeSheet | undefined) {
    super(ctx, binder as () => FakeSheet | undefined | null, false);
  }
  protected enumerate(sheet: FakeSheet | undefined): TableP[] {
    return this.env.state.tables
      .filter((t) => !sheet || t.sheetId === sheet.id)
      .map((t) => new TableP(this.ctx, () => t, false));
  }
  add(address: string | RangeP, hasHeaders: boolean): TableP {
    const addr = typeof address === "string" ? address : undefined;
    return new TableP(
      this.ctx,
      () => {
        const state = this.env.state;
        const scope = this.target() ?? undefined;
        const { sheet, rect } =
          typeof address === "string"
            ? state.resolveAddress(address, scope ?? state.sheetById(state.activeSheetId!))
            : address.need();
        if (!hasHeaders)
          throw new FakeExcelError("NotImplemented", "The fake models tables with headers only.");
        sheet.assertWritable();
        if (overlappingTable(state, sheet, rect))
          throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
        let n = 1;
        while (state.tableByName(`Table${n}`)) n++;
        const table: FakeTable = {
          id: state.newId("TABLE"),
          name: `Table${n}`,
          sheetId: sheet.id,
          rect,
          style: "TableStyleMedium2",
        };
        normaliseHeader(this.env, sheet, rect);
        state.tables.push(table);
        state.changed();
        return table;
      },
      true,
      { m: "tables.add", address: addr, hasHeaders },
    );
  }
  getItem(name: string): TableP {
    return new TableP(this.ctx, () => this.find(name, false), true, { m: "tables.getItem", name });
  }
  getItemOrNullObject(name: string): TableP {
    return new TableP(this.ctx, () => this.find(name, true), true, { m: "tables.getItemOrNull", name });
  }
  private find(name: string, orNull: boolean): FakeTable | null {
    const sheet = this.target();
    const t = this.env.state.tableByName(name);
    const found = t && (!sheet || t.sheetId === sheet.id) ? t : null;
    if (!found && !orNull) throw new FakeExcelError("ItemNotFound", `The table '${name}' doesn't exist.`);
    return found;
  }
}

class TableP extends P<FakeTable> {
  constructor(ctx: FakeRequestContext, binder: () => FakeTable | null, queueBind: boolean, json?: unknown) {
    super(ctx, binder, queueBind, json);
  }
  protected specs(): Specs<FakeTable> {
    return {
      name: {
        get: (t) => t.name,
        set: (t, v: string) => (assertTableName(this.env.state, v, t), (t.name = v)),
      },
      id: { get: (t) => t.id },
      style: { get: (t) => t.style, set: (t, v: string) => void (t.style = v) },
      showHeaders: { get: () => true },
    };
  }
  protected navs(): Record<string, () => Loadable> {
    return { worksheet: () => this.worksheet, columns: () => this.columns, rows: () => this.rows };
  }
  private sheetOf(t: FakeTable): FakeSheet {
    return this.env.state.sheetById(t.sheetId)!;
  }
  /** Navigation objects are created once per proxy, as in Office.js, so their loaded values stay. */
  private navCache = new Map<string, Loadable>();
  private nav<C extends Loadable>(key: string, make: () => C): C {
    if (!this.navCache.has(key)) this.navCache.set(key, make());
    return this.navCache.get(key) as C;
  }
  get worksheet(): WorksheetP {
    return this.nav(
      "worksheet",
      () =>
        new WorksheetP(
          this.ctx,
          () => {
            const t = this.target();
            return t ? this.sheetOf(t) : null;
          },
          false,
        ),
    );
  }
  get columns(): TableColumnCollectionP {
    return this.nav("columns", () => new TableColumnCollectionP(this.ctx, () => this.target()));
  }
  get rows(): TableRowCollectionP {
    return this.nav("rows", () => new TableRowCollectionP(this.ctx, () => this.target()));
  }
  private part(m: string, f: (t: FakeTable) => Rect): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const t = this.need();
        return { sheet: this.sheetOf(t), rect: f(t) };
      },
      { id: this._id, m },
    );
  }
  getRange(): RangeP {
    return this.part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): RangeP {
    return this.part("getHeaderRowRange", tableHeaderRect);
  }
  getDataBodyRange(): RangeP {
    return this.part("getDataBodyRange", tableBodyRect);
  }
  /** Deletes the table with its cells' contents and formats. */
  delete(): void {
    this.ctx.queue({ id: this._id, m: "table.delete" }, () => {
      const t = this.need();
      const sheet = this.sheetOf(t);
      sheet.assertWritable();
      for (let r = t.rect.r0; r <= t.rect.r1; r++)
        for (let c = t.rect.c0; c <= t.rect.c1; c++) sheet.cells.delete(FakeSheet.key(r, c));
      this.env.state.tables = this.env.state.tables.filter((x) => x !== t);
      this.env.state.changed();
    });
  }
  clearFilters(): void {
    this.ctx.queue({ id: this._id, m: "table.clearFilters" }, () => {
      const t = this.need();
      delete t.filters;
      delete t.customFilters;
    });
  }
  convertToRange(): void {
    this.ctx.queue({ id: this._id, m: "convertToRange" }, () => {
      const t = this.need();
      this.env.state.tables = this.env.state.tables.filter((x) => x !== t);
    });
  }
}

class TableColumnP extends P<{ table: FakeTable; index: number }> {
  protected specs(): Specs<{ table: FakeTable; index: number }> {
    const ev = this.env.evaluator;
    return {
      name: {
        get: ({ table, index }) =>
          ev.cellValue(this.env.state.sheetById(table.sheetId)!, table.rect.r0, table.rect.c0 + index),
      },
      index: { get: ({ index }) => index },
    };
  }
  private filterP?: TableFilterP;
  /** TableColumn.filter: values filters only (recorded on the table; rows are not hidden in the fake). */
  get filter(): TableFilterP {
    return (this.filterP ??= new TableFilterP(this.ctx, () => this.target(), false));
  }
}

class TableFilterP extends P<{ table: FakeTable; index: number }> {
  protected specs(): Specs<{ table: FakeTable; index: number }> {
    return {};
  }
  applyValuesFilter(values: unknown[]): void {
    this.ctx.queue({ id: this._id, m: "filter.applyValuesFilter", values }, () => {
      const { table, index } = this.need();
      table.filters = { ...(table.filters ?? {}), [index]: values.map(String) };
      if (table.customFilters) delete table.customFilters[index];
    });
  }
  /** One criterion only (criteria2 and the operator are not modelled: the add-in does not use them). */
  applyCustomFilter(criteria1: string, criteria2?: string): void {
    if (criteria2 !== undefined) throw new FakeExcelError("NotImplemented", "The fake models one criterion.");
    this.ctx.queue({ id: this._id, m: "filter.applyCustomFilter", criteria1 }, () => {
      const { table, index } = this.need();
      table.customFilters = { ...(table.customFilters ?? {}), [index]: String(criteria1) };
      if (table.filters) delete table.filters[index];
    });
  }
  clear(): void {
    this.ctx.queue({ id: this._id, m: "filter.clear" }, () => {
      const { table, index } = this.need();
      if (table.filters) delete table.filters[index];
      if (table.customFilters) delete table.customFilters[index];
    });
  }
}

class TableColumnCollectionP extends CollectionP<FakeTable, TableColumnP> {
  constructor(ctx: FakeRequestContext, binder: () => FakeTable | null) {
    super(ctx, binder, false);
  }
  protected enumerate(t: FakeTable): TableColumnP[] {
    return Array.from(
      { length: rectCols(t.rect) },
      (_, index) => new TableColumnP(this.ctx, () => ({ table: t, index }), false),
    );
  }
  getItemAt(index: number): TableColumnP {
    return new TableColumnP(
      this.ctx,
      () => {
        const table = this.need();
        if (index < 0 || index >= rectCols(table.rect))
          throw new FakeExcelError("InvalidArgument", `The table has no column ${index}.`);
        return { table, index };
      },
      true,
      { m: "columns.getItemAt", index },
    );
  }
}

class TableRowCollectionP extends P<FakeTable> {
  constructor(ctx: FakeRequestContext, binder: () => FakeTable | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<FakeTable> {
    return { count: { get: (t) => rectRows(t.rect) - 1 } };
  }
  /** Appends rows at the bottom (index must be the end or omitted); cells below are not shifted. */
  add(index: number | null | undefined, values: unknown[][]): void {
    this.ctx.queue({ id: this._id, m: "rows.add", index, values }, () => {
      const t = this.need();
      const sheet = this.env.state.sheetById(t.sheetId)!;
      const count = rectRows(t.rect) - 1;
      if (index !== undefined && index !== null && index !== -1 && index !== count) {
        throw new FakeExcelError("NotImplemented", "The fake appends table rows at the end only.");
      }
      const rect = { r0: t.rect.r1 + 1, c0: t.rect.c0, r1: t.rect.r1 + values.length, c1: t.rect.c1 };
      writeCells({ sheet, rect }, values);
      t.rect = { ...t.rect, r1: rect.r1 };
    });
  }
}

// ---------------------------------------------------------------- charts, names

const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "Pie",
  "Doughnut",
  "Line",
  "LineMarkers",
  "Area",
  "XYScatter",
]);

class ChartCollectionP extends CollectionP<FakeSheet, ChartP> {
  constructor(ctx: FakeRequestContext, binder: () => FakeSheet | null) {
    super(ctx, binder, false);
  }
  protected enumerate(sheet: FakeSheet): ChartP[] {
    return sheet.charts.map((c) => new ChartP(this.ctx, () => ({ sheet, chart: c }), false));
  }
  add(type: string, source: RangeP, seriesBy = "Auto"): ChartP {
    return new ChartP(
      this.ctx,
      () => {
        const sheet = this.need();
        sheet.assertWritable();
        if (!CHART_TYPES.has(type))
          throw new FakeExcelError("InvalidArgument", `Unknown chart type '${type}'.`);
        const src = source.need();
        let n = 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const chart: FakeChart = {
          id: this.env.state.newId("CHART"),
          name: `Chart ${n}`,
          type,
          seriesBy,
          title: "",
          source: this.env.state.fullAddress(src.sheet, src.rect),
        };
        sheet.charts.push(chart);
        return { sheet, chart };
      },
      true,
      { m: "charts.add", type, source: source._id, seriesBy },
    );
  }
}

class ChartP extends P<{ sheet: FakeSheet; chart: FakeChart }> {
  readonly title: ChartTitleP;
  constructor(
    ctx: FakeRequestContext,
    binder: () => { sheet: FakeSheet; chart: FakeChart } | null,
    queueBind: boolean,
    json?: unknown,
  ) {
    super(ctx, binder, queueBind, json);
    this.title = new ChartTitleP(ctx, () => this.target()?.chart ?? null);
  }
  protected specs(): Specs<{ sheet: FakeSheet; chart: FakeChart }> {
    return {
      name: { get: ({ chart }) => chart.name, set: ({ chart }, v: string) => void (chart.name = v) },
      id: { get: ({ chart }) => chart.id },
      chartType: { get: ({ chart }) => chart.type },
    };
  }
  protected navs(): Record<string, () => Loadable> {
    return { title: () => this.title };
  }
  setPosition(start: string | RangeP, end?: string | RangeP): void {
    const addr = (x: string | RangeP | undefined) =>
      x === undefined || typeof x === "string" ? x : x.need();
    this.ctx.queue(
      {
        id: this._id,
        m: "setPosition",
        start: typeof start === "string" ? start : start._id,
        end: typeof end === "string" ? end : end?._id,
      },
      () => {
        const { sheet, chart } = this.need();
        const s = addr(start);
        const e = addr(end);
        const a = (x: string | RangeT | undefined) =>
          x === undefined
            ? undefined
            : typeof x === "string"
              ? this.env.state.fullAddress(sheet, this.env.state.resolveAddress(x, sheet).rect)
              : this.env.state.fullAddress(x.sheet, x.rect);
        chart.from = a(s);
        chart.to = a(e);
      },
    );
  }
  delete(): void {
    this.ctx.queue({ id: this._id, m: "chart.delete" }, () => {
      const { sheet, chart } = this.need();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartTitleP extends P<FakeChart> {
  constructor(ctx: FakeRequestContext, binder: () => FakeChart | null) {
    super(ctx, binder, false);
  }
  protected specs(): Specs<FakeChart> {
    return { text: { get: (c) => c.title, set: (c, v: string) => void (c.title = v) } };
  }
}

class NamedItemCollectionP extends CollectionP<FakeWorkbookState, NamedItemP> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.env.state, false);
  }
  protected enumerate(s: FakeWorkbookState): NamedItemP[] {
    return s.names.map((n) => new NamedItemP(this.ctx, () => n, false));
  }
  add(name: string, reference: string | RangeP): NamedItemP {
    return new NamedItemP(
      this.ctx,
      () => {
        const state = this.env.state;
        if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw new FakeExcelError("InvalidArgument", `'${name}' is not a valid name.`);
        if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || state.tableByName(name)) {
          throw new FakeExcelError("ItemAlreadyExists", `The name '${name}' already exists.`);
        }
        let formula: string;
        if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const t = reference.need();
          formula = `=${state.fullAddress(t.sheet, t.rect)}`;
        }
        const item = { name, formula };
        state.names.push(item);
        state.changed();
        return item;
      },
      true,
      { m: "names.add", name, reference: typeof reference === "string" ? reference : reference._id },
    );
  }
  getItemOrNullObject(name: string): NamedItemP {
    return new NamedItemP(
      this.ctx,
      () => this.env.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
      { m: "names.getItemOrNull", name },
    );
  }
  getItem(name: string): NamedItemP {
    return new NamedItemP(
      this.ctx,
      () => {
        const n = this.env.state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) throw new FakeExcelError("ItemNotFound", `The name '${name}' doesn't exist.`);
        return n;
      },
      true,
      { m: "names.getItem", name },
    );
  }
}

class NamedItemP extends P<{ name: string; formula: string }> {
  constructor(
    ctx: FakeRequestContext,
    binder: () => { name: string; formula: string } | null,
    queueBind: boolean,
    json?: unknown,
  ) {
    super(ctx, binder, queueBind, json);
  }
  protected specs(): Specs<{ name: string; formula: string }> {
    return { name: { get: (n) => n.name }, formula: { get: (n) => n.formula }, type: { get: () => "Range" } };
  }
  delete(): void {
    this.ctx.queue({ id: this._id, m: "name.delete" }, () => {
      const n = this.need();
      this.env.state.names = this.env.state.names.filter((x) => x !== n);
      this.env.state.changed();
    });
  }
}

// ---------------------------------------------------------------- entry point and test helpers

export interface FakeExcel {
  Excel: { run<R>(batch: (context: Excel.RequestContext) => Promise<R>): Promise<R> };
  Office: {
    context: { document: { settings: FakeSettings }; displayLanguage: string };
    AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
  };
  workbook: FakeWorkbookState;
  stats: FakeStats;
  /** A fresh request context, for tests that drive the adapter directly. */
  newContext(): Excel.RequestContext;
  evaluator: Evaluator;
  /** Fault injection, changeable between calls (see FakeFaults). */
  faults: FakeFaults;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const state = new FakeWorkbookState();
  for (const name of options.sheets ?? ["Blad1"]) state.addSheet(name);
  const stats: FakeStats = {
    syncCount: 0,
    requestSizes: [],
    responseSizes: [],
    maxRequestSize: 0,
    suspendCalculationCalls: 0,
  };
  const evaluator = new Evaluator(state, options.customFunctions ?? {});
  const faults: FakeFaults = { ...options.faults };
  const env: Env = { state, evaluator, limit: options.payloadLimit ?? 5 * 1024 * 1024, stats, faults };
  const newContext = () => new FakeRequestContext(env) as unknown as Excel.RequestContext;
  return {
    Excel: {
      // Like Excel.run: the batch's pending operations are sent when it finishes.
      async run<R>(batch: (context: Excel.RequestContext) => Promise<R>): Promise<R> {
        const ctx = new FakeRequestContext(env);
        const result = await batch(ctx as unknown as Excel.RequestContext);
        if (ctx.pendingCount > 0) await ctx.sync();
        return result;
      },
    },
    Office: {
      context: {
        document: { settings: new FakeSettings(state) },
        displayLanguage: options.displayLanguage ?? "nl-NL",
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    },
    workbook: state,
    stats,
    newContext,
    evaluator,
    faults,
  };
}

/** Sets up user content directly (no sync, no stats): `setCells(wb, "Blad1", "A1", [[...]])`. */
export function setCells(
  state: FakeWorkbookState,
  sheetName: string,
  topLeft: string,
  rows: unknown[][],
): void {
  const sheet = state.sheetByName(sheetName) ?? state.addSheet(sheetName);
  const at = parseLocal(topLeft)!;
  const cols = Math.max(...rows.map((r) => r.length));
  const rect = { r0: at.r0, c0: at.c0, r1: at.r0 + rows.length - 1, c1: at.c0 + cols - 1 };
  const padded = rows.map((r) => [...r, ...Array(cols - r.length).fill(null)]);
  const wasProtected = sheet.protected;
  sheet.protected = false;
  writeCells({ sheet, rect }, padded);
  sheet.protected = wasProtected;
  state.changed();
}

/** Adds a table directly (headers in the first row of the range; blank headers become ColumnN as in Excel). */
export function addTable(state: FakeWorkbookState, sheetName: string, address: string, name: string): void {
  const sheet = state.sheetByName(sheetName)!;
  const rect = parseLocal(address)!;
  for (let c = rect.c0; c <= rect.c1; c++) {
    const cell = sheet.touch(rect.r0, c);
    if (cell.value === undefined && cell.formula === undefined) cell.value = `Column${c - rect.c0 + 1}`;
  }
  state.tables.push({ id: state.newId("TABLE"), name, sheetId: sheet.id, rect, style: "TableStyleLight1" });
  state.changed();
}

export interface CellSnapshot {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface SheetSnapshot {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<number, number>;
  freezeRows: number;
  tables: { name: string; address: string; style: string }[];
  charts: Omit<FakeChart, "id">[];
  conditionalFormats: (Omit<FakeConditionalFormat, "rect"> & { address: string })[];
  validations: { address: string; rule: unknown; prompt?: unknown }[];
}

/** Everything about one sheet, as plain data, to prove a sheet is unchanged or equal after a re-render. */
export function snapshotSheet(fake: FakeExcel | FakeWorkbookState, name: string): SheetSnapshot {
  const state = fake instanceof FakeWorkbookState ? fake : fake.workbook;
  const ev = fake instanceof FakeWorkbookState ? new Evaluator(state) : fake.evaluator;
  const sheet = state.sheetByName(name);
  if (!sheet) throw new Error(`No sheet '${name}'`);
  const local = (r: Rect) => state.fullAddress(sheet, r).split("!")[1];
  const cells: Record<string, CellSnapshot> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const cell = sheet.cells.get(k)!;
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    const snap: CellSnapshot = { value: ev.cellValue(sheet, r, c) };
    if (cell.formula) snap.formula = cell.formula;
    if (cell.numberFormat) snap.numberFormat = cell.numberFormat;
    if (cell.style && Object.values(cell.style).some((v) => v !== undefined)) snap.style = { ...cell.style };
    cells[local({ r0: r, c0: c, r1: r, c1: c })] = snap;
  }
  return {
    name: sheet.name,
    id: sheet.id,
    visibility: sheet.visibility,
    protected: sheet.protected,
    cells,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    freezeRows: sheet.freezeRows,
    tables: state.tables
      .filter((t) => t.sheetId === sheet.id)
      .map((t) => ({ name: t.name, address: local(t.rect), style: t.style })),
    charts: sheet.charts.map(({ id: _id, ...rest }) => rest),
    conditionalFormats: sheet.conditionalFormats.map(({ rect, ...rest }) => ({
      ...rest,
      address: local(rect),
    })),
    validations: sheet.validations.map((v) => ({
      address: local(v.rect),
      rule: v.rule,
      ...(v.prompt ? { prompt: v.prompt } : {}),
    })),
  };
}
