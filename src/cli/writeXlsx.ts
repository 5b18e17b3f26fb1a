/**
 * Draws the core's SheetLayouts into an ExcelJS workbook: the CLI's counterpart of the Office.js
 * renderer (src/excel/render.ts). Plain data in, cells out:
 *  - a Formula becomes { formula (without "="), result: its cached value }, so readers that do not
 *    recalculate see the engine's figures and Excel/LibreOffice recalculate on load;
 *  - every string is written as a string: ExcelJS stores it as text (a shared string), never as a
 *    formula, so a ledger description "=HYPERLINK(…)" or "+cmd" stays text;
 *  - tables, number formats, styles, data validations, conditional formats, column widths, frozen rows.
 * ExcelJS cannot write charts: where a layout has one, the sheet gets a note saying so.
 */
import { isFormulaLike, TEXT_FORMAT } from "./textCells";
import ExcelJS from "exceljs";
import { parseCellAddress } from "../model/layout/a1";
import {
  Block,
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  isFormula,
  LayoutCell,
  SheetLayout,
  TableSpec,
} from "../model/layout/types";

type Value = ExcelJS.CellValue;

/** "B12" → { row: 12, col: 2 } (1-based, as ExcelJS counts). */
function parseA1(address: string): { row: number; col: number } {
  const { column, row } = parseCellAddress(address);
  return { row, col: column };
}

/** "A4:P100" → corners; a single cell is a 1×1 range. */
function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = range.split(":");
  const tl = parseA1(a);
  const br = b === undefined ? tl : parseA1(b);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** One layout cell as the value ExcelJS writes; null leaves the cell empty. */
function excelValue(cell: LayoutCell): Value {
  if (isFormula(cell)) {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    const cached = cell.value;
    const result =
      cached === null || cached === undefined || (typeof cached === "number" && !Number.isFinite(cached))
        ? ""
        : cached;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  return cell; // string (always text) or boolean
}

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();
const solid = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

/** The same looks as the add-in's renderer. */
const STYLES: Record<CellStyle, { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill } | null> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { italic: true, color: { argb: argb("#404040") } } },
  header: { font: { bold: true }, fill: solid("#DDEBF7") },
  body: null,
  total: { font: { bold: true }, fill: solid("#F2F2F2") },
  note: { font: { italic: true, color: { argb: argb("#595959") } } },
  input: { fill: solid("#FFF2CC") },
  warning: { font: { bold: true, color: { argb: argb("#C00000") } } },
};

/**
 * One style object per (style, number format), shared by every cell that has it. ExcelJS gives each
 * new cell its own empty style object and, when writing, works out the style id of each object anew;
 * a shared object is looked up once (its WeakMap cache). The objects are never mutated afterwards:
 * cells get them whole (`cell.style = …`), never through `cell.font = …` or `cell.numFmt = …`.
 */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(style: CellStyle | undefined, numFmt: string | null | undefined): Partial<ExcelJS.Style> {
    const key = `${style ?? ""}|${numFmt ?? ""}`;
    let shared = this.byKey.get(key);
    if (!shared) {
      const look = style ? STYLES[style] : null;
      shared = {};
      if (numFmt) shared.numFmt = numFmt;
      if (look?.font) shared.font = look.font;
      if (look?.fill) shared.fill = look.fill;
      this.byKey.set(key, shared);
    }
    return shared;
  }
}

function blockSize(block: Block): { rows: number; cols: number } {
  return { rows: block.cells.length, cols: block.cells.reduce((w, r) => Math.max(w, r.length), 0) };
}

/** Cells of a block, with its number formats and style; rows are written whole (one getRow per row). */
function writeBlock(ws: ExcelJS.Worksheet, block: Block, styles: SharedStyles): void {
  const { row: top, col: left } = parseA1(block.at);
  const formats = block.numberFormats ?? [];
  const width = blockSize(block).cols;
  const columnStyles = Array.from({ length: width }, (_, c) => styles.get(block.style, formats[c]));
  const styled = block.style !== undefined && block.style !== "body";
  for (let r = 0; r < block.cells.length; r++) {
    const cells = block.cells[r];
    const row = ws.getRow(top + r);
    for (let c = 0; c < cells.length; c++) {
      const value = excelValue(cells[c]);
      if (value === null && !styled && !formats[c]) continue;
      const cell = row.getCell(left + c);
      cell.value = value;
      cell.style = isFormulaLike(value) ? styles.get(block.style, TEXT_FORMAT) : columnStyles[c];
    }
  }
}

