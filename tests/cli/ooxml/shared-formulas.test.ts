/**
 * Shared formulas: only formulas that are the same up to their relative row numbers share; strings,
 * quoted sheet names, absolute rows and function names with digits are never taken for references.
 */
import fc from "fast-check";
import { RowsAhead, rowTemplate, SharedFormulaRuns } from "../../../src/cli/ooxml/sharedFormulas";
import { columnLetter } from "../../../src/model/layout/a1";

/** The definition rowTemplate had as a regular expression, before it became a scanner. */
const TOKENS = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])/g;
const regexTemplate = (formula: string, row: number) =>
  formula.replace(TOKENS, (whole, col: string | undefined, dollar: string, digits: string) =>
    col === undefined || dollar === "$" ? whole : `${col}\u0000${Number(digits) - row}\u0000`,
  );

describe("rowTemplate", () => {
  it("writes relative rows as offsets and leaves everything else", () => {
    expect(rowTemplate('IF(M6="",H6,M6)', 6)).toBe(rowTemplate('IF(M7="",H7,M7)', 7));
    expect(rowTemplate("A6+$B$2+C$3", 6)).toBe(rowTemplate("A7+$B$2+C$3", 7));
    expect(rowTemplate("A6+$B$2", 6)).not.toBe(rowTemplate("A7+$B$3", 7));
    expect(rowTemplate('"N6"&N6', 6)).not.toBe(rowTemplate('"N7"&N7', 7)); // text is text
    expect(rowTemplate("LOG10(A6)", 6)).toBe(rowTemplate("LOG10(A7)", 7));
    expect(rowTemplate("'Blad 6'!A6", 6)).not.toBe(rowTemplate("'Blad 7'!A7", 7));
    expect(rowTemplate("Sheet1!A6", 6)).toBe(rowTemplate("Sheet1!A7", 7));
    expect(rowTemplate("SUM('X'!$G$5:$G$9)", 6)).toBe("SUM('X'!$G$5:$G$9)");
  });

  it("gives what the regular expression gave, on any formula-like text", () => {
    const piece = fc.constantFrom(
      ..."AZaz$019_.(!:,+\"' ",
      "A1",
      "$B$2",
      "C$3",
      "$D4",
      "ABC12",
      "ABCD1",
      "LOG10(",
      "Blad1!",
      "'Blad 6'!",
      '"N6"',
      '""',
      "IF(",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 1, max: 2000 }), (pieces, row) => {
        const formula = pieces.join("");
        expect(rowTemplate(formula, row)).toBe(regexTemplate(formula, row));
      }),
      { numRuns: 5000 },
    );
  });
});

/** Rows (by row number; holes are gaps) as the writer's look-ahead gives them, starting at `from`. */
function ahead(rows: { values: unknown[] }[], from: number): RowsAhead {
  const list = rows.map((row, r) => ({ row, r })).filter((x) => x && x.row);
  const start = list.findIndex((x) => x.r === from);
  return { at: (k) => list[start + k] as never };
}

describe("SharedFormulaRuns", () => {
  const f = (formula: string) => ({ formula, value: 0 });
  it("shares runs of two or more equal-template formulas in a column, and breaks at a change or a gap", () => {
    const rows: { values: unknown[] }[] = [];
    rows[5] = { values: [undefined, f("B5*2"), "x"] };
    rows[6] = { values: [undefined, f("B6*2"), f("C6")] };
    rows[7] = { values: [undefined, f("B7*2"), f("C7")] };
    rows[8] = { values: [undefined, f("B8*3")] };
    rows[10] = { values: [undefined, f("B10*3"), f("C10")] };
    const shared = new SharedFormulaRuns(columnLetter);
    // Asked as the writer asks: row by row, each formula cell.
    const refs: Record<string, unknown> = {};
    for (const r of [5, 6, 7, 8, 10])
      rows[r].values.forEach((v, c) => {
        if (v && typeof v === "object") refs[`${r},${c}`] = shared.ref(ahead(rows, r), c);
      });
    expect(refs["5,1"]).toEqual({ si: 0, ref: "A5:A7" });
    expect(refs["6,1"]).toEqual({ si: 0 });
    expect(refs["7,1"]).toEqual({ si: 0 });
    expect(refs["8,1"]).toBeUndefined(); // B8*3 alone (row 9 is a gap)
    expect(refs["10,1"]).toBeUndefined();
    expect(refs["6,2"]).toEqual({ si: 1, ref: "B6:B7" });
    expect(refs["10,2"]).toBeUndefined();
  });

  it("writes a column longer than the look-ahead as runs of at most that many rows", () => {
    const rows: { values: unknown[] }[] = [];
    for (let r = 1; r <= 10; r++) rows[r] = { values: [undefined, f(`B${r}+1`)] };
    const shared = new SharedFormulaRuns(columnLetter, 4);
    const refs = [];
    for (let r = 1; r <= 10; r++) refs.push(shared.ref(ahead(rows, r), 1));
    expect(refs).toEqual([
      { si: 0, ref: "A1:A4" },
      { si: 0 },
      { si: 0 },
      { si: 0 },
      { si: 1, ref: "A5:A8" },
      { si: 1 },
      { si: 1 },
      { si: 1 },
      { si: 2, ref: "A9:A10" },
      { si: 2 },
    ]);
  });
});
