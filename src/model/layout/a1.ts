/**
 * A1-notation helpers for the sheet layouts: column letters, absolute ranges and quoted sheet names.
 * Every formula the layouts write is built from these, so that both Excel and LibreOffice read it.
 */

/** 1-based column number → letters: 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column out of range: ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters → 1-based column number: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

/** A single cell "B12" or "$B$12" → 1-based { column: 2, row: 12 }; throws on anything else. */
export function parseCellAddress(a1: string): { column: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`not an A1 cell address: '${a1}'`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

/** Relative address, e.g. cell(2, 5) → "B5". */
export function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Absolute address, e.g. absCell(2, 5) → "$B$5". */
export function absCell(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** Relative range, e.g. range(1, 3, 16, 10) → "A3:P10". */
export function range(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  return `${cell(firstColumn, firstRow)}:${cell(lastColumn, lastRow)}`;
}

/** A sheet name as formulas need it: always quoted, with ' doubled ("Jan's" → "'Jan''s'"). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference on another sheet: sheetRef("ICT-categorisatie", "$G$5:$G$9") → "'ICT-categorisatie'!$G$5:$G$9". */
export function sheetRef(sheetName: string, ref: string): string {
  return `${quoteSheet(sheetName)}!${ref}`;
}

/** A text constant inside a formula: quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
