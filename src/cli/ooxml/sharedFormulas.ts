/**
 * Shared formulas: a column of formulas that differ only by their relative row numbers (the
 * categorisation sheet's Definitief and Component columns, 100,000 rows each) is written as one master
 * formula `<f t="shared" ref="O5:O100004" si="0">…</f>` and `<f t="shared" si="0"/>` in every other cell,
 * as Excel itself saves them. Rows are only shared when each cell's formula, with its relative row
 * references written as offsets from the cell, is the same text: what Excel derives from the master is
 * then exactly the formula the layout gave.
 *
 * Found while the rows are written, with a look-ahead of at most SHARED_RUN_ROWS rows: a longer column is
 * written as several runs of that length (each its own master), so no pass over the whole sheet comes
 * first — the categorisation body's rows are made when written, and a second pass would make them twice.
 */
import { isFormula, LayoutCell } from "../../model/layout/types";

/** Per cell of a run: the run's id; the master (first) cell also has the run's range. */
export interface SharedRef {
  si: number;
  ref?: string;
}

/**
 * The longest run written as one shared formula: the writer's look-ahead. Short, so that the rows held
 * ahead die young: with 1,024 rows they lived long enough to be promoted to V8's old space, and the
 * 100,000-line copy's peak memory rose from 265 to 330 MB (a master formula per 64 rows costs ~2 MB of XML).
 */
export const SHARED_RUN_ROWS = 64;

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const DOLLAR = 36;

const isLetter = (ch: number) => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
const isDigit = (ch: number) => ch >= 48 && ch <= 57;
/** \w of a regular expression (ASCII letters, digits, underscore). */
const isWord = (ch: number) => isLetter(ch) || isDigit(ch) || ch === 95;

/**
 * Index after a quoted token opened at i ("…" or '…', doubled quotes inside), or -1 when never closed.
 * Unclosed after a doubled quote, the token ends at that quote's first half (what a regular expression
 * backtracking over the doubled pairs would match).
 */
function quotedEnd(formula: string, i: number, quote: number): number {
  let lastPair = -1;
  for (let j = i + 1; j < formula.length; j++) {
    if (formula.charCodeAt(j) !== quote) continue;
    if (formula.charCodeAt(j + 1) !== quote) return j + 1;
    lastPair = j++;
  }
  return lastPair < 0 ? -1 : lastPair + 1;
}

/**
 * The formula with relative row numbers as offsets from `row`: equal for formulas Excel would share.
 * A cell reference is 1–3 letters and a row number, each optionally absolute ($), not part of a longer
 * name (no letter, digit, "_", "." or "$" before it; no letter, digit, "_", ".", "(" or "!" after it);
 * text in double quotes and quoted sheet names are left as they are. A scanner, not a regular
 * expression: it runs for every formula cell of a 100,000-row sheet.
 */
export function rowTemplate(formula: string, row: number): string {
  let out = "";
  let copied = 0; // formula[copied..i) is still to be copied to out
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charCodeAt(i);
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      const end = quotedEnd(formula, i, ch);
      if (end > 0) {
        i = end;
        continue;
      }
    }
    const before = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if ((ch === DOLLAR || isLetter(ch)) && !(isWord(before) || before === 46 || before === DOLLAR)) {
      const ref = cellReference(formula, i);
      if (ref) {
        if (!ref.absoluteRow) {
          out +=
            formula.slice(copied, ref.rowStart) +
            "\u0000" +
            (Number(formula.slice(ref.rowStart, ref.end)) - row) +
            "\u0000";
          copied = ref.end;
        }
        i = ref.end;
        continue;
      }
    }
    i++;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** The reference starting at i: where its row digits start and end, and whether the row is absolute. */
function cellReference(
  formula: string,
  i: number,
): { rowStart: number; end: number; absoluteRow: boolean } | null {
  let j = i;
  if (formula.charCodeAt(j) === DOLLAR) j++;
  const lettersStart = j;
  while (j < formula.length && isLetter(formula.charCodeAt(j))) j++;
  const letters = j - lettersStart;
  if (letters < 1 || letters > 3) return null;
  const absoluteRow = formula.charCodeAt(j) === DOLLAR;
  if (absoluteRow) j++;
  const rowStart = j;
  while (j < formula.length && isDigit(formula.charCodeAt(j))) j++;
  if (j === rowStart) return null;
  const after = j < formula.length ? formula.charCodeAt(j) : 0;
  if (isWord(after) || after === 46 || after === 40 || after === 33) return null;
  return { rowStart, end: j, absoluteRow };
}

/** The rows as the writer holds them: `at(0)` is the row being written, `at(k)` the k-th one after it. */
export interface RowsAhead {
  at(k: number): { row: { values: LayoutCell[] }; r: number } | undefined;
}

// The leading "=" is kept: templates are only compared with each other.
const template = (v: LayoutCell, r: number): string | null =>
  isFormula(v) ? rowTemplate(v.formula, r) : null;

/**
 * Shared-formula runs, decided cell by cell as the rows are written: at the first cell of a run the rows
 * ahead tell how far it goes (at most SHARED_RUN_ROWS rows: gaps, other text or another column end it).
 */
export class SharedFormulaRuns {
  private si = 0;
  /** Per column, the run being written: its id and last row. */
  private readonly open: ({ si: number; last: number } | undefined)[] = [];

  constructor(
    private readonly columnLetter: (c: number) => string,
    private readonly maxRows = SHARED_RUN_ROWS,
  ) {}

  /** The SharedRef of cell `c` of rows.at(0), when it is in a run of two or more equal formulas. */
  ref(rows: RowsAhead, c: number): SharedRef | undefined {
    const current = rows.at(0)!;
    const run = this.open[c];
    if (run && current.r <= run.last) return { si: run.si };
    const t = template(current.row.values[c], current.r);
    if (t === null) return undefined;
    let last = current.r;
    for (let k = 1; k < this.maxRows; k++) {
      const next = rows.at(k);
      if (!next || next.r !== last + 1 || template(next.row.values[c], next.r) !== t) break;
      last = next.r;
    }
    if (last === current.r) return undefined;
    const si = this.si++;
    this.open[c] = { si, last };
    const letter = this.columnLetter(c);
    return { si, ref: `${letter}${current.r}:${letter}${last}` };
  }
}
