/**
 * Shared formulas: only formulas that are the same up to their relative row numbers share; strings,
 * quoted sheet names, absolute rows and function names with digits are never taken for references.
 */
import { findSharedFormulas, rowTemplate } from "../../../src/cli/ooxml/sharedFormulas";
import { columnLetter } from "../../../src/model/layout/a1";

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
});

describe("findSharedFormulas", () => {
  const f = (formula: string) => ({ formula, value: 0 });
  it("shares runs of two or more equal-template formulas in a column, and breaks at a change or a gap", () => {
    const rows: { values: unknown[] }[] = [];
    rows[5] = { values: [undefined, f("B5*2"), "x"] };
    rows[6] = { values: [undefined, f("B6*2"), f("C6")] };
    rows[7] = { values: [undefined, f("B7*2"), f("C7")] };
    rows[8] = { values: [undefined, f("B8*3")] };
    rows[10] = { values: [undefined, f("B10*3"), f("C10")] };
    const shared = findSharedFormulas(rows as never, columnLetter);
    expect(shared.get(5)?.[1]).toEqual({ si: expect.any(Number), ref: "A5:A7" });
    expect(shared.get(6)?.[1]).toEqual({ si: shared.get(5)![1].si });
    expect(shared.get(7)?.[1]).toEqual({ si: shared.get(5)![1].si });
    expect(shared.get(8)?.[1]).toBeUndefined(); // B8*3 alone (row 9 is a gap)
    expect(shared.get(10)?.[1]).toBeUndefined();
    expect(shared.get(6)?.[2]).toEqual({ si: expect.any(Number), ref: "B6:B7" });
    expect(shared.get(6)![2].si).not.toBe(shared.get(5)![1].si);
  });
});
