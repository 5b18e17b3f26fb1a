/**
 * One worksheet's XML, streamed, into the grid of its used range: every value as Range.values shows it
 * and exactly as the ExcelJS reader the CLI used before produced it (tests/cli/xlsx-read.test.ts reads
 * every fixture both ways), including ExcelJS's ways that differ from Excel's:
 *  - a "str" value (a formula's text result) has its XML entities undone a second time;
 *  - inline strings (<is><t>) keep "_xHHHH_" as written; shared strings undo them;
 *  - a date-formatted number goes through a JavaScript Date (rounded to the millisecond) and back;
 *    (but as the result when an external hyperlink sits on the cell: ExcelJS then keeps it as the text);
 *  - the cells a merged area covers, other than its top-left, read as "" but count for the used range
 *    when the top-left has a value.
 * One way deliberately not: a formula's cached result 0 or FALSE reads as 0 or FALSE, as Range.values gives
 * it to the add-in. ExcelJS dropped falsy results to "" (unless the cell had a date format), so a ledger
 * amount or a key figure computed as 0 was missing in the CLI and 0 in the add-in; 13 of the real-workbook
 * fixtures have such cells. `exceljsFalsy` keeps ExcelJS's way for the comparison with it.
 */
import { cell } from "../../model/layout/a1";
import { CellValue, Grid } from "../../model/types";
import { SheetGrid } from "../sheet";
import { attr, decodeXml, XmlScanner } from "./xmlScan";
import { unescapeExcel } from "./sharedStrings";

