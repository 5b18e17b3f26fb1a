/**
 * A small Excel formula evaluator for the fake: enough for the sheets this add-in writes
 * (arithmetic, comparisons, &, cell/range/whole-column refs across quoted sheet names,
 * structured refs Table[Column], SUM/SUMIF(S)/COUNTIF(S)/IF/IFERROR/ROUND/ABS/MIN/MAX/AND/OR/NOT).
 * Unknown functions go to a hook (custom functions) or give #NAME?.
 */
import { MAX_ROWS, Rect, parseLocal } from "./fake-address";
import { FakeSheet, FakeWorkbookState, Scalar, tableBodyRect } from "./fake-state";

export class XlError {
  constructor(public code: string) {}
}
export const ERR = {
  div0: new XlError("#DIV/0!"),
  value: new XlError("#VALUE!"),
  name: new XlError("#NAME?"),
  ref: new XlError("#REF!"),
  na: new XlError("#N/A"),
  num: new XlError("#NUM!"),
};

interface RangeRef {
  kind: "range";
  sheet: FakeSheet;
  rect: Rect;
}
type Blank = null;
type Value = Scalar | Blank | XlError | RangeRef;

export type CustomFunctions = Record<string, (args: unknown[]) => unknown>;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: XlError }
  | { t: "ref"; sheet?: string; local: string }
  | { t: "name"; v: string }
  | { t: "struct"; table: string; column: string }
  | { t: "un"; op: string; a: Node }
  | { t: "pct"; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "call"; name: string; args: Node[] };

/** Recursive-descent parser over the formula text (without the leading "="). */
class Parser {
  private i = 0;
  constructor(private s: string) {}

  parse(): Node {
    const n = this.comparison();
    this.ws();
    if (this.i < this.s.length) throw new Error(`Unexpected '${this.s.slice(this.i)}'`);
    return n;
  }

  private ws(): void {
    while (this.s[this.i] === " ") this.i++;
  }

  private peek(re: RegExp): RegExpExecArray | null {
    this.ws();
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    return m && m.index === this.i ? m : null;
  }

  private take(re: RegExp): RegExpExecArray | null {
    const m = this.peek(re);
    if (m) this.i += m[0].length;
    return m;
  }

  private binary(next: () => Node, ops: RegExp): Node {
    let a = next();
    for (let m = this.take(ops); m; m = this.take(ops)) a = { t: "bin", op: m[0], a, b: next() };
    return a;
  }

  private comparison = (): Node => this.binary(this.concat, /<>|<=|>=|=|<|>/y);
  private concat = (): Node => this.binary(this.additive, /&/y);
  private additive = (): Node => this.binary(this.multiplicative, /[+-]/y);
  private multiplicative = (): Node => this.binary(this.power, /[*/]/y);
  private power = (): Node => this.binary(this.unary, /\^/y);

  private unary = (): Node => {
    const m = this.take(/[+-]/y);
    if (m) return { t: "un", op: m[0], a: this.unary() };
    let n = this.primary();
    while (this.take(/%/y)) n = { t: "pct", a: n };
    return n;
  };

  private primary(): Node {
    if (this.take(/\(/y)) {
      const n = this.comparison();
      if (!this.take(/\)/y)) throw new Error("Missing )");
      return n;
    }
    let m = this.take(/"((?:[^"]|"")*)"/y);
    if (m) return { t: "str", v: m[1].replace(/""/g, '"') };
    m = this.take(/#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A|NUM!)/y);
    if (m) return { t: "err", v: new XlError(m[0]) };
    m = this.take(/(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/y);
    if (m) return this.reference(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    m = this.take(/(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y);
    if (m) return { t: "num", v: Number(m[0]) };
    if (
      this.peek(
        /\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_.([])|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_])/y,
      )
    ) {
      return this.reference(undefined);
    }
    m = this.take(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/y);
    if (m) return { t: "call", name: m[1].toUpperCase(), args: this.args() };
    m = this.take(/([A-Za-z_][A-Za-z0-9_.]*)\[\[?([^\]]+)\]?\]/y);
    if (m) return { t: "struct", table: m[1], column: m[2] };
    m = this.take(/[A-Za-z_][A-Za-z0-9_.]*/y);
    if (m) {
      const up = m[0].toUpperCase();
      if (up === "TRUE" || up === "FALSE") return { t: "bool", v: up === "TRUE" };
      return { t: "name", v: m[0] };
    }
    throw new Error(`Cannot parse at '${this.s.slice(this.i)}'`);
  }

  private reference(sheet: string | undefined): Node {
    const cell =
      /\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+/y;
    const m = this.take(cell);
    if (!m) throw new Error("Bad reference");
    return { t: "ref", sheet, local: m[0] };
  }

  private args(): Node[] {
    const args: Node[] = [];
    if (this.take(/\)/y)) return args;
    for (;;) {
      args.push(this.peek(/[,)]/y) ? { t: "str", v: "" } : this.comparison());
      if (this.take(/\)/y)) return args;
      if (!this.take(/,/y)) throw new Error("Expected , or )");
    }
  }
}

