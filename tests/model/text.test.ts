import fc from "fast-check";
import { fold } from "../../src/model/text";

/** The definition fold had before its ASCII shortcut: every string goes through NFD and mark removal. */
const fullFold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

describe("fold", () => {
  it("lower-cases, strips accents and collapses whitespace", () => {
    expect(fold("  Key2Financiën \t Onderhoud ")).toBe("key2financien onderhoud");
    expect(fold("CAFÉ")).toBe("cafe");
  });

  it("gives what the full normalisation gives, for ASCII and any other text (random strings)", () => {
    let seed = 7;
    const random = () => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = () => {
      const r = random();
      if (r < 0.6) return Math.floor(random() * 128); // ASCII, control characters included
      if (r < 0.8) return Math.floor(random() * 0x250); // Latin-1 and Latin Extended
      if (r < 0.9) return 0x300 + Math.floor(random() * 0x70); // combining marks
      return Math.floor(random() * 0xffff);
    };
    for (let i = 0; i < 20000; i++) {
      const s = String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, pick));
      expect(fold(s)).toBe(fullFold(s));
    }
  });

  it("returns text that is already folded as it is, and folds text that is almost folded", () => {
    // Mostly lower-case ASCII and single spaces (what account numbers and supplier names look like),
    // with now and then what the shortcut must not take: capitals, double or edge spaces, tabs, accents.
    const char = fc.constantFrom(
      ..."abcxyz019 -./&",
      "A",
      "Z",
      " ",
      "\t",
      "\u00a0",
      "é",
      "\u0301",
      "~",
      "\x7f",
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 16 }), (chars) => {
        const s = chars.join("");
        expect(fold(s)).toBe(fullFold(s));
      }),
      { numRuns: 5000 },
    );
    expect(fold("0123 ict-beheer")).toBe("0123 ict-beheer");
    expect(fold("ict  beheer")).toBe("ict beheer");
    expect(fold(" ict")).toBe("ict");
    expect(fold("ict ")).toBe("ict");
  });
});
