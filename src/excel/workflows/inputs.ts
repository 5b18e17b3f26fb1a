/**
 * What the workbook holds, worked out from one read (read.ts's WorkbookData) without touching Excel:
 * ledger candidates and the chosen ledger, key figures from every user sheet (and where their cells
 * are), the user's rules and the manual categories of the add-in's own categorisation sheet.
 */
import { detectHeader, LedgerRead, readLedger } from "../../model/grid";
import { findKeyFigureCell } from "../../model/keyFigureCells";
import { findKeyFigures, KeyFigureField } from "../../model/keyFigures";
import { absCell, sheetRef, SheetRole } from "../../model/layout";
import { readUserRules } from "../../model/userRulesSheet";
import { Grid, KeyFigures, LedgerField, ReadIssue, UserRule } from "../../model/types";
import { SheetData, WorkbookData } from "../read";
import { InputDetection, LedgerCandidate, LedgerSource } from "../workflow-api";

/** The add-in's output sheets: never read as input (the input sheets it creates belong to the user). */
const OUTPUT_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>(["categorisation", "comparison", "trend"]);

function isOutputSheet(sheet: SheetData): boolean {
  return sheet.role !== undefined && OUTPUT_ROLES.has(sheet.role);
}

/** A place a ledger may be: its grid and where grid[0][0] sits in the sheet (0-based). */
export interface LedgerPlace {
  candidate: LedgerCandidate;
  sheet: SheetData;
  grid: Grid;
  firstRow: number;
  firstColumn: number;
  /** 0-based grid index of the detected header row, null when none. */
  headerRow: number | null;
  complete: boolean;
  isTable: boolean;
}

function mappedCount(mapping: Partial<Record<LedgerField, number>>): number {
  return Object.keys(mapping).length;
}

function headerTexts(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
}

function place(
  source: LedgerSource,
  label: string,
  sheet: SheetData,
  grid: Grid,
  firstRow: number,
  firstColumn: number,
  isTable: boolean,
): LedgerPlace | null {
  if (grid.length === 0) return null;
  const detected = detectHeader(grid);
  let headerRow: number | null;
  let mapping: Partial<Record<LedgerField, number>>;
  let missing: LedgerField[];
  if (detected) {
    headerRow = detected.row;
    mapping = detected.mapping;
    missing = [];
  } else {
    // Incomplete: readLedger stops at the missing columns and still tells what it recognised.
    const partial = readLedger(grid.slice(0, 50));
    headerRow = partial.headerRow;
    mapping = partial.mapping;
    missing = partial.missing;
  }
  const firstFilled = grid.findIndex((row) => row.some((v) => v !== "" && v !== null && v !== undefined));
  const headerIndex = headerRow ?? Math.max(0, firstFilled);
  return {
    candidate: {
      source,
      label,
      headers: headerTexts(grid[headerIndex]),
      mapping,
      missing,
      rows: Math.max(0, grid.length - headerIndex - 1),
    },
    sheet,
    grid,
    firstRow,
    firstColumn,
    headerRow,
    complete: missing.length === 0,
    isTable,
  };
}

/** Every table and every non-empty sheet of the user, as ledger candidates. */
export function ledgerPlaces(data: WorkbookData): LedgerPlace[] {
  const user = data.sheets.filter((s) => !isOutputSheet(s));
  const byName = new Map(user.map((s) => [s.name, s]));
  const tables: LedgerPlace[] = [];
  for (const t of data.tables) {
    const sheet = byName.get(t.sheet);
    if (!sheet) continue;
    const p = place(
      { kind: "table", name: t.name },
      `${t.name} (${t.sheet})`,
      sheet,
      t.values,
      t.firstRow,
      t.firstColumn,
      true,
    );
    if (p) tables.push(p);
  }
  const sheets: LedgerPlace[] = [];
  for (const s of user) {
    // A sheet whose ledger is a table is offered as that table only.
    if (tables.some((t) => t.complete && t.sheet === s)) continue;
    const p = place({ kind: "sheet", name: s.name }, s.name, s, s.values, s.firstRow, s.firstColumn, false);
    if (p) sheets.push(p);
  }
  return [...tables, ...sheets];
}

