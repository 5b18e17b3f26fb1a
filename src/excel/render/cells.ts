/**
 * What one cell or column gets: the input sent for a layout cell (formulas as such, text always as
 * text), the styles of a block, runs of number formats and of column widths (one write per run).
 */
import { CellStyle, LayoutCell, isFormula } from "../../model/layout/types";

/** Styles as range-wide format writes (one operation per property, whatever the range size). */
export const STYLES: Record<CellStyle, (f: Excel.RangeFormat) => void> = {
  title: (f) => ((f.font.bold = true), (f.font.size = 14)),
  subtitle: (f) => ((f.font.italic = true), (f.font.color = "#404040")),
  header: (f) => ((f.font.bold = true), (f.fill.color = "#DDEBF7")),
  body: () => undefined,
  total: (f) => ((f.font.bold = true), (f.fill.color = "#F2F2F2")),
  note: (f) => ((f.font.italic = true), (f.font.color = "#595959")),
  input: (f) => (f.fill.color = "#FFF2CC"),
  warning: (f) => ((f.font.bold = true), (f.font.color = "#C00000")),
};

/**
 * Literal strings get a leading apostrophe, always: Excel then stores the text as is, so
 * "=HYPERLINK(…)", "+31…", "-5" or "00123" can never become a formula, number or date. (The
 * alternative, text format "@", cannot cover columns mixing text and numbers.)
 */
export function toCellInput(cell: LayoutCell): string | number | boolean {
  if (isFormula(cell)) {
    if (!cell.formula.startsWith("=")) throw new Error(`A formula must start with "=": ${cell.formula}`);
    return cell.formula;
  }
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "string") return "'" + cell;
  if (typeof cell === "number" && !Number.isFinite(cell))
    throw new Error(`Cannot write ${cell} into a cell.`);
  return cell;
}

/** Points for a width in characters (Excel: 7 px per character + 5 px padding, 0.75 pt per px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Consecutive columns with the same width become one write: [start, count, chars]. */
export function widthRuns(widths: number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1, w]);
  });
  return runs;
}

/** Runs of consecutive columns that have a number format (null = General = nothing to send). */
export function numberFormatRuns(
  formats: (string | null)[],
  width: number,
): { start: number; formats: string[] }[] {
  const runs: { start: number; formats: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const f = formats[c];
    if (!f) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.formats.length === c) last.formats.push(f);
    else runs.push({ start: c, formats: [f] });
  }
  return runs;
}
