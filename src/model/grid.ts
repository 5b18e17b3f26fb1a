/**
 * The ledger reader: from a Range.values grid (or a parsed CSV) to cost lines.
 *
 * It finds the header row below any title rows, maps columns by their Dutch or English
 * headers, and reads every row after it. Each such row ends up in exactly one place: a
 * line, a skipped row (blank, total, repeated header, nothing to count) or an issue
 * (unreadable; left out of the sums). User data never makes it throw.
 *
 * Columns: see grid/headers.ts and docs/exports.md. The amount of a line is Debet − Credit when
 * the ledger has those columns, else its Bedrag (negated when a D/C column says credit), else its
 * Saldo. Its year is its Boekjaar, else the year of its date, else of its period, else
 * options.sheetYear, else null (the pipeline gives the key-figure year).
 *
 * Rows: `headerRow` (in options and result) is a 0-based index into the grid; `row` in
 * lines and issues is the 1-based spreadsheet row number, `firstRow + index`.
 */
import { amountInRange, parseAmount, parseFte, parseYear } from "./amount";
import { cellText, displayValue, isEmptyCell, isExcelError, labelKey } from "./grid/cells";
import { parseDate, parsePeriod } from "./grid/dates";
import {
  AMOUNT_FIELDS,
  AmbiguousHeader,
  ColumnMapping,
  READER_FIELDS,
  ReaderField,
  hasAmountColumn,
  mapHeaderRowDetailed,
  mappedCount,
  matchHeader,
  missingFields,
} from "./grid/headers";
import { Grid, LedgerField, LedgerLine, ReadIssue, YearSource } from "./types";

export { matchHeader, missingFields } from "./grid/headers";
export type { AmbiguousHeader, ColumnMapping, ReaderField } from "./grid/headers";
export { parseDate, parsePeriod, yearFromSheetName } from "./grid/dates";

/**
 * A line as the reader gives it: a LedgerLine (what the categoriser takes) plus what the
 * export said about its date, period and document, and where its year came from. The extra
 * fields are undefined when the ledger has no such value.
 */
export interface ReadLine extends LedgerLine {
  /** Booking (or invoice) date as "yyyy-mm-dd". */
  date?: string;
  /** Period number 1..13 from a Periode column ("2022-07", 7). */
  period?: number;
  /** Invoice or document number (Factuurnummer, Boekstuk). */
  document?: string;
  /**
   * Where `year` came from: the line's Boekjaar, its date, its period, the sheet's name; the
   * pipeline sets "kerngegevens" when it gives a line without a year the key-figure year.
   * Undefined while the year is null.
   */
  yearSource?: YearSource;
}

/** Where the amounts of a read came from. */
export type AmountSource = "amount" | "debitCredit" | "balance";

/**
 * Kinds of rows after the header that are no cost line and no problem. "subtotal": a total
 * row with a qualifier ("Totaal 44100", "Subtotaal ICT"); "total": the source's grand total
 * ("Totaal", "Eindtotaal", "Totaal generaal", "Grand total"); "tableTotal": the total row of an
 * Excel table (options.totalsRow).
 */
export type SkipKind = "blank" | "header" | "subtotal" | "total" | "tableTotal";

/** A skipped row that is not blank: where it is, what it said, the amount it carried. */
export interface SkippedRow {
  /** 1-based spreadsheet row. */
  row: number;
  kind: Exclude<SkipKind, "blank">;
  /** The total label ("Totaal 44100") or, for a repeated header, its description cell. */
  label: string;
  /** The row's amount read as a line's would be (Debet − Credit, Bedrag, Saldo); null when none. */
  amount: number | null;
  /**
   * Subtotals and totals: sum of the lines read since the previous subtotal or total row; for a
   * subtotal right below other subtotals ("Totaal taakveld 0.4" after "Totaal 44100", "Totaal
   * 44200"), of the lines since the previous such higher-level subtotal.
   */
  linesAbove: number;
}

/** How many lines got their year from each source; `none`: no year (the pipeline's to give). */
export interface YearSourceCounts {
  boekjaar: number;
  datum: number;
  periode: number;
  blad: number;
  none: number;
}

