/** The adapter layer: argument reading and the one KpiError → Excel error mapping. */
import { ShimError } from "./shim"; // first: installs the CustomFunctions global
import {
  criterionMatcher,
  readLanguage,
  readMatrix,
  readNumber,
  readOptionalBoolean,
  readOptionalYear,
  readText,
  sameShape,
  sumNumbers,
  toExcel,
  toExcelError,
} from "../../src/functions/adapt";
import { isKpiError, KpiError } from "../../src/model/types";

const WHAT = { nl: "Inwoners", en: "Inhabitants" };
const err = (error: KpiError["error"]): KpiError => ({
  error,
  message: { nl: "Dutch text", en: "English text" },
});

describe("KpiError → CustomFunctions.Error", () => {
  test.each([
    ["value", "#VALUE!", "Dutch text"],
    ["na", "#N/A", "Dutch text"],
    ["num", "#NUM!", undefined],
    ["div0", "#DIV/0!", undefined],
  ] as const)("%s → %s (message only where Excel shows one)", (kind, code, message) => {
    const e = toExcelError(err(kind));
    expect(e).toBeInstanceOf(ShimError);
    expect({ code: e.code, message: e.message }).toEqual({ code, message });
  });

  test("a number argument outside its range (num + argument) → #VALUE! with the message, as #NUM! can carry none", () => {
    const e = toExcelError({ ...err("num"), argument: true });
    expect({ code: e.code, message: e.message }).toEqual({ code: "#VALUE!", message: "Dutch text" });
  });

  test("toExcel passes numbers, maps errors, and never lets NaN or Infinity through", () => {
    expect(toExcel(106)).toBe(106);
    expect((toExcel(err("div0")) as CustomFunctions.Error).code).toBe("#DIV/0!");
    expect((toExcel(NaN) as CustomFunctions.Error).code).toBe("#NUM!");
    expect((toExcel(Infinity) as CustomFunctions.Error).code).toBe("#NUM!");
  });
});

describe("reading arguments", () => {
  test("numbers: Excel numbers, Dutch and English text; else #VALUE! with a Dutch message", () => {
    expect(readNumber(100_000, WHAT)).toBe(100_000);
    expect(readNumber("100.000", WHAT)).toBe(100_000);
    expect(readNumber("€ 1.234,56", WHAT)).toBeCloseTo(1234.56, 10);
    const bad = readNumber("veel", WHAT);
    expect(isKpiError(bad) && bad.error).toBe("value");
    expect(isKpiError(bad) && bad.message.nl).toMatch(/^Inwoners moet een getal zijn/);
    expect(isKpiError(readNumber(null, WHAT)) && (readNumber(null, WHAT) as KpiError).message.nl).toBe(
      "Inwoners ontbreekt.",
    );
    expect((readNumber(true, WHAT) as KpiError).error).toBe("value");
    expect((readNumber(NaN, WHAT) as KpiError).error).toBe("num");
  });

  test("years: whole numbers; omitted is undefined", () => {
    expect(readOptionalYear(2022, WHAT)).toBe(2022);
    expect(readOptionalYear("2022", WHAT)).toBe(2022);
    expect(readOptionalYear(null, WHAT)).toBeUndefined();
    expect(readOptionalYear("", WHAT)).toBeUndefined();
    expect((readOptionalYear(2022.5, WHAT) as KpiError).error).toBe("value");
  });

  test("text: trimmed; numbers as text; blank is #VALUE!", () => {
    expect(readText("  SW.KA ", WHAT)).toBe("SW.KA");
    expect(readText(4410, WHAT)).toBe("4410");
    expect((readText("  ", WHAT) as KpiError).error).toBe("value");
    expect((readText(true, WHAT) as KpiError).error).toBe("value");
  });

  test("booleans: TRUE/FALSE, 1/0, WAAR/ONWAAR; omitted gives the default", () => {
    expect(readOptionalBoolean(true, false, WHAT)).toBe(true);
    expect(readOptionalBoolean(0, true, WHAT)).toBe(false);
    expect(readOptionalBoolean("WAAR", false, WHAT)).toBe(true);
    expect(readOptionalBoolean("onwaar", true, WHAT)).toBe(false);
    expect(readOptionalBoolean(undefined, true, WHAT)).toBe(true);
    expect((readOptionalBoolean("misschien", false, WHAT) as KpiError).error).toBe("value");
  });

  test("language: nl by default; nl/en in several spellings; else #VALUE!", () => {
    expect(readLanguage(undefined)).toBe("nl");
    expect(readLanguage("EN")).toBe("en");
    expect(readLanguage("en-US")).toBe("en");
    expect(readLanguage("Nederlands")).toBe("nl");
    expect((readLanguage("fr") as KpiError).error).toBe("value");
  });

  test("ranges: a matrix as is, a single value as 1×1, a ragged or 1-D array is #VALUE!", () => {
    expect(readMatrix([[1], [2]], WHAT)).toEqual([[1], [2]]);
    expect(readMatrix("x", WHAT)).toEqual([["x"]]);
    expect((readMatrix([1, 2], WHAT) as KpiError).error).toBe("value");
    expect((readMatrix(undefined, WHAT) as KpiError).error).toBe("value");
  });

  test("sameShape compares rows and columns", () => {
    expect(sameShape([[1], [2]], [["a"], ["b"]])).toBe(true);
    expect(sameShape([[1], [2]], [["a"]])).toBe(false);
    expect(
      sameShape(
        [[1], [2]],
        [
          ["a", "b"],
          ["c", "d"],
        ],
      ),
    ).toBe(false);
  });

  test("sumNumbers ignores text, booleans and blanks, like SUM over a range", () => {
    expect(
      sumNumbers([
        [1, "2", true],
        [null, "", 3],
      ]),
    ).toBe(4);
    expect(
      sumNumbers(
        [
          [1, 2],
          [3, 4],
        ],
        (r, c) => r === c,
      ),
    ).toBe(5);
  });
});

describe("criterionMatcher", () => {
  test("a component matches its name and every category under it", () => {
    const m = criterionMatcher("software");
    expect(["SW.KA", "sw.bv", "Software", "Kantoorautomatisering", "Office automation"].map(m)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["PE.AU", "IN.WP", "Personeel", "XX.NI", "", null, 3].map(m)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  test("a category matches the code and its labels, not the component", () => {
    const m = criterionMatcher("Werkplek");
    expect(["IN.WP", "in.wp", "Workplace", "werkplek", "Infrastructuur", "IN.ND"].map(m)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  test("other text: equal ignoring case and accents", () => {
    const m = criterionMatcher("Financiën");
    expect(["financien", "FINANCIËN", "Financiën en control"].map(m)).toEqual([true, true, false]);
  });
});
