/**
 * Shared formulas: a column of formulas that differ only by their relative row numbers (the
 * categorisation sheet's Definitief and Component columns, 100,000 rows each) is written as one master
 * formula `<f t="shared" ref="O5:O100004" si="0">…</f>` and `<f t="shared" si="0"/>` in every other cell,
 * as Excel itself saves them. Rows are only shared when each cell's formula, with its relative row
 * references written as offsets from the cell, is the same text: what Excel derives from the master is
 * then exactly the formula the layout gave.
 */
import { isFormula, LayoutCell } from "../../model/layout/types";

/** Per cell of a run: the run's id; the master (first) cell also has the run's range. */
export interface SharedRef {
  si: number;
  ref?: string;
}

// A string literal, a quoted sheet name, or a cell reference (not part of a longer name or a function).
const TOKENS = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])/g;

/** The formula with relative row numbers as offsets from `row`: equal for formulas Excel would share. */
export function rowTemplate(formula: string, row: number): string {
  return formula.replace(TOKENS, (whole, col: string | undefined, dollar: string, digits: string) => {
    if (col === undefined || dollar === "$") return whole;
    return `${col}\u0000${Number(digits) - row}\u0000`;
  });
}

/** One column's run of shared formulas: rows start..last, id si. */
interface Run {
  si: number;
  start: number;
  last: number;
}

/**
 * The shared-formula runs found in a grid, kept per column as runs (a few per column), not per row: a
 * million-row sheet with two shared columns would otherwise hold a million row arrays while it is written.
 */
export class SharedFormulas {
  private readonly runs = new Map<number, Run[]>();

  constructor(private readonly columnLetter: (c: number) => string) {}

  add(column: number, run: Run): void {
    let list = this.runs.get(column);
    if (!list) this.runs.set(column, (list = []));
    list.push(run); // runs of a column come in row order
  }

  /** The SharedRef of each cell of row r in a run (the master cell with the run's range), if any. */
  get(r: number): SharedRef[] | undefined {
    let refs: SharedRef[] | undefined;
    for (const [c, list] of this.runs) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const run = list[mid];
        if (r < run.start) hi = mid - 1;
        else if (r > run.last) lo = mid + 1;
        else {
          refs ??= [];
          const letter = this.columnLetter(c);
          refs[c] =
            r === run.start
              ? { si: run.si, ref: `${letter}${run.start}:${letter}${run.last}` }
              : { si: run.si };
          break;
        }
      }
    }
    return refs;
  }
}

/**
 * The shared-formula runs of a grid's columns: `rows[r].values[c]` are the cells; `get(r)` gives, per
 * row, the SharedRef of each cell in a run of two or more.
 */
export function findSharedFormulas(
  rows: { forEach(fn: (row: { values: LayoutCell[] }, r: number) => void): void },
  columnLetter: (c: number) => string,
): SharedFormulas {
  const out = new SharedFormulas(columnLetter);
  const open = new Map<number, { template: string; start: number; last: number }>();
  let si = 0;
  const close = (c: number) => {
    const run = open.get(c);
    open.delete(c);
    if (!run || run.last === run.start) return;
    out.add(c, { si: si++, start: run.start, last: run.last });
  };
  rows.forEach((row, r) => {
    row.values.forEach((v, c) => {
      if (!isFormula(v)) return;
      const template = rowTemplate(v.formula.replace(/^=/, ""), r);
      const run = open.get(c);
      if (run && run.last === r - 1 && run.template === template) {
        run.last = r;
        return;
      }
      close(c);
      open.set(c, { template, start: r, last: r });
    });
    // A column whose run did not reach this row is closed.
    for (const [c, run] of open) if (run.last < r) close(c);
  });
  for (const c of [...open.keys()]) close(c);
  return out;
}
