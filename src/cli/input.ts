/**
 * From a path on the command line to the sheets the commands work on: which reader, which sheet
 * holds the ledger, where the key figures are. Every user mistake becomes a UserError.
 */
import { statSync } from "fs";
import type { Workbook } from "exceljs";
import { extname } from "path";
import { LedgerRead, detectHeader, readLedger } from "../model/grid";
import { findKeyFigures } from "../model/keyFigures";
import { fold } from "../model/text";
import { KeyFigures, ReadIssue, UserRule } from "../model/types";
import { readUserRules } from "../model/userRulesSheet";
import { readCsvFile } from "./csv";
import { userError } from "./errors";
import { SheetGrid } from "./sheet";

export interface InputWorkbook {
  path: string;
  sheets: SheetGrid[];
  /** For .xlsx/.xlsm: the workbook as loaded, so a copy can be written without reading it twice. */
  excel?: Workbook;
}

const EXCEL_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

function checkFile(path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw userError(`Bestand niet gevonden: ${path}`, `File not found: ${path}`);
  }
  if (!isFile) throw userError(`Geen bestand: ${path}`, `Not a file: ${path}`);
}

/** Read a .csv, .xlsx or .xlsm file; the file is only read, never written. */
export async function readInputFile(path: string): Promise<InputWorkbook> {
  checkFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return { path, sheets: [readCsvFile(path)] };
  if (EXCEL_EXTENSIONS.has(ext)) {
    // ExcelJS takes a second to load: only for workbooks, not for CSV files or --help.
    const { loadXlsxFile } = await import("./xlsx");
    const { workbook, sheets } = await loadXlsxFile(path);
    return { path, sheets, excel: workbook };
  }
  throw userError(
    `Bestandstype '${ext || "(geen)"}' wordt niet ondersteund: gebruik .csv of .xlsx (${path})`,
    `Unsupported file type '${ext || "(none)"}': use .csv or .xlsx (${path})`,
  );
}

function sheetByName(book: InputWorkbook, name: string): SheetGrid {
  const sheet =
    book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => fold(s.name) === fold(name));
  if (sheet) return sheet;
  const names = book.sheets.map((s) => `'${s.name}'`).join(", ");
  throw userError(
    `Werkblad '${name}' niet gevonden in ${book.path}; aanwezig: ${names}`,
    `Sheet '${name}' not found in ${book.path}; present: ${names}`,
  );
}

/**
 * The sheet holding the ledger: the named one, else the first whose grid has a ledger header
 * (description and amount columns).
 */
export function selectLedgerSheet(book: InputWorkbook, name?: string): SheetGrid {
  const candidates = name === undefined ? book.sheets : [sheetByName(book, name)];
  const sheet = candidates.find((s) => detectHeader(s.grid) !== null);
  if (sheet) return sheet;
  const where = name === undefined ? book.path : `${book.path}, werkblad '${name}'`;
  const whereEn = name === undefined ? book.path : `${book.path}, sheet '${name}'`;
  throw userError(
    `Geen grootboek gevonden in ${where}: geen kopregel met kolommen Omschrijving en Bedrag`,
    `No ledger found in ${whereEn}: no header row with Description and Amount columns`,
  );
}

/** The ledger lines of a sheet, with rows numbered as in the spreadsheet. */
export function readLedgerSheet(sheet: SheetGrid): LedgerRead {
  return readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
}

/**
 * Key figures from every sheet but the ledger's (its Boekjaar column is no key-figure table),
 * merged per year; the first sheet to give a value wins.
 */
export function readKeyFigures(
  book: InputWorkbook,
  ledger?: SheetGrid,
): { figures: KeyFigures[]; issues: ReadIssue[] } {
  const byYear = new Map<number | undefined, KeyFigures>();
  const issues: ReadIssue[] = [];
  for (const sheet of book.sheets.filter((s) => s !== ledger)) {
    const read = findKeyFigures(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
    issues.push(...read.issues);
    for (const f of read.figures) byYear.set(f.year, { ...f, ...byYear.get(f.year) });
  }
  const figures = [...byYear.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return { figures, issues };
}

/**
 * The user's own categorisation rules: the first sheet other than the ledger with a rules header
 * (Patroon, Categorie — the Regels sheet of the template). Unusable rule rows become issues.
 */
export function readRulesSheet(
  book: InputWorkbook,
  ledger?: SheetGrid,
): { rules: UserRule[]; issues: ReadIssue[] } {
  for (const sheet of book.sheets.filter((s) => s !== ledger)) {
    const read = readUserRules(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
    if (read) return { rules: read.rules, issues: read.issues };
  }
  return { rules: [], issues: [] };
}