export interface SheetContext {
  sharedStrings: readonly string[];
  /**
   * Read a formula's cached 0, FALSE as ExcelJS did ("") instead of as Excel's Range.values (0, FALSE):
   * only for the comparison with the ExcelJS reference reader, which cannot see those results.
   */
  exceljsFalsy?: boolean;
  /** Per style index (cellXfs): whether numbers in it are dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** What a sheet's XML holds beside its cells: the relationship ids of its tables. */
export interface SheetExtras {
  tableRelIds: string[];
}

/** Too many cells for one sheet's grid (ExcelJS path: 20 million, see src/cli/xlsx.ts's history). */
export const MAX_GRID_CELLS = 20_000_000;

export class TooManyCells extends Error {
  constructor(
    readonly used: string,
    readonly cells: number,
  ) {
    super(`used range ${used} (${cells} cells)`);
  }
}

const MS_PER_DAY = 86_400_000;

/** A serial through ExcelJS's Date round trip (excelToDate, then back), bit for bit. */
export function dateSerial(x: number, date1904: boolean): number {
  const ms = Math.round((x - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return 25569 + new Date(ms).getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
}

/** ExcelJS's xmlDecode, applied to "str" values on top of the XML parser's own decoding. */
function xmlDecodeAgain(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** "AB12" → 28 (the column; the row comes from <row>, as in ExcelJS). 0 when there are no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return n;
}

function rowOf(ref: string): number {
  const m = /(\d+)\s*$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(ref: string): Merge | undefined {
  const [a, b = a] = ref.trim().split(":");
  const [left, top, right, bottom] = [columnOf(a), rowOf(a), columnOf(b), rowOf(b)];
  if (!left || !top || !right || !bottom) return undefined;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Reads the cells of one sheet; feed `scanner` the sheet's XML, then call `grid(name)`. */
export class WorksheetReader {
  /** rows[rowNumber][column - 1]: the value of each cell the XML has ("" for one without a value). */
  private readonly rows: CellValue[][] = [];
  private readonly merges: Merge[] = [];
  /**
   * With exceljsFalsy: cells whose falsy formula result was dropped, by "row:column", in case a hyperlink
   * sits on them (ExcelJS then kept the result as the hyperlink's text).
   */
  private readonly dropped = new Map<string, { row: number; column: number; result: CellValue }>();
  private readonly hyperlinked = new Set<string>();
  readonly extras: SheetExtras = { tableRelIds: [] };

  // the row and cell being read
  private row: CellValue[] | null = null;
  private rowNumber = 0;
  private previousColumn = 0;
  private column = 0;
  private type: string | undefined = undefined;
  private style = 0;
  private hasStyle = false;
  private formula = false;
  private inF = false;
  private inValue = false;
  private value: string | undefined = undefined;
  private runs: string[] | null = null;
  private inRun = false;
  private runText: string | undefined = undefined;
  private inRunT = false;
  private inCell = false;

  readonly scanner: XmlScanner;

  constructor(private readonly ctx: SheetContext) {
    this.scanner = new XmlScanner({
      open: (name, s, a, b) => this.open(name, s, a, b),
      close: (name) => this.close(name),
      text: (s, start, end, cdata) => this.text(s, start, end, cdata),
    });
  }

  private open(name: string, s: string, a: number, b: number): void {
    if (this.inCell) {
      switch (name) {
        case "f":
          this.inF = true;
          // <f t="shared" si="0"/>: a formula even without text (ExcelJS: formula || shareType).
          if (attr(s, "t", a, b)) this.formula = true;
          return;
        case "v":
          this.inValue = !this.runs;
          return;
        case "t":
          if (this.inRun) this.inRunT = true;
          else this.inValue = !this.runs;
          return;
        case "r":
          this.inRun = true;
          this.runText = undefined;
          this.runs ??= [];
          return;
      }
      return;
    }
    switch (name) {
      case "row": {
        const r = parseInt(attr(s, "r", a, b) ?? "", 10);
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        this.row = this.rows[this.rowNumber] ??= [];
        this.previousColumn = 0;
        return;
      }
      case "c": {
        this.inCell = true;
        this.cellAttributes(s, a, b);
        this.formula = false;
        this.value = undefined;
        this.runs = null;
        return;
      }
      case "mergeCell": {
        const range = parseRange(attr(s, "ref", a, b) ?? "");
        if (range) this.merges.push(range);
        return;
      }
      case "hyperlink": {
        const ref = attr(s, "ref", a, b);
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range && /(?:^|\s)(?:[\w.-]+:)?id\s*=/.test(s.slice(a, b))) {
          this.hyperlinked.add(`${range.top}:${range.left}`);
        }
        return;
      }
      case "tablePart": {
        const id = /(?:^|\s)(?:[\w.-]+:)?id\s*=\s*["']([^"']*)["']/.exec(s.slice(a, b))?.[1];
        if (id !== undefined) this.extras.tableRelIds.push(decodeXml(id));
        return;
      }
    }
  }

  /**
   * A <c>'s r, t and s in one pass over its attribute text, without copying it: a sheet has a million
   * of them. (Attribute values here are plain: a reference, a type, a number.)
   */
  private cellAttributes(s: string, a: number, b: number): void {
    let column = 0;
    let type: string | undefined;
    let hasStyle = false;
    let style = 0;
    let p = a;
    while (p < b) {
      let c = s.charCodeAt(p);
      if (c <= 32) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < b && (c = s.charCodeAt(p)) > 32 && c !== 61) p++;
      const nameEnd = p;
      while (p < b && s.charCodeAt(p) !== 34 && s.charCodeAt(p) !== 39) p++;
      const quote = s.charCodeAt(p);
      const valueStart = ++p;
      while (p < b && s.charCodeAt(p) !== quote) p++;
      const valueEnd = p++;
      if (nameEnd - nameStart !== 1) continue; // cm, vm, ph, …
      const n = s.charCodeAt(nameStart);
      if (n === 114 /* r */) {
        for (let k = valueStart; k < valueEnd; k++) {
          const ch = s.charCodeAt(k);
          if (ch >= 65 && ch <= 90) column = column * 26 + (ch - 64);
          else if (ch >= 97 && ch <= 122) column = column * 26 + (ch - 96);
          else if (ch !== 36) break;
        }
        if (column === 0) column = -1; // a reference without letters: as no reference
      } else if (n === 116 /* t */) {
        type = s.slice(valueStart, valueEnd);
      } else if (n === 115 /* s */) {
        hasStyle = valueEnd > valueStart;
        style = hasStyle ? parseInt(s.slice(valueStart, valueEnd), 10) : 0;
      }
    }
    this.column = column > 0 ? column : column === 0 ? this.previousColumn + 1 : 0;
    this.type = type;
    this.hasStyle = hasStyle;
    this.style = style;
  }

  private text(s: string, start: number, end: number, cdata: boolean): void {
    if (!(this.inValue || this.inF || this.inRunT)) return;
    const raw = s.slice(start, end);
    const text = cdata ? raw : decodeXml(raw);
    if (this.inF) {
      if (text) this.formula = true;
    } else if (this.inRunT) {
      this.runText = (this.runText ?? "") + text;
    } else {
      this.value = this.value === undefined ? text : this.value + text;
    }
  }

  private close(name: string): void {
    if (!this.inCell) return;
    switch (name) {
      case "f":
        this.inF = false;
        return;
      case "v":
      case "t":
        if (this.inRunT && name === "t") {
          this.inRunT = false;
          return;
        }
        this.inValue = false;
        return;
      case "r":
        if (this.inRun) {
          this.runs!.push(this.runText === undefined ? "" : unescapeExcel(this.runText));
          this.inRun = false;
        }
        return;
      case "c":
        this.inCell = false;
        this.inValue = this.inF = this.inRun = this.inRunT = false;
        this.endCell();
        return;
    }
  }

  private isDate(): boolean {
    return this.hasStyle && this.style > 0 && this.ctx.dateStyles[this.style] === true;
  }

  private endCell(): void {
    const raw = this.runs ? this.runs.join("") : this.value;
    let v: CellValue;
    if (this.formula) {
      v = this.formulaResult(raw);
    } else if (raw === undefined) {
      // No value. ExcelJS keeps such a cell only with a style id other than 0 (and counts only those
      // cells when a following <c> has no r="..."), else drops it.
      if (!(this.hasStyle && this.style)) return;
      v = "";
    } else {
      v = this.plainValue(raw);
    }
    const row = this.row ?? (this.rows[this.rowNumber] ??= []);
    const column = this.column > 0 ? this.column : 1;
    row[column - 1] = v;
    if (this.ctx.exceljsFalsy && this.formula && v === "" && raw && !this.isDate()) {
      this.dropped.set(`${this.rowNumber}:${column}`, {
        row: this.rowNumber,
        column,
        result: this.formulaValue(raw),
      });
    }
    this.previousColumn = column;
  }

  private plainValue(raw: string): CellValue {
    switch (this.type) {
      case "s":
        return this.ctx.sharedStrings[parseInt(raw, 10)] ?? "";
      case "str":
        return xmlDecodeAgain(raw);
      case "inlineStr":
        return raw;
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      default: {
        const n = parseFloat(raw);
        return this.isDate() ? dateSerial(n, this.ctx.date1904) : n;
      }
    }
  }

  /** A formula's cached result as ExcelJS reads it (before it drops falsy ones). */
  private formulaValue(raw: string): CellValue {
    switch (this.type) {
      case "str":
        return xmlDecodeAgain(raw);
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      default:
        return parseFloat(raw);
    }
  }

  private formulaResult(raw: string | undefined): CellValue {
    if (!raw) return "";
    const result = this.formulaValue(raw);
    // ExcelJS turns a dated result into a Date (any result: Number() of it, as its arithmetic does).
    if (this.isDate()) return dateSerial(this.type === "e" ? NaN : Number(result), this.ctx.date1904);
    if (this.ctx.exceljsFalsy) return result ? result : "";
    return typeof result === "number" && Number.isNaN(result) ? "" : result;
  }

  /** The used range as a grid; throws TooManyCells past MAX_GRID_CELLS. */
  grid(name: string): SheetGrid {
    const { rows } = this;
    for (const [ref, d] of this.dropped) {
      if (this.hyperlinked.has(ref) && rows[d.row]?.[d.column - 1] === "")
        rows[d.row][d.column - 1] = d.result;
    }
    // The covered cells of a merged area read as "", but count when its top-left cell has a value.
    const used: Merge[] = [];
    for (const m of this.merges) {
      const master = rows[m.top]?.[m.left - 1];
      for (let r = m.top; r <= m.bottom; r++) {
        const row = rows[r];
        if (!row) continue;
        const end = Math.min(m.right, row.length);
        for (let c = m.left; c <= end; c++) {
          if ((r !== m.top || c !== m.left) && row[c - 1] !== undefined) row[c - 1] = "";
        }
      }
      if (master !== undefined && master !== "") used.push(m);
    }
    let top = 0;
    let bottom = 0;
    let left = 0;
    let right = 0;
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === undefined || v === "") continue;
        if (!top) top = r;
        bottom = r;
        if (!left || c + 1 < left) left = c + 1;
        if (c + 1 > right) right = c + 1;
      }
    }
    for (const m of used) {
      if (!top || m.top < top) top = m.top;
      if (m.bottom > bottom) bottom = m.bottom;
      if (!left || m.left < left) left = m.left;
      if (m.right > right) right = m.right;
    }
    if (!top) return { name, grid: [], firstRow: 1, firstColumn: 1 };
    const width = right - left + 1;
    const cells = (bottom - top + 1) * width;
    if (cells > MAX_GRID_CELLS) throw new TooManyCells(`${cell(left, top)}:${cell(right, bottom)}`, cells);
    const grid: Grid = [];
    for (let r = top; r <= bottom; r++) {
      const row = rows[r];
      const out: CellValue[] = [];
      for (let c = left - 1; c < right; c++) {
        const v = row?.[c];
        out.push(v === undefined ? "" : v);
      }
      grid.push(out);
      rows[r] = undefined as unknown as CellValue[]; // release as we go
    }
    return { name, grid, firstRow: top, firstColumn: left };
  }
}
