import { cellJsonSize, gridJsonSize, splitRows } from "../../src/excel/payload";

describe("payload sizing", () => {
  it("measures JSON sizes exactly, in UTF-8 bytes", () => {
    const grid = [
      ['a"b', 1.5, true, null, "€ 1.234,56", ""],
      ["=SUM(A1:A2)", -3, false, "x\ny", "'tekst", 0],
    ];
    expect(gridJsonSize(grid)).toBe(new TextEncoder().encode(JSON.stringify(grid)).length);
    expect(cellJsonSize("€")).toBe(5);
  });

  it("splits 100,000 × 14 rows into few blocks, each within the limit and at least half of it", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      Array.from({ length: 14 }, (_, c) => (c % 2 ? i * c : `cel ${i}-${c}`)),
    );
    const limit = 5 * 1024 * 1024;
    const blocks = splitRows(rows, limit);
    const total = gridJsonSize(rows);
    expect(blocks.length).toBeLessThanOrEqual(Math.ceil(total / (limit / 2)));
    expect(blocks[0].start).toBe(0);
    expect(blocks[blocks.length - 1].end).toBe(rows.length);
    blocks.forEach((b, i) => {
      const size = gridJsonSize(rows.slice(b.start, b.end));
      expect(size).toBe(b.bytes);
      expect(size).toBeLessThanOrEqual(limit);
      if (i < blocks.length - 1) expect(size).toBeGreaterThanOrEqual(limit / 2);
      if (i > 0) expect(b.start).toBe(blocks[i - 1].end);
    });
  });

  it("refuses a single row over the limit", () => {
    expect(() => splitRows([["x".repeat(100)]], 50)).toThrow(/larger than the payload limit/);
  });
});