export interface LedgerRead {
  /** 0-based grid index of the header row; null when the data has none (or none was found). */
  headerRow: number | null;
  mapping: ColumnMapping;
  /** Required fields without a column: when not empty, no rows were read (ask the user). */
  missing: LedgerField[];
  lines: ReadLine[];
  issues: ReadIssue[];
  /** Rows after the header that are no cost line and no problem: blank, total, repeated header. */
  skipped: number;
  /** Sheet or file name as given in the options. */
  sheet?: string;
  /** Fields two header cells named equally well; the reader took the first column (ask the user). */
  ambiguous: AmbiguousHeader[];
  /** Which column(s) gave the amounts; null when none (missing). */
  amountFrom: AmountSource | null;
  /** Skipped rows without any description or amount (their sum is 0 by definition). */
  blankRows: number;
  /** Every other skipped row, in order: repeated headers, subtotals, totals. */
  skippedRows: SkippedRow[];
  /** Lines per source of their year. */
  yearSources: YearSourceCounts;
  /** The year given by options.sheetYear, or null. */
  sheetYear: number | null;
  /** Lines whose own year (Boekjaar, date, period) differs from sheetYear: worth a warning. */
  sheetYearConflicts: number;
}

export interface ReadOptions {
  /** Sheet or file name, copied into issues. */
  sheet?: string;
  /** Spreadsheet row number of grid[0]; default 1. */
  firstRow?: number;
  /** The user's own column choice; wins over detected headers. */
  mapping?: ColumnMapping;
  /** 0-based grid index of the header row; null: no header, data starts at grid[0]. */
  headerRow?: number | null;
  /**
   * The year of lines without a Boekjaar, date or period: the pipeline passes
   * yearFromSheetName(sheet name) for a sheet per year ("2022", "Grootboek 2022").
   */
  sheetYear?: number | null;
  /** 0-based grid index of an Excel table's total row (Table.showTotals): skipped as "tableTotal". */
  totalsRow?: number;
}

/** How far down title rows may push the header. */
const HEADER_SCAN_ROWS = 50;

/**
 * The header row: of the first 50 rows, the one that maps most known headers and maps at
 * least description and an amount (Bedrag, Debet/Credit or Saldo; the first such row on a tie).
 * Null when there is none.
 */
export function detectHeader(grid: Grid): { row: number; mapping: ColumnMapping } | null {
  const best = bestHeaderRow(grid);
  return best && hasRequired(best.mapping) ? { row: best.row, mapping: best.mapping } : null;
}

interface HeaderCandidate {
  row: number;
  mapping: ColumnMapping;
  ambiguous: AmbiguousHeader[];
}

/** The best header candidate, complete or not (a partial one still helps the mapping step). */
function bestHeaderRow(grid: Grid): HeaderCandidate | null {
  if (!Array.isArray(grid)) return null;
  let best: (HeaderCandidate & { score: number }) | null = null;
  const end = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const { mapping, ambiguous } = mapHeaderRowDetailed(grid[r]);
    const count = mappedCount(mapping);
    // Complete rows outrank partial ones; then more mapped columns win.
    const score = (hasRequired(mapping) ? 100 : 0) + count;
    if (count > 0 && (best === null || score > best.score)) best = { row: r, mapping, ambiguous, score };
  }
  return best && { row: best.row, mapping: best.mapping, ambiguous: best.ambiguous };
}

function hasRequired(mapping: ColumnMapping): boolean {
  return mapping.description !== undefined && hasAmountColumn(mapping);
}

/** Detected columns, with the user's choices laid over them (a column serves one field). */
function mergeMapping(detected: ColumnMapping, chosen: ColumnMapping | undefined): ColumnMapping {
  if (!chosen) return { ...detected };
  const merged: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of READER_FIELDS) {
    const col = chosen[field];
    if (typeof col === "number" && Number.isInteger(col) && col >= 0) {
      merged[field] = col;
      taken.add(col);
    }
  }
  // A chosen amount column replaces the detected Debet/Credit/Saldo, and the other way round.
  const choseAmount = AMOUNT_FIELDS.some((f) => merged[f] !== undefined);
  for (const field of READER_FIELDS) {
    const col = detected[field];
    if (choseAmount && AMOUNT_FIELDS.includes(field)) continue;
    if (merged[field] === undefined && col !== undefined && !taken.has(col)) merged[field] = col;
  }
  return merged;
}

