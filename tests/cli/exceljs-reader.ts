/**
 * The reference for the CLI's own .xlsx reader (src/cli/xlsxRead): the ExcelJS reader the CLI used until
 * issue 13 item 2, kept for tests only (tests/cli/xlsx-read.test.ts compares the two cell by cell).
 * Excel workbooks (.xlsx) as grids, cell for cell what the add-in gets from Range.values:
 *  - rich text and hyperlinks → their plain text; formulas → their cached result;
 *  - errors → their Excel text ("#N/A", "#DIV/0!");
 *  - dates → the Excel serial number (as Range.values), in the workbook's date system;
 *  - the non-top-left cells of a merged area → "".
 * Each grid is the used range (from the first to the last cell with a value); `firstRow` and
 * `firstColumn` keep reported row numbers the spreadsheet's.
 */
import ExcelJS from "exceljs";
import { columnNumber } from "../../src/model/layout/a1";
import { PlainTable } from "../../src/model/pipeline/workbook";
import { CellValue, Grid } from "../../src/model/types";
import { userError } from "../../src/cli/errors";
import { SheetGrid } from "../../src/cli/sheet";

type ExcelValue = ExcelJS.CellValue;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

export function excelSerial(date: Date, date1904 = false): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
}

/** One ExcelJS cell value as Range.values would show it. */
export function plainValue(v: ExcelValue, date1904 = false): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v, date1904);
  if ("richText" in v) return v.richText.map((part) => part.text).join("");
  if ("error" in v) return v.error;
  if ("hyperlink" in v) return plainValue(v.text as ExcelValue, date1904);
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result as ExcelValue, date1904);
  return "";
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle of cells that hold a value; null for an empty sheet. */
function usedBounds(ws: ExcelJS.Worksheet): Bounds | null {
  let b: Bounds | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (plainValue(cell.value) === "") return;
      b = b
        ? { top: b.top, left: Math.min(b.left, c), bottom: r, right: Math.max(b.right, c) }
        : { top: r, left: c, bottom: r, right: c };
    });
  });
  return b;
}

/** findCell, not getCell: getCell creates every blank cell it is asked for. */
function cellAt(ws: ExcelJS.Worksheet, r: number, c: number, date1904: boolean): CellValue {
  const cell = ws.findCell(r, c);
  if (cell === undefined || cell.type === ExcelJS.ValueType.Merge) return "";
  return plainValue(cell.value, date1904);
}

/**
 * Cells in one sheet's used range at most: one stray value far away (XFD1048576) would otherwise
 * make a 6 KB file a grid of billions of cells and the process run out of memory.
 */
const MAX_GRID_CELLS = 20_000_000;

/** A worksheet's used range as a grid (an empty sheet gives an empty grid). */
export function sheetGrid(ws: ExcelJS.Worksheet, date1904 = false): SheetGrid {
  const b = usedBounds(ws);
  if (!b) return { name: ws.name, grid: [], firstRow: 1, firstColumn: 1 };
  const { top, left, bottom, right } = b;
  const cells = (bottom - top + 1) * (right - left + 1);
  if (cells > MAX_GRID_CELLS) {
    const used = `${ws.getCell(top, left).address}:${ws.getCell(bottom, right).address}`;
    throw userError(
      `Werkblad '${ws.name}' is te groot om te lezen: gebruikt bereik ${used} (${cells} cellen). ` +
        "Verwijder losse waarden buiten de tabel of sla het grootboek op als CSV.",
      `Sheet '${ws.name}' is too large to read: used range ${used} (${cells} cells). ` +
        "Remove stray values outside the table or save the ledger as CSV.",
    );
  }
  const grid: Grid = [];
  for (let r = top; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(cellAt(ws, r, c, date1904));
    grid.push(row);
  }
  return { name: ws.name, grid, firstRow: top, firstColumn: left };
}

interface LoadedWorkbook {
  /** The workbook as ExcelJS loaded it: the CLI adds its own sheets to it and writes a copy. */
  workbook: ExcelJS.Workbook;
  /** Every worksheet's used range as a grid, in workbook order. */
  sheets: SheetGrid[];
  /** Every Excel table, header row first (and its total row, as Range.values gives a table's range). */
  tables: PlainTable[];
}

/** A worksheet's tables, cut from its grid as the add-in cuts them from Range.values (0-based positions). */
function sheetTables(ws: ExcelJS.Worksheet, sheet: SheetGrid): PlainTable[] {
  const out: PlainTable[] = [];
  for (const t of ws.getTables()) {
    const model = (t as unknown as { table?: { name?: string; tableRef?: string } }).table;
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(model?.tableRef ?? "");
    if (!model?.name || !m) continue;
    const [top, left, bottom, right] = [Number(m[2]), columnNumber(m[1]), Number(m[4]), columnNumber(m[3])];
    const values: Grid = [];
    for (let r = top; r <= bottom; r++) {
      const row = sheet.grid[r - sheet.firstRow] ?? [];
      values.push(
        Array.from({ length: right - left + 1 }, (_, c) => row[left + c - sheet.firstColumn] ?? ""),
      );
    }
    out.push({ name: model.name, sheet: ws.name, values, firstRow: top - 1, firstColumn: left - 1 });
  }
  return out;
}

/** Load an .xlsx file once: the ExcelJS workbook and the grids the readers work on. */
export async function loadXlsxFileWithExcelJs(path: string): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    // The library's words stay as a detail, without its links; the advice comes first.
    const why = (e instanceof Error ? e.message : String(e)).replace(
      /[\s,;:]*(if it is,?\s*)?(see\s+)?https?:\/\/\S+/gi,
      "",
    );
    throw userError(
      `Excel-bestand onleesbaar: ${path}: het bestand is beschadigd. Open het in Excel (dat kan het vaak herstellen) en sla het opnieuw op als .xlsx (${why})`,
      `Unreadable Excel file: ${path}: the file is damaged. Open it in Excel (which can often repair it) and save it again as .xlsx (${why})`,
    );
  }
  const date1904 = workbook.properties?.date1904 === true;
  const sheets = workbook.worksheets.map((ws) => sheetGrid(ws, date1904));
  const tables = workbook.worksheets.flatMap((ws, i) => sheetTables(ws, sheets[i]));
  return { workbook, sheets, tables };
}

/** Every worksheet of an .xlsx file, in workbook order. */
export async function readXlsxFileWithExcelJs(path: string): Promise<SheetGrid[]> {
  return (await loadXlsxFileWithExcelJs(path)).sheets;
}
