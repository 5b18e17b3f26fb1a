import fc from "fast-check";
import { compileDigits, FoldedWords, tokenise, tokeniseSlow } from "../../../src/model/categorise/tokenise";

const ledgerText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc
    .array(
      fc.constantFrom(
        "Financiën",
        "É",
        "ß",
        "Æ",
        "İ",
        "ﬁ",
        "e\u0301",
        "\u0301",
        "€",
        "–",
        "’",
        "…",
        "\u00a0",
        "ΑΣ",
        "I&A",
        "2022-0412",
        "E5",
        " ",
        "/",
        "x",
      ),
      { maxLength: 10 },
    )
    .map((w) => w.join("")),
);

describe("tokenise", () => {
  test("the one-pass table gives the same words as fold() on the whole text", () => {
    fc.assert(
      fc.property(ledgerText, (text) => {
        expect(tokenise(text)).toEqual(tokeniseSlow(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("examples", () => {
    expect(tokenise("Key2Financiën SOC/SIEM e-Suite I&A – € 1.200")).toEqual([
      "key2financien",
      "soc",
      "siem",
      "e",
      "suite",
      "i&a",
      "1",
      "200",
    ]);
  });
});

describe("folded words with digits collapsed", () => {
  const digits = compileDigits({ named: ["365", "e5", "key2financ"], stems: ["key2financ"] });
  const fold = (text: string) => {
    const f = new FoldedWords();
    if (!f.fold(text, digits)) f.foldSlow(text, digits);
    return f.text();
  };

  test("numbers no rule names become one 0; named words and digit stems stay", () => {
    expect(fold("Factuur 2022-0412 KPN")).toBe("factuur 0 0 kpn");
    expect(fold("Microsoft 365 E5 / E3 F20220412 wk1-26")).toBe("microsoft 365 e5 e0 f0 wk0 0");
    expect(fold("Key2Financiën2022 key3financien2022")).toBe("key2financien2022 key0financien0");
  });

  test("the fast path and the slow path agree, and so do the hash and the text", () => {
    fc.assert(
      fc.property(ledgerText, (text) => {
        const fast = new FoldedWords();
        const slow = new FoldedWords();
        slow.foldSlow(text, digits);
        if (fast.fold(text, digits)) {
          expect(fast.text()).toBe(slow.text());
          expect(fast.hash).toBe(slow.hash);
        }
        expect(slow.equals(slow.text())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
