/** allocateShared: largest-remainder rounding on cents; every line's parts sum back to the line. */
import fc from "fast-check";
import {
  allocateShared,
  AllocationError,
  largestRemainder,
  parseKey,
  peersLayout,
  peerTable,
} from "../../../src/model/peers";

describe("largestRemainder", () => {
  it("gives the cents left to the largest remainders, ties to the earlier member", () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(largestRemainder(1, [1, 2])).toEqual([0, 1]); // quotas 0.33, 0.67
    expect(largestRemainder(1000, [62615, 132411, 18000])).toEqual([294, 622, 84]); // quotas 293.93, 621.57, 84.50: floors 998, the 2 cents left to .93 and .57
    expect(largestRemainder(5, [0, 1])).toEqual([0, 5]);
  });
});

describe("allocateShared", () => {
  const members = [
    { name: "Gemeente Voorbeeldrade", inhabitants: 62615 },
    { name: "Zwolle", inhabitants: 132411 },
    { name: "Gemeente Kleindorp", inhabitants: 18000 },
  ];

  it("by inhabitants: € 100.000,01 split to the cent", () => {
    const a = allocateShared([{ description: "netwerk", amount: 100000.01 }], members);
    // 213.026 inhabitants; quotas 2939312.87, 6215720.77, 844967.37 cents: floors sum to 9999999, the
    // 2 cents left go to the largest remainders (.87 and .77)
    expect(a.lines[0].parts).toEqual([2939313, 6215721, 844967]);
    expect(a.lines[0].parts.reduce((s, p) => s + p, 0)).toBe(10000001);
    expect(a.total).toBe(10000001);
    expect(a.key).toBe("inhabitants");
  });

  it("by a key: names as people write them, a missing member gets 0 with a note", () => {
    const { shares, errors } = parseKey("gemeente;aandeel\nvoorbeeldrade;25%\nZwolle;0,75\nBergen;10\n");
    expect(errors).toEqual([]);
    const a = allocateShared([{ description: "x", amount: 1000 }], members, { kind: "shares", shares });
    // weights 25, 0.75, 0 — the key's scale is the user's: fractions are weight / sum
    expect(a.weights).toEqual([25, 0.75, 0]);
    expect(a.lines[0].parts.reduce((s, p) => s + p, 0)).toBe(100000);
    expect(a.lines[0].parts[2]).toBe(0);
    expect(a.notes.map((n) => n.en).join(" ")).toMatch(
      /Gemeente Kleindorp is not in the key.*Bergen in the key is no member/,
    );
  });

  it("refuses by inhabitants when a member has none, and a key that gives nobody a share", () => {
    expect(() => allocateShared([], [{ name: "X" }])).toThrow(AllocationError);
    expect(() => allocateShared([], members, { kind: "shares", shares: new Map([["Elders", 1]]) })).toThrow(
      /no member a share/,
    );
  });

  it("reports a key line that is no share", () => {
    expect(parseKey("Zwolle;veel\n").errors[0].en).toMatch(/Key line 1: 'veel' is no share/);
  });

  it("lays out the allocation with SUM totals equal to the parts", () => {
    const a = allocateShared(
      [
        { description: "a", amount: 0.01 },
        { description: "b", amount: 333.33 },
      ],
      members,
    );
    const layout = peersLayout(peerTable([]), a);
    const total = layout.blocks.find((b) => b.style === "total")!.cells[0];
    expect(total[0]).toBe("Totaal");
    expect(total[total.length - 1]).toMatchObject({ value: 333.34 });
  });

  it("property: for any amounts and any key, each line's parts sum back to the line to the cent", () => {
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e11, max: 1e11 }), { maxLength: 20 }),
        fc.array(weight, { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (cents, weights) => {
          const lines = cents.map((c, i) => ({ description: `r${i}`, amount: c / 100 }));
          const shares = new Map(weights.map((w, i) => [`G${i}`, w]));
          const ms = weights.map((_, i) => ({ name: `G${i}` }));
          const a = allocateShared(lines, ms, { kind: "shares", shares });
          const sum = weights.reduce((s, w) => s + w, 0);
          a.lines.forEach((l, i) => {
            expect(l.cents).toBe(cents[i]);
            expect(l.parts.reduce((s, p) => s + p, 0)).toBe(cents[i]);
            l.parts.forEach((p, j) => {
              expect(Number.isInteger(p)).toBe(true);
              // never more than a cent from the exact share
              expect(Math.abs(p - (cents[i] * weights[j]) / sum)).toBeLessThan(1 + 1e-6);
            });
          });
          expect(a.totals.reduce((s, t) => s + t, 0)).toBe(a.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: by inhabitants, the euro parts sum back to the euro line to the cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (cents, inhabitants) => {
          const amount = cents / 100;
          const a = allocateShared(
            [{ description: "x", amount }],
            inhabitants.map((n, i) => ({ name: `G${i}`, inhabitants: n })),
          );
          const euros = a.lines[0].parts.map((p) => p / 100);
          expect(Math.round(euros.reduce((s, e) => s + e, 0) * 100)).toBe(cents);
        },
      ),
      { numRuns: 300 },
    );
  });
});
