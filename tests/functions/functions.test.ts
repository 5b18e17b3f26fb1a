/**
 * Behaviour of the ICTCOST custom functions, with the figures of the ICT Benchmark Gemeenten 2023
 * (book year 2022: 106 €/inw = software 36 + personnel 53 + infrastructure 17; 56 fte per 100,000;
 * hired 31%; 125K per hired fte) and CBS inflation (2022: 10.0%).
 */
import { associated, excelError, ShimError } from "./shim"; // first: installs the CustomFunctions global
import fs from "fs";
import path from "path";
import * as F from "../../src/functions/functions";
import { classifyText } from "../../src/model/categorise";
import { isCategoryCode } from "../../src/model/taxonomy";

const codeOf = excelError;

function errorOf(x: unknown): { code: string; message?: string } | null {
  return x instanceof ShimError ? { code: x.code, message: x.message } : null;
}

/** A column as Excel passes a one-column range. */
const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe("registration", () => {
  test("exports exactly the 15 ICTCOST functions and associates none itself (the metadata plugin's loader does)", () => {
    expect(Object.keys(F).sort()).toEqual(
      [
        "BENCHMARK",
        "BUDGETSHARE",
        "CATEGORY",
        "CATEGORYNAME",
        "COMPONENT",
        "COSTPERFTE",
        "CPI",
        "DIFFERENCE",
        "HIREDSHARE",
        "INDEXBUDGET",
        "INFLATE",
        "PER100K",
        "PERINHABITANT",
        "SAAS",
        "SAASEFFECT",
      ].sort(),
    );
    expect(associated.size).toBe(0);
  });
});

