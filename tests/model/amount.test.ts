import fc from "fast-check";
import { parseAmount, parseFte, parseNumber, parseYear } from "../../src/model/amount";

describe("parseAmount", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1.234,56", 1234.56],
    ["€ 1.234,56", 1234.56],
    ["€1234", 1234],
    ["-1.234,56", -1234.56],
    ["(1.234,56)", -1234.56],
    ["1.234,56-", -1234.56],
    ["€ -1.234,56", -1234.56],
    ["-€ 1.234,56", -1234.56],
    ["€ (1.234,56)", -1234.56],
    ["EUR 1 234,56", 1234.56],
    ["1.234,56 EUR", 1234.56],
    ["12 €", 12],
    ["euro 12,50", 12.5],
    ["1,234.56", 1234.56],
    ["1,234,567.89", 1234567.89],
    ["1.234.567,89", 1234567.89],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["\u00a01.234,56\u00a0", 1234.56],
    ["€\u00a01\u202f234,56", 1234.56],
    ["\u22121.234,56", -1234.56],
    ["+12", 12],
    ["+ 1.234,56", 1234.56],
    ["1.234", 1234], // a lone dot before three digits groups thousands (Dutch)
    ["1,234", 1234],
    ["0,125", 0.125], // a leading 0 cannot start a thousands group
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["1234,56", 1234.56],
    ["1234,5678", 1234.5678],
    ["€ 25,-", 25],
    ["25,--", 25],
    ["1.234,-", 1234],
    [",50", 0.5],
    ["1'234.50", 1234.5],
    ["1.5E+06", 1500000],
    ["0", 0],
    ["-0", 0],
    ["  42  ", 42],
  ])("reads %j as %p", (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "12abc",
    "#N/A",
    "#WAARDE!",
    "1..2",
    "1.234.56",
    "1,234.567,8",
    "1234.567,89",
    "(-5)",
    "--5",
    "(5",
    "5)",
    "+-5",
    "1.234 567",
    "5%",
    "€",
    "-",
    "()",
    "1e999",
    "12 34",
  ])("refuses %j", (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it("takes finite Excel numbers as they are and refuses the rest", () => {
    expect(parseAmount(178920)).toBe(178920);
    expect(parseAmount(-4790.5)).toBe(-4790.5);
    expect(parseAmount(NaN)).toBeNull();
    expect(parseAmount(Infinity)).toBeNull();
    expect(parseAmount(-Infinity)).toBeNull();
    expect(parseAmount(true)).toBeNull();
    expect(parseAmount(null)).toBeNull();
    expect(parseAmount(undefined)).toBeNull();
    expect(parseAmount(new Date(2022, 0, 1))).toBeNull();
    expect(parseAmount({})).toBeNull();
  });

  it("parses to the nearest double, without drift", () => {
    expect(parseAmount("0,30")).toBe(0.3);
    expect(parseAmount("1.000.000,07")).toBe(1000000.07);
  });
});

describe("parseFte and parseNumber", () => {
  it("reads a lone separator as the decimal mark for fte", () => {
    expect(parseFte("1,125")).toBe(1.125);
    expect(parseFte("1.125")).toBe(1.125);
    expect(parseFte("0,9")).toBe(0.9);
    expect(parseFte(4.2)).toBe(4.2);
    expect(parseFte("")).toBeNull();
  });

  it("reads inhabitants in Dutch notation", () => {
    expect(parseNumber("61.000")).toBe(61000);
    expect(parseNumber("61 000")).toBe(61000);
    expect(parseNumber("veel")).toBeNull();
  });
});

describe("parseYear", () => {
  it.each([
    [2022, 2022],
    ["2022", 2022],
    [" 2022 ", 2022],
    ["Boekjaar 2022", 2022],
    ["FY2023", 2023],
    ["31-12-2022", 2022],
    [1990, 1990],
    [2100, 2100],
  ])("reads %j as %p", (v, expected) => {
    expect(parseYear(v)).toBe(expected);
  });

  it.each([2022.5, 1989, 2101, "2022/2023", "4410", "twintig", "", null, true, NaN, 44926])(
    "refuses %j",
    (v) => {
      expect(parseYear(v)).toBeNull();
    },
  );

  it("accepts the same year written twice", () => {
    expect(parseYear("2022 (boekjaar 2022)")).toBe(2022);
  });
});

/** Cents formatted as a controller might write them. */
function format(
  cents: number,
  style: "nl" | "en",
  group: boolean,
  negative: "minus" | "parens" | "trailing",
) {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  const frac = String(abs % 100).padStart(2, "0");
  const [thousands, decimal] = style === "nl" ? [".", ","] : [",", "."];
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : whole;
  const body = `${grouped}${decimal}${frac}`;
  if (cents >= 0) return body;
  if (negative === "parens") return `(${body})`;
  return negative === "trailing" ? `${body}-` : `-${body}`;
}

describe("parseAmount properties", () => {
  it("never throws on any string and returns a finite number or null", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const v = parseAmount(s);
        return v === null || Number.isFinite(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on strings made of number characters", () => {
    const chars = fc.constantFrom(..."0123456789.,- ()€+'eE\u00a0".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }), (cs) => {
        const v = parseAmount(cs.join(""));
        return v === null || Number.isFinite(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips cents written in Dutch and English style", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom<"nl" | "en">("nl", "en"),
        fc.boolean(),
        fc.constantFrom<"minus" | "parens" | "trailing">("minus", "parens", "trailing"),
        fc.constantFrom("", "€ ", "€", "EUR "),
        (cents, style, group, negative, currency) => {
          const text = currency + format(cents, style, group, negative);
          expect(parseAmount(text)).toBe(Number((cents / 100).toFixed(2)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("round-trips whole euros with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(".", ",", " "), (euros, sep) => {
        const text = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseAmount(text)).toBe(euros);
      }),
      { numRuns: 1000 },
    );
  });
});