/** The best complete candidate: a table first, then the most recognised columns, then the most rows. */
export function bestPlace(places: readonly LedgerPlace[]): number {
  let best = -1;
  const score = (p: LedgerPlace) => [p.isTable ? 1 : 0, mappedCount(p.candidate.mapping), p.candidate.rows];
  places.forEach((p, i) => {
    if (!p.complete) return;
    if (best < 0) return void (best = i);
    const a = score(p);
    const b = score(places[best]);
    for (let k = 0; k < a.length; k++) {
      if (a[k] !== b[k]) {
        if (a[k] > b[k]) best = i;
        return;
      }
    }
  });
  return best;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The place of a chosen source; undefined when it does not exist (anymore). */
export function placeOf(
  data: WorkbookData,
  places: readonly LedgerPlace[],
  source: LedgerSource,
): LedgerPlace | undefined {
  if (source.kind === "selection") {
    const sel = data.selection;
    if (!sel) return undefined;
    const sheet = data.sheets.find((s) => s.name === sel.sheet);
    if (!sheet || isOutputSheet(sheet)) return undefined;
    const r0 = sel.firstRow - sheet.firstRow;
    const c0 = sel.firstColumn - sheet.firstColumn;
    const grid: Grid = [];
    for (let r = 0; r < sel.rowCount; r++) {
      const row = sheet.values[r0 + r] ?? [];
      grid.push(Array.from({ length: sel.columnCount }, (_, c) => (c0 + c >= 0 ? (row[c0 + c] ?? "") : "")));
    }
    return place(source, sel.address, sheet, grid, sel.firstRow, sel.firstColumn, false) ?? undefined;
  }
  const found = places.find(
    (p) => p.candidate.source.kind === source.kind && sameName(p.candidate.source.name, source.name),
  );
  if (found) return found;
  if (source.kind === "table") {
    const t = data.tables.find((x) => sameName(x.name, source.name));
    const sheet = t && data.sheets.find((s) => s.name === t.sheet && !isOutputSheet(s));
    return t && sheet
      ? (place(source, t.name, sheet, t.values, t.firstRow, t.firstColumn, true) ?? undefined)
      : undefined;
  }
  const sheet = data.sheets.find((s) => sameName(s.name, source.name) && !isOutputSheet(s));
  return sheet
    ? (place(source, sheet.name, sheet, sheet.values, sheet.firstRow, sheet.firstColumn, false) ?? undefined)
    : undefined;
}

/** The cost lines of a place, with the user's column choice laid over the detected one. */
export function readPlace(p: LedgerPlace, mapping?: Partial<Record<LedgerField, number>>): LedgerRead {
  return readLedger(p.grid, {
    sheet: p.sheet.name,
    firstRow: p.firstRow + 1,
    ...(mapping ? { mapping } : {}),
    ...(p.headerRow !== null ? { headerRow: p.headerRow } : {}),
  });
}

/** Key figures found on one sheet, with the grid they came from (to locate their cells). */
export interface SheetFigures {
  sheet: SheetData;
  grid: Grid;
  figures: KeyFigures[];
}

/** The part of a sheet to search for key figures: for the ledger's own sheet, only the rows above the ledger. */
function keyFigureGrid(sheet: SheetData, ledger: LedgerPlace | undefined): Grid {
  if (!ledger || ledger.sheet !== sheet) return sheet.values;
  const headerSheetRow = ledger.firstRow + (ledger.headerRow ?? 0);
  return sheet.values.slice(0, Math.max(0, headerSheetRow - sheet.firstRow));
}

export function findAllKeyFigures(
  data: WorkbookData,
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

const FIELDS: KeyFigureField[] = ["municipality", "year", "inhabitants", "budget", "fteOwn", "fteHired"];

function fill(target: KeyFigures, source: KeyFigures, override = false): void {
  for (const f of FIELDS) {
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
  field: "inhabitants" | "budget" | "fteOwn" | "fteHired",
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
  data: WorkbookData,
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

/** The detection the task pane's mapping step shows. */
export function detection(
  places: readonly LedgerPlace[],
  chosen: number,
  keyFigures: KeyFigures[],
  missingKeyFigures: (keyof KeyFigures)[],
  years: number[],
): InputDetection {
  return { ledgers: places.map((p) => p.candidate), chosen, keyFigures, missingKeyFigures, years };
}
