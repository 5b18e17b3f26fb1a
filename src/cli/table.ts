/** Plain-text tables for the terminal: aligned columns, long text cut with "…". */

export interface Column {
  header: string;
  align?: "left" | "right";
  /** Longer cell text is cut to this width, ending in "…". */
  maxWidth?: number;
}

/** Surrogate pairs: only then is a character more than one UTF-16 unit (the fast path skips Array.from). */
const ASTRAL = /[\uD800-\uDFFF]/;

function truncate(text: string, width: number): string {
  if (text.length <= width) return text; // never more characters than UTF-16 units
  if (!ASTRAL.test(text)) return text.slice(0, Math.max(0, width - 1)) + "…";
  const chars = Array.from(text);
  return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join("") + "…";
}

const NO_CELLS: string[] = [];

const length = (s: string) => (ASTRAL.test(s) ? Array.from(s).length : s.length);

/**
 * Header, a rule of dashes, then one line per row; trailing spaces trimmed. One pass to cut the cells and
 * measure the columns, one to write the lines (100,000 rows of `classify`: plain loops, no per-row arrays
 * of padded cells).
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string {
  const n = columns.length;
  const max = columns.map((c) => c.maxWidth ?? Infinity);
  // A loop, not Math.max(...cells): spreading 125,000 rows into one call overflows the stack.
  const widths = columns.map((c) => length(c.header));
  // Pass 1: cut the cells and measure the columns; only the cut cells are kept.
  const cells: string[][] = new Array<string[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cut = new Array<string>(n);
    for (let c = 0; c < n; c++) {
      const t = truncate(row[c] ?? "", max[c]);
      const w = length(t);
      cut[c] = t;
      if (w > widths[c]) widths[c] = w;
    }
    cells[r] = cut;
  }
  const right = columns.map((c) => c.align === "right");
  const spaces = " ".repeat(Math.max(0, ...widths));
  // Pass 2: each line joined from its pieces into one flat string (no tree of + pieces per line).
  const pieces: string[] = new Array<string>(2 * n);
  const line = (values: readonly string[]) => {
    for (let c = 0; c < n; c++) {
      const v = values[c];
      const fill = spaces.slice(0, widths[c] - length(v));
      pieces[2 * c] = c > 0 ? "  " : "";
      pieces[2 * c + 1] = right[c] ? fill + v : v + fill;
    }
    return pieces.join("").trimEnd();
  };
  const out: string[] = new Array<string>(rows.length + 2);
  out[0] = line(columns.map((c) => c.header));
  out[1] = widths.map((w) => "-".repeat(w)).join("  ");
  for (let r = 0; r < rows.length; r++) {
    out[r + 2] = line(cells[r]);
    cells[r] = NO_CELLS; // the cut cells of a written line are no longer needed
  }
  return out.join("\n") + "\n";
}
