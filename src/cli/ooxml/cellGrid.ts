/**
 * A layout's cells as the sheet writer reads them: by row and column, each with its style index, made
 * from the blocks one row at a time (CellGrid), and those rows with the look-ahead shared formulas need
 * (RowQueue).
 */
import { isFormulaLike, TEXT_FORMAT } from "../textCells";
import { parseCellAddress } from "../../model/layout/a1";
import { Block, blockRows, LayoutCell, LazyRows, SheetLayout } from "../../model/layout/types";
import { RowsAhead, SHARED_RUN_ROWS } from "./sharedFormulas";
import { StyleBook } from "./styles";

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
export interface GridRow {
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

/** Whether any cell of the rows is formula-like text (a lazy block's rows are made for it and let go). */
function someFormulaLike(rows: LazyRows): boolean {
  for (let i = 0; i < rows.count; i++) if (rows.row(i).some((v) => isFormulaLike(v))) return true;
  return false;
}

/**
 * The cells of a layout by row and column (later blocks win), with each cell's style index. Rows are
 * made from the blocks when asked for, one at a time, never all at once: a million-line categorisation
 * would otherwise be copied whole beside the layout that holds it.
 */
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

/** The grid's rows with a look-ahead (for shared formulas): made once each, let go once written. */
export class RowQueue implements RowsAhead {
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
