/**
 * A small formula evaluator for the tests: enough of Excel's semantics (SUMIFS, COUNTIFS, IF, IFERROR,
 * ROUND, ABS, LEFT, SUM, INDEX/MATCH, arithmetic and comparisons) to recalculate the layouts' formulas
 * independently of the engine, over the cells the layouts write.
 */
import { CellValue } from "../../../src/model/types";
import { columnLetter, columnNumber } from "../../../src/model/layout/a1";
import { Formula, isFormula, LayoutCell, SheetLayout } from "../../../src/model/layout/types";

interface EvalError {
  error: string;
}
type Scalar = number | string | boolean | null | EvalError;
interface RangeValue {
  sheet: string;
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}
type Value = Scalar | RangeValue;

const isErr = (x: unknown): x is EvalError => typeof x === "object" && x !== null && "error" in x;
const isRange = (x: unknown): x is RangeValue => typeof x === "object" && x !== null && "c1" in x;

export function splitAddress(a1: string): { column: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

/** All cells of a set of layouts, by sheet and address. */
export class Workbook {
  readonly sheets = new Map<string, Map<string, LayoutCell>>();
  private cache = new Map<string, Scalar>();
  private evaluating = new Set<string>();

  constructor(layouts: SheetLayout[]) {
    for (const layout of layouts) {
      const cells = new Map<string, LayoutCell>();
      for (const block of layout.blocks) {
        const { column, row } = splitAddress(block.at);
        block.cells.forEach((rowCells, dr) =>
          rowCells.forEach((value, dc) => cells.set(`${columnLetter(column + dc)}${row + dr}`, value)),
        );
      }
      this.sheets.set(layout.name, cells);
    }
  }

  /** Overwrite one cell (e.g. a user edit) and forget every computed value. */
  set(sheet: string, address: string, value: LayoutCell): void {
    this.sheets.get(sheet)!.set(address, value);
    this.cache.clear();
  }

  raw(sheet: string, address: string): LayoutCell {
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return s.get(address.replace(/\$/g, ""));
  }

  /** The value of a cell, formulas recalculated. */
  value(sheet: string, address: string): Scalar {
    const addr = address.replace(/\$/g, "");
    const id = `${sheet}!${addr}`;
    if (this.cache.has(id)) return this.cache.get(id)!;
    const raw = this.raw(sheet, addr);
    let result: Scalar;
    if (isFormula(raw)) {
      if (this.evaluating.has(id)) throw new Error(`circular reference at ${id}`);
      this.evaluating.add(id);
      try {
        result = this.evaluate(raw, sheet);
      } finally {
        this.evaluating.delete(id);
      }
    } else {
      result = raw === undefined || raw === "" ? null : (raw as CellValue as Scalar);
    }
    this.cache.set(id, result);
    return result;
  }

  evaluate(formula: Formula, sheet: string): Scalar {
    const parser = new Parser(formula.formula.replace(/^=/, ""), sheet, this);
    const v = parser.parse();
    return this.scalar(v);
  }

  scalar(v: Value): Scalar {
    if (isRange(v)) {
      if (v.c1 === v.c2 && v.r1 === v.r2) return this.value(v.sheet, `${columnLetter(v.c1)}${v.r1}`);
      return { error: "#VALUE!" };
    }
    return v;
  }

  lastRow(sheet: string): number {
    let last = 0;
    for (const a of this.sheets.get(sheet)?.keys() ?? []) last = Math.max(last, splitAddress(a).row);
    return last;
  }

  cellsOf(v: RangeValue): Scalar[] {
    const out: Scalar[] = [];
    const last = v.r2 === WHOLE_COLUMN ? this.lastRow(v.sheet) : v.r2;
    for (let r = v.r1; r <= last; r++)
      for (let c = v.c1; c <= v.c2; c++) out.push(this.value(v.sheet, `${columnLetter(c)}${r}`));
    return out;
  }
}

/** The last row with a cell on a sheet: where a whole-column reference ends. */
export const WHOLE_COLUMN = 1_048_576;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= s.length) throw new Error(`unterminated string in ${s}`);
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += s[j++];
      }
      out.push({ t: "str", v: text });
      i = j + 1;
      continue;
    }
    const ref =
      /^(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})(?![\w(])/.exec(
        s.slice(i),
      );
    if (ref) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>(),:%])/.exec(s.slice(i));
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Error(`cannot tokenize ${s.slice(i)}`);
  }
  return out;
}

