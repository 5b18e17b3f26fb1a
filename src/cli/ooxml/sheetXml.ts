/**
 * A SheetLayout as SpreadsheetML: the worksheet part (cells with inline strings, formulas with their
 * cached values, styles, column widths, frozen rows, conditional formats, list validations, the drawing
 * and table references) and the table parts. Strings are always text (t="inlineStr"), never formulas.
 */
import { isFormulaLike, TEXT_FORMAT } from "../textCells";
import { columnLetter, parseCellAddress } from "../../model/layout/a1";
import {
  Block,
  blockRows,
  ConditionalFormatSpec,
  isFormula,
  LayoutCell,
  LazyRows,
  SheetLayout,
  TableSpec,
} from "../../model/layout/types";
import { ParallelDeflate } from "./parallelDeflate";
import { RowsAhead, SHARED_RUN_ROWS, SharedFormulaRuns, SharedRef } from "./sharedFormulas";
import { StyleBook } from "./styles";
import { esc, escText, NS, XML_DECL } from "./xml";
import { BIG_PART, BIG_PART_LEVEL, crc32, deflateChunk, DeflatedData, Piece, SpillFile } from "./zip";

/** Marks a worksheet part as the product's own: a rebuild recognises (and replaces) it by this. */
export const OWN_SHEET_MARKER = "<!--ictcost:own-sheet-->";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): Rect {
  const [a, b] = range.split(":");
  const tl = parseCellAddress(a);
  const br = b === undefined ? tl : parseCellAddress(b);
  return { top: tl.row, left: tl.column, bottom: br.row, right: br.column };
}

/** One row's cells: values and style indexes by column (sparse arrays, no object per cell). */
interface GridRow {
  values: LayoutCell[];
  styles: number[];
}

/** A block as the grid reads it: where it sits, its cells, the style index and keep-empty flag per column. */
interface PlacedBlock {
  top: number;
  left: number;
  /** Made one at a time when the block is lazy (the categorisation's body), never kept. */
  rows: LazyRows;
  /** Whether the rows are made when asked (a lazy block), not held. */
  lazy: boolean;
  ids: number[];
  keepEmpty: boolean[];
  /** The style of formula-like text in this block; for a lazy block asked for at its first such cell. */
  textId: number | undefined;
  style: Block["style"];
}

/**
 * The cells of a layout by row and column (later blocks win), with each cell's style index. Rows are
 * made from the blocks when asked for, one at a time, never all at once: a million-line categorisation
 * would otherwise be copied whole beside the layout that holds it.
 */
/** Whether any cell of the rows is formula-like text (a lazy block's rows are made for it and let go). */
function someFormulaLike(rows: LazyRows): boolean {
  for (let i = 0; i < rows.count; i++) if (rows.row(i).some((v) => isFormulaLike(v))) return true;
  return false;
}

export class CellGrid {
  private readonly blocks: PlacedBlock[] = [];
  private readonly firstRow: number = Infinity;
  private readonly lastRow: number = -Infinity;

  /**
   * `textStyle`: the style index with the Text number format for formula-like strings (isFormulaLike)
   * when there is no StyleBook to ask (the fresh workbook of a CSV file has one ready).
   */
  constructor(
    layout: SheetLayout,
    styles: StyleBook | null,
    private readonly textStyle = 0,
  ) {
    this.styles = styles;
    for (const block of layout.blocks) {
      const placed = this.place(block, styles);
      this.blocks.push(placed);
      if (placed.rows.count > 0) {
        this.firstRow = Math.min(this.firstRow, placed.top);
        this.lastRow = Math.max(this.lastRow, placed.top + placed.rows.count - 1);
      }
    }
  }

  private readonly styles: StyleBook | null;

  /**
   * Styles are asked for in the order the grid always asked: a block's columns, then its formula-like text.
   * A lazy block's rows are not made for that: its text style is asked for when the first formula-like
   * cell is met while the rows are written, which is the same order when it is the layout's last block
   * (the categorisation's body is) since nothing else asks for a cell style in between (the conditional
   * formats' dxfs come after the rows).
   */
  private place(block: Block, styles: StyleBook | null): PlacedBlock {
    const { row: top, column: left } = parseCellAddress(block.at);
    const formats = block.numberFormats ?? [];
    const styled = block.style !== undefined && block.style !== "body";
    const rows = blockRows(block);
    const width = rows.width;
    const ids = Array.from({ length: width }, (_, c) => (styles ? styles.xf(block.style, formats[c]) : 0));
    const keepEmpty = ids.map((_, c) => styled || !!formats[c]);
    let textId: number | undefined = this.textStyle;
    if (styles && block.rows) textId = undefined;
    else if (styles && someFormulaLike(rows)) textId = styles.xf(block.style, TEXT_FORMAT);
    return { top, left, rows, lazy: !!block.rows, ids, keepEmpty, textId, style: block.style };
  }

