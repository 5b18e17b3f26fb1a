import fc from "fast-check";
import { reviewList, reviewPriority } from "../../../src/model/categorise";

const line = (id: string, amount: number, confidence: number) => ({ id, amount, confidence });

describe("review list: amount × uncertainty", () => {
  test("a large uncertain line comes before a small uncertain one and a large certain one", () => {
    const lines = [
      line("small unsure", 1_000, 0),
      line("large sure", 100_000, 0.95),
      line("large unsure", 100_000, 0.2),
      line("manual", 500_000, 1),
    ];
    expect(reviewList(lines).map((l) => l.id)).toEqual(["large unsure", "large sure", "small unsure"]);
  });

  test("credit notes count by their size; a line a person chose needs no review", () => {
    expect(reviewPriority(line("credit", -20_000, 0.5))).toBe(10_000);
    expect(reviewPriority(line("manual", 20_000, 1))).toBe(0);
    expect(reviewList([line("manual", 20_000, 1)])).toEqual([]);
  });

  test("equal priorities keep ledger order; the input is not changed", () => {
    const lines = [line("a", 100, 0.5), line("b", 50, 0), line("c", 100, 0.5)];
    const copy = JSON.stringify(lines);
    expect(reviewList(lines).map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(JSON.stringify(lines)).toBe(copy);
  });

  test("property: sorted by priority, nothing lost but the lines that need no review", () => {
    const arb = fc.array(
      fc.record({
        id: fc.string(),
        amount: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(arb, (lines) => {
        const list = reviewList(lines);
        for (let i = 1; i < list.length; i++) {
          expect(reviewPriority(list[i - 1])).toBeGreaterThanOrEqual(reviewPriority(list[i]));
        }
        expect(list.length).toBe(lines.filter((l) => reviewPriority(l) > 0).length);
      }),
    );
  });
});