/** Parse a reference token: sheet (unquoted) and rectangle. */
function parseRef(ref: string, defaultSheet: string): RangeValue {
  let sheet = defaultSheet;
  let rest = ref;
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    const name = ref.slice(0, bang);
    sheet = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
    rest = ref.slice(bang + 1);
  }
  const [a, b] = rest.split(":");
  // A whole column ("$G:$G") runs to the last row of the sheet (cellsOf clips it to the filled rows).
  const whole = /^\$?([A-Z]+)$/.exec(a);
  if (whole && b) {
    const last = /^\$?([A-Z]+)$/.exec(b)!;
    return { sheet, c1: columnNumber(whole[1]), r1: 1, c2: columnNumber(last[1]), r2: WHOLE_COLUMN };
  }
  const p = splitAddress(a);
  const q = b ? splitAddress(b) : p;
  return { sheet, c1: p.column, r1: p.row, c2: q.column, r2: q.row };
}

/** Every reference in a formula (strings skipped). */
export function referencesOf(formula: string, sheet: string): RangeValue[] {
  return tokenize(formula.replace(/^=/, ""))
    .filter((t): t is { t: "ref"; v: string } => t.t === "ref")
    .map((t) => parseRef(t.v, sheet));
}

/** Every function name called in a formula. */
export function functionsOf(formula: string): string[] {
  const tokens = tokenize(formula.replace(/^=/, ""));
  const names: string[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.t === "id" && next && next.t === "op" && next.v === "(") names.push(t.v);
  });
  return names;
}

function num(v: Scalar): number | EvalError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (v === "") return { error: "#VALUE!" };
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : { error: "#VALUE!" };
}