function locateHeader(grid: Grid, options: ReadOptions): Located {
  const given = options.headerRow;
  if (given === null) return { row: null, mapping: {}, ambiguous: [] };
  if (typeof given === "number" && Number.isInteger(given) && given >= 0 && given < grid.length) {
    return { row: given, ...mapHeaderRowDetailed(grid[given]) };
  }
  const best = bestHeaderRow(grid);
  return best ?? { row: null, mapping: {}, ambiguous: [] };
}

interface Located {
  row: number | null;
  mapping: ColumnMapping;
  ambiguous: AmbiguousHeader[];
}

/** Debet/Credit win over Bedrag, Bedrag over Saldo (a running balance beside Debet/Credit). */
function amountSource(mapping: ColumnMapping): AmountSource | null {
  if (mapping.debit !== undefined || mapping.credit !== undefined) return "debitCredit";
  if (mapping.amount !== undefined) return "amount";
  if (mapping.balance !== undefined) return "balance";
  return null;
}

/** Ties the user resolved by choosing a column no longer count as ambiguous. */
function openAmbiguities(ambiguous: AmbiguousHeader[], chosen: ColumnMapping | undefined): AmbiguousHeader[] {
  if (!chosen) return ambiguous;
  return ambiguous.filter((a) => chosen[a.field] === undefined);
}

function emptyRead(
  headerRow: number | null,
  mapping: ColumnMapping,
  ambiguous: AmbiguousHeader[],
  options: ReadOptions,
): LedgerRead {
  const sheetYear = typeof options.sheetYear === "number" ? parseYear(options.sheetYear) : null;
  const read: LedgerRead = {
    headerRow,
    mapping,
    missing: missingFields(mapping),
    lines: [],
    issues: [],
    skipped: 0,
    ambiguous,
    amountFrom: amountSource(mapping),
    blankRows: 0,
    skippedRows: [],
    yearSources: { boekjaar: 0, datum: 0, periode: 0, blad: 0, none: 0 },
    sheetYear,
    sheetYearConflicts: 0,
  };
  if (options.sheet !== undefined) read.sheet = options.sheet;
  return read;
}

/**
 * Read a ledger grid into cost lines, skipped rows and issues. Every row after the header ends
 * up in exactly one of `lines`, `issues` or the skipped rows (`blankRows` + `skippedRows`), so
 * reconcile() can account for every euro.
 */
export function readLedger(grid: Grid, options: ReadOptions = {}): LedgerRead {
  const rows: Grid = Array.isArray(grid) ? grid : [];
  const located = locateHeader(rows, options);
  const mapping = mergeMapping(located.mapping, options.mapping);
  const result = emptyRead(
    located.row,
    mapping,
    openAmbiguities(located.ambiguous, options.mapping),
    options,
  );
  if (result.missing.length > 0) return result;
  const firstRow = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 1;
  const totalsRow = Number.isInteger(options.totalsRow) ? (options.totalsRow as number) : -1;
  const reader = new RowReader(mapping, options.sheet, result);
  for (let r = located.row === null ? 0 : located.row + 1; r < rows.length; r++) {
    const outcome = reader.read(rows[r], firstRow + r, r === totalsRow);
    if (outcome === SKIPPED) result.skipped++;
    else if (outcome === ISSUE) result.issues.push(reader.lastIssue as ReadIssue);
    else result.lines.push(outcome);
  }
  return result;
}

// Outcomes as markers rather than a union to inspect: the loop stays monomorphic and fast.
const SKIPPED = 0;
const ISSUE = 1;
type RowOutcome = ReadLine | typeof SKIPPED | typeof ISSUE;

// What reading a row's amount cells gave.
const AMOUNT_OK = 0;
const AMOUNT_EMPTY = 1;
const AMOUNT_BAD = 2;
const AMOUNT_RANGE = 3;

/** "Totaal", "Subtotaal", "Sub-totaal", "Eindtotaal", "Total", "Grand total" at the start. */
const TOTAL_LABEL = /^(?:sub-?|eind|grand\s*)?totaa?l(?![a-z])/i;
/** A grand total: "Totaal", "TOTAAL:", "Eindtotaal", "Totaal generaal", "Grand total" (labelKey form). */
const GRAND_TOTAL =
  /^(?:(?:eind|grand ?)totaa?l|totaa?l(?: generaal| general| overall| grootboek| alle [a-z]+)?)$/;

