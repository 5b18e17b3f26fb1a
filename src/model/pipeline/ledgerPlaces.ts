/**
 * Where the ledger may be: every table and every non-empty user sheet as a candidate, the best of them,
 * the one the user chose, and its cost lines.
 */
import {
  AmbiguousHeader,
  ColumnMapping,
  detectHeader,
  LedgerRead,
  readLedger,
  yearFromSheetName,
} from "../grid";
import { Grid, LedgerField } from "../types";
import { isOutputSheet, LedgerCandidate, LedgerSource, PlainSheet, PlainWorkbook } from "./workbook";

/** A place a ledger may be: its grid and where grid[0][0] sits in the sheet (0-based). */
export interface LedgerPlace {
  candidate: LedgerCandidate;
  sheet: PlainSheet;
  grid: Grid;
  firstRow: number;
  firstColumn: number;
  /** 0-based grid index of the detected header row, null when none. */
  headerRow: number | null;
  complete: boolean;
  isTable: boolean;
}

function mappedCount(mapping: ColumnMapping): number {
  return Object.keys(mapping).length;
}

function headerTexts(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
}

function place(
  source: LedgerSource,
  label: string,
  sheet: PlainSheet,
  grid: Grid,
  firstRow: number,
  firstColumn: number,
  isTable: boolean,
): LedgerPlace | null {
  if (grid.length === 0) return null;
  const detected = detectHeader(grid);
  let headerRow: number | null;
  let mapping: ColumnMapping;
  let missing: LedgerField[];
  let ambiguous: AmbiguousHeader[];
  if (detected) {
    headerRow = detected.row;
    mapping = detected.mapping;
    missing = [];
    ambiguous = detected.ambiguous;
  } else {
    // Incomplete: readLedger stops at the missing columns and still tells what it recognised.
    const partial = readLedger(grid.slice(0, 50));
    headerRow = partial.headerRow;
    mapping = partial.mapping;
    missing = partial.missing;
    ambiguous = partial.ambiguous;
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
      // Two columns that name one field equally well: the pane asks which (never only guesses).
      ...(ambiguous.length > 0 ? { ambiguous } : {}),
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
export function ledgerPlaces(data: PlainWorkbook): LedgerPlace[] {
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
  data: PlainWorkbook,
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

/**
 * The cost lines of a place, with the user's column choice laid over the detected one. A sheet named
 * after a year ("2022", "Grootboek 2022") gives that year to lines without a Boekjaar or date.
 */
export function readPlace(p: LedgerPlace, mapping?: ColumnMapping): LedgerRead {
  return readLedger(p.grid, {
    sheet: p.sheet.name,
    firstRow: p.firstRow + 1,
    sheetYear: yearFromSheetName(p.sheet.name),
    ...(mapping ? { mapping } : {}),
    ...(p.headerRow !== null ? { headerRow: p.headerRow } : {}),
  });
}

/**
 * The places that together hold the ledger: the chosen one and, when it sits on a sheet named after a
 * year, the other year sheets with a ledger of the same columns ("2022", "2023": an export per year).
 * One table, selection or plain sheet otherwise.
 */
export function ledgerSources(places: readonly LedgerPlace[], chosen: LedgerPlace): LedgerPlace[] {
  const year = yearFromSheetName(chosen.sheet.name);
  if (year === null || chosen.candidate.source.kind === "selection") return [chosen];
  const fields = (p: LedgerPlace) => Object.keys(p.candidate.mapping).sort().join(",");
  const byYear = new Map<number, LedgerPlace>([[year, chosen]]);
  for (const p of places) {
    const y = yearFromSheetName(p.sheet.name);
    if (y === null || byYear.has(y) || !p.complete || p.sheet === chosen.sheet) continue;
    if (fields(p) === fields(chosen)) byYear.set(y, p);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}