  /** Row `r` (1-based) as the blocks make it, or undefined where no block has a row. */
  row(r: number): GridRow | undefined {
    let row: GridRow | undefined;
    for (const b of this.blocks) {
      if (r < b.top || r - b.top >= b.rows.count) continue;
      const cells = b.rows.row(r - b.top);
      if (cells === undefined) continue;
      row ??= { values: [], styles: [] };
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        const empty = isEmpty(v);
        if (empty && !b.keepEmpty[c]) continue;
        row.values[b.left + c] = empty ? null : v;
        // Formula-like text keeps the Text format, so an F2, Enter in Excel leaves it text.
        row.styles[b.left + c] = isFormulaLike(v)
          ? (b.textId ??= this.styles?.xf(b.style, TEXT_FORMAT) ?? this.textStyle)
          : b.ids[c];
      }
    }
    return row;
  }

  /** Every row some block has, top to bottom. */
  forEach(fn: (row: GridRow, r: number) => void): void {
    for (let r = this.firstRow; r <= this.lastRow; r++) {
      const row = this.row(r);
      if (row) fn(row, r);
    }
  }

  /** The rows one at a time (next() gives undefined after the last): for a writer that looks ahead. */
  cursor(): () => { row: GridRow; r: number } | undefined {
    let r = this.firstRow;
    return () => {
      for (; r <= this.lastRow; r++) {
        const row = this.row(r);
        if (row) return { row, r: r++ };
      }
      return undefined;
    };
  }

  get(row: number, col: number): LayoutCell {
    return this.row(row)?.values[col] ?? null;
  }

  private box: Rect | null | undefined;

  /**
   * The cells' bounding box, without making a lazy block's rows: a lazy block (the categorisation body,
   * whose header row above spans its full width) counts with its whole extent, the other blocks with
   * the cells they write. Making every row once more only for the sheet's <dimension> would cost a full
   * pass over a million-row body.
   */
  bounds(): Rect | null {
    if (this.box === undefined) this.box = this.measure();
    return this.box;
  }

  private measure(): Rect | null {
    let box: Rect | null = null;
    const extend = (top: number, left: number, bottom: number, right: number) => {
      if (!box) box = { top, left, bottom, right };
      else {
        box.top = Math.min(box.top, top);
        box.left = Math.min(box.left, left);
        box.bottom = Math.max(box.bottom, bottom);
        box.right = Math.max(box.right, right);
      }
    };
    for (const b of this.blocks) {
      if (b.rows.count === 0) continue;
      if (b.lazy) {
        extend(b.top, b.left, b.top + b.rows.count - 1, b.left + b.rows.width - 1);
        continue;
      }
      for (let i = 0; i < b.rows.count; i++) {
        const cells = b.rows.row(i);
        if (cells === undefined) continue;
        let first = -1;
        let last = -1;
        for (let c = 0; c < cells.length; c++) {
          if (!b.keepEmpty[c] && isEmpty(cells[c])) continue;
          if (first < 0) first = c;
          last = c;
        }
        if (first >= 0) extend(b.top + i, b.left + first, b.top + i, b.left + last);
      }
    }
    return box;
  }
}

/** A cell the grid leaves out unless its column keeps empty cells (a styled or formatted column). */
function isEmpty(v: LayoutCell | undefined): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && !Number.isFinite(v));
}

/**
 * Text written as UTF-8 straight into buffers of about a megabyte: no single huge string (and no copy
 * into one huge buffer) for a 100,000-row sheet. The chunks go to the zip writer as they are.
 */
/**
 * UTF-8 chunks of 1 MB. A part that grows past BIG_PART is deflated chunk by chunk as it is written (the
 * same pieces writeZip would make of the whole list: level BIG_PART_LEVEL, a sync flush after every chunk
 * but the last), so a million-row sheet holds its compressed bytes, not its ~1 GB of XML.
 */