describe("PERINHABITANT", () => {
  const amounts = col(600_000, 3_000_000, 5_300_000, 1_700_000, 250_000);
  const codes = col("SW.KA", "SW.BV", "PE.AU", "IN.WP", "XX.NI");

  test("sum per inhabitant: the report's 106", () => {
    expect(F.PERINHABITANT(col(3.6e6, 5.3e6, 1.7e6), 100_000)).toBeCloseTo(106, 10);
  });

  test("a component criterion matches its category codes: software 36", () => {
    expect(F.PERINHABITANT(amounts, 100_000, codes, "software")).toBeCloseTo(36, 10);
    expect(F.PERINHABITANT(amounts, 100_000, codes, "Personeel")).toBeCloseTo(53, 10);
    expect(F.PERINHABITANT(amounts, 100_000, codes, "infrastructure")).toBeCloseTo(17, 10);
  });

  test("a code or label criterion matches only that category, in either language and any case", () => {
    expect(F.PERINHABITANT(amounts, 100_000, codes, "SW.KA")).toBeCloseTo(6, 10);
    expect(F.PERINHABITANT(amounts, 100_000, codes, "sw.ka")).toBeCloseTo(6, 10);
    expect(F.PERINHABITANT(amounts, 100_000, codes, "Werkplek")).toBeCloseTo(17, 10);
    expect(F.PERINHABITANT(amounts, 100_000, codes, "Kantoorautomatisering")).toBeCloseTo(6, 10);
  });

  test("criteria cells may hold labels and component names too", () => {
    const mixed = col("Kantoorautomatisering", "software", "Automatisering", "Werkplek", "Geen ICT");
    expect(F.PERINHABITANT(amounts, 100_000, mixed, "software")).toBeCloseTo(36, 10);
    expect(F.PERINHABITANT(amounts, 100_000, mixed, "SW.KA")).toBeCloseTo(6, 10);
  });

  test("other text matches like SUMIF (case and accents ignored); no match gives 0", () => {
    const centres = col("ICT", "ict", "Burgerzaken", "ICT", "Facilitair");
    expect(F.PERINHABITANT(amounts, 100_000, centres, "ICT")).toBeCloseTo(53, 10); // 0.6 + 3.0 + 1.7 M
    expect(F.PERINHABITANT(amounts, 100_000, centres, "nergens")).toBe(0);
  });

  test("text, TRUE/FALSE and blank cells in amounts are ignored, as SUM does", () => {
    expect(F.PERINHABITANT(col(3.6e6, "1.000.000", "", null, true, 5.3e6, 1.7e6), 100_000)).toBeCloseTo(
      106,
      10,
    );
  });

  test("a two-dimensional block of amounts counts every cell", () => {
    expect(
      F.PERINHABITANT(
        [
          [3.6e6, 5.3e6],
          [1.7e6, ""],
        ],
        100_000,
      ),
    ).toBeCloseTo(106, 10);
  });

  test("inhabitants as Dutch text is read", () => {
    expect(F.PERINHABITANT(col(3.6e6, 5.3e6, 1.7e6), "100.000" as unknown as number)).toBeCloseTo(106, 10);
  });

  test("#VALUE! with a message for zero or negative inhabitants (#NUM! could carry none)", () => {
    expect(errorOf(F.PERINHABITANT(col(1), 0))).toEqual({
      code: "#VALUE!",
      message: "Aantal inwoners moet groter dan 0 zijn, niet 0.",
    });
    expect(errorOf(F.PERINHABITANT(col(1), -5))).toEqual({
      code: "#VALUE!",
      message: "Aantal inwoners moet groter dan 0 zijn, niet -5.",
    });
  });

  test("#VALUE! for text inhabitants, with a Dutch message", () => {
    const e = errorOf(F.PERINHABITANT(col(1), "veel" as unknown as number));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toMatch(/Inwoners moet een getal zijn/);
  });

  test("#VALUE! when criteria_range has another shape, or comes without criterion (or the reverse)", () => {
    expect(codeOf(F.PERINHABITANT(amounts, 100_000, col("SW.KA"), "software"))).toBe("#VALUE!");
    expect(
      codeOf(
        F.PERINHABITANT(
          amounts,
          100_000,
          codes.map((r) => [...r, ""]),
          "software",
        ),
      ),
    ).toBe("#VALUE!");
    expect(codeOf(F.PERINHABITANT(amounts, 100_000, codes))).toBe("#VALUE!");
    expect(codeOf(F.PERINHABITANT(amounts, 100_000, undefined, "software"))).toBe("#VALUE!");
  });

  test("omitted optional arguments may come as null (as Excel passes them)", () => {
    expect(
      F.PERINHABITANT(col(10.6e6), 100_000, null as unknown as unknown[][], null as unknown as string),
    ).toBeCloseTo(106, 10);
  });
});

describe("PER100K", () => {
  test("56 fte for 100,000 inhabitants; 28 fte for 50,000", () => {
    expect(F.PER100K(56, 100_000)).toBeCloseTo(56, 10);
    expect(F.PER100K(28, 50_000)).toBeCloseTo(56, 10);
  });
  test("#VALUE! with a message for zero inhabitants and for text", () => {
    expect(errorOf(F.PER100K(56, 0))?.message).toMatch(/groter dan 0/);
    expect(codeOf(F.PER100K("veel" as unknown as number, 100_000))).toBe("#VALUE!");
  });
});