class RowReader {
  /** The issue of the last row read when it returned ISSUE. */
  lastIssue: ReadIssue | null = null;
  // Column indexes, -1 when absent: plain small integers keep the row loop monomorphic.
  private readonly description: number;
  private readonly amountCol: number;
  private readonly debit: number;
  private readonly credit: number;
  private readonly sign: number;
  private readonly yearCol: number;
  private readonly dateCol: number;
  private readonly periodCol: number;
  private readonly documentCol: number;
  private readonly useDebitCredit: boolean;
  /** Whether the ledger has a date, period or document column (the lines then carry them). */
  private readonly exportColumns: boolean;
  private readonly sheetYear: number;
  // Set by readAmount.
  private value = 0;
  /** The cell to quote in a message about the amount (the offending one, or the filled one). */
  private shown: unknown = "";
  private shownField: ReaderField = "amount";
  /** Sum (Neumaier) and count of the lines read since the last subtotal or total row. */
  private sectionSum = 0;
  private sectionComp = 0;
  private sectionLines = 0;
  /** Sum of the lines since the last higher-level subtotal (one with no lines right above it). */
  private groupSum = 0;
  private groupComp = 0;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly sheet: string | undefined,
    private readonly out: LedgerRead,
  ) {
    const col = (f: ReaderField) => (mapping[f] === undefined ? -1 : (mapping[f] as number));
    this.description = col("description");
    const from = out.amountFrom;
    this.useDebitCredit = from === "debitCredit";
    this.amountCol = from === "amount" ? col("amount") : from === "balance" ? col("balance") : -1;
    this.debit = this.useDebitCredit ? col("debit") : -1;
    this.credit = this.useDebitCredit ? col("credit") : -1;
    this.sign = this.useDebitCredit ? -1 : col("debitCredit");
    this.yearCol = col("year");
    this.dateCol = col("date");
    this.periodCol = col("period");
    this.documentCol = col("document");
    this.exportColumns = this.dateCol >= 0 || this.periodCol >= 0 || this.documentCol >= 0;
    this.sheetYear = out.sheetYear ?? -1;
  }

  read(row: unknown, rowNumber: number, isTableTotal: boolean): RowOutcome {
    if (!Array.isArray(row)) {
      this.out.blankRows++;
      return SKIPPED;
    }
    const description = this.description < 0 ? "" : cellText(row[this.description]);
    const state = this.readAmount(row);
    if (isTableTotal) return this.skip(rowNumber, "tableTotal", totalLabel(row, description) ?? "", state);
    const label = totalLabel(row, description);
    if (label !== null) return this.skip(rowNumber, grandTotal(label) ? "total" : "subtotal", label, state);
    // Blank rows, and rows with nothing to count (a note in another column), are no cost line.
    if (state === AMOUNT_EMPTY) {
      if (description === "") {
        this.out.blankRows++;
        return SKIPPED;
      }
      return this.issue(rowNumber, missingAmount(rowNumber, description));
    }
    if (state === AMOUNT_BAD) {
      if (this.isRepeatedHeader(row)) return this.skip(rowNumber, "header", description, state);
      return this.issue(rowNumber, unreadableAmount(rowNumber, this.shown, this.shownField));
    }
    if (state === AMOUNT_RANGE) return this.issue(rowNumber, outOfRange(rowNumber, this.shown));
    if (description === "") return this.issue(rowNumber, missingDescription(rowNumber, this.shown));
    return this.line(row, rowNumber, description, this.value);
  }

  /** Reads the row's amount into this.value: Debet − Credit, or Bedrag (signed by a D/C column), or Saldo. */
  private readAmount(row: unknown[]): number {
    if (this.useDebitCredit) {
      const d: unknown = this.debit < 0 ? "" : row[this.debit];
      const c: unknown = this.credit < 0 ? "" : row[this.credit];
      const dEmpty = isEmptyCell(d);
      const cEmpty = isEmptyCell(c);
      if (dEmpty && cEmpty) return AMOUNT_EMPTY;
      let debit = 0;
      let credit = 0;
      if (!dEmpty) {
        this.shown = d;
        this.shownField = "debit";
        const v = parseAmount(d);
        if (v === null) return AMOUNT_BAD;
        if (!amountInRange(v)) return AMOUNT_RANGE;
        debit = v;
      }
      if (!cEmpty) {
        const v = parseAmount(c);
        if (v === null || !amountInRange(v) || dEmpty) {
          this.shown = c;
          this.shownField = "credit";
        }
        if (v === null) return AMOUNT_BAD;
        if (!amountInRange(v)) return AMOUNT_RANGE;
        credit = v;
      }
      this.value = credit === 0 ? debit : debit === 0 ? -credit : debit - credit;
      return AMOUNT_OK;
    }
    const cell: unknown = this.amountCol < 0 ? "" : row[this.amountCol];
    this.shown = cell;
    this.shownField = "amount";
    if (isEmptyCell(cell)) return AMOUNT_EMPTY;
    const v = parseAmount(cell);
    if (v === null) return AMOUNT_BAD;
    if (!amountInRange(v)) return AMOUNT_RANGE;
    this.value = v;
    if (this.sign >= 0 && v !== 0 && isCreditMark(row[this.sign])) this.value = -v;
    return AMOUNT_OK;
  }

  private skip(rowNumber: number, kind: SkippedRow["kind"], label: string, state: number): typeof SKIPPED {
    let linesAbove = 0;
    if (kind !== "header") {
      if (kind === "subtotal" && this.sectionLines === 0) {
        linesAbove = this.groupSum + this.groupComp;
        this.groupSum = 0;
        this.groupComp = 0;
      } else linesAbove = this.sectionSum + this.sectionComp;
      if (kind !== "subtotal") {
        this.groupSum = 0;
        this.groupComp = 0;
      }
      this.sectionSum = 0;
      this.sectionComp = 0;
      this.sectionLines = 0;
    }
    const amount = state === AMOUNT_OK ? this.value : null;
    this.out.skippedRows.push({ row: rowNumber, kind, label, amount, linesAbove });
    return SKIPPED;
  }

  private line(row: unknown[], rowNumber: number, description: string, amount: number): ReadLine {
    const m = this.mapping;
    const category = textAt(row, m.category);
    // Neumaier summation: the section's sum stays exact to the cent over 100,000 lines.
    const t = this.sectionSum + amount;
    this.sectionComp +=
      Math.abs(this.sectionSum) >= Math.abs(amount)
        ? this.sectionSum - t + amount
        : amount - t + this.sectionSum;
    this.sectionSum = t;
    this.sectionLines++;
    const g = this.groupSum + amount;
    this.groupComp +=
      Math.abs(this.groupSum) >= Math.abs(amount) ? this.groupSum - g + amount : amount - g + this.groupSum;
    this.groupSum = g;
    const date = this.dateCol < 0 ? null : parseDate(row[this.dateCol]);
    const period = this.periodCol < 0 ? null : parsePeriod(row[this.periodCol]);
    let year = this.yearCol < 0 ? null : parseYear(row[this.yearCol]);
    let yearSource: YearSource | undefined;
    const counts = this.out.yearSources;
    if (year !== null) {
      yearSource = "boekjaar";
      counts.boekjaar++;
    } else if (date !== null) {
      year = Number(date.slice(0, 4));
      yearSource = "datum";
      counts.datum++;
    } else if (period !== null && period.year !== null) {
      year = period.year;
      yearSource = "periode";
      counts.periode++;
    } else if (this.sheetYear > 0) {
      year = this.sheetYear;
      yearSource = "blad";
      counts.blad++;
    } else counts.none++;
    if (this.sheetYear > 0 && year !== null && year !== this.sheetYear) this.out.sheetYearConflicts++;
    const fte = m.fte === undefined ? null : parseFte(row[m.fte]);
    // One object shape per read: the export columns only when the ledger has one of them, so
    // that a plain ledger's lines stay as small (and as fast) as before.
    if (!this.exportColumns) {
      return {
        row: rowNumber,
        description,
        supplier: textAt(row, m.supplier),
        account: textAt(row, m.account),
        amount,
        year,
        costCentre: textAt(row, m.costCentre),
        fte,
        category: category === "" ? null : category,
        taakveld: textAt(row, m.taakveld),
        iv3Category: textAt(row, m.iv3Category),
        yearSource,
      };
    }
    const document = this.documentCol < 0 ? "" : cellText(row[this.documentCol]);
    return {
      row: rowNumber,
      description,
      supplier: textAt(row, m.supplier),
      account: textAt(row, m.account),
      amount,
      year,
      costCentre: textAt(row, m.costCentre),
      fte,
      category: category === "" ? null : category,
      taakveld: textAt(row, m.taakveld),
      iv3Category: textAt(row, m.iv3Category),
      yearSource,
      date: date ?? undefined,
      period: period === null ? undefined : period.period,
      document: document === "" ? undefined : document,
    };
  }

  /** A header repeated inside the data (printed pages, pasted blocks); asked of unreadable amounts only. */
  private isRepeatedHeader(row: unknown[]): boolean {
    if (matchHeader(row[this.description])?.field !== "description") return false;
    const amountHeader = matchHeader(this.shown)?.field;
    return amountHeader !== undefined && AMOUNT_FIELDS.includes(amountHeader);
  }

  private issue(row: number, message: ReadIssue["message"]): typeof ISSUE {
    this.lastIssue = this.sheet === undefined ? { row, message } : { sheet: this.sheet, row, message };
    return ISSUE;
  }
}