class ChunkWriter {
  private static readonly SIZE = 1 << 20;
  private buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
  private pos = 0;
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  private crc = 0;
  private deflated: Piece[] = [];
  private streaming = false;

  /** `spill`: where the deflated chunks of a big part go (else they are held in memory). */
  constructor(private readonly spill?: SpillFile) {}

  push(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.pos + s.length * 3 > this.buffer.length) {
      this.flush();
      if (s.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(s.length * 3);
    }
    this.pos += this.buffer.write(s, this.pos);
  }

  private flush(): void {
    if (this.pos > 0) this.add(this.buffer.subarray(0, this.pos));
    this.buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
    this.pos = 0;
  }

  private add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    if (!this.streaming && this.total > BIG_PART) this.streaming = true;
    // Deflate all but the newest chunk: only bytes() knows which one is the last.
    if (this.streaming) while (this.chunks.length > 1) this.deflate(this.chunks.shift()!, false);
  }

  /** The other core's deflater for this part, started with its first chunk to deflate (null: in-process). */
  private parallel: ParallelDeflate | null | undefined;

  private deflate(chunk: Uint8Array, last: boolean): void {
    this.crc = crc32(chunk, this.crc);
    this.parallel ??= ParallelDeflate.start();
    if (this.parallel) this.keep(this.parallel.send(chunk, BIG_PART_LEVEL, last));
    else this.keep([deflateChunk(chunk, BIG_PART_LEVEL, last)]);
  }

  private keep(deflated: Uint8Array[]): void {
    for (const d of deflated) this.deflated.push(this.spill ? this.spill.append(d) : d);
  }

  bytes(): Uint8Array[] | DeflatedData {
    if (this.pos > 0) this.add(this.buffer.subarray(0, this.pos));
    this.pos = 0;
    if (!this.streaming) return this.chunks;
    while (this.chunks.length > 0) this.deflate(this.chunks.shift()!, this.chunks.length === 0);
    if (this.parallel) this.keep(this.parallel.finish());
    return new DeflatedData(this.deflated, this.total, this.crc);
  }
}

function num(n: number): string {
  return String(n);
}

function cellXml(ref: string, value: LayoutCell, s: number, shared?: SharedRef): string {
  const st = s ? ` s="${s}"` : "";
  if (isFormula(value)) {
    const f = !shared
      ? `<f>${escText(value.formula.replace(/^=/, ""))}</f>`
      : shared.ref
        ? `<f t="shared" ref="${shared.ref}" si="${shared.si}">${escText(value.formula.replace(/^=/, ""))}</f>`
        : `<f t="shared" si="${shared.si}"/>`;
    const v = value.value;
    if (typeof v === "number")
      return `<c r="${ref}"${st}>${f}${Number.isFinite(v) ? `<v>${num(v)}</v>` : ""}</c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${st} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${st} t="str">${f}<v>${escText(v)}</v></c>`;
    return `<c r="${ref}"${st}>${f}</c>`;
  }
  if (value === null || value === undefined || value === "") return `<c r="${ref}"${st}/>`;
  if (typeof value === "number") return `<c r="${ref}"${st}><v>${num(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${st} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${st} t="inlineStr"><is><t${space}>${escText(value)}</t></is></c>`;
}

/** A table's header and body, when the layout draws it as one header row and one body block. */
export function tableColumns(layout: SheetLayout, grid: CellGrid, table: TableSpec): string[] | null {
  const r = parseRange(table.range);
  if (r.bottom <= r.top) return null;
  const names: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    const v = grid.get(r.top, c);
    names.push(typeof v === "string" ? v.trim() : "");
  }
  if (names.some((n) => n === "") || new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    return null;
  // The header cells must hold exactly the column names (Excel requires it).
  for (let c = r.left; c <= r.right; c++) {
    if (grid.get(r.top, c) !== names[c - r.left]) return null;
  }
  return names;
}

