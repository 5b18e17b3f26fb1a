import fc from "fast-check";
import { hashOf, lineHash, lineKeyAt, lineKeys } from "../../src/model/lineKey";

const line = (description: string, supplier = "", amount = 0) => ({
  description,
  supplier,
  account: "4410",
  year: 2022,
  costCentre: "",
  amount,
});

describe("lineKeys", () => {
  it("does not depend on the position of a line", () => {
    const a = [line("Decos JOIN"), line("KPN mobiel")];
    const [k1, k2] = lineKeys(a);
    const [r2, r1] = lineKeys([a[1], a[0]]);
    expect(r1).toBe(k1);
    expect(r2).toBe(k2);
  });

  it("keeps the key when only the amount changes", () => {
    expect(lineKeys([line("Decos JOIN", "Decos", 100)])).toEqual(
      lineKeys([line("Decos JOIN", "Decos", 250)]),
    );
  });

  it("tells identical bookings apart by occurrence", () => {
    const keys = lineKeys([line("Licentie"), line("Licentie"), line("Licentie")]);
    expect(new Set(keys).size).toBe(3);
  });

  it("ignores case, accents and spacing", () => {
    expect(lineKeys([line("Key2Financiën  onderhoud")])).toEqual(lineKeys([line("key2financien onderhoud")]));
  });
});

describe("lineKeyAt", () => {
  it("gives every line the key lineKeys gives it, duplicates numbered in order, asked in any order", () => {
    const lines = [line("Licentie"), line("KPN"), line("licentie "), line("Licentie", "x"), line("LICENTIE")];
    const keys = lineKeys(lines);
    const keyAt = lineKeyAt(lines);
    expect([4, 0, 2, 3, 1].map((i) => keyAt(i))).toEqual([4, 0, 2, 3, 1].map((i) => keys[i]));
    expect(keys[4]).toMatch(/#2$/);
  });

  it("agrees with lineKeys on thousands of lines with many repeats", () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      line(`Licentie ${(i * 7919) % 97}`, `Leverancier ${i % 3}`, i),
    );
    const keyAt = lineKeyAt(lines);
    expect(lines.map((_, i) => keyAt(i))).toEqual(lineKeys(lines));
  });
});

describe("lineHash", () => {
  it("is the hash of the line's key text, for any fields (ASCII, accents, capitals, odd spacing)", () => {
    const text = fc.string({
      unit: fc.constantFrom(..."abcXYZ 019-./|é\u0301\t\u00a0ĳ", "  ", "É"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.record({
          description: text,
          supplier: text,
          account: text,
          year: fc.option(fc.integer({ min: 1990, max: 2040 })),
          costCentre: text,
        }),
        (l) => {
          const [key] = lineKeys([l]);
          expect(lineHash(l)).toBe(hashOf(key));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
