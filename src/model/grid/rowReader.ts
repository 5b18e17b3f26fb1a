/**
 * The row loop's worker: reads one row after the header into a line, a skipped row or an issue.
 * Amounts: Debet − Credit, or Bedrag (negated by a D/C column saying credit), or Saldo. Total
 * rows: their amount and the sum of the lines above them (exact to the cent, Neumaier). Year:
 * Boekjaar, else date, else period, else the sheet's year.
 *
 * It reads 100,000+ rows: column indexes are plain integers (-1 when absent), outcomes are
 * markers rather than a union to inspect, and a row allocates nothing but its line, so the loop
 * in readLedger stays monomorphic and fast.
 */
import { parseAmount, amountInRange, parseFte, parseYear } from "../amount";
import { cellText, isEmptyCell } from "./cells";
import { parseDate, parsePeriod } from "./dates";
import { AMOUNT_FIELDS, ColumnMapping, ReaderField, matchHeader } from "./headers";
import { missingAmount, missingDescription, outOfRange, unreadableAmount } from "./messages";
import { LedgerRead, ReadLine, SkippedRow } from "./read";
import { grandTotal, totalLabel } from "./totals";
import { ReadIssue, YearSource } from "../types";

// Outcomes as markers rather than a union to inspect: the loop stays monomorphic and fast.
export const SKIPPED = 0;
export const ISSUE = 1;
type RowOutcome = ReadLine | typeof SKIPPED | typeof ISSUE;

// What reading a row's amount cells gave.
const AMOUNT_OK = 0;
const AMOUNT_EMPTY = 1;
const AMOUNT_BAD = 2;
const AMOUNT_RANGE = 3;

export class RowReader {
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