export function tableXml(table: TableSpec, id: number, name: string, columns: string[]): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join("");
  return (
    XML_DECL +
    `<table xmlns="${NS.main}" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${table.range}" totalsRowShown="0">` +
    `<autoFilter ref="${table.range}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${esc(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function conditionalXml(specs: ConditionalFormatSpec[], styles: StyleBook | null): string {
  let priority = 1;
  return specs
    .map((spec) => {
      const dxf = styles ? ` dxfId="${styles.dxf(spec.fill, spec.fontColor)}"` : "";
      const strip = (f: string) => esc(f.replace(/^=/, ""));
      const rule = spec.expression
        ? `<cfRule type="expression"${dxf} priority="${priority++}"><formula>${strip(spec.expression)}</formula></cfRule>`
        : `<cfRule type="cellIs"${dxf} priority="${priority++}" operator="${spec.operator}">` +
          `<formula>${strip(spec.formula1)}</formula>` +
          (spec.formula2 !== undefined ? `<formula>${strip(spec.formula2)}</formula>` : "") +
          `</cfRule>`;
      return `<conditionalFormatting sqref="${spec.range.replace(/\$/g, "")}">${rule}</conditionalFormatting>`;
    })
    .join("");
}

function validationsXml(layout: SheetLayout): string {
  if (layout.validations.length === 0) return "";
  const items = layout.validations.map((v) => {
    const list = `"${v.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    const prompt = v.prompt ? ` showInputMessage="1" prompt="${esc(v.prompt.slice(0, 255))}"` : "";
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${prompt} sqref="${v.range.replace(/\$/g, "")}">` +
      `<formula1>${esc(list)}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function colsXml(widths: number[]): string {
  if (widths.length === 0) return "";
  const cols = widths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  return cols ? `<cols>${cols}</cols>` : "";
}

export interface SheetParts {
  /** r:id of the drawing in the sheet's rels, when the sheet has charts. */
  drawingRelId?: string;
  /** Tables that were written, with their r:ids (the others become an autoFilter). */
  tableRelIds: string[];
  autoFilter?: string;
}

/** The grid's rows with a look-ahead (for shared formulas): made once each, let go once written. */
class RowQueue implements RowsAhead {
  private readonly made: { row: GridRow; r: number }[] = [];
  private head = 0;

  constructor(private readonly next: () => { row: GridRow; r: number } | undefined) {}

  at(k: number): { row: GridRow; r: number } | undefined {
    while (this.made.length - this.head <= k) {
      const row = this.next();
      if (!row) return undefined;
      this.made.push(row);
    }
    return this.made[this.head + k];
  }

  shift(): void {
    this.head++;
    // Drop the written rows now and then (not one splice per row).
    if (this.head >= SHARED_RUN_ROWS) {
      this.made.splice(0, this.head);
      this.head = 0;
    }
  }
}

/** The worksheet part, as UTF-8 bytes in chunks. */
export function worksheetXml(
  layout: SheetLayout,
  grid: CellGrid,
  parts: SheetParts,
  styles: StyleBook | null,
  /** false for a user's sheet written afresh (a CSV file's grid): no mark of the product's own sheets. */
  own = true,
  spill?: SpillFile,
): Uint8Array[] | DeflatedData {
  const out = new ChunkWriter(spill);
  out.push(XML_DECL + (own ? OWN_SHEET_MARKER : "") + `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`);
  const box = grid.bounds();
  out.push(
    `<dimension ref="${box ? `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}` : "A1"}"/>`,
  );
  const freeze = layout.freezeRows ?? 0;
  out.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" ` +
          `activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" ` +
          `sqref="A${freeze + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  out.push(colsXml(layout.columnWidths ?? []));
  out.push("<sheetData>");
  const letters: string[] = [];
  const shared = new SharedFormulaRuns(columnLetter);
  const rows = new RowQueue(grid.cursor());
  for (let current = rows.at(0); current; rows.shift(), current = rows.at(0)) {
    const { row, r } = current;
    // One string per row into the buffer: a write per cell costs more than the text itself.
    let xml = `<row r="${r}">`;
    row.styles.forEach((s, c) => {
      const letter = (letters[c] ??= columnLetter(c));
      const v = row.values[c];
      xml += cellXml(letter + r, v, s, isFormula(v) ? shared.ref(rows, c) : undefined);
    });
    out.push(xml + "</row>");
  }
  out.push("</sheetData>");
  if (parts.autoFilter) out.push(`<autoFilter ref="${parts.autoFilter}"/>`);
  out.push(conditionalXml(layout.conditionalFormats, styles));
  out.push(validationsXml(layout));
  out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (parts.drawingRelId) out.push(`<drawing r:id="${parts.drawingRelId}"/>`);
  if (parts.tableRelIds.length) {
    out.push(
      `<tableParts count="${parts.tableRelIds.length}">` +
        parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("") +
        `</tableParts>`,
    );
  }
  out.push("</worksheet>");
  return out.bytes();
}