function textAt(row: unknown[], col: number | undefined): string {
  return col === undefined ? "" : cellText(row[col]);
}

/** "C", "Cr", "Credit": the amount of a Bedrag + D/C export is a credit. */
function isCreditMark(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const k = v.trim().toLowerCase();
  return k === "c" || k === "cr" || k === "credit";
}

/** A total row carries its label in the description or in its first filled cell; null when none. */
function totalLabel(row: unknown[], description: string): string | null {
  if (isTotalLabel(description)) return description;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (!isEmptyCell(v)) {
      if (typeof v !== "string") return null;
      const text = cellText(v);
      return isTotalLabel(text) ? text : null;
    }
  }
  return null;
}

function grandTotal(label: string): boolean {
  return GRAND_TOTAL.test(labelKey(label));
}

/** First letter first (t, s, e, g), so that most descriptions never reach the regex. */
function isTotalLabel(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return (c === 116 || c === 115 || c === 101 || c === 103) && TOTAL_LABEL.test(text);
}

function missingAmount(row: number, description: string): ReadIssue["message"] {
  const d = displayValue(description, "nl");
  return { nl: `Rij ${row}: bedrag ontbreekt bij '${d}'`, en: `Row ${row}: amount is missing for '${d}'` };
}

const COLUMN_WORDS: Partial<Record<ReaderField, { nl: string; en: string }>> = {
  amount: { nl: "bedrag", en: "amount" },
  debit: { nl: "debet", en: "debit" },
  credit: { nl: "credit", en: "credit" },
};

