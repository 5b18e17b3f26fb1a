/**
 * Key figures (kerngegevens) from anywhere in a sheet: label/value pairs ("Inwoners | 61.000",
 * value right of or below its label, or "Gemeente: Utrecht" in one cell) or a table with one
 * row per year (a header row with Jaar/Boekjaar and other labels). One KeyFigures per year.
 *
 * Row numbers in issues are spreadsheet rows: `firstRow + index` (firstRow defaults to 1).
 *
 * The parts live in src/model/keyFigures/: labels (recognising a label), values (checking a value)
 * and grouping (from pairs to one set per year).
 */
import { parseYear } from "./amount";
import { isEmptyCell } from "./grid/cells";
import { Grid, KeyFigures, ReadIssue } from "./types";
import { groupPairs, mergeGroups, Pair } from "./keyFigures/grouping";
import { KeyFigureField, labelOf } from "./keyFigures/labels";
import { assign, badValue, parseValue } from "./keyFigures/values";

export type { KeyFigureField } from "./keyFigures/labels";
export { KEY_FIGURE_FIELDS } from "./keyFigures/labels";

interface KeyFigureOptions {
  sheet?: string;
  firstRow?: number;
}

interface KeyFiguresRead {
  figures: KeyFigures[];
  issues: ReadIssue[];
}

/** Reads one sheet: tables with a row per year first, then the label/value pairs no table used. */
class Scanner {
  readonly issues: ReadIssue[] = [];
  readonly tableGroups: KeyFigures[] = [];
  readonly pairs: Pair[] = [];
  private readonly labels: ({ field: KeyFigureField; inline?: string } | null)[][];
  private readonly used = new Set<string>();

  constructor(
    private readonly grid: Grid,
    private readonly firstRow: number,
    private readonly sheet: string | undefined,
  ) {
    this.labels = grid.map((row) => (Array.isArray(row) ? row.map(labelOf) : []));
  }

  scan(): void {
    for (let r = 0; r < this.grid.length; r++) this.tryYearTable(r);
    for (let r = 0; r < this.grid.length; r++) {
      this.labels[r].forEach((label, c) => {
        if (label && !this.used.has(`${r},${c}`)) this.readPair(r, c, label);
      });
    }
  }

  private cell(r: number, c: number): unknown {
    const row = this.grid[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  private isLabel(r: number, c: number): boolean {
    return (this.labels[r]?.[c] ?? null) !== null;
  }

  /** A header row with a year label and other labels, over rows that start with a year. */
  private tryYearTable(r: number): void {
    const header = this.labels[r];
    const yearCol = header.findIndex(
      (l, c) => l?.field === "year" && !l.inline && !this.used.has(`${r},${c}`),
    );
    if (yearCol < 0 || header.filter((l) => l && !l.inline).length < 2) return;
    let k = r + 1;
    for (; k < this.grid.length && parseYear(this.cell(k, yearCol)) !== null; k++) {
      const entry: KeyFigures = {};
      header.forEach((label, c) => {
        if (label && !label.inline) this.take(entry, label.field, this.cell(k, c), k);
      });
      this.tableGroups.push(entry);
    }
    if (k === r + 1) return; // no year below: not a table, maybe pairs
    header.forEach((_, c) => this.used.add(`${r},${c}`));
  }

  private take(entry: KeyFigures, field: KeyFigureField, v: unknown, r: number): void {
    if (isEmptyCell(v)) return;
    const parsed = parseValue(field, v);
    if (parsed.ok) assign(entry, field, parsed.value);
    else this.report(field, v, r);
  }

  private report(field: KeyFigureField, v: unknown, r: number): void {
    const row = this.firstRow + r;
    const message = badValue(field, v, row);
    this.issues.push(this.sheet === undefined ? { row, message } : { sheet: this.sheet, row, message });
  }

  /** The value right of the label (first filled cell), else below it (within three rows). */
  private readPair(r: number, c: number, label: { field: KeyFigureField; inline?: string }): void {
    const candidates: { v: unknown; r: number }[] = [];
    if (label.inline !== undefined) candidates.push({ v: label.inline, r });
    const row = this.grid[r];
    for (let x = c + 1; x < row.length; x++) {
      if (isEmptyCell(row[x])) continue;
      if (!this.isLabel(r, x)) candidates.push({ v: row[x], r });
      break;
    }
    for (let y = r + 1; y < Math.min(this.grid.length, r + 4); y++) {
      const v = this.cell(y, c);
      if (isEmptyCell(v)) continue;
      if (!this.isLabel(y, c)) candidates.push({ v, r: y });
      break;
    }
    for (const cand of candidates) {
      const parsed = parseValue(label.field, cand.v);
      if (parsed.ok) {
        this.pairs.push({ field: label.field, value: parsed.value, row: r, col: c });
        return;
      }
    }
    if (candidates.length > 0) this.report(label.field, candidates[0].v, candidates[0].r);
  }
}

/** Key figures of a sheet, one entry per year sorted by year, and the values that could not be read. */
export function findKeyFigures(grid: Grid, options: KeyFigureOptions = {}): KeyFiguresRead {
  const rows: Grid = Array.isArray(grid) ? grid : [];
  const firstRow = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 1;
  const scanner = new Scanner(rows, firstRow, options.sheet);
  scanner.scan();
  const groups = [...scanner.tableGroups, ...groupPairs(scanner.pairs)];
  return { figures: mergeGroups(groups), issues: scanner.issues };
}

/**
 * The key figures of a year: its own entry, else the only entry when that has no year
 * (a sheet that never states one); undefined otherwise.
 */
export function keyFiguresForYear(figures: readonly KeyFigures[], year: number): KeyFigures | undefined {
  const exact = figures.find((f) => f.year === year);
  if (exact) return exact;
  return figures.length === 1 && figures[0].year === undefined ? figures[0] : undefined;
}
