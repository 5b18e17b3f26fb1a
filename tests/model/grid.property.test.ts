import fc from "fast-check";
import { parseAmount } from "../../src/model/amount";
import { readLedger } from "../../src/model/grid";
import { CellValue, Grid } from "../../src/model/types";

const HEADERS = [
  "Omschrijving",
  "Bedrag",
  "Leverancier",
  "Jaar",
  "Fte",
  "Categorie",
  "Bedrag",
  "verwacht_categorie",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>("", null, undefined, NaN, Infinity, -Infinity, true, false, "#N/A", "#WAARDE!"),
  fc.constantFrom<CellValue>("Totaal", "Subtotaal ICT", "Total", ...HEADERS),
  fc.constantFrom<CellValue>("1.234,56", "(1.234,56)", "1.234,56-", "€ 12", "1,234.56", "abc", "  "),
  fc.double(),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.string({ maxLength: 12 }),
);

const row = fc.array(cell, { maxLength: 9 });
const body = fc.array(row, { maxLength: 30 });
// Grids with a header somewhere (shuffled, sometimes duplicated), and grids without one.
const grid: fc.Arbitrary<Grid> = fc.oneof(
  fc.tuple(body, fc.shuffledSubarray(HEADERS, { minLength: 0 }), body).map(([a, h, b]) => [...a, h, ...b]),
  body,
  fc.constantFrom<Grid>([], [[]], [[""]], [["Omschrijving", "Bedrag"]], [HEADERS, HEADERS]),
);

function isBlank(r: unknown): boolean {
  return (
    !Array.isArray(r) ||
    r.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))
  );
}

describe("readLedger on any grid", () => {
  it("never throws, and accounts for every row after the header exactly once", () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 1000 }), (g, firstRow) => {
        const read = readLedger(g, { firstRow, sheet: "S" });
        if (read.missing.length > 0) {
          expect(read.lines).toEqual([]);
          expect(read.issues).toEqual([]);
          return;
        }
        const start = read.headerRow === null ? 0 : read.headerRow + 1;
        expect(read.lines.length + read.issues.length + read.skipped).toBe(Math.max(0, g.length - start));
        const rows = [...read.lines.map((l) => l.row), ...read.issues.map((i) => i.row)];
        expect(new Set(rows).size).toBe(rows.length);
        for (const r of rows) {
          expect(r).toBeGreaterThanOrEqual(firstRow + start);
          expect(r).toBeLessThan(firstRow + g.length);
          expect(isBlank(g[r - firstRow])).toBe(false);
        }
        expect(read.issues.every((i) => i.sheet === "S" && i.message.nl !== "" && i.message.en !== "")).toBe(
          true,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it("sums to the parsed amounts of the accepted rows, in source order", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const read = readLedger(g);
        const amountCol = read.mapping.amount as number;
        let expected = 0;
        let actual = 0;
        let previous = -Infinity;
        for (const line of read.lines) {
          expect(line.row).toBeGreaterThan(previous);
          previous = line.row;
          expect(Number.isFinite(line.amount)).toBe(true);
          expect(line.description).not.toBe("");
          expected += parseAmount(g[line.row - 1][amountCol]) as number;
          actual += line.amount;
        }
        expect(actual).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it("reports every row whose amount cannot be read", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), cell), { maxLength: 20 }),
        (pairs) => {
          const g: Grid = [["Omschrijving", "Bedrag"], ...pairs.map(([d, a]) => ["X" + d, a])];
          const read = readLedger(g);
          pairs.forEach(([, a], k) => {
            const row = k + 2;
            const line = read.lines.find((l) => l.row === row);
            const issue = read.issues.find((i) => i.row === row);
            if (typeof a === "string" && /^\s*(bedrag|totaal|subtotaal|total)/i.test(a)) return; // header or total
            const parsed = parseAmount(a);
            // Amounts beyond ±1e13 are refused with "bedrag buiten bereik" (issue 14).
            const readable = parsed !== null && Math.abs(parsed) <= 1e13;
            expect(line?.amount ?? null).toBe(line ? parsed : null);
            expect(line === undefined).toBe(!readable);
            if (!line) expect(issue).toBeDefined();
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