function unreadableAmount(row: number, cell: unknown, field: ReaderField): ReadIssue["message"] {
  const word = COLUMN_WORDS[field] ?? { nl: "bedrag", en: "amount" };
  if (isExcelError(cell)) {
    const e = cellText(cell);
    return {
      nl: `Rij ${row}: ${word.nl} is een Excel-fout (${e})`,
      en: `Row ${row}: ${word.en} is an Excel error (${e})`,
    };
  }
  return {
    nl: `Rij ${row}: ${word.nl} '${displayValue(cell, "nl")}' is geen getal`,
    en: `Row ${row}: ${word.en} '${displayValue(cell, "en")}' is not a number`,
  };
}

function outOfRange(row: number, cell: unknown): ReadIssue["message"] {
  return {
    nl: `Rij ${row}: bedrag buiten bereik: '${displayValue(cell, "nl")}' (meer dan € 10.000.000.000.000)`,
    en: `Row ${row}: amount out of range: '${displayValue(cell, "en")}' (beyond € 10,000,000,000,000)`,
  };
}

function missingDescription(row: number, cell: unknown): ReadIssue["message"] {
  return {
    nl: `Rij ${row}: omschrijving ontbreekt bij bedrag '${displayValue(cell, "nl")}'`,
    en: `Row ${row}: description is missing for amount '${displayValue(cell, "en")}'`,
  };
}
