/**
 * Key figures from every user sheet (above the ledger on the ledger's own sheet), merged per year with
 * the figures the user typed, and the user's cell behind each figure so the report can refer to it live.
 * Also the user's own rules (a sheet with a Patroon/Categorie header).
 */
import { findKeyFigureCell } from "../keyFigureCells";
import { findKeyFigures, KEY_FIGURE_FIELDS, KeyFigureField } from "../keyFigures";
import { absCell, sheetRef } from "../layout/a1";
import { readUserRules } from "../userRulesSheet";
import { Grid, KeyFigures, ReadIssue, UserRule } from "../types";
import { LedgerPlace } from "./ledgerPlaces";
import { isOutputSheet, PlainSheet, PlainWorkbook } from "./workbook";

/** Key figures found on one sheet, with the grid they came from (to locate their cells). */
export interface SheetFigures {
  sheet: PlainSheet;
  grid: Grid;
  figures: KeyFigures[];
}

/** The part of a sheet to search for key figures: for the ledger's own sheet, only the rows above the ledger. */
function keyFigureGrid(sheet: PlainSheet, ledger: LedgerPlace | undefined): Grid {
  if (!ledger || ledger.sheet !== sheet) return sheet.values;
  const headerSheetRow = ledger.firstRow + (ledger.headerRow ?? 0);
  return sheet.values.slice(0, Math.max(0, headerSheetRow - sheet.firstRow));
}

export function findAllKeyFigures(
  data: PlainWorkbook,
  ledger: LedgerPlace | undefined,
): { perSheet: SheetFigures[]; issues: ReadIssue[] } {
  const perSheet: SheetFigures[] = [];
  const issues: ReadIssue[] = [];
  for (const sheet of data.sheets) {
    // A sheet over the read cap was not read whole: skipped (the workflows report it as an issue).
    if (isOutputSheet(sheet) || sheet.values.length === 0 || sheet.tooLarge) continue;
    const grid = keyFigureGrid(sheet, ledger);
    const read = findKeyFigures(grid, { sheet: sheet.name, firstRow: sheet.firstRow + 1 });
    issues.push(...read.issues);
    if (read.figures.length > 0) perSheet.push({ sheet, grid, figures: read.figures });
  }
  return { perSheet, issues };
}

function fill(target: KeyFigures, source: KeyFigures, override = false): void {
  for (const f of KEY_FIGURE_FIELDS) {
    const v = source[f];
    if (v === undefined || (!override && target[f] !== undefined)) continue;
    (target as Record<string, unknown>)[f] = v;
  }
}

/**
 * One KeyFigures per year over all sheets (the first sheet that has a value wins; sets without a year
 * fill every year), then the figures typed in the task pane on top (a typed set without a year applies
 * to every year).
 */
export function mergeKeyFigures(
  perSheet: readonly SheetFigures[],
  typed: readonly KeyFigures[] = [],
): KeyFigures[] {
  const byYear = new Map<number, KeyFigures>();
  const yearless: KeyFigures = {};
  const all = [...perSheet.flatMap((s) => s.figures), ...typed.filter((t) => t.year !== undefined)];
  for (const f of all) {
    if (f.year === undefined) fill(yearless, f);
    else if (!byYear.has(f.year)) byYear.set(f.year, { year: f.year });
  }
  for (const s of perSheet) for (const f of s.figures) if (f.year !== undefined) fill(byYear.get(f.year)!, f);
  let merged: KeyFigures[] = [...byYear.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  if (merged.length === 0 && Object.keys(yearless).length > 0) merged = [{}];
  for (const m of merged) fill(m, yearless);
  for (const t of typed) {
    for (const m of merged) if (t.year === undefined || t.year === m.year) fill(m, t, true);
    if (merged.length === 0) merged.push({ ...t });
  }
  return merged;
}

/** The key figures that are numbers: the ones a formula can refer to. */
export type NumericKeyFigure = Exclude<KeyFigureField, "municipality" | "year">;

/** Where the comparison's input cells get their values: a live reference or a constant. */
export type FigureRef = string | number | undefined;

/**
 * A reference to the user's cell holding key figure `field` of `year` ('Kerngegevens'!$B$6), or the
 * value as a constant when it was typed in the task pane or its cell cannot be pinned down.
 */
export function keyFigureRef(
  perSheet: readonly SheetFigures[],
  typed: readonly KeyFigures[],
  merged: KeyFigures | undefined,
  field: NumericKeyFigure,
  year: number,
): FigureRef {
  const value = merged?.[field];
  if (value === undefined) return undefined;
  if (typed.some((t) => (t.year === undefined || t.year === year) && t[field] !== undefined)) return value;
  for (const s of perSheet) {
    const at = findKeyFigureCell(s.grid, field, value, year);
    if (at)
      return sheetRef(s.sheet.name, absCell(s.sheet.firstColumn + at.col + 1, s.sheet.firstRow + at.row + 1));
  }
  return value;
}

/** The user's rules: from every user sheet (not the ledger's) with a Patroon/Categorie header. */
export function findUserRules(
  data: PlainWorkbook,
  ledger: LedgerPlace | undefined,
): { rules: UserRule[]; issues: ReadIssue[] } {
  const rules: UserRule[] = [];
  const issues: ReadIssue[] = [];
  for (const sheet of data.sheets) {
    if (isOutputSheet(sheet) || sheet === ledger?.sheet || sheet.tooLarge) continue;
    const read = readUserRules(sheet.values, { sheet: sheet.name, firstRow: sheet.firstRow + 1 });
    if (!read) continue;
    rules.push(...read.rules);
    issues.push(...read.issues);
  }
  return { rules, issues };
}