function text(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: Scalar, b: Scalar): number {
  const an = a === null ? (typeof b === "string" ? "" : 0) : a;
  const bn = b === null ? (typeof a === "string" ? "" : 0) : b;
  const rank = (x: Scalar) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (rank(an) !== rank(bn)) return rank(an) - rank(bn);
  if (typeof an === "string" && typeof bn === "string") {
    const x = an.toLowerCase();
    const y = bn.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(an) - Number(bn);
}

/** Does a cell meet a SUMIFS/COUNTIFS criterion (equality, "<>", "<>x", ">x" …)? */
function meets(cellValue: Scalar, criterion: Scalar): boolean {
  if (typeof criterion === "number") return typeof cellValue === "number" && cellValue === criterion;
  const c = text(criterion);
  const m = /^(<>|>=|<=|=|<|>)?(.*)$/.exec(c)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  if (operand === "") {
    const blank = cellValue === null || cellValue === "";
    return op === "<>" ? !blank : op === "=" ? blank : false;
  }
  const n = Number(operand);
  const target: Scalar = Number.isFinite(n) && operand.trim() !== "" ? n : operand;
  if (typeof target === "number" && typeof cellValue !== "number") return op === "<>";
  if (typeof target === "string" && typeof cellValue !== "string") return op === "<>";
  const d = compare(cellValue, target);
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}

class Parser {
  private tokens: Token[];
  private i = 0;
  constructor(
    src: string,
    private sheet: string,
    private wb: Workbook,
  ) {
    this.tokens = tokenize(src);
  }

  parse(): Value {
    const v = this.comparison();
    if (this.i !== this.tokens.length) throw new Error(`trailing tokens at ${this.i}`);
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === "op" && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected ${v}`);
    this.i++;
  }
  private s(v: Value): Scalar {
    return this.wb.scalar(v);
  }

  private comparison(): Value {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op" || !["=", "<>", "<", ">", "<=", ">="].includes(t.v)) return left;
      this.i++;
      const a = this.s(left);
      const b = this.s(this.concat());
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const d = compare(a, b);
      left = { "=": d === 0, "<>": d !== 0, "<": d < 0, ">": d > 0, "<=": d <= 0, ">=": d >= 0 }[t.v]!;
    }
  }
  private concat(): Value {
    let left = this.additive();
    while (this.isOp("&")) {
      this.i++;
      const a = this.s(left);
      const b = this.s(this.additive());
      left = isErr(a) ? a : isErr(b) ? b : text(a) + text(b);
    }
    return left;
  }
  private arith(a: Scalar, b: Scalar, f: (x: number, y: number) => number | EvalError): Scalar {
    const x = num(a);
    const y = num(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    return f(x, y);
  }
  private additive(): Value {
    let left = this.term();
    for (;;) {
      if (this.isOp("+") || this.isOp("-")) {
        const op = (this.tokens[this.i++] as { v: string }).v;
        const b = this.s(this.term());
        left = this.arith(this.s(left), b, (x, y) => (op === "+" ? x + y : x - y));
      } else return left;
    }
  }
  private term(): Value {
    let left = this.unary();
    for (;;) {
      if (this.isOp("*") || this.isOp("/")) {
        const op = (this.tokens[this.i++] as { v: string }).v;
        const b = this.s(this.unary());
        left = this.arith(this.s(left), b, (x, y) =>
          op === "*" ? x * y : y === 0 ? { error: "#DIV/0!" } : x / y,
        );
      } else return left;
    }
  }
  private unary(): Value {
    if (this.isOp("-")) {
      this.i++;
      const v = num(this.s(this.unary()));
      return isErr(v) ? v : -v;
    }
    if (this.isOp("+")) {
      this.i++;
      return this.unary();
    }
    return this.primary();
  }
  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new Error("unexpected end");
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v;
    if (t.t === "ref") return parseRef(t.v, this.sheet);
    if (t.t === "op" && t.v === "(") {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (t.t === "id") {
      if (t.v === "TRUE") return true;
      if (t.v === "FALSE") return false;
      this.expect("(");
      const parsed: Value[] = [];
      if (!this.isOp(")")) {
        for (;;) {
          parsed.push(this.comparison());
          if (this.isOp(",")) {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(")");
      return this.call(t.v, parsed);
    }
    throw new Error(`unexpected token ${JSON.stringify(t)}`);
  }

  private call(name: string, args: Value[]): Value {
    const s = (k: number) => this.s(args[k]);
    const range = (k: number): RangeValue => {
      const v = args[k];
      if (!isRange(v)) throw new Error(`${name}: argument ${k + 1} is not a range`);
      return v;
    };
    switch (name) {
      case "IF": {
        const c = s(0);
        if (isErr(c)) return c;
        const truthy =
          typeof c === "string"
            ? (() => {
                throw new Error("IF on text");
              })()
            : Boolean(c);
        return truthy ? s(1) : args.length > 2 ? s(2) : false;
      }
      case "IFERROR": {
        const v = s(0);
        return isErr(v) ? s(1) : v;
      }
      case "ISNUMBER":
        return typeof s(0) === "number";
      case "NA":
        return { error: "#N/A" };
      case "ISERROR":
        return isErr(s(0));
      case "AND":
        return args.every((_, k) => Boolean(s(k)));
      case "OR":
        return args.some((_, k) => Boolean(s(k)));
      case "ABS": {
        const v = num(s(0));
        return isErr(v) ? v : Math.abs(v);
      }
      case "ROUND": {
        const v = num(s(0));
        const d = num(s(1));
        if (isErr(v)) return v;
        if (isErr(d)) return d;
        const f = 10 ** d;
        return (Math.sign(v) * Math.round(Math.abs(v) * f)) / f;
      }
      case "LEFT": {
        const v = s(0);
        if (isErr(v)) return v;
        const n = args.length > 1 ? num(s(1)) : 1;
        if (isErr(n)) return n;
        return text(v).slice(0, n);
      }
      case "SUM": {
        let total = 0;
        for (const a of args) {
          const vals = isRange(a)
            ? this.wb.cellsOf(a).filter((x) => typeof x === "number" || isErr(x))
            : [this.s(a)];
          for (const x of vals) {
            const n = num(x);
            if (isErr(n)) return n;
            total += n;
          }
        }
        return total;
      }
      case "SUMIFS":
      case "COUNTIFS": {
        const first = name === "SUMIFS" ? 1 : 0;
        const sumCells = name === "SUMIFS" ? this.wb.cellsOf(range(0)) : null;
        const pairs: { cells: Scalar[]; criterion: Scalar }[] = [];
        for (let k = first; k < args.length; k += 2) {
          const r = range(k);
          const cells = this.wb.cellsOf(r);
          if (sumCells && cells.length !== sumCells.length) return { error: "#VALUE!" };
          pairs.push({ cells, criterion: s(k + 1) });
        }
        const n = pairs[0].cells.length;
        let total = 0;
        for (let i = 0; i < n; i++) {
          if (!pairs.every((p) => meets(p.cells[i], p.criterion))) continue;
          if (sumCells) {
            const v = sumCells[i];
            if (typeof v === "number") total += v;
          } else total += 1;
        }
        return total;
      }
      case "INDEX": {
        const r = range(0);
        const rowN = num(s(1));
        const colN = args.length > 2 ? num(s(2)) : 1;
        if (isErr(rowN)) return rowN;
        if (isErr(colN)) return colN;
        return this.wb.value(r.sheet, `${columnLetter(r.c1 + colN - 1)}${r.r1 + rowN - 1}`);
      }
      case "MATCH": {
        const target = s(0);
        const cells = this.wb.cellsOf(range(1));
        const k = cells.findIndex((c) => c !== null && compare(c, target) === 0);
        return k < 0 ? { error: "#N/A" } : k + 1;
      }
      default:
        throw new Error(`evaluator does not know ${name}`);
    }
  }
}