describe("BENCHMARK", () => {
  test("the report's figures for book year 2022", () => {
    expect(F.BENCHMARK("total_per_inhabitant")).toBe(106);
    expect(F.BENCHMARK("software_per_inhabitant")).toBe(36);
    expect(F.BENCHMARK("personnel_per_inhabitant")).toBe(53);
    expect(F.BENCHMARK("infrastructure_per_inhabitant")).toBe(17);
    expect(F.BENCHMARK("fte_per_100k")).toBe(56);
    expect(F.BENCHMARK("hired_share")).toBeCloseTo(0.31, 10);
    expect(F.BENCHMARK("cost_per_fte_hired")).toBe(125_000);
    expect(F.BENCHMARK("cost_per_fte_own")).toBe(81_000);
    expect(F.BENCHMARK("software_per_inhabitant", 2022)).toBe(36);
  });
  test("a category code: office automation about 6", () => {
    expect(F.BENCHMARK("SW.KA")).toBeCloseTo(6, 0);
  });
  test("#N/A for an unknown KPI, a year without a figure or an unknown edition, with a Dutch message", () => {
    const e = errorOf(F.BENCHMARK("nonsense"));
    expect(e?.code).toBe("#N/A");
    expect(e?.message).toMatch(/geen cijfer voor "nonsense"/);
    expect(codeOf(F.BENCHMARK("total_per_inhabitant", 1999))).toBe("#N/A");
    expect(codeOf(F.BENCHMARK("total_per_inhabitant", undefined, "editie-1999"))).toBe("#N/A");
  });
  test("#VALUE! for a missing KPI or a year that is not a whole number", () => {
    expect(codeOf(F.BENCHMARK(""))).toBe("#VALUE!");
    expect(codeOf(F.BENCHMARK("total_per_inhabitant", 2022.5))).toBe("#VALUE!");
    expect(codeOf(F.BENCHMARK("total_per_inhabitant", "vorig jaar" as unknown as number))).toBe("#VALUE!");
  });
});

describe("DIFFERENCE", () => {
  test("own minus benchmark in euros: 44 against 36 is 8", () => {
    expect(F.DIFFERENCE(44, "software_per_inhabitant")).toBeCloseTo(8, 10);
    expect(F.DIFFERENCE(100, "total_per_inhabitant")).toBeCloseTo(-6, 10);
  });
  test("as a fraction: 44 against 36 is 0.222", () => {
    expect(F.DIFFERENCE(44, "software_per_inhabitant", undefined, true)).toBeCloseTo(8 / 36, 10);
    expect(F.DIFFERENCE(44, "software_per_inhabitant", null as unknown as number, true)).toBeCloseTo(
      0.2222,
      4,
    );
    expect(F.DIFFERENCE(44, "software_per_inhabitant", 2022, "WAAR" as unknown as boolean)).toBeCloseTo(
      0.2222,
      4,
    );
    expect(F.DIFFERENCE(44, "software_per_inhabitant", undefined, false)).toBeCloseTo(8, 10);
  });
  test("errors: unknown KPI #N/A, text own #VALUE!, unreadable as_percent #VALUE!", () => {
    expect(codeOf(F.DIFFERENCE(44, "nonsense"))).toBe("#N/A");
    expect(codeOf(F.DIFFERENCE(44, "software_per_inhabitant", 1999))).toBe("#N/A");
    expect(codeOf(F.DIFFERENCE("veel" as unknown as number, "software_per_inhabitant"))).toBe("#VALUE!");
    expect(
      codeOf(F.DIFFERENCE(44, "software_per_inhabitant", undefined, "misschien" as unknown as boolean)),
    ).toBe("#VALUE!");
  });
});

