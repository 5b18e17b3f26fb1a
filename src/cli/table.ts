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

const length = (s: string) => (ASTRAL.test(s) ? Array.from(s).length : s.length);

function padCell(text: string, width: number, align: Column["align"]): string {
  const fill = " ".repeat(Math.max(0, width - length(text)));
  return align === "right" ? fill + text : text + fill;
}

/** Header, a rule of dashes, then one line per row; trailing spaces trimmed. */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string {
  const cells = rows.map((row) => columns.map((col, i) => truncate(row[i] ?? "", col.maxWidth ?? Infinity)));
  // A loop, not Math.max(...cells): spreading 125,000 rows into one call overflows the stack.
  const widths = columns.map((col, i) =>
    cells.reduce((w, r) => Math.max(w, length(r[i])), length(col.header)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => padCell(v, widths[i], columns[i].align))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join("\n") + "\n";
}
