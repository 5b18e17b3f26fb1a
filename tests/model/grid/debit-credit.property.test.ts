import fc from "fast-check";
import { readLedger } from "../../../src/model/grid";
import { cents, reconcile } from "../../../src/model/reconciliation";
import { CellValue, Grid } from "../../../src/model/types";

/** An amount in cents as a cell: an Excel number, Dutch text or English text. */
function cell(c: number, form: number): CellValue {
  const euros = c / 100;
  if (form === 0) return euros;
  const abs = Math.abs(c);
  const whole = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, "0");
  const sign = c < 0 ? "-" : "";
  if (form === 1) return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction}`;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

// One line: its amount in cents, how it is split, the cell form, and the part both columns share.
const line = fc.record({
  amount: fc.integer({ min: -1e12, max: 1e12 }),
  split: fc.constantFrom("debit", "credit", "both", "signed"),
  form: fc.integer({ min: 0, max: 2 }),
  shared: fc.integer({ min: 0, max: 1e9 }),
});

describe("Debet/Credit, negative signs and D/C marks", () => {
  it("give the same totals as one signed Bedrag column, to the cent, for any split", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (ls) => {
        const single: Grid = [["Omschrijving", "Bedrag"]];
        const split: Grid = [["Omschrijving", "Debet", "Credit"]];
        const marked: Grid = [["Omschrijving", "Bedrag", "D/C"]];
        for (const l of ls) {
          single.push(["x", cell(l.amount, l.form)]);
          marked.push(["x", cell(Math.abs(l.amount), l.form), l.amount < 0 ? "C" : "D"]);
          if (l.split === "debit")
            split.push(["x", cell(l.amount, l.form), ""]); // negative debet for credit notes
          else if (l.split === "credit") split.push(["x", "", cell(-l.amount, l.form)]);
          else if (l.split === "signed") {
            split.push(l.amount < 0 ? ["x", "", cell(-l.amount, l.form)] : ["x", cell(l.amount, l.form), ""]);
          } else split.push(["x", cell(l.amount + l.shared, l.form), cell(l.shared, l.form)]);
        }
        const reads = [single, split, marked].map((g) => readLedger(g));
        for (const read of reads) {
          expect(read.issues).toEqual([]);
          expect(read.lines).toHaveLength(ls.length);
        }
        const [a, b, c] = reads.map((r) => reconcile(r));
        expect(cents(b.lines.sum)).toBe(cents(a.lines.sum));
        expect(cents(c.lines.sum)).toBe(cents(a.lines.sum));
        const expected = ls.reduce((s, l) => s + l.amount, 0);
        expect(cents(a.lines.sum)).toBe(expected);
        reads[1].lines.forEach((x, i) => expect(cents(x.amount)).toBe(ls[i].amount));
      }),
      { numRuns: 300 },
    );
  });
});