describe("CATEGORY", () => {
  const ledger = fs
    .readFileSync(path.join(__dirname, "../fixtures/ledger-dev.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(";"));

  test("a whole ledger column spills one code per row, the core categoriser's code", () => {
    const out = F.CATEGORY(
      ledger.map((r) => [r[0]]),
      ledger.map((r) => [r[1]]),
      ledger.map((r) => [r[2]]),
    );
    expect(out).toHaveLength(ledger.length);
    out.forEach((row, i) => {
      expect(row).toHaveLength(1);
      expect(isCategoryCode(row[0])).toBe(true);
      expect(row[0]).toBe(classifyText(ledger[i][0], ledger[i][1], ledger[i][2]).category);
    });
  });

  test("known lines: Microsoft 365 is SW.KA, laptops IN.WP, salaries of functional management PE.FB", () => {
    expect(
      F.CATEGORY(
        col(
          "Abonnement Microsoft 365 E5 (420 gebruikers) 2022",
          "Vervanging laptops (60 st) inclusief docking",
          "Salarissen functioneel beheer 2022",
        ),
        col("Microsoft Ireland Operations Ltd", "Dell Technologies", "Eigen personeel"),
      ),
    ).toEqual(col("SW.KA", "IN.WP", "PE.FB"));
  });

  test("a single cell gives a single code; a blank row gives a blank cell", () => {
    expect(F.CATEGORY([["Power BI Pro licenties"]])).toEqual([["SW.BI"]]);
    expect(F.CATEGORY(col("Power BI Pro licenties", "", null))).toEqual(col("SW.BI", "", ""));
  });

  test('one rule for a blank line: empty in, "" out — alone (as Excel may pass it: null, "", [[null]]) or in a column', () => {
    const none = null as unknown as unknown[][];
    expect(F.CATEGORY(none)).toEqual([[""]]);
    expect(F.CATEGORY(undefined as unknown as unknown[][])).toEqual([[""]]);
    expect(F.CATEGORY("" as unknown as unknown[][])).toEqual([[""]]);
    expect(F.CATEGORY("   " as unknown as unknown[][])).toEqual([[""]]);
    expect(F.CATEGORY([[null]])).toEqual([[""]]);
    expect(F.CATEGORY(none, none, none)).toEqual([[""]]);
    expect(F.CATEGORY(col("Power BI Pro licenties", null))).toEqual(col("SW.BI", ""));
    // a blank description with a supplier is a line, not a blank: it is categorised
    const withSupplier = F.CATEGORY(none, [["Centric"]]);
    expect(withSupplier).toHaveLength(1);
    expect(withSupplier[0][0]).not.toBe("");
    expect(typeof withSupplier[0][0]).toBe("string");
  });

  test("#VALUE! when supplier or account has another shape", () => {
    expect(F.CATEGORY(col("a", "b"), col("x")).map((r) => r.map(codeOf))).toEqual([["#VALUE!"]]);
    expect(F.CATEGORY(col("a", "b"), undefined, col("x", "y", "z")).map((r) => r.map(codeOf))).toEqual([
      ["#VALUE!"],
    ]);
  });
});

describe("CATEGORYNAME", () => {
  test("Dutch by default, English on request; codes in any case, labels too", () => {
    expect(F.CATEGORYNAME("IN.WP", "en")).toBe("Workplace");
    expect(F.CATEGORYNAME("IN.WP")).toBe("Werkplek");
    expect(F.CATEGORYNAME("in.wp", "nl")).toBe("Werkplek");
    expect(F.CATEGORYNAME("Werkplek", "en")).toBe("Workplace");
    expect(F.CATEGORYNAME("SW.KA", "EN")).toBe("Office automation");
  });
  test("#N/A for an unknown code, #VALUE! for an unknown language or a blank code", () => {
    expect(codeOf(F.CATEGORYNAME("XX.YY"))).toBe("#N/A");
    expect(codeOf(F.CATEGORYNAME("IN.WP", "fr"))).toBe("#VALUE!");
    expect(codeOf(F.CATEGORYNAME(""))).toBe("#VALUE!");
  });
});

describe("COMPONENT", () => {
  test("from a code or label: the Dutch component name by default", () => {
    expect(F.COMPONENT("PE.FB")).toBe("Personeel");
    expect(F.COMPONENT("PE.FB", "en")).toBe("Personnel");
    expect(F.COMPONENT("SW.KA")).toBe("Software");
    expect(F.COMPONENT("Werkplek")).toBe("Infrastructuur");
    expect(F.COMPONENT("personnel")).toBe("Personeel");
  });
  test("from a description: categorised first", () => {
    expect(F.COMPONENT("Vervanging laptops (60 st) inclusief docking")).toBe("Infrastructuur");
    expect(F.COMPONENT("Salarissen functioneel beheer 2022", "en")).toBe("Personnel");
  });
  test("#N/A for not-ICT or unknown, #VALUE! for a blank argument or an unknown language", () => {
    expect(codeOf(F.COMPONENT("XX.NI"))).toBe("#N/A");
    expect(codeOf(F.COMPONENT("Koffieautomaten huur"))).toBe("#N/A");
    expect(codeOf(F.COMPONENT(""))).toBe("#VALUE!");
    expect(codeOf(F.COMPONENT("SW.KA", "de"))).toBe("#VALUE!");
  });
});

describe("SAAS", () => {
  test("SaaS or on-premise from description and supplier", () => {
    expect(F.SAAS("Suite4Sociaal Domein SaaS 2022", "Centric Netherlands BV")).toBe("SaaS");
    expect(F.SAAS("Zaaksysteem.nl abonnement")).toBe("SaaS");
    expect(F.SAAS("Decos JOIN zaaksysteem licentie", "Decos Information Solutions BV")).toBe("on-premise");
  });
  test("#N/A for a line that is not software, #VALUE! for a blank description", () => {
    const e = errorOf(F.SAAS("Salarissen functioneel beheer 2022", "Eigen personeel"));
    expect(e?.code).toBe("#N/A");
    expect(e?.message).toMatch(/SaaS of on-premise/);
    expect(codeOf(F.SAAS(""))).toBe("#VALUE!");
  });
});

describe("HIREDSHARE, COSTPERFTE, BUDGETSHARE", () => {
  test("hired share 31%", () => {
    expect(F.HIREDSHARE(1_643_000, 5_300_000)).toBeCloseTo(0.31, 10);
  });
  test("125,000 per hired fte", () => {
    expect(F.COSTPERFTE(250_000, 2)).toBe(125_000);
  });
  test("budget share", () => {
    expect(F.BUDGETSHARE(10_600_000, 400_000_000)).toBeCloseTo(0.0265, 10);
  });
  test("#DIV/0! for zero divisors (no message: Excel shows none for it)", () => {
    expect(errorOf(F.HIREDSHARE(1, 0))).toEqual({ code: "#DIV/0!", message: undefined });
    expect(codeOf(F.COSTPERFTE(250_000, 0))).toBe("#DIV/0!");
    expect(codeOf(F.BUDGETSHARE(1, 0))).toBe("#DIV/0!");
  });
  test("#DIV/0! for a divisor of 0 in each function, never with a message", () => {
    expect(errorOf(F.COSTPERFTE(250_000, 0))).toEqual({ code: "#DIV/0!", message: undefined });
    expect(errorOf(F.BUDGETSHARE(1, 0))).toEqual({ code: "#DIV/0!", message: undefined });
    expect(errorOf(F.DIFFERENCE(1, "total_per_inhabitant", undefined, true))).toBeNull();
  });
  test("#NUM! only for a result that is not a finite number, without a message", () => {
    expect(errorOf(F.PER100K(1e308, 1))).toEqual({ code: "#NUM!", message: undefined });
    expect(errorOf(F.COSTPERFTE(1e308, 1e-308))).toEqual({ code: "#NUM!", message: undefined });
  });
  test("#VALUE! with a message for negative fte or budget, #VALUE! for text", () => {
    expect(errorOf(F.COSTPERFTE(250_000, -2))).toEqual({
      code: "#VALUE!",
      message: "Aantal fte mag niet negatief zijn (-2).",
    });
    expect(errorOf(F.BUDGETSHARE(1, -2.5))).toEqual({
      code: "#VALUE!",
      message: "Totale begroting mag niet negatief zijn (-2,5).",
    });
    expect(codeOf(F.HIREDSHARE("x" as unknown as number, 1))).toBe("#VALUE!");
    expect(codeOf(F.BUDGETSHARE(1, "x" as unknown as number))).toBe("#VALUE!");
  });
});

describe("INFLATE and CPI", () => {
  test("100 euros of 2021 are 110 in prices of 2022; and back", () => {
    expect(F.INFLATE(100, 2021, 2022)).toBeCloseTo(110, 10);
    expect(F.INFLATE(110, 2022, 2021)).toBeCloseTo(100, 10);
    expect(F.INFLATE(100, 2022, 2022)).toBe(100);
  });
  test("CPI 2022 is 0.10", () => {
    expect(F.CPI(2022)).toBeCloseTo(0.1, 10);
  });
  test("#N/A naming the year the user typed and the years CBS has (not the year after it)", () => {
    expect(errorOf(F.INFLATE(100, 1900, 2023))).toEqual({
      code: "#N/A",
      message: "CBS-inflatie is er voor 2004–2025; van jaar 1900 valt erbuiten.",
    });
    expect(errorOf(F.INFLATE(100, 2022, 2030))).toEqual({
      code: "#N/A",
      message: "CBS-inflatie is er voor 2004–2025; naar jaar 2030 valt erbuiten.",
    });
    expect(errorOf(F.CPI(2003))).toEqual({
      code: "#N/A",
      message: "CBS-inflatie is er voor 2004–2025; jaar 2003 valt erbuiten.",
    });
    // 2003 is the price level 2004's inflation starts from: usable as an end of INFLATE
    expect(F.INFLATE(100, 2003, 2004)).toBeCloseTo(101.2, 10);
  });
  test("#VALUE! with a message for a fractional year", () => {
    expect(errorOf(F.CPI(2022.5))).toEqual({
      code: "#VALUE!",
      message: "Jaar moet een heel jaartal zijn, zoals 2022, niet 2022,5.",
    });
    expect(errorOf(F.INFLATE(100, 2021, 2022.5))?.message).toMatch(/^Naar jaar moet een heel jaartal zijn/);
  });
  test("#N/A for a year outside the CBS series, #VALUE! for text or a fractional year", () => {
    expect(codeOf(F.CPI(1999))).toBe("#N/A");
    expect(codeOf(F.INFLATE(100, 1990, 2022))).toBe("#N/A");
    expect(codeOf(F.CPI("vorig jaar" as unknown as number))).toBe("#VALUE!");
    expect(codeOf(F.CPI(2022.5))).toBe("#VALUE!");
    expect(codeOf(F.INFLATE("veel" as unknown as number, 2021, 2022))).toBe("#VALUE!");
  });
});

describe("SAASEFFECT", () => {
  test("+10 percentage points SaaS: about +1 euro per inhabitant", () => {
    expect(F.SAASEFFECT(0.1)).toBeCloseTo(1, 6);
    expect(F.SAASEFFECT(-0.2)).toBeCloseTo(-2, 6);
  });
  test("#VALUE! with a message for percentage points typed as 10, #VALUE! for text", () => {
    expect(errorOf(F.SAASEFFECT(10))).toEqual({
      code: "#VALUE!",
      message:
        "Geef de verandering van het SaaS-aandeel als fractie tussen -1 en 1 (0,10 voor 10 procentpunt), niet 10.",
    });
    expect(codeOf(F.SAASEFFECT("veel" as unknown as number))).toBe("#VALUE!");
  });
});

describe("INDEXBUDGET", () => {
  const realGrowth = 1.107 / 1.1 - 1; // report lines 141-142: ICT cost +10.7%, inflation 10.0%

  test("2021 → 2022 with the benchmark's real growth is the report's 10.7% growth: 96 → 106.27", () => {
    expect(F.INDEXBUDGET(96, 2021, 2022)).toBeCloseTo(96 * 1.107, 10);
  });
  test("years after CBS's last (2025) take 2025's inflation, 3.3%", () => {
    expect(F.INDEXBUDGET(4_770_000, 2024, 2028)).toBeCloseTo(4_770_000 * (1.033 * (1 + realGrowth)) ** 4, 4);
  });
  test("real_growth 0 gives inflation only; an own real growth replaces the benchmark's", () => {
    expect(F.INDEXBUDGET(1_000_000, 2022, 2025, 0)).toBeCloseTo(1_000_000 * 1.038 * 1.033 * 1.033, 4);
    expect(F.INDEXBUDGET(1_000_000, 2022, 2023, 0.01)).toBeCloseTo(1_000_000 * 1.038 * 1.01, 4);
    expect(F.INDEXBUDGET(500, 2024, 2024)).toBe(500);
  });
  test("omitted real_growth may come as null or a blank cell", () => {
    const dflt = F.INDEXBUDGET(96, 2021, 2022) as number;
    expect(F.INDEXBUDGET(96, 2021, 2022, null as unknown as number)).toBe(dflt);
    expect(F.INDEXBUDGET(96, 2021, 2022, "" as unknown as number)).toBe(dflt);
  });
  test("#VALUE! with a message: to_year before from_year, a fractional year, growth typed as percent", () => {
    expect(errorOf(F.INDEXBUDGET(100, 2025, 2024))?.code).toBe("#VALUE!");
    expect(errorOf(F.INDEXBUDGET(100, 2025, 2024))?.message).toMatch(
      /^Naar jaar \(2024\) ligt vóór van jaar \(2025\).*ICTCOST\.INFLATE/,
    );
    expect(errorOf(F.INDEXBUDGET(100, 2024.5, 2026))).toEqual({
      code: "#VALUE!",
      message: "Van jaar moet een heel jaartal zijn, zoals 2024, niet 2024,5.",
    });
    expect(errorOf(F.INDEXBUDGET(100, 2024, 2026, 2))).toEqual({
      code: "#VALUE!",
      message: "Geef de reële groei per jaar als fractie tussen -1 en 1 (0,01 voor 1%), niet 2.",
    });
    expect(errorOf(F.INDEXBUDGET("veel" as unknown as number, 2024, 2026))).toEqual({
      code: "#VALUE!",
      message: 'Begroting moet een getal zijn, niet "veel".',
    });
    expect(errorOf(F.INDEXBUDGET(100, 2024, 2026, "snel" as unknown as number))?.message).toMatch(
      /^Reële groei moet een getal zijn/,
    );
  });
  test("#N/A with a message: from_year before CBS's series, to_year past the horizon", () => {
    expect(errorOf(F.INDEXBUDGET(100, 1990, 2024))).toEqual({
      code: "#N/A",
      message: "CBS-inflatie is er voor 2004–2025; van jaar 1990 valt erbuiten.",
    });
    expect(errorOf(F.INDEXBUDGET(100, 2024, 2080))?.code).toBe("#N/A");
    expect(errorOf(F.INDEXBUDGET(100, 2024, 2080))?.message).toMatch(/tot 2075 vooruit, niet tot 2080/);
  });
  test("#NUM! when the result is too large", () => {
    expect(errorOf(F.INDEXBUDGET(1e308, 2024, 2075, 0.9))).toEqual({ code: "#NUM!", message: undefined });
  });
});

/** Any of the custom functions, called with arbitrary arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...a: any[]) => unknown;

describe("never a throw, never NaN", () => {
  const odd: unknown[] = [
    undefined,
    null,
    "",
    "abc",
    NaN,
    Infinity,
    -1,
    0,
    1e308,
    true,
    [[]],
    [["x", 1]],
    {},
  ];
  const results = (f: AnyFunction, arity: number) => {
    const out: unknown[] = [];
    for (const a of odd)
      for (const b of arity > 1 ? odd : [undefined])
        out.push(f(...[a, b, a, b].slice(0, Math.max(arity, 2))));
    return out;
  };
  test.each(Object.entries(F))("%s", (_name, f) => {
    for (const r of results(f as AnyFunction, (f as AnyFunction).length)) {
      const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
      for (const c of cells) {
        const ok =
          c instanceof ShimError || typeof c === "string" || (typeof c === "number" && Number.isFinite(c));
        expect(ok).toBe(true);
      }
    }
  });
});