/** Evaluates formulas of one workbook; results are cached until the workbook changes. */
export class Evaluator {
  private cache = new Map<string, Scalar | Blank | XlError>();
  private generation = -1;
  private asts = new Map<string, Node | XlError>();
  private inProgress = new Set<string>();
  private lastRows = new Map<string, number>();

  constructor(
    private state: FakeWorkbookState,
    private custom: CustomFunctions = {},
  ) {}

  /** The value Excel shows in `values` for a cell: "" for blanks, error codes as strings. */
  cellValue(sheet: FakeSheet, r: number, c: number): Scalar {
    const v = this.cellRaw(sheet, r, c);
    if (v === null) return "";
    return v instanceof XlError ? v.code : v;
  }

  private cellRaw(sheet: FakeSheet, r: number, c: number): Scalar | Blank | XlError {
    const cell = sheet.cell(r, c);
    if (!cell || cell.formula === undefined) return cell?.value ?? null;
    this.freshen();
    const key = `${sheet.id}|${r}|${c}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.inProgress.has(key)) return 0; // circular reference: Excel shows 0 and warns
    this.inProgress.add(key);
    try {
      const result = this.toScalar(this.evalFormula(cell.formula, sheet));
      this.cache.set(key, result);
      return result;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private freshen(): void {
    if (this.generation === this.state.generation) return;
    this.cache.clear();
    this.lastRows.clear();
    this.generation = this.state.generation;
  }

  private evalFormula(formula: string, sheet: FakeSheet): Value {
    let ast = this.asts.get(formula);
    if (!ast) {
      try {
        ast = new Parser(formula.slice(1)).parse();
      } catch {
        ast = ERR.name; // Excel would refuse the input; the fake shows it as an error instead
      }
      this.asts.set(formula, ast);
    }
    return ast instanceof XlError ? ast : this.ev(ast, sheet);
  }

  private ev(n: Node, here: FakeSheet): Value {
    switch (n.t) {
      case "num":
      case "str":
      case "bool":
      case "err":
        return n.v;
      case "ref":
        return this.ref(n.sheet, n.local, here);
      case "name":
        return this.definedName(n.v, here);
      case "struct":
        return this.structured(n.table, n.column);
      case "un": {
        const x = this.num(this.ev(n.a, here));
        return x instanceof XlError ? x : n.op === "-" ? -x : x;
      }
      case "pct": {
        const x = this.num(this.ev(n.a, here));
        return x instanceof XlError ? x : x / 100;
      }
      case "bin":
        return this.binary(n.op, this.ev(n.a, here), this.ev(n.b, here));
      case "call":
        return this.call(n.name, n.args, here);
    }
  }

  private ref(sheetName: string | undefined, local: string, here: FakeSheet): Value {
    const sheet = sheetName === undefined ? here : this.state.sheetByName(sheetName);
    const rect = parseLocal(local);
    if (!sheet || !rect) return ERR.ref;
    if (rect.r1 === MAX_ROWS - 1) rect.r1 = Math.max(rect.r0, this.lastRow(sheet));
    return { kind: "range", sheet, rect };
  }

  /** Whole-column refs are clipped to the sheet's last used row (same for every column of a sheet). */
  private lastRow(sheet: FakeSheet): number {
    this.freshen();
    let last = this.lastRows.get(sheet.id);
    if (last === undefined) {
      last = sheet.usedRect(true)?.r1 ?? 0;
      this.lastRows.set(sheet.id, last);
    }
    return last;
  }

  private definedName(name: string, here: FakeSheet): Value {
    const item = this.state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return item ? this.evalFormula(item.formula, here) : ERR.name;
  }

  private structured(tableName: string, column: string): Value {
    const table = this.state.tableByName(tableName);
    const sheet = table && this.state.sheetById(table.sheetId);
    if (!table || !sheet) return ERR.ref;
    for (let c = table.rect.c0; c <= table.rect.c1; c++) {
      if (String(this.cellValue(sheet, table.rect.r0, c)).toLowerCase() === column.toLowerCase()) {
        return { kind: "range", sheet, rect: { ...tableBodyRect(table), c0: c, c1: c } };
      }
    }
    return ERR.ref;
  }

  private toScalar(v: Value): Scalar | Blank | XlError {
    if (v === null || typeof v !== "object" || v instanceof XlError) return v;
    const { rect, sheet } = v;
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) return ERR.value;
    return this.cellRaw(sheet, rect.r0, rect.c0);
  }

  private num(v: Value): number | XlError {
    const s = this.toScalar(v);
    if (s === null) return 0;
    if (s instanceof XlError || typeof s === "number") return s;
    if (typeof s === "boolean") return s ? 1 : 0;
    const n = s.trim() === "" ? NaN : Number(s);
    return Number.isNaN(n) ? ERR.value : n;
  }

  private text(v: Value): string | XlError {
    const s = this.toScalar(v);
    if (s === null) return "";
    if (s instanceof XlError) return s;
    if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
    return String(s);
  }

  private bool(v: Value): boolean | XlError {
    const s = this.toScalar(v);
    if (s instanceof XlError) return s;
    if (typeof s === "string") {
      if (/^(true|false)$/i.test(s)) return s.toLowerCase() === "true";
      return ERR.value;
    }
    return Boolean(s);
  }

  private binary(op: string, a: Value, b: Value): Value {
    if (op === "&") {
      const x = this.text(a);
      const y = this.text(b);
      return x instanceof XlError ? x : y instanceof XlError ? y : x + y;
    }
    if (/^[-+*/^]$/.test(op)) {
      const x = this.num(a);
      const y = this.num(b);
      if (x instanceof XlError) return x;
      if (y instanceof XlError) return y;
      if (op === "+") return x + y;
      if (op === "-") return x - y;
      if (op === "*") return x * y;
      if (op === "/") return y === 0 ? ERR.div0 : x / y;
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : ERR.num;
    }
    const x = this.toScalar(a);
    const y = this.toScalar(b);
    if (x instanceof XlError) return x;
    if (y instanceof XlError) return y;
    const c = compare(x, y);
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
  }

  /** Every cell of the arguments (ranges expanded), for SUM/MIN/MAX/AND/OR. */
  private *flatten(args: Value[]): Generator<{ v: Scalar | Blank | XlError; fromRange: boolean }> {
    for (const a of args) {
      if (a !== null && typeof a === "object" && !(a instanceof XlError)) {
        for (let r = a.rect.r0; r <= a.rect.r1; r++)
          for (let c = a.rect.c0; c <= a.rect.c1; c++)
            yield { v: this.cellRaw(a.sheet, r, c), fromRange: true };
      } else yield { v: a, fromRange: false };
    }
  }

  private numbers(args: Value[]): number[] | XlError {
    const out: number[] = [];
    for (const { v, fromRange } of this.flatten(args)) {
      if (v instanceof XlError) return v;
      if (fromRange) {
        if (typeof v === "number") out.push(v);
      } else {
        const n = this.num(v);
        if (n instanceof XlError) return n;
        out.push(n);
      }
    }
    return out;
  }

  private call(name: string, argNodes: Node[], here: FakeSheet): Value {
    const lazy = (i: number): Value => (i < argNodes.length ? this.ev(argNodes[i], here) : null);
    if (name === "IF") {
      const c = this.bool(lazy(0));
      if (c instanceof XlError) return c;
      return c ? lazy(1) : argNodes.length > 2 ? lazy(2) : false;
    }
    if (name === "IFERROR") {
      const v = this.toScalar(lazy(0));
      return v instanceof XlError ? lazy(1) : v;
    }
    const args = argNodes.map((a) => this.ev(a, here));
    switch (name) {
      case "SUM":
        return reduceNums(this.numbers(args), (xs) => xs.reduce((s, x) => s + x, 0));
      case "MIN":
        return reduceNums(this.numbers(args), (xs) => (xs.length ? Math.min(...xs) : 0));
      case "MAX":
        return reduceNums(this.numbers(args), (xs) => (xs.length ? Math.max(...xs) : 0));
      case "ABS":
        return mapNum(this.num(args[0] ?? null), Math.abs);
      case "ROUND":
        return this.round(args[0] ?? null, args[1] ?? 0);
      case "AND":
      case "OR":
        return this.logical(name, args);
      case "NOT":
        return mapBool(this.bool(args[0] ?? null), (b) => !b);
      case "SUMIFS":
        return this.sumifs(args[0], args.slice(1));
      case "SUMIF":
        return this.sumifs(args[2] ?? args[0], [args[0], args[1]]);
      case "COUNTIFS":
      case "COUNTIF":
        return this.countifs(args);
      case "LEFT":
        return this.left(args[0] ?? null, args.length > 1 ? args[1] : 1);
      case "NA":
        return ERR.na;
      case "ISERROR":
        return this.toScalar(args[0] ?? null) instanceof XlError;
      default:
        return this.custom_(name, args);
    }
  }

  /** LEFT(text, [n]): the first n characters (n defaults to 1; negative is #VALUE!). */
  private left(x: Value, count: Value): Value {
    const t = this.text(x);
    const n = this.num(count);
    if (t instanceof XlError) return t;
    if (n instanceof XlError) return n;
    if (n < 0) return ERR.value;
    return t.slice(0, Math.trunc(n));
  }

  private round(x: Value, digits: Value): Value {
    const v = this.num(x);
    const d = this.num(digits);
    if (v instanceof XlError) return v;
    if (d instanceof XlError) return d;
    const f = Math.pow(10, Math.trunc(d));
    // Excel rounds half away from zero; the epsilon absorbs binary fractions like 2.675.
    return (Math.sign(v) * Math.round(Math.abs(v) * f + 1e-9)) / f;
  }

  private logical(name: string, args: Value[]): Value {
    const bools: boolean[] = [];
    for (const { v, fromRange } of this.flatten(args)) {
      if (v instanceof XlError) return v;
      if (fromRange && typeof v !== "boolean" && typeof v !== "number") continue;
      const b = this.bool(v);
      if (b instanceof XlError) return b;
      bools.push(b);
    }
    if (bools.length === 0) return ERR.value;
    return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
  }

  private ranges(args: Value[]): RangeRef[] | XlError {
    const out: RangeRef[] = [];
    for (const a of args) {
      if (a === null || typeof a !== "object" || a instanceof XlError) return ERR.value;
      out.push(a);
    }
    return out;
  }

  /** Row/column offsets (relative to each range's top-left) where every criterion holds. */
  private matches(pairs: Value[]): Array<[number, number]> | XlError {
    const rs = this.ranges(pairs.filter((_, i) => i % 2 === 0));
    if (rs instanceof XlError) return rs;
    if (rs.length === 0 || pairs.length % 2 !== 0) return ERR.value;
    const rows = rs[0].rect.r1 - rs[0].rect.r0 + 1;
    const cols = rs[0].rect.c1 - rs[0].rect.c0 + 1;
    if (rs.some((r) => r.rect.r1 - r.rect.r0 + 1 !== rows || r.rect.c1 - r.rect.c0 + 1 !== cols))
      return ERR.value;
    const tests = pairs.filter((_, i) => i % 2 === 1).map((c) => criterion(this.toScalar(c)));
    const out: Array<[number, number]> = [];
    for (let dr = 0; dr < rows; dr++)
      for (let dc = 0; dc < cols; dc++) {
        const ok = rs.every((r, k) => tests[k](this.cellRaw(r.sheet, r.rect.r0 + dr, r.rect.c0 + dc)));
        if (ok) out.push([dr, dc]);
      }
    return out;
  }

  private sumifs(sumArg: Value | undefined, pairs: Value[]): Value {
    const sr = this.ranges([sumArg ?? null]);
    if (sr instanceof XlError) return sr;
    const hits = this.matches(pairs);
    if (hits instanceof XlError) return hits;
    let total = 0;
    for (const [dr, dc] of hits) {
      const v = this.cellRaw(sr[0].sheet, sr[0].rect.r0 + dr, sr[0].rect.c0 + dc);
      if (v instanceof XlError) return v;
      if (typeof v === "number") total += v;
    }
    return total;
  }

  private countifs(pairs: Value[]): Value {
    const hits = this.matches(pairs);
    return hits instanceof XlError ? hits : hits.length;
  }

  private custom_(name: string, args: Value[]): Value {
    const entry = Object.entries(this.custom).find(([k]) => k.toUpperCase() === name);
    if (!entry) return ERR.name;
    const plain = args.map((a) => {
      if (a instanceof XlError) return a.code;
      if (a === null || typeof a !== "object") return a;
      const grid: Scalar[][] = [];
      for (let r = a.rect.r0; r <= a.rect.r1; r++) {
        const row: Scalar[] = [];
        for (let c = a.rect.c0; c <= a.rect.c1; c++) row.push(this.cellValue(a.sheet, r, c));
        grid.push(row);
      }
      return grid;
    });
    const result = entry[1](plain);
    if (typeof result === "string" && /^#[A-Z/0!?]+/.test(result)) return new XlError(result);
    if (typeof result === "number" || typeof result === "string" || typeof result === "boolean")
      return result;
    return ERR.value;
  }
}

function reduceNums(xs: number[] | XlError, f: (xs: number[]) => number): Value {
  return xs instanceof XlError ? xs : f(xs);
}

function mapNum(x: number | XlError, f: (x: number) => number): Value {
  return x instanceof XlError ? x : f(x);
}

function mapBool(x: boolean | XlError, f: (x: boolean) => boolean): Value {
  return x instanceof XlError ? x : f(x);
}

/** Excel's ordering: numbers < text < booleans; text compares case-insensitively; blank is 0 or "". */
function compare(a: Scalar | Blank, b: Scalar | Blank): number {
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const rank = (x: Scalar) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** A SUMIFS/COUNTIFS criterion: "x", ">5", "<>", "=", wildcards * and ?, or a number. */
function criterion(c: Scalar | Blank | XlError): (v: Scalar | Blank | XlError) => boolean {
  if (c instanceof XlError) return (v) => v instanceof XlError && v.code === c.code;
  if (c === null) return (v) => v === null || v === "";
  if (typeof c === "number" || typeof c === "boolean")
    return (v) => v === c || (typeof v === "string" && v !== "" && Number(v) === c);
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(c)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const n = operand.trim() === "" ? NaN : Number(operand);
  if (!Number.isNaN(n)) {
    return (v) => {
      const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      if (Number.isNaN(x)) return op === "<>";
      return { "=": x === n, "<>": x !== n, "<": x < n, ">": x > n, "<=": x <= n, ">=": x >= n }[
        op
      ] as boolean;
    };
  }
  if (operand === "") {
    if (op === "=") return (v) => v === null || v === "";
    if (op === "<>") return (v) => v !== null && v !== "";
  }
  const re = new RegExp(
    "^" +
      operand
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".") +
      "$",
    "is",
  );
  return (v) => {
    const s = v === null || v instanceof XlError ? "" : typeof v === "string" ? v : null;
    if (op === "=") return s !== null && re.test(s);
    if (op === "<>") return s === null || !re.test(s);
    if (s === null || v === null) return false;
    const cmp = compare(s, operand);
    return { "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[op] as boolean;
  };
}