/** A table's header and body blocks, when the layout draws it as one header row and one body block. */
function tableBlocks(layout: SheetLayout, table: TableSpec): { header: Block; body: Block } | null {
  const r = parseRange(table.range);
  const width = r.right - r.left + 1;
  const at = (block: Block) => parseA1(block.at);
  const header = layout.blocks.find((b) => {
    const p = at(b);
    return p.row === r.top && p.col === r.left && b.cells.length === 1 && b.cells[0].length === width;
  });
  const body = layout.blocks.find((b) => {
    const p = at(b);
    const size = blockSize(b);
    return p.row === r.top + 1 && p.col === r.left && size.rows === r.bottom - r.top && size.cols === width;
  });
  if (!header || !body) return null;
  const names = header.cells[0].map((c) => (typeof c === "string" ? c.trim() : ""));
  if (names.some((n) => n === "") || new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    return null;
  return { header, body };
}

/** A table name not yet used in the workbook (table names are workbook-wide). */
function freeTableName(workbook: ExcelJS.Workbook, desired: string): string {
  const taken = new Set<string>();
  for (const ws of workbook.worksheets) {
    for (const name of Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})) {
      taken.add(name.toLowerCase());
    }
  }
  if (!taken.has(desired.toLowerCase())) return desired;
  for (let i = 2; ; i++) if (!taken.has(`${desired}_${i}`.toLowerCase())) return `${desired}_${i}`;
}

/**
 * An Excel table over cells already written (header and body blocks). ExcelJS's addTable writes the
 * row data it is given into the cells; it is given rows without values, so that it only takes the
 * table's size from them and leaves the written cells (values and shared styles) as they are.
 */
function writeTable(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  table: TableSpec,
  header: Block,
  body: Block,
): void {
  const columns: ExcelJS.TableColumnProperties[] = header.cells[0].map((name) => ({
    name: String(name).trim(),
    filterButton: true,
  }));
  ws.addTable({
    name: freeTableName(workbook, table.name),
    ref: header.at,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns,
    rows: Array.from({ length: body.cells.length }, () => []),
  });
}

function conditionalFormat(ws: ExcelJS.Worksheet, spec: ConditionalFormatSpec): void {
  const style: Partial<ExcelJS.Style> = {
    // In a differential format Excel paints a solid fill with bgColor.
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(spec.fill) } },
    font: { color: { argb: argb(spec.fontColor) } },
  };
  const strip = (f: string) => (f.startsWith("=") ? f.slice(1) : f);
  const rule: ExcelJS.ConditionalFormattingRule = spec.expression
    ? { type: "expression", priority: 1, formulae: [strip(spec.expression)], style }
    : {
        type: "cellIs",
        priority: 1,
        operator: spec.operator,
        formulae: spec.formula2 === undefined ? [spec.formula1] : [spec.formula1, spec.formula2],
        style,
      };
  ws.addConditionalFormatting({ ref: spec.range, rules: [rule] });
}

interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** One list validation for the whole range (ExcelJS writes a range address as one sqref). */
function validation(ws: ExcelJS.Worksheet, range: string, list: string[], prompt?: string): void {
  const dv: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [`"${list.map((x) => x.replace(/"/g, '""')).join(",")}"`],
    showErrorMessage: true,
  };
  if (prompt) Object.assign(dv, { showInputMessage: true, prompt });
  (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations.add(range, dv);
}

/** The note that stands where a chart would be: ExcelJS cannot write charts. */
function chartNote(chart: ChartSpec, sheetName: string): string {
  return (
    `Grafiek "${chart.title}" ontbreekt: de opdrachtregel (ExcelJS) kan geen grafieken schrijven; ` +
    `de gegevens staan in ${sheetName}!${chart.data}. Open de werkmap in Excel met de invoegtoepassing ` +
    `(Vernieuwen) voor de grafiek. / Chart not included: the command-line tool (ExcelJS) cannot write ` +
    `charts; the data is in ${sheetName}!${chart.data}.`
  );
}

/**
 * Add one layout as a new worksheet named `name` (default: the layout's name). The caller picks a
 * free name; the layout's formulas must already refer to it.
 */
export function renderLayout(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout,
  name = layout.name,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  const tables = layout.tables.map((t) => ({ spec: t, blocks: tableBlocks(layout, t) }));
  const styles = new SharedStyles();

  (layout.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const block of layout.blocks) writeBlock(ws, block, styles);
  for (const t of tables) {
    if (t.blocks) writeTable(workbook, ws, t.spec, t.blocks.header, t.blocks.body);
    else ws.autoFilter = t.spec.range; // not drawn as header + body: a filtered plain range
  }
  for (const chart of layout.charts) {
    const at = parseA1(chart.from);
    const cell = ws.getRow(at.row).getCell(at.col);
    if (cell.value === null || cell.value === undefined) {
      cell.value = chartNote(chart, name);
      cell.style = styles.get("note", null);
    }
  }
  for (const cf of layout.conditionalFormats) conditionalFormat(ws, cf);
  for (const v of layout.validations) validation(ws, v.range, v.list, v.prompt);
  if (layout.freezeRows) {
    ws.views = [
      { state: "frozen", xSplit: 0, ySplit: layout.freezeRows, topLeftCell: `A${layout.freezeRows + 1}` },
    ];
  }
  return ws;
}

/** Write the workbook; Excel recalculates every formula when it opens the file. */
export async function writeWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  await workbook.xlsx.writeFile(path);
}
