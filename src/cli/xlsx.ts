/**
 * Excel workbooks (.xlsx/.xlsm) as grids, cell for cell what the add-in gets from Range.values, so the
 * CLI and the add-in read the same workbook the same way:
 *  - rich text and hyperlinks → their plain text; formulas → their cached result;
 *  - errors → their Excel text ("#N/A", "#DIV/0!");
 *  - dates → the Excel serial number (as Range.values), in the workbook's date system;
 *  - the non-top-left cells of a merged area → "".
 * Each grid is the used range (from the first to the last cell with a value); `firstRow` and
 * `firstColumn` keep reported row numbers the spreadsheet's.
 *
 * Read by the CLI's own streaming reader (src/cli/xlsxRead; until issue 13 item 2 by ExcelJS, whose
 * values it reproduces: tests/cli/xlsx-read.test.ts).
 */
import { readFileSync } from "fs";
import { PlainTable } from "../model/pipeline/workbook";
import { userError } from "./errors";
import { SheetGrid } from "./sheet";
import { checkXlsxFile } from "./xlsxCheck";
import { readWorkbook, TooManyCells } from "./xlsxRead";

interface LoadedWorkbook {
  /** Every worksheet's used range as a grid, in workbook order. */
  sheets: SheetGrid[];
  /** Every Excel table, header row first (and its total row, as Range.values gives a table's range). */
  tables: PlainTable[];
  /** The file's bytes (the copy of `compare -o` is made from them). */
  bytes: Uint8Array;
}

/**
 * Load an .xlsx file once: its bytes, and the grids the readers work on. `exceljsFalsy`: read formula
 * results 0/FALSE as ExcelJS did (for the comparison with it in tests only; see xlsxRead/worksheet.ts).
 */
export async function loadXlsxFile(
  path: string,
  options: { exceljsFalsy?: boolean } = {},
): Promise<LoadedWorkbook> {
  checkXlsxFile(path); // password-protected, an .xls, no zip, too large for memory: a clear message first
  const bytes = new Uint8Array(readFileSync(path));
  let sheetName = "";
  try {
    const { sheets, tables } = readWorkbook(bytes, (name) => (sheetName = name), options);
    return { sheets, tables, bytes };
  } catch (e) {
    if (e instanceof TooManyCells) {
      throw userError(
        `Werkblad '${sheetName}' is te groot om te lezen: gebruikt bereik ${e.used} (${e.cells} cellen). ` +
          "Verwijder losse waarden buiten de tabel of sla het grootboek op als CSV.",
        `Sheet '${sheetName}' is too large to read: used range ${e.used} (${e.cells} cells). ` +
          "Remove stray values outside the table or save the ledger as CSV.",
      );
    }
    const why = e instanceof Error ? e.message : String(e);
    throw userError(
      `Excel-bestand onleesbaar: ${path}: het bestand is beschadigd. Open het in Excel (dat kan het vaak herstellen) en sla het opnieuw op als .xlsx (${why})`,
      `Unreadable Excel file: ${path}: the file is damaged. Open it in Excel (which can often repair it) and save it again as .xlsx (${why})`,
    );
  }
}

/** Every worksheet of an .xlsx file, in workbook order. */
export async function readXlsxFile(path: string): Promise<SheetGrid[]> {
  return (await loadXlsxFile(path)).sheets;
}
